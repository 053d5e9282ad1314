#include "core/embed/randomized_svd.h"

#include <cmath>
#include <random>

#include "Eigen/Dense"
#include "gtest/gtest.h"

namespace factdiff {
namespace {

// A random matrix with orthonormal columns (Q of a Gaussian matrix).
Eigen::MatrixXd RandomOrthonormal(int rows, int cols, std::mt19937_64& gen) {
  std::normal_distribution<double> normal;
  Eigen::MatrixXd g(rows, cols);
  for (int i = 0; i < g.size(); ++i) g.data()[i] = normal(gen);
  Eigen::HouseholderQR<Eigen::MatrixXd> qr(g);
  return qr.householderQ() * Eigen::MatrixXd::Identity(rows, cols);
}

// rows x cols with singular values decay^i: a known spectrum.
Eigen::MatrixXd KnownSpectrum(int rows, int cols, double decay) {
  std::mt19937_64 gen(42);
  const int r = std::min(rows, cols);
  Eigen::VectorXd s(r);
  for (int i = 0; i < r; ++i) s[i] = 10.0 * std::pow(decay, i);
  return RandomOrthonormal(rows, r, gen) * s.asDiagonal() *
         RandomOrthonormal(cols, r, gen).transpose();
}

SparseRowMatrix RandomSparse(int rows, int cols, int per_row, uint64_t seed) {
  std::mt19937_64 gen(seed);
  std::uniform_int_distribution<int> col(0, cols - 1);
  std::uniform_real_distribution<float> value(0.1f, 1.0f);
  std::vector<Eigen::Triplet<float>> t;
  for (int i = 0; i < rows; ++i) {
    for (int j = 0; j < per_row; ++j) t.emplace_back(i, col(gen), value(gen));
  }
  SparseRowMatrix m(rows, cols);
  m.setFromTriplets(t.begin(), t.end());
  return m;
}

TEST(RandomizedSvd, MatchesExactSvdOnSmallMatrix) {
  const Eigen::MatrixXd dense = KnownSpectrum(80, 50, 0.75);
  const SparseRowMatrix a = dense.cast<float>().sparseView();
  RandomizedSvdOptions options;
  options.rank = 8;
  const TruncatedSvd svd = RandomizedSvd(a, options);
  ASSERT_EQ(svd.singular_values.size(), 8);
  ASSERT_EQ(svd.u.rows(), 80);
  ASSERT_EQ(svd.v.rows(), 50);

  Eigen::JacobiSVD<Eigen::MatrixXd> exact(dense);
  for (int i = 0; i < 8; ++i) {
    EXPECT_NEAR(svd.singular_values[i], exact.singularValues()[i],
                1e-3 * exact.singularValues()[0])
        << "component " << i;
  }
  // Reconstruction error close to the optimum (Eckart-Young).
  const Eigen::MatrixXd approx =
      (svd.u * svd.singular_values.asDiagonal() * svd.v.transpose())
          .cast<double>();
  const double optimal = exact.singularValues().tail(50 - 8).norm();
  EXPECT_LT((dense - approx).norm(), optimal * 1.01 + 1e-4);
  EXPECT_GT((dense - approx).norm(), optimal * 0.99);
  // A v_i = s_i u_i.
  const Eigen::MatrixXf av = SparseTimesDense(a, svd.v, 1);
  for (int i = 0; i < 8; ++i) {
    EXPECT_LT((av.col(i) - svd.singular_values[i] * svd.u.col(i)).norm(),
              1e-3 * svd.singular_values[0]);
  }
}

TEST(RandomizedSvd, BasesAreOrthonormal) {
  const SparseRowMatrix a = RandomSparse(500, 300, 12, 7);
  RandomizedSvdOptions options;
  options.rank = 40;
  const TruncatedSvd svd = RandomizedSvd(a, options);
  ASSERT_EQ(svd.v.cols(), 40);
  const Eigen::MatrixXf i40 = Eigen::MatrixXf::Identity(40, 40);
  EXPECT_LT((svd.v.transpose() * svd.v - i40).cwiseAbs().maxCoeff(), 1e-4);
  EXPECT_LT((svd.u.transpose() * svd.u - i40).cwiseAbs().maxCoeff(), 1e-4);
  for (int i = 1; i < 40; ++i) {
    EXPECT_LE(svd.singular_values[i], svd.singular_values[i - 1]);
  }
}

TEST(RandomizedSvd, DeterministicAndIndependentOfThreadCount) {
  const SparseRowMatrix a = RandomSparse(6000, 400, 10, 11);
  RandomizedSvdOptions options;
  options.rank = 16;
  options.num_threads = 1;
  const TruncatedSvd one = RandomizedSvd(a, options);
  const TruncatedSvd again = RandomizedSvd(a, options);
  options.num_threads = 4;
  const TruncatedSvd four = RandomizedSvd(a, options);
  EXPECT_TRUE(one.v == again.v);
  EXPECT_TRUE(one.v == four.v);
  EXPECT_TRUE(one.u == four.u);
  EXPECT_TRUE(one.singular_values == four.singular_values);
  options.seed = 12345;
  EXPECT_FALSE(RandomizedSvd(a, options).v == one.v);  // the seed is used
}

TEST(RandomizedSvd, RankIsCappedByShape) {
  const SparseRowMatrix a = RandomSparse(5, 30, 4, 3);
  RandomizedSvdOptions options;
  options.rank = 128;
  const TruncatedSvd svd = RandomizedSvd(a, options);
  EXPECT_EQ(svd.singular_values.size(), 5);
  EXPECT_EQ(svd.v.rows(), 30);
  EXPECT_EQ(svd.v.cols(), 5);
}

TEST(RandomizedSvd, EmptyMatrixHasNoComponents) {
  const TruncatedSvd svd = RandomizedSvd(SparseRowMatrix(0, 10), {});
  EXPECT_EQ(svd.singular_values.size(), 0);
  EXPECT_EQ(svd.v.rows(), 10);
  EXPECT_EQ(svd.v.cols(), 0);
}

TEST(SparseTimesDense, MatchesDenseProduct) {
  const SparseRowMatrix a = RandomSparse(3000, 50, 5, 5);
  std::mt19937_64 gen(1);
  std::normal_distribution<float> normal;
  RowMajorMatrixXf x(50, 7);
  for (int i = 0; i < x.size(); ++i) x.data()[i] = normal(gen);
  const Eigen::MatrixXf expected = Eigen::MatrixXf(a) * x;
  const RowMajorMatrixXf got = SparseTimesDense(a, x, 3);
  EXPECT_LT((got - expected).cwiseAbs().maxCoeff(), 1e-4);
  EXPECT_TRUE(got == SparseTimesDense(a, x, 1));
}

}  // namespace
}  // namespace factdiff
