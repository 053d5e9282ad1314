// Throughput of AttributionExtractor::Extract on ~1 MB of generated news-like
// text: paragraphs that mix attributed sentences (indirect speech, quotes
// with the speaker after them, "according to", denials, estimates) with
// plain ones. Normalization and sentence splitting are done once, outside
// the timed loop. Target: >= 20 MB/s.
//
//   bazel run -c opt //core/attribution:attribution_benchmark
#include <random>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "core/attribution/attribution_extractor.h"
#include "core/text/normalize.h"
#include "core/text/segment.h"

namespace factdiff {
namespace {

std::string MakeArticles(size_t target_bytes) {
  const char* const sources[] = {
      "The regional governor", "Rescue workers", "Mr. Adeyemi",
      "A security official who spoke on condition of anonymity",
      "The ministry", "Gen. Haldane", "Police", "Witnesses",
      "Jane Okafor, a spokeswoman for the Interior Ministry", "He", "They"};
  const char* const claims[] = {
      "23 people were killed in the attack",
      "about 1.5 million people had fled the region",
      "the toll had risen to 58 on Oct. 19",
      "no talks would take place before the election",
      "6,000 homes were damaged by the floods",
      "the strike was unprovoked and would be answered"};
  const char* const plain[] = {
      "The bridge over the river collapsed shortly after midnight.",
      "Prices rose 4.2% in the 2020-2021 period, the highest in a decade.",
      "Schools in the capital remained closed for a third day.",
      "The convoy reached the border town late on Sunday evening."};
  std::mt19937 rng(7);
  auto pick = [&](auto& arr) {
    return arr[rng() % (sizeof(arr) / sizeof(arr[0]))];
  };
  std::string out;
  while (out.size() < target_bytes) {
    for (int s = 0; s < 5; ++s) {
      switch (rng() % 7) {
        case 0:
          out += std::string(pick(sources)) + " said that " + pick(claims) + ". ";
          break;
        case 1:
          out += std::string("\"") + pick(claims) + ",\" " + pick(sources) +
                 " said. ";
          break;
        case 2:
          out += std::string("According to ") + pick(sources) + ", " +
                 pick(claims) + ". ";
          break;
        case 3:
          out += std::string(pick(sources)) + " denied that " + pick(claims) +
                 ". ";
          break;
        case 4:
          out += std::string(pick(claims)) + ", " + pick(sources) +
                 " told reporters on Monday. ";
          break;
        default:
          out += std::string(pick(plain)) + " ";
      }
    }
    out += "\n\n";
  }
  return out;
}

void BM_Extract(benchmark::State& state) {
  const NormalizedText norm = Normalize(MakeArticles(1 << 20));
  const std::vector<SentenceRange> sentences = SplitSentences(norm.text);
  AttributionExtractor extractor;
  size_t found = 0;
  for (auto _ : state) {
    std::vector<v1::Attribution> out = extractor.Extract(norm.text, sentences);
    found = out.size();
    benchmark::DoNotOptimize(out);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          norm.text.size());
  state.counters["attributions"] = found;
}
BENCHMARK(BM_Extract)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace factdiff
