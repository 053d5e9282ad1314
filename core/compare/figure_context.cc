#include "core/compare/figure_context.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_join.h"
#include "core/compare/attributed_source.h"
#include "core/compare/finding_util.h"

namespace factdiff {
namespace compare_internal {
namespace {

// A word or a punctuation mark of a sentence; `low` is lower-cased, with
// the curly apostrophe folded to "'".
struct Word {
  size_t begin = 0;
  size_t end = 0;
  std::string low;
  bool upper = false;
  bool punct = false;
};

// Bytes E2 80 xx: U+2018/2019 are apostrophes (part of a word), the
// other punctuation of that block (dashes, curly double quotes) is not.
bool IsApostrophe3(absl::string_view t, size_t i) {
  return i + 2 < t.size() && static_cast<unsigned char>(t[i]) == 0xE2 &&
         static_cast<unsigned char>(t[i + 1]) == 0x80 &&
         (static_cast<unsigned char>(t[i + 2]) == 0x99 ||
          static_cast<unsigned char>(t[i + 2]) == 0x98);
}
bool IsPunct3(absl::string_view t, size_t i) {
  return i + 2 < t.size() && static_cast<unsigned char>(t[i]) == 0xE2 &&
         static_cast<unsigned char>(t[i + 1]) == 0x80 && !IsApostrophe3(t, i);
}

std::vector<Word> Words(absl::string_view t) {
  std::vector<Word> out;
  size_t i = 0;
  while (i < t.size()) {
    const unsigned char c = t[i];
    if (c == ' ' || c == '\n' || c == '\t') {
      ++i;
      continue;
    }
    if (IsPunct3(t, i)) {
      out.push_back({i, i + 3, std::string(t.substr(i, 3)), false, true});
      i += 3;
      continue;
    }
    const bool word_char = absl::ascii_isalnum(c) || c >= 0x80 || c == '\'';
    if (!word_char) {
      out.push_back({i, i + 1, std::string(1, c), false, true});
      ++i;
      continue;
    }
    Word w;
    w.begin = i;
    w.upper = absl::ascii_isupper(c);
    while (i < t.size()) {
      const unsigned char d = t[i];
      if (IsApostrophe3(t, i)) {
        w.low.push_back('\'');
        i += 3;
        continue;
      }
      if (IsPunct3(t, i)) break;
      const bool inner_hyphen = d == '-' && i + 1 < t.size() &&
                                absl::ascii_isalnum(t[i + 1]) && !w.low.empty();
      if (!(absl::ascii_isalnum(d) || d >= 0x80 || d == '\'' || inner_hyphen)) {
        break;
      }
      w.low.push_back(absl::ascii_tolower(d));
      ++i;
    }
    w.end = i;
    out.push_back(std::move(w));
  }
  return out;
}

template <size_t N>
bool In(absl::string_view w, const absl::string_view (&list)[N]) {
  return std::find(std::begin(list), std::end(list), w) != std::end(list);
}

// Bound words that may stand between a verb and its figure.
constexpr absl::string_view kBoundWords[] = {
    "about", "around", "at", "least", "more", "than", "nearly", "almost",
    "some", "roughly", "approximately", "over", "up", "to", "just", "only",
    "an", "a", "estimated", "close", "fewer", "less", "under", "as", "many",
    "no", "well", "some"};

// Verbs whose subject holds what the figure after them counts.
constexpr absl::string_view kHoldVerbs[] = {
    "won",      "win",      "wins",      "winning",   "secured",  "secure",
    "secures",  "gained",   "gains",     "took",      "takes",    "captured",
    "holds",    "hold",     "held",      "has",       "have",     "had",
    "owns",     "owned",    "controls",  "controlled", "received", "receives",
    "got",      "gets",     "employs",   "employed",  "cut",      "cuts",
    "shed",     "sheds",    "axed",      "slashed",   "eliminated", "lost",
    "loses",    "reported", "reports",   "posted",    "posts",    "booked",
    "books",    "earned",   "earns",     "made",      "makes",    "generated",
    "generates", "recorded", "records",  "tallied"};

// Verbs whose indirect object receives the figure: "gave the party 64".
constexpr absl::string_view kGiveVerbs[] = {
    "gave",    "give",   "gives",    "giving",    "awarded", "awards",
    "award",   "allotted", "allocated", "handed", "hands",   "credited",
    "credits", "handing"};

constexpr absl::string_view kAuxWords[] = {
    "had", "has", "have", "would", "will", "could", "can", "may", "might",
    "also", "already", "reportedly", "then", "just", "is", "was", "were",
    "are", "been", "be", "to", "not", "only", "now", "so", "far"};

// Words that end a noun phrase read leftwards.
constexpr absl::string_view kPhraseStops[] = {
    "said",  "says",  "say",    "told",   "that",  "and",    "but",
    "when",  "after", "before", "while",  "as",    "because", "if",
    "according", "than", "whereas", "although", "saying", "claimed",
    "reported", "estimated", "added", "stated", "announced", "where"};

constexpr absl::string_view kPronouns[] = {"it",  "its",   "they", "their",
                                           "he",  "she",   "his",  "her",
                                           "we",  "our",   "them", "itself"};

constexpr absl::string_view kDeterminers[] = {
    "the", "a", "an", "this", "that", "these", "those", "its", "their",
    "his", "her", "our", "it", "they", "he", "she", "we"};

constexpr absl::string_view kReportingCues[] = {
    "said", "says", "say", "told", "tells", "according", "saying",
    "estimated", "estimates", "claimed", "claims", "stated", "added"};

bool Possessive(const std::string& w) {
  return (w.size() > 2 && absl::EndsWith(w, "'s")) ||
         (w.size() > 2 && absl::EndsWith(w, "s'"));
}

std::string StripPossessive(absl::string_view w) {
  if (absl::EndsWith(w, "\xE2\x80\x99s")) w.remove_suffix(4);
  if (absl::EndsWith(w, "'s")) w.remove_suffix(2);
  if (absl::EndsWith(w, "s'")) w.remove_suffix(1);
  return std::string(w);
}

// Whether a phrase names someone: a capitalized word that is not an
// article or a pronoun, and a distinctive word.
bool Named(const std::vector<Word>& w, size_t from, size_t to,
           absl::string_view text) {
  bool capital = false;
  for (size_t k = from; k < to; ++k) {
    if (w[k].upper && !In(w[k].low, kDeterminers)) capital = true;
  }
  if (!capital || to <= from) return false;
  return !ActorKey(text.substr(w[from].begin, w[to - 1].end - w[from].begin))
              .empty();
}

// The [begin, end) byte range of the clause of `sentence` holding `at`.
std::pair<size_t, size_t> ClauseAt(absl::string_view sentence, size_t at) {
  for (const auto& [b, e] : SplitClauses(sentence)) {
    if (at >= b && at < e) return {b, e};
  }
  return {0, sentence.size()};
}

bool SpanInside(const v1::Span& outer, const v1::Span& inner) {
  return outer.end() > outer.begin() && outer.begin() <= inner.begin() &&
         inner.end() <= outer.end();
}

// The figure's offset in its statement, or npos when outside it.
size_t RelativeBegin(const v1::Statement& s, const v1::Quantity& q) {
  if (q.span().begin() < s.span().begin() ||
      q.span().begin() - s.span().begin() > s.text().size()) {
    return std::string::npos;
  }
  return q.span().begin() - s.span().begin();
}

}  // namespace

std::string FigureHolder(const v1::Statement& s, const v1::Quantity& q) {
  const size_t rel = RelativeBegin(s, q);
  if (rel == std::string::npos) return "";
  const absl::string_view text = s.text();
  size_t start = ClauseAt(text, rel).first;
  const v1::Attribution* a = CoveringAttribution(s, q.span());
  if (a != nullptr && SpanInside(a->content(), q.span()) &&
      a->content().begin() >= s.span().begin()) {
    start = std::max<size_t>(start, a->content().begin() - s.span().begin());
  }
  if (start > rel) return "";
  const absl::string_view prefix = text.substr(start, rel - start);
  const std::vector<Word> w = Words(prefix);
  const size_t n = w.size();

  // A pronoun or a description stands for the named source that says it.
  auto resolve = [&](size_t from, size_t to) -> std::string {
    if (to > from && Named(w, from, to, prefix)) {
      std::string phrase(
          prefix.substr(w[from].begin, w[to - 1].end - w[from].begin));
      size_t skip = 0;
      while (from + skip < to && In(w[from + skip].low, kDeterminers)) ++skip;
      if (skip > 0 && from + skip < to) {
        phrase = std::string(prefix.substr(
            w[from + skip].begin, w[to - 1].end - w[from + skip].begin));
      }
      return StripPossessive(phrase);
    }
    // Only a pronoun or a lower-case description ("the party") refers back.
    bool refers = to == from + 1 && In(w[from].low, kPronouns);
    if (to > from && In(w[from].low, kDeterminers)) {
      refers = true;
      for (size_t x = from + 1; x < to; ++x) refers = refers && !w[x].upper;
    }
    if (!refers || a == nullptr || a->source().empty()) return "";
    const std::vector<Word> sw = Words(a->source());
    // The source as written may carry an appositive ("X, which runs Y"):
    // its first segment names it.
    size_t cut = 0;
    while (cut < sw.size() && !sw[cut].punct) ++cut;
    if (!Named(sw, 0, cut, a->source())) return "";
    return std::string(
        absl::string_view(a->source()).substr(0, cut == sw.size()
                                                     ? a->source().size()
                                                     : sw[cut].begin));
  };

  // Possessive shortly before the figure: "the Civic Union's 71 seats".
  for (size_t k = n; k-- > 0 && k + 6 >= n;) {
    if (w[k].punct || In(w[k].low, kReportingCues)) break;
    if (Possessive(w[k].low)) {
      size_t from = k;
      while (from > 0 && !w[from - 1].punct && w[from - 1].upper) --from;
      if (from == k && !w[k].upper) break;  // "its", "their"
      return resolve(from, k + 1);
    }
  }

  size_t k = n;  // one past the last word before the figure and its bound
  while (k > 0 && !w[k - 1].punct && In(w[k - 1].low, kBoundWords)) --k;
  if (k == 0) return "";

  // Recipient: "gave the party 64 seats".
  for (size_t j = k; j-- > 0 && j + 5 >= k;) {
    if (w[j].punct) break;
    if (In(w[j].low, kGiveVerbs)) {
      if (j + 1 < k) return resolve(j + 1, k);
      break;
    }
  }

  // The verb of having: right before the figure, or before its object
  // ("booked revenue of 4.12 billion").
  size_t verb = std::string::npos;
  if (In(w[k - 1].low, kHoldVerbs)) {
    verb = k - 1;
  } else if (w[k - 1].low == "of") {
    for (size_t j = k - 1; j-- > 0 && j + 6 >= k;) {
      if (w[j].punct) break;
      if (In(w[j].low, kHoldVerbs)) {
        verb = j;
        break;
      }
    }
  }
  if (verb == std::string::npos) return "";
  size_t p = verb;  // one past the subject
  while (p > 0 && !w[p - 1].punct && In(w[p - 1].low, kAuxWords)) --p;
  if (p == 0) return "";
  // "The Green Alliance, which won 11 seats".
  if ((w[p - 1].low == "which" || w[p - 1].low == "who" ||
       w[p - 1].low == "that") &&
      p >= 2 && w[p - 2].low == ",") {
    p -= 2;
  } else if (w[p - 1].low == ",") {
    // "People's Renewal, the main opposition party ..., won 58 seats": the
    // subject is the clause's first segment.
    size_t first_comma = 0;
    while (first_comma < p - 1 && w[first_comma].low != ",") ++first_comma;
    if (first_comma == p - 1) return "";
    p = first_comma;
  }
  size_t from = p;
  while (from > 0 && p - from < 6 && !w[from - 1].punct &&
         !In(w[from - 1].low, kPhraseStops)) {
    --from;
  }
  if (from == p) return "";
  return resolve(from, p);
}

bool IsForecast(const v1::Statement& s, const v1::Quantity& q) {
  static constexpr absl::string_view kCues[] = {
      "expected",  "expect",    "expects",     "expecting", "forecast",
      "forecasts", "forecasted", "forecasting", "predicted", "predict",
      "predicts",  "predicting", "projected",  "projecting", "anticipated",
      "anticipate", "anticipates", "target",   "targets",   "targeted",
      "guidance",  "outlook",   "consensus",   "projection", "projections"};
  const size_t rel = RelativeBegin(s, q);
  if (rel == std::string::npos) return false;
  const absl::string_view text = s.text();
  const size_t start = ClauseAt(text, rel).first;
  if (start > rel) return false;
  for (const Word& w : Words(text.substr(start, rel - start))) {
    if (In(w.low, kCues)) return true;
  }
  return false;
}

std::set<std::string> ReportingPeriods(absl::string_view sentence) {
  std::set<std::string> out;
  const std::vector<Word> w = Words(sentence);
  static constexpr absl::string_view kOrdinals[] = {"first", "second", "third",
                                                    "fourth"};
  static constexpr absl::string_view kShort[] = {"1st", "2nd", "3rd", "4th"};
  for (size_t k = 0; k < w.size(); ++k) {
    if (w[k].punct) continue;
    const std::string& x = w[k].low;
    auto next_is = [&](absl::string_view word) {
      return k + 1 < w.size() && w[k + 1].low == word;
    };
    for (int o = 0; o < 4; ++o) {
      for (absl::string_view ord : {kOrdinals[o], kShort[o]}) {
        if ((x == ord && next_is("quarter")) ||
            x == absl::StrCat(ord, "-quarter")) {
          out.insert(absl::StrCat("q", o + 1));
        }
        if (o < 2 && ((x == ord && next_is("half")) ||
                      x == absl::StrCat(ord, "-half"))) {
          out.insert(absl::StrCat("h", o + 1));
        }
      }
    }
    if (x.size() == 2 && (x[0] == 'q' || x[0] == 'h') && x[1] >= '1' &&
        x[1] <= (x[0] == 'q' ? '4' : '2')) {
      out.insert(x);
    }
    if ((x == "full" || x == "whole" || x == "fiscal") && next_is("year")) {
      out.insert("fy");
    }
    if (x == "full-year") out.insert("fy");
  }
  return out;
}

std::vector<std::pair<int64_t, int64_t>> BareYears(const v1::Statement& s) {
  static constexpr absl::string_view kOpen[] = {
      "since", "until", "till", "through", "by", "before", "after",
      "from",  "to",    "between", "and", "than"};
  std::vector<std::pair<int64_t, int64_t>> out;
  const std::vector<Word> w = Words(s.text());
  for (size_t k = 0; k < w.size(); ++k) {
    const std::string& x = w[k].low;
    if (w[k].punct || x.size() != 4 || !absl::ascii_isdigit(x[0]) ||
        !absl::ascii_isdigit(x[1]) || !absl::ascii_isdigit(x[2]) ||
        !absl::ascii_isdigit(x[3])) {
      continue;
    }
    if (!(x[0] == '1' && x[1] == '9') && !(x[0] == '2' && x[1] == '0')) continue;
    if (k > 0 && In(w[k - 1].low, kOpen)) continue;
    const uint32_t begin = s.span().begin() + w[k].begin;
    const uint32_t end = s.span().begin() + w[k].end;
    bool covered = false;
    for (const v1::TimeExpression& t : s.times()) {
      covered = covered || (t.span().begin() < end && begin < t.span().end());
    }
    for (const v1::Quantity& q : s.quantities()) {
      covered = covered || (q.span().begin() < end && begin < q.span().end());
    }
    if (covered) continue;
    const auto first = DayNumber(absl::StrCat(x, "-01-01"));
    const auto last = DayNumber(absl::StrCat(x, "-12-31"));
    if (first && last) out.push_back({*first, *last});
  }
  return out;
}

bool IsAggregate(const v1::Statement& s, const v1::Quantity& q) {
  static constexpr absl::string_view kCues[] = {
      "through various", "in various",      "in a series of", "over the years",
      "over the past",   "over the last",   "so far this year", "to date",
      "in total",        "altogether",      "cumulative",     "in recent years",
      "since the start", "since the beginning"};
  const size_t rel = RelativeBegin(s, q);
  if (rel == std::string::npos) return false;
  const absl::string_view text = s.text();
  const auto [b, e] = ClauseAt(text, rel);
  const std::string clause = absl::AsciiStrToLower(text.substr(b, e - b));
  for (absl::string_view cue : kCues) {
    if (absl::StrContains(clause, cue)) return true;
  }
  return false;
}

bool IsAntecedent(const v1::Statement& s, const v1::Quantity& q) {
  const size_t rel = RelativeBegin(s, q);
  if (rel == std::string::npos) return false;
  const absl::string_view text = s.text();
  const size_t start = ClauseAt(text, rel).first;
  if (start > rel) return false;
  const std::vector<Word> w = Words(text.substr(start, rel - start));
  for (size_t k = w.size(), seen = 0; k-- > 0 && seen < 10; ++seen) {
    if (w[k].punct || In(w[k].low, kReportingCues)) return false;
    if (w[k].low == "after" || w[k].low == "before" || w[k].low == "since" ||
        w[k].low == "following") {
      return true;
    }
  }
  return false;
}

bool HasScopeCue(absl::string_view sentence) {
  static constexpr absl::string_view kCues[] = {
      "excluding",    "excludes",      "excluded",      "stripped of",
      "strip out",    "stripping out", "stripped out",  "not counting",
      "not including", "leaving out",  "left out",      "leaves out",
      "adjusted for", "one-off",       "one-time",      "exceptional items",
      "like-for-like", "underlying",   "on an adjusted basis"};
  const std::string lower = absl::AsciiStrToLower(sentence);
  for (absl::string_view cue : kCues) {
    if (absl::StrContains(lower, cue)) return true;
  }
  return false;
}

}  // namespace compare_internal
}  // namespace factdiff
