// UTF-8 helpers on raw bytes: validation with the offset of the first bad
// byte, and decoding one code point at a time.
//
//   size_t bad;
//   if (!IsValidUtf8(bytes, &bad)) return Error("invalid UTF-8 at byte", bad);
//   size_t i = 0;
//   while (i < s.size()) { char32_t c = DecodeUtf8(s, &i); ... }
#ifndef FACTDIFF_CORE_BASE_UTF8_H_
#define FACTDIFF_CORE_BASE_UTF8_H_

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"

namespace factdiff {

// Returns true if `s` is well-formed UTF-8 (no overlongs, no surrogates, no
// code points above U+10FFFF). On false, sets *first_bad (if not null) to the
// byte offset of the first byte that is not part of a valid sequence.
bool IsValidUtf8(absl::string_view s, size_t* first_bad = nullptr);

// Decodes the code point that starts at byte *pos of `s` and advances *pos
// past it. On a malformed sequence returns U+FFFD and advances one byte.
// Requires *pos < s.size().
char32_t DecodeUtf8(absl::string_view s, size_t* pos);

// Appends the UTF-8 encoding of `c` to *out.
void AppendUtf8(char32_t c, std::string* out);

// True for bytes that begin a UTF-8 sequence (or are ASCII), i.e. offsets a
// Span may start or end at.
inline bool IsUtf8Boundary(unsigned char b) { return (b & 0xC0) != 0x80; }

}  // namespace factdiff

#endif  // FACTDIFF_CORE_BASE_UTF8_H_
