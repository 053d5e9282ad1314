// Who a sentence (or clause) attributes its claim to, found by a few
// reporting patterns. A first, deliberately small reader used to explain
// numeric findings (different sources -> CONFLICTING_SOURCES); the full
// attribution stage replaces it.
//
//   AttributedSource("Police estimated the crowd at 5,000")  // "police"
//   AttributedSource("58 soldiers died, the spokesman said")  // "the spokesman"
//   AttributedSource("According to the ministry, 40 died")    // "the ministry"
#ifndef FACTDIFF_CORE_COMPARE_ATTRIBUTED_SOURCE_H_
#define FACTDIFF_CORE_COMPARE_ATTRIBUTED_SOURCE_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace factdiff {

// The source of the claim in `clause` (normalized text), lower-cased, or ""
// when the clause states it in the writer's own voice. Patterns: "according
// to X", "X said/says/told/estimated/claimed/reported/put/counted",
// "said X" (inverted, sentence-final). X is at most five words.
std::string AttributedSource(absl::string_view clause);

// Splits a sentence into clauses at "; ", ", while ", " while ", ", but ",
// " whereas " and " although "; returns [begin, end) byte ranges of
// `sentence`, in order, covering it.
std::vector<std::pair<size_t, size_t>> SplitClauses(absl::string_view sentence);

}  // namespace factdiff

#endif  // FACTDIFF_CORE_COMPARE_ATTRIBUTED_SOURCE_H_
