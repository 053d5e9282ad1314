#include "core/compare/finding_util.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"

namespace factdiff {
namespace compare_internal {
namespace {

TEST(DayNumber, CivilDates) {
  EXPECT_EQ(DayNumber("1970-01-01"), 0);
  EXPECT_EQ(DayNumber("2024-03-01").value() - DayNumber("2024-02-28").value(), 2);
  EXPECT_EQ(DayNumber("2025-03-01").value() - DayNumber("2025-02-28").value(), 1);
  EXPECT_EQ(DayNumber("2026-03-14T10:00Z"), DayNumber("2026-03-14"));
  EXPECT_FALSE(DayNumber("2026-13-01").has_value());
  EXPECT_FALSE(DayNumber("March 3").has_value());
  EXPECT_FALSE(DayNumber("").has_value());
}

TEST(PublishedMinutes, DatesTimesAndOffsets) {
  bool has_time;
  EXPECT_EQ(PublishedMinutes("1970-01-02", &has_time), 1440);
  EXPECT_FALSE(has_time);
  EXPECT_EQ(PublishedMinutes("1970-01-01T10:30Z", &has_time), 630);
  EXPECT_TRUE(has_time);
  EXPECT_EQ(PublishedMinutes("1970-01-01T10:30:15+02:00", &has_time), 510);
  EXPECT_EQ(PublishedMinutes("1970-01-01T10:30-01:30", &has_time), 720);
  EXPECT_FALSE(PublishedMinutes("1970-01-01T10", &has_time).has_value());
  EXPECT_FALSE(PublishedMinutes("1970-01-01T10:30+2", &has_time).has_value());
}

TEST(ComparePublished, Order) {
  EXPECT_EQ(ComparePublished("2026-03-14", "2026-03-15"), -1);
  EXPECT_EQ(ComparePublished("2026-03-15", "2026-03-14T23:00Z"), 1);
  EXPECT_EQ(ComparePublished("2026-03-14", "2026-03-14T23:00Z"), 0);
  EXPECT_EQ(ComparePublished("2026-03-14T08:00Z", "2026-03-14T09:00+02:00"), 1);
  EXPECT_EQ(ComparePublished("", "2026-03-14"), 0);
  EXPECT_EQ(DaysBetweenPublished("2026-03-14", "2026-04-01T08:00Z"), 18);
  EXPECT_EQ(DaysBetweenPublished("", "2026-04-01"), -1);
}

TEST(NormalizeActor, PossessivesArticlesAndCurlyQuotes) {
  EXPECT_EQ(NormalizeActor("Pakistan’s military"), "pakistan military");
  EXPECT_EQ(NormalizeActor("The Northern Front's  spokesman"),
            "northern front spokesman");
  EXPECT_EQ(NormalizeActor("Inter-Services"), "inter services");
  EXPECT_EQ(NormalizeActor("O’Neill"), "oneill");
}

TEST(ActorsMatch, DistinctiveWordsAndDemonyms) {
  EXPECT_TRUE(ActorsMatch("pakistan", "Pakistan's military"));
  EXPECT_TRUE(ActorsMatch("Pakistani forces", "pakistan"));
  EXPECT_TRUE(ActorsMatch("Afghan Taliban", "afghanistan taliban"));
  EXPECT_TRUE(ActorsMatch("Syrian army", "Syria"));
  EXPECT_TRUE(ActorsMatch("taliban", "Afghan Taliban"));
  EXPECT_FALSE(ActorsMatch("the military", "Pakistan's military"));
  EXPECT_FALSE(ActorsMatch("police", "police"));  // nobody in particular
  EXPECT_FALSE(ActorsMatch("Pakistani Taliban", "Afghan Taliban"));
  EXPECT_FALSE(ActorsMatch("Pakistan", "Afghanistan"));
  EXPECT_FALSE(ActorsMatch("Iran", "Iraq"));
  EXPECT_FALSE(ActorsMatch("", "pakistan"));
  // Places the country table lacks: a region, a country it does not list.
  EXPECT_TRUE(ActorsMatch("Punjabi police", "Punjab"));
  EXPECT_TRUE(ActorsMatch("the Estovan army", "Estova"));
  EXPECT_TRUE(ActorsMatch("Malvari officials", "Malvar's defense ministry"));
  // Two countries the table knows are not joined by their spelling.
  EXPECT_FALSE(ActorsMatch("Nigerian army", "Niger"));
}

TEST(ActorsDiffer, NeedsTwoNamedActors) {
  EXPECT_TRUE(ActorsDiffer("the Red Crescent", "Kandar's health ministry"));
  EXPECT_FALSE(ActorsDiffer("police", "hospital officials"));
  EXPECT_FALSE(ActorsDiffer("Pakistani Taliban", "Afghan Taliban"));
  EXPECT_FALSE(ActorsDiffer("Pakistan", "Pakistani army"));
  EXPECT_EQ(ActorKey("Pakistan’s military spokesman"), "pakistan");
}

TEST(FrameTypesMatch, SynonymsGenericsAndOthers) {
  EXPECT_EQ(FrameTypesMatch("air strike", "airstrikes"), TypeMatch::kExact);
  EXPECT_EQ(FrameTypesMatch("air strike", "drone strike"), TypeMatch::kExact);
  EXPECT_EQ(FrameTypesMatch("clashes", "fighting"), TypeMatch::kExact);
  EXPECT_EQ(FrameTypesMatch("bombing", "blast"), TypeMatch::kExact);
  EXPECT_EQ(FrameTypesMatch("attack", "bombing"), TypeMatch::kGeneric);
  EXPECT_EQ(FrameTypesMatch("strikes", "air strike"), TypeMatch::kGeneric);
  EXPECT_EQ(FrameTypesMatch("bombing", "air strike"), TypeMatch::kNo);
  EXPECT_EQ(FrameTypesMatch("protest", "march"), TypeMatch::kNo);
  EXPECT_EQ(FrameTypesMatch("protest", "protests"), TypeMatch::kExact);
  EXPECT_EQ(FrameTypesMatch("attack", "earthquake"), TypeMatch::kNo);
  EXPECT_EQ(FrameTypesMatch("", ""), TypeMatch::kNo);
}

TEST(PlacesOverlap, GenericPlaceWordsDoNotCount) {
  google::protobuf::RepeatedPtrField<std::string> a, b, c;
  *a.Add() = "along the border";
  *b.Add() = "the border";
  *c.Add() = "Kabul's eastern district";
  EXPECT_FALSE(PlacesOverlap(a, b));
  *b.Add() = "in Kabul";
  EXPECT_TRUE(PlacesOverlap(b, c));
  EXPECT_FALSE(PlacesOverlap(a, c));
}

TEST(CandidatePairs, AlignedEventAndSelf) {
  std::vector<bool> eligible = {true, true, false, true, true};
  std::vector<AlignedPair> pairs = {{0, 1, 0.4f}, {1, 2, 0.9f}, {3, 4, 0.2f}};
  std::vector<std::string> event_of = {"e1", "e1", "e1", "e1", ""};
  std::vector<Candidate> c = CandidatePairs(eligible, pairs, event_of, 10, false);
  ASSERT_EQ(c.size(), 4u);  // (0,1) aligned, (0,3), (1,3) by event, (3,4)
  EXPECT_EQ(c[0].a, 0u);
  EXPECT_EQ(c[0].b, 1u);
  EXPECT_TRUE(c[0].aligned);
  EXPECT_FLOAT_EQ(c[0].similarity, 0.4f);
  EXPECT_EQ(c[1].b, 3u);
  EXPECT_FALSE(c[1].aligned);
  EXPECT_EQ(c[1].similarity, 0);
  EXPECT_EQ(c[3].a, 3u);
  EXPECT_EQ(c[3].b, 4u);
  // A bucket over the limit falls back to aligned pairs.
  EXPECT_EQ(CandidatePairs(eligible, pairs, event_of, 2, false).size(), 2u);
  EXPECT_EQ(CandidatePairs(eligible, pairs, event_of, 2, true).size(), 6u);
}

TEST(SimilarityFactor, Range) {
  EXPECT_EQ(SimilarityFactor(0.1), 0);
  EXPECT_EQ(SimilarityFactor(0.7), 1);
  EXPECT_NEAR(SimilarityFactor(0.325), 0.5, 1e-9);
}


// Six statements without text (so no shared names) in three documents:
// 0, 1 in d0; 2, 3, 5 in d1; 4 in d2. The aligner pairs 0 with 2, and 1
// and 3 share event "e", so d0 and d1 tell one story; d2 stands alone.
struct StoryFixture {
  std::vector<v1::Statement> statements = std::vector<v1::Statement>(6);
  std::vector<v1::Document> documents = std::vector<v1::Document>(3);
  std::vector<uint32_t> document_of = {0, 0, 1, 1, 2, 1};
  std::vector<AlignedPair> pairs = {{0, 2, 0.6f}};
  std::vector<std::string> event_of = {"", "e", "x", "e", "", ""};
};

std::vector<std::pair<uint32_t, uint32_t>> Ends(
    const std::vector<Candidate>& candidates) {
  std::vector<std::pair<uint32_t, uint32_t>> out;
  for (const Candidate& c : candidates) out.push_back({c.a, c.b});
  return out;
}

TEST(StoryCandidates, AlignedAndEventPairsThenKeyedPairsOfOneStory) {
  StoryFixture f;
  const std::vector<bool> eligible(6, true);
  const std::vector<std::set<std::string>> keys = {
      {"air"}, {"clash"}, {"air"}, {"clash"}, {"clash"}, {"air"}};
  std::vector<Candidate> c =
      StoryCandidates(eligible, keys, f.statements, f.documents, f.document_of,
                      f.pairs, f.event_of, /*max_bucket=*/10);
  // (0,2) aligned and (1,3) by event, sorted; then (0,5), keyed "air" across
  // d0 and d1. Not (2,5): one document. Not (1,4), (3,4): d2 is another
  // story.
  using P = std::pair<uint32_t, uint32_t>;
  ASSERT_EQ(Ends(c), (std::vector<P>{{0, 2}, {1, 3}, {0, 5}}));
  EXPECT_TRUE(c[0].aligned);
  EXPECT_FLOAT_EQ(c[0].similarity, 0.6f);
  EXPECT_FALSE(c[1].aligned);
  EXPECT_EQ(c[1].similarity, 0);
  EXPECT_FALSE(c[2].aligned);
  EXPECT_EQ(c[2].similarity, 0);
  // A key held by more statements than max_bucket gives no pairs.
  EXPECT_EQ(Ends(StoryCandidates(eligible, keys, f.statements, f.documents,
                                 f.document_of, f.pairs, f.event_of,
                                 /*max_bucket=*/2)),
            (std::vector<P>{{0, 2}, {1, 3}}));
  // Ineligible statements (without keys) are in no pair; the aligner's
  // links between their documents still count.
  std::vector<bool> some = eligible;
  std::vector<std::set<std::string>> some_keys = keys;
  some[2] = some[3] = false;
  some_keys[2].clear();
  some_keys[3].clear();
  EXPECT_EQ(Ends(StoryCandidates(some, some_keys, f.statements, f.documents,
                                 f.document_of, f.pairs, f.event_of, 10)),
            (std::vector<P>{{0, 5}}));
}

TEST(StoryCandidates, WithSelfPairsEachEligibleStatementWithItself) {
  StoryFixture f;
  std::vector<bool> eligible(6, false);
  eligible[0] = eligible[2] = eligible[5] = true;
  const std::vector<std::set<std::string>> keys = {{"air"}, {}, {"air"},
                                                   {},      {}, {"air"}};
  std::vector<Candidate> c =
      StoryCandidates(eligible, keys, f.statements, f.documents, f.document_of,
                      f.pairs, f.event_of, 10, /*with_self=*/true);
  using P = std::pair<uint32_t, uint32_t>;
  ASSERT_EQ(Ends(c), (std::vector<P>{{0, 0}, {0, 2}, {2, 2}, {5, 5}, {0, 5}}));
  EXPECT_EQ(c[0].similarity, 1.0);
  EXPECT_TRUE(c[0].aligned);
  EXPECT_FALSE(c[0].keyed);
  EXPECT_FALSE(c[1].keyed);
  EXPECT_TRUE(c[4].keyed);
  EXPECT_FALSE(c[4].aligned);
}

TEST(AddKeyedCandidates, AppendsNewKeyedPairsOnly) {
  StoryFixture f;
  const std::vector<std::set<std::string>> keys = {
      {"air"}, {"clash"}, {"air"}, {"clash"}, {}, {"air"}};
  std::vector<Candidate> c = {Candidate{0, 2, 0.6, true}};
  StoryLinks aligner(f.statements, f.documents, f.document_of, f.pairs,
                     f.event_of, /*use_names=*/false);
  AddKeyedCandidates(keys, f.document_of, &aligner, 10, &c);
  using P = std::pair<uint32_t, uint32_t>;
  // (0,2) is already there; (0,5) and (1,3) are new, in KeyedPairs' order.
  ASSERT_EQ(Ends(c), (std::vector<P>{{0, 2}, {0, 5}, {1, 3}}));
  EXPECT_FALSE(c[0].keyed);
  EXPECT_EQ(c[0].similarity, 0.6);
  EXPECT_TRUE(c[1].keyed);
  EXPECT_EQ(c[1].similarity, 0);
  EXPECT_TRUE(c[2].keyed);
  // A second call adds nothing twice.
  AddKeyedCandidates(keys, f.document_of, &aligner, 10, &c);
  EXPECT_EQ(c.size(), 3u);
}

TEST(SourceKey, NormalizedSourceFirst) {
  v1::Attribution a;
  EXPECT_EQ(SourceKey(a), "");
  a.set_source("The Ministry");
  EXPECT_EQ(SourceKey(a), "The Ministry");
  a.set_source_normalized("ministry");
  EXPECT_EQ(SourceKey(a), "ministry");
}

struct TestItem {
  std::string name;
  std::string kind;
};

TEST(MatchItemPairs, ScoresEveryItemPairInCandidateOrder) {
  StoryFixture f;
  const std::vector<std::vector<TestItem>> items = {
      {{"a", "air"}},
      {{"b", "clash"}},
      {{"c1", "air"}, {"c2", "air"}},
      {{"d", "clash"}},
      {},
      {{"e", "air"}}};
  std::vector<std::string> calls;
  const std::vector<ItemMatch<TestItem>> matches = MatchItemPairs(
      f.statements, f.documents, f.document_of, f.pairs, f.event_of,
      /*max_bucket=*/10, items, [](const TestItem& i) { return i.kind; },
      [&](const TestItem& x, const TestItem& y,
          const Candidate& c) -> std::optional<PairScore> {
        calls.push_back(x.name + "-" + y.name);
        if (y.name == "c1") return std::nullopt;
        return PairScore{c.aligned ? 0.5 : 0.25,
                         x.name == "b" ? v1::Finding::CONFLICTING_SOURCES
                                       : v1::Finding::UNEXPLAINED};
      });
  EXPECT_EQ(calls,
            (std::vector<std::string>{"a-c1", "a-c2", "b-d", "a-e"}));
  ASSERT_EQ(matches.size(), 3u);
  EXPECT_EQ(matches[0].a, &items[0][0]);
  EXPECT_EQ(matches[0].b, &items[2][1]);
  EXPECT_EQ(matches[0].confidence, 0.5);
  EXPECT_EQ(matches[0].cause, v1::Finding::UNEXPLAINED);
  EXPECT_EQ(matches[0].event_id, "x");  // statement 0 has none: statement 2's
  EXPECT_EQ(matches[1].a, &items[1][0]);
  EXPECT_EQ(matches[1].b, &items[3][0]);
  EXPECT_EQ(matches[1].confidence, 0.25);
  EXPECT_EQ(matches[1].cause, v1::Finding::CONFLICTING_SOURCES);
  EXPECT_EQ(matches[1].event_id, "e");
  EXPECT_EQ(matches[2].a, &items[0][0]);
  EXPECT_EQ(matches[2].b, &items[5][0]);
  EXPECT_EQ(matches[2].event_id, "");
}

}  // namespace
}  // namespace compare_internal
}  // namespace factdiff
