// The one entry point of the engine: documents in, Report out.
//
//   v1::Config config;                       // zeros mean defaults
//   absl::StatusOr<v1::Report> report = Analyze(documents, config);
//   if (!report.ok()) return report.status();  // bad documents, bad config
//
// Stages, left to right: validate -> normalize + split sentences -> extract
// figures and dates -> embed (TF-IDF) -> align into events -> compare ->
// findings sorted most severe first. The CLI and the gRPC server are thin
// layers over these functions.
#ifndef FACTDIFF_CORE_PIPELINE_PIPELINE_H_
#define FACTDIFF_CORE_PIPELINE_PIPELINE_H_

#include <vector>

#include "absl/status/statusor.h"
#include "proto/config.pb.h"
#include "proto/document.pb.h"
#include "proto/extraction.pb.h"
#include "proto/report.pb.h"

namespace factdiff {

// `config` with every zero field replaced by its documented default
// (proto/config.proto). Fails on values out of range (a similarity or
// confidence outside [0, 1]).
absl::StatusOr<v1::Config> WithDefaults(const v1::Config& config);

// Compares all documents against all. Fails with InvalidArgument naming the
// document when one is invalid (empty, not UTF-8, above the size limit, bad
// `published`) or when two share an id; nothing is computed then. An empty
// list is an error. Thread-safe: the extractors are shared and immutable.
absl::StatusOr<v1::Report> Analyze(const std::vector<v1::Document>& documents,
                                   const v1::Config& config);

// The validation of Analyze() alone: `config` needs its defaults filled in
// (for max_document_bytes).
absl::Status ValidateDocuments(const std::vector<v1::Document>& documents,
                               const v1::Config& config);

// The statements of one valid document as Analyze() extracts them: every
// sentence, with its figures, dates, attributions and frames; spans are
// offsets into `document.text`. Thread-safe.
std::vector<v1::Statement> ExtractStatements(const v1::Document& document);

// Analyze() after extraction: align, compare, label events, count.
// `statements[d]` are `documents[d]`'s, as ExtractStatements() gives them
// (possibly read back from a store); `documents` need not carry their text.
// `config` must have its defaults filled in (WithDefaults()). When `focus`
// is not empty (one flag per document), only the findings with a claim in a
// focused document and the events holding a focused document's statement are
// reported; the others are still aligned and compared with them.
absl::StatusOr<v1::Report> AnalyzeStatements(
    const std::vector<v1::Document>& documents,
    std::vector<std::vector<v1::Statement>> statements,
    const v1::Config& config, const std::vector<bool>& focus = {});

// What the extractors find in each document, sentence by sentence (all
// sentences, with or without figures). Same validation as Analyze().
absl::StatusOr<std::vector<v1::DocumentExtraction>> Extract(
    const std::vector<v1::Document>& documents, const v1::Config& config);

}  // namespace factdiff

#endif  // FACTDIFF_CORE_PIPELINE_PIPELINE_H_
