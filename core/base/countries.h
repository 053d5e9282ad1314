// The one table of the world's countries: names, other names, demonyms and
// seats of government, for every stage that must know that "Pakistani",
// "Pakistan's" and "Islamabad" all point at one country.
//
//   CountryOfName("Pakistani");     // "pakistan"
//   CountryOfName("U.S.");          // "united states"
//   CountryOfName("us");            // "" (abbreviations match only as written)
//   CountryOfCapital("Kabul");      // "afghanistan"
//   IsCountryDemonym("Afghans");    // true
#ifndef FACTDIFF_CORE_BASE_COUNTRIES_H_
#define FACTDIFF_CORE_BASE_COUNTRIES_H_

#include <string>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace factdiff {

// One row of the table: one country. Every column but `country` holds
// '|'-separated entries; an entry may be several words separated by single
// spaces. Entries are lower case and match case-insensitively (ASCII
// letters), except abbreviations written without a lower-case letter ("US",
// "U.S.", "DRC", "PNG"), which match only as written, so that "us" or "png"
// never read as a country.
struct CountryRow {
  // The canonical name, lower case ("united states"): what CountryOfName()
  // and CountryOfCapital() return. Unique.
  const char* country;
  // Other names, short forms and former names: "US|U.S.|america".
  const char* names;
  // Adjectives, and singular nouns for the people: "american", "dane".
  const char* demonyms;
  // Plural nouns for the people: "americans", "danes".
  const char* plurals;
  // Seats of government, and places used as metonyms for the government
  // ("Islamabad said", "the Kremlin", "the White House"). Capitals that are
  // also common given names or words (Sofia, Victoria, Male) are left out on
  // purpose: "Sofia said" is a person far more often than Bulgaria.
  const char* capitals;
};

// The table: the UN member states and observers plus Kosovo, Taiwan and
// Western Sahara, sorted by `country`. No name, demonym or plural belongs to
// two rows; ambiguous ones are left out ("Korean") or given to the country
// they most often mean ("Congolese" -> "congo", "Dominican" -> "dominican
// republic", "Guinean" -> "guinea"). The rows live for the whole program.
absl::Span<const CountryRow> CountryRows();

// What a phrase is in the table.
enum class CountryNameKind {
  kNone,     // not in the table (capitals are not names: see below)
  kName,     // the country's canonical or other name: "Pakistan", "Burma"
  kDemonym,  // an adjective or singular noun: "Pakistani", "Dane"
  kPlural,   // a plural noun for the people: "Pakistanis", "Danes"
};

// Which kind of entry `phrase` (any case, words separated by single spaces,
// no surrounding punctuation) is. Thread-safe (the index is built once).
CountryNameKind KindOfCountryName(absl::string_view phrase);

// The canonical lower-case country name ("pakistan") that `phrase` names as
// a country name, other name, demonym or plural ("Pakistani", "pakistan",
// "Afghans", "U.S."); empty when none. Case-insensitive except for the
// abbreviations above ("US" is the United States, "us" is not). Capitals are
// not names: CountryOfName("Kabul") is empty. Thread-safe.
std::string CountryOfName(absl::string_view phrase);

// The country whose seat of government `phrase` is, case-insensitively
// ("Kabul" -> "afghanistan", "Kremlin" -> "russia"); empty when none.
// Thread-safe.
std::string CountryOfCapital(absl::string_view phrase);

// True when `phrase` is a demonym or plural noun for a country's people
// ("Pakistani", "Afghans", "South Korean"), false for the country's names
// ("Pakistan", "U.S.") and everything else. Thread-safe.
bool IsCountryDemonym(absl::string_view phrase);

}  // namespace factdiff

#endif  // FACTDIFF_CORE_BASE_COUNTRIES_H_
