// What the words around a figure say about it, read from its sentence
// (package-private to core/compare): who holds the counted thing, whether
// it is a forecast, which reporting period it covers, which years the
// sentence names, and whether a figure is said to leave something out.
// Used by the numeric finder to keep apart figures that only look alike.
//
//   const v1::Statement& s = ...;  // "The Civic Union won 71 seats."
//   std::string holder = FigureHolder(s, s.quantities(0));  // "The Civic Union"
//   if (IsForecast(s, q)) ...  // "Analysts had expected a profit of 260m"
//
// All functions are pure and thread-safe. Offsets are byte offsets into
// the statement's document; a quantity whose span falls outside its
// statement reads as having no context.
#ifndef FACTDIFF_CORE_COMPARE_FIGURE_CONTEXT_H_
#define FACTDIFF_CORE_COMPARE_FIGURE_CONTEXT_H_

#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"
#include "proto/extraction.pb.h"

namespace factdiff {
namespace compare_internal {

// The named owner or agent of what figure `q` counts, as written, or ""
// when the sentence does not name one. Read in the figure's clause (from
// the start of the attribution content that holds it, if any):
//  - a possessive shortly before the figure: "the Civic Union's 71 seats",
//    "Orvik's net profit was about 150 million" -> "Civic Union", "Orvik";
//  - the subject of a verb of having, winning or cutting right before the
//    figure (auxiliaries, an object "revenue of" and bound words may sit
//    between): "The Civic Union had won 71", "Orvik cut 900 jobs",
//    "People's Renewal, the main opposition party, won 58" (an appositive
//    is skipped), "The Green Alliance, which won 11 seats";
//  - the recipient of a verb of giving: "gave the party 64 seats".
// A pronoun or a lower-case description ("it", "the party", "the
// company") stands for the source of the attribution that holds the
// figure when that source is named ("People's Renewal said its tally gave
// the party 64 seats" -> "People's Renewal"); otherwise it names no one.
// A holder is named when it has a capitalized word that is not an article
// or a pronoun, and a distinctive word (ActorKey not empty).
std::string FigureHolder(const v1::Statement& s, const v1::Quantity& q);

// Whether figure `q` is stated as an expectation rather than a result: a
// forecast word ("expected", "forecast", "predicted", "projected",
// "anticipated", "target", "guidance", "outlook", "consensus") earlier in
// its clause. "Analysts had expected a net profit of 260 million euros".
bool IsForecast(const v1::Statement& s, const v1::Quantity& q);

// The reporting periods the sentence names, as keys: "q1".."q4" for
// quarters ("first quarter", "first-quarter", "Q1"), "h1"/"h2" for halves
// ("first half", "H1"), "fy" for a full year ("full year", "full-year",
// "annual"). Empty when none.
std::set<std::string> ReportingPeriods(absl::string_view sentence);

// Years (1900-2099) written as bare four-digit numbers in the sentence
// ("In the 2022 election", "the 2019 floods") that no time expression of
// `s` covers and that do not open or close a span ("since 2019", "by
// 2027", "until 2030", "before 2020" are left out), as [first, last] day
// numbers (DayNumber) of their calendar year.
std::vector<std::pair<int64_t, int64_t>> BareYears(const v1::Statement& s);

// Whether figure `q` adds up many incidents or a long period rather than
// one event: its clause says "through various attacks", "in a series of",
// "over the years", "over the past", "so far this year", "to date",
// "in total", "altogether", "cumulative", "in recent years". A total is
// never set against one incident's figure.
bool IsAggregate(const v1::Statement& s, const v1::Quantity& q);

// Whether figure `q` belongs to an earlier incident that the sentence
// names as a point in time: it follows "after", "before", "since" or
// "following" in its clause, within ten words and with no punctuation or
// reporting verb between ("just days after 11 soldiers died in an attack",
// "the worst since an ambush that killed five soldiers").
bool IsAntecedent(const v1::Statement& s, const v1::Quantity& q);

// Whether the sentence says a figure leaves something out or is adjusted
// ("excluding", "stripped of", "not counting", "left out", "one-off",
// "adjusted", "underlying", "like-for-like"): two such figures measure
// different things (cause DIFFERENT_SCOPE).
bool HasScopeCue(absl::string_view sentence);

}  // namespace compare_internal
}  // namespace factdiff

#endif  // FACTDIFF_CORE_COMPARE_FIGURE_CONTEXT_H_
