// A randomized truncated SVD of a sparse matrix (Halko, Martinsson, Tropp,
// "Finding structure with randomness", SIAM Review 2011, algorithms 4.4 and
// 5.1): a Gaussian test matrix from a fixed-seed generator, a few power
// (subspace) iterations re-orthonormalized with Householder QR, then the exact
// SVD of a small (k + oversampling)-square matrix with Eigen::JacobiSVD.
//
//   SparseRowMatrix a = ...;                     // m x n, e.g. TF-IDF rows
//   RandomizedSvdOptions options;
//   options.rank = 128;
//   TruncatedSvd svd = RandomizedSvd(a, options);
//   // a ~= svd.u * svd.singular_values.asDiagonal() * svd.v.transpose()
//   Eigen::MatrixXf rows = SparseTimesDense(a, svd.v, 2);  // = u * diag(s)
//
// Cost: (2 * power_iterations + 2) products of `a` (or its transpose) with a
// dense matrix of k + oversampling columns, plus as many Householder QRs of
// (m or n) x (k + oversampling) matrices. Memory: `a`, its transpose, and a
// few dense (m or n) x (k + oversampling) float matrices.
#ifndef FACTDIFF_CORE_EMBED_RANDOMIZED_SVD_H_
#define FACTDIFF_CORE_EMBED_RANDOMIZED_SVD_H_

#include <cstdint>

#include "Eigen/Core"
#include "Eigen/SparseCore"

namespace factdiff {

// Compressed sparse rows, float values, int indices.
using SparseRowMatrix = Eigen::SparseMatrix<float, Eigen::RowMajor>;
// Dense, row-major: rows are contiguous, which the row-split products use.
using RowMajorMatrixXf =
    Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

struct RandomizedSvdOptions {
  // --- Affects behavior -------------------------------------------------
  // Number of singular triplets wanted (k). The result has
  // min(rank, rows, cols) of them. Default 128.
  int rank = 128;
  // Extra columns of the random test matrix beyond `rank` (p); more gives a
  // better approximation of the last components. Default 10.
  int oversampling = 10;
  // Power iterations (q): each one costs two products with the matrix and
  // sharpens the result when singular values decay slowly, as they do for
  // text. Default 2.
  int power_iterations = 2;
  // Seed of the Gaussian test matrix (std::mt19937_64, Box-Muller); the
  // result is a deterministic function of the matrix, the options and this.
  uint64_t seed = 0x9e3779b97f4a7c15ull;

  // --- Affects performance ----------------------------------------------
  // Threads used for the sparse-dense products (rows are split among them;
  // the result does not depend on the count). Default 1.
  int num_threads = 1;
};

// The k leading singular triplets: a ~= u * diag(singular_values) * v^T.
struct TruncatedSvd {
  // m x k, orthonormal columns (left singular vectors).
  Eigen::MatrixXf u;
  // k values, non-negative, in non-increasing order.
  Eigen::VectorXf singular_values;
  // n x k, orthonormal columns (right singular vectors).
  Eigen::MatrixXf v;
};

// Computes the truncated SVD of `a` (m x n). A matrix with no rows or columns
// gives k = 0. Deterministic; thread-compatible.
TruncatedSvd RandomizedSvd(const SparseRowMatrix& a,
                           const RandomizedSvdOptions& options);

// a * x for a sparse `a` (m x n) and dense `x` (n x c), with rows split over
// `num_threads` threads (at most; small inputs use one). Each output row is
// summed in the same order whatever the thread count, so the result is
// bit-identical for any `num_threads` >= 1.
RowMajorMatrixXf SparseTimesDense(const SparseRowMatrix& a,
                                  const RowMajorMatrixXf& x, int num_threads);

}  // namespace factdiff

#endif  // FACTDIFF_CORE_EMBED_RANDOMIZED_SVD_H_
