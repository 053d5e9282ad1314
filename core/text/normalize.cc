#include "core/text/normalize.h"

#include <algorithm>
#include <string>

#include "core/base/utf8.h"
#include "unicode/bytestream.h"
#include "unicode/normalizer2.h"
#include "unicode/stringpiece.h"
#include "unicode/utypes.h"

namespace factdiff {
namespace {

const icu::Normalizer2* Nfc() {
  static const icu::Normalizer2* const nfc = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return nfc;
}

// Code points that become ' ': the Unicode space separators (Zs).
bool IsUnicodeSpace(char32_t c) {
  return c == 0x00A0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x202F || c == 0x205F || c == 0x3000;
}

// Code points that are dropped: soft hyphen, zero-width characters and the
// invisible directional marks.
bool IsRemoved(char32_t c) {
  return c == 0x00AD || c == 0x180E || (c >= 0x200B && c <= 0x200F) ||
         (c >= 0x2060 && c <= 0x2064) || c == 0xFEFF;
}

bool IsEmDash(char32_t c) { return c == 0x2014 || c == 0x2015; }

// True for whatever normalizes to whitespace, for deciding whether an em
// dash is spaced.
bool IsSpaceLike(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v' || c == 0x0085 || c == 0x2028 || c == 0x2029 ||
         IsUnicodeSpace(c);
}

// The ASCII replacement of `c`, or 0 when `c` has none (em dashes, removed
// characters and line separators are handled by the caller).
char MapToAscii(char32_t c) {
  if (c < 0x80) {
    if (c == '\t') return ' ';
    if (c == '\r' || c == '\f' || c == '\v') return '\n';
    return static_cast<char>(c);
  }
  if (c >= 0xFF01 && c <= 0xFF5E) {  // full-width ASCII
    return MapToAscii(c - 0xFEE0);
  }
  if (IsUnicodeSpace(c)) return ' ';
  switch (c) {
    case 0x2018:  // ‘
    case 0x2019:  // ’
    case 0x201A:  // ‚
    case 0x201B:  // ‛
    case 0x2032:  // ′ prime
    case 0x2035:  // ‵ reversed prime
    case 0x2039:  // ‹
    case 0x203A:  // ›
      return '\'';
    case 0x201C:  // “
    case 0x201D:  // ”
    case 0x201E:  // „
    case 0x201F:  // ‟
    case 0x00AB:  // «
    case 0x00BB:  // »
    case 0x2033:  // ″ double prime
    case 0x2036:  // ‶ reversed double prime
    case 0x301D:  // 〝
    case 0x301E:  // 〞
    case 0x301F:  // 〟
      return '"';
    case 0x2010:  // hyphen
    case 0x2011:  // non-breaking hyphen
    case 0x2012:  // figure dash
    case 0x2013:  // en dash
    case 0x2212:  // minus sign
    case 0xFE63:  // small hyphen-minus
      return '-';
    case 0x0085:  // next line
    case 0x2028:  // line separator
      return '\n';
    default:
      return 0;
  }
}

// Full-width currency signs map to their ordinary forms.
char32_t MapFullWidthSymbol(char32_t c) {
  switch (c) {
    case 0xFFE0:
      return 0x00A2;  // ¢
    case 0xFFE1:
      return 0x00A3;  // £
    case 0xFFE2:
      return 0x00AC;  // ¬
    case 0xFFE3:
      return 0x00AF;  // ¯
    case 0xFFE4:
      return 0x00A6;  // ¦
    case 0xFFE5:
      return 0x00A5;  // ¥
    case 0xFFE6:
      return 0x20A9;  // ₩
    default:
      return c;
  }
}

class Builder {
 public:
  // `final_pass` is true for the second pass that composes sequences the
  // first pass created.
  Builder(absl::string_view original, bool final_pass)
      : in_(original), final_pass_(final_pass) {
    out_.text.reserve(original.size() + original.size() / 16);
    out_.to_original.reserve(original.size() + original.size() / 16 + 1);
  }

  NormalizedText Build() && {
    const size_t n = in_.size();
    size_t i = 0;
    while (i < n) {
      // Fast path: a run of ASCII characters, each its own NFC chunk unless
      // the next (non-ASCII) character combines with it.
      size_t j = i;
      while (j < n) {
        const unsigned char b = in_[j];
        if (b >= 0x80 || b == '\r' || b == '\t' || b == '\f' || b == '\v') {
          break;
        }
        ++j;
      }
      if (j < n && j > i && static_cast<unsigned char>(in_[j]) >= 0x80 &&
          !BoundaryBefore(j)) {
        --j;  // in_[j] starts a combining sequence
      }
      if (j > i) {
        out_.text.append(in_.data() + i, j - i);
        for (size_t k = i; k < j; ++k) {
          out_.to_original.push_back(static_cast<uint32_t>(k));
        }
        i = j;
        continue;
      }
      const unsigned char b = in_[i];
      if (b == '\r') {
        Push('\n', i);
        i += (i + 1 < n && in_[i + 1] == '\n') ? 2 : 1;
        continue;
      }
      if (b < 0x80 &&
          (i + 1 >= n || static_cast<unsigned char>(in_[i + 1]) < 0x80 ||
           BoundaryBefore(i + 1))) {
        Push(MapToAscii(b), i);  // tab, form feed, vertical tab
        ++i;
        continue;
      }
      i = Chunk(i);
    }
    out_.to_original.push_back(static_cast<uint32_t>(n));
    if (!recheck_ || final_pass_) return std::move(out_);
    // Removing or mapping characters put a combining mark after a new base
    // (e.g. "e", U+200B, U+0301): normalize the output again and compose the
    // two offset maps.
    NormalizedText second = Builder(out_.text, true).Build();
    for (uint32_t& orig : second.to_original) orig = out_.to_original[orig];
    return second;
  }

 private:
  // Whether the character at byte `pos` of the input has an NFC boundary
  // before it.
  bool BoundaryBefore(size_t pos) const {
    size_t p = pos;
    const char32_t c = DecodeUtf8(in_, &p);
    const icu::Normalizer2* nfc = Nfc();
    return nfc == nullptr || nfc->hasBoundaryBefore(c);
  }

  // Normalizes the chunk that starts at `start`: one character and the
  // characters after it that have no NFC boundary before them. Returns the
  // end of the chunk.
  size_t Chunk(size_t start) {
    const size_t n = in_.size();
    size_t end = start;
    const char32_t first = DecodeUtf8(in_, &end);
    const size_t first_end = end;
    const icu::Normalizer2* nfc = Nfc();
    if (nfc != nullptr && !out_.text.empty() &&
        !nfc->hasBoundaryBefore(first)) {
      recheck_ = true;  // a combining mark after a removed or mapped character
    }
    while (end < n && static_cast<unsigned char>(in_[end]) >= 0x80 &&
           !BoundaryBefore(end)) {
      size_t p = end;
      DecodeUtf8(in_, &p);
      end = p;
    }
    const absl::string_view chunk = in_.substr(start, end - start);
    bool normalized = true;
    if (nfc != nullptr) {
      if (first_end != end || !nfc->isInert(first)) {
        UErrorCode status = U_ZERO_ERROR;
        normalized = nfc->isNormalizedUTF8(
            icu::StringPiece(chunk.data(), static_cast<int32_t>(chunk.size())),
            status);
        if (U_FAILURE(status)) normalized = true;
      }
    }
    const size_t out_before = out_.text.size();
    if (normalized) {
      // Already NFC: each character maps to its own original offset.
      size_t p = start;
      while (p < end) {
        const size_t char_start = p;
        const char32_t c = DecodeUtf8(in_, &p);
        Emit(c, char_start, end);
      }
      if (first_end != end &&
          absl::string_view(out_.text).substr(out_before) != chunk) {
        recheck_ = true;
      }
      return end;
    }
    std::string composed;
    icu::StringByteSink<std::string> sink(&composed);
    UErrorCode status = U_ZERO_ERROR;
    nfc->normalizeUTF8(
        0, icu::StringPiece(chunk.data(), static_cast<int32_t>(chunk.size())),
        sink, nullptr, status);
    if (U_FAILURE(status)) composed.assign(chunk.data(), chunk.size());
    // Every byte of a recomposed chunk maps to the chunk's start.
    size_t p = 0;
    while (p < composed.size()) {
      const char32_t c = DecodeUtf8(composed, &p);
      Emit(c, start, end);
    }
    if (absl::string_view(out_.text).substr(out_before) != composed) {
      recheck_ = true;
    }
    return end;
  }

  // Appends the normalized form of `c`, produced by the original character
  // at `orig`; `next` is where the following original character starts.
  void Emit(char32_t c, size_t orig, size_t next) {
    if (IsRemoved(c)) return;
    if (IsEmDash(c)) {
      // " - " when unspaced, '-' when spaced.
      const std::string& t = out_.text;
      if (!t.empty() && t.back() != ' ' && t.back() != '\n') Push(' ', orig);
      Push('-', orig);
      if (next < in_.size()) {
        size_t p = next;
        if (!IsSpaceLike(DecodeUtf8(in_, &p))) Push(' ', orig);
      }
      return;
    }
    if (c == 0x2029) {  // paragraph separator: a blank line
      Push('\n', orig);
      Push('\n', orig);
      return;
    }
    const char ascii = MapToAscii(c);
    if (ascii != 0) {
      Push(ascii, orig);
      return;
    }
    AppendUtf8(MapFullWidthSymbol(c), &out_.text);
    out_.to_original.resize(out_.text.size(), static_cast<uint32_t>(orig));
  }

  void Push(char c, size_t orig) {
    out_.text.push_back(c);
    out_.to_original.push_back(static_cast<uint32_t>(orig));
  }

  const absl::string_view in_;
  const bool final_pass_;
  bool recheck_ = false;  // the output may not be NFC
  NormalizedText out_;
};

}  // namespace

void NormalizedText::ToOriginal(size_t begin, size_t end, uint32_t* orig_begin,
                                uint32_t* orig_end) const {
  *orig_begin = to_original[begin];
  if (end <= begin) {
    *orig_end = *orig_begin;
    return;
  }
  // The character that produced byte end - 1 ends where the next character
  // that produced output begins (removed characters in between, such as soft
  // hyphens, are included).
  const uint32_t last = to_original[end - 1];
  *orig_end =
      *std::upper_bound(to_original.begin() + end, to_original.end(), last);
}

size_t NormalizedText::FromOriginal(uint32_t orig) const {
  return std::lower_bound(to_original.begin(), to_original.end() - 1, orig) -
         to_original.begin();
}

NormalizedText Normalize(absl::string_view original) {
  return Builder(original, false).Build();
}

}  // namespace factdiff
