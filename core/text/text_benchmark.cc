// Throughput of Normalize and SplitSentences on ~1 MB of generated news-like
// text (mostly ASCII, with curly quotes, dashes, no-break spaces,
// abbreviations and hard-wrapped paragraphs).
//
//   bazel run -c opt //core/text:text_benchmark
#include <random>
#include <string>

#include "benchmark/benchmark.h"
#include "core/text/normalize.h"
#include "core/text/segment.h"

namespace factdiff {
namespace {

std::string MakeArticles(size_t target_bytes) {
  const char* const subjects[] = {"The regional governor",
                                  "Rescue workers",
                                  "Mr. Adeyemi",
                                  "Officials in the capital",
                                  "Acme Corp.",
                                  "The U.S. envoy",
                                  "Dr. Varga",
                                  "Witnesses",
                                  "The ministry",
                                  "Gen. Haldane"};
  const char* const verbs[] = {"said",   "reported",  "confirmed",
                               "denied", "estimated", "told reporters"};
  const char* const objects[] = {
      "that 23 people were killed",
      "that about 1.5 million had fled",
      "the toll had risen to 58 on Oct. 19",
      "\xE2\x80\x9Cno talks\xE2\x80\x9D would take place",
      "that 6\xC2\xA0"
      "000 homes were damaged",
      "the strike\xE2\x80\x94the third this year\xE2\x80\x94was unprovoked",
      "prices rose 4.2% in the 2020\xE2\x80\x93"
      "2021 period",
      "the caf\xC3\xA9 owners were compensated",
      "the attack began at 4 a.m. local time"};
  std::mt19937 rng(7);
  std::string text;
  text.reserve(target_bytes + 1024);
  int column = 0;
  while (text.size() < target_bytes) {
    const int sentences = 2 + rng() % 5;
    for (int s = 0; s < sentences; ++s) {
      std::string sentence = subjects[rng() % 10];
      sentence += " ";
      sentence += verbs[rng() % 6];
      sentence += " ";
      sentence += objects[rng() % 9];
      sentence += ". ";
      // Hard-wrap some paragraphs at about 72 columns.
      for (char c : sentence) {
        if (c == ' ' && column > 72 && rng() % 2 == 0) {
          text += '\n';
          column = 0;
        } else {
          text += c;
          ++column;
        }
      }
    }
    text += "\n\n";
    column = 0;
  }
  return text;
}

const std::string& Articles() {
  static const std::string* const text = new std::string(MakeArticles(1 << 20));
  return *text;
}

void BM_Normalize(benchmark::State& state) {
  const std::string& text = Articles();
  for (auto _ : state) {
    NormalizedText norm = Normalize(text);
    benchmark::DoNotOptimize(norm);
  }
  state.SetBytesProcessed(state.iterations() * text.size());
}
BENCHMARK(BM_Normalize);

void BM_SplitSentences(benchmark::State& state) {
  const std::string text = Normalize(Articles()).text;
  for (auto _ : state) {
    auto sentences = SplitSentences(text);
    benchmark::DoNotOptimize(sentences);
  }
  state.SetBytesProcessed(state.iterations() * text.size());
}
BENCHMARK(BM_SplitSentences);

void BM_NormalizeAndSplit(benchmark::State& state) {
  const std::string& text = Articles();
  for (auto _ : state) {
    NormalizedText norm = Normalize(text);
    auto sentences = SplitSentences(norm.text);
    benchmark::DoNotOptimize(sentences);
  }
  state.SetBytesProcessed(state.iterations() * text.size());
}
BENCHMARK(BM_NormalizeAndSplit);

}  // namespace
}  // namespace factdiff
