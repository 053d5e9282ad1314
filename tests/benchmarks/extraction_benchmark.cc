// Throughput of the extraction front end on generated news text:
// normalization, sentence splitting, quantity and time extraction, in one
// thread. The text is generated deterministically from a template of words
// and figures (no files), so runs compare across machines.
//
//   bazel run -c opt //tests/benchmarks:extraction_benchmark -- \
//       --benchmark_repetitions=3
//
// BM_ExtractArticle reports bytes/s over ~1 MB of article text for the
// figures-and-dates front end (issue 3); BM_WholeExtraction adds who says
// what (core/attribution) and event frames with causal claims (core/event):
// everything the pipeline extracts per document.
// BM_ManyDocuments processes N documents of ~4 KB one after another and
// reports peak RSS (getrusage ru_maxrss, KiB) and its growth during the run,
// to show that memory does not grow with the number of documents.
#include <sys/resource.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "benchmark/benchmark.h"
#include "core/attribution/attribution_extractor.h"
#include "core/event/event_extractor.h"
#include "core/quantity/quantity_extractor.h"
#include "core/text/normalize.h"
#include "core/text/segment.h"
#include "core/time/time_extractor.h"
#include "proto/extraction.pb.h"

namespace factdiff {
namespace {

// One sentence from a template: subjects, verbs, figures, dates and filler,
// drawn with a fixed-seed generator.
std::string Sentence(std::mt19937* rng) {
  static constexpr const char* kBounds[] = {
      "", "", "at least ", "more than ", "about ", "nearly ", "up to ",
      "some ", "fewer than ", "as many as "};
  static constexpr const char* kFigures[] = {
      "23", "2,600", "1 200", "6,000\xE2\x80\x93" "6,500", "eleven",
      "Fifty-three", "two hundred", "dozens of", "hundreds of", "several",
      "12 to 15", "between 5,000 and 7,000", "a few", "40", "3.5 million"};
  static constexpr const char* kSubjects[] = {
      "soldiers", "people", "protesters", "civilians", "troops",
      "Taliban fighters", "residents", "workers", "children", "police officers"};
  static constexpr const char* kVerbs[] = {
      "were killed", "were wounded", "were arrested", "fled their homes",
      "marched through the capital", "were reported missing", "died",
      "were evacuated", "gathered outside parliament", "were detained"};
  static constexpr const char* kTimes[] = {
      "on Sunday", "last Wednesday", "on Monday evening", "last week",
      "earlier this month", "on Oct. 19", "on October 11-12", "in 2021",
      "in the early 1990s", "over nearly two weeks", "last August",
      "on the night of October 11", "", ""};
  static constexpr const char* kTails[] = {
      "officials said.", "according to a hospital official.",
      "the military said in a statement.", "police told reporters.",
      "after a 2,600-kilometer (1,600 miles) march.",
      "while prices rose 5% to $3 billion.",
      "as the death toll climbed to 47.", "witnesses said."};
  auto pick = [rng](const auto& table) {
    std::uniform_int_distribution<size_t> d(
        0, sizeof(table) / sizeof(table[0]) - 1);
    return table[d(*rng)];
  };
  return absl::StrCat(pick(kBounds), pick(kFigures), " ", pick(kSubjects),
                      " ", pick(kVerbs), " ", pick(kTimes), ", ",
                      pick(kTails), " ");
}

std::string Article(size_t bytes, uint32_t seed) {
  std::mt19937 rng(seed);
  std::string text;
  text.reserve(bytes + 256);
  while (text.size() < bytes) {
    std::string s = Sentence(&rng);
    s[0] = static_cast<char>(s[0] >= 'a' && s[0] <= 'z' ? s[0] - 32 : s[0]);
    text += s;
    if (rng() % 6 == 0) text += "\n\n";
  }
  return text;
}

// The extractors of one run, built once.
struct Extractors {
  QuantityExtractor quantities;
  TimeExtractor times;
  AttributionExtractor attributions;
  EventExtractor events;
};

// The work per document; returns the number of items found. With
// `structure`, also attributions (over the whole document) and event frames
// (per sentence, given its times), as the pipeline does.
size_t Process(const std::string& text, const Extractors& x,
               absl::optional<absl::CivilDay> published, bool structure) {
  const NormalizedText norm = Normalize(text);
  const std::vector<SentenceRange> sentences = SplitSentences(norm.text);
  size_t found = 0;
  for (const SentenceRange& s : sentences) {
    found += x.quantities.Extract(norm, s).size();
    std::vector<v1::TimeExpression> times = x.times.Extract(norm, s, published);
    found += times.size();
    if (structure) found += x.events.Extract(norm, s, times).size();
  }
  if (structure) found += x.attributions.Extract(norm.text, sentences).size();
  return found;
}

long MaxRssKb() {
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;  // KiB on Linux
}

void ExtractArticle(benchmark::State& state, bool structure) {
  const std::string text = Article(1 << 20, 2025);
  const Extractors extractors;
  const absl::CivilDay published(2025, 10, 29);
  size_t found = 0;
  for (auto _ : state) {
    found = Process(text, extractors, published, structure);
    benchmark::DoNotOptimize(found);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
  state.counters["items_per_doc"] = static_cast<double>(found);
}

void BM_ExtractArticle(benchmark::State& state) { ExtractArticle(state, false); }
BENCHMARK(BM_ExtractArticle)->Unit(benchmark::kMillisecond);

void BM_WholeExtraction(benchmark::State& state) { ExtractArticle(state, true); }
BENCHMARK(BM_WholeExtraction)->Unit(benchmark::kMillisecond);

// Each stage alone on the same text, to see where the time goes.
void BM_Stage(benchmark::State& state) {
  const std::string text = Article(1 << 20, 2025);
  const Extractors x;
  const absl::CivilDay published(2025, 10, 29);
  const NormalizedText norm = Normalize(text);
  const std::vector<SentenceRange> sentences = SplitSentences(norm.text);
  for (auto _ : state) {
    switch (state.range(0)) {
      case 0:
        benchmark::DoNotOptimize(Normalize(text));
        break;
      case 1:
        benchmark::DoNotOptimize(SplitSentences(norm.text));
        break;
      case 2:
        for (const SentenceRange& s : sentences) {
          benchmark::DoNotOptimize(x.quantities.Extract(norm, s));
        }
        break;
      case 3:
        for (const SentenceRange& s : sentences) {
          benchmark::DoNotOptimize(x.times.Extract(norm, s, published));
        }
        break;
      case 4:
        benchmark::DoNotOptimize(x.attributions.Extract(norm.text, sentences));
        break;
      default:
        for (const SentenceRange& s : sentences) {
          benchmark::DoNotOptimize(x.events.Extract(norm, s, {}));
        }
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
  static constexpr const char* kNames[] = {
      "normalize", "split", "quantity", "time", "attribution", "event"};
  state.SetLabel(kNames[state.range(0)]);
}
BENCHMARK(BM_Stage)->DenseRange(0, 5)->Unit(benchmark::kMillisecond);

void BM_ManyDocuments(benchmark::State& state) {
  const int documents = static_cast<int>(state.range(0));
  // A pool of distinct documents, generated outside the timed loop; each
  // iteration processes `documents` of them one after another.
  std::vector<std::string> pool;
  for (uint32_t i = 0; i < 64; ++i) pool.push_back(Article(4096, 1000 + i));
  const Extractors extractors;
  const absl::CivilDay published(2025, 10, 29);
  const long rss_before = MaxRssKb();
  int64_t bytes = 0;
  for (auto _ : state) {
    for (int d = 0; d < documents; ++d) {
      const std::string& doc = pool[d % pool.size()];
      benchmark::DoNotOptimize(Process(doc, extractors, published, true));
      bytes += static_cast<int64_t>(doc.size());
    }
  }
  state.SetBytesProcessed(bytes);
  state.counters["peak_rss_kb"] = static_cast<double>(MaxRssKb());
  state.counters["rss_growth_kb"] = static_cast<double>(MaxRssKb() - rss_before);
}
BENCHMARK(BM_ManyDocuments)
    ->Arg(10)
    ->Arg(1000)
    ->Arg(10000)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace factdiff

BENCHMARK_MAIN();
