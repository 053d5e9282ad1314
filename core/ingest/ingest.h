// Reading articles: text or Markdown with optional front matter, standard
// input, and Document protobufs in binary or JSON form.
//
//   IngestOptions options;
//   absl::StatusOr<std::vector<v1::Document>> docs =
//       ReadDocuments("articles/reuters-oct12.md", options);
//   if (!docs.ok()) { std::cerr << docs.status().message() << "\n"; return 2; }
//
// Every error is InvalidArgument (bad content) or NotFound (no such file),
// and its message starts with the path: "articles/x.md: front matter
// opened on line 1 is never closed".
#ifndef FACTDIFF_CORE_INGEST_INGEST_H_
#define FACTDIFF_CORE_INGEST_INGEST_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "proto/document.pb.h"

namespace factdiff {

struct IngestOptions {
  // Inputs larger than this many bytes are refused. Default 4 MiB, far above
  // any news article; protects the engine from logs and dumps passed by
  // mistake.
  uint64_t max_bytes = 4u << 20;
};

// How the bytes of one input are read.
enum class InputFormat {
  kText,       // .txt, .md, .markdown and anything unknown; "-" by default
  kProtoJson,  // .json: a Document, or a DocumentSet {"documents": [...]}
  kProtoBinary,  // .pb, .binpb: one binary Document
};

// The format implied by `path`'s extension. "-" (standard input) is kText
// unless its first non-blank byte is '{', which ParseDocuments checks.
InputFormat FormatForPath(absl::string_view path);

// The document id for a path: its file stem ("a/b/reuters-oct12.md" ->
// "reuters-oct12"); "stdin" for "-".
std::string DocumentIdForPath(absl::string_view path);

// Parses one input's bytes into documents (one, or several for a JSON
// DocumentSet). `path` names the input in errors and fills Document.path and,
// where the input leaves it empty, Document.id. Checks, each an
// InvalidArgument naming the path:
//  - size above options.max_bytes;
//  - binary data (NUL or other control bytes) and invalid UTF-8, with the
//    offending byte offset;
//  - front matter ("---" on the first line) that is never closed, lines in
//    it that are not "key: value" (unknown keys are ignored), a `published`
//    (or `date`) that is not
//    a real date "YYYY-MM-DD" (optionally with a time "THH:MM[:SS]" and
//    zone);
//  - an empty body (only whitespace after the front matter);
//  - malformed protobuf (binary or JSON), unknown JSON fields.
// Text without front matter may start with a dateline ("date 2025-10-29",
// or a line holding only a date such as "October 18, 2025"); when it does,
// that date fills Document.published and the text is kept as it is.
absl::StatusOr<std::vector<v1::Document>> ParseDocuments(
    absl::string_view path, absl::string_view bytes,
    const IngestOptions& options);

// Reads `path` ("-" reads standard input to its end) and parses it with
// ParseDocuments. A missing file is NotFound; a directory or unreadable file
// is InvalidArgument.
absl::StatusOr<std::vector<v1::Document>> ReadDocuments(
    const std::string& path, const IngestOptions& options);

// Checks a document that arrived already parsed (from a protobuf client):
// non-empty id, valid non-empty UTF-8 text within options.max_bytes, and a
// well-formed `published`. Errors name the document id.
absl::Status ValidateDocument(const v1::Document& doc,
                              const IngestOptions& options);

// True if `published` is empty or a valid "YYYY-MM-DD[THH:MM[:SS][zone]]".
bool IsValidPublished(absl::string_view published);

}  // namespace factdiff

#endif  // FACTDIFF_CORE_INGEST_INGEST_H_
