// Options shared by every finder in core/compare.
//
//   CompareOptions options;
//   options.min_confidence = 0.6;  // only MEDIUM and HIGH findings
//   std::vector<v1::Finding> f = FindAllDisagreements(..., options);
#ifndef FACTDIFF_CORE_COMPARE_OPTIONS_H_
#define FACTDIFF_CORE_COMPARE_OPTIONS_H_

namespace factdiff {

struct CompareOptions {
  // --- Affects behavior ---

  // Findings below this confidence are dropped. Default 0.5.
  double min_confidence = 0.5;
  // Leave out disagreements inside one document. Default false.
  bool skip_same_document = false;
  // Two dates of one event this many days apart or fewer are taken to agree
  // (a night attack is dated either side of midnight, and time zones shift
  // a day). Default 1.
  int date_tolerance_days = 1;
  // An aligned pair must be at least this similar for its statements'
  // dates to be compared (weaker pairs may describe different incidents).
  // Default 0.3.
  double min_date_similarity = 0.3;

  // --- Affects performance ---

  // Statements of one event that carry what a finder looks at are compared
  // all against all only up to this many per event; larger events fall back
  // to their aligned pairs. Default 200.
  int max_event_bucket = 200;
};

}  // namespace factdiff

#endif  // FACTDIFF_CORE_COMPARE_OPTIONS_H_
