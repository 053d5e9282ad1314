#include "core/time/time_extractor.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/types/optional.h"

namespace factdiff {
namespace {

using absl::CivilDay;
using absl::CivilMonth;
using Granularity = v1::TimeExpression::Granularity;

// A month-day without a year is placed in the latest year that puts it at
// most this many days after publication ("Nov. 2" in an article of Oct. 29
// is this year's, "Dec. 15" is last year's).
constexpr int kFutureDays = 31;

// ---------------------------------------------------------------------------
// Tokens.

enum class Kind { kWord, kNumber, kPunct };

struct Token {
  Kind kind;
  uint32_t begin;  // normalized byte offsets
  uint32_t end;
  absl::string_view s;
  absl::string_view low;  // s in ASCII lower case (into a per-call buffer)
};

// Length of the UTF-8 punctuation or symbol at text[i] (Latin-1 symbols
// U+0080..U+00BF and General Punctuation U+2000..U+206F), 0 when it is not
// one. Other non-ASCII characters are taken as letters.
size_t NonAsciiPunctLength(absl::string_view text, size_t i) {
  const auto c0 = static_cast<unsigned char>(text[i]);
  const auto c1 =
      i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
  if (c0 == 0xC2 && c1 >= 0x80 && c1 <= 0xBF) return 2;
  if (c0 == 0xE2 && (c1 == 0x80 || c1 == 0x81) && i + 2 < text.size()) {
    return 3;
  }
  return 0;
}

bool IsWordByte(absl::string_view text, size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (absl::ascii_isalpha(c)) return true;
  return c >= 0x80 && NonAsciiPunctLength(text, i) == 0;
}

// `lower` receives text[begin, end) lower-cased; Token::low points into it
// and stays valid while `lower` is alive and unchanged.
std::vector<Token> Tokenize(absl::string_view text, size_t begin, size_t end,
                            std::string* lower) {
  lower->assign(text.data() + begin, end - begin);
  absl::AsciiStrToLower(lower);
  std::vector<Token> out;
  out.reserve((end - begin) / 5 + 2);
  size_t i = begin;
  while (i < end) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (absl::ascii_isspace(c)) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    Kind kind = Kind::kPunct;
    if (absl::ascii_isdigit(c)) {
      kind = Kind::kNumber;
      while (j < end &&
             absl::ascii_isdigit(static_cast<unsigned char>(text[j]))) {
        ++j;
      }
    } else if (const size_t n = c >= 0x80 ? NonAsciiPunctLength(text, i) : 0) {
      j = i + n < end ? i + n : end;
    } else if (IsWordByte(text, i)) {
      kind = Kind::kWord;
      // Non-ASCII continuation bytes are >= 0x80, so a word never ends in the
      // middle of a character.
      while (j < end && IsWordByte(text, j)) ++j;
    }
    out.push_back({kind, static_cast<uint32_t>(i), static_cast<uint32_t>(j),
                   text.substr(i, j - i),
                   absl::string_view(*lower).substr(i - begin, j - i)});
    i = j;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Vocabulary.

constexpr absl::string_view kMonths[] = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

struct Abbrev {
  absl::string_view name;
  int month;
};
constexpr Abbrev kMonthAbbrevs[] = {
    {"jan", 1}, {"feb", 2}, {"mar", 3},  {"apr", 4},  {"jun", 6},  {"jul", 7},
    {"aug", 8}, {"sep", 9}, {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12}};

// In absl::Weekday order.
constexpr absl::string_view kWeekdays[] = {"monday",   "tuesday", "wednesday",
                                           "thursday", "friday",  "saturday",
                                           "sunday"};
constexpr absl::Weekday kWeekdayEnum[] = {
    absl::Weekday::monday,   absl::Weekday::tuesday, absl::Weekday::wednesday,
    absl::Weekday::thursday, absl::Weekday::friday,  absl::Weekday::saturday,
    absl::Weekday::sunday};

constexpr absl::string_view kTimesOfDay[] = {"morning", "afternoon", "evening",
                                             "night"};

// Words after which a capitalized "May"/"March" or a bare year is a date.
constexpr absl::string_view kDateCues[] = {
    "in",    "of",     "since",   "last",   "next",  "this",
    "early", "late",   "mid",     "until",  "till",  "by",
    "from",  "during", "through", "before", "after", "between"};

constexpr absl::string_view kOnes[] = {
    "zero",    "one",     "two",       "three",    "four",
    "five",    "six",     "seven",     "eight",    "nine",
    "ten",     "eleven",  "twelve",    "thirteen", "fourteen",
    "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
constexpr absl::string_view kTens[] = {"",       "",      "twenty", "thirty",
                                       "forty",  "fifty", "sixty",  "seventy",
                                       "eighty", "ninety"};

enum Unit { kNoUnit, kMinute, kHour, kDay, kWeek, kMonth, kYear, kDecade };

struct UnitName {
  absl::string_view name;
  Unit unit;
};
constexpr UnitName kUnits[] = {
    {"minute", kMinute}, {"minutes", kMinute}, {"hour", kHour},
    {"hours", kHour},    {"day", kDay},        {"days", kDay},
    {"week", kWeek},     {"weeks", kWeek},     {"month", kMonth},
    {"months", kMonth},  {"year", kYear},      {"years", kYear},
    {"decade", kDecade}, {"decades", kDecade}};

// ---------------------------------------------------------------------------
// Calendar helpers.

int DaysInMonth(int64_t year, int month) {
  return (CivilDay(CivilMonth(year, month) + 1) - 1).day();
}

bool ValidDay(int64_t year, int month, int day) {
  return month >= 1 && month <= 12 && day >= 1 &&
         day <= DaysInMonth(year, month);
}

CivilDay LastDayOf(CivilMonth m) { return CivilDay(m + 1) - 1; }

// The day `months` months before `d`, clamped to the end of that month.
CivilDay MonthsBefore(CivilDay d, int64_t months) {
  const CivilMonth m = CivilMonth(d) - months;
  const int dim = DaysInMonth(m.year(), m.month());
  return CivilDay(m.year(), m.month(), d.day() < dim ? d.day() : dim);
}

// A parsed expression: a token range and what it resolves to.
struct Found {
  size_t first = 0;  // token range [first, last)
  size_t last = 0;
  Granularity granularity = v1::TimeExpression::GRANULARITY_UNSPECIFIED;
  bool relative = false;
  bool resolved = false;
  // A leading "the" belongs to the expression ("the 1990s", "the weekend").
  bool take_the = false;
  CivilDay start;
  CivilDay end;
};

void SetAbsolute(Found* f, CivilDay start, CivilDay end, Granularity g) {
  f->granularity = g;
  f->relative = false;
  f->resolved = true;
  f->start = start;
  f->end = end;
}

// An amount of time: "nearly two weeks", "48 hours", "a few days".
struct Amount {
  size_t end = 0;         // token after the unit
  double value = 0;       // 0 when vague ("a few", "several")
  bool article = false;   // "a"/"an" as the number
  bool modified = false;  // "nearly", "more than", ...
  Unit unit = kNoUnit;
};

// ---------------------------------------------------------------------------
// The scanner over the tokens of one sentence.

class Scanner {
 public:
  Scanner(const std::vector<Token>& tokens, absl::optional<CivilDay> published)
      : t_(tokens), pub_(published), word_value_(tokens.size(), 0) {
    // Number words, looked up once per token rather than per attempt.
    for (size_t i = 0; i < t_.size(); ++i) {
      if (t_[i].kind != Kind::kWord) continue;
      for (int k = 2; k < 10; ++k) {
        if (t_[i].low == kTens[k]) word_value_[i] = static_cast<int8_t>(10 * k);
      }
      for (int k = 1; k < 20; ++k) {
        if (t_[i].low == kOnes[k]) word_value_[i] = static_cast<int8_t>(k);
      }
    }
  }

  // Finds the longest-first expression starting at token i; `floor` is the
  // first token not consumed by an earlier match (a "the" before i may be
  // taken only if at or after it).
  bool MatchAt(size_t i, size_t floor, Found* f) const {
    if (!Since(i, f) && !Expr(i, /*allow_duration=*/true, f)) return false;
    if (f->take_the && f->first > floor && Word(f->first - 1, "the")) {
      --f->first;
    }
    return true;
  }

 private:
  // --- Token predicates. ---------------------------------------------------

  // `w` must be lower case.
  bool Word(size_t i, absl::string_view w) const {
    return i < t_.size() && t_[i].kind == Kind::kWord && t_[i].low == w;
  }
  bool AnyWord(size_t i, const absl::string_view* words, size_t n) const {
    for (size_t k = 0; k < n; ++k) {
      if (Word(i, words[k])) return true;
    }
    return false;
  }
  bool Punct(size_t i, char c) const {
    return i < t_.size() && t_[i].kind == Kind::kPunct && t_[i].s.size() == 1 &&
           t_[i].s[0] == c;
  }
  // Tokens i and i + 1 touch (no space between them).
  bool Touch(size_t i) const {
    return i + 1 < t_.size() && t_[i].end == t_[i + 1].begin;
  }
  bool Capitalized(size_t i) const {
    return i < t_.size() && t_[i].kind == Kind::kWord &&
           absl::ascii_isupper(static_cast<unsigned char>(t_[i].s[0]));
  }
  // The value of a number token of at most `max_digits` digits, else -1.
  int Number(size_t i, size_t max_digits) const {
    if (i >= t_.size() || t_[i].kind != Kind::kNumber ||
        t_[i].s.size() > max_digits) {
      return -1;
    }
    int v = 0;
    for (char c : t_[i].s) v = v * 10 + (c - '0');
    return v;
  }
  // Token i is glued to a neighbouring digit group ("19,000", "3.5", "2:30"),
  // i.e. part of a bigger number.
  bool PartOfBiggerNumber(size_t i) const {
    const auto glue = [this](size_t p) {
      return Punct(p, ',') || Punct(p, '.') || Punct(p, ':') || Punct(p, '/');
    };
    if (Touch(i) && glue(i + 1) && Touch(i + 1) &&
        t_[i + 2].kind == Kind::kNumber) {
      return true;
    }
    return i >= 2 && Touch(i - 1) && glue(i - 1) && Touch(i - 2) &&
           t_[i - 2].kind == Kind::kNumber;
  }
  bool PrevIsCue(size_t i) const {
    if (i == 0) return false;
    if (AnyWord(i - 1, kDateCues, sizeof(kDateCues) / sizeof(kDateCues[0]))) {
      return true;
    }
    // "mid-May".
    return i >= 2 && Punct(i - 1, '-') && Word(i - 2, "mid");
  }

  // --- Vocabulary at a token. -----------------------------------------------

  // A month name with a capital initial at i: 1..12, with *next after it (and
  // after the '.' of an abbreviation). *weak: the name is also a common word
  // or an abbreviation ("May", "March", "Oct"), so it needs a day, a year or
  // a cue to count. 0 when none.
  int MonthAt(size_t i, size_t* next, bool* weak) const {
    if (!Capitalized(i)) return 0;
    for (int m = 0; m < 12; ++m) {
      if (Word(i, kMonths[m])) {
        *next = i + 1;
        *weak = m == 2 || m == 4;
        return m + 1;
      }
    }
    for (const Abbrev& a : kMonthAbbrevs) {
      if (Word(i, a.name)) {
        *next = (Touch(i) && Punct(i + 1, '.')) ? i + 2 : i + 1;
        *weak = true;
        return a.month;
      }
    }
    return 0;
  }

  // A weekday with a capital initial at i: index into kWeekdays, else -1.
  int WeekdayAt(size_t i) const {
    if (!Capitalized(i)) return -1;
    for (int w = 0; w < 7; ++w) {
      if (Word(i, kWeekdays[w])) return w;
    }
    return -1;
  }

  // A day of the month at i ("19", "19th"): 1..31 and *next, else 0.
  int DayAt(size_t i, size_t* next) const {
    const int d = Number(i, 2);
    if (d < 1 || d > 31 || PartOfBiggerNumber(i)) return 0;
    size_t j = i + 1;
    if (Touch(i) && t_[j].kind == Kind::kWord) {
      if (!Word(j, "st") && !Word(j, "nd") && !Word(j, "rd") &&
          !Word(j, "th")) {
        return 0;  // "19km"
      }
      ++j;
    }
    *next = j;
    return d;
  }

  // A four-digit year in [lo, hi] at i, not part of a bigger number and not
  // glued to a word ("1990s"), else 0.
  int YearAt(size_t i, int lo, int hi) const {
    if (i >= t_.size() || t_[i].s.size() != 4) return 0;
    const int y = Number(i, 4);
    if (y < lo || y > hi || PartOfBiggerNumber(i)) return 0;
    if (Touch(i) && t_[i + 1].kind == Kind::kWord) return 0;
    return y;
  }

  // "early" -> 1, "mid"/"mid-" -> 2, "late" -> 3, with *next; else 0.
  int ModAt(size_t i, size_t* next) const {
    if (Word(i, "early")) {
      *next = i + 1;
      return 1;
    }
    if (Word(i, "late")) {
      *next = i + 1;
      return 3;
    }
    if (Word(i, "mid")) {
      *next = (Touch(i) && Punct(i + 1, '-')) ? i + 2 : i + 1;
      return 2;
    }
    return 0;
  }

  // A range separator at i: '-', "to", "through", "until"; *next after it.
  bool RangeSepAt(size_t i, size_t* next) const {
    if (Punct(i, '-') || Word(i, "to") || Word(i, "through") ||
        Word(i, "until")) {
      *next = i + 1;
      return true;
    }
    return false;
  }

  // A number of units at i: digits ("48", "1.5"), number words ("two",
  // "twenty-four"), "a"/"an", or vague words ("a few", "several", "a couple
  // of", "a dozen"). Sets *value (0 when vague) and *article.
  bool CountAt(size_t i, size_t* next, double* value, bool* article) const {
    *article = false;
    if (i >= t_.size()) return false;
    if (t_[i].kind == Kind::kNumber) {
      if (t_[i].s.size() > 6 ||
          (i > 0 && Touch(i - 1) && (Punct(i - 1, ',') || Punct(i - 1, '.')))) {
        return false;
      }
      double v = Number(i, 6);
      size_t j = i + 1;
      if (Touch(i) && Punct(j, '.') && Touch(j) && j + 1 < t_.size() &&
          t_[j + 1].kind == Kind::kNumber && t_[j + 1].s.size() <= 3) {
        double frac = 0, scale = 1;
        for (char c : t_[j + 1].s) {
          frac = frac * 10 + (c - '0');
          scale *= 10;
        }
        v += frac / scale;
        j += 2;
      } else if (Touch(i) &&
                 (Punct(j, ',') || Punct(j, ':') || Punct(j, '/'))) {
        return false;  // "1,000", "2:30"
      }
      *value = v;
      *next = j;
      return true;
    }
    if (word_value_[i] >= 20) {
      *value = word_value_[i];
      *next = i + 1;
      if (Touch(i) && Punct(i + 1, '-') && Touch(i + 1) && i + 2 < t_.size() &&
          word_value_[i + 2] >= 1 && word_value_[i + 2] <= 9) {
        *value += word_value_[i + 2];
        *next = i + 3;
      }
      return true;
    }
    if (word_value_[i] > 0) {
      *value = word_value_[i];
      *next = i + 1;
      return true;
    }
    if (Word(i, "several") || Word(i, "few")) {
      *value = 0;
      *next = i + 1;
      return true;
    }
    if (Word(i, "dozen")) {
      *value = 12;
      *next = i + 1;
      return true;
    }
    if (Word(i, "couple") && Word(i + 1, "of")) {
      *value = 0;
      *next = i + 2;
      return true;
    }
    if (Word(i, "a") || Word(i, "an")) {
      if (Word(i + 1, "few") || Word(i + 1, "dozen") ||
          (Word(i + 1, "couple") && Word(i + 2, "of"))) {
        if (!CountAt(i + 1, next, value, article)) return false;
        return true;
      }
      *value = 1;
      *article = true;
      *next = i + 1;
      return true;
    }
    return false;
  }

  Unit UnitAt(size_t i) const {
    for (const UnitName& u : kUnits) {
      if (Word(i, u.name)) return u.unit;
    }
    return kNoUnit;
  }

  // [modifier] count unit: "nearly two weeks", "48 hours", "a 48-hour",
  // "three-day". Not "a 26-year-old".
  bool AmountAt(size_t i, Amount* a) const {
    size_t j = i;
    a->modified = true;
    if (Word(j, "more") || Word(j, "less") || Word(j, "fewer")) {
      if (!Word(j + 1, "than")) return false;
      j += 2;
    } else if (Word(j, "at") && (Word(j + 1, "least") || Word(j + 1, "most"))) {
      j += 2;
    } else if (Word(j, "up") && Word(j + 1, "to")) {
      j += 2;
    } else if ((Word(j, "just") || Word(j, "well")) &&
               (Word(j + 1, "over") || Word(j + 1, "under"))) {
      j += 2;
    } else if (Word(j, "nearly") || Word(j, "almost") || Word(j, "about") ||
               Word(j, "around") || Word(j, "roughly") ||
               Word(j, "approximately") || Word(j, "some") || Word(j, "over") ||
               Word(j, "under") || Word(j, "only") || Word(j, "just") ||
               Word(j, "barely")) {
      j += 1;
    } else {
      a->modified = false;
    }
    size_t k;
    if (!CountAt(j, &k, &a->value, &a->article)) return false;
    // "48-hour", "three-day".
    if (Punct(k, '-') && Touch(k - 1) && Touch(k)) ++k;
    a->unit = UnitAt(k);
    if (a->unit == kNoUnit) return false;
    // Ages: "a 26-year-old", "two-year-olds".
    if (Touch(k) && Punct(k + 1, '-') &&
        (Word(k + 2, "old") || Word(k + 2, "olds"))) {
      return false;
    }
    a->end = k + 1;
    return true;
  }

  // --- Resolution helpers. ---------------------------------------------------

  // Marks f relative; resolves it to [start, end] when published is known.
  void SetRelative(Found* f, Granularity g) const {
    f->granularity = g;
    f->relative = true;
    f->resolved = false;
  }
  void Resolve(Found* f, CivilDay start, CivilDay end) const {
    f->resolved = true;
    f->start = start;
    f->end = end;
  }
  CivilDay Monday(CivilDay d) const {
    return absl::PrevWeekday(d + 1, absl::Weekday::monday);
  }

  // The latest year in which (month, day) exists and is at most kFutureDays
  // after publication. Requires pub_.
  absl::optional<CivilDay> InferDay(int month, int day) const {
    for (int64_t y = pub_->year() + 1; y >= pub_->year() - 8; --y) {
      if (!ValidDay(y, month, day)) continue;
      const CivilDay d(y, month, day);
      if (d - *pub_ <= kFutureDays) return d;
    }
    return absl::nullopt;
  }

  // The latest `month` at most one month after the publication month.
  CivilMonth InferMonth(int month) const {
    const CivilMonth limit = CivilMonth(*pub_) + 1;
    int64_t y = pub_->year() + 1;
    while (CivilMonth(y, month) > limit) --y;
    return CivilMonth(y, month);
  }

  // Days of `m` narrowed by a modifier: early 1-10, mid 11-20, late 21-end.
  static void MonthPart(CivilMonth m, int mod, CivilDay* start, CivilDay* end) {
    *start = CivilDay(m);
    *end = LastDayOf(m);
    if (mod == 1) *end = *start + 9;
    if (mod == 2) {
      *start = *start + 10;
      *end = *start + 9;
    }
    if (mod == 3) *start = *start + 20;
  }

  // --- Expressions.
  // ------------------------------------------------------------

  bool Expr(size_t i, bool allow_duration, Found* f) const {
    // Each attempt starts from a clean slate.
    // start/end are left as they are: they are read only when resolved
    // (constructing CivilDays for every attempt was a third of the time).
    const auto fresh = [f, i]() {
      f->first = i;
      f->last = 0;
      f->granularity = v1::TimeExpression::GRANULARITY_UNSPECIFIED;
      f->relative = false;
      f->resolved = false;
      f->take_the = false;
      return f;
    };
    return NightOf(i, fresh()) || DayWord(i, fresh()) || LastNext(i, fresh()) ||
           Weekend(i, fresh()) || Past(i, fresh()) || Ago(i, fresh()) ||
           Modified(i, fresh()) || WeekdayExpr(i, 0, 0, fresh()) ||
           DateAt(i, fresh()) || MonthAlone(i, 0, fresh()) ||
           YearExpr(i, 0, fresh()) || Decade(i, 0, fresh()) ||
           (allow_duration && Duration(i, fresh()));
  }

  // "since 2021", "since the 1990s", "since Sunday": from the start of the
  // expression to publication (to the end of the expression when published
  // is unknown).
  bool Since(size_t i, Found* f) const {
    if (!Word(i, "since")) return false;
    Found inner;
    if (!Expr(i + 1, /*allow_duration=*/false, &inner) &&
        !(Word(i + 1, "the") &&
          Expr(i + 2, /*allow_duration=*/false, &inner))) {
      return false;
    }
    *f = inner;
    f->first = i;
    f->take_the = false;
    if (f->resolved && pub_ && *pub_ >= f->start) {
      f->end = *pub_;
      f->relative = true;
    }
    return true;
  }

  // "the night of October 11" (also morning, afternoon, evening): the date.
  bool NightOf(size_t i, Found* f) const {
    if (i == 0 || !Word(i - 1, "the") ||
        !AnyWord(i, kTimesOfDay,
                 sizeof(kTimesOfDay) / sizeof(kTimesOfDay[0])) ||
        !Word(i + 1, "of")) {
      return false;
    }
    Found date;
    date.first = i + 2;
    if (!DateAt(i + 2, &date) && !WeekdayExpr(i + 2, 0, 0, &date)) {
      return false;
    }
    if (date.granularity != v1::TimeExpression::DAY) return false;
    *f = date;
    f->first = i;
    f->take_the = true;
    return true;
  }

  // An optional time of day after a day word: "Monday evening".
  size_t SkipTimeOfDay(size_t j) const {
    return AnyWord(j, kTimesOfDay, sizeof(kTimesOfDay) / sizeof(kTimesOfDay[0]))
               ? j + 1
               : j;
  }

  // "today", "tonight", "yesterday (morning)", "tomorrow".
  bool DayWord(size_t i, Found* f) const {
    int offset;
    size_t next = i + 1;
    if (Word(i, "today")) {
      offset = 0;
    } else if (Word(i, "tonight")) {
      offset = 0;
    } else if (Word(i, "yesterday")) {
      offset = -1;
      next = SkipTimeOfDay(next);
    } else if (Word(i, "tomorrow")) {
      offset = 1;
      next = SkipTimeOfDay(next);
    } else {
      return false;
    }
    f->last = next;
    SetRelative(f, v1::TimeExpression::DAY);
    if (pub_) Resolve(f, *pub_ + offset, *pub_ + offset);
    return true;
  }

  // "last"/"this"/"next"/"earlier this"/"later this" + night, morning, week,
  // month, year, a weekday or a month.
  bool LastNext(size_t i, Found* f) const {
    size_t j = i + 1;
    int dir;       // -1 last, 0 this, +1 next
    int part = 0;  // -1 earlier this, +1 later this
    if (Word(i, "last")) {
      // "the last week" is the past seven days (see Past()).
      if (i > 0 && Word(i - 1, "the")) return false;
      dir = -1;
    } else if (Word(i, "next")) {
      dir = 1;
    } else if (Word(i, "this")) {
      dir = 0;
    } else if ((Word(i, "earlier") || Word(i, "later")) &&
               Word(i + 1, "this")) {
      dir = 0;
      part = Word(i, "earlier") ? -1 : 1;
      j = i + 2;
    } else {
      return false;
    }
    f->last = j + 1;
    if (part == 0 && dir == -1 && Word(j, "night")) {
      SetRelative(f, v1::TimeExpression::DAY);
      if (pub_) Resolve(f, *pub_ - 1, *pub_ - 1);
      return true;
    }
    if (part == 0 && dir == 0 &&
        (Word(j, "morning") || Word(j, "afternoon") || Word(j, "evening"))) {
      SetRelative(f, v1::TimeExpression::DAY);
      if (pub_) Resolve(f, *pub_, *pub_);
      return true;
    }
    if (Word(j, "week")) {
      SetRelative(f, v1::TimeExpression::WEEK);
      if (!pub_) return true;
      const CivilDay mon = Monday(*pub_) + 7 * dir;
      CivilDay start = mon, end = mon + 6;
      if (part == -1) end = *pub_;
      if (part == 1) start = *pub_;
      Resolve(f, start, end);
      return true;
    }
    if (Word(j, "month")) {
      SetRelative(f, v1::TimeExpression::MONTH);
      if (!pub_) return true;
      const CivilMonth m = CivilMonth(*pub_) + dir;
      CivilDay start = CivilDay(m), end = LastDayOf(m);
      if (part == -1) end = *pub_;
      if (part == 1) start = *pub_;
      Resolve(f, start, end);
      return true;
    }
    if (Word(j, "year")) {
      SetRelative(f, v1::TimeExpression::YEAR);
      if (!pub_) return true;
      const int64_t y = pub_->year() + dir;
      CivilDay start(y, 1, 1), end(y, 12, 31);
      if (part == -1) end = *pub_;
      if (part == 1) start = *pub_;
      Resolve(f, start, end);
      return true;
    }
    if (part != 0) return false;
    if (dir != 0 && WeekdayExpr(j, dir, 0, f)) {
      f->first = i;
      return true;
    }
    if (MonthAlone(j, dir == 0 ? 4 : dir == -1 ? 5 : 6, f)) {
      f->first = i;
      return true;
    }
    return false;
  }

  // "last weekend", "this weekend", "(over) the weekend": Saturday-Sunday.
  bool Weekend(size_t i, Found* f) const {
    int which;  // -1 the one before publication, 0 the latest, 1 this one
    size_t first = i, j = i;
    if ((Word(i, "last") || Word(i, "this")) && Word(i + 1, "weekend")) {
      which = Word(i, "last") ? -1 : 1;
      j = i + 1;
    } else if (Word(i, "weekend") && i > 0 && Word(i - 1, "the")) {
      which = 0;
      f->take_the = true;
    } else {
      return false;
    }
    f->first = first;
    f->last = j + 1;
    SetRelative(f, v1::TimeExpression::DAY);
    if (!pub_) return true;
    CivilDay sunday;
    if (which == 1) {
      sunday = Monday(*pub_) + 6;
    } else {
      sunday = absl::PrevWeekday(which == 0 ? *pub_ + 1 : *pub_,
                                 absl::Weekday::sunday);
    }
    Resolve(f, sunday - 1, sunday);
    return true;
  }

  // The window [publication - amount, publication] of a unit (days for hours
  // and days, else the unit itself).
  void Window(Found* f, const Amount& a) const {
    const Granularity g = a.unit == kWeek    ? v1::TimeExpression::WEEK
                          : a.unit == kMonth ? v1::TimeExpression::MONTH
                          : a.unit == kYear || a.unit == kDecade
                              ? v1::TimeExpression::YEAR
                              : v1::TimeExpression::DAY;
    SetRelative(f, g);
    if (!pub_) return;
    const auto n = static_cast<int64_t>(a.value + 0.5);
    CivilDay start = *pub_;
    switch (a.unit) {
      case kMinute:
        start = *pub_ - static_cast<int64_t>(a.value / (24 * 60));
        break;
      case kHour:
        start = *pub_ - static_cast<int64_t>((a.value + 23) / 24);
        break;
      case kDay:
        start = *pub_ - n;
        break;
      case kWeek:
        start = *pub_ - 7 * n;
        break;
      case kMonth:
        start = MonthsBefore(*pub_, n);
        break;
      case kYear:
        start = MonthsBefore(*pub_, 12 * n);
        break;
      case kDecade:
        start = MonthsBefore(*pub_, 120 * n);
        break;
      case kNoUnit:
        break;
    }
    Resolve(f, start, *pub_);
  }

  // "(the) past 24 hours", "the last two weeks", "the past week": the window
  // ending at publication.
  bool Past(size_t i, Found* f) const {
    if (!Word(i, "past") && !((Word(i, "last") || Word(i, "previous")) &&
                              i > 0 && Word(i - 1, "the"))) {
      return false;
    }
    Amount a;
    const Unit bare = UnitAt(i + 1);
    if (bare != kNoUnit) {
      // "the past week"; not "in past years", nor "the last day".
      if (!Word(i, "past") || t_[i + 1].s.back() == 's') return false;
      a.unit = bare;
      a.value = 1;
      a.end = i + 2;
    } else if (!AmountAt(i + 1, &a) || a.value == 0 || a.modified) {
      return false;
    }
    if (Word(a.end, "of")) return false;  // "the last two days of the talks
    f->take_the = true;
    f->last = a.end;
    Window(f, a);
    return true;
  }

  // "three days ago", "about two weeks ago", "a year ago".
  bool Ago(size_t i, Found* f) const {
    Amount a;
    if (!AmountAt(i, &a) || a.value == 0 || !Word(a.end, "ago")) return false;
    f->last = a.end + 1;
    const auto n = static_cast<int64_t>(a.value + 0.5);
    switch (a.unit) {
      case kMinute:
      case kHour:
      case kDay: {
        SetRelative(f, v1::TimeExpression::DAY);
        if (!pub_) return true;
        const int64_t days = a.unit == kDay ? n
                             : a.unit == kHour
                                 ? static_cast<int64_t>(a.value / 24)
                                 : 0;
        Resolve(f, *pub_ - days, *pub_ - days);
        return true;
      }
      case kWeek: {
        SetRelative(f, v1::TimeExpression::WEEK);
        if (!pub_) return true;
        const CivilDay mon = Monday(*pub_ - 7 * n);
        Resolve(f, mon, mon + 6);
        return true;
      }
      case kMonth: {
        SetRelative(f, v1::TimeExpression::MONTH);
        if (!pub_) return true;
        const CivilMonth m = CivilMonth(*pub_) - n;
        Resolve(f, CivilDay(m), LastDayOf(m));
        return true;
      }
      case kYear:
      case kDecade: {
        SetRelative(f, v1::TimeExpression::YEAR);
        if (!pub_) return true;
        const int64_t y = pub_->year() - (a.unit == kDecade ? 10 * n : n);
        Resolve(f, CivilDay(y, 1, 1), CivilDay(y, 12, 31));
        return true;
      }
      case kNoUnit:
        break;
    }
    return false;
  }

  // "nearly two weeks", "48 hours", "a three-day": a length of time.
  bool Duration(size_t i, Found* f) const {
    Amount a;
    if (!AmountAt(i, &a)) return false;
    if (a.article && !a.modified) return false;  // "twice a day", "a year"
    if (Word(a.end, "ago")) return false;        // "a few days ago"
    f->last = a.end;
    f->granularity = v1::TimeExpression::DURATION;
    f->relative = false;
    f->resolved = false;
    return true;
  }

  // early/mid/late + weekday, month, year or decade.
  bool Modified(size_t i, Found* f) const {
    size_t j;
    const int mod = ModAt(i, &j);
    if (mod == 0) return false;
    if ((mod != 2 && WeekdayExpr(j, 0, mod, f)) || MonthAlone(j, mod, f) ||
        YearExpr(j, mod, f) || Decade(j, mod, f)) {
      f->first = i;
      return true;
    }
    return false;
  }

  // A weekday at i ("Sunday", "Monday evening", "Sunday, Oct. 19").
  // dir: 0 the latest on or before publication, -1 the latest before it,
  // +1 the first after it. mod: 1 early / 3 late, already consumed before i.
  bool WeekdayExpr(size_t i, int dir, int mod, Found* f) const {
    const int w = WeekdayAt(i);
    if (w < 0) return false;
    // "the Sunday Times": a name, not a day.
    if (dir == 0 && mod == 0 && i > 0 && Word(i - 1, "the") &&
        Capitalized(i + 1) && WeekdayAt(i + 1) < 0) {
      size_t unused;
      bool weak;
      if (MonthAt(i + 1, &unused, &weak) == 0) return false;
    }
    size_t j = SkipTimeOfDay(i + 1);
    // "Sunday, Oct. 19": the date decides.
    if (dir == 0) {
      Found date;
      const size_t k = Punct(j, ',') ? j + 1 : j;
      date.first = k;
      if (DateAt(k, &date) && date.granularity == v1::TimeExpression::DAY) {
        *f = date;
        f->first = i;
        return true;
      }
    }
    f->first = i;
    f->last = j;
    SetRelative(f, v1::TimeExpression::DAY);
    if (!pub_) return true;
    const absl::Weekday wd = kWeekdayEnum[w];
    CivilDay d;
    if (dir == 0) {
      d = absl::PrevWeekday(*pub_ + 1, wd);
    } else if (dir < 0) {
      d = absl::PrevWeekday(*pub_, wd);
    } else {
      d = absl::NextWeekday(*pub_, wd);
    }
    Resolve(f, d, d);
    return true;
  }

  // Calendar dates at i: "2025-10-29", "Oct. 19", "October 11-12, 2025",
  // "Oct. 30-Nov. 2", "19 October 2025", "11-12 October", "October 2025".
  bool DateAt(size_t i, Found* f) const {
    if (IsoAt(i, f)) return true;
    size_t j;
    bool weak;
    const int m = MonthAt(i, &j, &weak);
    if (m != 0) {
      size_t k;
      const int d = DayAt(j, &k);
      if (d != 0) {
        int m2 = m, d2 = d;
        size_t s;
        if (RangeSepAt(k, &s)) {
          size_t k2;
          bool weak2;
          const int mm = MonthAt(s, &k2, &weak2);
          size_t k3;
          if (mm != 0 && (d2 = DayAt(k2, &k3)) != 0) {
            m2 = mm;
            k = k3;
          } else if ((d2 = DayAt(s, &k3)) > d) {
            k = k3;
          } else {
            d2 = d;
          }
        }
        return FinishDate(i, m, d, m2, d2, k, f);
      }
      // "October 2025", "October of 2025".
      size_t y_at = Punct(j, ',') || Word(j, "of") ? j + 1 : j;
      const int y = YearAt(y_at, 1000, 2999);
      if (y != 0) {
        f->first = i;
        f->last = y_at + 1;
        const CivilMonth cm(y, m);
        SetAbsolute(f, CivilDay(cm), LastDayOf(cm), v1::TimeExpression::MONTH);
        return true;
      }
      return false;
    }
    // Day first: "19 October", "11-12 October 2025".
    size_t k;
    const int d = DayAt(i, &k);
    if (d == 0) return false;
    int d2 = d;
    size_t s, k2;
    if (RangeSepAt(k, &s)) {
      d2 = DayAt(s, &k2);
      if (d2 <= d) return false;
      k = k2;
    }
    const int mm = MonthAt(k, &j, &weak);
    if (mm == 0) return false;
    return FinishDate(i, mm, d, mm, d2, j, f);
  }

  // "2025-10-29".
  bool IsoAt(size_t i, Found* f) const {
    if (i + 4 >= t_.size() || t_[i].s.size() != 4 || t_[i + 2].s.size() != 2 ||
        t_[i + 4].s.size() != 2 || !Touch(i) || !Punct(i + 1, '-') ||
        !Touch(i + 1) || !Touch(i + 2) || !Punct(i + 3, '-') || !Touch(i + 3)) {
      return false;
    }
    const int y = Number(i, 4), m = Number(i + 2, 2), d = Number(i + 4, 2);
    if (y < 1000 || m < 0 || d < 0 || !ValidDay(y, m, d)) return false;
    f->first = i;
    f->last = i + 5;
    SetAbsolute(f, CivilDay(y, m, d), CivilDay(y, m, d),
                v1::TimeExpression::DAY);
    return true;
  }

  // Month/day (to month2/day2), then an optional year at k.
  bool FinishDate(size_t i, int m, int d, int m2, int d2, size_t k,
                  Found* f) const {
    if (d > 31 || d2 > 31 || (m == 2 && d > 29) || (m2 == 2 && d2 > 29)) {
      return false;
    }
    size_t y_at = Punct(k, ',') ? k + 1 : k;
    const int y = YearAt(y_at, 1000, 2999);
    f->first = i;
    if (y != 0) {
      const int64_t y2 = m2 < m ? y + 1 : y;
      if (!ValidDay(y, m, d) || !ValidDay(y2, m2, d2)) return false;
      f->last = y_at + 1;
      SetAbsolute(f, CivilDay(y, m, d), CivilDay(y2, m2, d2),
                  v1::TimeExpression::DAY);
      return true;
    }
    if (d > DaysInMonth(2024, m) || d2 > DaysInMonth(2024, m2)) return false;
    f->last = k;
    SetRelative(f, v1::TimeExpression::DAY);
    if (!pub_) return true;
    const absl::optional<CivilDay> start = InferDay(m, d);
    if (!start) return false;
    const int64_t y2 = m2 < m ? start->year() + 1 : start->year();
    if (!ValidDay(y2, m2, d2)) return false;
    Resolve(f, *start, CivilDay(y2, m2, d2));
    return true;
  }

  // A month without a day or year at i: "in October", "mid-October",
  // "last August". how: 0 the latest at most a month after publication,
  // 1/2/3 the same narrowed to early/mid/late, 4 this (the publication
  // year's), 5 last (the latest before the publication month), 6 next (the
  // first after it).
  bool MonthAlone(size_t i, int how, Found* f) const {
    size_t j;
    bool weak;
    const int m = MonthAt(i, &j, &weak);
    if (m == 0) return false;
    // A month-year or a date wins: "early October 2025", "last Oct. 19" is
    // left to DateAt().
    Found date;
    if (DateAt(i, &date)) {
      if (date.granularity != v1::TimeExpression::MONTH || how > 3) {
        return false;
      }
      *f = date;
      if (how >= 1 && how <= 3) {
        CivilDay s, e;
        MonthPart(CivilMonth(date.start), how, &s, &e);
        f->start = s;
        f->end = e;
      }
      return true;
    }
    if (j > i + 1) return false;  // "Oct." alone
    const bool cued = how != 0 || PrevIsCue(i);
    if (!cued && (weak || Capitalized(j))) return false;  // "April Smith"
    f->first = i;
    f->last = j;
    SetRelative(f, v1::TimeExpression::MONTH);
    if (!pub_) return true;
    const CivilMonth pm(*pub_);
    CivilMonth cm;
    if (how == 4) {
      cm = CivilMonth(pub_->year(), m);
    } else if (how == 5) {
      cm = CivilMonth(pub_->year(), m);
      if (cm >= pm) cm -= 12;
    } else if (how == 6) {
      cm = CivilMonth(pub_->year(), m);
      if (cm <= pm) cm += 12;
    } else {
      cm = InferMonth(m);
    }
    CivilDay s, e;
    MonthPart(cm, how <= 3 ? how : 0, &s, &e);
    Resolve(f, s, e);
    return true;
  }

  // A year after a cue: "in 2021", "early 2021", "from 2019 to 2021",
  // "2019-21". mod narrows one year to Jan-Apr, May-Aug or Sep-Dec.
  bool YearExpr(size_t i, int mod, Found* f) const {
    const int y = YearAt(i, 1900, 2099);
    if (y == 0 || (mod == 0 && !PrevIsCue(i))) return false;
    // "2025-10-29" is a date.
    if (Touch(i) && Punct(i + 1, '-') && Touch(i + 1) &&
        Number(i + 2, 2) >= 0 && Touch(i + 2) && Punct(i + 3, '-')) {
      return false;
    }
    f->first = i;
    f->last = i + 1;
    int y2 = y;
    size_t s = 0;
    const bool between_and =
        Word(i + 1, "and") && i > 0 && Word(i - 1, "between");
    if (between_and) s = i + 2;
    if (mod == 0 && (between_and || RangeSepAt(i + 1, &s)) && s < t_.size()) {
      int z = YearAt(s, 1900, 2099);
      // "2019-21".
      if (z == 0 && Punct(i + 1, '-') && t_[s].s.size() == 2 &&
          Number(s, 2) >= 0) {
        z = y / 100 * 100 + Number(s, 2);
      }
      if (z > y) {
        y2 = z;
        f->last = s + 1;
      }
    }
    CivilDay start(y, 1, 1), end(y2, 12, 31);
    if (mod == 1) end = CivilDay(y, 4, 30);
    if (mod == 2) {
      start = CivilDay(y, 5, 1);
      end = CivilDay(y, 8, 31);
    }
    if (mod == 3) start = CivilDay(y, 9, 1);
    SetAbsolute(f, start, end, v1::TimeExpression::YEAR);
    return true;
  }

  // "the 1990s", "mid-1990s", "the '90s". mod: early 0-3, mid 4-6, late 7-9.
  bool Decade(size_t i, int mod, Found* f) const {
    int y = 0;
    size_t last = 0;
    if (t_.size() > i + 1 && t_[i].s.size() == 4 && Touch(i) &&
        Word(i + 1, "s")) {
      y = Number(i, 4);
      last = i + 2;
    } else if (Punct(i, '\'') && Touch(i) && Number(i + 1, 2) >= 0 &&
               t_[i + 1].s.size() == 2 && Touch(i + 1) && Word(i + 2, "s")) {
      y = Number(i + 1, 2);
      y += y >= 30 ? 1900 : 2000;
      last = i + 3;
    }
    if (y < 1000 || y % 10 != 0 ||
        (last < t_.size() && Touch(last - 1) &&
         t_[last].kind != Kind::kPunct)) {
      return false;
    }
    f->first = i;
    f->last = last;
    f->take_the = true;
    int from = 0, to = 9;
    if (mod == 1) to = 3;
    if (mod == 2) {
      from = 4;
      to = 6;
    }
    if (mod == 3) from = 7;
    SetAbsolute(f, CivilDay(y + from, 1, 1), CivilDay(y + to, 12, 31),
                v1::TimeExpression::DECADE);
    return true;
  }

  const std::vector<Token>& t_;
  const absl::optional<CivilDay> pub_;
  std::vector<int8_t> word_value_;  // value of a number word token, else 0
};

}  // namespace

absl::optional<absl::CivilDay> ParsePublishedDay(absl::string_view published) {
  published = absl::StripAsciiWhitespace(published);
  if (published.size() < 10 || (published.size() > 10 && published[10] != 'T' &&
                                published[10] != 't' && published[10] != ' ')) {
    return absl::nullopt;
  }
  int fields[3] = {0, 0, 0};
  const size_t starts[3] = {0, 5, 8};
  const size_t lengths[3] = {4, 2, 2};
  if (published[4] != '-' || published[7] != '-') return absl::nullopt;
  for (int k = 0; k < 3; ++k) {
    for (size_t p = starts[k]; p < starts[k] + lengths[k]; ++p) {
      const char c = published[p];
      if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) {
        return absl::nullopt;
      }
      fields[k] = fields[k] * 10 + (c - '0');
    }
  }
  if (!ValidDay(fields[0], fields[1], fields[2])) return absl::nullopt;
  return absl::CivilDay(fields[0], fields[1], fields[2]);
}

std::vector<v1::TimeExpression> TimeExtractor::Extract(
    const NormalizedText& text, const SentenceRange& sentence,
    absl::optional<absl::CivilDay> published) const {
  std::vector<v1::TimeExpression> out;
  const size_t end =
      sentence.end < text.text.size() ? sentence.end : text.text.size();
  if (sentence.begin >= end) return out;
  std::string lower;
  const std::vector<Token> tokens =
      Tokenize(text.text, sentence.begin, end, &lower);
  const Scanner scanner(tokens, published);
  size_t floor = 0;
  Found f;
  for (size_t i = 0; i < tokens.size();) {
    if (!scanner.MatchAt(i, floor, &f) || f.last <= i) {
      ++i;
      continue;
    }
    const uint32_t nb = tokens[f.first].begin;
    const uint32_t ne = tokens[f.last - 1].end;
    uint32_t ob, oe;
    text.ToOriginal(nb, ne, &ob, &oe);
    v1::TimeExpression e;
    e.mutable_span()->set_begin(ob);
    e.mutable_span()->set_end(oe);
    e.set_text(text.text.substr(nb, ne - nb));
    if (f.resolved) {
      e.set_start(absl::FormatCivilTime(f.start));
      e.set_end(absl::FormatCivilTime(f.end));
    }
    e.set_granularity(f.granularity);
    e.set_relative(f.relative);
    out.push_back(std::move(e));
    i = f.last;
    floor = f.last;
  }
  return out;
}

}  // namespace factdiff
