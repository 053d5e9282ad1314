#include "core/align/aligner.h"

#include <algorithm>
#include <numeric>

#include "absl/container/flat_hash_map.h"

namespace factdiff {
namespace {

struct Candidate {
  uint32_t other;
  float similarity;
};

// Keeps each item's top_k candidates, then links a pair when either side
// kept the other (so the result does not depend on the order of items).
Alignment Finish(size_t n, std::vector<std::vector<Candidate>> per_item,
                 uint64_t candidate_pairs, const AlignOptions& options) {
  Alignment result;
  result.candidate_pairs = candidate_pairs;
  absl::flat_hash_map<uint64_t, float> linked;
  for (uint32_t i = 0; i < n; ++i) {
    auto& c = per_item[i];
    std::sort(c.begin(), c.end(), [](const Candidate& x, const Candidate& y) {
      return x.similarity != y.similarity ? x.similarity > y.similarity
                                          : x.other < y.other;
    });
    if (c.size() > static_cast<size_t>(options.top_k)) c.resize(options.top_k);
    for (const Candidate& k : c) {
      const uint32_t a = std::min(i, k.other), b = std::max(i, k.other);
      linked[(static_cast<uint64_t>(a) << 32) | b] = k.similarity;
    }
  }
  for (const auto& [key, sim] : linked) {
    result.pairs.push_back({static_cast<uint32_t>(key >> 32),
                            static_cast<uint32_t>(key & 0xFFFFFFFFu), sim});
  }
  std::sort(result.pairs.begin(), result.pairs.end(),
            [](const AlignedPair& x, const AlignedPair& y) {
              return x.a != y.a ? x.a < y.a : x.b < y.b;
            });

  // Connected components (union-find with path halving).
  std::vector<uint32_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (const AlignedPair& p : result.pairs) {
    const uint32_t ra = find(p.a), rb = find(p.b);
    if (ra != rb) parent[std::max(ra, rb)] = std::min(ra, rb);
  }
  absl::flat_hash_map<uint32_t, size_t> cluster_of_root;
  for (uint32_t i = 0; i < n; ++i) {
    const uint32_t r = find(i);
    auto [it, inserted] = cluster_of_root.try_emplace(r, result.clusters.size());
    if (inserted) result.clusters.emplace_back();
    result.clusters[it->second].push_back(i);
  }
  result.clusters.erase(
      std::remove_if(result.clusters.begin(), result.clusters.end(),
                     [](const std::vector<uint32_t>& c) { return c.size() < 2; }),
      result.clusters.end());
  return result;
}

bool MayLink(const AlignItem& x, const AlignItem& y,
             const AlignOptions& options) {
  return options.same_document || x.document != y.document;
}

// Scores items i and j (when they may be linked) and records each as the
// other's candidate when similar enough. Shared by both aligners, so that
// the differential test compares only how candidates are found.
void ScorePair(const std::vector<AlignItem>& items, uint32_t i, uint32_t j,
               const AlignOptions& options,
               std::vector<std::vector<Candidate>>* per_item,
               uint64_t* scored) {
  if (!MayLink(items[i], items[j], options)) return;
  ++*scored;
  const float sim = Dot(items[i].vector, items[j].vector);
  if (sim >= options.min_similarity) {
    (*per_item)[i].push_back({j, sim});
    (*per_item)[j].push_back({i, sim});
  }
}

}  // namespace

Alignment Align(const std::vector<AlignItem>& items,
                const AlignOptions& options) {
  const size_t n = items.size();
  // Inverted index: term -> items holding it.
  absl::flat_hash_map<uint32_t, std::vector<uint32_t>> postings;
  for (uint32_t i = 0; i < n; ++i) {
    for (const auto& e : items[i].vector.entries) postings[e.first].push_back(i);
  }
  const size_t max_posting = std::max<size_t>(
      2, static_cast<size_t>(options.max_posting_fraction * n));

  std::vector<std::vector<Candidate>> per_item(n);
  uint64_t scored = 0;
  std::vector<uint32_t> seen_stamp(n, UINT32_MAX);
  for (uint32_t i = 0; i < n; ++i) {
    for (const auto& e : items[i].vector.entries) {
      const std::vector<uint32_t>& list = postings[e.first];
      if (list.size() > max_posting) continue;
      for (uint32_t j : list) {
        if (j <= i || seen_stamp[j] == i) continue;
        seen_stamp[j] = i;
        ScorePair(items, i, j, options, &per_item, &scored);
      }
    }
  }
  return Finish(n, std::move(per_item), scored, options);
}

Alignment AlignAllPairs(const std::vector<AlignItem>& items,
                        const AlignOptions& options) {
  const size_t n = items.size();
  std::vector<std::vector<Candidate>> per_item(n);
  uint64_t scored = 0;
  for (uint32_t i = 0; i < n; ++i) {
    for (uint32_t j = i + 1; j < n; ++j) {
      ScorePair(items, i, j, options, &per_item, &scored);
    }
  }
  return Finish(n, std::move(per_item), scored, options);
}

}  // namespace factdiff
