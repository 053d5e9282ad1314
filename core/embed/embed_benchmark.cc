// Fit + embed throughput of the built-in "tfidf-svd" embedder on generated
// news-like sentences. Run:
//   bazel run -c opt //core/embed:embed_benchmark -- --benchmark_repetitions=3
//   --benchmark_report_aggregates_only=true
// The "sentences/s" counter is the throughput; the aggregates give medians.
// The *Model benchmarks report the stored model's size ("blob_bytes").
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "core/embed/tfidf_svd.h"

namespace factdiff {
namespace {

// A vocabulary of pronounceable made-up words and sentences of 12 to 28
// words: 40% function words, 30% words of one of 200 topics, 30% drawn from
// the shared vocabulary with a Zipf law. Deterministic.
std::vector<std::string> GenerateSentences(int count) {
  std::mt19937_64 gen(2024);
  const char* onsets[] = {"b", "d", "f", "g", "k",  "l",  "m",  "n",  "p", "r",
                          "s", "t", "v", "z", "br", "st", "tr", "gr", "pl"};
  const char* vowels[] = {"a", "e", "i", "o", "u", "ai", "ou", "ea"};
  const char* stop[] = {"the",  "of", "and", "to",   "in",   "a",
                        "said", "on", "for", "that", "with", "was"};
  std::vector<std::string> vocab;
  for (int i = 0; i < 30000; ++i) {
    std::string w;
    const int syllables = 2 + static_cast<int>(gen() % 3);
    for (int s = 0; s < syllables; ++s) {
      w += onsets[gen() % 19];
      w += vowels[gen() % 8];
    }
    if (gen() % 3 == 0) w += "s";
    vocab.push_back(w);
  }
  // Zipf over the vocabulary through a cumulative table.
  std::vector<double> cdf(vocab.size());
  double total = 0;
  for (size_t i = 0; i < vocab.size(); ++i) cdf[i] = total += 1.0 / (i + 1);
  auto zipf = [&] {
    const double u = (gen() >> 11) * 0x1.0p-53 * total;
    return std::lower_bound(cdf.begin(), cdf.end(), u) - cdf.begin();
  };
  std::vector<std::string> sentences;
  sentences.reserve(count);
  for (int i = 0; i < count; ++i) {
    const size_t topic = gen() % 200;
    const int length = 12 + static_cast<int>(gen() % 17);
    std::string s;
    for (int j = 0; j < length; ++j) {
      if (j > 0) s += ' ';
      const uint64_t r = gen() % 10;
      if (r < 4) {  // news sentences are ~40% function words
        s += stop[gen() % 12];
        continue;
      }
      s += vocab[r < 7 ? 1000 + topic * 50 + gen() % 50 : zipf()];
    }
    s += '.';
    sentences.push_back(std::move(s));
  }
  return sentences;
}

void BM_TfidfSvdFitEmbed(benchmark::State& state) {
  const std::vector<std::string> sentences =
      GenerateSentences(static_cast<int>(state.range(0)));
  TfidfSvdOptions options;  // 128 dims, all hardware threads
  for (auto _ : state) {
    TfidfSvdEmbedder embedder(options);
    auto m = embedder.FitEmbed(sentences);
    if (!m.ok()) state.SkipWithError(std::string(m.status().message()).c_str());
    benchmark::DoNotOptimize(m->data());
  }
  state.counters["sentences/s"] = benchmark::Counter(
      static_cast<double>(sentences.size()) * state.iterations(),
      benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TfidfSvdFitEmbed)
    ->Arg(10000)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1);

// Embedding new sentences with an already fitted model.
void BM_TfidfSvdEmbed(benchmark::State& state) {
  const std::vector<std::string> sentences =
      GenerateSentences(static_cast<int>(state.range(0)));
  TfidfSvdEmbedder embedder;
  if (!embedder.Fit(sentences).ok()) state.SkipWithError("fit failed");
  for (auto _ : state) {
    auto m = embedder.Embed(sentences);
    benchmark::DoNotOptimize(m->data());
  }
  state.counters["sentences/s"] = benchmark::Counter(
      static_cast<double>(sentences.size()) * state.iterations(),
      benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TfidfSvdEmbed)
    ->Arg(10000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// The kernel that dominates Fit(): a TF-IDF matrix times a dense
// (features x 138) matrix, as in each step of the randomized SVD.
void BM_SparseTimesDense(benchmark::State& state) {
  TfidfSvdEmbedder embedder;
  const std::vector<std::string> sentences =
      GenerateSentences(static_cast<int>(state.range(0)));
  if (!embedder.Fit(sentences).ok()) state.SkipWithError("fit failed");
  const SparseRowMatrix a = embedder.TfidfRows(sentences);
  const RowMajorMatrixXf x = RowMajorMatrixXf::Random(a.cols(), 138);
  for (auto _ : state) {
    benchmark::DoNotOptimize(SparseTimesDense(a, x, 2).data());
  }
  state.counters["nnz"] = static_cast<double>(a.nonZeros());
  state.counters["features"] = static_cast<double>(a.cols());
}
BENCHMARK(BM_SparseTimesDense)->Arg(100000)->Unit(benchmark::kMillisecond);

// Storing a model fitted on range(0) sentences (128 dims). "blob_bytes" is
// the size of SerializeModel()'s result; bytes/s its throughput.
void BM_TfidfSvdSerializeModel(benchmark::State& state) {
  TfidfSvdEmbedder embedder;
  if (!embedder.Fit(GenerateSentences(static_cast<int>(state.range(0)))).ok())
    state.SkipWithError("fit failed");
  size_t size = 0;
  for (auto _ : state) {
    std::string blob = embedder.SerializeModel();
    size = blob.size();
    benchmark::DoNotOptimize(blob.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(size) * state.iterations());
  state.counters["blob_bytes"] = static_cast<double>(size);
  state.counters["features"] = static_cast<double>(embedder.num_features());
  state.counters["dims"] = embedder.dims();
}
BENCHMARK(BM_TfidfSvdSerializeModel)
    ->Arg(100)
    ->Arg(1000)
    ->Arg(10000)
    ->Unit(benchmark::kMillisecond);

// Loading a stored model (checksum, validation, rebuilding the maps).
void BM_TfidfSvdDeserializeModel(benchmark::State& state) {
  TfidfSvdEmbedder embedder;
  if (!embedder.Fit(GenerateSentences(static_cast<int>(state.range(0)))).ok())
    state.SkipWithError("fit failed");
  const std::string blob = embedder.SerializeModel();
  for (auto _ : state) {
    auto restored = TfidfSvdEmbedder::DeserializeModel(blob);
    if (!restored.ok()) {
      state.SkipWithError(std::string(restored.status().message()).c_str());
      break;
    }
    benchmark::DoNotOptimize(restored->get());
  }
  state.SetBytesProcessed(static_cast<int64_t>(blob.size()) *
                          state.iterations());
  state.counters["blob_bytes"] = static_cast<double>(blob.size());
}
BENCHMARK(BM_TfidfSvdDeserializeModel)
    ->Arg(1000)
    ->Arg(10000)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace factdiff
