#include "core/align/aligner.h"

#include <random>

#include "gtest/gtest.h"

namespace factdiff {
namespace {

std::vector<AlignItem> Embed(const std::vector<std::pair<uint32_t, std::string>>& docs,
                             TfidfModel* model_out = nullptr) {
  std::vector<std::string> texts;
  for (const auto& d : docs) texts.push_back(d.second);
  TfidfModel model = TfidfModel::Fit(texts);
  std::vector<AlignItem> items;
  for (const auto& d : docs) items.push_back({d.first, model.Embed(d.second)});
  if (model_out != nullptr) *model_out = model;
  return items;
}

TEST(Align, LinksSameEventAcrossDocuments) {
  auto items = Embed({
      {0, "Twenty-three soldiers were killed in border clashes overnight."},
      {0, "The central bank raised interest rates."},
      {1, "The military said 23 soldiers died in the overnight border clashes."},
      {1, "Farmers protested against grain prices in the capital."},
  });
  Alignment a = Align(items, AlignOptions());
  ASSERT_EQ(a.pairs.size(), 1u);
  EXPECT_EQ(a.pairs[0].a, 0u);
  EXPECT_EQ(a.pairs[0].b, 2u);
  ASSERT_EQ(a.clusters.size(), 1u);
  EXPECT_EQ(a.clusters[0], (std::vector<uint32_t>{0, 2}));
}

TEST(Align, SameDocumentOptionIsHonoured) {
  auto items = Embed({
      {0, "Police estimated the crowd of marchers downtown at 5,000."},
      {0, "Organizers said the crowd of marchers downtown reached 20,000."},
  });
  AlignOptions options;
  EXPECT_EQ(Align(items, options).pairs.size(), 1u);
  options.same_document = false;
  EXPECT_TRUE(Align(items, options).pairs.empty());
}

TEST(Align, EmptyInput) {
  Alignment a = Align({}, AlignOptions());
  EXPECT_TRUE(a.pairs.empty());
  EXPECT_TRUE(a.clusters.empty());
}

// Differential test: the indexed aligner finds exactly the pairs of the
// all-pairs aligner on random sentences over a small vocabulary (when no
// term is skipped for being too common).
TEST(Align, MatchesAllPairsOnRandomInputs) {
  const std::vector<std::string> vocab = {
      "flood", "river", "bridge", "soldier", "border", "clash", "crowd",
      "march", "police", "quake", "rescue", "school", "market", "election",
      "ballot", "strike", "airport", "factory", "fire", "worker"};
  std::mt19937 rng(7);
  for (int round = 0; round < 20; ++round) {
    std::vector<std::pair<uint32_t, std::string>> docs;
    const int n = 5 + rng() % 60;
    for (int i = 0; i < n; ++i) {
      std::string s;
      const int words = 1 + rng() % 6;
      for (int w = 0; w < words; ++w) s += vocab[rng() % vocab.size()] + " ";
      docs.push_back({static_cast<uint32_t>(rng() % 4), s});
    }
    auto items = Embed(docs);
    AlignOptions options;
    options.max_posting_fraction = 1.0;
    options.min_similarity = 0.2;
    options.top_k = 3;
    options.same_document = round % 2 == 0;
    Alignment fast = Align(items, options);
    Alignment slow = AlignAllPairs(items, options);
    ASSERT_EQ(fast.pairs.size(), slow.pairs.size()) << "round " << round;
    for (size_t i = 0; i < fast.pairs.size(); ++i) {
      EXPECT_EQ(fast.pairs[i].a, slow.pairs[i].a);
      EXPECT_EQ(fast.pairs[i].b, slow.pairs[i].b);
      EXPECT_FLOAT_EQ(fast.pairs[i].similarity, slow.pairs[i].similarity);
    }
    EXPECT_EQ(fast.clusters, slow.clusters);
    EXPECT_LE(fast.candidate_pairs, slow.candidate_pairs);
  }
}

}  // namespace
}  // namespace factdiff
