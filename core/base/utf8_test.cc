#include "core/base/utf8.h"

#include <string>

#include "gtest/gtest.h"

namespace factdiff {
namespace {

TEST(IsValidUtf8, AcceptsAsciiAndMultibyte) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("23 soldiers"));
  EXPECT_TRUE(IsValidUtf8("\xE2\x80\x9CPakistan\xE2\x80\x9D \xE2\x80\x93 6\xC2\xA0" "000"));
  EXPECT_TRUE(IsValidUtf8("\xF0\x9F\x93\xB0"));  // U+1F4F0 newspaper
}

TEST(IsValidUtf8, ReportsFirstBadByte) {
  size_t bad = 99;
  EXPECT_FALSE(IsValidUtf8("abc\xFF" "def", &bad));
  EXPECT_EQ(bad, 3u);
  EXPECT_FALSE(IsValidUtf8("ab\xC3", &bad));  // truncated
  EXPECT_EQ(bad, 2u);
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF", &bad));  // overlong '/'
  EXPECT_EQ(bad, 0u);
  EXPECT_FALSE(IsValidUtf8("x\xED\xA0\x80", &bad));  // surrogate U+D800
  EXPECT_EQ(bad, 1u);
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80", &bad));  // above U+10FFFF
  EXPECT_EQ(bad, 0u);
}

TEST(DecodeUtf8, RoundTripsThroughAppend) {
  for (char32_t c : {U'a', U'\u00A0', U'\u2013', U'\uFF15', U'\U0001F4F0'}) {
    std::string s;
    AppendUtf8(c, &s);
    size_t pos = 0;
    EXPECT_EQ(DecodeUtf8(s, &pos), c);
    EXPECT_EQ(pos, s.size());
  }
}

TEST(DecodeUtf8, MalformedAdvancesOneByte) {
  size_t pos = 0;
  EXPECT_EQ(DecodeUtf8("\xFF" "a", &pos), U'\uFFFD');
  EXPECT_EQ(pos, 1u);
}

}  // namespace
}  // namespace factdiff
