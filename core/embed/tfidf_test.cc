#include "core/embed/tfidf.h"

#include <cmath>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace factdiff {
namespace {

using ::testing::ElementsAre;

TEST(ContentTerms, DropsStopWordsAndNumbersAndStems) {
  EXPECT_THAT(ContentTerms("At least 23 soldiers were killed in the attacks."),
              ElementsAre("soldier", "kill", "attack"));
  EXPECT_THAT(ContentTerms("The army's statement"),
              ElementsAre("army", "statement"));
  EXPECT_THAT(ContentTerms("Türkiye mediated"),
              ElementsAre("türkiye", "mediat"));
}

TEST(TfidfModel, SimilarSentencesScoreHigherThanUnrelated) {
  std::vector<std::string> s = {
      "Twenty-three soldiers were killed in overnight border clashes.",
      "The military said 23 soldiers died in the border clashes overnight.",
      "The central bank raised interest rates by half a point.",
      "Protesters marched through the capital on Sunday."};
  TfidfModel model = TfidfModel::Fit(s);
  SparseVector a = model.Embed(s[0]), b = model.Embed(s[1]),
               c = model.Embed(s[2]);
  EXPECT_GT(Dot(a, b), 0.4f);
  EXPECT_EQ(Dot(a, c), 0.0f);
  EXPECT_NEAR(Dot(a, a), 1.0f, 1e-5);
}

TEST(TfidfModel, UnknownSentenceIsEmpty) {
  TfidfModel model = TfidfModel::Fit({"Floods hit the valley."});
  EXPECT_TRUE(model.Embed("Markets rallied.").entries.empty());
  EXPECT_TRUE(model.Embed("").entries.empty());
}

TEST(TfidfModel, RareTermsWeighMore) {
  TfidfModel model = TfidfModel::Fit(
      {"border clash", "border talks", "border trade", "earthquake border"});
  SparseVector v = model.Embed("earthquake border");
  ASSERT_EQ(v.entries.size(), 2u);
  float border = 0, quake = 0;
  for (auto [id, w] : v.entries) {
    (model.term(id) == "border" ? border : quake) = w;
  }
  EXPECT_GT(quake, border);
}

}  // namespace
}  // namespace factdiff
