// Extraction of figures from news sentences: each number, number word, vague
// amount ("dozens") or range becomes a v1::Quantity with its interval, bound,
// unit, measure (what happened) and subject (what is counted).
//
//   QuantityExtractor extractor;
//   NormalizedText norm = Normalize(doc.text());
//   for (const SentenceRange& s : SplitSentences(norm.text)) {
//     std::vector<v1::Quantity> q = extractor.Extract(norm, s);
//   }
#ifndef FACTDIFF_CORE_QUANTITY_QUANTITY_EXTRACTOR_H_
#define FACTDIFF_CORE_QUANTITY_QUANTITY_EXTRACTOR_H_

#include <vector>

#include "core/text/normalize.h"
#include "core/text/segment.h"
#include "proto/extraction.pb.h"

namespace factdiff {

struct QuantityOptions {
  // Relative half-width of the interval given to approximate figures
  // ("about 30" -> [30 * (1 - t), 30 * (1 + t)]). Default 0.10.
  double approximate_tolerance = 0.10;
  // Upper bound given to open intervals ("at least 23", "more than 50"):
  // high = value * open_upper_factor. Default 10.
  double open_upper_factor = 10.0;
};

// Finds quantities in one sentence. Immutable after construction: Extract()
// is safe to call from several threads at once.
class QuantityExtractor {
 public:
  explicit QuantityExtractor(QuantityOptions options = QuantityOptions());

  // Returns the quantities in sentence `sentence` (normalized coordinates) of
  // `text`, in text order. Every Span in the result (span, subject_span) is
  // in ORIGINAL coordinates (mapped through text.ToOriginal), so it points
  // into the Document.text the normalized text was made from, and
  // Quantity.text is that original surface. Numbers that count nothing
  // (years used as dates, times of day, list markers, phone numbers, ages in
  // "aged 45"... see the .cc) are left out. Finding nothing is an empty
  // vector.
  std::vector<v1::Quantity> Extract(const NormalizedText& text,
                                    const SentenceRange& sentence) const;

  const QuantityOptions& options() const { return options_; }

 private:
  QuantityOptions options_;
};

}  // namespace factdiff

#endif  // FACTDIFF_CORE_QUANTITY_QUANTITY_EXTRACTOR_H_
