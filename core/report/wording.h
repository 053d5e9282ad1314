// The names every renderer gives a finding's kind, cause and severity, so
// that the text, Markdown, HTML, GitHub and SARIF outputs read alike.
#ifndef FACTDIFF_CORE_REPORT_WORDING_H_
#define FACTDIFF_CORE_REPORT_WORDING_H_

#include <string>

#include "proto/report.pb.h"

namespace factdiff {

// "numeric mismatch", "attribution conflict", "causal order conflict",
// "date mismatch"; "finding" for an unknown kind.
std::string KindName(v1::Finding::Kind kind);

// "sources in conflict", "later update", "different scope"; "unexplained"
// otherwise.
std::string CauseName(v1::Finding::Cause cause);

// "high", "medium"; "low" otherwise.
std::string SeverityName(v1::Finding::Severity severity);

}  // namespace factdiff

#endif  // FACTDIFF_CORE_REPORT_WORDING_H_
