#include "core/compare/finding_util.h"

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

}  // namespace
}  // namespace compare_internal
}  // namespace factdiff
