#include "core/report/wording.h"

namespace factdiff {

using v1::Finding;

std::string KindName(Finding::Kind kind) {
  switch (kind) {
    case Finding::NUMERIC_MISMATCH:
      return "numeric mismatch";
    case Finding::ATTRIBUTION_CONFLICT:
      return "attribution conflict";
    case Finding::CAUSAL_ORDER_CONFLICT:
      return "causal order conflict";
    case Finding::DATE_MISMATCH:
      return "date mismatch";
    default:
      return "finding";
  }
}

std::string CauseName(Finding::Cause cause) {
  switch (cause) {
    case Finding::CONFLICTING_SOURCES:
      return "sources in conflict";
    case Finding::LATER_UPDATE:
      return "later update";
    case Finding::DIFFERENT_SCOPE:
      return "different scope";
    default:
      return "unexplained";
  }
}

std::string SeverityName(Finding::Severity severity) {
  switch (severity) {
    case Finding::HIGH:
      return "high";
    case Finding::MEDIUM:
      return "medium";
    default:
      return "low";
  }
}

}  // namespace factdiff
