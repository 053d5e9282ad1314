// Speed of AlignDense on synthetic statements shaped like a news corpus:
// 8 statements per article, dates over 900 days, a few entity keys per
// statement drawn from a long-tailed vocabulary, one measure key from ten.
//
//   bazel run //core/align:dense_aligner_benchmark
#include <random>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "core/align/dense_aligner.h"

namespace factdiff {
namespace {

void BM_AlignDense(benchmark::State& state) {
  const int n = state.range(0);
  const int dim = 256;
  std::mt19937 rng(1);
  Eigen::MatrixXf v = Eigen::MatrixXf::Random(n, dim);
  v.rowwise().normalize();
  std::vector<StatementFeatures> f(n);
  std::uniform_int_distribution<int> day(0, 899);
  // Long tail: key k drawn with probability ~ 1/(k+1).
  std::vector<double> weights(5000);
  for (size_t k = 0; k < weights.size(); ++k) weights[k] = 1.0 / (k + 1);
  std::discrete_distribution<int> key(weights.begin(), weights.end());
  for (int i = 0; i < n; ++i) {
    f[i].document = i / 8;
    f[i].published_day = 19000 + day(rng);
    if (rng() % 5 < 2) {
      f[i].when = DayRange{*f[i].published_day - 1, *f[i].published_day - 1};
    }
    for (int k = 0; k < 3; ++k) {
      f[i].blocking_keys.push_back("w" + std::to_string(key(rng)));
    }
    f[i].blocking_keys.push_back("m" + std::to_string(rng() % 10));
  }
  DenseAlignOptions options;
  uint64_t candidates = 0, skipped = 0;
  for (auto _ : state) {
    absl::StatusOr<DenseAlignment> a = AlignDense(v, f, options);
    if (!a.ok()) {
      state.SkipWithError(std::string(a.status().message()).c_str());
      return;
    }
    candidates = a->candidate_pairs;
    skipped = a->skipped_blocks;
    benchmark::DoNotOptimize(a->clusters.data());
  }
  state.counters["statements/s"] =
      benchmark::Counter(n, benchmark::Counter::kIsIterationInvariantRate);
  state.counters["candidate_pairs"] = candidates;
  state.counters["skipped_blocks"] = skipped;
}
BENCHMARK(BM_AlignDense)->Arg(800)->Arg(8000)->Arg(80000)->Unit(
    benchmark::kMillisecond);

}  // namespace
}  // namespace factdiff
