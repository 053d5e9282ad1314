// Vectors supplied by a client ("client" embedder): the
// v1::Statement.embedding of each statement, used as given apart from L2
// normalization.
//
//   std::vector<const v1::Statement*> statements = ...;
//   FACTDIFF_ASSIGN_OR_RETURN(Eigen::MatrixXf m,
//                             ClientEmbeddingMatrix(statements));
//   float cosine = m.row(0).dot(m.row(1));
#ifndef FACTDIFF_CORE_EMBED_CLIENT_VECTORS_H_
#define FACTDIFF_CORE_EMBED_CLIENT_VECTORS_H_

#include <string>
#include <vector>

#include "Eigen/Core"
#include "absl/status/statusor.h"
#include "proto/extraction.pb.h"

namespace factdiff {

// One row per statement (in order): its embedding, L2-normalized; an all-zero
// embedding stays a zero row. InvalidArgument, naming the statement id (or
// its index when the id is empty) and the dimensions, when a statement has
// no embedding, when dimensions differ, or when a value is not finite. No
// statements: a 0 x 0 matrix. The pointers must not be null; they are read
// during the call only.
absl::StatusOr<Eigen::MatrixXf> ClientEmbeddingMatrix(
    const std::vector<const v1::Statement*>& statements);
absl::StatusOr<Eigen::MatrixXf> ClientEmbeddingMatrix(
    const std::vector<v1::Statement>& statements);

// The same for plain vectors; `ids` (optional: empty, or one per vector)
// name the vectors in error messages.
absl::StatusOr<Eigen::MatrixXf> VectorsToMatrix(
    const std::vector<std::vector<float>>& vectors,
    const std::vector<std::string>& ids = {});

// True when at least one statement carries an embedding.
bool HasClientEmbeddings(const std::vector<const v1::Statement*>& statements);

}  // namespace factdiff

#endif  // FACTDIFF_CORE_EMBED_CLIENT_VECTORS_H_
