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

// What the extractors find in each document, sentence by sentence (all
// sentences, with or without figures). Same validation as Analyze().
absl::StatusOr<std::vector<v1::DocumentExtraction>> Extract(
    const std::vector<v1::Document>& documents, const v1::Config& config);

}  // namespace factdiff

#endif  // FACTDIFF_CORE_PIPELINE_PIPELINE_H_
