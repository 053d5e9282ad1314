// Normalization of attribution sources ("who says"), so that the same speaker
// compares equal across articles written by different outlets.
//
//   NormalizeSource("Pakistan's military")          // "pakistan military"
//   NormalizeSource("the Pakistani army")           // "pakistan military"
//   NormalizeSource("Islamabad")                    // "pakistan government"
//   NormalizeSource("a spokesman for the Foreign Ministry")  // "foreign ministry"
//   NormalizeSource("Prime Minister Jane Doe")      // "jane doe"
//
// The rules are general (no names of particular people or events); the
// tables they use are listed below and in core/base/countries.h.
#ifndef FACTDIFF_CORE_ATTRIBUTION_SOURCE_NORMALIZER_H_
#define FACTDIFF_CORE_ATTRIBUTION_SOURCE_NORMALIZER_H_

#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"

namespace factdiff {

// Acronyms an article defines, keyed by the acronym as written ("ISPR"),
// valued by the normalized expansion or description
// ("inter-services public relations"). See FindAcronyms().
using AcronymMap = absl::flat_hash_map<std::string, std::string>;

// Returns `surface` (a source as written, any case) normalized for
// comparison, applying in order:
//  1. Spokespeople speak for their organization: "a spokesman for X",
//     "spokeswoman of X", "X spokesman Y", "X's spokesperson" -> the
//     normalization of X (when X is more than a rank word: "a senior
//     spokesman" stays "spokesman").
//  2. Appositives and relative clauses are cut: everything from the first
//     comma, "(", "who", "which", "that", "whose" or "whom" on
//     ("a security official who spoke on condition of anonymity" ->
//     "security official").
//  3. `acronyms`, when given, maps a source that is only a defined acronym
//     ("the ISPR") to its expansion.
//  4. Leading determiners and quantifiers (the, a, an, one, another, some,
//     several, many, both, two...) and rank words (senior, top, high-ranking,
//     high-level, junior) are dropped; possessives lose "'s" / "'".
//  5. Titles before a capitalized name are dropped with whatever precedes
//     them: "House Speaker Jane Doe" -> "jane doe" (title table in the .cc:
//     honorifics, military ranks, offices such as president, minister,
//     secretary, governor, mayor, chairman, commander, director...).
//  6. Lower case; demonyms and alternative names become the country name
//     ("pakistani" -> "pakistan", "U.S." / "american" -> "united states";
//     abbreviations only as written, so "us" stays; plural nouns for the
//     people such as "pakistanis" stay too);
//     "army", "armed forces", "troops", "military" -> "military"; plural
//     role nouns become singular ("officials" -> "official").
//  7. "<institution> of <country>" -> "<country> <institution>"
//     ("government of pakistan" -> "pakistan government").
//  8. A bare capital, seat of government or country stands for its
//     government: "islamabad", "kremlin", "white house", "pakistan" ->
//     "<country> government" (except country names that are also common
//     given names: Chad, Jordan, Georgia).
// Returns "" for an empty or punctuation-only surface. Thread-safe.
std::string NormalizeSource(absl::string_view surface,
                            const AcronymMap* acronyms = nullptr);

// Finds the acronyms `text` defines, in two forms:
//  - "Inter-Services Public Relations (ISPR)": a run of capitalized words
//    (with "of", "and", "for", "the", "&" inside) before a parenthesized
//    all-capital acronym whose letters are the initials of the run's words
//    and hyphenated parts, in order, starting with the first;
//  - "the ISPR, the military's media wing": an all-capital acronym followed
//    by a comma and a description that starts with "the" or "a(n)", up to the
//    next comma or sentence end (only when the first form did not define it).
// Values are normalized with NormalizeSource. Thread-safe.
AcronymMap FindAcronyms(absl::string_view text);

// True when `word` (lower case) is a country name, demonym or alternative
// name in the country table (core/base/countries.h), the lower case of an
// abbreviation included ("us", "u.s."), plural nouns for the people
// ("pakistanis") excluded. Used by the extractor to tell organizations from
// people.
bool IsCountryWord(absl::string_view word);

}  // namespace factdiff

#endif  // FACTDIFF_CORE_ATTRIBUTION_SOURCE_NORMALIZER_H_
