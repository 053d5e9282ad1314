#include "core/event/actor.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "core/base/countries.h"

namespace factdiff {
namespace {

// Words that name a state's institutions or arms rather than a distinct
// actor: "Pakistani forces", "the Afghan government", "Indian jets".
constexpr const char* kStateWords[] = {
    "forces",      "force",       "military", "army",       "armies",
    "troops",      "soldiers",    "soldier",  "jets",       "jet",
    "warplanes",   "aircraft",    "planes",   "drones",     "drone",
    "helicopters", "navy",        "air",      "government", "officials",
    "official",    "authorities", "security", "side",       "state",
    "guards",      "border",      "police",   "artillery",  "administration",
    "regime",      "ministry",    "defence",  "defense",    "leadership",
    "commanders",  "command",     "units",    "positions",  "posts",
};

// Member nouns dropped after a proper name: "Taliban fighters" -> "taliban".
constexpr const char* kMemberWords[] = {
    "fighters",  "fighter", "militants", "militant", "members",
    "member",    "forces",  "gunmen",    "gunman",   "insurgents",
    "rebels",    "rebel",   "militia",   "militias", "supporters",
    "loyalists", "group",   "movement",  "troops",   "soldiers",
};

struct Tables {
  absl::flat_hash_set<std::string> state_words;
  absl::flat_hash_set<std::string> member_words;
};

const Tables& GetTables() {
  static const Tables* const kTables = [] {
    auto* t = new Tables;
    for (const char* w : kStateWords) t->state_words.insert(w);
    for (const char* w : kMemberWords) t->member_words.insert(w);
    return t;
  }();
  return *kTables;
}

// Splits on spaces, dropping possessive markers: "Pakistan's army" ->
// {"Pakistan", "army"}; "workers' union" -> {"workers", "union"}.
std::vector<std::string> Words(absl::string_view phrase) {
  std::vector<std::string> out;
  for (absl::string_view w :
       absl::StrSplit(phrase, ' ', absl::SkipWhitespace())) {
    if (w == "'s" || w == "'" || w == "\xE2\x80\x99s") continue;
    if (!absl::ConsumeSuffix(&w, "'s")) {
      if (!absl::ConsumeSuffix(&w, "\xE2\x80\x99s")) {
        absl::ConsumeSuffix(&w, "'");
      }
    }
    if (!w.empty()) out.emplace_back(w);
  }
  return out;
}

}  // namespace

std::string CountryOf(absl::string_view name) { return CountryOfName(name); }

bool IsDemonym(absl::string_view name) { return IsCountryDemonym(name); }

std::string NormalizeActor(absl::string_view phrase) {
  const Tables& t = GetTables();
  std::vector<std::string> words = Words(phrase);
  if (!words.empty()) {
    const std::string first = absl::AsciiStrToLower(words[0]);
    if (first == "the" || first == "a" || first == "an") {
      words.erase(words.begin());
    }
  }
  if (words.empty()) return "";
  std::vector<std::string> lower(words.size());
  bool proper = false;
  for (size_t i = 0; i < words.size(); ++i) {
    lower[i] = absl::AsciiStrToLower(words[i]);
    const unsigned char c = words[i][0];
    if ((c >= 'A' && c <= 'Z') || c >= 0x80) proper = true;
  }
  // Longest country prefix, up to 4 words.
  for (size_t n = std::min<size_t>(4, words.size()); n >= 1; --n) {
    std::vector<std::string> head(words.begin(), words.begin() + n);
    const std::string country = CountryOfName(absl::StrJoin(head, " "));
    if (country.empty()) continue;
    bool generic = true;
    for (size_t i = n; i < lower.size(); ++i) {
      if (!t.state_words.contains(lower[i])) generic = false;
    }
    if (generic) return country;
    break;
  }
  if (proper) {
    while (lower.size() > 1 && t.member_words.contains(lower.back())) {
      lower.pop_back();
    }
  }
  return absl::StrJoin(lower, " ");
}

}  // namespace factdiff
