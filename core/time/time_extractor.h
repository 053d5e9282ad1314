// Extraction of dates and periods ("on Sunday", "Oct. 19", "last week",
// "in 2021", "nearly two weeks") resolved against the publication date.
//
//   TimeExtractor extractor;
//   absl::optional<absl::CivilDay> published = ParsePublishedDay("2025-10-29");
//   std::vector<v1::TimeExpression> t = extractor.Extract(norm, s, published);
#ifndef FACTDIFF_CORE_TIME_TIME_EXTRACTOR_H_
#define FACTDIFF_CORE_TIME_TIME_EXTRACTOR_H_

#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/types/optional.h"
#include "core/text/normalize.h"
#include "core/text/segment.h"
#include "proto/extraction.pb.h"

namespace factdiff {

// Parses Document.published: "YYYY-MM-DD", optionally followed by 'T' or ' '
// and a time of day and zone, which are ignored; surrounding ASCII whitespace
// is ignored. Empty, malformed or impossible dates (2025-02-29) -> nullopt.
absl::optional<absl::CivilDay> ParsePublishedDay(absl::string_view published);

// Finds time expressions in one sentence. Immutable: Extract() is safe to
// call from several threads at once.
class TimeExtractor {
 public:
  TimeExtractor() = default;

  // Returns the time expressions in `sentence` (normalized coordinates) of
  // `text`, in text order, without overlap. Spans are in ORIGINAL
  // coordinates (see NormalizedText::ToOriginal). NormalizedText does not
  // keep the original, so `text` is the NORMALIZED surface of the span
  // (straight quotes, '-' for dashes, ' ' for special spaces); a caller that
  // holds Document.text may overwrite it with the original substring.
  // Spans leave out prepositions ("on Sunday" -> "Sunday", "in 2021" ->
  // "2021") but keep "since" and a leading "the" that belongs to the phrase
  // ("the 1990s", "the weekend", "the past 24 hours", "the night of Oct. 11").
  //
  // Resolution against `published` (start/end are inclusive days; weeks run
  // Monday to Sunday; relative == the publication date was used):
  //  - Weekdays ("Sunday", "on Sunday", "Monday evening", "late Friday",
  //    "early Wednesday", "Tuesday night"): the latest such day on or before
  //    publication (the publication day itself counts). "last Wednesday": the
  //    latest strictly before it (a week earlier when published on a
  //    Wednesday). "next Monday": the first strictly after it. "Sunday,
  //    Oct. 19" is one expression resolved by its date. DAY.
  //  - "today", "tonight", "this morning/afternoon/evening": the publication
  //    day; "yesterday", "last night": the day before; "tomorrow": after. DAY.
  //  - "last/this/next week|month|year": the calendar period (WEEK, MONTH,
  //    YEAR); "earlier this ..." ends, "later this ..." starts, on the
  //    publication day. "last/this weekend", "the weekend": Saturday-Sunday
  //    (the latest one ending on or before publication for "the weekend",
  //    strictly before it for "last weekend"). DAY.
  //  - A month without a year ("in August", "mid-March"): the latest such
  //    month at most one month after the publication month (in an October
  //    article "November" is this year's, "December" last year's). "last
  //    August": the latest strictly before the publication month; "next
  //    August": the first after it; "this August": the publication year's.
  //    early/mid/late narrow a month to days 1-10 / 11-20 / 21-end. MONTH.
  //  - A month and day without a year ("Oct. 19", "19 October", "Oct 19th",
  //    ranges "October 11-12", "Oct. 30-Nov. 2"): the latest such date at
  //    most 31 days after publication. DAY.
  //  - "the past 24 hours", "the last two weeks", "the past week": the
  //    window [publication - amount, publication]. "three days ago" (DAY),
  //    "two weeks ago" (the WEEK containing that day), "a month ago"
  //    (MONTH), "a year ago" (YEAR). Vague counts ("a few days ago") are
  //    left out.
  //  - "since X": from the start of X to publication (relative); without
  //    `published`, X's own start and end.
  // Absolute forms, resolved with or without `published` (relative false):
  // "October 11, 2025", "Oct. 19, 2025", "3 March 2019", "2025-10-29" (DAY);
  // "October 2025" (MONTH); a year after a cue word ("in/by/since/of/
  // from/until/during/before/after/between 2021": YEAR; "early/mid/late
  // 2021": Jan-Apr / May-Aug / Sep-Dec; "2019 to 2021", "1992-95"); decades
  // "the 1990s", "the '80s" (DECADE; early 0-3, mid 4-6, late 7-9).
  // Durations ("nearly two weeks", "48 hours", "a 72-hour truce", "more than
  // a month") are DURATION with start/end empty and relative false.
  // Without `published`, relative expressions are returned unresolved
  // (start/end empty, relative true).
  //
  // Not times: month names need a capital initial; "May", "March" and
  // abbreviations need a following day or year or a cue before them ("in",
  // "of", "since", "last", "early", "mid-", ...); a bare month followed by a
  // capitalized word is a name ("April Ryan"); "the Sunday Times" is a name;
  // a bare year needs a cue ("the 2021 election" is not a time); "a day"
  // without a modifier ("twice a day") and ages ("a 26-year-old") are not
  // durations. Invalid dates (Feb. 30) are dropped. Not handled: numeric
  // dates other than ISO ("10/29/2025"), clock times, seasons, dates
  // relative to the story rather than publication ("two days later").
  std::vector<v1::TimeExpression> Extract(
      const NormalizedText& text, const SentenceRange& sentence,
      absl::optional<absl::CivilDay> published) const;
};

}  // namespace factdiff

#endif  // FACTDIFF_CORE_TIME_TIME_EXTRACTOR_H_
