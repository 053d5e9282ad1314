// Implementation-only: a minimal deterministic parallel loop for core/embed.
#ifndef FACTDIFF_CORE_EMBED_PARALLEL_H_
#define FACTDIFF_CORE_EMBED_PARALLEL_H_

#include <cstdint>
#include <functional>

namespace factdiff {
namespace embed_internal {

// Runs fn(begin, end) over [0, n) split into contiguous chunks, one per
// thread, with at most `num_threads` threads and at least `min_per_thread`
// items per thread (so small inputs stay on the calling thread). Returns when
// all chunks are done. fn must write only to state owned by its range.
void ParallelRanges(int64_t n, int num_threads, int64_t min_per_thread,
                    const std::function<void(int64_t, int64_t)>& fn);

// Like ParallelRanges, but splits [0, n) so each chunk holds about the same
// weight, where prefix[i] is the total weight of items [0, i) (n + 1 values,
// non-decreasing; e.g. a compressed sparse matrix's outer index).
void ParallelWeightedRanges(int64_t n, const int* prefix, int num_threads,
                            int64_t min_weight_per_thread,
                            const std::function<void(int64_t, int64_t)>& fn);

// num_threads if > 0, else std::thread::hardware_concurrency() capped at 16.
int ResolveThreads(int num_threads);

}  // namespace embed_internal
}  // namespace factdiff

#endif  // FACTDIFF_CORE_EMBED_PARALLEL_H_
