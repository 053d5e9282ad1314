#include "core/text/segment.h"

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/string_view.h"
#include "unicode/brkiter.h"
#include "unicode/locid.h"
#include "unicode/utext.h"
#include "unicode/utypes.h"

namespace factdiff {
namespace {

// Titles before a name: a '.' after one never ends a sentence.
constexpr absl::string_view kTitles[] = {
    "Mr",   "Mrs", "Ms",   "Mx",  "Messrs", "Mmes", "Dr",   "Prof",
    "Gen",  "Lt",  "Col",  "Maj", "Capt",   "Cmdr", "Cdr",  "Adm",
    "Brig", "Sgt", "Cpl",  "Pvt", "Gov",    "Sen",  "Rep",  "Reps",
    "Sens", "Rev", "Pres", "Hon", "Fr",     "Msgr", "Supt", "Insp",
    "Det",  "Amb", "Atty", "vs",  "v",
};

// Abbreviations that end a sentence before a number only when the number
// does not belong to them ("No. 3", "Oct. 19", "Art. 5", "pp. 12").
constexpr absl::string_view kBeforeNumber[] = {
    "No", "Nos", "no", "Art", "Vol", "Fig", "Sec", "Ch", "pp", "p",
};
constexpr absl::string_view kMonths[] = {
    "Jan", "Feb", "Mar",  "Apr", "Jun", "Jul",
    "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
};

// Abbreviations that may also end a sentence: they end one only when the
// next word is a common sentence opener (see kOpeners). Initialisms
// ("U.S.", "a.m.", "F.") are handled the same way.
constexpr absl::string_view kAbbreviations[] = {
    "Inc", "Corp",   "Ltd", "Co",   "Bros", "Plc",  "St",
    "Jr",  "Sr",     "etc", "Ave",  "Blvd", "Rd",   "Mt",
    "Ft",  "approx", "est", "Dept", "Univ", "Govt", "Assn",
};

// Words that commonly start a sentence in news text: after an abbreviation
// or initialism, one of them means a new sentence ("imposed by the U.S. The
// talks"), anything else means the same one ("the U.S. Army said").
constexpr absl::string_view kOpeners[] = {
    "The",     "A",         "An",      "He",          "She",       "It",
    "They",    "We",        "I",       "You",         "In",        "On",
    "At",      "But",       "And",     "This",        "That",      "These",
    "Those",   "There",     "His",     "Her",         "Its",       "Their",
    "Our",     "My",        "Some",    "Many",        "Most",      "Several",
    "None",    "All",       "Both",    "Each",        "Every",     "After",
    "Before",  "When",      "While",   "As",          "If",        "Although",
    "Though",  "Since",     "Because", "However",     "Meanwhile", "Still",
    "Yet",     "So",        "Then",    "Now",         "Later",     "Earlier",
    "Also",    "Last",      "Next",    "Such",        "Other",     "Another",
    "Among",   "Despite",   "During",  "For",         "From",      "With",
    "Without", "Under",     "Until",   "According",   "What",      "Why",
    "How",     "Who",       "Where",   "Which",       "Nor",       "Or",
    "Yes",     "Officials", "Police",  "Authorities",
};

// Lowercase words a heading does not end with; a line that ends with one
// was wrapped in the middle of a sentence.
constexpr absl::string_view kFunctionWords[] = {
    "the",    "a",       "an",      "of",     "in",        "on",     "at",
    "to",     "for",     "from",    "by",     "with",      "and",    "or",
    "but",    "as",      "that",    "which",  "who",       "whose",  "said",
    "says",   "was",     "were",    "is",     "are",       "be",     "been",
    "has",    "have",    "had",     "its",    "their",     "his",    "her",
    "our",    "than",    "into",    "about",  "after",     "before", "over",
    "under",  "between", "against", "during", "including", "per",    "not",
    "no",     "will",    "would",   "could",  "should",    "this",   "these",
    "those",  "some",    "more",    "least",  "most",      "nearly", "almost",
    "around",
};

// A heading or byline is at most this long.
constexpr size_t kMaxHeadingBytes = 70;
constexpr int kMaxHeadingWords = 12;

template <size_t N>
bool Contains(const absl::string_view (&list)[N], absl::string_view word) {
  for (absl::string_view w : list) {
    if (w == word) return true;
  }
  return false;
}

bool IsSpace(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' ||
         c == '\v';
}

bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return IsLower(c) || IsUpper(c); }

bool IsClosing(char c) { return c == '"' || c == '\'' || c == ')' || c == ']'; }
bool IsOpening(char c) { return c == '"' || c == '\'' || c == '(' || c == '['; }

// "U.S.", "a.m.", "T.T.P.", "Ph.D.", or a single capital initial "F.".
bool IsInitialism(absl::string_view token) {
  if (token.size() == 2 && IsUpper(token[0]) && token[1] == '.') return true;
  int pieces = 0;
  size_t i = 0;
  while (i < token.size()) {
    size_t letters = 0;
    while (i < token.size() && IsAlpha(token[i])) {
      ++i;
      ++letters;
    }
    if (letters == 0 || letters > 2 || i >= token.size() || token[i] != '.') {
      return false;
    }
    ++i;
    ++pieces;
  }
  return pieces >= 2;
}

// The letters of the word that starts at `pos`, after opening quotes and
// brackets.
absl::string_view WordAt(absl::string_view text, size_t pos) {
  while (pos < text.size() && IsOpening(text[pos])) ++pos;
  size_t end = pos;
  while (end < text.size() && IsAlpha(text[end])) ++end;
  return text.substr(pos, end - pos);
}

enum class Verdict { kDefault, kNoBreak, kBreak };

// Whether a sentence ends between `end` (just after the candidate's final
// punctuation and closing quotes) and `next` (the next word), overriding
// ICU where news text needs it.
Verdict Decide(absl::string_view text, size_t end, size_t next) {
  if (next >= text.size()) return Verdict::kDefault;
  size_t t = end;
  while (t > 0 && IsClosing(text[t - 1])) --t;
  if (t == 0) return Verdict::kDefault;
  const char term = text[t - 1];
  const char next_char = text[next];
  if (term == '?' || term == '!') {
    // "Where is he?" she asked.
    return IsLower(next_char) ? Verdict::kNoBreak : Verdict::kDefault;
  }
  if (term != '.' || t != end) return Verdict::kDefault;
  size_t s = t - 1;
  while (s > 0 && !IsSpace(text[s - 1])) --s;
  while (s < t - 1 && IsOpening(text[s])) ++s;
  const absl::string_view token = text.substr(s, t - s);  // with the '.'
  const absl::string_view core = token.substr(0, token.size() - 1);
  if (core.empty()) return Verdict::kDefault;
  const bool next_digit = IsDigit(next_char);
  const bool next_opener = Contains(kOpeners, WordAt(text, next));
  if (Contains(kTitles, core)) return Verdict::kNoBreak;
  if (Contains(kMonths, core)) {
    if (next_digit) return Verdict::kNoBreak;
    return next_opener ? Verdict::kBreak : Verdict::kDefault;
  }
  if (Contains(kBeforeNumber, core)) {
    return next_digit ? Verdict::kNoBreak : Verdict::kDefault;
  }
  if (IsInitialism(token) || Contains(kAbbreviations, core)) {
    return next_opener ? Verdict::kBreak : Verdict::kNoBreak;
  }
  // "... the police estimate. 6 people were detained": a sentence may start
  // with a figure after an ordinary word (ICU keeps them together because a
  // lower-case word follows the figure). Abbreviations before numbers
  // ("No. 6", "approx. 6") were handled above.
  if (next_digit && core.size() >= 3 &&
      std::all_of(core.begin(), core.end(), [](char c) { return IsLower(c); })) {
    return Verdict::kBreak;
  }
  return Verdict::kDefault;
}

// True if `line` (trimmed) ends with final punctuation, possibly followed
// by closing quotes or brackets.
bool EndsSentence(absl::string_view line) {
  size_t t = line.size();
  while (t > 0 && IsClosing(line[t - 1])) --t;
  if (t == 0) return false;
  const char c = line[t - 1];
  return c == '.' || c == '!' || c == '?' || c == ':' || c == ';';
}

// Whether `line` (trimmed, non-empty) stands alone as a heading or byline.
// `after_break` says it starts a block or follows a line that ended a
// sentence; `next` is the first character of the next line.
bool IsHeading(absl::string_view line, bool after_break, char next) {
  if (line[0] == '#') return true;  // Markdown heading
  if (!after_break || line.size() > kMaxHeadingBytes) return false;
  if (IsLower(next) || IsDigit(next)) return false;
  int words = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    if (!IsSpace(line[i]) && (i == 0 || IsSpace(line[i - 1]))) ++words;
  }
  if (words > kMaxHeadingWords) return false;
  size_t t = line.size();
  while (t > 0 && (line[t - 1] == '"' || line[t - 1] == '\'')) --t;
  if (t == 0) return false;
  const unsigned char last = line[t - 1];
  if (!(absl::ascii_isalnum(last) || last >= 0x80 || last == ')' ||
        last == ']' || last == '%')) {
    return false;
  }
  size_t w = t;
  while (w > 0 && !IsSpace(line[w - 1])) --w;
  return !Contains(kFunctionWords, line.substr(w, t - w));
}

absl::string_view Trim(absl::string_view s) {
  size_t b = 0;
  size_t e = s.size();
  while (b < e && IsSpace(s[b])) ++b;
  while (e > b && IsSpace(s[e - 1])) --e;
  return s.substr(b, e - b);
}

// Length in characters (not bytes) of a UTF-8 string.
size_t CharCount(absl::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// A single line break: the line before it, and where the next line starts.
struct LineBreak {
  size_t newline;          // offset of the '\n'
  absl::string_view line;  // the line before, trimmed
  size_t next;             // first non-space byte after the break
  bool blank;              // a blank line follows (or the text ends)
};

// The width a hard-wrapped text was wrapped at, or 0 when the text does not
// look hard-wrapped: at least kMinWrappedLines lines run on into the next
// line, and most of them are about as long as the longest of them.
constexpr size_t kMinWrappedLines = 5;
size_t WrapWidth(const std::vector<LineBreak>& breaks) {
  std::vector<size_t> lengths;
  for (const LineBreak& b : breaks) {
    if (!b.blank && !b.line.empty()) lengths.push_back(CharCount(b.line));
  }
  if (lengths.size() < kMinWrappedLines) return 0;
  std::sort(lengths.begin(), lengths.end());
  // The 90th percentile, so that a few unwrapped long lines do not count.
  const size_t width = lengths[(lengths.size() - 1) * 9 / 10];
  size_t near_width = 0;
  for (size_t len : lengths) {
    if (len <= width && len + 25 >= width) ++near_width;
  }
  return 2 * near_width >= lengths.size() ? width : 0;
}

// Copies `text`, turning each line break that does not end a sentence (a
// single '\n' in a hard-wrapped paragraph) into a space, so that the break
// iterator reads the paragraph as running text.
std::string JoinWrappedLines(absl::string_view text) {
  std::vector<LineBreak> breaks;
  size_t line_start = 0;
  while (true) {
    const size_t p = text.find('\n', line_start);
    if (p == absl::string_view::npos) break;
    size_t q = p;
    int newlines = 0;
    while (q < text.size() && IsSpace(text[q])) {
      if (text[q] == '\n') ++newlines;
      ++q;
    }
    breaks.push_back({p, Trim(text.substr(line_start, p - line_start)), q,
                      newlines >= 2 || q == text.size()});
    line_start = q;
  }
  std::string work(text);
  if (breaks.empty()) return work;
  const size_t width = WrapWidth(breaks);
  bool after_break = true;
  for (const LineBreak& b : breaks) {
    if (b.blank || b.line.empty()) {
      after_break = true;
      continue;
    }
    bool heading = IsHeading(b.line, after_break, text[b.next]);
    if (heading && width > 0) {
      // In a hard-wrapped text, a line that was full (the next word would
      // not have fit) runs on into the next one.
      size_t next_word = 0;
      for (size_t i = b.next; i < text.size() && !IsSpace(text[i]); ++i) {
        next_word += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
      }
      const size_t len = CharCount(b.line);
      if (len <= width + 2 && len + 1 + next_word > width) heading = false;
    }
    if (heading) {
      after_break = true;
    } else {
      work[b.newline] = ' ';
      after_break = EndsSentence(b.line);
    }
  }
  return work;
}

// ICU's English sentence iterator with break suppression after common
// abbreviations; one per thread, since a BreakIterator is not thread-safe.
icu::BreakIterator* SentenceIterator() {
  thread_local std::unique_ptr<icu::BreakIterator> iterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> bi(
        icu::BreakIterator::createSentenceInstance(
            icu::Locale("en_US@ss=standard"), status));
    if (U_FAILURE(status)) bi.reset();
    return bi;
  }();
  return iterator.get();
}

// Marks in *is_break the starts of sentences by ICU's rules, or, when ICU
// is unavailable, after final punctuation and closing quotes followed by
// whitespace.
void IcuBreaks(const std::string& work, std::vector<bool>* is_break) {
  icu::BreakIterator* bi = SentenceIterator();
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = nullptr;
  if (bi != nullptr) {
    ut = utext_openUTF8(nullptr, work.data(), static_cast<int64_t>(work.size()),
                        &status);
  }
  if (bi != nullptr && U_SUCCESS(status)) {
    bi->setText(ut, status);
  }
  if (bi != nullptr && U_SUCCESS(status)) {
    for (int32_t b = bi->first(); b != icu::BreakIterator::DONE;
         b = bi->next()) {
      (*is_break)[b] = true;
    }
  } else {
    for (size_t i = 0; i < work.size(); ++i) {
      const char c = work[i];
      if (c == '\n') {
        (*is_break)[i + 1] = true;
        continue;
      }
      if (c != '.' && c != '!' && c != '?') continue;
      size_t j = i + 1;
      while (j < work.size() && IsClosing(work[j])) ++j;
      if (j < work.size() && IsSpace(work[j])) {
        while (j < work.size() && IsSpace(work[j])) ++j;
        (*is_break)[j] = true;
      }
    }
  }
  if (ut != nullptr) utext_close(ut);
}

}  // namespace

std::vector<SentenceRange> SplitSentences(absl::string_view text) {
  std::vector<SentenceRange> sentences;
  const size_t n = text.size();
  if (n == 0) return sentences;
  const std::string work = JoinWrappedLines(text);
  std::vector<bool> is_break(n + 1, false);
  IcuBreaks(work, &is_break);

  // Repair ICU's breaks: drop those after abbreviations, keep every break at
  // a kept line break.
  for (size_t b = 1; b < n; ++b) {
    if (!is_break[b]) continue;
    size_t e = b;
    bool hard = false;
    while (e > 0 && IsSpace(work[e - 1])) {
      if (work[e - 1] == '\n') hard = true;
      --e;
    }
    if (hard) continue;
    size_t next = b;
    while (next < n && IsSpace(work[next])) ++next;
    if (Decide(work, e, next) == Verdict::kNoBreak) is_break[b] = false;
  }
  // Add the breaks ICU suppressed after an abbreviation or initialism that
  // ends a sentence.
  for (size_t i = 0; i + 1 < n; ++i) {
    if (work[i] != '.' || work[i + 1] != ' ') continue;
    size_t next = i + 1;
    while (next < n && work[next] == ' ') ++next;
    if (next >= n || is_break[next] || IsSpace(work[next])) continue;
    if (Decide(work, i + 1, next) == Verdict::kBreak) is_break[next] = true;
  }

  size_t begin = 0;
  for (size_t b = 1; b <= n; ++b) {
    if (!is_break[b] && b != n) continue;
    size_t s = begin;
    size_t e = b;
    while (s < e && IsSpace(text[s])) ++s;
    while (e > s && IsSpace(text[e - 1])) --e;
    if (s < e) {
      sentences.push_back({static_cast<uint32_t>(s), static_cast<uint32_t>(e)});
    }
    begin = b;
  }
  return sentences;
}

}  // namespace factdiff
