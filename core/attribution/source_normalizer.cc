#include "core/attribution/source_normalizer.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "core/base/countries.h"

namespace factdiff {
namespace {

// Honorifics, ranks and offices that stand before a person's name.
constexpr absl::string_view kTitles[] = {
    "mr", "mrs", "ms", "mx", "dr", "prof", "professor", "sir", "dame", "rev",
    "reverend", "father", "sheikh", "imam", "ayatollah", "rabbi", "pastor",
    "gen", "general", "lt", "lieutenant", "col", "colonel", "maj", "major",
    "capt", "captain", "cmdr", "commander", "adm", "admiral", "brig",
    "brigadier", "sgt", "sergeant", "cpl", "corporal", "pvt", "private",
    "marshal", "officer", "inspector", "superintendent", "supt", "insp",
    "det", "detective", "constable", "sen", "senator", "rep",
    "representative", "congressman", "congresswoman", "gov", "governor",
    "president", "vice-president", "premier", "minister", "secretary",
    "chancellor", "king", "queen", "prince", "princess", "emir", "sultan",
    "mayor", "judge", "justice", "magistrate", "prosecutor", "attorney",
    "lawyer", "chairman", "chairwoman", "chairperson", "chair", "speaker",
    "chief", "director", "leader", "ambassador", "envoy", "ceo", "cfo",
    "founder", "head", "deputy", "mullah", "commissioner", "councillor",
    "councilor", "councilman", "councilwoman", "candidate", "nominee",
    "spokesman", "spokeswoman", "spokesperson", "analyst", "economist",
    "researcher", "scientist", "administrator", "coordinator", "manager",
    "editor", "correspondent", "reporter", "assemblyman", "assemblywoman",
    "mp", "mep", "treasurer", "auditor", "sheriff", "warden",
};

// Words that end a source at its head: appositives and relative clauses.
constexpr absl::string_view kCutWords[] = {"who", "which", "that", "whose",
                                           "whom", "said", "says"};

// Leading words that carry no identity.
constexpr absl::string_view kDeterminers[] = {
    "the", "a", "an", "one", "another", "some", "several", "many", "both",
    "two", "three", "four", "five", "various", "other", "few", "its",
    "their", "senior", "top", "high-ranking", "high-level", "junior",
};

constexpr absl::string_view kSpokes[] = {
    "spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen",
    "spokespeople", "spokespersons",
};

// Rank words that do not name an organization before "spokesman".
constexpr absl::string_view kSpokesRanks[] = {
    "chief", "senior", "deputy", "top", "main", "official", "former",
    "acting", "his", "her", "their", "its",
};

// Plural role nouns and their singular.
constexpr std::pair<absl::string_view, absl::string_view> kSingular[] = {
    {"officials", "official"},   {"sources", "source"},
    {"spokesmen", "spokesman"},  {"spokeswomen", "spokeswoman"},
    {"diplomats", "diplomat"},   {"witnesses", "witness"},
    {"residents", "resident"},   {"aides", "aide"},
    {"analysts", "analyst"},     {"experts", "expert"},
    {"insiders", "insider"},     {"officers", "officer"},
    {"lawmakers", "lawmaker"},   {"doctors", "doctor"},
    {"medics", "medic"},         {"rescuers", "rescuer"},
    {"investigators", "investigator"},
};

// Words that name the armed forces as a whole.
constexpr absl::string_view kMilitary[] = {"army", "military", "troops",
                                           "armed forces", "defence forces",
                                           "defense forces"};

// Country names that are also common given names: never read a bare one as
// a government.
constexpr absl::string_view kAmbiguousCountries[] = {"chad", "jordan",
                                                     "georgia"};

template <size_t N>
bool In(const absl::string_view (&table)[N], absl::string_view w) {
  for (absl::string_view t : table) {
    if (t == w) return true;
  }
  return false;
}

// The country that `phrase` (as written) names by a name or demonym; ""
// when none. Plural nouns for the people ("Pakistanis") are not read as the
// country: "Afghans said" is not the Afghan government.
std::string CountryOfWords(absl::string_view phrase) {
  const CountryNameKind kind = KindOfCountryName(phrase);
  if (kind == CountryNameKind::kNone || kind == CountryNameKind::kPlural) {
    return "";
  }
  return CountryOfName(phrase);
}

// True when `s` is a canonical country name ("pakistan").
bool IsCountry(absl::string_view s) {
  return !s.empty() && CountryOfName(s) == s;
}

// The most words a country name or demonym has.
size_t MaxCountryWords() {
  static const size_t kMax = [] {
    size_t max = 1;
    for (const CountryRow& row : CountryRows()) {
      for (const char* column : {row.country, row.names, row.demonyms}) {
        for (absl::string_view e :
             absl::StrSplit(column, '|', absl::SkipEmpty())) {
          max = std::max(max, static_cast<size_t>(
                                  std::count(e.begin(), e.end(), ' ') + 1));
        }
      }
    }
    return max;
  }();
  return kMax;
}

// A word of a source as written: trailing punctuation removed (but a final
// '.' kept on initials and abbreviations like "D." or "U.S."), curly
// apostrophes made straight.
struct Word {
  std::string text;      // as written (case kept)
  std::string lower;     // lower case
  bool comma_after = false;
  bool paren = false;    // starts with '('
};

std::vector<Word> SplitWords(absl::string_view surface) {
  std::string s(surface);
  // U+2019 and U+2018 -> '\''.
  for (size_t p; (p = s.find("\xE2\x80\x99")) != std::string::npos;) {
    s.replace(p, 3, "'");
  }
  for (size_t p; (p = s.find("\xE2\x80\x98")) != std::string::npos;) {
    s.replace(p, 3, "'");
  }
  std::vector<Word> out;
  for (absl::string_view raw :
       absl::StrSplit(s, absl::ByAnyChar(" \n\t"), absl::SkipEmpty())) {
    Word w;
    w.paren = raw[0] == '(' || raw[0] == '[';
    while (!raw.empty() && (raw.front() == '"' || raw.front() == '\'' ||
                            raw.front() == '(' || raw.front() == '[')) {
      raw.remove_prefix(1);
    }
    while (!raw.empty()) {
      const char c = raw.back();
      if (c == ',' || c == ';' || c == ':') {
        w.comma_after = true;
        raw.remove_suffix(1);
      } else if (c == '"' || c == ')' || c == ']' || c == '!' || c == '?' ||
                 (c == '\'' && !(raw.size() > 1 && raw[raw.size() - 2] == 's'))) {
        raw.remove_suffix(1);
      } else if (c == '.') {
        // Keep the dot of an initial ("D.") or dotted abbreviation ("U.S.").
        const bool initial =
            (raw.size() == 2 && absl::ascii_isupper(raw[0])) ||
            raw.substr(0, raw.size() - 1).find('.') != absl::string_view::npos;
        if (initial) break;
        raw.remove_suffix(1);
      } else {
        break;
      }
    }
    if (raw.empty()) continue;
    w.text = std::string(raw);
    w.lower = absl::AsciiStrToLower(w.text);
    out.push_back(std::move(w));
  }
  return out;
}

bool Capitalized(const Word& w) {
  return !w.text.empty() && absl::ascii_isupper(w.text[0]);
}

std::string StripPossessive(std::string w) {
  if (w.size() > 2 && w.compare(w.size() - 2, 2, "'s") == 0) {
    w.resize(w.size() - 2);
  } else if (w.size() > 1 && w.back() == '\'') {
    w.pop_back();
  }
  return w;
}

std::string JoinLower(const std::vector<Word>& words, size_t begin,
                      size_t end) {
  std::string out;
  for (size_t i = begin; i < end; ++i) {
    if (!out.empty()) out += ' ';
    out += words[i].lower;
  }
  return out;
}

std::string JoinText(const std::vector<Word>& words, size_t begin,
                     size_t end) {
  std::string out;
  for (size_t i = begin; i < end; ++i) {
    if (!out.empty()) out += ' ';
    out += words[i].text;
  }
  return out;
}

std::string Normalize(absl::string_view surface, const AcronymMap* acronyms,
                      int depth);

// Rule 1: "spokesman for X", "X spokesman Y", "X's spokesman".
bool SpokespersonOrg(const std::vector<Word>& w, const AcronymMap* acronyms,
                     int depth, std::string* out) {
  for (size_t i = 0; i < w.size(); ++i) {
    if (!In(kSpokes, StripPossessive(w[i].lower))) continue;
    if (i + 1 < w.size() && !w[i].comma_after &&
        (w[i + 1].lower == "for" || w[i + 1].lower == "of" ||
         w[i + 1].lower == "at")) {
      std::string org;
      for (size_t j = i + 2; j < w.size(); ++j) {
        if (In(kCutWords, w[j].lower) || w[j].paren) break;
        if (!org.empty()) org += ' ';
        org += w[j].text;
        if (w[j].comma_after) break;
      }
      *out = Normalize(org, acronyms, depth + 1);
      return !out->empty();
    }
    // The words before, from the last comma on.
    size_t b = i;
    while (b > 0 && !w[b - 1].comma_after) --b;
    std::string org;
    bool has_org = false;
    for (size_t j = b; j < i; ++j) {
      const std::string l = StripPossessive(w[j].lower);
      if (!In(kDeterminers, l) && !In(kSpokesRanks, l)) has_org = true;
      if (!org.empty()) org += ' ';
      org += w[j].text;
    }
    if (has_org) {
      *out = Normalize(org, acronyms, depth + 1);
      return !out->empty();
    }
    return false;
  }
  return false;
}

std::string Normalize(absl::string_view surface, const AcronymMap* acronyms,
                      int depth) {
  std::vector<Word> w = SplitWords(surface);
  if (w.empty()) return "";
  std::string org;
  if (depth < 3 && SpokespersonOrg(w, acronyms, depth, &org)) return org;

  // Rule 2: cut appositives and relative clauses.
  for (size_t i = 0; i < w.size(); ++i) {
    if (i > 0 && (In(kCutWords, w[i].lower) || w[i].paren)) {
      w.resize(i);
      break;
    }
    if (w[i].comma_after) {
      w.resize(i + 1);
      break;
    }
  }
  // Rule 4: determiners, rank words, possessives.
  size_t start = 0;
  while (start + 1 < w.size() && In(kDeterminers, w[start].lower)) ++start;
  w.erase(w.begin(), w.begin() + start);
  for (Word& x : w) {
    x.text = StripPossessive(x.text);
    x.lower = StripPossessive(x.lower);
  }
  // Rule 3: a defined acronym.
  if (acronyms != nullptr && w.size() == 1) {
    auto it = acronyms->find(w[0].text);
    if (it != acronyms->end()) return it->second;
  }
  // Rule 5: titles before a capitalized name.
  for (size_t i = w.size(); i-- > 0;) {
    if (!In(kTitles, w[i].lower) && !(w[i].lower.size() > 1 &&
                                       w[i].lower.back() == '.' &&
                                       In(kTitles, absl::string_view(w[i].lower).substr(0, w[i].lower.size() - 1)))) {
      continue;
    }
    bool name = i + 1 < w.size();
    for (size_t j = i + 1; j < w.size() && name; ++j) {
      name = Capitalized(w[j]) && !In(kTitles, w[j].lower) &&
             CountryOfWords(w[j].text).empty();
    }
    if (name) w.erase(w.begin(), w.begin() + i + 1);
    break;
  }
  // Rule 8 (capitals, before demonyms rewrite the words).
  if (const std::string country = CountryOfCapital(JoinLower(w, 0, w.size()));
      !country.empty()) {
    return country + " government";
  }
  // Rule 6: demonyms, military words, plurals.
  std::vector<std::string> out;
  for (size_t i = 0; i < w.size();) {
    bool matched = false;
    for (size_t n = std::min(MaxCountryWords(), w.size() - i);
         n >= 1 && !matched; --n) {
      if (std::string country = CountryOfWords(JoinText(w, i, i + n));
          !country.empty()) {
        out.push_back(std::move(country));
        i += n;
        matched = true;
        break;
      }
      if (In(kMilitary, JoinLower(w, i, i + n))) {
        out.push_back("military");
        i += n;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    std::string word = w[i].lower;
    for (const auto& [plural, singular] : kSingular) {
      if (word == plural) word = std::string(singular);
    }
    out.push_back(std::move(word));
    ++i;
  }
  // Rule 7: "<institution> of <country>".
  for (size_t i = 1; i + 1 < out.size(); ++i) {
    if (out[i] != "of") continue;
    const std::string rest = absl::StrJoin(out.begin() + i + 1, out.end(), " ");
    if (!IsCountry(rest)) break;
    std::vector<std::string> re = {rest};
    re.insert(re.end(), out.begin(), out.begin() + i);
    out = std::move(re);
    break;
  }
  std::string result = absl::StrJoin(out, " ");
  // Rule 8: a bare country.
  if (IsCountry(result) && !In(kAmbiguousCountries, result)) {
    result += " government";
  }
  return result;
}

bool IsAcronym(absl::string_view w) {
  if (w.size() < 2 || w.size() > 8) return false;
  for (char c : w) {
    if (!absl::ascii_isupper(c)) return false;
  }
  return true;
}

// True when the letters of `acronym` are, in order, the initials of
// `words` (split at hyphens too), the first letter matching the first word.
bool InitialsMatch(absl::string_view acronym,
                   const std::vector<absl::string_view>& words) {
  std::string initials;
  for (absl::string_view w : words) {
    for (absl::string_view part : absl::StrSplit(w, '-', absl::SkipEmpty())) {
      initials += absl::ascii_toupper(part[0]);
    }
  }
  if (initials.empty() || initials[0] != acronym[0]) return false;
  size_t j = 0;
  for (char c : initials) {
    if (j < acronym.size() && c == acronym[j]) ++j;
  }
  return j == acronym.size() && initials.size() <= acronym.size() + 3;
}

}  // namespace

std::string NormalizeSource(absl::string_view surface,
                            const AcronymMap* acronyms) {
  return Normalize(surface, acronyms, 0);
}

bool IsCountryWord(absl::string_view word) {
  // `word` is lower case: try the abbreviations ("us" -> "US") too.
  return !CountryOfWords(word).empty() ||
         !CountryOfWords(absl::AsciiStrToUpper(word)).empty();
}

AcronymMap FindAcronyms(absl::string_view text) {
  AcronymMap out;
  // Form 1: "Expansion Words (ACR)".
  for (size_t p = text.find('('); p != absl::string_view::npos;
       p = text.find('(', p + 1)) {
    const size_t close = text.find(')', p);
    if (close == absl::string_view::npos || close - p > 10) continue;
    const absl::string_view acr = text.substr(p + 1, close - p - 1);
    if (!IsAcronym(acr) || out.contains(std::string(acr))) continue;
    // Up to 8 words before '(' that are capitalized or joining words.
    std::vector<absl::string_view> words;
    size_t end = p;
    while (end > 0 && text[end - 1] == ' ') --end;
    size_t cur = end;
    while (words.size() < 8 && cur > 0) {
      size_t b = cur;
      while (b > 0 && text[b - 1] != ' ' && text[b - 1] != '\n') --b;
      const absl::string_view w = text.substr(b, cur - b);
      if (w.empty()) break;
      const bool cap = absl::ascii_isupper(w[0]);
      const bool joiner = w == "of" || w == "and" || w == "for" ||
                          w == "the" || w == "&";
      if (!cap && !joiner) break;
      if (!absl::ascii_isalnum(w.back()) && w.back() != '&') break;
      words.insert(words.begin(), w);
      cur = b;
      while (cur > 0 && text[cur - 1] == ' ') --cur;
    }
    while (!words.empty() && !absl::ascii_isupper(words.front()[0])) {
      words.erase(words.begin());
    }
    // Shortest suffix whose initials match.
    std::vector<absl::string_view> caps;
    for (size_t k = words.size(); k-- > 0;) {
      std::vector<absl::string_view> suffix(words.begin() + k, words.end());
      std::vector<absl::string_view> initial_words;
      for (absl::string_view s : suffix) {
        if (absl::ascii_isupper(s[0])) initial_words.push_back(s);
      }
      if (absl::ascii_isupper(suffix[0][0]) &&
          InitialsMatch(acr, initial_words)) {
        out[std::string(acr)] =
            NormalizeSource(absl::StrJoin(suffix, " "), nullptr);
        break;
      }
    }
  }
  // Form 2: "ACR, the description,".
  for (size_t i = 0; i < text.size();) {
    if (!absl::ascii_isupper(text[i]) ||
        (i > 0 && absl::ascii_isalnum(text[i - 1]))) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && absl::ascii_isupper(text[j])) ++j;
    const absl::string_view acr = text.substr(i, j - i);
    if (IsAcronym(acr) && text.substr(j, 2) == ", " &&
        !out.contains(std::string(acr))) {
      absl::string_view rest = text.substr(j + 2);
      if (absl::StartsWith(rest, "the ") || absl::StartsWith(rest, "a ") ||
          absl::StartsWith(rest, "an ")) {
        size_t e = rest.find_first_of(",.;\n");
        if (e == absl::string_view::npos) e = rest.size();
        if (e < 80) {
          std::string value = NormalizeSource(rest.substr(0, e), nullptr);
          if (!value.empty()) out[std::string(acr)] = std::move(value);
        }
      }
    }
    i = j;
  }
  return out;
}

}  // namespace factdiff
