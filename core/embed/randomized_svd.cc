#include "core/embed/randomized_svd.h"

#include <algorithm>
#include <cmath>
#include <random>

#include "Eigen/QR"
#include "Eigen/SVD"
#include "core/embed/parallel.h"

namespace factdiff {
namespace {

// Row-major dense: the products below read and write whole rows, which are
// then contiguous (and vectorized by Eigen).
using RowMatrix = RowMajorMatrixXf;

RowMatrix Product(const SparseRowMatrix& a, const RowMatrix& x,
                  int num_threads) {
  if (!a.isCompressed()) {
    SparseRowMatrix compressed = a;
    compressed.makeCompressed();
    return Product(compressed, x, num_threads);
  }
  RowMatrix out(a.rows(), x.cols());
  const int* outer = a.outerIndexPtr();
  const int* inner = a.innerIndexPtr();
  const float* values = a.valuePtr();
  const int64_t end_all = outer[a.rows()];
  const Eigen::Index cols = x.cols();
  const int64_t row_bytes = static_cast<int64_t>(cols) * sizeof(float);
  // Rows are split by their number of entries: column counts of text
  // features are very skewed, so equal row counts would not balance A^T.
  embed_internal::ParallelWeightedRanges(
      a.rows(), outer, num_threads, /*min_weight_per_thread=*/1 << 16,
      [&](int64_t begin, int64_t end) {
        // The rows of x are gathered at random: fetch a few entries ahead.
        constexpr int64_t kAhead = 8;
        for (int64_t i = begin; i < end; ++i) {
          Eigen::Map<Eigen::VectorXf> row(out.row(i).data(), cols);
          row.setZero();
          for (int64_t p = outer[i]; p < outer[i + 1]; ++p) {
            if (p + kAhead < end_all) {
              const char* ahead = reinterpret_cast<const char*>(
                  x.data() + static_cast<int64_t>(inner[p + kAhead]) * cols);
              for (int64_t off = 0; off < row_bytes; off += 64) {
                __builtin_prefetch(ahead + off);
              }
            }
            row.noalias() +=
                values[p] *
                Eigen::Map<const Eigen::VectorXf>(
                    x.data() + static_cast<int64_t>(inner[p]) * cols, cols);
          }
        }
      });
  return out;
}

// An orthonormal basis (thin Q of a Householder QR) of the columns of `y`.
RowMatrix Orthonormalize(const RowMatrix& y) {
  Eigen::HouseholderQR<Eigen::MatrixXf> qr(y);
  Eigen::MatrixXf q = Eigen::MatrixXf::Identity(y.rows(), y.cols());
  q.applyOnTheLeft(qr.householderQ());
  return q;
}

// A rows x cols matrix of independent standard normal draws: mt19937_64
// (fully specified by the C++ standard) and Box-Muller, so the values do not
// depend on the standard library's distributions.
RowMatrix Gaussian(Eigen::Index rows, Eigen::Index cols, uint64_t seed) {
  std::mt19937_64 gen(seed);
  auto uniform = [&gen] {  // in (0, 1)
    return (static_cast<double>(gen() >> 11) + 0.5) * 0x1.0p-53;
  };
  RowMatrix g(rows, cols);
  float* data = g.data();
  const Eigen::Index size = g.size();
  for (Eigen::Index i = 0; i < size; i += 2) {
    const double r = std::sqrt(-2.0 * std::log(uniform()));
    const double theta = 2.0 * M_PI * uniform();
    data[i] = static_cast<float>(r * std::cos(theta));
    if (i + 1 < size) data[i + 1] = static_cast<float>(r * std::sin(theta));
  }
  return g;
}

}  // namespace

RowMajorMatrixXf SparseTimesDense(const SparseRowMatrix& a,
                                  const RowMajorMatrixXf& x, int num_threads) {
  return Product(a, x, num_threads);
}

TruncatedSvd RandomizedSvd(const SparseRowMatrix& a,
                           const RandomizedSvdOptions& options) {
  const Eigen::Index m = a.rows(), n = a.cols();
  const Eigen::Index k =
      std::max<Eigen::Index>(0, std::min<Eigen::Index>({options.rank, m, n}));
  TruncatedSvd result;
  if (k == 0) {
    result.u.resize(m, 0);
    result.singular_values.resize(0);
    result.v.resize(n, 0);
    return result;
  }
  const Eigen::Index l =
      std::min<Eigen::Index>({k + std::max(0, options.oversampling), m, n});
  const int threads = std::max(1, options.num_threads);
  const SparseRowMatrix at(a.transpose());

  // Range finder with subspace iteration (Halko et al., algorithm 4.4).
  RowMatrix q =
      Orthonormalize(Product(a, Gaussian(n, l, options.seed), threads));
  for (int i = 0; i < options.power_iterations; ++i) {
    const RowMatrix z = Orthonormalize(Product(at, q, threads));
    q = Orthonormalize(Product(a, z, threads));
  }

  // B = Q^T A (l x n). Factor B^T = Q2 R and take the SVD of the small R:
  // R = Ur S Vr^T, so A ~= Q B = (Q Vr) S (Q2 Ur)^T.
  const RowMatrix bt = Product(at, q, threads);
  Eigen::HouseholderQR<Eigen::MatrixXf> qr(bt);
  Eigen::MatrixXf q2 = Eigen::MatrixXf::Identity(n, l);
  q2.applyOnTheLeft(qr.householderQ());
  const Eigen::MatrixXd r = qr.matrixQR()
                                .topRows(l)
                                .triangularView<Eigen::Upper>()
                                .toDenseMatrix()
                                .cast<double>();
  Eigen::JacobiSVD<Eigen::MatrixXd> svd(
      r, Eigen::ComputeFullU | Eigen::ComputeFullV);
  result.singular_values = svd.singularValues().head(k).cast<float>();
  result.u = Eigen::MatrixXf(q) * svd.matrixV().leftCols(k).cast<float>();
  result.v = q2 * svd.matrixU().leftCols(k).cast<float>();
  return result;
}

}  // namespace factdiff
