// Alignment: which statements of different documents speak of the same
// event. Candidate pairs come from an inverted index over the statements'
// terms (only pairs that share a term are scored, so cost follows the number
// of overlapping pairs, not n^2); each statement keeps its top_k most
// similar partners above min_similarity; events are the connected
// components of the kept links.
//
//   std::vector<AlignItem> items = ...;  // one per statement
//   Alignment a = Align(items, AlignOptions());
//   for (const AlignedPair& p : a.pairs) Compare(items[p.a], items[p.b]);
#ifndef FACTDIFF_CORE_ALIGN_ALIGNER_H_
#define FACTDIFF_CORE_ALIGN_ALIGNER_H_

#include <cstdint>
#include <vector>

#include "core/embed/tfidf.h"

namespace factdiff {

struct AlignOptions {
  // Minimum cosine similarity for two statements to be linked. Default 0.15.
  double min_similarity = 0.15;
  // Each statement keeps at most this many partners (its most similar).
  // Default 8.
  int top_k = 8;
  // Also link statements of the same document (needed to report sources that
  // contradict each other inside one article). Default true.
  bool same_document = true;
  // Terms found in more than this fraction of all statements are not used to
  // find candidates (they still count in the similarity). Default 0.25.
  double max_posting_fraction = 0.25;
};

// One statement as the aligner sees it. `vector` must be L2-normalized.
struct AlignItem {
  uint32_t document = 0;
  SparseVector vector;
};

struct AlignedPair {
  // Indexes into the items; a < b.
  uint32_t a = 0;
  uint32_t b = 0;
  float similarity = 0;
};

struct Alignment {
  // Linked pairs, sorted by (a, b).
  std::vector<AlignedPair> pairs;
  // Connected components of `pairs` with at least two statements, each
  // sorted; clusters ordered by their first statement.
  std::vector<std::vector<uint32_t>> clusters;
  // Number of pairs whose similarity was computed.
  uint64_t candidate_pairs = 0;
};

// Aligns `items`. Deterministic for the same input. Thread-compatible (no
// shared state).
Alignment Align(const std::vector<AlignItem>& items,
                const AlignOptions& options);

// The all-pairs reference: the same result computed by scoring every pair.
// O(n^2); for tests.
Alignment AlignAllPairs(const std::vector<AlignItem>& items,
                        const AlignOptions& options);

}  // namespace factdiff

#endif  // FACTDIFF_CORE_ALIGN_ALIGNER_H_
