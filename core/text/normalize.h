// Normalization of article text for extraction, with a map back to the
// original bytes (as sentencepiece's normalizer keeps norm_to_orig).
//
// Extractors read the normalized text, where quotes, dashes, spaces and digits
// have one form each; every span they report is mapped back to the original
// text, so that Span offsets always point into Document.text.
//
//   NormalizedText norm = Normalize(doc.text());
//   size_t pos = norm.text.find("23 soldiers");
//   Span span = norm.ToOriginal(pos, pos + 11);  // into doc.text()
#ifndef FACTDIFF_CORE_TEXT_NORMALIZE_H_
#define FACTDIFF_CORE_TEXT_NORMALIZE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace factdiff {

// A normalized copy of a UTF-8 text. Immutable once built; safe to share
// between threads.
struct NormalizedText {
  // The normalized text, valid UTF-8:
  //  - Unicode NFC (ICU);
  //  - curly single quotes and primes -> '\'', curly double quotes,
  //    guillemets and double primes -> '"';
  //  - hyphen, non-breaking hyphen, figure dash, en dash, minus sign -> '-';
  //    em dash and horizontal bar -> " - " when unspaced, '-' when spaced;
  //  - no-break, thin, narrow no-break, figure and other Unicode spaces, and
  //    tabs -> ' '; soft hyphens and zero-width characters removed;
  //  - full-width digits, letters and punctuation -> ASCII;
  //  - "\r\n" and '\r' -> '\n'.
  std::string text;

  // to_original[i] is the byte offset in the original text of the character
  // that produced byte i of `text`; to_original[text.size()] is the original
  // size. Non-decreasing; size() == text.size() + 1.
  std::vector<uint32_t> to_original;

  // Maps the normalized half-open byte range [begin, end) to the smallest
  // original range that covers it. Requires begin <= end <= text.size().
  // The result starts and ends on UTF-8 character boundaries of the
  // original text.
  void ToOriginal(size_t begin, size_t end, uint32_t* orig_begin,
                  uint32_t* orig_end) const;

  // The normalized offset of the first byte produced at or after original
  // offset `orig` (text.size() when none).
  size_t FromOriginal(uint32_t orig) const;
};

// Normalizes `original`, which must be valid UTF-8.
NormalizedText Normalize(absl::string_view original);

}  // namespace factdiff

#endif  // FACTDIFF_CORE_TEXT_NORMALIZE_H_
