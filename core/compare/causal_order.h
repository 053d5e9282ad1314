// CAUSAL_ORDER_CONFLICT findings: accounts of one event that disagree on
// what began it or who struck first.
//
//   std::vector<v1::Finding> findings = FindCausalOrderConflicts(
//       statements, documents, document_of, alignment.pairs, event_of,
//       CompareOptions());
//
// Input: each frame's `causes` (CausalLink, from core/event). A link says who
// struck first (its "initiator"): the link's `initiator` (normalized); for
// UNPROVOKED with no initiator, the frame's first agent (this event began
// it). A RETALIATION_FOR or CAUSED_BY link whose initiator matches the
// frame's only agent is read as an extraction slip and ignored.
//
// Gates (precision first), for two links on two frames:
//  - the statements are an aligned pair or belong to the same event
//    (event_of); two frames of one sentence are not compared;
//  - the frames are one event: types match (FrameTypesMatch exact or
//    generic), and either both name agents and some agents match
//    (ActorsMatch), or one names none and their targets or places overlap;
//    frames whose places share no distinctive word, or that are dated more
//    than options.date_tolerance_days apart, are different incidents;
//  - the links conflict:
//    (a) one UNPROVOKED, the other RETALIATION_FOR or CAUSED_BY, unless both
//        name initiators and they match;
//    (b) two RETALIATION_FOR / CAUSED_BY links whose initiators are both
//        named and do not match;
//    (c) two RETALIATION_FOR links with at least one unnamed initiator and
//        antecedents that share no content word ("the killing of a cleric"
//        vs "airstrikes on the capital"): weak, since an act may answer
//        several; at most 0.45 (hidden at the default threshold).
//    Two UNPROVOKED links never conflict (they name the same starter).
// Agents are read with NamedAgents ("its forces" said by Malvar's ministry
// is Malvar; "forces" alone names nobody). Two bare frames of one type (no
// agents, targets or places) are one event only when both links say what
// began the act ("began after", "began when"), - 0.05. Candidates beyond
// aligned pairs and events: links on one kind of act in two documents of
// one story (StoryLinks).
// Pairs that repeat one dispute (same event, act and initiators) are merged
// into one finding with every claim.
//
// Confidence: 0.60; + 0.10 for (a) with an explicit RETALIATION_FOR; + 0.10
// x SimilarityFactor (0 for a pair linked only by event); + 0.05 for
// identical frame types; + 0.05 when both frames name matching agents;
// - 0.10 for a generic type match; - 0.10 when the frames are matched by
// targets or places only; - 0.15 when the documents were published more
// than 14 days apart; (c): - 0.20 and at most 0.45. Clamped to
// [0.05, 0.99]. Cause CONFLICTING_SOURCES when the two accounts are
// attributed (Statement.attributions covering the link's cue, or the
// frame's stances) to sources that do not match, else UNEXPLAINED.
#ifndef FACTDIFF_CORE_COMPARE_CAUSAL_ORDER_H_
#define FACTDIFF_CORE_COMPARE_CAUSAL_ORDER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/align/aligner.h"
#include "core/compare/options.h"
#include "proto/document.pb.h"
#include "proto/extraction.pb.h"
#include "proto/report.pb.h"

namespace factdiff {

// Inputs as for FindNumericMismatches. Returns CAUSAL_ORDER_CONFLICT
// findings with kind, cause, confidence, severity, summary, explanation,
// event_id, same_document and claims (each with an `attribution` holding the
// link's cue, its source when known) filled; ids are left for the caller.
// Deterministic order. Thread-safe (no shared state).
std::vector<v1::Finding> FindCausalOrderConflicts(
    const std::vector<v1::Statement>& statements,
    const std::vector<v1::Document>& documents,
    const std::vector<uint32_t>& document_of,
    const std::vector<AlignedPair>& pairs,
    const std::vector<std::string>& event_of, const CompareOptions& options);

}  // namespace factdiff

#endif  // FACTDIFF_CORE_COMPARE_CAUSAL_ORDER_H_
