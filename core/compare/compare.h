// Every kind of disagreement in one call: NUMERIC_MISMATCH (numeric.h),
// ATTRIBUTION_CONFLICT (attribution_conflict.h), CAUSAL_ORDER_CONFLICT
// (causal_order.h) and DATE_MISMATCH (date_mismatch.h). The gates and the
// confidence formula of each kind are documented in its header.
//
//   CompareOptions options;
//   options.min_confidence = config.min_confidence();
//   std::vector<v1::Finding> findings = FindAllDisagreements(
//       statements, documents, document_of, alignment.pairs, event_of,
//       options);
//
// Merging: two findings of one kind whose claims cite the same statements
// with the same items (quantity, attribution or time spans) are one: the
// more confident is kept. Findings of different kinds are all kept (a
// sentence may both misstate a toll and deny an act).
//
// Order (deterministic): confidence descending, then kind, event_id,
// summary, and the first claim's statement id. Ids are left for the caller.
#ifndef FACTDIFF_CORE_COMPARE_COMPARE_H_
#define FACTDIFF_CORE_COMPARE_COMPARE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/align/aligner.h"
#include "core/compare/options.h"
#include "proto/document.pb.h"
#include "proto/extraction.pb.h"
#include "proto/report.pb.h"

namespace factdiff {

// `statements[i]` belongs to `documents[document_of[i]]`; `pairs` index
// `statements` (from Align); `event_of[i]` is the id of the event holding
// statement i ("" when none). All four vectors are read only during the
// call. Thread-safe (no shared state).
std::vector<v1::Finding> FindAllDisagreements(
    const std::vector<v1::Statement>& statements,
    const std::vector<v1::Document>& documents,
    const std::vector<uint32_t>& document_of,
    const std::vector<AlignedPair>& pairs,
    const std::vector<std::string>& event_of, const CompareOptions& options);

}  // namespace factdiff

#endif  // FACTDIFF_CORE_COMPARE_COMPARE_H_
