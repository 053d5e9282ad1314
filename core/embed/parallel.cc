#include "core/embed/parallel.h"

#include <algorithm>
#include <thread>
#include <vector>

namespace factdiff {
namespace embed_internal {

void ParallelRanges(int64_t n, int num_threads, int64_t min_per_thread,
                    const std::function<void(int64_t, int64_t)>& fn) {
  const int64_t threads = std::max<int64_t>(
      1,
      std::min<int64_t>(num_threads, n / std::max<int64_t>(1, min_per_thread)));
  if (threads == 1) {
    if (n > 0) fn(0, n);
    return;
  }
  const int64_t chunk = (n + threads - 1) / threads;
  std::vector<std::thread> workers;
  for (int64_t t = 1; t < threads; ++t) {
    const int64_t begin = std::min(n, t * chunk);
    const int64_t end = std::min(n, begin + chunk);
    if (begin < end)
      workers.emplace_back([&fn, begin, end] { fn(begin, end); });
  }
  fn(0, std::min(n, chunk));
  for (std::thread& w : workers) w.join();
}

void ParallelWeightedRanges(int64_t n, const int* prefix, int num_threads,
                            int64_t min_weight_per_thread,
                            const std::function<void(int64_t, int64_t)>& fn) {
  if (n <= 0) return;
  const int64_t total = static_cast<int64_t>(prefix[n]) - prefix[0];
  const int64_t threads = std::max<int64_t>(
      1,
      std::min<int64_t>({num_threads, n,
                         total / std::max<int64_t>(1, min_weight_per_thread)}));
  if (threads == 1) {
    fn(0, n);
    return;
  }
  // Chunk t ends at the first item whose prefix reaches (t + 1) / threads
  // of the total weight.
  std::vector<int64_t> bounds(threads + 1, n);
  bounds[0] = 0;
  for (int64_t t = 1; t < threads; ++t) {
    const int64_t target = prefix[0] + total * t / threads;
    bounds[t] =
        std::max(bounds[t - 1],
                 static_cast<int64_t>(
                     std::lower_bound(prefix, prefix + n, target) - prefix));
  }
  std::vector<std::thread> workers;
  for (int64_t t = 1; t < threads; ++t) {
    if (bounds[t] < bounds[t + 1]) {
      workers.emplace_back(
          [&fn, b = bounds[t], e = bounds[t + 1]] { fn(b, e); });
    }
  }
  if (bounds[0] < bounds[1]) fn(bounds[0], bounds[1]);
  for (std::thread& w : workers) w.join();
}

int ResolveThreads(int num_threads) {
  if (num_threads > 0) return num_threads;
  const unsigned hw = std::thread::hardware_concurrency();
  return static_cast<int>(std::clamp<unsigned>(hw, 1, 16));
}

}  // namespace embed_internal
}  // namespace factdiff
