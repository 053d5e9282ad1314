// Property tests for the extractors on random input: random bytes, random
// valid UTF-8, and news-like sentences built from a word list and mutated.
// Seeds are fixed, so a failure reproduces; the failing input is printed.
//
// Invariants checked for every quantity and time expression:
//  - Extract() returns (no crash, no hang);
//  - every span lies in the original text, begin <= end, and on valid
//    UTF-8 input starts and ends on character boundaries;
//  - quantities: low <= high, all numbers finite, text not empty;
//  - time expressions: start <= end when resolved, both set or both empty.
#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "core/quantity/quantity_extractor.h"
#include "core/text/normalize.h"
#include "core/text/segment.h"
#include "core/time/time_extractor.h"
#include "gtest/gtest.h"
#include "proto/extraction.pb.h"

namespace factdiff {
namespace {

std::string Escaped(absl::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (c >= 0x20 && c < 0x7F && c != '\\') {
      out.push_back(static_cast<char>(c));
    } else {
      absl::StrAppend(&out, "\\x", absl::Hex(c, absl::kZeroPad2));
    }
  }
  return out;
}

bool IsBoundary(absl::string_view text, uint32_t offset) {
  return offset == text.size() ||
         (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80;
}

// Checks a span; returns a description of what is wrong, or "".
std::string SpanProblem(absl::string_view text, const v1::Span& span,
                        bool valid_utf8) {
  if (span.begin() > span.end()) return "begin > end";
  if (span.end() > text.size()) return "end past the text";
  if (valid_utf8 &&
      (!IsBoundary(text, span.begin()) || !IsBoundary(text, span.end()))) {
    return "not on a UTF-8 boundary";
  }
  return "";
}

// Runs both extractors over `text` and checks every invariant. Returns the
// number of items found (so callers can check the generator exercises them).
size_t CheckInvariants(const std::string& text, bool valid_utf8) {
  static const QuantityExtractor* const quantities = new QuantityExtractor();
  static const TimeExtractor* const times = new TimeExtractor();
  const absl::optional<absl::CivilDay> published = absl::CivilDay(2025, 10, 29);
  SCOPED_TRACE(Escaped(text));
  const NormalizedText norm = Normalize(text);
  size_t found = 0;
  for (const SentenceRange& s : SplitSentences(norm.text)) {
    EXPECT_LE(s.begin, s.end);
    EXPECT_LE(s.end, norm.text.size());
    for (const v1::Quantity& q : quantities->Extract(norm, s)) {
      ++found;
      EXPECT_EQ(SpanProblem(text, q.span(), valid_utf8), "") << q.text();
      EXPECT_LT(q.span().begin(), q.span().end()) << q.text();
      if (!q.subject().empty()) {
        EXPECT_EQ(SpanProblem(text, q.subject_span(), valid_utf8), "")
            << q.subject();
      }
      EXPECT_FALSE(q.text().empty());
      EXPECT_TRUE(std::isfinite(q.low()) && std::isfinite(q.high()) &&
                  std::isfinite(q.value()))
          << q.text();
      EXPECT_LE(q.low(), q.high()) << q.text();
      EXPECT_NE(q.bound(), v1::Quantity::BOUND_UNSPECIFIED) << q.text();
    }
    for (const bool with_date : {true, false}) {
      for (const v1::TimeExpression& t :
           times->Extract(norm, s, with_date ? published : absl::nullopt)) {
        ++found;
        EXPECT_EQ(SpanProblem(text, t.span(), valid_utf8), "") << t.text();
        EXPECT_EQ(t.start().empty(), t.end().empty()) << t.text();
        EXPECT_LE(t.start(), t.end()) << t.text();
        EXPECT_NE(t.granularity(),
                  v1::TimeExpression::GRANULARITY_UNSPECIFIED)
            << t.text();
      }
    }
  }
  return found;
}

std::string RandomBytes(std::mt19937* rng, size_t max_len) {
  std::uniform_int_distribution<size_t> len(0, max_len);
  std::uniform_int_distribution<int> byte(0, 255);
  std::string s(len(*rng), '\0');
  for (char& c : s) c = static_cast<char>(byte(*rng));
  return s;
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Valid UTF-8 biased toward what the extractors look at: digits, separators,
// currency signs, dashes, special spaces, full-width digits, combining marks.
std::string RandomUtf8(std::mt19937* rng, size_t max_len) {
  static constexpr uint32_t kInteresting[] = {
      '0', '1', '5', '9', ',', '.', ' ', '-', '/', '$', '%', '(', ')', ':',
      '+', '~', 'k', 'm', 'b', 'n', 'x', 'a', 'O', 'c', 't', '\'', '\n',
      0x00A0, 0x2009, 0x202F, 0x2013, 0x2014, 0x2212, 0x00A3, 0x20AC, 0x20B9,
      0x00B0, 0x00D7, 0x2044, 0xFF10, 0xFF15, 0x0301, 0x200B, 0x00AD, 0x201C,
      0x2019, 0x00B5, 0x03BC, 0x4E00, 0x1F600, 0xFEFF};
  std::uniform_int_distribution<size_t> len(0, max_len);
  std::uniform_int_distribution<int> kind(0, 9);
  std::uniform_int_distribution<size_t> pick(
      0, sizeof(kInteresting) / sizeof(kInteresting[0]) - 1);
  std::uniform_int_distribution<uint32_t> any(0x20, 0x10FFFF);
  std::string s;
  const size_t n = len(*rng);
  for (size_t i = 0; i < n; ++i) {
    uint32_t cp = kind(*rng) < 8 ? kInteresting[pick(*rng)] : any(*rng);
    if (cp >= 0xD800 && cp <= 0xDFFF) cp = 'z';  // no surrogates
    AppendUtf8(cp, &s);
  }
  return s;
}

// News-like sentences from a word list, then mutated (tokens dropped,
// duplicated, swapped, glued).
std::string NewsSentence(std::mt19937* rng) {
  static constexpr const char* kWords[] = {
      "at", "least", "more", "than", "about", "nearly", "up", "to", "from",
      "between", "and", "or", "some", "over", "under", "just", "almost",
      "23", "2,600", "1 200", "6,000-6,500", "12", "15", "3.5", "1.5bn",
      "$3", "billion", "million", "\xC2\xA3" "5m", "40%", "per", "cent",
      "dozens", "of", "scores", "hundreds", "thousands", "tens", "a", "few",
      "several", "handful", "half", "third", "two-thirds", "one", "eleven",
      "Fifty-three", "hundred", "people", "soldiers", "troops", "were",
      "killed", "wounded", "injured", "arrested", "fled", "rose", "fell",
      "by", "the", "death", "toll", "km", "miles", "(", ")", "kg", "lb",
      "aged", "45-year-old", "year", "old", "on", "Sunday", "last",
      "Wednesday", "Monday", "evening", "week", "this", "month", "earlier",
      "August", "Oct.", "19", "October", "11-12", "night", "in", "2021",
      "early", "1990s", "two", "weeks", "ago", "since", "May", "March",
      "won", "3-2", "Article", "370", "No.", "5G", "COVID-19", "10:30",
      "p.m.", "+44", "20", "7946", "0958", "1.", "#1", "2025-10-29", "\xC3\x97",
      "10-8", "1/2", "sixfold", "Street", "BBC", "One", "Smith,", "45,",
      "\xE2\x80\x93", "\xE2\x80\x9C", "\xE2\x80\x9D", ",", ".", ";", "-"};
  constexpr size_t kNumWords = sizeof(kWords) / sizeof(kWords[0]);
  std::uniform_int_distribution<size_t> pick(0, kNumWords - 1);
  std::uniform_int_distribution<int> len(1, 24);
  std::uniform_int_distribution<int> coin(0, 9);
  std::vector<std::string> tokens;
  const int n = len(*rng);
  for (int i = 0; i < n; ++i) tokens.push_back(kWords[pick(*rng)]);
  // Mutations.
  for (int k = coin(*rng) / 3; k > 0 && !tokens.empty(); --k) {
    std::uniform_int_distribution<size_t> at(0, tokens.size() - 1);
    switch (coin(*rng) % 4) {
      case 0: tokens.erase(tokens.begin() + at(*rng)); break;
      case 1: tokens.insert(tokens.begin() + at(*rng), tokens[at(*rng)]); break;
      case 2: std::swap(tokens[at(*rng)], tokens[at(*rng)]); break;
      default: {
        const size_t a = at(*rng);
        if (a + 1 < tokens.size()) {
          tokens[a] += tokens[a + 1];  // glue two tokens
          tokens.erase(tokens.begin() + a + 1);
        }
      }
    }
  }
  std::string s;
  for (const std::string& t : tokens) {
    if (!s.empty() && coin(*rng) != 0) s.push_back(' ');
    s += t;
  }
  if (coin(*rng) < 8) s.push_back('.');
  return s;
}

TEST(ExtractionFuzzTest, RandomBytes) {
  std::mt19937 rng(20251029);
  for (int i = 0; i < 3000; ++i) {
    CheckInvariants(RandomBytes(&rng, 200), /*valid_utf8=*/false);
    if (HasFailure()) return;
  }
}

TEST(ExtractionFuzzTest, RandomUtf8) {
  std::mt19937 rng(7);
  for (int i = 0; i < 3000; ++i) {
    CheckInvariants(RandomUtf8(&rng, 120), /*valid_utf8=*/true);
    if (HasFailure()) return;
  }
}

TEST(ExtractionFuzzTest, MutatedNewsSentences) {
  std::mt19937 rng(42);
  size_t found = 0;
  for (int i = 0; i < 20000; ++i) {
    found += CheckInvariants(NewsSentence(&rng), /*valid_utf8=*/true);
    if (HasFailure()) return;
  }
  // The generator must reach the extractors' interesting paths.
  EXPECT_GT(found, 20000u);
}

// Several sentences in one text: spans of later sentences must still map to
// the original, including after characters that normalization changes.
TEST(ExtractionFuzzTest, MultiSentenceTexts) {
  std::mt19937 rng(99);
  for (int i = 0; i < 2000; ++i) {
    std::string text;
    for (int k = 0; k < 4; ++k) {
      text += NewsSentence(&rng);
      text += k % 2 ? "\xC2\xA0 " : "\n";
    }
    CheckInvariants(text, /*valid_utf8=*/true);
    if (HasFailure()) return;
  }
}

// The invariant checks themselves must be able to fail.
TEST(ExtractionFuzzTest, CheckerRejectsBadSpans) {
  v1::Span span;
  span.set_begin(1);
  span.set_end(2);
  EXPECT_EQ(SpanProblem("\xC3\xA9", span, true), "not on a UTF-8 boundary");
  span.set_begin(0);
  span.set_end(5);
  EXPECT_EQ(SpanProblem("abc", span, true), "end past the text");
  span.set_begin(2);
  span.set_end(1);
  EXPECT_EQ(SpanProblem("abc", span, true), "begin > end");
}

}  // namespace
}  // namespace factdiff
