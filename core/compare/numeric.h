// NUMERIC_MISMATCH findings: two linked statements that give figures for the
// same measure of the same subject whose intervals cannot both hold.
//
//   std::vector<v1::Finding> findings = FindNumericMismatches(
//       statements, documents, doc_index, alignment.pairs, CompareOptions());
//
// What counts as a disagreement (precision first):
//  - same measure (KILLED, WOUNDED, ...; OTHER only with the same word), same
//    unit, same trend, and compatible subjects: equal, or one's qualifiers a
//    subset of the other's with the same head noun ("soldier" and "pakistani
//    soldier"; never "pakistani soldier" and "afghan soldier", never an empty
//    subject);
//  - intervals [low, high] that do not overlap, bounds and vagueness already
//    applied by the extractor ("about 30" and "29" overlap; "at least 23" and
//    58 overlap); a vague amount ("hundreds", "dozens") never makes a
//    finding;
//  - what is counted is the subject, or for a figure without one its
//    measure word ("net profit", "turnout", "magnitude"), and "people" for
//    a death toll;
//  - not when both statements carry resolved dates (or years named in the
//    sentence: "the 2022 election") that do not overlap, nor when only one
//    is dated and its dates end more than 10 days before the other
//    article's publication (an undated figure is the current one);
//  - not when the figures are held by different named owners
//    (figure_context.h FigureHolder: "Party A won 58 seats" vs "Party B won
//    71 seats"), when one is a forecast and the other not ("analysts had
//    expected"), when the sentences name different reporting periods
//    ("first quarter" vs "fourth quarter"), when one is a total over many
//    incidents ("through various attacks") or belongs to an earlier
//    incident named as a time ("days after 11 soldiers died") and the
//    other not;
//  - candidates: aligned pairs, adjacent sentences, one sentence, pairs of
//    one event, and figures of one kind (measure, unit, subject head) in
//    two documents of one story (finding_util.h StoryLinks);
//  - inside one document only when the two figures are attributed to
//    different sources (police vs organizers), in two sentences or in two
//    clauses of one sentence.
// Cause, first rule that holds:
//  - LATER_UPDATE: a toll (KILLED, WOUNDED, MISSING, DISPLACED, ARRESTED)
//    from two documents whose publications can be ordered (dates, or
//    timestamps with their offsets; a date alone against a time of the
//    same day cannot), where the later document's figure is higher and
//    either its sentence says so ("rose to", "climbed to", "risen to",
//    "jumped to", "increased to", "mounted to") or the figures are not each
//    pinned on a different source and not ten times apart; or where the
//    later sentence says the toll was revised ("revised", "raised the
//    toll", "lowered the toll"), in either direction. The summary names
//    both publication times and says the toll rose (or was revised)
//    between reports. An update is informative, not a contradiction: its
//    confidence is held in [0.55, 0.70] (MEDIUM at most) after the rules
//    below;
//  - DIFFERENT_SCOPE: a sentence says a figure leaves something out or is
//    adjusted ("stripped of a one-off gain", "excluding", "left out"), at
//    the usual confidence; or counts ten times apart or more, not each
//    pinned on a different source (two sides' own counts of one clash can be ten times
//    apart: a claim of 200 enemy dead against an admission of nine);
//  - CONFLICTING_SOURCES: the figures are attributed to different sources;
//  - UNEXPLAINED otherwise.
//
// Findings that repeat one dispute (same event, measure, subject and the
// same two figures) are merged into one finding with every claim.
//
// Confidence starts at 0.55; + up to 0.25 for sentence similarity (0.15 ->
// 0, 0.5 and above -> 0.25); + 0.10 for identical subjects; + 0.05 when both
// figures are exact or ranges; + 0.05 for a gap of 25% or more; - 0.15 when
// the articles were published more than 14 days apart; - 0.10 when one has
// no date; for counts ten times apart or more: - 0.10 when each is pinned
// on a different source, else (cause DIFFERENT_SCOPE: usually a total
// against one incident) - 0.30 and at most 0.45, below the default
// threshold; at most 0.45 across articles when one article has no
// publication date and its sentence names no date while the other sentence
// does (nothing places the two figures in one incident). Clamped to
// [0.05, 0.99]; LATER_UPDATE then to
// [0.55, 0.70].
#ifndef FACTDIFF_CORE_COMPARE_NUMERIC_H_
#define FACTDIFF_CORE_COMPARE_NUMERIC_H_

#include <cstdint>
#include <vector>

#include "core/align/aligner.h"
#include "core/compare/options.h"
#include "proto/document.pb.h"
#include "proto/extraction.pb.h"
#include "proto/report.pb.h"

namespace factdiff {

// `statements[i]` belongs to `documents[document_of[i]]`; `pairs` index
// `statements` (from Align); `event_of[i]` is the id of the event holding
// statement i ("" when none). Returns findings with kind, cause, confidence,
// severity, summary, explanation, event_id and claims filled; ids are left
// for the caller. Deterministic order.
std::vector<v1::Finding> FindNumericMismatches(
    const std::vector<v1::Statement>& statements,
    const std::vector<v1::Document>& documents,
    const std::vector<uint32_t>& document_of,
    const std::vector<AlignedPair>& pairs,
    const std::vector<std::string>& event_of, const CompareOptions& options);

// Whether two normalized subjects may name the same group; sets *exact when
// they are equal.
bool SubjectsCompatible(const std::string& a, const std::string& b,
                        bool* exact);

// The severity band of a confidence: HIGH >= 0.8, MEDIUM >= 0.6, else LOW.
v1::Finding::Severity SeverityFor(double confidence);

}  // namespace factdiff

#endif  // FACTDIFF_CORE_COMPARE_NUMERIC_H_
