#include "core/embed/word_vectors.h"

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "core/base/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace factdiff {
namespace {

constexpr int kDims = 6;

std::string TempPath(const std::string& name) {
  const char* dir = std::getenv("TEST_TMPDIR");
  return absl::StrCat(dir ? dir : "/tmp", "/", name);
}

std::string WriteFile(const std::string& name, const std::string& bytes) {
  const std::string path = TempPath(name);
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  return path;
}

// A small vocabulary in file order (frequent words first): function words
// share one direction, and two topics have their own, with a per-word wiggle.
struct Entry {
  std::string word;
  std::vector<float> v;
};
std::vector<Entry> Vocabulary() {
  std::vector<Entry> out;
  auto add = [&](const std::string& w, int axis, float wiggle) {
    std::vector<float> v(kDims, 0.05f);
    v[axis] = 1.0f;
    v[3 + (out.size() % 3)] += wiggle;
    out.push_back({w, v});
  };
  for (const char* w : {"the", "a", "of", "in", "said", "on", "was"}) {
    add(w, 0, 0.1f);
  }
  for (const char* w : {"earthquake", "quake", "rubble", "rescuers",
                        "collapsed", "aftershocks", "province"}) {
    add(w, 1, 0.3f);
  }
  for (const char* w : {"bank", "rates", "inflation", "interest", "mortgage",
                        "lenders", "raised"}) {
    add(w, 2, 0.3f);
  }
  return out;
}

std::string TextFile(bool header) {
  std::string s;
  const std::vector<Entry> vocab = Vocabulary();
  if (header) absl::StrAppend(&s, vocab.size(), " ", kDims, "\n");
  for (const Entry& e : vocab) {
    s += e.word;
    for (float x : e.v) absl::StrAppend(&s, " ", x);
    s += "\n";
  }
  return s;
}

std::string BinaryFile() {
  std::string s;
  const std::vector<Entry> vocab = Vocabulary();
  absl::StrAppend(&s, vocab.size(), " ", kDims, "\n");
  for (const Entry& e : vocab) {
    s += e.word + " ";
    s.append(reinterpret_cast<const char*>(e.v.data()), sizeof(float) * kDims);
    s += "\n";
  }
  return s;
}

void ExpectSameTable(const WordVectors& a, const WordVectors& b) {
  ASSERT_EQ(a.size(), b.size());
  ASSERT_EQ(a.dims(), b.dims());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a.word(i), b.word(i));
    EXPECT_LT((a.vector(i) - b.vector(i)).cwiseAbs().maxCoeff(), 1e-6);
  }
}

TEST(WordVectors, LoadsGloveTextWithoutHeader) {
  ASSERT_OK_AND_ASSIGN(WordVectors t, WordVectors::Load(WriteFile(
                                          "glove.txt", TextFile(false))));
  EXPECT_EQ(t.dims(), kDims);
  EXPECT_EQ(t.size(), Vocabulary().size());
  EXPECT_EQ(t.Find("the"), 0);
  EXPECT_EQ(t.Find("Quake"), t.Find("quake"));  // lower-case fallback
  EXPECT_GE(t.Find("quake"), 0);
  EXPECT_EQ(t.Find("tsunami"), -1);
  EXPECT_FLOAT_EQ(t.vector(t.Find("bank"))[2], 1.0f);
}

TEST(WordVectors, TextWithHeaderAndBinaryGiveTheSameTable) {
  ASSERT_OK_AND_ASSIGN(WordVectors glove, WordVectors::Load(WriteFile(
                                              "glove2.txt", TextFile(false))));
  ASSERT_OK_AND_ASSIGN(WordVectors vec,
                       WordVectors::Load(WriteFile("w2v.vec", TextFile(true))));
  ASSERT_OK_AND_ASSIGN(WordVectors bin,
                       WordVectors::Load(WriteFile("w2v.bin", BinaryFile())));
  WordVectorsOptions binary;
  binary.format = VectorFileFormat::kBinary;
  ASSERT_OK_AND_ASSIGN(
      WordVectors bin2,
      WordVectors::Load(WriteFile("w2v2.bin", BinaryFile()), binary));
  ExpectSameTable(glove, vec);
  ExpectSameTable(glove, bin);
  ExpectSameTable(glove, bin2);
}

TEST(WordVectors, WordsWithSpacesCrLfAndMaxWords) {
  const std::string path = WriteFile(
      "spaces.txt", "the 1 0\r\n. . . 0 1\r\n\r\nnew york 0.5 0.5\r\n");
  ASSERT_OK_AND_ASSIGN(WordVectors t, WordVectors::Load(path));
  EXPECT_EQ(t.dims(), 2);
  EXPECT_EQ(t.size(), 3u);
  EXPECT_EQ(t.Find(". . ."), 1);
  EXPECT_EQ(t.Find("new york"), 2);
  WordVectorsOptions options;
  options.max_words = 2;
  ASSERT_OK_AND_ASSIGN(WordVectors two, WordVectors::Load(path, options));
  EXPECT_EQ(two.size(), 2u);
}

TEST(WordVectors, MalformedFilesNameFileAndLine) {
  std::string path = WriteFile("short.txt", "the 1 2 3\nquake 1 2\n");
  EXPECT_THAT(WordVectors::Load(path),
              StatusIsWithMessage(absl::StatusCode::kInvalidArgument,
                                  path + ":2: expected a word and 3 values"));
  path = WriteFile("nan.vec", "2 2\nthe 1 0\nquake 1 x1\n");
  EXPECT_THAT(WordVectors::Load(path),
              StatusIsWithMessage(absl::StatusCode::kInvalidArgument,
                                  path + ":3: value 2 \"x1\""));
  path = WriteFile("inf.txt", "the 1 inf\n");
  EXPECT_THAT(
      WordVectors::Load(path),
      StatusIsWithMessage(absl::StatusCode::kInvalidArgument, path + ":1:"));
  path = WriteFile("empty.txt", "");
  EXPECT_THAT(WordVectors::Load(path),
              StatusIsWithMessage(absl::StatusCode::kInvalidArgument, path));
  path = WriteFile("header_only.vec", "0 300\n");
  EXPECT_THAT(WordVectors::Load(path),
              StatusIsWithMessage(absl::StatusCode::kInvalidArgument,
                                  "no word vectors"));
  std::string truncated = BinaryFile();
  truncated.resize(truncated.size() - 7);
  path = WriteFile("truncated.bin", truncated);
  EXPECT_THAT(WordVectors::Load(path),
              StatusIsWithMessage(absl::StatusCode::kInvalidArgument,
                                  "file ends inside the vector of \"raised\""));
  WordVectorsOptions binary;
  binary.format = VectorFileFormat::kBinary;
  path = WriteFile("noheader.bin", TextFile(false));
  EXPECT_THAT(WordVectors::Load(path, binary),
              StatusIsWithMessage(absl::StatusCode::kInvalidArgument,
                                  path + ":1: word2vec binary"));
  EXPECT_THAT(WordVectors::Load(TempPath("does_not_exist.txt")),
              StatusIs(absl::StatusCode::kNotFound));
}

std::shared_ptr<const WordVectors> Table() {
  auto t = WordVectors::Load(WriteFile("table.txt", TextFile(false)));
  EXPECT_OK(t);
  return std::make_shared<const WordVectors>(std::move(t).value());
}

std::vector<std::string> Sentences() {
  return {"The earthquake collapsed the province, rescuers said.",
          "Rescuers searched the rubble after the quake.",
          "Aftershocks in the province.",
          "The bank raised interest rates.",
          "Inflation was said to worry mortgage lenders.",
          "Rates on the mortgage of the bank."};
}

TEST(SifEmbedder, RelatedSentencesAreCloserThanUnrelated) {
  SifEmbedder embedder(Table());
  ASSERT_OK_AND_ASSIGN(Eigen::MatrixXf m, embedder.FitEmbed(Sentences()));
  ASSERT_EQ(m.cols(), kDims);
  for (int a : {0, 1, 2}) {
    for (int b : {0, 1, 2}) {
      for (int c : {3, 4, 5}) {
        if (a == b) continue;
        EXPECT_GT(m.row(a).dot(m.row(b)), m.row(a).dot(m.row(c)))
            << a << " " << b << " " << c;
        EXPECT_GT(m.row(c).dot(m.row(3 + (c + 1) % 3)), m.row(c).dot(m.row(a)));
      }
    }
  }
}

TEST(SifEmbedder, RowsAreUnitOrZeroAndDeterministic) {
  SifEmbedder embedder(Table());
  ASSERT_OK(embedder.Fit(Sentences()));
  ASSERT_OK_AND_ASSIGN(
      Eigen::MatrixXf m,
      embedder.Embed(
          {"", "Unknown words only", "QUAKE “rubble” – 12", "\xff\xfe quake"}));
  EXPECT_EQ(m.row(0).norm(), 0.0f);
  EXPECT_EQ(m.row(1).norm(), 0.0f);
  EXPECT_NEAR(m.row(2).norm(), 1.0f, 1e-5);
  EXPECT_NEAR(m.row(3).norm(), 1.0f, 1e-5);
  SifEmbedder other(Table());
  ASSERT_OK_AND_ASSIGN(Eigen::MatrixXf a, embedder.Embed(Sentences()));
  ASSERT_OK_AND_ASSIGN(Eigen::MatrixXf b, other.FitEmbed(Sentences()));
  EXPECT_TRUE(a == b);
}

TEST(SifEmbedder, RemovesTheCommonComponentAndWeighsFrequentWordsLess) {
  SifEmbedder embedder(Table());
  ASSERT_OK_AND_ASSIGN(Eigen::MatrixXf m, embedder.FitEmbed(Sentences()));
  const Eigen::VectorXf& u = embedder.common_component();
  EXPECT_NEAR(u.norm(), 1.0f, 1e-5);
  for (int i = 0; i < m.rows(); ++i) {
    EXPECT_NEAR(m.row(i).dot(u), 0.0f, 1e-5) << i;
  }
  const std::shared_ptr<const WordVectors> table = Table();
  const WordVectors& t = *table;
  // "the" is frequent in the fit corpus; "aftershocks" appears once.
  EXPECT_DOUBLE_EQ(embedder.Probability(t.Find("the")),
                   8.0 / 37);  // 8 of 37 tokens
  EXPECT_DOUBLE_EQ(embedder.Probability(t.Find("aftershocks")), 1.0 / 37);
  // Words absent from the fit corpus ("a") fall back to Zipf on file rank.
  const double zipf = std::log(static_cast<double>(t.size())) + 0.5772;
  EXPECT_DOUBLE_EQ(embedder.Probability(t.Find("a")), 1.0 / (2 * zipf));

  SifOptions keep;
  keep.remove_principal_component = false;
  SifEmbedder plain(Table(), keep);
  ASSERT_OK(plain.Fit(Sentences()));
  EXPECT_EQ(plain.common_component().norm(), 0.0f);
}

TEST(SifEmbedder, OneSentenceRemovesNothing) {
  SifEmbedder embedder(Table());
  ASSERT_OK_AND_ASSIGN(Eigen::MatrixXf m,
                       embedder.FitEmbed({"The quake hit the province."}));
  EXPECT_EQ(embedder.common_component().norm(), 0.0f);
  EXPECT_NEAR(m.row(0).norm(), 1.0f, 1e-5);
}

}  // namespace
}  // namespace factdiff
