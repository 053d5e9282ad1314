#include "core/align/dense_aligner.h"

#include <random>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "core/base/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace factdiff {
namespace {

using ::testing::AllOf;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

int32_t Day(const std::string& iso) {
  absl::CivilDay d;
  EXPECT_TRUE(absl::ParseCivilTime(iso, &d)) << iso;
  return ToEpochDay(d);
}

// Features from a tiny text form:
//   "doc=1 pub=2025-10-12 when=2025-10-11..2025-10-12 keys=kunar,soldiers
//    types=clash loc=kunar part=soldiers meas=killed|soldier"
StatementFeatures F(const std::string& spec) {
  StatementFeatures f;
  for (absl::string_view field : absl::StrSplit(spec, ' ', absl::SkipEmpty())) {
    std::vector<std::string> kv = absl::StrSplit(field, absl::MaxSplits('=', 1));
    EXPECT_EQ(kv.size(), 2u) << field;
    const std::string& k = kv[0];
    const std::string& v = kv[1];
    std::vector<std::string> list = absl::StrSplit(v, ',', absl::SkipEmpty());
    if (k == "doc") {
      EXPECT_TRUE(absl::SimpleAtoi(v, &f.document));
    } else if (k == "pub") {
      f.published_day = Day(v);
    } else if (k == "when") {
      std::vector<std::string> r = absl::StrSplit(v, "..");
      f.when = DayRange{Day(r[0]), Day(r.size() > 1 ? r[1] : r[0])};
    } else if (k == "keys") {
      f.blocking_keys = list;
    } else if (k == "types") {
      f.event_types = list;
    } else if (k == "loc") {
      f.locations = list;
    } else if (k == "part") {
      f.participants = list;
    } else if (k == "meas") {
      f.measures = list;
    } else {
      ADD_FAILURE() << "unknown field " << k;
    }
  }
  return f;
}

// Rows that are normalized copies of `base` plus a little of unit axis i, so
// every pair is very similar (cosine > 0.95).
Eigen::MatrixXf NearlySame(int n) {
  Eigen::MatrixXf m = Eigen::MatrixXf::Zero(n, n + 1);
  for (int i = 0; i < n; ++i) {
    m(i, 0) = 1.0f;
    m(i, i + 1) = 0.2f;
  }
  m.rowwise().normalize();
  return m;
}

bool Linked(const DenseAlignment& a, uint32_t x, uint32_t y) {
  for (const DenseLink& l : a.pairs) {
    if (l.a == std::min(x, y) && l.b == std::max(x, y)) return true;
  }
  return false;
}

bool SameCluster(const DenseAlignment& a, uint32_t x, uint32_t y) {
  for (const auto& c : a.clusters) {
    const bool hx = std::find(c.begin(), c.end(), x) != c.end();
    const bool hy = std::find(c.begin(), c.end(), y) != c.end();
    if (hx && hy) return true;
  }
  return false;
}

// --- Compatibility rules ------------------------------------------------

// The canonical trap: one night's fighting vs an ambush three days earlier,
// same measure and subject, told in nearly the same words.
TEST(ScoreLink, NightOfFightingNeverLinksToEarlierAmbush) {
  const StatementFeatures night = F(
      "doc=0 pub=2025-10-12 when=2025-10-11..2025-10-12 keys=soldiers,border "
      "types=clash meas=killed|soldier");
  const StatementFeatures ambush = F(
      "doc=1 pub=2025-10-12 when=2025-10-08 keys=soldiers,border "
      "types=ambush meas=killed|soldier");
  const LinkScore s = ScoreLink(night, ambush, 0.95f, DenseAlignOptions());
  EXPECT_TRUE(s.vetoed);
  EXPECT_EQ(s.score, 0);
  EXPECT_THAT(s.reasons,
              Contains("different dates: 2025-10-11..2025-10-12 / "
                       "2025-10-08: vetoed"));
}

TEST(AlignDense, NightOfFightingNeverLinksToEarlierAmbush) {
  // 0: "23 soldiers were killed in one night's fighting" (Oct. 11-12);
  // 1: "11 soldiers were killed in an ambush" (Oct. 8), both published on
  // Oct. 12 by different outlets; 2: a sentence of a third article with no
  // date of its own, similar to both.
  const std::vector<StatementFeatures> f = {
      F("doc=0 pub=2025-10-12 when=2025-10-11..2025-10-12 keys=soldiers "
        "meas=killed|soldier"),
      F("doc=1 pub=2025-10-12 when=2025-10-08 keys=soldiers "
        "meas=killed|soldier"),
      F("doc=2 pub=2025-10-12 keys=soldiers meas=killed|soldier"),
  };
  DenseAlignOptions options;
  options.time_window_days = 5;  // wide enough to make them candidates
  ASSERT_OK_AND_ASSIGN(DenseAlignment a, AlignDense(NearlySame(3), f, options));
  EXPECT_FALSE(Linked(a, 0, 1));
  EXPECT_FALSE(SameCluster(a, 0, 1)) << "chained through the undated one";
  EXPECT_EQ(a.vetoed_pairs, 1u);
  EXPECT_EQ(a.refused_merges, 1u);
  ASSERT_EQ(a.clusters.size(), 1u);
  EXPECT_EQ(a.clusters[0].size(), 2u);
}

TEST(AlignDense, BombingsInTheSameCityAYearApartNeverLink) {
  const std::vector<StatementFeatures> f = {
      F("doc=0 pub=2022-05-04 when=2022-05-03 keys=quetta,bombing "
        "types=bombing loc=quetta meas=killed|people"),
      F("doc=1 pub=2023-05-03 when=2023-05-02 keys=quetta,bombing "
        "types=bombing loc=quetta meas=killed|people"),
      // An article of 2023 recalling the 2022 bombing ("in 2022").
      F("doc=2 pub=2023-05-03 when=2022-01-01..2022-12-31 keys=quetta,bombing "
        "types=bombing loc=quetta meas=killed|people"),
  };
  Eigen::MatrixXf v = Eigen::MatrixXf::Ones(3, 4);
  v.rowwise().normalize();  // identical sentences
  ASSERT_OK_AND_ASSIGN(DenseAlignment a,
                       AlignDense(v, f, DenseAlignOptions()));
  EXPECT_FALSE(SameCluster(a, 0, 1));
  EXPECT_FALSE(SameCluster(a, 1, 2));
  EXPECT_TRUE(Linked(a, 0, 2));
  EXPECT_TRUE(ScoreLink(f[0], f[1], 1.0f, DenseAlignOptions()).vetoed);
}

TEST(ScoreLink, SameDaySharedFeaturesAndReasons) {
  const StatementFeatures a = F(
      "doc=0 pub=2025-10-12 when=2025-10-12 keys=w:kunar,w:taliban "
      "part=soldiers loc=Kunar meas=killed|soldier");
  const StatementFeatures b = F(
      "doc=1 pub=2025-10-13 when=2025-10-11..2025-10-12 keys=w:kunar "
      "part=soldiers,taliban loc=kunar meas=killed|soldier");
  const LinkScore s = ScoreLink(a, b, 0.62f, DenseAlignOptions());
  EXPECT_FALSE(s.vetoed);
  // 0.62 + 0.1 (same day) + 0.15 (three shared features, capped).
  EXPECT_NEAR(s.score, 0.87f, 1e-5);
  EXPECT_EQ(s.reasons,
            (std::vector<std::string>{
                "similarity 0.62", "same day 2025-10-12",
                "shared: killed|soldier, kunar, soldiers"}));
}

TEST(ScoreLink, ConflictingTypesAndPlacesArePenalized) {
  const DenseAlignOptions options;
  const StatementFeatures a =
      F("doc=0 pub=2025-03-01 keys=k types=earthquake loc=tabriz");
  const StatementFeatures b =
      F("doc=1 pub=2025-03-01 keys=k types=protest loc=erzurum");
  const LinkScore s = ScoreLink(a, b, 0.7f, options);
  EXPECT_FALSE(s.vetoed);
  EXPECT_NEAR(s.score, 0.7f - 0.3f - 0.15f, 1e-5);
  EXPECT_THAT(s.reasons,
              AllOf(Contains("different event types: earthquake / protest"),
                    Contains("different places: tabriz / erzurum")));
  // One side without types or places: no penalty.
  EXPECT_NEAR(ScoreLink(a, F("doc=1 keys=k"), 0.7f, options).score, 0.7f,
              1e-5);
}

TEST(ScoreLink, EventDatedAfterTheOtherArticleIsVetoed) {
  const StatementFeatures old_article = F("doc=0 pub=2025-06-01 keys=k");
  const StatementFeatures later_event =
      F("doc=1 pub=2025-06-05 when=2025-06-04 keys=k");
  const LinkScore s = ScoreLink(old_article, later_event, 0.9f,
                                DenseAlignOptions());
  EXPECT_TRUE(s.vetoed);
  EXPECT_THAT(s.reasons, Contains(HasSubstr("dated after publication")));
  // An event on the day before the other's publication is fine.
  EXPECT_FALSE(ScoreLink(F("doc=0 pub=2025-06-05 keys=k"), later_event, 0.9f,
                         DenseAlignOptions())
                   .vetoed);
}

TEST(ScoreLink, ToleranceIsInclusive) {
  DenseAlignOptions options;
  options.date_tolerance_days = 1;
  const StatementFeatures a = F("when=2025-01-10 keys=k");
  EXPECT_FALSE(ScoreLink(a, F("when=2025-01-11 keys=k"), 0.5f, options).vetoed);
  EXPECT_TRUE(ScoreLink(a, F("when=2025-01-12 keys=k"), 0.5f, options).vetoed);
  options.date_tolerance_days = 0;
  EXPECT_TRUE(ScoreLink(a, F("when=2025-01-11 keys=k"), 0.5f, options).vetoed);
}

// --- Alignment ------------------------------------------------------------

TEST(AlignDense, StatementsOfOneArticleStayInOneEvent) {
  // Article 0 tells the flood in two sentences; article 1 in one.
  const std::vector<StatementFeatures> f = {
      F("doc=0 pub=2024-05-07 keys=bandung meas=killed|people"),
      F("doc=0 pub=2024-05-07 keys=bandung meas=displaced|people"),
      F("doc=1 pub=2024-05-08 keys=bandung meas=killed|people"),
  };
  DenseAlignOptions options;
  ASSERT_OK_AND_ASSIGN(DenseAlignment a, AlignDense(NearlySame(3), f, options));
  ASSERT_EQ(a.clusters.size(), 1u);
  EXPECT_EQ(a.clusters[0], (std::vector<uint32_t>{0, 1, 2}));
  options.same_document = false;
  ASSERT_OK_AND_ASSIGN(a, AlignDense(NearlySame(3), f, options));
  EXPECT_FALSE(Linked(a, 0, 1));
}

TEST(AlignDense, NeedsASharedKeyAndSimilarity) {
  const std::vector<StatementFeatures> f = {
      F("doc=0 pub=2024-05-07 keys=a"), F("doc=1 pub=2024-05-07 keys=b"),
      F("doc=2 pub=2024-05-07 keys=a,b"), F("doc=3 pub=2024-05-07")};
  Eigen::MatrixXf v(4, 2);
  v << 1, 0, 1, 0, 0, 1, 1, 0;  // row 2 is orthogonal to the others
  ASSERT_OK_AND_ASSIGN(DenseAlignment a,
                       AlignDense(v, f, DenseAlignOptions()));
  EXPECT_THAT(a.pairs, IsEmpty());  // 0-1 no key, 0-2 and 1-2 not similar
  EXPECT_THAT(a.clusters, IsEmpty());
}

TEST(AlignDense, OversizedBlocksAreSkipped) {
  std::vector<StatementFeatures> f;
  for (int i = 0; i < 6; ++i) f.push_back(F("doc=" + std::to_string(i) +
                                            " pub=2024-01-01 keys=common"));
  DenseAlignOptions options;
  options.max_block_size = 4;
  ASSERT_OK_AND_ASSIGN(DenseAlignment a, AlignDense(NearlySame(6), f, options));
  EXPECT_THAT(a.pairs, IsEmpty());
  EXPECT_GE(a.skipped_blocks, 1u);
  options.max_block_size = 6;
  ASSERT_OK_AND_ASSIGN(a, AlignDense(NearlySame(6), f, options));
  EXPECT_THAT(a.pairs, Not(IsEmpty()));
}

TEST(AlignDense, RejectsBadInput) {
  const std::vector<StatementFeatures> f = {F("keys=a"), F("keys=a")};
  EXPECT_THAT(AlignDense(NearlySame(3), f, DenseAlignOptions()).status(),
              StatusIs(absl::StatusCode::kInvalidArgument));
  std::vector<StatementFeatures> bad = f;
  bad[0].when = DayRange{5, 4};
  EXPECT_THAT(AlignDense(NearlySame(2), bad, DenseAlignOptions()).status(),
              StatusIs(absl::StatusCode::kInvalidArgument));
  DenseAlignOptions options;
  options.top_k = 0;
  EXPECT_THAT(AlignDense(NearlySame(2), f, options).status(),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(AlignDense, EmptyInput) {
  ASSERT_OK_AND_ASSIGN(DenseAlignment a,
                       AlignDense(Eigen::MatrixXf(0, 8), {}, DenseAlignOptions()));
  EXPECT_THAT(a.pairs, IsEmpty());
  EXPECT_THAT(a.clusters, IsEmpty());
}

// Differential test: the blocked aligner returns exactly what the all-pairs
// aligner returns under the same rules, on random vectors, keys and dates.
TEST(AlignDense, MatchesAllPairsOnRandomInputs) {
  std::mt19937 rng(11);
  const int32_t base = Day("2024-03-01");
  auto uniform = [&rng](int lo, int hi) {  // inclusive
    return std::uniform_int_distribution<int>(lo, hi)(rng);
  };
  uint64_t total_pairs = 0;
  for (int round = 0; round < 60; ++round) {
    const int n = uniform(0, 150);
    const int dim = uniform(2, 12);
    // Vectors near a few centers, so similarities spread over [-1, 1].
    Eigen::MatrixXf centers = Eigen::MatrixXf::Random(4, dim);
    Eigen::MatrixXf v(n, dim);
    std::vector<StatementFeatures> f(n);
    for (int i = 0; i < n; ++i) {
      v.row(i) = centers.row(uniform(0, 3)) +
                 0.6f * Eigen::RowVectorXf::Random(dim);
      StatementFeatures& s = f[i];
      s.document = uniform(0, 9);
      if (uniform(0, 9) > 0) s.published_day = base + uniform(0, 30);
      const int w = uniform(0, 9);
      if (w < 4) {
        const int32_t first = base + uniform(-5, 30);
        s.when = DayRange{first, first + uniform(0, 2)};
      } else if (w == 4) {
        s.when = DayRange{base - 60, base + 305};  // a year
      }
      for (int k = uniform(0, 3); k > 0; --k) {
        s.blocking_keys.push_back("k" + std::to_string(uniform(0, 5)));
      }
      if (uniform(0, 1)) s.event_types.push_back("t" + std::to_string(uniform(0, 2)));
      if (uniform(0, 1)) s.locations.push_back("l" + std::to_string(uniform(0, 2)));
      if (uniform(0, 1)) s.participants.push_back("p" + std::to_string(uniform(0, 2)));
      if (uniform(0, 1)) s.measures.push_back("m" + std::to_string(uniform(0, 1)));
    }
    for (int i = 0; i < n; ++i) {
      if (v.row(i).norm() > 0) v.row(i).normalize();
    }
    DenseAlignOptions options;
    options.min_similarity = uniform(0, 60) / 100.0f;
    options.min_event_score = uniform(0, 60) / 100.0f;
    options.top_k = uniform(1, 5);
    options.time_window_days = uniform(0, 5);
    options.date_tolerance_days = uniform(0, 3);
    options.same_document = round % 2 == 0;
    options.max_block_size = 1 << 20;
    ASSERT_OK_AND_ASSIGN(DenseAlignment fast, AlignDense(v, f, options));
    ASSERT_OK_AND_ASSIGN(DenseAlignment slow, AlignDenseAllPairs(v, f, options));
    ASSERT_EQ(fast.pairs.size(), slow.pairs.size()) << "round " << round;
    for (size_t i = 0; i < fast.pairs.size(); ++i) {
      EXPECT_EQ(fast.pairs[i].a, slow.pairs[i].a) << "round " << round;
      EXPECT_EQ(fast.pairs[i].b, slow.pairs[i].b) << "round " << round;
      EXPECT_EQ(fast.pairs[i].similarity, slow.pairs[i].similarity);
      EXPECT_EQ(fast.pairs[i].score, slow.pairs[i].score);
      EXPECT_EQ(fast.pairs[i].reasons, slow.pairs[i].reasons);
    }
    EXPECT_EQ(fast.clusters, slow.clusters) << "round " << round;
    EXPECT_EQ(fast.vetoed_pairs, slow.vetoed_pairs) << "round " << round;
    EXPECT_EQ(fast.refused_merges, slow.refused_merges) << "round " << round;
    EXPECT_LE(fast.candidate_pairs, slow.candidate_pairs);
    EXPECT_EQ(fast.skipped_blocks, 0u);
    total_pairs += fast.pairs.size();
  }
  EXPECT_GT(total_pairs, 100u);  // the rounds do exercise linking
}

// Blocking keeps the work near the number of compatible pairs: statements
// spread over a year, each with one of many keys.
TEST(AlignDense, BlockingScoresFewPairs) {
  const int n = 2000;
  std::mt19937 rng(3);
  Eigen::MatrixXf v = Eigen::MatrixXf::Ones(n, 3);
  v.rowwise().normalize();
  std::vector<StatementFeatures> f(n);
  for (int i = 0; i < n; ++i) {
    f[i].document = i;
    f[i].published_day = 20000 + static_cast<int>(rng() % 365);
    f[i].blocking_keys = {"k" + std::to_string(rng() % 50)};
  }
  ASSERT_OK_AND_ASSIGN(DenseAlignment a, AlignDense(v, f, DenseAlignOptions()));
  // All-pairs would check n(n-1)/2 ~ 2e6; about 7/365 * 1/50 of them share a
  // key and a week.
  EXPECT_LT(a.candidate_pairs, 5000u);
  EXPECT_GT(a.candidate_pairs, 0u);
}

// --- Features and options -------------------------------------------------

TEST(FeaturesFromStatement, KeysWindowAndMeasures) {
  v1::Statement s;
  s.set_text(
      "Fighting in Kunar killed 23 soldiers on Sunday, the Taliban told "
      "Türkiye’s envoy in Oct. talks.");
  v1::TimeExpression* day = s.add_times();
  day->set_start("2025-10-12");
  day->set_end("2025-10-12");
  day->set_granularity(v1::TimeExpression::DAY);
  v1::TimeExpression* month = s.add_times();
  month->set_start("2025-10-01");
  month->set_end("2025-10-31");
  month->set_granularity(v1::TimeExpression::MONTH);
  v1::Quantity* q = s.add_quantities();
  q->set_measure(v1::Quantity::KILLED);
  q->set_subject("soldier");
  v1::EventFrame* frame = s.add_frames();
  frame->set_type("clash");
  frame->add_locations("Kunar");
  frame->add_agents("the Taliban");

  const StatementFeatures f =
      FeaturesFromStatement(s, 4, absl::CivilDay(2025, 10, 13));
  EXPECT_EQ(f.document, 4u);
  EXPECT_EQ(f.published_day, Day("2025-10-13"));
  ASSERT_TRUE(f.when.has_value());
  EXPECT_EQ(f.when->first, Day("2025-10-12"));  // DAY wins over MONTH
  EXPECT_EQ(f.when->last, Day("2025-10-12"));
  EXPECT_EQ(f.measures, (std::vector<std::string>{"killed|soldier"}));
  EXPECT_EQ(f.event_types, (std::vector<std::string>{"violence"}));
  EXPECT_EQ(f.blocking_keys,
            (std::vector<std::string>{"w:kunar", "w:taliban",
                                      "w:türkiye’s", "t:violence", "l:Kunar",
                                      "m:killed|soldier"}));
}

TEST(DenseAlignOptionsFromConfig, DefaultsAndOverrides) {
  v1::Config c;
  DenseAlignOptions o = DenseAlignOptionsFromConfig(c);
  EXPECT_EQ(o.time_window_days, 3);
  EXPECT_EQ(o.date_tolerance_days, 1);
  EXPECT_FLOAT_EQ(o.min_event_score, 0.3f);
  EXPECT_EQ(o.max_block_size, 2048);
  EXPECT_TRUE(o.same_document);
  c.set_date_tolerance_days(0);
  c.set_time_window_days(7);
  c.set_min_event_score(0.5);
  c.set_max_block_size(100);
  c.set_top_k(2);
  c.set_skip_same_document(true);
  o = DenseAlignOptionsFromConfig(c);
  EXPECT_EQ(o.date_tolerance_days, 0);
  EXPECT_EQ(o.time_window_days, 7);
  EXPECT_FLOAT_EQ(o.min_event_score, 0.5f);
  EXPECT_EQ(o.max_block_size, 100);
  EXPECT_EQ(o.top_k, 2);
  EXPECT_FALSE(o.same_document);
}

TEST(FeaturesFromStatement, EventTypesOfOneFamilyDoNotConflict) {
  auto with_type = [](const std::string& type) {
    v1::Statement s;
    s.set_text("Text.");
    s.add_frames()->set_type(type);
    return FeaturesFromStatement(s, 0, absl::nullopt);
  };
  const DenseAlignOptions options;
  const LinkScore same_family =
      ScoreLink(with_type("attack"), with_type("clash"), 0.5f, options);
  EXPECT_FLOAT_EQ(same_family.score, 0.5f);
  const LinkScore different =
      ScoreLink(with_type("protest"), with_type("earthquake"), 0.5f, options);
  EXPECT_FLOAT_EQ(different.score, 0.5f - options.type_conflict_penalty);
  // "arrest" says nothing about which kind of event.
  EXPECT_TRUE(with_type("arrest").event_types.empty());
}

}  // namespace
}  // namespace factdiff
