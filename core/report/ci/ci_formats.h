// Report formats for continuous integration: GitHub Actions workflow
// commands (annotations on the changed files of a pull request) and SARIF
// 2.1.0 (code scanning, and any SARIF viewer).
//
//   CiFormatOptions options;
//   options.focus_documents = {"courier-mar14"};  // the new articles
//   std::cout << RenderGithubAnnotations(report, documents, options);
//   std::ofstream("factdiff.sarif") << RenderSarif(report, documents, options);
//
// Where a finding is reported. A finding cites two or more claims. When
// `focus_documents` is empty (factdiff compare) the finding is reported at
// its first claim; otherwise (factdiff check) at its first claim in a
// focused document, and at its first claim when none is focused. The other
// claims are the finding's other side(s): named in the message, and SARIF
// related locations.
//
// Positions. `documents` must carry their text (Report.documents holds
// metadata only); documents are found by id, and a claim whose document is
// missing from `documents` (or whose span does not fit its text) falls back
// to Report.documents for its path and to Claim.line, without columns. A
// claim's region is its sentence, Claim.span: lines are file lines
// (Document.text_line, the file line where the text begins, plus the
// newlines before the offset; text lines from 1 when the document has no
// path); columns are 1-based and count Unicode code points from the start
// of the line. The figure, date or attribution the finding is about is
// named in the message, not used as the region.
//
// Documents without a file (path empty, or "-" for standard input) have no
// file position: GitHub annotations for them carry no file/line/column
// properties (the message says "<id>, line N"), and SARIF locations name
// them as a logical location {name: id, kind: "resource"}.
//
// Both functions are pure; they may be called from several threads at once.
#ifndef FACTDIFF_CORE_REPORT_CI_CI_FORMATS_H_
#define FACTDIFF_CORE_REPORT_CI_CI_FORMATS_H_

#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "proto/document.pb.h"
#include "proto/report.pb.h"

namespace factdiff {

struct CiFormatOptions {
  // Ids of the documents under review (the new articles of `factdiff
  // check`); a finding is reported at its first claim in one of them, the
  // other claims become related locations. Empty: every document is under
  // review (compare), and the first claim is the location. Claims in
  // documents outside a non-empty focus are called "stored article <id>" in
  // messages.
  absl::flat_hash_set<std::string> focus_documents;
  // tool.driver.version of the SARIF log.
  std::string tool_version = "0.1.0";
};

// GitHub Actions workflow commands, one line per finding, in report order:
//
//   ::error file=PATH,line=L,col=C,endLine=L,endColumn=C2,title=TITLE::MESSAGE
//
// HIGH -> error, MEDIUM -> warning, LOW (and unspecified) -> notice. col and
// endColumn are given only when the sentence lies on one line (GitHub
// ignores columns otherwise); endColumn is inclusive (the column of the
// sentence's last character), as GitHub reads it. TITLE: "factdiff <id>:
// <kind>, <severity> <confidence>". MESSAGE, lines joined by newlines: the
// summary; "Here: " and what this claim says (figure, source); one line per
// other side: "vs <source>, <published>, <where>[, per <who>]: "<sentence>"";
// the explanation. <where> is "path:line", or "stored article <id>" (with
// ", path:line" when it has a path) for a document outside a non-empty
// focus, or "<id>, line N" for a document without a path.
// Escaping per GitHub's rules: in the message % -> %25, CR -> %0D, LF ->
// %0A; in property values also : -> %3A and , -> %2C. An empty report gives
// an empty string. Every line ends with "\n".
std::string RenderGithubAnnotations(const v1::Report& report,
                                    const std::vector<v1::Document>& documents,
                                    const CiFormatOptions& options);

// A SARIF 2.1.0 log (pretty-printed JSON, one trailing newline):
// $schema "https://json.schemastore.org/sarif-2.1.0.json", version "2.1.0",
// one run with
//  - tool.driver: name "factdiff", version, and one rule per finding kind,
//    always in the same order, ids "factdiff/numeric-mismatch",
//    "factdiff/attribution-conflict", "factdiff/causal-order-conflict",
//    "factdiff/date-mismatch" (and "factdiff/other" last, only when a
//    finding has no known kind), each with name, shortDescription,
//    fullDescription and defaultConfiguration.level "warning";
//  - columnKind "unicodeCodePoints";
//  - results, in report order: ruleId, ruleIndex, level (HIGH error, MEDIUM
//    warning, LOW note), message.text (as in the GitHub message),
//    locations[0] (physicalLocation: artifactLocation.uri = the path as
//    given, percent-encoded, "\" turned to "/", a leading "./" dropped,
//    absolute paths as file:// URIs; region startLine, startColumn, endLine,
//    endColumn (exclusive), snippet.text = the sentence), relatedLocations
//    (id 1, 2, ...; message.text: the figure or date, source, published,
//    who, and the document id, "stored article <id>" outside the focus) for
//    the other claims, partialFingerprints {"factdiffFinding/v1": 32 hex
//    digits} and properties {findingId, eventId, severity, cause,
//    confidence, sameDocument}.
// The fingerprint hashes the kind and, sorted, each claim's document id and
// sentence text (whitespace runs collapsed), so a re-run on the same texts
// gives the same value wherever the sentences moved, and different findings
// give different values. Strings are escaped per RFC 8259; invalid UTF-8
// becomes U+FFFD.
std::string RenderSarif(const v1::Report& report,
                        const std::vector<v1::Document>& documents,
                        const CiFormatOptions& options);

}  // namespace factdiff

#endif  // FACTDIFF_CORE_REPORT_CI_CI_FORMATS_H_
