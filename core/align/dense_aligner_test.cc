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
//    types=clash loc=kunar part=soldiers meas=killed|soldier places=kunar
//    names=kunar,taliban ctxwhen=2025-10-12 ctxplaces=kunar ctxtypes=violence
//    docnames=kunar,taliban,afghanistan located=kunar bg=1"
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
    } else if (k == "places") {
      f.places = list;
    } else if (k == "names") {
      f.names = list;
    } else if (k == "ctxwhen") {
      std::vector<std::string> r = absl::StrSplit(v, "..");
      f.context_when = DayRange{Day(r[0]), Day(r.size() > 1 ? r[1] : r[0])};
    } else if (k == "ctxplaces") {
      f.context_places = list;
    } else if (k == "ctxtypes") {
      f.context_types = list;
    } else if (k == "docnames") {
      f.document_names = list;
    } else if (k == "located") {
      f.located_places = list;
    } else if (k == "bg") {
      f.background = v == "1";
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
      // Places, names and families of the veto rules, from small pools so
      // that both conflicts and overlaps occur.
      static const char* const kFamilies[] = {"violence", "protest", "seismic",
                                              "weather", "business"};
      if (uniform(0, 2) == 0) s.event_types.push_back(kFamilies[uniform(0, 4)]);
      if (uniform(0, 1)) s.places.push_back("p" + std::to_string(uniform(0, 3)));
      if (uniform(0, 1)) s.names.push_back("n" + std::to_string(uniform(0, 3)));
    }
    // Document context on about half the rounds.
    if (round % 4 < 2) AddDocumentContext(&f);
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
  EXPECT_FLOAT_EQ(o.min_cluster_similarity, 0.2f);
  EXPECT_FALSE(o.link_background);
  c.set_min_cluster_similarity(0.4);
  c.set_link_background(true);
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
  EXPECT_FLOAT_EQ(o.min_cluster_similarity, 0.4f);
  EXPECT_TRUE(o.link_background);
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
  // A protest may turn into a clash: penalized, not vetoed.
  const LinkScore may_meet =
      ScoreLink(with_type("protest"), with_type("clash"), 0.5f, options);
  EXPECT_FALSE(may_meet.vetoed);
  EXPECT_FLOAT_EQ(may_meet.score, 0.5f - options.type_conflict_penalty);
  // A protest is never an earthquake, nor a flood an earthquake.
  EXPECT_TRUE(
      ScoreLink(with_type("protest"), with_type("earthquake"), 0.5f, options)
          .vetoed);
  EXPECT_TRUE(
      ScoreLink(with_type("flood"), with_type("earthquake"), 0.5f, options)
          .vetoed);
  // A quake's landslide is seismic as well as weather: no conflict.
  EXPECT_FALSE(
      ScoreLink(with_type("landslide"), with_type("earthquake"), 0.5f, options)
          .vetoed);
  // "arrest" says nothing about which kind of event.
  EXPECT_TRUE(with_type("arrest").event_types.empty());
}


// --- Places, names, event families and document context -------------------

TEST(ScoreLink, DifferentPlacesAreVetoed) {
  const DenseAlignOptions options;
  // "Hospitals in Nakuru treated 760 injured" / "Hospitals in Mosul treated
  // 1,000 injured": neither article names the other's town.
  const StatementFeatures nakuru =
      F("doc=0 pub=2022-11-11 keys=k places=nakuru docnames=nakuru,rift");
  const StatementFeatures mosul =
      F("doc=1 pub=2022-11-12 keys=k places=mosul docnames=mosul,iraq");
  const LinkScore s = ScoreLink(nakuru, mosul, 0.95f, options);
  EXPECT_TRUE(s.vetoed);
  EXPECT_THAT(s.reasons, Contains("different places: nakuru / mosul: vetoed"));
  // Places of different granularity stay together when either article
  // names the other's place ("in Kunar" / "in eastern Afghanistan").
  const StatementFeatures kunar = F(
      "doc=0 pub=2025-10-12 keys=k places=kunar docnames=kunar,afghanistan");
  const StatementFeatures afghanistan =
      F("doc=1 pub=2025-10-12 keys=k places=afghanistan docnames=afghanistan");
  EXPECT_FALSE(ScoreLink(kunar, afghanistan, 0.9f, options).vetoed);
  // A sentence without places takes its article's.
  const StatementFeatures placeless =
      F("doc=2 pub=2022-11-12 keys=k ctxplaces=mosul docnames=mosul");
  EXPECT_TRUE(ScoreLink(nakuru, placeless, 0.9f, options).vetoed);
  DenseAlignOptions off;
  off.veto_place_conflicts = false;
  EXPECT_FALSE(ScoreLink(nakuru, mosul, 0.95f, off).vetoed);
}

TEST(ScoreLink, DifferentNamesAreVetoed) {
  const DenseAlignOptions options;
  const StatementFeatures altmark = F(
      "doc=0 pub=2023-07-04 keys=k names=altmark,foods docnames=altmark,foods");
  const StatementFeatures vantor = F(
      "doc=1 pub=2023-07-04 keys=k names=vantor,motors docnames=vantor,motors");
  const LinkScore s = ScoreLink(altmark, vantor, 0.8f, options);
  EXPECT_TRUE(s.vetoed);
  EXPECT_THAT(s.reasons, Contains("different names: altmark, foods / "
                                  "motors, vantor: vetoed"));
  // "The Taliban said 58 were killed" / "ISPR said 23 were killed": the
  // second article names the Taliban too.
  const StatementFeatures taliban =
      F("doc=0 keys=k names=taliban docnames=taliban,kurram");
  const StatementFeatures ispr =
      F("doc=1 keys=k names=ispr docnames=ispr,taliban,kurram");
  EXPECT_FALSE(ScoreLink(taliban, ispr, 0.8f, options).vetoed);
  // No names on one side: nothing to compare.
  EXPECT_FALSE(ScoreLink(altmark, F("doc=1 keys=k"), 0.8f, options).vetoed);
}

TEST(ScoreLink, ArticleDateAndFamiliesStandInForMissingOnes) {
  const DenseAlignOptions options;
  // "The army said its troops killed 34 fighters" in articles about fights
  // three days apart.
  const StatementFeatures a = F("doc=0 pub=2024-03-17 keys=k ctxwhen=2024-03-16");
  const StatementFeatures b = F("doc=1 pub=2024-03-20 keys=k ctxwhen=2024-03-19");
  const LinkScore s = ScoreLink(a, b, 0.9f, options);
  EXPECT_TRUE(s.vetoed);
  EXPECT_THAT(s.reasons,
              Contains("different dates: 2024-03-16 / 2024-03-19: vetoed"));
  // Inherited dates give no same-day bonus.
  EXPECT_FLOAT_EQ(
      ScoreLink(a, F("doc=1 keys=k ctxwhen=2024-03-16"), 0.5f, options).score,
      0.5f);
  // "Hospitals in Bandung treated 170" in a quake article vs a flood
  // article's sentence on the same town.
  const StatementFeatures quake = F("doc=0 keys=k ctxtypes=seismic");
  const StatementFeatures flood = F("doc=1 keys=k ctxtypes=weather");
  EXPECT_THAT(ScoreLink(quake, flood, 0.9f, options).reasons,
              Contains("different event types: seismic / weather: vetoed"));
  // An unknown family never vetoes.
  EXPECT_FALSE(
      ScoreLink(quake, F("doc=1 keys=k ctxtypes=regatta"), 0.9f, options)
          .vetoed);
}

TEST(AddDocumentContext, MainEventOfEachArticle) {
  std::vector<StatementFeatures> f = {
      // Article 0, published March 20: the lead, a recalled ambush of March
      // 17 near Kasese, an undated detail, a detail on the town.
      F("doc=0 pub=2024-03-20 when=2024-03-19 types=violence places=beira "
        "names=ardenian"),
      F("doc=0 pub=2024-03-20 when=2024-03-17 types=violence places=kasese "
        "names=kasese"),
      F("doc=0 pub=2024-03-20 types=weather"),
      F("doc=0 pub=2024-03-20 names=beira"),
      // Article 1: undated, one sentence naming Kasese without a locative.
      F("doc=1 names=kasese"),
  };
  f[2].initial_name = "residents";
  AddDocumentContext(&f);
  ASSERT_TRUE(f[2].context_when.has_value());
  EXPECT_EQ(f[2].context_when->first, Day("2024-03-19"));
  EXPECT_EQ(f[2].context_places, (std::vector<std::string>{"beira"}));
  // The dated lead says what happened; the undated aside does not.
  EXPECT_EQ(f[2].context_types, (std::vector<std::string>{"violence"}));
  EXPECT_EQ(f[0].document_names,
            (std::vector<std::string>{"ardenian", "beira", "residents"}));
  // The recalled ambush gets no context and lends none.
  EXPECT_FALSE(f[1].context_when.has_value());
  EXPECT_THAT(f[1].document_names, IsEmpty());
  // "Beira" after no locative is a place: the run uses it as one.
  EXPECT_EQ(f[3].places, (std::vector<std::string>{"beira"}));
  EXPECT_EQ(f[4].places, (std::vector<std::string>{"kasese"}));
  EXPECT_FALSE(f[4].context_when.has_value());
  EXPECT_EQ(f[4].context_places, (std::vector<std::string>{"kasese"}));
}

TEST(AddDocumentContext, TheLeadDatesTheArticle) {
  std::vector<StatementFeatures> f = {
      F("doc=0 pub=2025-06-10 when=2025-06-14"),  // "talks are due Saturday"
      F("doc=0 pub=2025-06-10 when=2025-06-01..2025-06-30"),  // "in June"
      // "The toll from Saturday's quake rose to 118 on Monday."
      F("doc=0 pub=2025-06-10 when=2025-06-07..2025-06-09"),
      F("doc=0 pub=2025-06-10 when=2025-06-10"),  // "four charged on Tuesday"
      F("doc=0 pub=2025-06-10"),
  };
  AddDocumentContext(&f);
  ASSERT_TRUE(f[4].context_when.has_value());
  EXPECT_EQ(f[4].context_when->first, Day("2025-06-07"));
  EXPECT_EQ(f[4].context_when->last, Day("2025-06-09"));
  // Tuesday's charges are a later step, not the main event: no context.
  EXPECT_FALSE(f[3].context_when.has_value());
}

// Regression: template sentences of different incidents ("Residents of X
// said the shelling lasted for hours", "The army said it killed N
// fighters") chained many events into one cluster at 10,000 articles.
TEST(AlignDense, UndatedDetailsOfDifferentIncidentsStayApart) {
  std::vector<StatementFeatures> f = {
      F("doc=0 pub=2024-03-17 when=2024-03-16 keys=w:beira places=beira "
        "names=beira"),
      F("doc=0 pub=2024-03-17 keys=m:killed"),
      F("doc=1 pub=2024-03-18 when=2024-03-16 keys=w:beira places=beira "
        "names=beira"),
      F("doc=1 pub=2024-03-18 keys=m:killed"),
      F("doc=2 pub=2024-03-19 when=2024-03-18 keys=w:tabriz places=tabriz "
        "names=tabriz"),
      F("doc=2 pub=2024-03-19 keys=m:killed"),
  };
  AddDocumentContext(&f);
  ASSERT_OK_AND_ASSIGN(DenseAlignment a,
                       AlignDense(NearlySame(6), f, DenseAlignOptions()));
  EXPECT_TRUE(SameCluster(a, 1, 3));
  EXPECT_TRUE(SameCluster(a, 0, 2));
  EXPECT_FALSE(SameCluster(a, 3, 5)) << "different places, same-day window";
  EXPECT_FALSE(SameCluster(a, 1, 5));
  EXPECT_FALSE(SameCluster(a, 0, 4));
}

TEST(FeaturesFromStatement, PlacesAndNames) {
  auto features = [](const std::string& text) {
    v1::Statement s;
    s.set_text(text);
    return FeaturesFromStatement(s, 0, absl::nullopt);
  };
  StatementFeatures f = features(
      "Kabul’s envoy said floods in northern Porto Alegre and near the "
      "Visayas, not Ukraine's east, hit 3\u00a0towns in March.");
  EXPECT_EQ(f.initial_name, "kabul");
  EXPECT_EQ(f.places,
            (std::vector<std::string>{"alegre", "porto", "visayas"}));
  EXPECT_EQ(f.names, (std::vector<std::string>{"alegre", "porto", "ukraine",
                                               "visayas"}));
  // A comma ends the run; lower-case words other than region words too.
  f = features("Police said fighting in Kasese, Lviv and the city of Taiz.");
  EXPECT_EQ(f.places, (std::vector<std::string>{"kasese"}));
  EXPECT_EQ(f.initial_name, "police");
  // "The" starts many sentences and names nothing.
  EXPECT_EQ(features("The vote in Gyumri.").initial_name, "");
}

TEST(ScoreLink, PlacesBelowACountryMustBeNamedByTheOtherArticle) {
  const DenseAlignOptions options;
  // "A suicide bomber struck a mosque in Peshawar, Pakistan" (an undated
  // article that also recalls Kabul) vs "airstrikes in Kabul and Kandahar":
  // no report of the strikes names Peshawar, so the country shared by both
  // and the Kabul of the bombing's article prove nothing.
  const StatementFeatures bombing =
      F("doc=0 keys=k places=pakistan,peshawar "
        "docnames=peshawar,pakistan,kabul,taliban");
  const StatementFeatures strikes =
      F("doc=1 keys=k ctxplaces=kabul,kandahar "
        "docnames=kabul,kandahar,pakistan,afghanistan");
  const LinkScore s = ScoreLink(bombing, strikes, 0.9f, options);
  EXPECT_TRUE(s.vetoed);
  EXPECT_THAT(s.reasons, Contains(HasSubstr("different places")));
  // Once the other article names Peshawar, the link may stand.
  const StatementFeatures named =
      F("doc=1 keys=k ctxplaces=kabul docnames=kabul,peshawar,pakistan");
  EXPECT_FALSE(ScoreLink(bombing, named, 0.9f, options).vetoed);
  // Countries alone stay lenient ("in Pakistan" / "in Afghanistan" in
  // articles that both name both countries).
  const StatementFeatures country_a =
      F("doc=0 keys=k places=pakistan docnames=pakistan,afghanistan");
  const StatementFeatures country_b =
      F("doc=1 keys=k places=afghanistan docnames=afghanistan,pakistan");
  EXPECT_FALSE(ScoreLink(country_a, country_b, 0.9f, options).vetoed);
  // The same days vouch for one incident told from two of its places ("the
  // quake hit Taiz" / "hospitals in Sanaa"), when either article names the
  // other's place.
  const StatementFeatures taiz = F(
      "doc=0 pub=2024-05-18 when=2024-05-17 keys=k places=taiz "
      "docnames=taiz,yemen");
  const StatementFeatures sanaa = F(
      "doc=1 pub=2024-05-18 when=2024-05-17 keys=k places=sanaa "
      "docnames=sanaa,taiz,yemen");
  EXPECT_FALSE(ScoreLink(taiz, sanaa, 0.9f, options).vetoed);
  StatementFeatures undated_taiz = taiz, undated_sanaa = sanaa;
  undated_taiz.when.reset();
  undated_sanaa.when.reset();
  undated_taiz.published_day.reset();
  undated_sanaa.published_day.reset();
  EXPECT_TRUE(ScoreLink(undated_taiz, undated_sanaa, 0.9f, options).vetoed)
      << "undated, each article must name the other's place";
}

TEST(ScoreLink, TwoPlacesOfOneArticleAreTwoEvents) {
  const DenseAlignOptions options;
  // "After meeting in Doha on Saturday ..." / "... to meet again in
  // Istanbul on Saturday", in one undated article.
  const StatementFeatures doha =
      F("doc=0 keys=k places=doha docnames=doha,istanbul");
  const StatementFeatures istanbul =
      F("doc=0 keys=k places=istanbul docnames=doha,istanbul");
  EXPECT_TRUE(ScoreLink(doha, istanbul, 0.9f, options).vetoed);
  const StatementFeatures doha_again =
      F("doc=0 keys=k places=doha,qatar docnames=doha,istanbul");
  EXPECT_FALSE(ScoreLink(doha, doha_again, 0.9f, options).vetoed);
  // A sentence without a place of its own may belong to either.
  const StatementFeatures placeless =
      F("doc=0 keys=k ctxplaces=doha,istanbul docnames=doha,istanbul");
  EXPECT_FALSE(ScoreLink(doha, placeless, 0.9f, options).vetoed);
}

TEST(AlignDense, BackgroundStatementsStayOutOfEvents) {
  // Two articles' commentary ("Islamabad says the Taliban shelter the
  // group") next to their reports of one strike.
  std::vector<StatementFeatures> f = {
      F("doc=0 keys=k types=violence"), F("doc=1 keys=k types=violence"),
      F("doc=0 keys=k bg=1"), F("doc=1 keys=k bg=1")};
  ASSERT_OK_AND_ASSIGN(DenseAlignment a,
                       AlignDense(NearlySame(4), f, DenseAlignOptions()));
  EXPECT_TRUE(SameCluster(a, 0, 1));
  for (uint32_t i : {2u, 3u}) {
    for (uint32_t j = 0; j < 4; ++j) {
      if (i != j) {
        EXPECT_FALSE(Linked(a, i, j)) << i << "-" << j;
      }
    }
  }
  DenseAlignOptions with_background;
  with_background.link_background = true;
  ASSERT_OK_AND_ASSIGN(a, AlignDense(NearlySame(4), f, with_background));
  EXPECT_TRUE(SameCluster(a, 2, 3));
  EXPECT_TRUE(SameCluster(a, 0, 2));
}

// Rows for two groups that are each alike (0.8) and joined by one fair link
// (0.36 between rows 1 and 2) while the groups as a whole are not alike
// (mean 0.09).
Eigen::MatrixXf TwoGroups() {
  Eigen::MatrixXf m(4, 3);
  m << 1, 0, 0,  //
      0.8f, 0.6f, 0,  //
      0, 0.6f, 0.8f,  //
      0, 0, 1;
  return m;
}

TEST(AlignDense, AChainOfFairLinksDoesNotJoinUnlikeGroups) {
  std::vector<StatementFeatures> f = {
      F("doc=0 pub=2025-10-13 keys=k"), F("doc=1 pub=2025-10-13 keys=k"),
      F("doc=2 pub=2025-10-13 keys=k"), F("doc=3 pub=2025-10-13 keys=k")};
  ASSERT_OK_AND_ASSIGN(DenseAlignment a,
                       AlignDense(TwoGroups(), f, DenseAlignOptions()));
  EXPECT_TRUE(SameCluster(a, 0, 1));
  EXPECT_TRUE(SameCluster(a, 2, 3));
  EXPECT_FALSE(SameCluster(a, 1, 2));
  EXPECT_EQ(a.refused_merges, 1u);
  DenseAlignOptions off;
  off.min_cluster_similarity = 0;
  ASSERT_OK_AND_ASSIGN(a, AlignDense(TwoGroups(), f, off));
  EXPECT_TRUE(SameCluster(a, 0, 3));
  // Dates that agree vouch for one incident.
  for (StatementFeatures& s : f) s.when = DayRange{Day("2025-10-12"), Day("2025-10-12")};
  ASSERT_OK_AND_ASSIGN(a, AlignDense(TwoGroups(), f, DenseAlignOptions()));
  EXPECT_TRUE(SameCluster(a, 0, 3));
  // A month that contains the day does not.
  f[0].when = f[1].when = DayRange{Day("2025-10-01"), Day("2025-10-31")};
  ASSERT_OK_AND_ASSIGN(a, AlignDense(TwoGroups(), f, DenseAlignOptions()));
  EXPECT_TRUE(SameCluster(a, 0, 1));
  EXPECT_TRUE(SameCluster(a, 2, 3));
  EXPECT_FALSE(SameCluster(a, 1, 2));
}

// --- Undated articles ---------------------------------------------------

TEST(ScoreLink, WithoutDatesTheWordsMustBeCloser) {
  const StatementFeatures old_strikes =
      F("doc=0 when=2022-01-01..2022-12-31 keys=strikes types=air_strike");
  const StatementFeatures undated = F("doc=1 keys=strikes types=air_strike");
  const LinkScore weak = ScoreLink(old_strikes, undated, 0.42f, DenseAlignOptions());
  EXPECT_TRUE(weak.vetoed);
  EXPECT_THAT(weak.reasons, Contains("no date: similarity 0.42 < 0.5: vetoed"));
  EXPECT_FALSE(ScoreLink(old_strikes, undated, 0.6f, DenseAlignOptions()).vetoed);
  // One article may tell its own undated sentences together.
  StatementFeatures same_article = undated;
  same_article.document = 0;
  EXPECT_FALSE(
      ScoreLink(old_strikes, same_article, 0.42f, DenseAlignOptions()).vetoed);
  // A publication day is a date.
  StatementFeatures dated = undated;
  dated.published_day = Day("2022-05-02");
  EXPECT_FALSE(ScoreLink(old_strikes, dated, 0.42f, DenseAlignOptions()).vetoed);
  DenseAlignOptions off;
  off.min_untimed_similarity = 0;
  EXPECT_FALSE(ScoreLink(old_strikes, undated, 0.42f, off).vetoed);
}

TEST(FeaturesFromStatement, LocatedPlacesAreTheSentencesOwn) {
  v1::Statement s;
  s.set_text("Pakistan launched airstrikes in Kabul on Thursday.");
  std::vector<StatementFeatures> f = {FeaturesFromStatement(s, 0, absl::nullopt)};
  EXPECT_EQ(f[0].located_places, std::vector<std::string>{"kabul"});
  v1::Statement metonym;
  metonym.set_text("The talks failed, and Kabul blamed Islamabad.");
  f.push_back(FeaturesFromStatement(metonym, 1, absl::nullopt));
  AddDocumentContext(&f);
  EXPECT_THAT(f[1].places, Contains("kabul"));  // from the run's gazetteer
  EXPECT_THAT(f[1].located_places, IsEmpty());
}

TEST(FeaturesFromStatement, ASeatOfGovernmentIsNoPlaceOfTheEvent) {
  auto places = [](const std::string& text) {
    v1::Statement s;
    s.set_text(text);
    return FeaturesFromStatement(s, 0, absl::nullopt).located_places;
  };
  EXPECT_THAT(places("Riots have flared since the junta took power in Lomara."),
              IsEmpty());
  EXPECT_THAT(places("Trade suffered, whoever was in power in Lomara."),
              IsEmpty());
  EXPECT_THAT(places("The authorities in Lomara denied it."), IsEmpty());
  EXPECT_THAT(places("A charity based in Lomara counted the dead."), IsEmpty());
  // The place of the event stays, with or without a seat beside it.
  EXPECT_EQ(places("Officials in Lomara said a blast in Tarvo killed 9."),
            std::vector<std::string>{"tarvo"});
  EXPECT_EQ(places("A flood in Lomara killed 9."),
            std::vector<std::string>{"lomara"});
  // An owner after "in the" is no place; a country's region is one.
  EXPECT_THAT(places("A shift in the Junta\u2019s tone surprised many."),
              IsEmpty());
  EXPECT_THAT(places("A shift in the Junta's tone surprised many."), IsEmpty());
  EXPECT_EQ(places("Floods hit homes in Lomara's north."),
            std::vector<std::string>{"lomara"});
}

// Rows: 0 and 1 of dated articles; 2 and 3 of one undated article, each
// close to one dated row and sharing its place; 4 an undated-article
// sentence close to 5, a sentence dated 2022.
Eigen::MatrixXf EstimateRows() {
  Eigen::MatrixXf m = Eigen::MatrixXf::Zero(6, 4);
  m.row(0) << 1, 0, 0, 0;
  m.row(1) << 0, 1, 0, 0;
  m.row(2) << 0.8f, 0, 0.6f, 0;
  m.row(3) << 0, 0.8f, 0.6f, 0;
  m.row(4) << 0, 0, 0.6f, 0.8f;
  m.row(5) << 0, 0, 0, 1;
  return m;
}

std::vector<StatementFeatures> EstimateFeatures(bool located) {
  const std::string loc = located ? " located=kabul" : "";
  return {F("doc=0 pub=2025-10-20 keys=kabul places=kabul" + loc),
          F("doc=1 pub=2025-10-25 keys=doha places=doha"),
          F("doc=2 keys=kabul places=kabul" + loc),
          F("doc=2 keys=doha places=doha located=doha"),
          F("doc=2 keys=strikes"),
          F("doc=3 when=2022-01-01..2022-12-31 keys=strikes")};
}

TEST(AlignDense, UndatedArticleGetsItsDateFromPlacedLinks) {
  const DenseAlignOptions options;
  ASSERT_OK_AND_ASSIGN(DenseAlignment a,
                       AlignDense(EstimateRows(), EstimateFeatures(true), options));
  ASSERT_EQ(a.estimated_dates.size(), 1u);
  EXPECT_EQ(a.estimated_dates[0].document, 2u);
  EXPECT_EQ(a.estimated_dates[0].window.first, Day("2025-10-20") - 30);
  EXPECT_EQ(a.estimated_dates[0].window.last, Day("2025-10-25") + 30);
  EXPECT_EQ(a.estimated_dates[0].support, 2);
  EXPECT_TRUE(Linked(a, 0, 2));
  EXPECT_TRUE(Linked(a, 1, 3));
  // Strikes "in 2022" are not what an article of Oct. 2025 tells undated.
  EXPECT_FALSE(Linked(a, 4, 5));
  // Without the estimate the words (0.8) carry the link.
  DenseAlignOptions off;
  off.date_estimate_slack_days = 0;
  ASSERT_OK_AND_ASSIGN(a, AlignDense(EstimateRows(), EstimateFeatures(true), off));
  EXPECT_THAT(a.estimated_dates, IsEmpty());
  EXPECT_TRUE(Linked(a, 4, 5));
  // The all-pairs reference agrees.
  ASSERT_OK_AND_ASSIGN(
      a, AlignDenseAllPairs(EstimateRows(), EstimateFeatures(true), options));
  ASSERT_EQ(a.estimated_dates.size(), 1u);
  EXPECT_FALSE(Linked(a, 4, 5));
}

// EstimateRows plus row 6, an undated-article sentence "on October 9" (or
// "last Wednesday"), and row 7, strikes on Oct. 15 told by a dated article;
// the two are alike in words only.
TEST(AlignDense, AnUndatedSentencesOwnDateIsResolvedInTheEstimate) {
  Eigen::MatrixXf m = Eigen::MatrixXf::Zero(8, 5);
  m.topLeftCorner(6, 4) = EstimateRows();
  m.row(6) << 0, 0, 0, 0, 1;
  m.row(7) << 0, 0, 0, 0.6f, 0.8f;
  std::vector<StatementFeatures> f = EstimateFeatures(true);
  f.push_back(F("doc=2 keys=strikes"));
  f.push_back(F("doc=4 pub=2025-10-17 when=2025-10-15 keys=strikes"));
  // What the time extractor does with a month-day or a weekday.
  auto times_at = [](const std::string& phrase) -> TimesAt {
    return [phrase](size_t row, absl::CivilDay day) {
      google::protobuf::RepeatedPtrField<v1::TimeExpression> times;
      if (row != 6) return times;
      absl::CivilDay d;
      if (phrase == "October 9") {
        d = absl::CivilDay(day.year(), 10, 9);
        if (d > day + 31) d = absl::CivilDay(day.year() - 1, 10, 9);
      } else {  // "last Wednesday"
        d = day - 1;
        while (absl::GetWeekday(d) != absl::Weekday::wednesday) d -= 1;
      }
      v1::TimeExpression* t = times.Add();
      t->set_granularity(v1::TimeExpression::DAY);
      t->set_start(absl::FormatCivilTime(d));
      t->set_end(absl::FormatCivilTime(d));
      return times;
    };
  };
  const DenseAlignOptions options;
  ASSERT_OK_AND_ASSIGN(DenseAlignment a, AlignDense(m, f, options));
  ASSERT_EQ(a.estimated_dates.size(), 1u);
  // The estimate (Sep 20..Nov 24) holds Oct. 15.
  EXPECT_TRUE(Linked(a, 6, 7));
  ASSERT_OK_AND_ASSIGN(a, AlignDense(m, f, options, times_at("October 9")));
  EXPECT_FALSE(Linked(a, 6, 7));
  EXPECT_EQ(a.vetoed_pairs, 1u);
  ASSERT_OK_AND_ASSIGN(a, AlignDenseAllPairs(m, f, options, times_at("October 9")));
  EXPECT_FALSE(Linked(a, 6, 7));
  // A weekday is any day of the estimate: the link stands.
  ASSERT_OK_AND_ASSIGN(a, AlignDense(m, f, options, times_at("last Wednesday")));
  EXPECT_TRUE(Linked(a, 6, 7));
  for (const DenseLink& l : a.pairs) {
    if (l.a == 6 && l.b == 7) {
      EXPECT_THAT(l.reasons,
                  Contains("date resolved in an undated article's estimate: "
                           "2025-09-17..2025-11-19"));
    }
  }
}

// Rows 0, 1: strikes in Kabul told by articles of Oct. 2025; row 2: strikes
// in Kabul told in March 2022; rows 3..5 (or 3 and 5): an undated article
// whose sentences 3 and 4 fit 2025 and whose sentence 5 fits both.
TEST(AlignDense, AnEstimateNeedsAGroupOfDatesThatLeadsClearly) {
  auto rows = [](bool with_row_4) {
    Eigen::MatrixXf m = Eigen::MatrixXf::Zero(6, 6);
    m.row(0) << 1, 0, 0, 0, 0, 0;
    m.row(1) << 0, 1, 0, 0, 0, 0;
    m.row(2) << 0, 0, 1, 0, 0, 0;
    m.row(3) << 0.9f, 0, 0, 0.43589f, 0, 0;
    m.row(4) << 0, 0.9f, 0, 0, 0.43589f, 0;
    m.row(5) << 0.70711f, 0, 0.70711f, 0, 0, 0;
    if (!with_row_4) m.row(4) << 0, 0, 0, 0, 0, 1;
    return m;
  };
  const std::string kabul = " keys=kabul places=kabul located=kabul";
  const std::vector<StatementFeatures> f = {
      F("doc=0 pub=2025-10-20" + kabul), F("doc=1 pub=2025-10-22" + kabul),
      F("doc=3 pub=2022-03-01" + kabul), F("doc=2" + kabul),
      F("doc=2" + kabul),                F("doc=2" + kabul)};
  // Three statements for 2025, one for 2022: 2025 leads.
  ASSERT_OK_AND_ASSIGN(DenseAlignment a,
                       AlignDense(rows(true), f, DenseAlignOptions()));
  ASSERT_EQ(a.estimated_dates.size(), 1u);
  EXPECT_FALSE(a.estimated_dates[0].ambiguous);
  EXPECT_EQ(a.estimated_dates[0].support, 3);
  EXPECT_EQ(a.estimated_dates[0].window.first, Day("2025-10-20") - 30);
  EXPECT_EQ(a.estimated_dates[0].window.last, Day("2025-10-22") + 30);
  EXPECT_TRUE(Linked(a, 0, 3));
  EXPECT_FALSE(Linked(a, 2, 5));
  // Two for 2025, one for 2022: no date can be told, and the undated
  // statements link to no other article.
  ASSERT_OK_AND_ASSIGN(a, AlignDense(rows(false), f, DenseAlignOptions()));
  ASSERT_EQ(a.estimated_dates.size(), 1u);
  EXPECT_TRUE(a.estimated_dates[0].ambiguous);
  EXPECT_FALSE(Linked(a, 0, 3));
  EXPECT_FALSE(Linked(a, 0, 5));
  EXPECT_FALSE(Linked(a, 2, 5));
  EXPECT_TRUE(Linked(a, 3, 5));  // one article may still tell it twice
  ASSERT_OK_AND_ASSIGN(a, AlignDenseAllPairs(rows(false), f, DenseAlignOptions()));
  ASSERT_EQ(a.estimated_dates.size(), 1u);
  EXPECT_TRUE(a.estimated_dates[0].ambiguous);
}

TEST(AlignDense, ACapitalForItsGovernmentDatesNothing) {
  // "Kabul" only as the gazetteer's place on both sides ("Kabul says"):
  // one placed link is too few for an estimate.
  ASSERT_OK_AND_ASSIGN(
      DenseAlignment a,
      AlignDense(EstimateRows(), EstimateFeatures(false), DenseAlignOptions()));
  EXPECT_THAT(a.estimated_dates, IsEmpty());
  EXPECT_TRUE(Linked(a, 4, 5));
}

TEST(FeaturesFromStatement, Background) {
  v1::Statement s;
  s.set_text("Islamabad says the Afghan Taliban shelter the group.");
  EXPECT_TRUE(FeaturesFromStatement(s, 0, absl::nullopt).background);
  s.set_text("Pakistan says militants operate in Afghanistan.");
  EXPECT_TRUE(FeaturesFromStatement(s, 0, absl::nullopt).background)
      << "a country alone is no event";
  s.set_text("Police said crowds gathered in Kasese.");
  EXPECT_FALSE(FeaturesFromStatement(s, 0, absl::nullopt).background);
  v1::Statement framed;
  framed.set_text("Islamabad says the Taliban attacked.");
  framed.add_frames()->set_type("attack");
  EXPECT_FALSE(FeaturesFromStatement(framed, 0, absl::nullopt).background);
  v1::Statement denial;
  denial.set_text("The Afghan Taliban deny sheltering the group.");
  denial.add_attributions()->set_stance(v1::Attribution::DENIES);
  EXPECT_FALSE(FeaturesFromStatement(denial, 0, absl::nullopt).background);
  v1::Statement said;
  said.set_text("Analysts say the Taliban shelter the group.");
  said.add_attributions()->set_stance(v1::Attribution::ASSERTS);
  EXPECT_TRUE(FeaturesFromStatement(said, 0, absl::nullopt).background);
}

}  // namespace
}  // namespace factdiff
