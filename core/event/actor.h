// Normalization of the actors named in event frames ("Pakistani",
// "Pakistan's military", "Taliban fighters") so that two articles naming the
// same side compare equal.
//
//   CountryOf("Pakistani");                  // "pakistan"
//   NormalizeActor("Pakistan's military");   // "pakistan"
//   NormalizeActor("the Taliban fighters");  // "taliban"
//   NormalizeActor("security forces");       // "security forces"
#ifndef FACTDIFF_CORE_EVENT_ACTOR_H_
#define FACTDIFF_CORE_EVENT_ACTOR_H_

#include <string>

#include "absl/strings/string_view.h"

namespace factdiff {

// Returns the canonical lower-case country name ("pakistan", "united
// states", "south korea") when `name` (any case, words separated by single
// spaces) is a country's name, a common short form ("U.S.", "Britain",
// "Burma", "Ivory Coast"), or its demonym / adjective ("Pakistani",
// "Afghans", "American", "South Korean", "Dutch"). All-capital
// abbreviations match only as written ("US", "UK", "DRC"; "us" is not a
// country). Otherwise "". Capitals are not names ("Kabul" -> "").
// The same as CountryOfName() over the one country table,
// core/base/countries.h. Thread-safe.
std::string CountryOf(absl::string_view name);

// True when `name` is a demonym or adjective in CountryOf's table
// ("Pakistani", "Afghans", "South Korean"), false for country names
// ("Pakistan") and everything else. The same as IsCountryDemonym() in
// core/base/countries.h.
bool IsDemonym(absl::string_view name);

// Normalizes an actor phrase for comparison across articles:
//  1. lower-case; drop a leading article ("the", "a", "an") and possessive
//     "'s" / "'" markers;
//  2. when the phrase starts with a country or demonym (longest match, up to
//     4 words) and the rest is only generic state-actor words ("forces",
//     "military", "army", "troops", "jets", "government", "officials",
//     "security forces", "air force", "border guards", ...), the country:
//     "Pakistani forces" -> "pakistan", "Pakistan's military" -> "pakistan",
//     "the U.S." -> "united states";
//  3. otherwise, when the phrase holds a capitalized word, trailing generic
//     member nouns ("fighters", "militants", "members", "forces", "gunmen")
//     are dropped: "Taliban fighters" -> "taliban"; "Pakistani Taliban" keeps
//     both words ("pakistani taliban"), a group distinct from the state;
//  4. otherwise the lower-cased phrase ("security forces", "gunmen").
// Returns "" for an empty phrase. Thread-safe.
std::string NormalizeActor(absl::string_view phrase);

}  // namespace factdiff

#endif  // FACTDIFF_CORE_EVENT_ACTOR_H_
