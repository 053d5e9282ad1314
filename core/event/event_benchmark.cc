// Throughput of EventExtractor on ~1 MB of generated news-like text: event
// sentences of every family (conflict, disasters, protests, elections,
// business) with causal cues and stances, mixed with plain sentences.
//
//   bazel run -c opt //core/event:event_benchmark
#include <random>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "core/event/event_extractor.h"
#include "core/text/normalize.h"
#include "core/text/segment.h"
#include "proto/extraction.pb.h"

namespace factdiff {
namespace {

std::string MakeArticles(size_t target_bytes) {
  const char* const sentences[] = {
      "Rebel fighters attacked an army checkpoint in Idlib province on "
      "Sunday, killing four soldiers.",
      "Armenian troops shelled Azerbaijani positions in retaliation for "
      "Azerbaijani drone strikes on Goris.",
      "The fighting began after militants ambushed a patrol near the "
      "border.",
      "No group has claimed responsibility for the blast, which wounded 23 "
      "people.",
      "The government blamed separatists for the bombing, but the group "
      "denied any involvement.",
      "Seoul condemned the unprovoked North Korean attack on the island.",
      "Thousands of teachers marched through Santiago to demand higher "
      "pensions.",
      "Rail workers went on strike over pay, halting trains across the "
      "country.",
      "A strong quake struck western Nepal, triggering a landslide that "
      "buried a village.",
      "Flash floods swept through villages in Sindh after days of heavy "
      "rain.",
      "Kenyans voted in a presidential election that observers called "
      "peaceful.",
      "The carmaker reported quarterly results and announced 2,000 job "
      "cuts.",
      "The finance minister resigned on Friday amid a corruption inquiry.",
      "Officials said the talks would resume next week in Doha.",
      "The council approved the budget by a vote of 31 to 12.",
      "Prices rose 4.2% in the year to October, the statistics office "
      "said.",
      "Witnesses described long queues outside the bakeries in the old "
      "city.",
  };
  std::mt19937 rng(11);
  std::string text;
  text.reserve(target_bytes + 1024);
  while (text.size() < target_bytes) {
    const int n = 3 + rng() % 5;
    for (int s = 0; s < n; ++s) {
      text += sentences[rng() % (sizeof(sentences) / sizeof(sentences[0]))];
      text += ' ';
    }
    text += "\n\n";
  }
  return text;
}

struct Corpus {
  NormalizedText norm;
  std::vector<SentenceRange> sentences;
};

const Corpus& Articles() {
  static const Corpus* const corpus = [] {
    auto* c = new Corpus;
    c->norm = Normalize(MakeArticles(1 << 20));
    c->sentences = SplitSentences(c->norm.text);
    return c;
  }();
  return *corpus;
}

void BM_ExtractEvents(benchmark::State& state) {
  const Corpus& c = Articles();
  const EventExtractor extractor;
  const std::vector<v1::TimeExpression> no_times;
  size_t frames = 0;
  for (auto _ : state) {
    for (const SentenceRange& s : c.sentences) {
      std::vector<v1::EventFrame> f =
          extractor.Extract(c.norm.text, s, no_times);
      frames += f.size();
      benchmark::DoNotOptimize(f);
    }
  }
  state.SetBytesProcessed(state.iterations() * c.norm.text.size());
  state.counters["frames_per_pass"] =
      static_cast<double>(frames) / std::max<int64_t>(1, state.iterations());
}
BENCHMARK(BM_ExtractEvents)->Unit(benchmark::kMillisecond);

void BM_ExtractEventsNormalized(benchmark::State& state) {
  const Corpus& c = Articles();
  const EventExtractor extractor;
  const std::vector<v1::TimeExpression> no_times;
  for (auto _ : state) {
    for (const SentenceRange& s : c.sentences) {
      std::vector<v1::EventFrame> f = extractor.Extract(c.norm, s, no_times);
      benchmark::DoNotOptimize(f);
    }
  }
  state.SetBytesProcessed(state.iterations() * c.norm.text.size());
}
BENCHMARK(BM_ExtractEventsNormalized)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace factdiff
