// Sentence splitting for news text: ICU's sentence break rules, then
// repairs for what they get wrong in news.
//
//   NormalizedText norm = Normalize(doc.text());
//   for (const SentenceRange& s : SplitSentences(norm.text)) {
//     absl::string_view sentence = norm.text.substr(s.begin, s.end - s.begin);
//   }
#ifndef FACTDIFF_CORE_TEXT_SEGMENT_H_
#define FACTDIFF_CORE_TEXT_SEGMENT_H_

#include <cstdint>
#include <vector>

#include "absl/strings/string_view.h"

namespace factdiff {

// A sentence as a half-open byte range of the text it was split from,
// trimmed of surrounding whitespace; never empty.
struct SentenceRange {
  uint32_t begin = 0;
  uint32_t end = 0;
};

// Splits `text` (normalized text, see normalize.h) into sentences, in order,
// without overlap.
//  - A blank line always ends a sentence; so does a line that stands alone as
//    a heading or byline (no final punctuation, followed by a line break).
//    A single line break inside running text (hard-wrapped paragraphs) does
//    not end a sentence.
//  - Abbreviations do not end sentences: titles ("Mr.", "Gen.", "Dr."),
//    months before a day ("Oct. 19"), initialisms ("U.S.", "T.T.P.") unless
//    the next word starts a new sentence, "No. 3", "St.", "Jr.", "Inc.",
//    and decimal numbers.
//  - A closing quote after final punctuation stays with its sentence.
// Thread-safe.
std::vector<SentenceRange> SplitSentences(absl::string_view text);

}  // namespace factdiff

#endif  // FACTDIFF_CORE_TEXT_SEGMENT_H_
