// A report as one self-contained HTML page for fact-checkers: counts and
// documents at the top, findings grouped by event (most severe first) with
// the conflicting claims side by side, a small SVG chart of the figures of
// each numeric finding, and every article's full text with the cited
// sentences anchored, so that "in context" links jump to them.
//
//   std::vector<v1::Document> docs = ...;  // with their text
//   FACTDIFF_ASSIGN_OR_RETURN(v1::Report report, Analyze(docs, config));
//   std::cout << RenderHtml(report, docs, HtmlOptions());
//
// The page needs nothing from the network: inline CSS, inline SVG, no
// scripts, no fonts or images by URL. The only external links are the
// articles' own `url` fields, and only when they are http(s) URLs.
#ifndef FACTDIFF_CORE_REPORT_HTML_HTML_H_
#define FACTDIFF_CORE_REPORT_HTML_HTML_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "proto/document.pb.h"
#include "proto/report.pb.h"

namespace factdiff {

struct HtmlOptions {
  // The page's <title> and main heading. Escaped like all other text.
  std::string title = "factdiff report";
};

// Renders `report` as a complete HTML5 document (UTF-8, ends in a newline).
//
// `documents` are the report's documents WITH their text (Report.documents
// holds metadata only); they are matched to claims by Document.id, and every
// Claim span is read as a byte range into the text of the document with its
// document_id. A claim whose document is missing from `documents`, or whose
// span does not match that text, is shown without an "in context" link; a
// document missing from `documents` is listed without its full text. Never
// fails: every string from the report or the articles is HTML-escaped, and
// every href="#x" in the page has a matching id="x".
//
// Element contract (what tests and scripts may rely on):
//   - one <section class="finding" id="finding-..."> per finding, inside a
//     <section class="event"> whose <h3> is the event's label, or "Other
//     findings" for findings without a known event;
//   - one <svg class="chart"> per NUMERIC_MISMATCH finding, none otherwise;
//   - the figure (or date, or attribution cue and source) of each claim is
//     wrapped in <mark>, both in the claim and in the full text;
//   - each cited sentence of the full texts is wrapped in
//     <span class="cited" id="d-<document id>-s<sentence index>"> (ids
//     sanitized: see HtmlId);
//   - a report without findings has a <p class="empty"> saying so.
std::string RenderHtml(const v1::Report& report,
                       const std::vector<v1::Document>& documents,
                       const HtmlOptions& options);

// `s` with & < > " ' replaced by entities; invalid UTF-8 and control
// characters other than tab and newline become U+FFFD. Safe in element
// content and in quoted attribute values. Exposed for tests.
std::string HtmlEscape(absl::string_view s);

// A fragment of an HTML id made from arbitrary text, injective: ASCII
// letters, digits and '-' are kept, every other byte becomes "_xx" (two
// lower-case hex digits). HtmlId("a.b") == "a_2eb". Exposed for tests.
std::string HtmlId(absl::string_view s);

}  // namespace factdiff

#endif  // FACTDIFF_CORE_REPORT_HTML_HTML_H_
