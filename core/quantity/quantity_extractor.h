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
  // into the Document.text the normalized text was made from; Quantity.text
  // is the NORMALIZED surface of the span. low <= high always. Finding
  // nothing is an empty vector.
  //
  // Intervals (t = approximate_tolerance, f = open_upper_factor):
  //   EXACT [v, v]; "about/around/roughly/some v" APPROXIMATE [v(1-t),
  //   v(1+t)]; "nearly/almost/close to v" APPROXIMATE [v(1-t), v];
  //   "at least v" AT_LEAST [v, fv]; "more than/over v" MORE_THAN [v+1, fv]
  //   for counts ([v, fv] otherwise); "just over v" MORE_THAN [v+1, v(1+t)];
  //   "up to/as many as/no more than v" AT_MOST [1, v] for counts;
  //   "fewer than/under v" LESS_THAN [0, v-1] for counts; "just under v"
  //   LESS_THAN [v(1-t), v-1]; ranges RANGE [lo, hi]; vague words VAGUE with
  //   the interval of the one table in quantity_tables.h (kVagueAmounts:
  //   "dozens" [24, 199] overlaps "scores of" [40, 199]; "hundreds" [200,
  //   999] overlaps "close to 900").
  // Numbers that count nothing are left out: years used as dates, times of
  // day, dates, list markers, phone numbers, scores ("won 3-2"), section and
  // model numbers ("Article 370", "Boeing 737"), street addresses ("10
  // Downing Street"), names ("BBC One"), identifiers ("COVID-19", "5G").
  // Kept, but never comparable as counts (core/compare needs a subject and
  // an equal measure): ages ("45-year-old", "aged 45", "Smith, 45,") with
  // unit "year" (or "month", ...), measure OTHER, measure_word "age" and no
  // subject; "one of the X" as 1 with measure OTHER, measure_word "one of".
  // Linked figures and phrases: "won 71 of the 150 seats" gives 71 the
  // subject "seat" and 150 measure OTHER "total"; "puts the figure at 2,300"
  // takes the earlier figure's measure and subject; "cheated of 6 seats" is
  // trend DOWN; jobs cut or lost ("cut 1,500 jobs", "2,300 jobs would be
  // lost") are measure OTHER "job cuts"; "had taken part" is PARTICIPATED;
  // "treated in hospital" is WOUNDED; "magnitude 6.1" is OTHER "magnitude"
  // (subject "aftershock" when the sentence says so); "the death toll ...
  // rose to 118" and "the number of people killed ... rose to 118" are
  // KILLED; "net profit" keeps its qualifier in measure_word.
  // "from X to Y" after a change word ("rose from 5% to 7%") or falling
  // ("from 208 to 193") is one RANGE [min, max] with trend UP or DOWN, not
  // two levels. A conversion in parentheses that agrees with the figure
  // before it ("more than 100 km (62 miles)", see units.h) takes its bound.
  std::vector<v1::Quantity> Extract(const NormalizedText& text,
                                    const SentenceRange& sentence) const;

  const QuantityOptions& options() const { return options_; }

 private:
  QuantityOptions options_;
};

}  // namespace factdiff

#endif  // FACTDIFF_CORE_QUANTITY_QUANTITY_EXTRACTOR_H_
