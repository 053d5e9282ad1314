#include "core/embed/client_vectors.h"

#include <cmath>
#include <limits>
#include <vector>

#include "core/base/status_matchers.h"
#include "gtest/gtest.h"
#include "proto/extraction.pb.h"

namespace factdiff {
namespace {

v1::Statement MakeStatement(const std::string& id, std::vector<float> v) {
  v1::Statement s;
  s.set_id(id);
  for (float x : v) s.add_embedding(x);
  return s;
}

TEST(ClientEmbeddingMatrix, NormalizesRowsAndKeepsOrder) {
  std::vector<v1::Statement> s = {
      MakeStatement("a#0", {3, 4, 0}), MakeStatement("a#1", {0, 0, 2}),
      MakeStatement("b#0", {3, 4, 0.5f}), MakeStatement("b#1", {0, 0, 0})};
  ASSERT_OK_AND_ASSIGN(Eigen::MatrixXf m, ClientEmbeddingMatrix(s));
  ASSERT_EQ(m.rows(), 4);
  ASSERT_EQ(m.cols(), 3);
  EXPECT_FLOAT_EQ(m(0, 0), 0.6f);
  EXPECT_FLOAT_EQ(m(0, 1), 0.8f);
  EXPECT_FLOAT_EQ(m(1, 2), 1.0f);
  EXPECT_EQ(m.row(3).norm(), 0.0f);  // zero stays zero
  // Related (0, 2) closer than unrelated (0, 1).
  EXPECT_GT(m.row(0).dot(m.row(2)), m.row(0).dot(m.row(1)));
  ASSERT_OK_AND_ASSIGN(Eigen::MatrixXf again, ClientEmbeddingMatrix(s));
  EXPECT_TRUE(m == again);
}

TEST(ClientEmbeddingMatrix, MissingVectorNamesTheStatement) {
  std::vector<v1::Statement> s = {MakeStatement("a#0", {1, 2}),
                                  MakeStatement("a#1", {})};
  EXPECT_THAT(ClientEmbeddingMatrix(s),
              StatusIsWithMessage(absl::StatusCode::kInvalidArgument,
                                  "statement \"a#1\" has no embedding"));
  s = {MakeStatement("a#0", {}), MakeStatement("a#1", {1, 2})};
  EXPECT_THAT(ClientEmbeddingMatrix(s),
              StatusIsWithMessage(absl::StatusCode::kInvalidArgument,
                                  "statement \"a#0\""));
}

TEST(ClientEmbeddingMatrix, DimensionMismatchNamesStatementsAndDims) {
  std::vector<v1::Statement> s = {MakeStatement("a#0", {1, 2, 3}),
                                  MakeStatement("b#4", {1, 2})};
  EXPECT_THAT(ClientEmbeddingMatrix(s),
              StatusIsWithMessage(
                  absl::StatusCode::kInvalidArgument,
                  "statement \"b#4\" has 2 dims, but statement \"a#0\" has 3"));
}

TEST(ClientEmbeddingMatrix, RejectsNonFiniteValues) {
  std::vector<v1::Statement> s = {
      MakeStatement("a#0", {1, std::numeric_limits<float>::quiet_NaN()})};
  EXPECT_THAT(ClientEmbeddingMatrix(s),
              StatusIsWithMessage(absl::StatusCode::kInvalidArgument,
                                  "non-finite value at index 1"));
}

TEST(ClientEmbeddingMatrix, EmptyInputIsEmptyMatrix) {
  ASSERT_OK_AND_ASSIGN(Eigen::MatrixXf m,
                       ClientEmbeddingMatrix(std::vector<v1::Statement>{}));
  EXPECT_EQ(m.rows(), 0);
}

TEST(VectorsToMatrix, UsesIndexWhenNoIds) {
  EXPECT_THAT(VectorsToMatrix({{1, 0}, {1, 0, 0}}),
              StatusIsWithMessage(absl::StatusCode::kInvalidArgument,
                                  "statement #1 has 3 dims"));
  ASSERT_OK_AND_ASSIGN(Eigen::MatrixXf m, VectorsToMatrix({{0, 2}}, {"x"}));
  EXPECT_FLOAT_EQ(m(0, 1), 1.0f);
}

TEST(HasClientEmbeddings, AnyStatement) {
  v1::Statement a = MakeStatement("a", {}), b = MakeStatement("b", {1});
  EXPECT_FALSE(HasClientEmbeddings({&a}));
  EXPECT_TRUE(HasClientEmbeddings({&a, &b}));
}

}  // namespace
}  // namespace factdiff
