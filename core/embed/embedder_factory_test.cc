#include "core/embed/embedder_factory.h"

#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "core/base/status_matchers.h"
#include "gtest/gtest.h"
#include "proto/config.pb.h"
#include "proto/extraction.pb.h"

namespace factdiff {
namespace {

std::vector<v1::Statement> Statements(const std::vector<std::string>& texts) {
  std::vector<v1::Statement> out;
  for (size_t i = 0; i < texts.size(); ++i) {
    v1::Statement s;
    s.set_id(absl::StrCat("doc#", i));
    s.set_text(texts[i]);
    out.push_back(s);
  }
  return out;
}

std::vector<const v1::Statement*> Pointers(
    const std::vector<v1::Statement>& s) {
  std::vector<const v1::Statement*> p;
  for (const auto& x : s) p.push_back(&x);
  return p;
}

const std::vector<std::string> kTexts = {
    "Floodwaters rose across the river delta overnight.",
    "The river delta flooded overnight as waters rose.",
    "Shares of the carmaker fell after weak quarterly results.",
    "The carmaker reported weak results and its shares fell."};

TEST(EmbedderOptionsFromConfig, FillsDefaults) {
  v1::Config config;
  EmbedderOptions o = EmbedderOptionsFromConfig(config);
  EXPECT_EQ(o.kind, "");
  EXPECT_EQ(o.dims, 128);
  config.set_embedder("word-vectors");
  config.set_vectors_path("/x/glove.txt");
  config.set_embedding_dims(64);
  o = EmbedderOptionsFromConfig(config);
  EXPECT_EQ(o.kind, "word-vectors");
  EXPECT_EQ(o.vectors_path, "/x/glove.txt");
  EXPECT_EQ(o.dims, 64);
}

TEST(MakeEmbedder, BuildsEachKind) {
  EmbedderOptions o;
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Embedder> e, MakeEmbedder(o));
  EXPECT_EQ(e->name(), "tfidf-svd");
  o.kind = "tfidf-svd";
  ASSERT_OK_AND_ASSIGN(e, MakeEmbedder(o));
  EXPECT_EQ(e->name(), "tfidf-svd");

  const char* dir = std::getenv("TEST_TMPDIR");
  o.kind = "word-vectors";
  o.vectors_path = absl::StrCat(dir ? dir : "/tmp", "/tiny.vec");
  std::ofstream(o.vectors_path) << "2 3\nriver 1 0 0\nshares 0 1 0\n";
  ASSERT_OK_AND_ASSIGN(e, MakeEmbedder(o));
  EXPECT_EQ(e->name(), "word-vectors");
  EXPECT_EQ(e->dims(), 3);
}

TEST(MakeEmbedder, Errors) {
  EmbedderOptions o;
  o.kind = "bert";
  EXPECT_THAT(MakeEmbedder(o),
              StatusIsWithMessage(absl::StatusCode::kInvalidArgument,
                                  "unknown embedder \"bert\""));
  o.kind = "client";
  EXPECT_THAT(MakeEmbedder(o),
              StatusIsWithMessage(absl::StatusCode::kInvalidArgument,
                                  "ClientEmbeddingMatrix"));
  o.kind = "word-vectors";
  EXPECT_THAT(
      MakeEmbedder(o),
      StatusIsWithMessage(absl::StatusCode::kInvalidArgument, "vectors_path"));
  o.vectors_path = "/nonexistent/vectors.txt";
  EXPECT_THAT(MakeEmbedder(o), StatusIsWithMessage(absl::StatusCode::kNotFound,
                                                   "/nonexistent/vectors.txt"));
}

TEST(EmbedStatements, DefaultIsTfidfSvd) {
  const std::vector<v1::Statement> s = Statements(kTexts);
  ASSERT_OK_AND_ASSIGN(Eigen::MatrixXf m,
                       EmbedStatements(Pointers(s), EmbedderOptions()));
  ASSERT_EQ(m.rows(), 4);
  EXPECT_GT(m.row(0).dot(m.row(1)), m.row(0).dot(m.row(2)));
  EXPECT_GT(m.row(2).dot(m.row(3)), m.row(2).dot(m.row(1)));
  // An extra corpus widens the fit but still one row per statement.
  ASSERT_OK_AND_ASSIGN(
      Eigen::MatrixXf wide,
      EmbedStatements(Pointers(s), EmbedderOptions(),
                      {"Heavy rain swelled the river.",
                       "Investors sold the carmaker's shares."}));
  ASSERT_EQ(wide.rows(), 4);
  EXPECT_GT(wide.row(0).dot(wide.row(1)), wide.row(0).dot(wide.row(2)));
}

TEST(EmbedStatements, ClientVectorsWinWhenPresent) {
  std::vector<v1::Statement> s = Statements(kTexts);
  for (size_t i = 0; i < s.size(); ++i) {
    s[i].add_embedding(i < 2 ? 1.0f : 0.0f);
    s[i].add_embedding(i < 2 ? 0.0f : 1.0f);
  }
  ASSERT_OK_AND_ASSIGN(Eigen::MatrixXf m,
                       EmbedStatements(Pointers(s), EmbedderOptions()));
  EXPECT_EQ(m.cols(), 2);
  EXPECT_FLOAT_EQ(m.row(0).dot(m.row(1)), 1.0f);
  // Explicit "tfidf-svd" ignores them.
  EmbedderOptions o;
  o.kind = "tfidf-svd";
  ASSERT_OK_AND_ASSIGN(Eigen::MatrixXf t, EmbedStatements(Pointers(s), o));
  EXPECT_NE(t.cols(), 2);
  // Some missing: a clear error.
  s[3].clear_embedding();
  EXPECT_THAT(EmbedStatements(Pointers(s), EmbedderOptions()),
              StatusIsWithMessage(absl::StatusCode::kInvalidArgument,
                                  "statement \"doc#3\" has no embedding"));
  // "client" with none at all: also an error.
  o.kind = "client";
  const std::vector<v1::Statement> none = Statements(kTexts);
  EXPECT_THAT(EmbedStatements(Pointers(none), o),
              StatusIsWithMessage(absl::StatusCode::kInvalidArgument,
                                  "statement \"doc#0\" has no embedding"));
}

}  // namespace
}  // namespace factdiff
