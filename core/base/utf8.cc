#include "core/base/utf8.h"

namespace factdiff {
namespace {

// Length of the valid sequence at s[i], or 0 when it is malformed.
size_t ValidSequenceLength(absl::string_view s, size_t i) {
  const unsigned char b0 = s[i];
  if (b0 < 0x80) return 1;
  auto cont = [&](size_t k) {
    return i + k < s.size() &&
           (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
  };
  if (b0 >= 0xC2 && b0 <= 0xDF) return cont(1) ? 2 : 0;
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    const unsigned char b1 = s[i + 1];
    if (b0 == 0xE0 && b1 < 0xA0) return 0;  // overlong
    if (b0 == 0xED && b1 > 0x9F) return 0;  // surrogate
    return 3;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    const unsigned char b1 = s[i + 1];
    if (b0 == 0xF0 && b1 < 0x90) return 0;  // overlong
    if (b0 == 0xF4 && b1 > 0x8F) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

}  // namespace

bool IsValidUtf8(absl::string_view s, size_t* first_bad) {
  size_t i = 0;
  while (i < s.size()) {
    const size_t n = ValidSequenceLength(s, i);
    if (n == 0) {
      if (first_bad != nullptr) *first_bad = i;
      return false;
    }
    i += n;
  }
  return true;
}

char32_t DecodeUtf8(absl::string_view s, size_t* pos) {
  const size_t i = *pos;
  const size_t n = ValidSequenceLength(s, i);
  const unsigned char b0 = s[i];
  switch (n) {
    case 1:
      *pos = i + 1;
      return b0;
    case 2:
      *pos = i + 2;
      return ((b0 & 0x1F) << 6) | (s[i + 1] & 0x3F);
    case 3:
      *pos = i + 3;
      return ((b0 & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) |
             (s[i + 2] & 0x3F);
    case 4:
      *pos = i + 4;
      return ((b0 & 0x07) << 18) | ((s[i + 1] & 0x3F) << 12) |
             ((s[i + 2] & 0x3F) << 6) | (s[i + 3] & 0x3F);
    default:
      *pos = i + 1;
      return 0xFFFD;
  }
}

void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

}  // namespace factdiff
