// Aligns a run's statements into events in one call: embeds them with the
// configured embedder (core/embed), derives each one's dates, places, event
// types and figures, adds each article's context (AddDocumentContext: an
// undated or placeless sentence takes its article's main date and places),
// and runs the blocked aligner (dense_aligner.h).
//
//   FACTDIFF_ASSIGN_OR_RETURN(
//       DenseAlignment a,
//       AlignStatements(statements, document_of, documents, config));
//   for (const DenseLink& l : a.pairs) ...;   // indexes into `statements`
//
// The pipeline's one door into alignment: it keeps Eigen types out of
// core/pipeline.
#ifndef FACTDIFF_CORE_ALIGN_STATEMENT_ALIGNER_H_
#define FACTDIFF_CORE_ALIGN_STATEMENT_ALIGNER_H_

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "core/align/dense_aligner.h"
#include "proto/config.pb.h"
#include "proto/document.pb.h"
#include "proto/extraction.pb.h"

namespace factdiff {

// `statements[i]` belongs to `documents[document_of[i]]`. `config` must have
// its defaults filled in (WithDefaults in core/pipeline). Fails when the
// embedder cannot be built (unknown kind, unreadable vector file, client
// vectors of mixed dimensions: the message names the file or statement).
absl::StatusOr<DenseAlignment> AlignStatements(
    const std::vector<v1::Statement>& statements,
    const std::vector<uint32_t>& document_of,
    const std::vector<v1::Document>& documents, const v1::Config& config);

}  // namespace factdiff

#endif  // FACTDIFF_CORE_ALIGN_STATEMENT_ALIGNER_H_
