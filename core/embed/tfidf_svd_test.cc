#include "core/embed/tfidf_svd.h"

#include <string>
#include <vector>

#include "core/base/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace factdiff {
namespace {

// Four topics, three sentences each, written for this test.
std::vector<std::string> Corpus() {
  return {
      // 0-2: an earthquake.
      "A magnitude 6.8 earthquake struck the coastal province before dawn.",
      "The quake toppled buildings across the coastal province, officials "
      "said.",
      "Rescuers searched collapsed buildings after the earthquake in the "
      "province.",
      // 3-5: interest rates.
      "The central bank raised interest rates by half a point on Thursday.",
      "Analysts expected the bank to raise rates again to curb inflation.",
      "Higher interest rates weighed on mortgage lenders, the bank noted.",
      // 6-8: a protest, with curly quotes and an en dash.
      "Thousands of protesters marched through the capital – chanting "
      "“no more cuts”.",
      "Police said the protesters marched peacefully to parliament.",
      "Organizers of the march in the capital counted far more protesters.",
      // 9-11: a football match, with non-breaking spaces.
      "The home side won the football final 3–1 after extra\u00a0time.",
      "Two late goals decided the final for the home side.",
      "Fans of the home side celebrated the football victory overnight.",
  };
}

float Cos(const Eigen::MatrixXf& m, int i, int j) {
  return m.row(i).dot(m.row(j));
}

TfidfSvdOptions SmallOptions() {
  TfidfSvdOptions o;
  o.dims = 8;
  return o;
}

TEST(TfidfSvdEmbedder, RelatedSentencesAreCloserThanUnrelated) {
  TfidfSvdEmbedder embedder(SmallOptions());
  ASSERT_OK_AND_ASSIGN(Eigen::MatrixXf m, embedder.FitEmbed(Corpus()));
  ASSERT_EQ(m.rows(), 12);
  EXPECT_EQ(embedder.dims(), 8);
  for (int topic = 0; topic < 4; ++topic) {
    const int a = 3 * topic;
    for (int other = 0; other < 12; ++other) {
      if (other / 3 == topic) continue;
      EXPECT_GT(Cos(m, a, a + 1), Cos(m, a, other))
          << "sentence " << a << " vs " << other;
      EXPECT_GT(Cos(m, a, a + 2), Cos(m, a, other))
          << "sentence " << a << " vs " << other;
    }
  }
}

TEST(TfidfSvdEmbedder, NewSentencesLandNearTheirTopic) {
  TfidfSvdEmbedder embedder(SmallOptions());
  ASSERT_OK(embedder.Fit(Corpus()));
  ASSERT_OK_AND_ASSIGN(
      Eigen::MatrixXf m,
      embedder.Embed({"Aftershocks shook the province as rescuers dug through "
                      "rubble.",
                      "Mortgage rates rose after the bank's decision.",
                      "The earthquake province quake"}));
  ASSERT_OK_AND_ASSIGN(Eigen::MatrixXf fitted, embedder.Embed(Corpus()));
  EXPECT_GT(m.row(0).dot(fitted.row(2)), m.row(0).dot(fitted.row(5)));
  EXPECT_GT(m.row(1).dot(fitted.row(5)), m.row(1).dot(fitted.row(2)));
  EXPECT_GT(m.row(2).dot(fitted.row(0)), 0.5f);
}

TEST(TfidfSvdEmbedder, CharacterNgramsMatchUnseenWordForms) {
  // "floodwaters" is never seen whole at Fit(); its n-grams are.
  TfidfSvdOptions options = SmallOptions();
  std::vector<std::string> corpus = Corpus();
  corpus.push_back("Flooding forced families from riverside homes.");
  corpus.push_back("The flood waters reached the riverside homes.");
  TfidfSvdEmbedder with_ngrams(options);
  ASSERT_OK(with_ngrams.Fit(corpus));
  ASSERT_OK_AND_ASSIGN(Eigen::MatrixXf m,
                       with_ngrams.Embed({"Floodwaters receded."}));
  EXPECT_NEAR(m.row(0).norm(), 1.0f, 1e-5);

  options.max_char_ngram = 0;  // words only: nothing known
  TfidfSvdEmbedder words_only(options);
  ASSERT_OK(words_only.Fit(corpus));
  ASSERT_OK_AND_ASSIGN(Eigen::MatrixXf w,
                       words_only.Embed({"Floodwaters receded."}));
  EXPECT_EQ(w.row(0).norm(), 0.0f);
}

TEST(TfidfSvdEmbedder, RowsAreUnitOrZero) {
  TfidfSvdEmbedder embedder(SmallOptions());
  ASSERT_OK(embedder.Fit(Corpus()));
  ASSERT_OK_AND_ASSIGN(
      Eigen::MatrixXf m,
      embedder.Embed({"", "1234 56.", "the of and", "Qxj",
                      "Protesters marched.", "Invalid \xff\xfe bytes quake"}));
  EXPECT_EQ(m.row(0).norm(), 0.0f);  // empty
  EXPECT_EQ(m.row(1).norm(), 0.0f);  // numbers only
  EXPECT_EQ(m.row(2).norm(), 0.0f);  // stop words only
  EXPECT_EQ(m.row(3).norm(), 0.0f);  // nothing seen at Fit()
  EXPECT_NEAR(m.row(4).norm(), 1.0f, 1e-5);
  EXPECT_NEAR(m.row(5).norm(), 1.0f, 1e-5);
  ASSERT_OK_AND_ASSIGN(Eigen::MatrixXf fitted, embedder.Embed(Corpus()));
  for (int i = 0; i < fitted.rows(); ++i) {
    EXPECT_NEAR(fitted.row(i).norm(), 1.0f, 1e-5) << i;
  }
}

TEST(TfidfSvdEmbedder, Deterministic) {
  TfidfSvdEmbedder a(SmallOptions()), b(SmallOptions());
  ASSERT_OK_AND_ASSIGN(Eigen::MatrixXf ma, a.FitEmbed(Corpus()));
  ASSERT_OK_AND_ASSIGN(Eigen::MatrixXf mb, b.FitEmbed(Corpus()));
  EXPECT_TRUE(ma == mb);
  // FitEmbed() is Fit() then Embed(), bit for bit.
  ASSERT_OK(b.Fit(Corpus()));
  ASSERT_OK_AND_ASSIGN(Eigen::MatrixXf again, b.Embed(Corpus()));
  EXPECT_TRUE(ma == again);
}

TEST(TfidfSvdEmbedder, IndependentOfThreadCount) {
  // Enough generated sentences for the work to be split.
  std::vector<std::string> corpus;
  const char* words[] = {"harbor",  "storm",  "budget", "senate",  "wildfire",
                         "vaccine", "strike", "tariff", "rescue",  "ballot",
                         "drought", "merger", "convoy", "glacier", "verdict"};
  for (int i = 0; i < 3000; ++i) {
    std::string s;
    for (int j = 0; j < 6; ++j) {
      s += words[(i * 7 + j * j * 3 + i / 5) % 15];
      s += j == 5 ? "." : " ";
    }
    corpus.push_back(s);
  }
  TfidfSvdOptions options = SmallOptions();
  options.num_threads = 1;
  TfidfSvdEmbedder one(options);
  options.num_threads = 4;
  TfidfSvdEmbedder four(options);
  ASSERT_OK_AND_ASSIGN(Eigen::MatrixXf m1, one.FitEmbed(corpus));
  ASSERT_OK_AND_ASSIGN(Eigen::MatrixXf m4, four.FitEmbed(corpus));
  EXPECT_TRUE(m1 == m4);
}

TEST(TfidfSvdEmbedder, FewerSentencesThanDimsUsesFewerDims) {
  TfidfSvdEmbedder embedder;  // 128 dims wanted
  ASSERT_OK_AND_ASSIGN(
      Eigen::MatrixXf m,
      embedder.FitEmbed({"Floods hit the valley.", "Storms hit the coast.",
                         "Markets fell sharply."}));
  EXPECT_LE(embedder.dims(), 3);
  EXPECT_GE(embedder.dims(), 2);
  EXPECT_EQ(m.cols(), embedder.dims());
  EXPECT_EQ(m.rows(), 3);
  EXPECT_GT(m.row(0).dot(m.row(1)), m.row(0).dot(m.row(2)));
}

TEST(TfidfSvdEmbedder, EmptyCorpusGivesZeroDims) {
  TfidfSvdEmbedder embedder;
  ASSERT_OK(embedder.Fit({}));
  EXPECT_EQ(embedder.dims(), 0);
  ASSERT_OK_AND_ASSIGN(Eigen::MatrixXf m, embedder.Embed({"Anything.", "x"}));
  EXPECT_EQ(m.rows(), 2);
  EXPECT_EQ(m.cols(), 0);
  ASSERT_OK_AND_ASSIGN(Eigen::MatrixXf n, embedder.FitEmbed({"", "42"}));
  EXPECT_EQ(n.rows(), 2);
  EXPECT_EQ(n.cols(), 0);
}

TEST(TfidfSvdEmbedder, RejectsBadOptions) {
  TfidfSvdOptions o;
  o.dims = 0;
  EXPECT_THAT(TfidfSvdEmbedder(o).Fit(Corpus()),
              StatusIsWithMessage(absl::StatusCode::kInvalidArgument, "dims"));
  o = TfidfSvdOptions();
  o.min_char_ngram = 6;
  EXPECT_THAT(
      TfidfSvdEmbedder(o).Fit(Corpus()),
      StatusIsWithMessage(absl::StatusCode::kInvalidArgument, "n-gram"));
  o = TfidfSvdOptions();
  o.hash_bits = 40;
  EXPECT_THAT(TfidfSvdEmbedder(o).Fit(Corpus()),
              StatusIs(absl::StatusCode::kInvalidArgument));
  o = TfidfSvdOptions();
  o.word_weight = 1.5f;
  EXPECT_THAT(TfidfSvdEmbedder(o).Fit(Corpus()),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

}  // namespace
}  // namespace factdiff
