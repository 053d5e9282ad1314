#include "core/text/normalize.h"

#include <cstdint>
#include <cstring>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "gtest/gtest.h"
#include "unicode/normalizer2.h"
#include "unicode/stringpiece.h"
#include "unicode/unistr.h"

namespace factdiff {
namespace {

// The original text that normalized bytes [begin, end) came from.
std::string OriginalOf(absl::string_view original, const NormalizedText& norm,
                       size_t begin, size_t end) {
  uint32_t ob = 0;
  uint32_t oe = 0;
  norm.ToOriginal(begin, end, &ob, &oe);
  return std::string(original.substr(ob, oe - ob));
}

// Checks what normalize.h promises of every NormalizedText.
void ExpectInvariants(absl::string_view original, const NormalizedText& norm) {
  ASSERT_EQ(norm.to_original.size(), norm.text.size() + 1);
  EXPECT_EQ(norm.to_original.back(), original.size());
  for (size_t i = 0; i < norm.text.size(); ++i) {
    EXPECT_LE(norm.to_original[i], norm.to_original[i + 1]) << i;
    ASSERT_LT(norm.to_original[i], original.size()) << i;
    EXPECT_NE(static_cast<unsigned char>(original[norm.to_original[i]]) & 0xC0,
              0x80)
        << "offset " << norm.to_original[i] << " is inside a character";
  }
}

struct MappingCase {
  const char* name;
  const char* original;
  const char* normalized;
};

class MappingTest : public testing::TestWithParam<MappingCase> {};

TEST_P(MappingTest, Normalizes) {
  const MappingCase& c = GetParam();
  const NormalizedText norm = Normalize(c.original);
  EXPECT_EQ(norm.text, c.normalized);
  ExpectInvariants(c.original, norm);
}

INSTANTIATE_TEST_SUITE_P(
    Typical, MappingTest,
    testing::Values(
        MappingCase{"Ascii", "Rescuers pulled 14 people out.",
                    "Rescuers pulled 14 people out."},
        MappingCase{"CurlySingleQuotes",
                    "the mayor\xE2\x80\x99s office \xE2\x80\x98"
                    "confirmed\xE2\x80\x99",
                    "the mayor's office 'confirmed'"},
        MappingCase{"LowAndReversedSingleQuotes",
                    "\xE2\x80\x9A"
                    "a\xE2\x80\x9B",
                    "'a'"},
        MappingCase{"Primes", "5\xE2\x80\xB2 11\xE2\x80\xB3", "5' 11\""},
        MappingCase{"CurlyDoubleQuotes",
                    "\xE2\x80\x9CWe will rebuild,\xE2\x80\x9D he said",
                    "\"We will rebuild,\" he said"},
        MappingCase{"LowDoubleQuote",
                    "\xE2\x80\x9E"
                    "Ja\xE2\x80\x9C",
                    "\"Ja\""},
        MappingCase{"Guillemets",
                    "\xC2\xAB"
                    "non\xC2\xBB",
                    "\"non\""},
        MappingCase{"EnDashRange",
                    "300\xE2\x80\x93"
                    "400 homes",
                    "300-400 homes"},
        MappingCase{"Hyphens", "long\xE2\x80\x90term non\xE2\x80\x91stop",
                    "long-term non-stop"},
        MappingCase{"FigureDash",
                    "555\xE2\x80\x92"
                    "0100",
                    "555-0100"},
        MappingCase{"MinusSign",
                    "\xE2\x88\x92"
                    "12 degrees",
                    "-12 degrees"},
        MappingCase{"EmDashUnspaced",
                    "the toll\xE2\x80\x94now 40\xE2\x80\x94rose",
                    "the toll - now 40 - rose"},
        MappingCase{"EmDashSpaced", "the toll \xE2\x80\x94 now 40",
                    "the toll - now 40"},
        MappingCase{"EmDashHalfSpaced", "toll \xE2\x80\x94now", "toll - now"},
        MappingCase{"HorizontalBar",
                    "a\xE2\x80\x95"
                    "b",
                    "a - b"},
        MappingCase{"EmDashAtEnd", "and then\xE2\x80\x94", "and then -"},
        MappingCase{"EmDashBeforeNoBreakSpace", "x\xE2\x80\x94\xC2\xA0y",
                    "x - y"},
        MappingCase{"NoBreakSpace",
                    "6\xC2\xA0"
                    "000 people",
                    "6 000 people"},
        MappingCase{"ThinSpace",
                    "6\xE2\x80\x89"
                    "000",
                    "6 000"},
        MappingCase{"NarrowNoBreakSpace", "10\xE2\x80\xAF%", "10 %"},
        MappingCase{"FigureSpace",
                    "1\xE2\x80\x87"
                    "2",
                    "1 2"},
        MappingCase{"IdeographicSpace",
                    "a\xE3\x80\x80"
                    "b",
                    "a b"},
        MappingCase{"EnQuad",
                    "a\xE2\x80\x80"
                    "b",
                    "a b"},
        MappingCase{"Tab", "a\tb\t", "a b "},
        MappingCase{"SoftHyphen",
                    "co\xC2\xAD"
                    "operate",
                    "cooperate"},
        MappingCase{"ZeroWidth",
                    "\xEF\xBB\xBF"
                    "a\xE2\x80\x8B"
                    "b\xE2\x80\x8C"
                    "c\xE2\x80\x8D"
                    "d\xE2\x81\xA0"
                    "e",
                    "abcde"},
        MappingCase{"FullWidthDigits", "\xEF\xBC\x92\xEF\xBC\x93 dead",
                    "23 dead"},
        MappingCase{
            "FullWidthLettersAndPunctuation",
            "\xEF\xBC\xA1\xEF\xBD\x82\xEF\xBC\x88\xEF\xBC\x85\xEF\xBC\x89"
            "\xEF\xBC\x8C",
            "Ab(%),"},
        MappingCase{"FullWidthQuotes", "\xEF\xBC\x82x\xEF\xBC\x87", "\"x'"},
        MappingCase{"FullWidthYen",
                    "\xEF\xBF\xA5"
                    "5",
                    "\xC2\xA5"
                    "5"},
        MappingCase{"CrLf", "one\r\ntwo\r\n\r\nthree", "one\ntwo\n\nthree"},
        MappingCase{"LoneCr", "one\rtwo\r", "one\ntwo\n"},
        MappingCase{"KeepsOtherUnicode",
                    "Z\xC3\xBCrich \xE2\x82\xAC"
                    "5 \xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2",
                    "Z\xC3\xBCrich \xE2\x82\xAC"
                    "5 \xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2"},
        MappingCase{"Emoji", "\xF0\x9F\x93\xB0 news", "\xF0\x9F\x93\xB0 news"}),
    [](const testing::TestParamInfo<MappingCase>& info) {
      return std::string(info.param.name);
    });

INSTANTIATE_TEST_SUITE_P(
    Nfc, MappingTest,
    testing::Values(
        // e + combining acute -> é
        MappingCase{"ComposesAcute", "Cafe\xCC\x81 owner", "Caf\xC3\xA9 owner"},
        MappingCase{"ComposesAtStart", "e\xCC\x81t\xC3\xA9",
                    "\xC3\xA9t\xC3\xA9"},
        MappingCase{"ComposesAtEnd", "Sa\xCC\x83", "S\xC3\xA3"},
        // n + tilde + dot below: reordered, n + dot below composes first.
        MappingCase{"TwoMarks", "n\xCC\x83\xCC\xA3x", "\xE1\xB9\x87\xCC\x83x"},
        // Reorders combining marks by class: dot below (220) before acute.
        MappingCase{"Reorders", "a\xCC\x81\xCC\xA3", "\xE1\xBA\xA1\xCC\x81"},
        // Singletons: angstrom sign -> A with ring, ohm sign -> omega.
        MappingCase{"Singletons", "\xE2\x84\xAB \xE2\x84\xA6",
                    "\xC3\x85 \xCE\xA9"},
        MappingCase{"AlreadyComposed", "S\xC3\xA3o Paulo", "S\xC3\xA3o Paulo"},
        // Hangul jamo L + V -> syllable.
        MappingCase{"Hangul", "\xE1\x84\x80\xE1\x85\xA1", "\xEA\xB0\x80"},
        // Combining mark with nothing before it stays.
        MappingCase{"LeadingMark",
                    "\xCC\x81"
                    "a",
                    "\xCC\x81"
                    "a"},
        // Removing a zero-width space or mapping a full-width letter makes a
        // new combining sequence, which is composed too.
        MappingCase{"ComposesAcrossRemoved", "e\xE2\x80\x8B\xCC\x81",
                    "\xC3\xA9"},
        MappingCase{"ComposesAfterFullWidth", "\xEF\xBD\x85\xCC\x81",
                    "\xC3\xA9"}),
    [](const testing::TestParamInfo<MappingCase>& info) {
      return std::string(info.param.name);
    });

INSTANTIATE_TEST_SUITE_P(
    Boundary, MappingTest,
    testing::Values(MappingCase{"Empty", "", ""},
                    MappingCase{"OnlyRemoved", "\xC2\xAD\xE2\x80\x8B", ""},
                    MappingCase{"OnlyNewlines", "\r\n\r", "\n\n"},
                    MappingCase{"SingleEmDash", "\xE2\x80\x94", "-"}),
    [](const testing::TestParamInfo<MappingCase>& info) {
      return std::string(info.param.name);
    });

TEST(NormalizeTest, EmptyInput) {
  const NormalizedText norm = Normalize("");
  EXPECT_EQ(norm.text, "");
  ASSERT_EQ(norm.to_original.size(), 1u);
  EXPECT_EQ(norm.to_original[0], 0u);
  EXPECT_EQ(norm.FromOriginal(0), 0u);
  uint32_t b = 7;
  uint32_t e = 7;
  norm.ToOriginal(0, 0, &b, &e);
  EXPECT_EQ(b, 0u);
  EXPECT_EQ(e, 0u);
}

TEST(NormalizeTest, AsciiOffsetsAreIdentity) {
  const std::string original = "Police said 3 were hurt.\nNo one died.";
  const NormalizedText norm = Normalize(original);
  EXPECT_EQ(norm.text, original);
  for (size_t i = 0; i <= original.size(); ++i) {
    EXPECT_EQ(norm.to_original[i], i);
  }
}

struct SpanCase {
  const char* original;
  const char* normalized_surface;  // found in the normalized text
  const char* original_surface;    // what it must map back to
};

TEST(ToOriginalTest, MapsSurfacesBack) {
  const SpanCase cases[] = {
      {"about 6\xC2\xA0"
       "000 people",
       "6 000",
       "6\xC2\xA0"
       "000"},
      {"\xE2\x80\x9CNo,\xE2\x80\x9D she said", "\"No,\"",
       "\xE2\x80\x9CNo,\xE2\x80\x9D"},
      {"\xE2\x80\x9CNo,\xE2\x80\x9D she said", "No", "No"},
      {"\xE2\x80\x9CNo,\xE2\x80\x9D she said", "she", "she"},
      {"from 300\xE2\x80\x93"
       "400 homes",
       "300-400",
       "300\xE2\x80\x93"
       "400"},
      {"from 300\xE2\x80\x93"
       "400 homes",
       "-", "\xE2\x80\x93"},
      {"the toll\xE2\x80\x94now 40", " - ", "\xE2\x80\x94"},
      {"the toll\xE2\x80\x94now 40", "now 40", "now 40"},
      {"the toll\xE2\x80\x94now 40", "toll - now", "toll\xE2\x80\x94now"},
      {"the toll\xE2\x80\x94now 40", "toll ", "toll\xE2\x80\x94"},
      {"Cafe\xCC\x81 owner", "Caf\xC3\xA9", "Cafe\xCC\x81"},
      {"Cafe\xCC\x81 owner", "\xC3\xA9", "e\xCC\x81"},
      {"Cafe\xCC\x81 owner", "owner", "owner"},
      {"\xEF\xBC\x92\xEF\xBC\x93 dead", "23", "\xEF\xBC\x92\xEF\xBC\x93"},
      {"\xEF\xBC\x92\xEF\xBC\x93 dead", "3", "\xEF\xBC\x93"},
      {"one\r\ntwo", "one\ntwo", "one\r\ntwo"},
      {"one\r\ntwo", "\n", "\r\n"},
      {"one\r\ntwo", "two", "two"},
      {"x\xE2\x80\x8B"
       "5 km",
       "5 km", "5 km"},
      {"co\xC2\xAD"
       "operate",
       "cooperate",
       "co\xC2\xAD"
       "operate"},
      {"Z\xC3\xBCrich", "\xC3\xBC", "\xC3\xBC"},
  };
  for (const SpanCase& c : cases) {
    const NormalizedText norm = Normalize(c.original);
    const size_t pos = norm.text.find(c.normalized_surface);
    ASSERT_NE(pos, std::string::npos) << c.original;
    EXPECT_EQ(
        OriginalOf(c.original, norm, pos, pos + strlen(c.normalized_surface)),
        c.original_surface)
        << "in \"" << c.original << "\" for \"" << c.normalized_surface << "\"";
  }
}

TEST(ToOriginalTest, EmptyRangeAndWholeText) {
  const std::string original = "\xE2\x80\x9CHi\xE2\x80\x9D";
  const NormalizedText norm = Normalize(original);
  ASSERT_EQ(norm.text, "\"Hi\"");
  EXPECT_EQ(OriginalOf(original, norm, 0, norm.text.size()), original);
  uint32_t b = 0;
  uint32_t e = 0;
  norm.ToOriginal(1, 1, &b, &e);
  EXPECT_EQ(b, 3u);
  EXPECT_EQ(e, 3u);
  norm.ToOriginal(norm.text.size(), norm.text.size(), &b, &e);
  EXPECT_EQ(b, original.size());
  EXPECT_EQ(e, original.size());
}

TEST(FromOriginalTest, FindsFirstProducedByte) {
  // "a" U+2014 "b": normalized "a - b".
  const std::string original =
      "a\xE2\x80\x94"
      "b";
  const NormalizedText norm = Normalize(original);
  ASSERT_EQ(norm.text, "a - b");
  EXPECT_EQ(norm.FromOriginal(0), 0u);
  EXPECT_EQ(norm.FromOriginal(1), 1u);  // the em dash produced " - "
  EXPECT_EQ(norm.FromOriginal(2), 4u);  // inside the em dash: next is "b"
  EXPECT_EQ(norm.FromOriginal(4), 4u);
  EXPECT_EQ(norm.FromOriginal(5), 5u);  // the end
  EXPECT_EQ(norm.FromOriginal(100), 5u);
}

TEST(FromOriginalTest, SkipsRemovedCharacters) {
  const std::string original =
      "a\xE2\x80\x8B"
      "b";  // a ZWSP b
  const NormalizedText norm = Normalize(original);
  ASSERT_EQ(norm.text, "ab");
  EXPECT_EQ(norm.FromOriginal(1), 1u);
  EXPECT_EQ(norm.FromOriginal(4), 1u);
}

TEST(FromOriginalTest, RoundTripsAtCharacterStarts) {
  const std::string original =
      "\xE2\x80\x9C"
      "23\xC2\xA0soldiers\xE2\x80\x9D \xE2\x80\x93 Caf\xC3\xA9";
  const NormalizedText norm = Normalize(original);
  for (size_t i = 0; i < norm.text.size(); ++i) {
    if (i > 0 && norm.to_original[i] == norm.to_original[i - 1]) continue;
    EXPECT_EQ(norm.FromOriginal(norm.to_original[i]), i);
  }
}

// Random mixes of the pieces normalization cares about: the output is always
// NFC and the invariants hold.
TEST(NormalizeTest, RandomMixesKeepInvariants) {
  const char* const pieces[] = {
      "a",
      "e",
      " ",
      ".",
      "\n",
      "\r",
      "\t",
      "\xCC\x81",
      "\xCC\xA3",
      "\xC3\xA9",
      "\xE2\x80\x9C",
      "\xE2\x80\x99",
      "\xE2\x80\x93",
      "\xE2\x80\x94",
      "\xC2\xA0",
      "\xC2\xAD",
      "\xE2\x80\x8B",
      "\xEF\xBC\x95",
      "\xE2\x84\xAB",
      "\xE1\x84\x80",
      "\xE1\x85\xA1",
      "\xF0\x9F\x93\xB0",
      "\xD0\x96",
      "\xE2\x80\xA9",
  };
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  ASSERT_TRUE(U_SUCCESS(status));
  std::mt19937 rng(20240611);
  std::uniform_int_distribution<int> pick(0, std::size(pieces) - 1);
  std::uniform_int_distribution<int> length(0, 30);
  for (int iter = 0; iter < 2000; ++iter) {
    std::string original;
    const int n = length(rng);
    for (int k = 0; k < n; ++k) original += pieces[pick(rng)];
    const NormalizedText norm = Normalize(original);
    ExpectInvariants(original, norm);
    status = U_ZERO_ERROR;
    EXPECT_TRUE(nfc->isNormalizedUTF8(
        icu::StringPiece(norm.text.data(),
                         static_cast<int32_t>(norm.text.size())),
        status))
        << original;
    // Each produced span maps back to whole original characters.
    for (size_t b = 0; b < norm.text.size(); ++b) {
      uint32_t ob = 0;
      uint32_t oe = 0;
      norm.ToOriginal(b, b + 1, &ob, &oe);
      EXPECT_LT(ob, oe);
      EXPECT_LE(oe, original.size());
      if (oe < original.size()) {
        EXPECT_NE(static_cast<unsigned char>(original[oe]) & 0xC0, 0x80);
      }
    }
    if (HasFailure()) break;
  }
}

// A brute-force reference without chunks or fast paths: NFC of the whole
// text, then one code point at a time through a table, then NFC again. Em
// dashes are left out: their spacing depends on context.
std::string ReferenceNormalize(const std::string& original) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  auto nfc_of = [nfc](const std::string& s) {
    UErrorCode st = U_ZERO_ERROR;
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
    std::string out;
    nfc->normalize(u, st).toUTF8String(out);
    return out;
  };
  std::string crlf;
  for (size_t i = 0; i < original.size(); ++i) {
    if (original[i] == '\r') {
      crlf += '\n';
      if (i + 1 < original.size() && original[i + 1] == '\n') ++i;
    } else {
      crlf += original[i];
    }
  }
  const icu::UnicodeString composed =
      icu::UnicodeString::fromUTF8(nfc_of(crlf));
  std::string mapped;
  for (int32_t i = 0; i < composed.length();) {
    const UChar32 c = composed.char32At(i);
    i += U16_LENGTH(c);
    std::string piece;
    switch (c) {
      case 0x2019:
      case 0x2018:
        piece = "'";
        break;
      case 0x201C:
      case 0x201D:
      case 0x00AB:
      case 0x00BB:
        piece = "\"";
        break;
      case 0x2013:
      case 0x2010:
      case 0x2212:
        piece = "-";
        break;
      case 0x00A0:
      case 0x2009:
      case 0x202F:
      case 0x3000:
      case '\t':
        piece = " ";
        break;
      case 0x00AD:
      case 0x200B:
      case 0xFEFF:
        break;
      default:
        if (c >= 0xFF01 && c <= 0xFF5E) {
          piece = std::string(1, static_cast<char>(c - 0xFEE0));
        } else {
          icu::UnicodeString(c).toUTF8String(piece);
        }
    }
    mapped += piece;
  }
  return nfc_of(mapped);
}

TEST(NormalizeTest, AgreesWithBruteForceReference) {
  const char* const pieces[] = {
      "a",
      "e",
      "o",
      " ",
      ".",
      "\n",
      "\r",
      "\t",
      "5",
      "\xCC\x81",  // combining acute
      "\xCC\xA3",  // combining dot below
      "\xCC\x88",  // combining diaeresis
      "\xC3\xA9",  // precomposed é
      "\xE2\x80\x9C",
      "\xE2\x80\x9D",
      "\xE2\x80\x99",
      "\xC2\xAB",
      "\xE2\x80\x93",
      "\xE2\x88\x92",
      "\xE2\x80\x90",
      "\xC2\xA0",
      "\xE2\x80\x89",
      "\xE2\x80\xAF",
      "\xE3\x80\x80",
      "\xC2\xAD",
      "\xE2\x80\x8B",
      "\xEF\xBB\xBF",
      "\xEF\xBC\x95",
      "\xEF\xBD\x85",
      "\xEF\xBC\x8E",  // ５ ｅ ．
      "\xE2\x84\xAB",  // angstrom sign
      "\xE1\x84\x80",
      "\xE1\x85\xA1",
      "\xE1\x86\xA8",  // jamo L V T
      "\xD0\x98",
      "\xCC\x86",  // Cyrillic I + combining breve
      "\xF0\x9F\x93\xB0",
  };
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> pick(0, std::size(pieces) - 1);
  std::uniform_int_distribution<int> length(0, 24);
  for (int iter = 0; iter < 3000; ++iter) {
    std::string original;
    const int n = length(rng);
    for (int k = 0; k < n; ++k) original += pieces[pick(rng)];
    ASSERT_EQ(Normalize(original).text, ReferenceNormalize(original))
        << "for \"" << original << "\"";
  }
}

}  // namespace
}  // namespace factdiff
