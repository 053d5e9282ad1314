// ATTRIBUTION_CONFLICT findings: within one event, one source says an actor
// did an act (a claim of responsibility, an accusation, an acknowledgement)
// and that actor denies it or will not confirm it; and, at lower
// confidence, one exact figure or one quote put in the mouths of two
// different sources.
//
//   std::vector<v1::Finding> findings = FindAttributionConflicts(
//       statements, documents, document_of, alignment.pairs, event_of,
//       CompareOptions());
//
// Input: each frame's `stances` (from core/event) and the statement's
// `attributions` (from core/attribution). A statement attribution is read
// as a stance on a frame when its span or content holds the frame's
// trigger; one with no frame in its statement stands for the statement's
// unnamed act ("X denied any involvement").
//
// Who the act is pinned on (the "actor"), per stance of source S:
//  - CLAIMS_RESPONSIBILITY: S (positive);
//  - ACCUSES: each agent of the frame other than S (positive);
//  - ASSERTS: each agent of the frame (positive; S itself when S is among
//    the agents: an acknowledgement);
//  - DENIES / DOES_NOT_CONFIRM: S (negative), only when the frame has no
//    agents or S is one of them (a denial by S that somebody else did it is
//    not read);
//  - ESTIMATES and unknown stances, and stances without a source: ignored.
//
// Gates (precision first), for a positive and a negative stance:
//  - the two statements are an aligned pair, belong to the same event
//    (event_of), or are one sentence;
//  - the actors match (ActorsMatch: a shared distinctive word, demonyms
//    folded; "the military" alone matches nobody);
//  - the frame types match (FrameTypesMatch exact or generic); a stance
//    with no frame (unnamed act) is matched only on a directly aligned pair
//    with similarity >= 0.3 or in one sentence, and only when the other side
//    has a frame;
//  - not when both frames name places that share no distinctive word, nor
//    when both are dated more than options.date_tolerance_days apart
//    (different incidents);
//  - never two positive or two negative stances ("same stance from both
//    sides" is agreement).
// Acts without a frame (proposition.h), cause CONFLICTING_SOURCES: a
// denial whose content names an act ("denied that it had opened the
// floodgates") against an assertion whose content pins the same predicate
// (verb and every content word) on an agent that matches the denier, by
// name or by the description in the denier's source ("the operator of the
// dam" / "Norvale Hydro, which operates the dam", two shared stems); a
// generic denial ("any wrongdoing", "the allegations") against an
// accusation of the denier ("accused X of Y"). Confidence 0.55 + stance
// terms as below + 0.10 x SimilarityFactor - 0.05 (- 0.05 more for a
// generic denial). Candidates beyond aligned pairs and events: stances in
// two documents of one story (StoryLinks; frame stances only where the
// aligner linked the documents, directly or through others, and then the
// frames must share a target or place, credited + 0.10).
// An agent written after "its"/"their" stands for the stance's source
// (NamedAgents: "neither confirmed nor denied that its aircraft bombed").
// Pairs that repeat one dispute (same event, actor and act) are merged into
// one finding with every claim.
//
// Confidence (responsibility): 0.55; + 0.15 when the negative stance is an
// outright denial, - 0.05 when it only does not confirm; + 0.10 for an
// explicit claim or accusation, + 0.05 for a plain assertion; + 0.10 x
// SimilarityFactor (1 in one sentence, 0 for a pair linked only by event);
// + 0.05 for identical frame types; - 0.10 for a generic type match; - 0.10
// for an unnamed act; - 0.15 when the documents were published more than 14
// days apart. Clamped to [0.05, 0.99]. Cause CONFLICTING_SOURCES when the
// two sources do not match (ActorsMatch), UNEXPLAINED when one source both
// says and unsays.
//
// Misattribution (cause UNEXPLAINED), across documents only, both sources
// named and surely different (ActorsDiffer):
//  - figure: the same EXACT value (>= 2), same measure (not unspecified),
//    unit, trend and compatible subjects (SubjectsCompatible), each inside
//    an attribution of the statement, in an aligned pair or one event.
//    Confidence 0.40; + 0.05 identical subjects; + 0.05 for a distinctive
//    figure (>= 20 and not a multiple of 10); + 0.05 x SimilarityFactor.
//    At most 0.55: LOW, a pointer for a reader, never a contradiction.
//  - quote: an attribution content in quotation marks of at least six
//    words, word for word the same (case and punctuation ignored), anywhere
//    in the input. Confidence 0.50, + 0.10 for ten words or more.
#ifndef FACTDIFF_CORE_COMPARE_ATTRIBUTION_CONFLICT_H_
#define FACTDIFF_CORE_COMPARE_ATTRIBUTION_CONFLICT_H_

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
// statement i ("" when none). Returns ATTRIBUTION_CONFLICT findings with
// kind, cause, confidence, severity, summary, explanation, event_id,
// same_document and claims (each with its `attribution`, and `quantity` for
// figures) filled; ids are left for the caller. Deterministic order.
// Thread-safe (no shared state).
std::vector<v1::Finding> FindAttributionConflicts(
    const std::vector<v1::Statement>& statements,
    const std::vector<v1::Document>& documents,
    const std::vector<uint32_t>& document_of,
    const std::vector<AlignedPair>& pairs,
    const std::vector<std::string>& event_of, const CompareOptions& options);

}  // namespace factdiff

#endif  // FACTDIFF_CORE_COMPARE_ATTRIBUTION_CONFLICT_H_
