// DATE_MISMATCH findings: one event put on dates that cannot both hold.
//
//   std::vector<v1::Finding> findings = FindDateMismatches(
//       statements, documents, document_of, alignment.pairs, event_of,
//       CompareOptions());
//
// Input: frames (core/event) and their `time_indexes` into the statement's
// `times` (core/time, resolved against each document's publication date).
// A frame's dates are the union of its DAY-granularity times with resolved
// start/end; a frame without time_indexes, alone in its statement, takes
// the statement's one resolved time when it has exactly one. Week, month,
// year and duration expressions are never compared.
//
// Gates (precision first: two dated reports of one kind of act are often
// two incidents):
//  - two documents (inside one article an earlier incident is common);
//  - the statements are an aligned pair with similarity >=
//    options.min_date_similarity, or share an event (event_of) and then
//    also need both places and agents to match (below);
//  - frame types are equal or synonyms (FrameTypesMatch kExact; a generic
//    "attack" against "air strike" is not enough);
//  - participants or place: places overlap (PlacesOverlap), or agents match
//    (AnyActorMatches) and targets match; never when both frames name places
//    that share no distinctive word, nor when both name agents that match
//    none of each other's;
//  - the day ranges are more than options.date_tolerance_days (default 1:
//    "the night of the 11th" is also the 12th) apart, and at most 60 days
//    (further apart they are different incidents or anniversaries); one
//    day apart is still a mismatch when a part of the day is named and
//    the two are not one night across midnight ("Friday night" vs
//    "Saturday night", "Monday night" vs "on Tuesday"; not "Saturday
//    night" vs "early Sunday", nor two plain dates);
//  - an act without agents on either side is known by its target: targets
//    match as actors, or share a head noun with a name of one in the
//    other's sentence ("the Dunhallow levee", "the levee at Dunhallow");
//    such pairs are also found across documents of one story (StoryLinks)
//    without an aligned pair.
// Pairs that repeat one dispute (same event, act and the same two dates)
// are merged into one finding with every claim.
//
// Confidence: 0.55; + 0.10 when places overlap; + 0.10 when agents match;
// + 0.05 when targets match; + 0.10 x SimilarityFactor (0 for a pair linked
// only by event); + 0.05 for identical types; - 0.10 when either date was
// resolved relative to a publication date ("on Sunday"); - 0.05 when a date
// is taken from the statement, not the frame; - 0.10 for a gap of more than
// 14 days. Clamped to [0.05, 0.99]. Cause CONFLICTING_SOURCES when both
// statements are attributed (Statement.attributions covering the frame
// trigger) to sources that do not match, else UNEXPLAINED.
#ifndef FACTDIFF_CORE_COMPARE_DATE_MISMATCH_H_
#define FACTDIFF_CORE_COMPARE_DATE_MISMATCH_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/align/aligner.h"
#include "core/compare/options.h"
#include "proto/document.pb.h"
#include "proto/extraction.pb.h"
#include "proto/report.pb.h"

namespace factdiff {

// Inputs as for FindNumericMismatches. Returns DATE_MISMATCH findings with
// kind, cause, confidence, severity, summary, explanation, event_id,
// same_document (always false) and claims (each with the `time` that dates
// the frame) filled; ids are left for the caller. Deterministic order.
// Thread-safe (no shared state).
std::vector<v1::Finding> FindDateMismatches(
    const std::vector<v1::Statement>& statements,
    const std::vector<v1::Document>& documents,
    const std::vector<uint32_t>& document_of,
    const std::vector<AlignedPair>& pairs,
    const std::vector<std::string>& event_of, const CompareOptions& options);

}  // namespace factdiff

#endif  // FACTDIFF_CORE_COMPARE_DATE_MISMATCH_H_
