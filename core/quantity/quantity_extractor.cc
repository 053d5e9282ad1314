#include "core/quantity/quantity_extractor.h"

#include <cmath>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "core/quantity/quantity_tables.h"
#include "core/quantity/units.h"

// How it works: the sentence is cut into word / number / symbol tokens (no
// regular expressions: the extractor runs on every sentence of every
// article). A first pass marks number tokens that count nothing: dates
// ("Oct. 19", "19 October", "2025-10-29"), times ("10:30", "5 p.m."), list
// markers, phone numbers, identifiers ("MH17", "5G", "COVID-19", URLs,
// hashtags), ordinals ("22nd"), decades ("1990s"), designators ("Article
// 370", "Boeing 737"), street addresses and scores ("won 3-2"), and flags
// ages ("aged 45", "Smith, 45,"). Then, at each token that may start a
// figure, a matcher
// reads: [bound phrase] [currency] number [scale] [range] [unit] [post
// bound], or a vague amount, or a fraction. Years used as dates are dropped
// once the unit and bound are known ("in 2021" vs "2,000 people").
// Measure, subject and trend come from the words around the figure in the
// same clause.

namespace factdiff {
namespace {

namespace qi = quantity_internal;
using v1::Quantity;

enum class Kind : uint8_t { kWord, kNumber, kSymbol };

struct Token {
  uint32_t begin = 0;  // normalized offsets, absolute
  uint32_t end = 0;
  Kind kind = Kind::kSymbol;
  bool space_before = true;  // whitespace (or sentence start) before it
  bool upper = false;        // word starting with an ASCII capital
  absl::string_view low;     // lower-cased surface
  double value = 0;          // numbers only
  bool decimal = false;      // "1.5"
  bool grouped = false;      // "2,600", "1 200"
  bool skip = false;         // a number that counts nothing
  bool age = false;          // a person's age ("aged 45", "Smith, 45,")
  uint8_t extent = 0;        // further tokens the number spans ("1/2")
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t'; }

// Byte length of a currency or degree symbol at s[i], 0 if none.
size_t SymbolLength(absl::string_view s, size_t i) {
  const unsigned char c = s[i];
  if (c == 0xC2 && i + 1 < s.size()) {
    const unsigned char d = s[i + 1];
    if (d == 0xA3 || d == 0xA5 || d == 0xB0) return 2;  // £ ¥ °
  }
  if (c == 0xE2 && i + 2 < s.size() && (unsigned char)s[i + 1] == 0x82) {
    const unsigned char d = s[i + 2];
    if (d == 0xAC || d == 0xB9 || d == 0xA6 || d == 0xAA) return 3;  // € ₹ ₦ ₪
  }
  return 0;
}

size_t Utf8Length(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c & 0xE0) == 0xC0) return 2;
  if ((c & 0xF0) == 0xE0) return 3;
  if ((c & 0xF8) == 0xF0) return 4;
  return 1;
}

// Tokenizes text[begin, end). `lower` receives the lower-cased sentence;
// token.low points into it.
std::vector<Token> Tokenize(const std::string& text, uint32_t begin,
                            uint32_t end, std::string* lower) {
  const absl::string_view s(text.data() + begin, end - begin);
  lower->assign(s.data(), s.size());
  absl::AsciiStrToLower(lower);
  std::vector<Token> tokens;
  tokens.reserve(s.size() / 4 + 4);
  bool space = true;
  // Chunks of non-space text that are URLs, e-mail addresses, handles or
  // hashtags: every number in them is part of a name.
  size_t chunk_first_token = 0;
  size_t chunk_begin = 0;
  auto close_chunk = [&](size_t chunk_end) {
    if (chunk_first_token >= tokens.size()) return;
    const absl::string_view chunk = s.substr(chunk_begin, chunk_end - chunk_begin);
    const bool ident = chunk[0] == '#' || chunk[0] == '@' ||
                       chunk.find("://") != absl::string_view::npos ||
                       chunk.find("www.") != absl::string_view::npos ||
                       (chunk.find('@') != absl::string_view::npos &&
                        chunk.find('.') != absl::string_view::npos);
    if (ident) {
      for (size_t k = chunk_first_token; k < tokens.size(); ++k) {
        tokens[k].skip = true;
      }
    }
  };
  size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (IsSpace(c)) {
      if (!space) close_chunk(i);
      space = true;
      ++i;
      continue;
    }
    if (space) {
      chunk_first_token = tokens.size();
      chunk_begin = i;
    }
    Token t;
    t.space_before = space;
    space = false;
    size_t j = i;
    // ".001 per cent", "a .500 record": a decimal without its leading zero.
    const bool lead_dot = c == '.' && i + 1 < s.size() && IsDigit(s[i + 1]) &&
                          (i == 0 || IsSpace(s[i - 1]) || s[i - 1] == '(' ||
                           s[i - 1] == '$');
    if (IsDigit(c) || lead_dot) {
      t.kind = Kind::kNumber;
      if (lead_dot) ++j;
      while (j < s.size() && IsDigit(s[j])) ++j;
      if (lead_dot) t.decimal = true;
      size_t first_group = j - i;
      bool comma = false, spaced = false;
      while (j + 3 < s.size()) {
        const char sep = s[j];
        if (sep != ',' && sep != ' ') break;
        if (!IsDigit(s[j + 1]) || !IsDigit(s[j + 2]) || !IsDigit(s[j + 3])) {
          break;
        }
        if (j + 4 < s.size() && IsDigit(s[j + 4])) break;
        if (lead_dot) break;
        if (sep == ',') {
          if (spaced || first_group > 3) break;
          comma = true;
        } else {
          // A space separates thousands only between groups of three
          // after a first group of one to three digits, and not before a
          // decimal point or another separator form.
          if (comma || first_group > 3) break;
          if (j + 4 < s.size() && (s[j + 4] == '.' || s[j + 4] == ',') &&
              j + 5 < s.size() && IsDigit(s[j + 5])) {
            break;
          }
          spaced = true;
        }
        j += 4;
        t.grouped = true;
      }
      if (!lead_dot && j + 1 < s.size() && s[j] == '.' && IsDigit(s[j + 1])) {
        t.decimal = true;
        j += 1;
        while (j < s.size() && IsDigit(s[j])) ++j;
        // "1.2.3", "10.29.2025": versions and dates, not numbers.
        if (j + 1 < s.size() && s[j] == '.' && IsDigit(s[j + 1])) {
          while (j < s.size() && (IsDigit(s[j]) || s[j] == '.')) ++j;
          t.skip = true;
        }
      }
      std::string digits = lead_dot ? "0" : "";
      digits.reserve(j - i + 1);
      for (size_t k = i; k < j; ++k) {
        if (s[k] != ',' && s[k] != ' ') digits.push_back(s[k]);
      }
      if (!absl::SimpleAtod(digits, &t.value)) t.skip = true;
    } else if (IsAsciiAlpha(c) ||
               ((unsigned char)c >= 0x80 && SymbolLength(s, i) == 0)) {
      t.kind = Kind::kWord;
      t.upper = c >= 'A' && c <= 'Z';
      while (j < s.size()) {
        const char d = s[j];
        if (IsAsciiAlpha(d)) {
          ++j;
        } else if ((unsigned char)d >= 0x80 && SymbolLength(s, j) == 0) {
          j = std::min(s.size(), j + Utf8Length(d));
        } else if (d == '\'' && j + 1 < s.size() && IsAsciiAlpha(s[j + 1])) {
          ++j;
        } else {
          break;
        }
      }
    } else {
      t.kind = Kind::kSymbol;
      const size_t len = SymbolLength(s, i);
      j = i + (len ? len : 1);
    }
    t.begin = begin + static_cast<uint32_t>(i);
    t.end = begin + static_cast<uint32_t>(j);
    t.low = absl::string_view(lower->data() + i, j - i);
    tokens.push_back(t);
    i = j;
  }
  if (!space) close_chunk(s.size());
  return tokens;
}

// ---------------------------------------------------------------------------
// Word sets used by the matcher and the filters.

constexpr const char* kMonths[] = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december",
    "jan",     "feb",      "mar",       "apr",     "jun",      "jul",
    "aug",     "sep",      "sept",      "oct",     "nov",      "dec"};
constexpr const char* kWeekdays[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun"};

// Words before a number that make it a name or a position, not a count.
constexpr const char* kDesignators[] = {
    "article", "section", "chapter", "clause", "paragraph", "para", "item",
    "no", "number", "page", "route", "highway", "interstate", "flight",
    "row", "seat", "gate", "phase", "level", "grade", "version", "episode",
    "season", "round", "stage", "game", "district", "ward", "platform",
    "exit", "sector", "block", "bus", "terminal", "zone", "category",
    "channel", "model", "suite", "building", "floor", "hall", "room",
    "apartment", "lot", "vol", "volume", "part", "tier", "class", "group",
    "resolution", "amendment", "bill", "act", "rule", "pier", "lane",
    "street", "avenue", "road", "unit", "code", "tab", "figure", "fig",
    "table", "track", "verse", "psalm", "id", "pin", "account", "case",
    "ticket", "squad", "battalion", "brigade", "regiment", "corps", "div",
    "division", "hole", "week", "day", "year", "match", "race", "leg",
    "step", "box", "ps", "iphone", "windows", "covid", "sars", "form",
    "schedule", "order", "appendix", "annex", "title", "cell", "bed",
    "ward", "grid", "line", "berth", "camp", "plot", "kilometre",
    "kilometer", "km", "mile", "milepost", "jersey", "shirt"};

// Words before a year that make it a date.
constexpr const char* kYearCues[] = {
    "in", "since", "by", "until", "till", "til", "from", "of", "during",
    "before", "after", "the", "early", "late", "mid", "year", "fiscal",
    "season", "spring", "summer", "autumn", "fall", "winter", "circa",
    "between", "and", "to", "through", "for", "'", "-", "a", "its", "their",
    "his", "her", "last", "this", "next", "c", "s", "as", "than", "on", "at",
    "end", "start", "beginning", "born", "founded", "established", "class",
    "vintage", "model", "version", "edition", "census", "election",
    "elections", "olympics", "cup", "budget"};

// Words that end the subject phrase after a number.
constexpr const char* kSubjectStops[] = {
    "a", "an", "the", "this", "that", "these", "those", "and", "or", "but",
    "nor", "of", "in", "on", "at", "to", "from", "for", "with", "without",
    "by", "as", "than", "into", "onto", "over", "under", "across", "after",
    "before", "during", "since", "until", "till", "about", "around",
    "against", "among", "amid", "between", "through", "throughout", "per",
    "via", "near", "outside", "inside", "within", "behind", "along",
    "toward", "towards", "who", "whom", "whose", "which", "what", "where",
    "when", "while", "whereas", "if", "because", "so", "yet", "is", "are",
    "was", "were", "be", "been", "being", "am", "has", "have", "had", "do",
    "does", "did", "will", "would", "shall", "should", "can", "could",
    "may", "might", "must", "it", "its", "he", "she", "they", "them",
    "their", "his", "her", "we", "our", "you", "your", "i", "me", "my",
    "more", "less", "fewer", "most", "least", "other", "others", "each",
    "every", "all", "both", "some", "any", "many", "much", "such", "no",
    "not", "also", "still", "now", "then", "there", "here", "ago", "later",
    "earlier", "already", "alone", "so", "far", "too", "very", "just",
    "only", "even", "again", "said", "says", "say", "told", "according",
    "including", "included", "included", "reportedly", "allegedly",
    "respectively", "total", "altogether", "apiece", "each", "ahead",
    "away", "back", "up", "down", "out", "off", "overall", "yesterday",
    "today", "tomorrow", "tonight", "last", "next", "year", "years", "month",
    "months", "week", "weeks", "day", "days", "hour", "hours", "minute",
    "minutes", "times", "percent", "cent", "plus", "or", "either",
    "neither", "whether", "how", "why", "once", "twice", "one", "ones",
    "another", "own", "same", "s", "t", "like", "unlike", "onwards",
    "instead", "which", "whom",
    // Common verbs that follow a count's noun ("3m people live there").
    "live", "work", "remain", "stay", "come", "came", "go", "went", "face",
    "need", "want", "use", "own", "hold", "lack", "wait", "take", "make",
    "get", "receive", "see", "saw", "took", "made", "got", "gave", "give",
    "left", "leave", "lost", "won", "win", "ran", "run", "met", "meet"};

// Skipped between a figure's subject and a measure word after it:
// "23 soldiers were killed", "12 people have reportedly died".
constexpr const char* kAuxWords[] = {
    "were", "was", "are", "is", "have", "has", "had", "been", "being", "be",
    "will", "would", "could", "may", "might", "also", "reportedly",
    "allegedly", "later", "all", "who", "that", "were", "got", "get",
    "feared", "believed", "confirmed", "now", "since", "already", "were",
    "initially", "officially", "so", "far", "subsequently", "eventually",
    "either", "then", "had", "been", "just", "being", "presumed", "left",
    "are", "remain", "remained", "remains", "still", "found", "either",
    "reported", "said", "say", "are", "thought"};

// Skipped between a measure word and a figure after it: "killed at least
// 23", "the death toll rose to 47", "injuring 30".
constexpr const char* kBackSkipWords[] = {
    "to", "at", "of", "the", "a", "an", "rose", "risen", "climbed",
    "reached", "stood", "stands", "hit", "jumped", "increased", "is", "was",
    "has", "had", "have", "now", "total", "number", "figure", "toll",
    "another", "further", "additional", "more", "nearly", "some", "and",
    "with", "by", "as", "many", "put", "puts", "rises", "climbs", "reaches",
    "stand", "tally", "count", "went", "up", "been", "were", "are", "be",
    "least", "than", "official", "officially", "an", "estimated", "reported",
    "reportedly", "least"};

// Trend words before a figure ("rose 5%", "fell by 300", "up 4%") and the
// nouns of "a drop of 10%", "a 10% drop".
constexpr const char* kUpWords[] = {
    "rose", "rise", "rises", "risen", "rising", "increased", "increases",
    "increasing", "grew", "grow", "grows", "growing", "grown", "gained",
    "gain", "gains", "gaining", "jumped", "jump", "jumps", "jumping",
    "climbed", "climb", "climbs", "climbing", "surged", "surge", "surges",
    "surging", "soared", "soar", "soars", "soaring", "advanced", "advances",
    "added", "adds", "up", "rallied", "boosted", "raised", "spiked",
    "rebounded", "accelerated", "expanded", "higher", "increase", "hike",
    "hiked", "growth", "spike", "upturn", "improvement", "improved",
    "appreciated", "strengthened", "firmed", "ticked", "edged", "swelled"};
constexpr const char* kDownWords[] = {
    "fell", "fall", "falls", "falling", "fallen", "dropped", "drop", "drops",
    "dropping", "declined", "decline", "declines", "declining", "decreased",
    "decrease", "decreases", "decreasing", "slipped", "slip", "slips",
    "slid", "slide", "slides", "sliding", "lost", "lose", "loses", "losing",
    "plunged", "plunge", "plunges", "plunging", "plummeted", "plummeting",
    "plummet", "tumbled", "tumble", "tumbles", "sank", "sink", "sinks",
    "shed", "sheds", "down", "cut", "cuts", "reduced", "slumped", "slump",
    "dipped", "dip", "dips", "eased", "lower", "shrank", "shrunk", "shrink",
    "contracted", "retreated", "retreat", "weakened", "depreciated", "dived",
    "dove", "crashed", "tanked", "reduction", "loss", "losses", "downturn",
    "contraction", "slowed", "slashed"};
// Verbs whose object is a change only when the figure is not a count of
// things: "lost 3%" is a fall, "lost 30 soldiers" is not a trend.
constexpr const char* kTrendVerbsNotForCounts[] = {
    "lost", "lose", "loses", "losing", "cut", "cuts", "added", "adds",
    "gained", "gain", "gains", "shed", "sheds", "raised", "boosted",
    "reduced", "slashed", "hiked", "expanded"};

// Heads that only restate the measure: "47 deaths" counts deaths of people,
// so the subject stays empty.
constexpr const char* kMeasureOnlyHeads[] = {
    "deaths", "death", "dead", "casualties", "injuries", "fatalities",
    "toll", "lives", "injured", "wounded", "missing", "arrests",
    "detentions", "homeless", "displaced"};

// Street-type words that make a number before them an address ("10 Downing
// Street"); matched only when capitalized.
constexpr const char* kStreetWords[] = {
    "street", "st", "road", "rd", "avenue", "ave", "boulevard", "blvd",
    "lane", "ln", "way", "drive", "place", "court", "terrace", "crescent",
    "parkway", "rue", "via", "strasse"};

// Time-unit words that can follow "a"/"per" after a rate ("$5 a day").
constexpr const char* kRatePer[] = {"year", "month", "week", "day", "hour",
                                    "minute", "second", "share", "person",
                                    "head", "barrel", "gallon", "litre",
                                    "liter", "tonne", "ton", "kg", "capita"};

// ---------------------------------------------------------------------------

struct NumberWordInfo {
  double value;
  int kind;
};

struct MultiplierInfo {
  double factor;
  bool attached_only;
};

struct Tables {
  absl::flat_hash_map<std::string, NumberWordInfo> number_words;
  absl::flat_hash_map<std::string, MultiplierInfo> multipliers;
  absl::flat_hash_map<std::string, int> bounds;  // phrase -> bound
  absl::flat_hash_map<std::string, const qi::VagueAmount*> vague;
  absl::flat_hash_map<std::string, Quantity::Measure> measures;
  absl::flat_hash_map<std::string, std::string> units;
  absl::flat_hash_map<std::string, std::string> currencies;
  absl::flat_hash_map<std::string, std::string> subjects;
  // Every unit name that is money ("USD", "rupee", "cent").
  absl::flat_hash_set<std::string> currency_units;
  absl::flat_hash_set<std::string> months, weekdays, designators, year_cues,
      subject_stops, aux, back_skip, up, down, trend_not_counts,
      measure_only_heads, rate_per, streets, job_loss, job_words;
  // First tokens of bound phrases, vague amounts, currencies, unit phrases.
  absl::flat_hash_set<std::string> bound_first, vague_first, unit_first;
  size_t max_bound_tokens = 1, max_vague_tokens = 1, max_unit_tokens = 1;
};

template <size_t N>
void AddAll(const char* const (&words)[N], absl::flat_hash_set<std::string>* set) {
  for (const char* w : words) set->insert(w);
}

size_t CountTokens(absl::string_view phrase) {
  size_t n = 1;
  for (char c : phrase) n += c == ' ';
  return n;
}

absl::string_view FirstToken(absl::string_view phrase) {
  const size_t sp = phrase.find(' ');
  return sp == absl::string_view::npos ? phrase : phrase.substr(0, sp);
}

const Tables& GetTables() {
  static const Tables* tables = [] {
    auto* t = new Tables;
    for (const auto& w : qi::kNumberWords) {
      t->number_words[w.word] = {w.value, w.kind};
    }
    for (const auto& m : qi::kMultipliers) {
      t->multipliers[m.word] = {m.factor, m.attached_only};
    }
    for (const auto& b : qi::kBoundPhrases) {
      t->bounds[b.phrase] = b.bound;
      t->bound_first.insert(std::string(FirstToken(b.phrase)));
      t->max_bound_tokens = std::max(t->max_bound_tokens, CountTokens(b.phrase));
    }
    for (const auto& v : qi::kVagueAmounts) {
      t->vague[v.phrase] = &v;
      t->vague_first.insert(std::string(FirstToken(v.phrase)));
      t->max_vague_tokens = std::max(t->max_vague_tokens, CountTokens(v.phrase));
    }
    for (const auto& m : qi::kMeasureWords) t->measures[m.word] = m.measure;
    for (const auto& u : qi::kUnitWords) {
      t->units[u.word] = u.unit;
      t->unit_first.insert(std::string(FirstToken(u.word)));
      // Glued forms start with a shorter token: "m" of "m2", "km" of "km/h".
      const absl::string_view w(u.word);
      const size_t cut = w.find_first_of("0123456789/ ");
      if (cut != absl::string_view::npos && cut > 0) {
        t->unit_first.insert(std::string(w.substr(0, cut)));
      }
      t->max_unit_tokens = std::max(t->max_unit_tokens, CountTokens(u.word));
      // Glued forms ("km/h", "m2") are several tokens without spaces.
      t->max_unit_tokens = std::max<size_t>(t->max_unit_tokens, 3);
    }
    for (const auto& c : qi::kCurrencyPrefixes) {
      t->currencies[c.symbol] = c.unit;
      t->currency_units.insert(c.unit);
    }
    for (const char* u : {"NGN", "ZAR", "ILS", "MYR", "RUB", "TRY", "AED",
                          "SAR", "BDT", "peso", "franc", "cent", "penny",
                          "sen"}) {
      t->currency_units.insert(u);
    }
    for (const auto& s : qi::kSubjectWords) t->subjects[s.word] = s.normalized;
    AddAll(kMonths, &t->months);
    AddAll(kWeekdays, &t->weekdays);
    AddAll(kDesignators, &t->designators);
    AddAll(kYearCues, &t->year_cues);
    AddAll(kSubjectStops, &t->subject_stops);
    AddAll(kAuxWords, &t->aux);
    AddAll(kBackSkipWords, &t->back_skip);
    AddAll(kUpWords, &t->up);
    AddAll(kDownWords, &t->down);
    AddAll(kTrendVerbsNotForCounts, &t->trend_not_counts);
    AddAll(kMeasureOnlyHeads, &t->measure_only_heads);
    AddAll(kRatePer, &t->rate_per);
    AddAll(kStreetWords, &t->streets);
    AddAll(qi::kJobLossVerbs, &t->job_loss);
    AddAll(qi::kJobWords, &t->job_words);
    return t;
  }();
  return *tables;
}

// ---------------------------------------------------------------------------

// One figure being read.
struct Match {
  size_t first = 0;      // first token (bound phrase included)
  size_t end = 0;        // one past the last token
  size_t num_first = 0;  // first token of the number itself
  size_t num_end = 0;    // one past the number (and its scale)
  int bound = Quantity::EXACT;
  double value = 0;
  double low = 0, high = 0;
  bool range = false;
  bool vague = false;
  bool word_number = false;  // written in words
  bool integer = true;
  std::string unit;
  bool fraction = false;
  int sign = 0;  // -1 or +1 when written with a sign
  bool age = false;     // "45-year-old", "aged 45": never a count
  bool one_of = false;  // "one of the X": one member of a group
  bool change = false;  // "from X to Y" read as a change, not a range
  bool falling = false; // with change: Y < X
};

class SentenceExtractor {
 public:
  SentenceExtractor(const QuantityOptions& options, const NormalizedText& text,
                    const SentenceRange& sentence)
      : options_(options), text_(text), t_(GetTables()) {
    tokens_ = Tokenize(text.text, sentence.begin, sentence.end, &lower_);
  }

  std::vector<Quantity> Run();

 private:
  const Token& tok(size_t i) const { return tokens_[i]; }
  size_t size() const { return tokens_.size(); }
  bool IsWord(size_t i, absl::string_view w) const {
    return i < size() && tokens_[i].kind == Kind::kWord && tokens_[i].low == w;
  }
  bool IsSym(size_t i, char c) const {
    return i < size() && tokens_[i].kind == Kind::kSymbol &&
           tokens_[i].low.size() == 1 && tokens_[i].low[0] == c;
  }
  bool Glued(size_t i) const { return i < size() && !tokens_[i].space_before; }
  bool InSet(size_t i, const absl::flat_hash_set<std::string>& set) const {
    return i < size() && tokens_[i].kind == Kind::kWord &&
           set.contains(tokens_[i].low);
  }
  bool IsMonth(size_t i) const {
    if (!InSet(i, t_.months)) return false;
    // "may" and "march" are months only when capitalized.
    if ((tokens_[i].low == "may" || tokens_[i].low == "march") &&
        !tokens_[i].upper) {
      return false;
    }
    return true;
  }
  // Joins tokens [i, i + n) as they appear: glued tokens without a space,
  // the others with one space. False when past the end.
  bool Join(size_t i, size_t n, std::string* out) const {
    if (i + n > size()) return false;
    out->clear();
    for (size_t k = i; k < i + n; ++k) {
      if (k > i && tokens_[k].space_before) out->push_back(' ');
      out->append(tokens_[k].low.data(), tokens_[k].low.size());
    }
    return true;
  }
  size_t SkipDot(size_t i) const { return IsSym(i, '.') && Glued(i) ? i + 1 : i; }

  void MarkNonCounts();
  bool MatchAt(size_t i, Match* m) const;
  bool MatchNumber(size_t i, Match* m) const;
  bool MatchWordNumber(size_t i, double* value, size_t* end) const;
  bool MatchVague(size_t i, Match* m) const;
  bool MatchFraction(size_t i, Match* m) const;
  size_t MatchMultiplier(size_t i, double* factor) const;
  size_t MatchUnit(size_t i, std::string* unit) const;
  bool IsMetre(size_t i) const;
  size_t MatchCurrency(size_t i, std::string* unit) const;
  bool IsPronounOne(size_t i, size_t end) const;
  bool IsOneOf(size_t i) const;
  bool MatchFromTo(size_t from, const std::string& currency, Match* m,
                   size_t* end) const;
  double UnscaledValue(const Match& m) const;
  bool IsYearDate(const Match& m) const;
  void Finish(const Match& m, Quantity* q) const;
  void FindSubject(const Match& m, Quantity* q, size_t* after) const;
  void FindMeasure(const Match& m, size_t after, Quantity* q) const;
  void FindTrend(const Match& m, Quantity* q) const;
  bool IsJobLoss(const Match& m, size_t after, const Quantity& q) const;
  void LinkFigures(const std::vector<Match>& matches,
                   std::vector<Quantity>* out) const;
  void SetSpan(size_t begin, size_t end, v1::Span* span) const;

  const QuantityOptions& options_;
  const NormalizedText& text_;
  const Tables& t_;
  std::string lower_;
  std::vector<Token> tokens_;
};

// Marks number tokens that count nothing.
void SentenceExtractor::MarkNonCounts() {
  const size_t n = size();
  size_t first_word = 0;
  while (first_word < n && tok(first_word).kind != Kind::kWord) ++first_word;
  for (size_t i = 0; i < n; ++i) {
    Token& t = tokens_[i];
    if (t.kind != Kind::kNumber || t.skip) continue;
    const bool integer = !t.decimal && !t.grouped;
    // Glued to a word before it: "MH17", "G7" (but "Rs100", "US$5" are
    // currencies, read by the matcher).
    // "$US5", "$A82" are currencies too.
    if (i > 0 && !t.space_before && tok(i - 1).kind == Kind::kWord &&
        !t_.currencies.contains(tok(i - 1).low) &&
        !(i > 1 && IsSym(i - 2, '$') && Glued(i - 1) &&
          t_.currencies.contains(absl::StrCat("$", tok(i - 1).low)))) {
      t.skip = true;
      continue;
    }
    // "COVID-19", "F-16", "Su-30", "mid-2020": word, hyphen, number, glued.
    if (i > 1 && !t.space_before && IsSym(i - 1, '-') && Glued(i - 1) &&
        tok(i - 2).kind == Kind::kWord &&
        !t_.number_words.contains(tok(i - 2).low) &&
        tok(i - 2).low != "sub" && tok(i - 2).low != "minus") {
      t.skip = true;
      continue;
    }
    // "#1", "No. 3".
    if (i > 0 && !t.space_before && IsSym(i - 1, '#')) {
      t.skip = true;
      continue;
    }
    // Scientific notation: "2.998×10-8", "6x10^23" (the minus sign is
    // normalized to '-').
    if (i + 2 < n && Glued(i + 1) && Glued(i + 2) &&
        (IsWord(i + 1, "\xC3\x97") || IsWord(i + 1, "x")) &&
        tok(i + 2).kind == Kind::kNumber && tok(i + 2).value == 10 &&
        !tok(i + 2).decimal) {
      size_t k = i + 3;
      if (IsSym(k, '^') && Glued(k)) ++k;
      int sign = 1;
      if ((IsSym(k, '-') || IsSym(k, '+')) && Glued(k)) {
        sign = IsSym(k, '-') ? -1 : 1;
        ++k;
      }
      if (k < n && Glued(k) && tok(k).kind == Kind::kNumber &&
          !tok(k).decimal && tok(k).value <= 300 && k - i <= 5) {
        t.value *= std::pow(10.0, sign * tok(k).value);
        t.decimal = true;
        t.extent = static_cast<uint8_t>(k - i);
        for (size_t x = i + 1; x <= k; ++x) tokens_[x].skip = true;
        continue;
      }
    }
    // "1/2 pound", "1/16 of a pint": a fraction before a unit or "of".
    if (integer && i + 3 < n && IsSym(i + 1, '/') && Glued(i + 1) &&
        Glued(i + 2) && tok(i + 2).kind == Kind::kNumber &&
        !tok(i + 2).decimal && !tok(i + 2).grouped &&
        t.value < tok(i + 2).value && tok(i + 2).value <= 1000 &&
        !(i + 3 < n && IsSym(i + 3, '/')) && !(i > 0 && IsSym(i - 1, '/'))) {
      std::string unit;
      if (IsWord(i + 3, "of") ||
          (MatchUnit(i + 3, &unit) != i + 3 && tok(i + 3).space_before)) {
        t.value /= tok(i + 2).value;
        t.decimal = true;
        t.extent = 2;
        tokens_[i + 2].skip = true;
        continue;
      }
    }
    // "24/7", "9/11", "10/29/2025".
    if ((i + 1 < n && IsSym(i + 1, '/') && Glued(i + 1) && Glued(i + 2) &&
         i + 2 < n && tok(i + 2).kind == Kind::kNumber) ||
        (i > 1 && IsSym(i - 1, '/') && !t.space_before && Glued(i - 1) &&
         tok(i - 2).kind == Kind::kNumber)) {
      t.skip = true;
      continue;
    }
    // Glued suffix: ordinals, decades, times, identifiers ("5G").
    if (i + 1 < n && Glued(i + 1) && tok(i + 1).kind == Kind::kWord) {
      const absl::string_view w = tok(i + 1).low;
      // "5G", "4G": network generations, not grams.
      const bool known = (t_.multipliers.contains(w) || t_.units.contains(w) ||
                          t_.unit_first.contains(w) ||
                          t_.currencies.contains(w)) &&
                         !(w == "g" && tok(i + 1).upper);
      if (!known) {
        t.skip = true;
        tokens_[i + 1].skip = true;
        continue;
      }
    }
    // Times: "10:30", "5 p.m.", "5 pm", "7 o'clock".
    if (i + 2 < n && IsSym(i + 1, ':') && Glued(i + 1) &&
        tok(i + 2).kind == Kind::kNumber && Glued(i + 2)) {
      t.skip = true;
      tokens_[i + 2].skip = true;
      continue;
    }
    if (i + 1 < n && (IsWord(i + 1, "p") || IsWord(i + 1, "a")) &&
        IsSym(i + 2, '.') && Glued(i + 2) && IsWord(i + 3, "m")) {
      t.skip = true;
      continue;
    }
    if (IsWord(i + 1, "pm") || IsWord(i + 1, "am") ||
        IsWord(i + 1, "o'clock") || IsWord(i + 1, "gmt") ||
        IsWord(i + 1, "utc")) {
      t.skip = true;
      continue;
    }
    // Dates: "Oct. 19", "October 11, 2025", "19 October", "19 of October".
    if (integer && t.value >= 1 && t.value <= 31) {
      size_t prev = i;
      if (prev > 0 && IsSym(prev - 1, '.')) --prev;
      if (prev > 0 && IsMonth(prev - 1)) {
        t.skip = true;
        // ", 2025" after the day.
        size_t k = i + 1;
        if (IsSym(k, ',')) ++k;
        if (k < n && tok(k).kind == Kind::kNumber && tok(k).value >= 1000 &&
            tok(k).value <= 2100) {
          tokens_[k].skip = true;
        }
        // "Sept. 20-24": a span of days.
        if (IsSym(i + 1, '-') && i + 2 < n &&
            tok(i + 2).kind == Kind::kNumber && tok(i + 2).value <= 31) {
          tokens_[i + 2].skip = true;
        }
        continue;
      }
      size_t k = i + 1;
      if (IsWord(k, "of")) ++k;
      if (IsMonth(k)) {
        t.skip = true;
        continue;
      }
    }
    // Month then year: "October 2025".
    if (integer && t.value >= 1000 && t.value <= 2100 && i > 0 &&
        IsMonth(i - 1)) {
      t.skip = true;
      continue;
    }
    // "2025-10-29", "555-123-4567": three or more numbers joined by '-'.
    if (i + 4 < n + 0 && IsSym(i + 1, '-') && Glued(i + 1) && Glued(i + 2) &&
        tok(i + 2).kind == Kind::kNumber && IsSym(i + 3, '-') &&
        Glued(i + 3) && Glued(i + 4) && tok(i + 4).kind == Kind::kNumber) {
      t.skip = true;
      tokens_[i + 2].skip = true;
      tokens_[i + 4].skip = true;
      continue;
    }
    // Scores and seasons: "won 3-2", "2019-20": a dash between plain
    // integers where the second is not larger is no range.
    if (integer && i + 2 < n && IsSym(i + 1, '-') && Glued(i + 1) &&
        Glued(i + 2) && tok(i + 2).kind == Kind::kNumber &&
        !tok(i + 2).decimal && !tok(i + 2).grouped &&
        tok(i + 2).value <= t.value) {
      t.skip = true;
      tokens_[i + 2].skip = true;
      continue;
    }
    // Phone numbers: "+44 20 7946 0958" (but "+0.2%" is a change).
    if (i > 0 && IsSym(i - 1, '+') && !t.space_before && integer &&
        !IsSym(i + 1, '%') && !(i + 1 < n && Glued(i + 1))) {
      std::string unused;
      if (MatchUnit(i + 1, &unused) == i + 1) {
        for (size_t k = i; k < n && tok(k).kind == Kind::kNumber &&
                           !tok(k).decimal;
             ++k) {
          tokens_[k].skip = true;
        }
        continue;
      }
    }
    // List markers: "1." or "2)" opening the sentence.
    if (i == 0 && integer && i + 1 < n && Glued(i + 1) &&
        (IsSym(i + 1, '.') || IsSym(i + 1, ')'))) {
      t.skip = true;
      continue;
    }
    if (i == 1 && IsSym(0, '(') && integer && IsSym(2, ')')) {
      t.skip = true;
      continue;
    }
    // Designators: "Article 370", "Section 144", "No. 3", "Boeing 737".
    // A figure with a unit after it is a measurement, not a name ("Tylenol
    // 500mg", "the sector 0.68 percent lower"), and "$US5" a currency.
    std::string unit_after;
    const bool has_unit =
        MatchUnit(i + 1, &unit_after) != i + 1 &&
        !(unit_after == "second" || unit_after == "minute" ||
          unit_after == "year" || unit_after == "day" ||
          unit_after == "week" || unit_after == "month");
    const bool dollar_code = i > 1 && IsSym(i - 2, '$') && Glued(i - 1) &&
                             !t.space_before;
    if (i > 0 && !t.grouped && !has_unit && !dollar_code) {
      size_t p = i - 1;
      if (IsSym(p, '.') && p > 0) --p;
      if (InSet(p, t_.designators) &&
          !(tok(p).low == "day" || tok(p).low == "week" ||
            tok(p).low == "year") ) {
        t.skip = true;
        continue;
      }
      // "Day 3", "Week 2" only when capitalized (a counting "day 3" is
      // rare, "a day 30 people died" is not).
      if (InSet(p, t_.designators) && tok(p).upper) {
        t.skip = true;
        continue;
      }
      // A capitalized name right before the number, not at the sentence
      // start: "Boeing 737", "Apollo 11", "Big 12".
      if (p == i - 1 && p > 0 && tok(p).kind == Kind::kWord && tok(p).upper &&
          !IsMonth(p) && !InSet(p, t_.weekdays) &&
          !InSet(p, t_.subject_stops) && !t_.bounds.contains(tok(p).low) &&
          !t_.currencies.contains(tok(p).low) &&
          !t_.number_words.contains(tok(p).low) &&
          !t_.measures.contains(tok(p).low) &&
          !t_.up.contains(tok(p).low) && !t_.down.contains(tok(p).low) &&
          p > first_word) {
        t.skip = true;
        continue;
      }
    }
    // Ages: "aged 45", "age 45", "at the age of 45", "Smith, 45, said".
    // Read as ages (unit "year", measure OTHER "age", no subject) so that
    // they are never compared as counts; "45-year-old" and "45 years old"
    // are recognized by the matcher from their unit.
    if (i > 0 && (IsWord(i - 1, "aged") || IsWord(i - 1, "age") ||
                  IsWord(i - 1, "ages") ||
                  (IsWord(i - 1, "of") && IsWord(i - 2, "age")))) {
      t.age = true;
      // "aged 25 to 54", "aged 18-24".
      if ((IsSym(i + 1, '-') || IsWord(i + 1, "to")) && i + 2 < n &&
          tok(i + 2).kind == Kind::kNumber) {
        tokens_[i + 2].age = true;
      }
      continue;
    }
    if (integer && t.value >= 1 && t.value <= 120 && i > 1 &&
        IsSym(i - 1, ',') && tok(i - 2).kind == Kind::kWord &&
        tok(i - 2).upper && IsSym(i + 1, ',') && i + 2 < n &&
        tok(i + 2).kind == Kind::kWord && !IsMonth(i - 2) &&
        !InSet(i - 2, t_.weekdays)) {
      t.age = true;
      continue;
    }
    // Street addresses: "10 Downing Street", "22 Ave Foch", "16-18
    // Industrial Avenue", "9 E 71st St": a street word within the next few
    // capitalized tokens.
    {
      size_t k = i + 1;
      if (IsSym(k, '-') && Glued(k) && k + 1 < n &&
          tok(k + 1).kind == Kind::kNumber) {
        k += 2;
      }
      for (size_t steps = 0; k < n && steps < 4; ++steps, ++k) {
        const Token& w = tok(k);
        if (w.kind == Kind::kWord && w.upper && t_.streets.contains(w.low)) {
          for (size_t x = i; x < k; ++x) {
            if (tok(x).kind == Kind::kNumber) tokens_[x].skip = true;
          }
          break;
        }
        const bool name_part = (w.kind == Kind::kWord &&
                                (w.upper || w.skip || !w.space_before)) ||
                               (w.kind == Kind::kNumber && w.skip) ||
                               (w.kind == Kind::kNumber && k + 1 < n &&
                                Glued(k + 1) && tok(k + 1).kind == Kind::kWord);
        if (!name_part) break;
      }
      if (t.skip) continue;
    }
    // Labels in parentheses after a name: "Dak Prescott (4)".
    if (integer && i > 1 && IsSym(i - 1, '(') && IsSym(i + 1, ')') &&
        tok(i - 2).kind == Kind::kWord && tok(i - 2).upper &&
        i - 2 > first_word) {
      t.skip = true;
      continue;
    }
    // Decades: "1990s", "the '90s".
  }
}

// Reads a number written in words at i ("eleven", "Fifty-three", "two
// hundred and fifty", "a hundred", "a dozen", "half a million", "two and a
// half").
bool SentenceExtractor::MatchWordNumber(size_t i, double* value,
                                        size_t* end) const {
  size_t j = i;
  double total = 0, current = 0;
  bool any = false;
  bool a_prefix = false;
  auto scale_at = [&](size_t k, double* v) {
    if (k >= size() || tok(k).kind != Kind::kWord) return false;
    auto it = t_.number_words.find(tok(k).low);
    if (it == t_.number_words.end() || it->second.kind != 2) return false;
    *v = it->second.value;
    return true;
  };
  double scale;
  if ((IsWord(j, "a") || IsWord(j, "an")) && scale_at(j + 1, &scale)) {
    a_prefix = true;
    current = 1;
    ++j;
  } else if (IsWord(j, "half") && (IsWord(j + 1, "a") || IsWord(j + 1, "an")) &&
             scale_at(j + 2, &scale)) {
    *value = 0.5 * scale;
    *end = j + 3;
    return true;
  }
  int last_kind = -1;
  while (j < size() && tok(j).kind == Kind::kWord) {
    auto it = t_.number_words.find(tok(j).low);
    if (it == t_.number_words.end()) {
      // "two hundred and fifty": "and" between a scale and a number word.
      if (tok(j).low == "and" && last_kind == 2 && j + 1 < size()) {
        auto nx = t_.number_words.find(tok(j + 1).low);
        if (nx != t_.number_words.end() && nx->second.kind != 2) {
          ++j;
          continue;
        }
      }
      break;
    }
    const int kind = it->second.kind;
    const double v = it->second.value;
    if (kind == 0) {
      if (last_kind == 0) break;  // "two three"
      current += v;
    } else if (kind == 1) {
      if (last_kind == 0 || last_kind == 1) break;
      current += v;
      // "fifty-three"
      if (IsSym(j + 1, '-') && Glued(j + 1) && Glued(j + 2) &&
          j + 2 < size()) {
        auto u = t_.number_words.find(tok(j + 2).low);
        if (u != t_.number_words.end() && u->second.kind == 0 &&
            u->second.value >= 1 && u->second.value <= 9) {
          current += u->second.value;
          j += 2;
        }
      }
    } else {
      if (!any && !a_prefix) break;  // a bare "hundred" or "dozen"
      if (v == 100 || v == 12) {
        current = (current == 0 ? 1 : current) * v;
      } else {
        total += (current == 0 ? 1 : current) * v;
        current = 0;
      }
    }
    any = true;
    last_kind = kind;
    ++j;
    // "two and a half (million)"
    if (kind != 2 && IsWord(j, "and") && IsWord(j + 1, "a") &&
        IsWord(j + 2, "half")) {
      current += 0.5;
      j += 3;
      last_kind = 0;
    }
  }
  if (!any) return false;
  *value = total + current;
  *end = j;
  return true;
}

// "one" as a pronoun: "one of the", "no one", "one another", "the one who".
bool SentenceExtractor::IsPronounOne(size_t i, size_t end) const {
  if (end != i + 1 || !IsWord(i, "one")) return false;
  if (i > 0 && tok(i - 1).kind == Kind::kWord) {
    static constexpr const char* kBefore[] = {
        "no", "any", "every", "the", "this", "that", "which", "each", "some",
        "someone", "only", "last", "another", "a", "such", "everyone", "other",
        "little", "big", "new", "old", "right", "wrong", "first", "next",
        "'s", "at", "as", "like"};
    for (const char* w : kBefore) {
      if (tok(i - 1).low == w) return true;
    }
  }
  if (i + 1 >= size()) return true;
  const Token& nx = tok(i + 1);
  if (nx.kind != Kind::kWord) return true;  // "one," "one."
  // "one to two years", "one or two": the low end of a range.
  if ((nx.low == "to" || nx.low == "or") && i + 2 < size() &&
      (tok(i + 2).kind == Kind::kNumber ||
       (tok(i + 2).kind == Kind::kWord &&
        t_.number_words.contains(tok(i + 2).low)))) {
    return false;
  }
  static constexpr const char* kAfter[] = {
      "of", "another", "who", "that", "which", "is", "was", "has", "had",
      "would", "could", "can", "will", "must", "should", "may", "might",
      "in", "on", "at", "to", "for", "by", "with", "and", "or", "but",
      "thing", "way", "day", "hand", "side", "point", "time", "does", "did",
      "knows", "say", "says", "said", "does", "else", "more", "too",
      "where", "when", "after", "from", "if", "as", "than", "such"};
  for (const char* w : kAfter) {
    if (nx.low == w) return true;
  }
  return false;
}

// "one of the X", "one of its X", "one of Airbnb's X": one member of a
// group named after a determiner ("one of them", "one of four" are not).
bool SentenceExtractor::IsOneOf(size_t i) const {
  if (!IsWord(i, "one") || !IsWord(i + 1, "of")) return false;
  if (i > 0 && (IsWord(i - 1, "no") || IsWord(i - 1, "any") ||
                IsWord(i - 1, "every") || IsWord(i - 1, "the") ||
                IsWord(i - 1, "each") || IsWord(i - 1, "which"))) {
    return false;
  }
  const size_t d = i + 2;
  if (d >= size() || tok(d).kind != Kind::kWord) return false;
  static constexpr const char* kDeterminers[] = {
      "the", "its", "their", "his", "her", "our", "my", "your", "these",
      "those"};
  for (const char* w : kDeterminers) {
    if (tok(d).low == w) return true;
  }
  // A possessive name: "Airbnb's".
  return tok(d).upper && absl::EndsWith(tok(d).low, "'s");
}

// The second end of a range without its scale word: 3 in "2-3 million",
// 5 in "four to five thousand"; the value itself when unscaled.
double SentenceExtractor::UnscaledValue(const Match& m) const {
  if (m.num_end <= m.num_first + 1) return m.value;
  if (!m.word_number) return tok(m.num_first).value;
  auto it = t_.number_words.find(tok(m.num_end - 1).low);
  if (it == t_.number_words.end() || it->second.kind != 2 ||
      it->second.value <= 0) {
    return m.value;
  }
  return m.value / it->second.value;
}

// "from X to Y" as a change: "rose from 5% to 7%", "dropping from 208
// pounds to 193", "fell from $36,040 late on Sunday to $34,935". Read when
// a change word comes shortly before "from", or when Y < X (a range is
// written low to high, so a falling pair is a change). Words between X and
// "to" are allowed when they are not figures ("in 2008", "at 10.45pm").
// The result is one quantity: RANGE over [min, max] with trend UP or DOWN.
// `from` is the index of "from"; m holds X. False leaves m as it was.
bool SentenceExtractor::MatchFromTo(size_t from, const std::string& currency,
                                    Match* m, size_t* end) const {
  std::string unit1;
  size_t k = m->num_end;
  if (currency.empty()) k = MatchUnit(k, &unit1);
  // Find "to".
  size_t to = size();
  for (int steps = 0; k < size() && steps < 7; ++steps, ++k) {
    const Token& t = tok(k);
    if (t.kind == Kind::kWord) {
      if (t.low == "to") {
        to = k;
        break;
      }
      if (t.low == "and" || t.low == "or" || t.low == "from" ||
          t.low == "but" || t.low == "while" || t.low == "between") {
        return false;
      }
      continue;
    }
    if (t.kind == Kind::kNumber) {
      // A year after "in"/"since", or a number already known to count
      // nothing (times, dates).
      if (t.skip || (k > 0 && (IsWord(k - 1, "in") || IsWord(k - 1, "since")) &&
                     t.value >= 1000 && t.value <= 2100 && !t.grouped)) {
        continue;
      }
      return false;
    }
    if (!(t.low == "." && !t.space_before)) return false;
  }
  if (to >= size()) return false;
  size_t s = to + 1;
  std::string currency2;
  s = MatchCurrency(s, &currency2);
  if (currency2 != currency) return false;
  Match second;
  if (!MatchNumber(s, &second) || second.num_first != s) return false;
  std::string unit2;
  size_t e = MatchUnit(second.num_end, &unit2);
  if (!unit1.empty() && !unit2.empty() && unit1 != unit2) return false;
  if (!unit2.empty() && !currency.empty()) return false;
  double x = m->value;
  const double y = second.value;
  // "from 2 to 3 million": the second end's scale applies to the first.
  const bool first_scaled = m->num_end > m->num_first + 1;
  const double y_unscaled = UnscaledValue(second);
  if (!first_scaled && y_unscaled > 0 && y != y_unscaled && x <= y_unscaled) {
    x *= y / y_unscaled;
  }
  if (x == y) return false;
  // A change word before "from": "rose from", "has dropped since October
  // from", "was increased from".
  bool change_word = false;
  for (size_t b = from, steps = 0; b > 0 && steps < 4; ++steps) {
    --b;
    if (tok(b).kind != Kind::kWord) break;
    if (t_.up.contains(tok(b).low) || t_.down.contains(tok(b).low) ||
        tok(b).low == "changed" || tok(b).low == "went" ||
        tok(b).low == "moved") {
      change_word = true;
      break;
    }
  }
  // Without a change word a rising pair is a plain range ("from $5 for
  // children to $10"); adjacent ones are left to the range reader.
  if (!change_word && y > x && to == m->num_end + (unit1.empty() ? 0 : 1)) {
    return false;
  }
  // Years on both ends ("from 2019 to 2021") are dates.
  auto year_like = [](double v) {
    return v >= 1000 && v <= 2100 && std::floor(v) == v;
  };
  if (currency.empty() && unit1.empty() && unit2.empty() && year_like(x) &&
      year_like(y) && !tok(m->num_first).grouped && !second.word_number) {
    return false;
  }
  m->change = change_word || y < x;
  m->falling = y < x;
  m->range = true;
  m->bound = Quantity::RANGE;
  m->low = std::min(x, y);
  m->high = std::max(x, y);
  m->value = (x + y) / 2;
  m->integer = std::floor(x) == x && std::floor(y) == y;
  m->unit = !currency.empty() ? currency : !unit1.empty() ? unit1 : unit2;
  if (!m->unit.empty() && m->unit != "percent" && IsWord(e, "per") &&
      e + 1 < size() && tok(e + 1).kind == Kind::kWord) {
    std::string per;
    const size_t pu = MatchUnit(e + 1, &per);
    if (pu != e + 1) {
      m->unit = absl::StrCat(m->unit, "/", per);
      e = pu;
    }
  }
  *end = e;
  return true;
}

// Scale after digits: "2 million", "1.5bn", "3m". Returns the index past it,
// or i when none.
size_t SentenceExtractor::MatchMultiplier(size_t i, double* factor) const {
  if (i >= size() || tok(i).kind != Kind::kWord) return i;
  auto it = t_.multipliers.find(tok(i).low);
  if (it == t_.multipliers.end()) return i;
  if (it->second.attached_only && tok(i).space_before) return i;
  // Glued "m" is a million ("3m"), except in "32m2" and "10m/s", and
  // metres in "a 37m-long skeleton", "37m (121ft)".
  if (tok(i).low == "m" && IsMetre(i)) return i;
  if (tok(i).low == "m" && i + 1 < size() && Glued(i + 1) &&
      (tok(i + 1).kind == Kind::kNumber || IsSym(i + 1, '/'))) {
    return i;
  }
  *factor = it->second.factor;
  return i + 1;
}

size_t SentenceExtractor::MatchCurrency(size_t i, std::string* unit) const {
  std::string key;
  for (size_t n = 3; n >= 1; --n) {
    if (!Join(i, n, &key)) continue;
    if (key.find(' ') != std::string::npos) {
      // "US $58": allow one space between "US" and "$".
      // "US $58", "HK $5.4m": a country code, a space, "$".
      if (key != "us $" && key != "hk $" && key != "a $" && key != "c $" &&
          key != "nz $" && key != "s $" && key != "au $" && key != "ca $") {
        continue;
      }
      key.erase(key.find(' '), 1);
    }
    auto it = t_.currencies.find(key);
    if (it != t_.currencies.end()) {
      // "Rs." / "Rs" with a period.
      size_t j = i + n;
      if (IsSym(j, '.') && Glued(j) && key == "rs") ++j;
      // Letters-only codes must stand apart from words before them.
      *unit = it->second;
      return j;
    }
  }
  return i;
}

// A glued "m" that is metres: followed by "-long", "-high", "-tall",
// "-wide", "-deep", or by a parenthesised length in feet.
bool SentenceExtractor::IsMetre(size_t i) const {
  if (!IsWord(i, "m") || tok(i).space_before) return false;
  if (IsSym(i + 1, '-') && Glued(i + 1) && i + 2 < size()) {
    const absl::string_view w = tok(i + 2).low;
    return w == "long" || w == "high" || w == "tall" || w == "wide" ||
           w == "deep" || w == "thick";
  }
  if (IsSym(i + 1, '(') && i + 3 < size() &&
      tok(i + 2).kind == Kind::kNumber) {
    std::string unit;
    if (MatchUnit(i + 3, &unit) != i + 3) {
      return unit == "foot" || unit == "inch" || unit == "yard";
    }
  }
  return false;
}

// Unit after the number. Returns the index past it, or i when none.
size_t SentenceExtractor::MatchUnit(size_t i, std::string* unit) const {
  if (i >= size()) return i;
  if (IsMetre(i)) {
    *unit = "metre";
    return i + 1;
  }
  // "10-km", "5-day": hyphenated adjective forms.
  size_t start = i;
  if (IsSym(i, '-') && Glued(i) && Glued(i + 1)) start = i + 1;
  std::string key;
  // Most tokens start no unit: one lookup instead of one per length.
  if (start < size() && !t_.unit_first.contains(tok(start).low)) {
    start = size();
  }
  for (size_t n = t_.max_unit_tokens; n >= 1 && start < size(); --n) {
    if (!Join(start, n, &key)) continue;
    auto it = t_.units.find(key);
    if (it == t_.units.end()) continue;
    const Token& first = tok(start);
    // One-letter units ("p") only when glued: "164p".
    if (first.low.size() == 1 && first.kind == Kind::kWord &&
        first.space_before) {
      continue;
    }
    if (start != i && it->second == "percent" && key == "%") continue;
    // "second" as a unit needs a plural figure or a glued form: "the
    // second" never reaches here (ordinals are not numbers).
    *unit = it->second;
    size_t j = start + n;
    // "°C" / "°F".
    return j;
  }
  // Degrees: "30°C", "30 °F", "30°".
  if (tok(i).low == "°") {
    if (Glued(i + 1) && IsWord(i + 1, "c")) {
      *unit = "degC";
      return i + 2;
    }
    if (Glued(i + 1) && IsWord(i + 1, "f")) {
      *unit = "degF";
      return i + 2;
    }
    *unit = "degree";
    return i + 1;
  }
  return i;
}

// A number in digits or words, with its scale, at i. Fills value, num_first,
// num_end, integer, word_number.
bool SentenceExtractor::MatchNumber(size_t i, Match* m) const {
  if (i >= size()) return false;
  const Token& t = tok(i);
  if (t.kind == Kind::kNumber) {
    if (t.skip) return false;
    m->value = t.value;
    m->num_first = i;
    m->integer = !t.decimal;
    size_t j = i + 1 + t.extent;
    // "2 million", "4 hundred million".
    for (int chain = 0; chain < 2; ++chain) {
      double factor = 1;
      const size_t k = MatchMultiplier(j, &factor);
      if (k == j) break;
      m->value *= factor;
      m->integer = std::floor(m->value) == m->value;
      j = k;
    }
    m->num_end = j;
    m->word_number = false;
    return true;
  }
  if (t.kind == Kind::kWord) {
    double v;
    size_t end;
    // "sixfold", "tenfold": a multiple.
    if (absl::EndsWith(t.low, "fold") && t.low.size() > 4) {
      auto it = t_.number_words.find(t.low.substr(0, t.low.size() - 4));
      if (it == t_.number_words.end() || it->second.kind == 2) return false;
      m->value = it->second.value;
      m->num_first = i;
      m->num_end = i + 1;
      m->integer = true;
      m->word_number = true;
      m->unit = "times";
      return true;
    }
    if (!MatchWordNumber(i, &v, &end)) return false;
    if (IsPronounOne(i, end)) return false;
    // A capitalized number word inside a name: "BBC One", "Formula One",
    // "the Kick Six" (not at the start, not after a verb: "Floods Kill
    // Five").
    if (t.upper && end == i + 1 && i > 0 && tok(i - 1).kind == Kind::kWord &&
        tok(i - 1).upper && !t_.measures.contains(tok(i - 1).low) &&
        !t_.up.contains(tok(i - 1).low) && !t_.down.contains(tok(i - 1).low) &&
        !t_.bounds.contains(tok(i - 1).low) && !InSet(i - 1, t_.subject_stops) &&
        !(i + 1 < size() && tok(i + 1).kind == Kind::kWord &&
          !tok(i + 1).upper)) {
      size_t first_word = 0;
      while (first_word < size() && tok(first_word).kind != Kind::kWord) {
        ++first_word;
      }
      if (i - 1 > first_word) return false;
    }
    // A digit scale after a word number is already read ("two million").
    m->value = v;
    m->num_first = i;
    m->num_end = end;
    m->integer = std::floor(v) == v;
    m->word_number = true;
    return true;
  }
  return false;
}

// Vague amounts: "dozens (of)", "several (hundred)", "a few".
bool SentenceExtractor::MatchVague(size_t i, Match* m) const {
  if (!InSet(i, t_.vague_first)) return false;
  std::string key;
  for (size_t n = t_.max_vague_tokens; n >= 1; --n) {
    if (!Join(i, n, &key)) continue;
    auto it = t_.vague.find(key);
    if (it == t_.vague.end()) continue;
    const qi::VagueAmount* v = it->second;
    size_t j = i + n;
    // "scores" is a verb too ("she scores 20 points"): only "scores of".
    if (key == "scores" && !IsWord(j, "of")) return false;
    double lo = v->low, hi = v->high, val = v->value;
    // "several hundred", "a few thousand": scaled.
    if (j < size() && tok(j).kind == Kind::kWord && lo < 10) {
      auto s = t_.number_words.find(tok(j).low);
      if (s != t_.number_words.end() && s->second.kind == 2) {
        lo *= s->second.value;
        hi *= s->second.value;
        val *= s->second.value;
        ++j;
      }
    }
    // "a few" must be followed by a noun or "of" to be an amount; "a few
    // said" is fine too, but "a few" alone as an adverb ("a few more") is
    // still an amount, so no check.
    // "hundreds" etc. must be plural counts: "thousands" followed by
    // "of" or a noun; alone it is still an amount.
    m->num_first = i;
    m->num_end = j;
    m->vague = true;
    m->value = val;
    m->low = lo;
    m->high = hi;
    m->integer = true;
    m->word_number = true;
    return true;
  }
  return false;
}

// Fractions that count: "half of", "a third of", "two-thirds of", "three
// quarters of". Unit "fraction", value in (0, 1].
bool SentenceExtractor::MatchFraction(size_t i, Match* m) const {
  static constexpr struct {
    const char* word;
    double denominator;
  } kDenominators[] = {{"half", 2},     {"halves", 2},   {"third", 3},
                       {"thirds", 3},   {"quarter", 4},  {"quarters", 4},
                       {"fourth", 4},   {"fourths", 4},  {"fifth", 5},
                       {"fifths", 5},   {"eighth", 8},   {"eighths", 8},
                       {"tenth", 10},   {"tenths", 10}};
  double numerator = 0;
  size_t j = i;
  // "one out of three", "one in five": a share. The denominator must not
  // carry a unit ("one in 10 minutes").
  if (IsWord(j, "one") &&
      ((IsWord(j + 1, "out") && IsWord(j + 2, "of")) || IsWord(j + 1, "in"))) {
    const size_t d = IsWord(j + 1, "in") ? j + 2 : j + 3;
    Match den;
    std::string unit;
    if (MatchNumber(d, &den) && den.integer && den.value >= 2 &&
        den.value <= 1000 && MatchUnit(den.num_end, &unit) == den.num_end &&
        !(tok(d).kind == Kind::kNumber && tok(d).value >= 1000)) {
      m->num_first = i;
      m->num_end = den.num_end;
      m->value = 1 / den.value;
      m->fraction = true;
      m->integer = false;
      m->word_number = true;
      m->unit = "fraction";
      return true;
    }
    return false;
  }
  if (IsWord(j, "half")) {
    numerator = 1;
  } else if (IsWord(j, "a") || IsWord(j, "one")) {
    numerator = 1;
    ++j;
  } else if (j < size() && tok(j).kind == Kind::kWord) {
    auto it = t_.number_words.find(tok(j).low);
    if (it == t_.number_words.end() || it->second.kind != 0 ||
        it->second.value < 2 || it->second.value > 9) {
      return false;
    }
    numerator = it->second.value;
    ++j;
    if (IsSym(j, '-') && Glued(j)) ++j;
  } else {
    return false;
  }
  if (j >= size() || tok(j).kind != Kind::kWord) return false;
  double denominator = 0;
  for (const auto& d : kDenominators) {
    if (tok(j).low == d.word) denominator = d.denominator;
  }
  if (denominator == 0) return false;
  // Plural denominators need a numerator > 1, singular ones 1.
  const bool plural = tok(j).low.back() == 's';
  if (plural != (numerator > 1)) return false;
  ++j;
  // Must count a part of something: "half of", "a third of the", "half the".
  if (!IsWord(j, "of") && !(tok(i).low == "half" && IsWord(j, "the"))) {
    return false;
  }
  // "the second half of", "the first quarter of": periods, not fractions.
  if (i > 0 && tok(i - 1).kind == Kind::kWord) {
    const absl::string_view p = tok(i - 1).low;
    if (p == "the" || p == "first" || p == "second" || p == "third" ||
        p == "fourth" || p == "final" || p == "last" || p == "this" ||
        p == "next" || p == "other" || p == "latter" || p == "former") {
      return false;
    }
  }
  m->num_first = i;
  m->num_end = j;
  m->value = numerator / denominator;
  m->fraction = true;
  m->integer = false;
  m->word_number = true;
  m->unit = "fraction";
  return true;
}

bool SentenceExtractor::MatchAt(size_t i, Match* m) const {
  const Token& t = tok(i);
  if (t.kind == Kind::kNumber && t.skip) return false;
  *m = Match();
  m->first = i;
  size_t j = i;
  // 1. Bound phrase.
  std::string key;
  if (t.kind == Kind::kWord && t_.bound_first.contains(t.low)) {
    for (size_t n = t_.max_bound_tokens; n >= 1; --n) {
      if (!Join(i, n, &key)) continue;
      auto it = t_.bounds.find(key);
      if (it == t_.bounds.end()) continue;
      m->bound = it->second;
      j = i + n;
      if (IsSym(j, '.') && Glued(j) && key == "approx") ++j;
      break;
    }
  }
  if (j == i && IsSym(i, '~')) {  // "~25 minutes"
    m->bound = Quantity::APPROXIMATE;
    j = i + 1;
  } else if (j == i && IsWord(i, "sub") && IsSym(i + 1, '-') && Glued(i + 1)) {
    m->bound = Quantity::LESS_THAN;  // "sub-7 nanometre", "sub-300 sq m"
    j = i + 2;
  }
  const size_t after_bound = j;
  // 2. Currency before the number.
  std::string currency;
  j = MatchCurrency(j, &currency);
  // Signs: "minus 233 Celsius", "-5 yards", "$-50.8bn", "+0.2%".
  if (IsWord(j, "minus") && j + 1 < size()) {
    m->sign = -1;
    ++j;
    if (IsSym(j, '-') && Glued(j)) ++j;
  } else if ((IsSym(j, '-') || IsSym(j, '+')) && j + 1 < size() &&
             Glued(j + 1) && tok(j + 1).kind == Kind::kNumber &&
             (tok(j).space_before || !currency.empty())) {
    m->sign = IsSym(j, '-') ? -1 : 1;
    ++j;
  }
  // 3. The number, a vague amount or a fraction. "one of the X" (one
  //    member of a group) is a count of 1 that IsPronounOne would drop.
  if (j == i && IsOneOf(j)) {
    m->value = 1;
    m->num_first = j;
    m->num_end = j + 1;
    m->word_number = true;
    m->one_of = true;
    m->end = j + 1;
    return true;
  }
  if (!MatchFraction(j, m) && !MatchNumber(j, m) && !MatchVague(j, m)) {
    return false;
  }
  size_t e = m->num_end;
  // "from X to Y" after a change word, or falling: a change.
  if (m->bound == qi::kFrom && !m->vague && !m->fraction &&
      MatchFromTo(i, currency, m, &e)) {
    m->end = e;
    return true;
  }
  // 4. Ranges: "6,000-6,500", "12 to 15", "between 5,000 and 7,000",
  //    "2-3 million", "from 252 miles to 287 miles".
  std::string unit1;
  size_t after_unit1 = e;
  if (m->unit.empty() && !m->vague) {
    after_unit1 = MatchUnit(e, &unit1);
    if (after_unit1 != e && !IsSym(after_unit1, '-') &&
        !IsWord(after_unit1, "to") && !IsWord(after_unit1, "and")) {
      after_unit1 = e;  // the unit is read below
      unit1.clear();
    }
  }
  if (!m->vague && !m->fraction) {
    size_t r = after_unit1;
    bool connector = false;
    // "rose 5% to 10%", "up 9.4 per cent to $84": a change, then a level.
    const bool after_trend =
        after_bound > 0 && (!unit1.empty() || !currency.empty()) &&
        (InSet(after_bound - 1, t_.up) || InSet(after_bound - 1, t_.down) ||
         IsWord(after_bound - 1, "by"));
    if (IsSym(r, '-')) {
      connector = true;
    } else if (IsWord(r, "to") && m->bound != Quantity::AT_MOST &&
               !after_trend) {
      connector = true;
    } else if (IsWord(r, "and") && m->bound == qi::kBetween) {
      connector = true;
    } else if (IsWord(r, "or") && m->bound == Quantity::EXACT &&
               unit1.empty()) {
      connector = true;  // "two or three days", "5 or 6 people"
    }
    if (connector) {
      size_t s = r + 1;
      std::string currency2;
      s = MatchCurrency(s, &currency2);
      Match second;
      std::string unit2;
      if (MatchNumber(s, &second) &&
          (currency2.empty() || currency2 == currency) &&
          (unit1.empty() ||
           (MatchUnit(second.num_end, &unit2) != second.num_end &&
            unit2 == unit1))) {
        // "2-3 million": the scale of the second end applies to the first.
        double lo = m->value;
        const double hi = second.value;
        const bool first_scaled = m->num_end > m->num_first + 1;
        const double hi_unscaled = UnscaledValue(second);
        if (!first_scaled && hi > 0 && hi_unscaled > 0 && hi != hi_unscaled &&
            lo <= hi_unscaled) {
          // "2-3 million", "four to five thousand", but not "$800,000 to
          // $1.3 million".
          lo *= hi / hi_unscaled;
        }
        const bool dash = IsSym(r, '-');
        if (lo < hi) {
          // "to" ranges after "from" only when not a change ("rose from 5
          // to 10" is two levels).
          bool ok = true;
          if (m->bound == qi::kFrom && i > 0 &&
              (InSet(i - 1, t_.up) || InSet(i - 1, t_.down))) {
            ok = false;
          }
          if (IsWord(r, "to") && m->bound != qi::kFrom &&
              m->bound != qi::kBetween) {
            // "12 to 15": both plain numbers, close in size.
            ok = hi <= lo * 20 || lo == 0;
          }
          if (IsWord(r, "or")) {
            // "two or three": neighbours, not "1 or 100".
            ok = hi <= lo * 3 && (second.num_end >= size() ||
                                  !IsWord(second.num_end, "percent"));
          }
          if (ok) {
            m->range = true;
            m->low = lo;
            m->high = hi;
            m->value = (lo + hi) / 2;
            m->integer = second.integer && std::floor(lo) == lo;
            e = second.num_end;
            if (!unit1.empty()) {
              e = MatchUnit(second.num_end, &unit2);
              m->unit = unit1;
            }
          }
        } else if (dash && !m->word_number && tok(r).space_before == false &&
                   lo >= hi && m->num_end == m->num_first + 1 &&
                   second.num_end == second.num_first + 1 &&
                   !tok(m->num_first).decimal) {
          // "won 3-2", "a 2-2 draw": a score; neither end counts.
          return false;
        }
      }
    }
  }
  if (m->bound == qi::kBetween || m->bound == qi::kFrom) {
    if (!m->range) {
      // "from 20" alone: an exact figure; "between" without a range is
      // not a bound either.
      m->first = after_bound;
      m->bound = Quantity::EXACT;
    } else {
      m->bound = Quantity::RANGE;
    }
  } else if (m->range) {
    m->bound = Quantity::RANGE;
  }
  // 5. Unit.
  if (!currency.empty()) {
    m->unit = currency;
    // "$5 per share", "$5 a day" below.
  } else if (m->unit.empty() && e < size() && tok(e).kind == Kind::kSymbol &&
             Glued(e) && t_.currencies.contains(tok(e).low)) {
    m->unit = t_.currencies.find(tok(e).low)->second;  // "1,200€"
    ++e;
  } else if (m->unit.empty()) {
    std::string unit;
    const size_t u = MatchUnit(e, &unit);
    if (u != e) {
      m->unit = unit;
      e = u;
      // Ages: "45-year-old", "a 45 year-old man", "30 years old", "an
      // 18-month-old girl".
      if ((unit == "year" || unit == "month" || unit == "week" ||
           unit == "day") &&
          (IsWord(u, "old") || (IsSym(u, '-') && IsWord(u + 1, "old")))) {
        m->age = true;
        e = IsWord(u, "old") ? u + 1 : u + 2;
      }
    }
  }
  // Rates: "per barrel", "a day", "per cent" is read as a unit above.
  if (!m->unit.empty() && m->unit != "percent" && e < size()) {
    size_t r = e;
    if (IsSym(r, '/') && Glued(r)) {
      // "km/h" read as a unit; "$5/month".
    }
    if ((IsWord(r, "per") || IsWord(r, "a") || IsWord(r, "an") ||
         (IsSym(r, '/') && Glued(r))) &&
        r + 1 < size() && tok(r + 1).kind == Kind::kWord) {
      std::string per;
      const size_t pu = MatchUnit(r + 1, &per);
      absl::string_view w = tok(r + 1).low;
      if (pu != r + 1 && per != "percent" && !IsWord(pu, "earlier") &&
          !IsWord(pu, "ago") && !IsWord(pu, "before") &&
          !IsWord(pu, "later")) {
        m->unit = absl::StrCat(m->unit, "/", per);
        e = pu;
      } else if ((IsWord(r, "per") || t_.rate_per.contains(w)) &&
                 !IsWord(r + 2, "earlier") && !IsWord(r + 2, "ago") &&
                 !IsWord(r + 2, "before") && !IsWord(r + 2, "later")) {
        std::string singular(w);
        if (singular.size() > 3 && singular.back() == 's') singular.pop_back();
        m->unit = absl::StrCat(m->unit, "/", singular);
        e = r + 2;
      }
    }
  }
  // 6. Bounds written after the figure: "50 or more", "300 or so", "50+",
  //    "50-plus".
  if (m->bound == Quantity::EXACT && !m->vague) {
    if (IsWord(e, "or") && (IsWord(e + 1, "more") || IsWord(e + 1, "so") ||
                            IsWord(e + 1, "less") || IsWord(e + 1, "fewer"))) {
      const absl::string_view w = tok(e + 1).low;
      m->bound = w == "more"   ? Quantity::AT_LEAST
                 : w == "so"   ? Quantity::APPROXIMATE
                               : Quantity::AT_MOST;
      e += 2;
    } else if (IsSym(e, '+') && Glued(e)) {
      m->bound = Quantity::AT_LEAST;
      e += 1;
    } else if (IsSym(e, '-') && Glued(e) && IsWord(e + 1, "plus")) {
      m->bound = Quantity::AT_LEAST;
      e += 2;
    } else if (IsWord(e, "plus") && (e + 1 >= size() ||
                                     tok(e + 1).kind != Kind::kNumber)) {
      m->bound = Quantity::AT_LEAST;
      e += 1;
    }
  }
  // "+1 202 555 0143": a sign before a bare integer is a phone number.
  if (m->sign == 1 && m->unit.empty()) return false;
  if (m->sign == -1) {
    m->value = -m->value;
    if (m->range) {
      m->low = -m->low;
      if (m->low > m->high) std::swap(m->low, m->high);
      m->value = (m->low + m->high) / 2;
    }
  }
  if (!m->word_number && !m->vague && tok(m->num_first).age &&
      (m->unit.empty() || m->unit == "year")) {
    m->age = true;
    m->unit = "year";
  }
  if (m->vague && m->bound == Quantity::EXACT) m->bound = Quantity::VAGUE;
  // "dozens of": the "of" belongs to the vague amount.
  if (m->vague && IsWord(e, "of")) ++e;
  m->end = e;
  return true;
}

// A 4-digit number between 1000 and 2100 with nothing that makes it a
// count: "in 2021", "the 2019 elections", "2022's".
bool SentenceExtractor::IsYearDate(const Match& m) const {
  auto year_like = [](double v) {
    return v >= 1000 && v <= 2100 && std::floor(v) == v;
  };
  // "1990-1995", "between 2019 and 2021".
  if (m.range && m.unit.empty() && !m.word_number && year_like(m.low) &&
      year_like(m.high) && !tok(m.num_first).grouped &&
      m.num_end == m.num_first + 1 &&
      tok(m.num_first).end - tok(m.num_first).begin == 4) {
    return true;
  }
  if (m.word_number || m.vague || m.range || !m.unit.empty()) return false;
  if (m.bound != Quantity::EXACT) return false;
  if (m.num_end != m.num_first + 1) return false;
  const Token& t = tok(m.num_first);
  if (t.grouped || t.decimal || t.value < 1000 || t.value > 2100) return false;
  if (t.end - t.begin != 4) return false;
  const size_t i = m.num_first;
  const bool date_cue =
      i > 0 && (tok(i - 1).kind != Kind::kWord || InSet(i - 1, t_.year_cues) ||
                IsMonth(i - 1));
  if (date_cue) return true;
  // "2000 people": a plural word after it makes it a count.
  const size_t n = i + 1;
  if (n < size() && tok(n).kind == Kind::kWord && tok(n).low.size() > 2 &&
      tok(n).low.back() == 's' && tok(n).low[tok(n).low.size() - 2] != 's' &&
      tok(n).low.find('\'') == absl::string_view::npos) {
    return false;
  }
  return true;
}

void SentenceExtractor::SetSpan(size_t begin, size_t end,
                                v1::Span* span) const {
  uint32_t ob = 0, oe = 0;
  text_.ToOriginal(tok(begin).begin, tok(end - 1).end, &ob, &oe);
  span->set_begin(ob);
  span->set_end(oe);
}

std::string Singular(absl::string_view w) {
  if (w.size() > 4 && absl::EndsWith(w, "men")) {  // "fishermen"
    return absl::StrCat(w.substr(0, w.size() - 3), "man");
  }
  if (w.size() > 4 && absl::EndsWith(w, "ies")) {
    return absl::StrCat(w.substr(0, w.size() - 3), "y");
  }
  if (w.size() > 4 &&
      (absl::EndsWith(w, "sses") || absl::EndsWith(w, "shes") ||
       absl::EndsWith(w, "ches") || absl::EndsWith(w, "xes") ||
       absl::EndsWith(w, "zes"))) {
    return std::string(w.substr(0, w.size() - 2));
  }
  if (w.size() > 3 && w.back() == 's' && !absl::EndsWith(w, "ss") &&
      !absl::EndsWith(w, "us") && !absl::EndsWith(w, "is") &&
      !absl::EndsWith(w, "'s")) {
    return std::string(w.substr(0, w.size() - 1));
  }
  return std::string(w);
}

// Subject: the noun phrase after the figure ("23 Pakistani soldiers"), or
// after "of" ("dozens of civilians", "40% of voters"). Sets *after to the
// first token after the subject (or after the figure when none).
void SentenceExtractor::FindSubject(const Match& m, Quantity* q,
                                    size_t* after) const {
  *after = m.end;
  const bool count = m.unit.empty() || m.unit == "percent" || m.fraction;
  if (!count) return;
  size_t j = m.end;
  if (!m.unit.empty() || (!m.vague && IsWord(j, "of"))) {
    // Percentages and fractions count only what follows "of".
    if (!IsWord(j, "of")) return;
    ++j;
    if (m.unit.empty()) {
      // "23 of the 40 passengers": the subject is after the second number.
      // "23 of its soldiers": a part of a group named right after "of".
      size_t d = j;
      while (IsWord(d, "its") || IsWord(d, "their") || IsWord(d, "his") ||
             IsWord(d, "her") || IsWord(d, "our") || IsWord(d, "the") ||
             IsWord(d, "own")) {
        ++d;
      }
      if (d == j || d >= size() || tok(d).kind != Kind::kWord ||
          t_.number_words.contains(tok(d).low)) {
        return;
      }
    }
  }
  while (IsWord(j, "the") || IsWord(j, "its") || IsWord(j, "their") ||
         IsWord(j, "his") || IsWord(j, "her") || IsWord(j, "all") ||
         IsWord(j, "those") || IsWord(j, "these") || IsWord(j, "our") ||
         IsWord(j, "own") || IsWord(j, "other") || IsWord(j, "more") ||
         IsWord(j, "additional") || IsWord(j, "further")) {
    // "30 other soldiers", "12 more people": the group, not the qualifier.
    ++j;
  }
  std::vector<std::pair<size_t, size_t>> words;  // token ranges
  size_t k = j;
  while (k < size() && words.size() < 4) {
    const Token& t = tok(k);
    if (t.kind != Kind::kWord || (k > j && !t.space_before)) break;
    if (t_.subject_stops.contains(t.low) || IsMonth(k) ||
        InSet(k, t_.weekdays) || t_.number_words.contains(t.low)) {
      break;
    }
    if (absl::EndsWith(t.low, "ly") && t.low != "elderly" &&
        t.low != "family") {
      break;
    }
    if (t.low.find('\'') != absl::string_view::npos) break;  // "Pakistan's"
    // A measure word: "47 dead", "23 soldiers killed". Before a noun it is
    // a qualifier ("30 injured people") and is skipped.
    auto mw = t_.measures.find(t.low);
    size_t end = k + 1;
    // Hyphenated compounds: "Taliban-linked", "pro-government".
    while (IsSym(end, '-') && Glued(end) && Glued(end + 1) && end + 1 < size() &&
           tok(end + 1).kind == Kind::kWord) {
      end += 2;
    }
    const bool next_is_word = end < size() && tok(end).kind == Kind::kWord &&
                              !t_.subject_stops.contains(tok(end).low) &&
                              !t_.measures.contains(tok(end).low) &&
                              !t_.number_words.contains(tok(end).low);
    // Measure verbs end the phrase ("23 soldiers killed"); measure nouns
    // are heads ("30 protesters", "120 seats", "20 aid workers").
    if (mw != t_.measures.end() && !t_.measure_only_heads.contains(t.low) &&
        (absl::EndsWith(t.low, "ed") || absl::EndsWith(t.low, "ing") ||
         t.low == "died" || t.low == "die" || t.low == "kill" ||
         t.low == "kills" || t.low == "hurt" || t.low == "fled" ||
         t.low == "slain" || t.low == "overran")) {
      break;
    }
    // Verb forms end the phrase unless a noun follows ("armed men").
    if ((absl::EndsWith(t.low, "ed") || absl::EndsWith(t.low, "ing")) &&
        !next_is_word && mw == t_.measures.end()) {
      break;
    }
    if (t_.measure_only_heads.contains(t.low)) {
      if (!next_is_word) break;  // "47 dead": the measure, no subject
      k = end;
      j = k;  // qualifier that is a measure: left out of the subject
      continue;
    }
    words.emplace_back(k, end);
    k = end;
  }
  if (words.empty()) return;
  // "200 Taliban and allied fighters": a qualifier joined by "and" to an
  // adjective of alliance names one group whose head is the last noun.
  {
    const size_t a = words.back().second;
    if (IsWord(a, "and") &&
        (IsWord(a + 1, "allied") || IsWord(a + 1, "affiliated") ||
         IsWord(a + 1, "associated") || IsWord(a + 1, "other")) &&
        a + 2 < size() && tok(a + 2).kind == Kind::kWord &&
        !t_.subject_stops.contains(tok(a + 2).low) &&
        !t_.measures.contains(tok(a + 2).low) &&
        !t_.number_words.contains(tok(a + 2).low)) {
      words.emplace_back(a + 2, a + 3);
    }
  }
  // The head is the last word; qualifiers before it stay as written.
  std::string subject;
  for (size_t w = 0; w + 1 < words.size(); ++w) {
    for (size_t x = words[w].first; x < words[w].second; ++x) {
      subject.append(tok(x).low.data(), tok(x).low.size());
    }
    subject.push_back(' ');
  }
  std::string head;
  for (size_t x = words.back().first; x < words.back().second; ++x) {
    head.append(tok(x).low.data(), tok(x).low.size());
  }
  auto syn = t_.subjects.find(head);
  absl::StrAppend(&subject, syn != t_.subjects.end() ? syn->second
                                                      : Singular(head));
  q->set_subject(subject);
  SetSpan(words.front().first, words.back().second, q->mutable_subject_span());
  *after = words.back().second;
}

void SentenceExtractor::FindMeasure(const Match& m, size_t after,
                                    Quantity* q) const {
  const absl::string_view base =
      absl::string_view(m.unit).substr(0, m.unit.find('/'));
  const bool money = t_.currency_units.contains(base);
  auto set = [&](Quantity::Measure measure, size_t k) {
    std::string word(tok(k).low);
    if (word == "toll" && k > 0 && IsWord(k - 1, "death")) word = "death toll";
    if ((word == "took" || word == "take" || word == "taking" ||
         word == "takes" || word == "taken") &&
        IsWord(k + 1, "part")) {
      measure = Quantity::PARTICIPATED;
      word = "took part";
    }
    // "net profit", "operating loss": the qualifier names a different
    // figure than the bare word, so it stays in measure_word.
    if (measure == Quantity::MONEY && k > 0 &&
        (IsWord(k - 1, "net") || IsWord(k - 1, "gross") ||
         IsWord(k - 1, "operating") || IsWord(k - 1, "underlying") ||
         IsWord(k - 1, "adjusted") || IsWord(k - 1, "core"))) {
      word = absl::StrCat(tok(k - 1).low, " ", word);
    }
    if (measure == Quantity::MONEY && !money) measure = Quantity::OTHER;
    q->set_measure(measure);
    q->set_measure_word(word);
  };
  // A measure qualifier in the subject ("30 injured people") decides; a
  // measure noun as head ("30 protesters", "120 seats") is a fallback when
  // no verb says what happened to them ("50 protesters were arrested").
  size_t head_measure = size();
  for (size_t k = m.end; k < after; ++k) {
    auto it = t_.measures.find(tok(k).low);
    if (tok(k).kind != Kind::kWord || it == t_.measures.end() ||
        it->second == Quantity::MONEY) {
      continue;
    }
    if (t_.measure_only_heads.contains(tok(k).low)) {
      set(it->second, k);
      return;
    }
    head_measure = k;
  }
  // Forward: "23 soldiers were killed", "47 dead", "12 people died".
  size_t f = after;
  for (int steps = 0; f < size() && steps < 5; ++steps, ++f) {
    const Token& t = tok(f);
    if (t.kind != Kind::kWord) break;
    auto it = t_.measures.find(t.low);
    if (it != t_.measures.end() && it->second != Quantity::MONEY) {
      set(it->second, f);
      return;
    }
    // "35,000 people had taken part".
    if (t.low == "taken" && IsWord(f + 1, "part")) {
      q->set_measure(Quantity::PARTICIPATED);
      q->set_measure_word("took part");
      return;
    }
    // "40 protesters were treated in hospital / for injuries": wounded.
    if (t.low == "treated" &&
        (((IsWord(f + 1, "in") || IsWord(f + 1, "at")) &&
          (IsWord(f + 2, "hospital") || IsWord(f + 2, "hospitals") ||
           (IsWord(f + 2, "a") && IsWord(f + 3, "hospital")))) ||
         (IsWord(f + 1, "for") &&
          (IsWord(f + 2, "injuries") || IsWord(f + 2, "wounds"))))) {
      q->set_measure(Quantity::WOUNDED);
      q->set_measure_word("treated");
      return;
    }
    if (!t_.aux.contains(t.low)) break;
  }
  // Backward: "killed 23", "the death toll rose to 47", "injuring 30".
  size_t b = m.first;
  for (int steps = 0; b > 0 && steps < 6; ++steps) {
    --b;
    const Token& t = tok(b);
    if (t.kind != Kind::kWord) break;
    auto it = t_.measures.find(t.low);
    if (it != t_.measures.end()) {
      set(it->second, b);
      return;
    }
    if (!t_.back_skip.contains(t.low)) break;
  }
  // A toll whose subject is far from its verb: "The death toll from the
  // quake in the Velmora region rose to 118", "The number of people killed
  // in Saturday's quake climbed to 118". Read back from a verb of reaching
  // ("rose to", "stood at", "reached") to the clause's "toll" or "number of
  // ... <measure>".
  if (m.first >= 2 && q->unit().empty() &&
      ((IsWord(m.first - 1, "to") &&
        (IsWord(m.first - 2, "rose") || IsWord(m.first - 2, "risen") ||
         IsWord(m.first - 2, "climbed") || IsWord(m.first - 2, "jumped") ||
         IsWord(m.first - 2, "increased") || IsWord(m.first - 2, "rises") ||
         IsWord(m.first - 2, "climbs"))) ||
       (IsWord(m.first - 1, "at") &&
        (IsWord(m.first - 2, "stood") || IsWord(m.first - 2, "stands"))) ||
       IsWord(m.first - 1, "reached"))) {
    for (size_t k = m.first - 2, steps = 0; k-- > 0 && steps < 20; ++steps) {
      const Token& t = tok(k);
      if (t.kind == Kind::kSymbol && (t.low == ";" || t.low == ":")) break;
      if (t.kind != Kind::kWord) continue;
      if (t.low == "toll") {
        set(Quantity::KILLED, k);
        return;
      }
      if (t.low == "number" && IsWord(k + 1, "of")) {
        for (size_t j = k + 2; j < m.first && j < k + 6; ++j) {
          auto it = t_.measures.find(tok(j).low);
          if (tok(j).kind == Kind::kWord && it != t_.measures.end() &&
              it->second != Quantity::MONEY) {
            set(it->second, j);
            if (q->subject().empty() && j > k + 2) {
              auto syn = t_.subjects.find(tok(k + 2).low);
              q->set_subject(syn != t_.subjects.end()
                                 ? syn->second
                                 : Singular(tok(k + 2).low));
              SetSpan(k + 2, k + 3, q->mutable_subject_span());
            }
            return;
          }
        }
        break;
      }
    }
  }
  if (head_measure < size()) {
    set(t_.measures.find(tok(head_measure).low)->second, head_measure);
    return;
  }
  if (money) {
    // Money words anywhere nearby: "$3 billion in damage", "revenue of $5".
    const size_t lo = m.first > 6 ? m.first - 6 : 0;
    const size_t hi = std::min(size(), m.end + 4);
    for (size_t k = lo; k < hi; ++k) {
      if (k >= m.first && k < m.end) continue;
      auto it = t_.measures.find(tok(k).low);
      if (tok(k).kind == Kind::kWord && it != t_.measures.end() &&
          it->second == Quantity::MONEY) {
        set(Quantity::MONEY, k);
        return;
      }
    }
    q->set_measure(Quantity::MONEY);
    return;
  }
  // OTHER: a content verb right before the figure ("scored 22 goals") or
  // right after its subject ("13,000 workers walked out").
  if (m.first > 0 && tok(m.first - 1).kind == Kind::kWord) {
    const absl::string_view w = tok(m.first - 1).low;
    if ((absl::EndsWith(w, "ed") || absl::EndsWith(w, "ing")) &&
        !t_.up.contains(w) && !t_.down.contains(w) && w.size() > 4 &&
        !t_.subject_stops.contains(w)) {
      q->set_measure(Quantity::OTHER);
      q->set_measure_word(std::string(w));
      return;
    }
  }
  if (after < size() && after > m.end && tok(after).kind == Kind::kWord) {
    const absl::string_view w = tok(after).low;
    if (absl::EndsWith(w, "ed") && w.size() > 4 &&
        !t_.subject_stops.contains(w)) {
      q->set_measure(Quantity::OTHER);
      q->set_measure_word(std::string(w));
    }
  }
}

void SentenceExtractor::FindTrend(const Match& m, Quantity* q) const {
  const bool plain_count = m.unit.empty() || m.fraction;
  // "Dow +0.2%", "CAC -1.7%": a signed percentage is a change.
  if (m.sign != 0 && (m.unit == "percent" || m.unit == "point" ||
                      m.unit == "percentage point")) {
    q->set_trend(m.sign > 0 ? Quantity::UP : Quantity::DOWN);
    return;
  }
  // Before: "rose 5%", "fell by 300", "up 4%", "a drop of 10%".
  size_t b = m.first;
  if (b > 0 && IsWord(b - 1, "by")) --b;
  if (b > 0 && IsWord(b - 1, "of") && b > 1) {
    const absl::string_view noun = tok(b - 2).low;
    if (t_.up.contains(noun) || t_.down.contains(noun)) {
      // "an increase of", "a drop of": nouns only (verbs before "of" do not
      // occur).
      b -= 1;
    }
  }
  if (b > 0 && tok(b - 1).kind == Kind::kWord) {
    const absl::string_view w = tok(b - 1).low;
    bool up = t_.up.contains(w), down = t_.down.contains(w);
    // "gave up 517 yards", "set up 3 camps": a verb particle, no trend.
    if ((w == "up" || w == "down") && b > 1 && tok(b - 2).kind == Kind::kWord) {
      static constexpr const char* kParticleVerbs[] = {
          "gave", "give", "gives", "giving", "given", "set", "sets", "picked",
          "pick", "made", "make", "makes", "took", "take", "takes", "shut",
          "signed", "sign", "beat", "back", "backed", "came", "come",
          "went", "go", "turned", "showed", "show", "put", "puts", "broke",
          "broken", "stepped", "step", "lined", "followed", "cleaned",
          "opened", "held", "hold", "handed", "hand", "summed", "sum",
          "wrapped", "wrap", "ended", "end", "ends", "tied", "tie", "cut",
          "slowed", "calmed", "knocked", "shot", "brought", "bring"};
      // Markets "ended/closed/finished down 1%": a change after all.
      const bool market_close =
          (m.unit == "percent" || m.unit == "point") &&
          (tok(b - 2).low == "ended" || tok(b - 2).low == "end" ||
           tok(b - 2).low == "ends");
      for (const char* v : kParticleVerbs) {
        if (tok(b - 2).low == v && !market_close) up = down = false;
      }
    }
    // Money raised is an amount ("raised $5m"), and so is a loss ("a loss
    // of 63 cents a share"), not a change.
    if (t_.currency_units.contains(
            absl::string_view(m.unit).substr(0, m.unit.find('/'))) &&
        (w == "raised" || w == "raise" || w == "raises" || w == "raising" ||
         w == "loss" || w == "losses")) {
      up = down = false;
    }
    if ((up || down) &&
        !(plain_count && !q->subject().empty() &&
          t_.trend_not_counts.contains(w))) {
      q->set_trend(up ? Quantity::UP : Quantity::DOWN);
      return;
    }
    // "grow sales by 35%", "cut costs by $2bn": the verb before its object.
    if (!up && !down && !plain_count && b < m.first) {
      for (size_t k = b - 1, steps = 0; k > 0 && steps < 2; ++steps) {
        --k;
        if (tok(k).kind != Kind::kWord) break;
        const absl::string_view v = tok(k).low;
        if ((t_.up.contains(v) || t_.down.contains(v)) && v != "up" &&
            v != "down" && !absl::EndsWith(v, "ion") &&
            !absl::EndsWith(v, "th")) {
          q->set_trend(t_.up.contains(v) ? Quantity::UP : Quantity::DOWN);
          return;
        }
      }
    }
  }
  // After: "a 10% drop", "5% higher", "a 3 percent increase".
  if (!plain_count && m.end < size() && tok(m.end).kind == Kind::kWord) {
    const absl::string_view w = tok(m.end).low;
    if (t_.up.contains(w) && w != "up") {
      q->set_trend(Quantity::UP);
    } else if (t_.down.contains(w) && w != "down") {
      q->set_trend(Quantity::DOWN);
    }
  }
}

void SentenceExtractor::Finish(const Match& m, Quantity* q) const {
  SetSpan(m.first, m.end, q->mutable_span());
  q->set_text(text_.text.substr(tok(m.first).begin,
                                tok(m.end - 1).end - tok(m.first).begin));
  const double v = m.value;
  const double t = options_.approximate_tolerance;
  const double f = options_.open_upper_factor;
  const bool count_like = m.integer && (m.unit.empty());
  double low = v, high = v;
  int bound = m.bound;
  switch (bound) {
    case Quantity::RANGE:
      low = m.low;
      high = m.high;
      break;
    case Quantity::VAGUE:
      low = m.low;
      high = m.high;
      break;
    case Quantity::AT_LEAST:
      high = std::max(v, v * f);
      break;
    case Quantity::MORE_THAN:
      low = count_like ? v + 1 : v;
      high = std::max(low, v * f);
      break;
    case qi::kApproxBelow:
      low = v * (1 - t);
      bound = Quantity::APPROXIMATE;
      break;
    case qi::kJustOver:
      low = count_like ? v + 1 : v;
      high = std::max(low, v * (1 + t));
      bound = Quantity::MORE_THAN;
      break;
    case qi::kJustUnder:
      low = std::min(v * (1 - t), count_like && v >= 1 ? v - 1 : v);
      high = count_like && v >= 1 ? v - 1 : v;
      bound = Quantity::LESS_THAN;
      break;
    case Quantity::APPROXIMATE:
      low = v * (1 - t);
      high = v * (1 + t);
      break;
    case Quantity::AT_MOST:
      low = count_like && v >= 1 ? 1 : 0;
      break;
    case Quantity::LESS_THAN:
      low = 0;
      high = count_like && v >= 1 ? v - 1 : v;
      break;
    default:
      bound = Quantity::EXACT;
      break;
  }
  // Bound words before a vague amount or a range: "more than a dozen" is a
  // bound on 12; "about 5,000-6,000" stays a range; "some several" does not
  // occur.
  if (m.vague && m.bound != Quantity::EXACT && m.bound != Quantity::VAGUE) {
    // Apply the bound to the vague value's interval.
    low = m.low;
    high = m.high;
    bound = Quantity::VAGUE;
  }
  // Negative figures ("nearly -45 degrees", "up to -5"): the multiplicative
  // tolerances and caps above turn around; keep the interval closed.
  if (low > high) std::swap(low, high);
  q->set_low(low);
  q->set_high(high);
  q->set_value(v);
  q->set_bound(static_cast<Quantity::Bound>(bound));
  q->set_unit(m.unit);
}

std::vector<Quantity> SentenceExtractor::Run() {
  std::vector<Quantity> out;
  std::vector<Match> matches;            // what each figure was read from
  std::vector<size_t> ends;              // token after each figure's subject
  std::vector<uint32_t> first_token_begin;  // where each figure starts
  MarkNonCounts();
  const size_t n = size();
  size_t i = 0;
  size_t last_end = n + 2;  // end of the previous figure
  while (i < n) {
    const Token& t = tok(i);
    bool candidate = t.kind == Kind::kNumber && !t.skip;
    if (!candidate && t.kind == Kind::kSymbol) {
      candidate = t_.currencies.contains(t.low) ||
                  ((t.low == "-" || t.low == "+" || t.low == "~") &&
                   i + 1 < n && Glued(i + 1));
    }
    if (!candidate && t.kind == Kind::kWord) {
      candidate = (IsSym(i + 1, '$') && t.low.size() <= 2) ||  // "HK $5"
                  t_.bound_first.contains(t.low) ||
                  t_.number_words.contains(t.low) ||
                  t_.vague_first.contains(t.low) ||
                  t_.currencies.contains(t.low) || t.low == "a" ||
                  absl::EndsWith(t.low, "fold") ||
                  t.low == "an" || t.low == "half" || t.low == "minus" ||
                  t.low == "sub";
    }
    Match m;
    if (!candidate || !MatchAt(i, &m) || IsYearDate(m)) {
      ++i;
      continue;
    }
    Quantity q;
    Finish(m, &q);
    // A restatement in another unit right after a figure ("just under 296
    // hp (224 kW / 300 PS)", "more than 100 km (60 miles)") carries the
    // figure's bound when the two agree (SameMeasurement), or when both are
    // money (exchange rates are not checked).
    if (!out.empty() && m.bound == Quantity::EXACT && !m.range && !m.vague &&
        m.first >= 1 && m.first - 1 == last_end &&
        (IsSym(m.first - 1, '(') || IsSym(m.first - 1, '/')) &&
        !matches.back().range && !matches.back().vague) {
      const Quantity& prev = out.back();
      const bool money = t_.currency_units.contains(prev.unit()) &&
                         t_.currency_units.contains(q.unit());
      if (money || (!q.unit().empty() && SameMeasurement(prev, q, 0.05))) {
        Match restated = m;
        restated.bound = matches.back().bound;
        Finish(restated, &q);
        q.set_trend(prev.trend());
        m.bound = restated.bound;
      }
    }
    first_token_begin.push_back(tok(m.first).begin);
    size_t after;
    FindSubject(m, &q, &after);
    FindMeasure(m, after, &q);
    FindTrend(m, &q);
    // "magnitude 6.1", "put the magnitude at 6.1", "a magnitude of 6.1":
    // the size of a quake (an aftershock's is another quake's).
    if (q.unit().empty() && m.first >= 1 &&
        (IsWord(m.first - 1, "magnitude") ||
         (m.first >= 2 && (IsWord(m.first - 1, "at") ||
                           IsWord(m.first - 1, "of")) &&
          IsWord(m.first - 2, "magnitude")))) {
      q.set_measure(Quantity::OTHER);
      q.set_measure_word("magnitude");
      q.clear_subject();
      q.clear_subject_span();
      for (size_t k = 0; k < size(); ++k) {
        if (IsWord(k, "aftershock") || IsWord(k, "foreshock")) {
          q.set_subject(std::string(tok(k).low));
          SetSpan(k, k + 1, q.mutable_subject_span());
        }
      }
    }
    if (IsJobLoss(m, after, q)) {
      q.set_measure(Quantity::OTHER);
      q.set_measure_word("job cuts");
      q.set_trend(Quantity::TREND_UNSPECIFIED);
    }
    // "lost 190 points, or 0.6%": the restatement shares the change.
    if (q.trend() == Quantity::TREND_UNSPECIFIED && !out.empty() &&
        out.back().trend() != Quantity::TREND_UNSPECIFIED &&
        m.first >= 1 && IsWord(m.first - 1, "or") &&
        (m.first - 1 == last_end || m.first - 1 == ends.back() ||
         (m.first - 2 == last_end && IsSym(m.first - 2, ',')) ||
         (m.first - 2 == ends.back() && IsSym(m.first - 2, ',')))) {
      q.set_trend(out.back().trend());
    }
    if (m.change) q.set_trend(m.falling ? Quantity::DOWN : Quantity::UP);
    // Ages and "one of the X" are never compared as counts: measure OTHER
    // with their own measure_word, and no subject for ages.
    if (m.age) {
      q.clear_subject();
      q.clear_subject_span();
      q.set_measure(Quantity::OTHER);
      q.set_measure_word("age");
      q.set_trend(Quantity::TREND_UNSPECIFIED);
    } else if (m.one_of) {
      q.set_measure(Quantity::OTHER);
      q.set_measure_word("one of");
      q.set_trend(Quantity::TREND_UNSPECIFIED);
    }
    if (q.trend() == Quantity::TREND_UNSPECIFIED && !out.empty() &&
        m.first >= 1 && m.first - 1 == last_end &&
        (IsSym(m.first - 1, '(') || IsSym(m.first - 1, '/')) &&
        out.back().trend() != Quantity::TREND_UNSPECIFIED &&
        !q.unit().empty() && out.back().unit() != q.unit() &&
        !m.age && !m.one_of) {
      q.set_trend(out.back().trend());
    }
    // A crowd, turnout or march counts people unless the text says who.
    if (q.measure() == Quantity::PARTICIPATED && q.subject().empty() &&
        q.unit().empty()) {
      q.set_subject("people");
    }
    out.push_back(std::move(q));
    matches.push_back(m);
    ends.push_back(after);
    last_end = m.end;
    i = m.end;
  }
  // "Five soldiers and 25 militants were killed": figures joined by "and"
  // share the verb that follows the last one.
  for (size_t k = out.size(); k-- > 1;) {
    Quantity& first = out[k - 1];
    const Quantity& second = out[k];
    if (first.measure() != Quantity::MEASURE_UNSPECIFIED ||
        second.measure() == Quantity::MEASURE_UNSPECIFIED ||
        first.subject().empty() || first.unit() != second.unit()) {
      continue;
    }
    // The figure after "and" must start right where the first one's
    // subject ends.
    const size_t a = ends[k - 1];
    if (IsWord(a, "and") && a + 1 < size() &&
        tok(a + 1).begin == first_token_begin[k]) {
      first.set_measure(second.measure());
      first.set_measure_word(second.measure_word());
    }
  }
  LinkFigures(matches, &out);
  return out;
}

bool SentenceExtractor::IsJobLoss(const Match& m, size_t after,
                                  const Quantity& q) const {
  if (q.subject().empty() || !q.unit().empty() ||
      (q.measure() != Quantity::MEASURE_UNSPECIFIED &&
       q.measure() != Quantity::OTHER)) {
    return false;
  }
  const size_t space = q.subject().rfind(' ');
  const std::string head = space == std::string::npos
                               ? q.subject()
                               : q.subject().substr(space + 1);
  if (!t_.job_words.contains(head)) return false;
  // Before: "cut 1,500 jobs", "would cut about 1,500 jobs", "laid off 300".
  if (m.first > 0 && InSet(m.first - 1, t_.job_loss)) return true;
  // After: "2,300 jobs would be lost", "300 workers were laid off".
  size_t f = after;
  for (int steps = 0; f < size() && steps < 5; ++steps, ++f) {
    if (InSet(f, t_.job_loss)) return true;
    if (IsWord(f, "laid") || IsWord(f, "made")) continue;  // "laid off"
    if (!InSet(f, t_.aux)) break;
  }
  return false;
}

// Figures that lean on another figure of the sentence:
//  - "won 71 of the 150 seats": the first counts the subject of the second,
//    which is a total (measure OTHER "total"), not a count of the same kind;
//  - "the union puts the figure at 2,300" after "cut 1,500 jobs": "the
//    figure" is the earlier figure's measure and subject;
//  - "cheated of at least six seats", "deprived of 12 seats": a loss
//    (trend DOWN), not a level.
void SentenceExtractor::LinkFigures(const std::vector<Match>& matches,
                                    std::vector<Quantity>* out) const {
  for (size_t k = 0; k < out->size(); ++k) {
    Quantity& q = (*out)[k];
    const Match& m = matches[k];
    if (k + 1 < out->size() && q.subject().empty() &&
        IsWord(m.end, "of")) {
      size_t d = m.end + 1;
      while (IsWord(d, "the") || IsWord(d, "its") || IsWord(d, "their") ||
             IsWord(d, "his") || IsWord(d, "her") || IsWord(d, "our")) {
        ++d;
      }
      Quantity& total = (*out)[k + 1];
      if (d > m.end + 1 && matches[k + 1].first == d &&
          q.unit() == total.unit() && !total.subject().empty()) {
        q.set_subject(total.subject());
        *q.mutable_subject_span() = total.subject_span();
        if (q.measure() == Quantity::MEASURE_UNSPECIFIED) {
          q.set_measure(total.measure());
          q.set_measure_word(total.measure_word());
        }
        total.set_measure(Quantity::OTHER);
        total.set_measure_word("total");
      }
    }
    if (k > 0 && q.subject().empty() &&
        q.measure() == Quantity::MEASURE_UNSPECIFIED && m.first >= 3 &&
        IsWord(m.first - 1, "at") &&
        (IsWord(m.first - 2, "figure") || IsWord(m.first - 2, "number") ||
         IsWord(m.first - 2, "total") || IsWord(m.first - 2, "tally") ||
         IsWord(m.first - 2, "count")) &&
        (IsWord(m.first - 3, "the") || IsWord(m.first - 3, "its") ||
         IsWord(m.first - 3, "their"))) {
      const Quantity& prev = (*out)[k - 1];
      if (prev.unit() == q.unit() &&
          (prev.measure() != Quantity::MEASURE_UNSPECIFIED ||
           !prev.subject().empty())) {
        q.set_measure(prev.measure());
        q.set_measure_word(prev.measure_word());
        q.set_subject(prev.subject());
        *q.mutable_subject_span() = prev.subject_span();
      }
    }
    if (m.first >= 2 && IsWord(m.first - 1, "of") &&
        (IsWord(m.first - 2, "cheated") || IsWord(m.first - 2, "deprived") ||
         IsWord(m.first - 2, "robbed") || IsWord(m.first - 2, "stripped"))) {
      q.set_trend(Quantity::DOWN);
    }
  }
}

}  // namespace

QuantityExtractor::QuantityExtractor(QuantityOptions options)
    : options_(options) {
  GetTables();  // build the tables now, not on the first sentence
}

std::vector<v1::Quantity> QuantityExtractor::Extract(
    const NormalizedText& text, const SentenceRange& sentence) const {
  if (sentence.end <= sentence.begin || sentence.end > text.text.size()) {
    return {};
  }
  SentenceExtractor extractor(options_, text, sentence);
  return extractor.Run();
}

}  // namespace factdiff
