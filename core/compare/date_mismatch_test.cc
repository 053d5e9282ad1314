#include "core/compare/date_mismatch.h"

#include "core/compare/test_util.h"
#include "gtest/gtest.h"

namespace factdiff {
namespace {

using testing_util::TestCorpus;
using v1::Attribution;
using v1::Finding;

std::vector<Finding> Find(const TestCorpus& c,
                          CompareOptions options = CompareOptions()) {
  return FindDateMismatches(c.statements, c.documents, c.document_of, c.pairs,
                            c.event_of, options);
}

// Two outlets date Belmont's strikes on Tovi.
struct TwoDates {
  TestCorpus c;
  uint32_t a, b;
  TwoDates(const std::string& date_b = "2026-03-06", bool relative_b = true,
           const std::string& place_b = "Tovi", float similarity = 0.6f) {
    a = c.Add(c.Doc("Gazette", "2026-03-07"),
              "Belmont’s air strikes hit Tovi on March 3, killing four.");
    const int fa = c.Frame(a, "air strike", "air strikes", {"Belmont"}, {},
                           {"Tovi"});
    c.Time(a, fa, "March 3", "2026-03-03");
    b = c.Add(c.Doc("Herald", "2026-03-08"),
              "The air strikes by Belmont on " + place_b +
                  " on Friday killed four people.");
    const int fb = c.Frame(b, "airstrike", "air strikes", {"Belmont"}, {},
                           {place_b});
    c.Time(b, fb, "on Friday", date_b, "", relative_b);
    c.Link(a, b, similarity);
  }
};

TEST(FindDateMismatches, OneEventOnTwoDates) {
  TwoDates t;
  std::vector<Finding> out = Find(t.c);
  ASSERT_EQ(out.size(), 1u);
  const Finding& f = out[0];
  EXPECT_EQ(f.kind(), Finding::DATE_MISMATCH);
  EXPECT_EQ(f.cause(), Finding::UNEXPLAINED);
  // 0.55 + 0.10 place + 0.10 agents + 0.10 similarity - 0.10 relative
  // ("air strike" and "airstrike" are synonyms, not identical).
  EXPECT_DOUBLE_EQ(f.confidence(), 0.75);
  EXPECT_EQ(f.severity(), Finding::MEDIUM);
  EXPECT_FALSE(f.same_document());
  EXPECT_EQ(f.summary(),
            "Date of the air strike (Tovi): 2026-03-03 (\"March 3\", Gazette) "
            "vs 2026-03-06 (\"on Friday\", Herald)");
  ASSERT_EQ(f.claims_size(), 2);
  EXPECT_EQ(f.claims(0).time().start(), "2026-03-03");
  EXPECT_EQ(f.claims(1).time().text(), "on Friday");
  EXPECT_EQ(f.claims(1).published(), "2026-03-08");
  EXPECT_NE(f.explanation().find("resolved from the publication date"),
            std::string::npos);
  t.c.ExpectSpansValid(out);
}

TEST(FindDateMismatches, AbsoluteDatesAndSourcesRaiseConfidence) {
  TwoDates t("2026-03-06", false);
  t.c.StatementStance(t.a, "", "hit", Attribution::ASSERTS, "",
                      "Belmont’s air strikes hit Tovi");
  t.c.statements[t.a].mutable_attributions(0)->set_source("Kandar’s army");
  t.c.statements[t.a].mutable_attributions(0)->set_source_normalized(
      "kandar army");
  std::vector<Finding> out = Find(t.c);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_DOUBLE_EQ(out[0].confidence(), 0.85);
  EXPECT_EQ(out[0].cause(), Finding::UNEXPLAINED);  // only one side sourced
  EXPECT_EQ(out[0].claims(0).attributed_to(), "Kandar’s army");

  t.c.StatementStance(t.b, "", "killed", Attribution::ASSERTS, "",
                      "The air strikes by Belmont");
  t.c.statements[t.b].mutable_attributions(0)->set_source("Belmont’s military");
  t.c.statements[t.b].mutable_attributions(0)->set_source_normalized(
      "belmont military");
  out = Find(t.c);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].cause(), Finding::CONFLICTING_SOURCES);
}

TEST(FindDateMismatches, NightOfTheEventCrossesMidnight) {
  EXPECT_TRUE(Find(TwoDates("2026-03-04").c).empty());
  EXPECT_TRUE(Find(TwoDates("2026-03-02").c).empty());
  EXPECT_TRUE(Find(TwoDates("2026-03-03").c).empty());
  EXPECT_EQ(Find(TwoDates("2026-03-05").c).size(), 1u);
  CompareOptions loose;
  loose.date_tolerance_days = 3;
  EXPECT_TRUE(Find(TwoDates("2026-03-06").c, loose).empty());
}

TEST(FindDateMismatches, WeakAlignmentOrDifferentIncidents) {
  // A weak link.
  EXPECT_TRUE(Find(TwoDates("2026-03-06", true, "Tovi", 0.25f).c).empty());
  // Another place.
  EXPECT_TRUE(Find(TwoDates("2026-03-06", true, "Marsh Bay").c).empty());
  // Months apart: another incident.
  EXPECT_TRUE(Find(TwoDates("2026-07-06").c).empty());
  {  // another actor
    TwoDates t;
    t.c.statements[t.b].mutable_frames(0)->set_agents(0, "Kandar");
    EXPECT_TRUE(Find(t.c).empty());
  }
  {  // a generic "attack" is not enough to say it is the same event
    TwoDates t;
    t.c.statements[t.b].mutable_frames(0)->set_type("attack");
    EXPECT_TRUE(Find(t.c).empty());
  }
  {  // only in one event, no direct link: needs places and agents
    TwoDates t;
    t.c.pairs.clear();
    EXPECT_EQ(Find(t.c).size(), 1u);
    t.c.statements[t.b].mutable_frames(0)->clear_agents();
    EXPECT_TRUE(Find(t.c).empty());
  }
  {  // no place: agents alone are not enough, agents and targets are
    TwoDates t;
    t.c.statements[t.a].mutable_frames(0)->clear_locations();
    EXPECT_TRUE(Find(t.c).empty());
    t.c.statements[t.a].mutable_frames(0)->add_targets("Tovi airfield");
    t.c.statements[t.b].mutable_frames(0)->add_targets("the Tovi airfield");
    EXPECT_EQ(Find(t.c).size(), 1u);
  }
}

TEST(FindDateMismatches, MissingOrCoarseDates) {
  {  // one side undated
    TwoDates t;
    t.c.statements[t.b].clear_times();
    t.c.statements[t.b].mutable_frames(0)->clear_time_indexes();
    EXPECT_TRUE(Find(t.c).empty());
  }
  {  // unresolved relative date
    TwoDates t;
    t.c.statements[t.b].mutable_times(0)->clear_start();
    t.c.statements[t.b].mutable_times(0)->clear_end();
    EXPECT_TRUE(Find(t.c).empty());
  }
  {  // a month is not a day
    TwoDates t;
    t.c.statements[t.b].mutable_times(0)->set_granularity(
        v1::TimeExpression::MONTH);
    EXPECT_TRUE(Find(t.c).empty());
  }
  {  // the statement's one date stands for its one frame, less surely
    TwoDates t;
    t.c.statements[t.b].mutable_frames(0)->clear_time_indexes();
    std::vector<Finding> out = Find(t.c);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_DOUBLE_EQ(out[0].confidence(), 0.7);
  }
}

TEST(FindDateMismatches, NotInsideOneDocument) {
  TwoDates t;
  t.c.document_of[t.b] = 0;
  EXPECT_TRUE(Find(t.c).empty());
}

TEST(FindDateMismatches, RepeatsMergeIntoOneFinding) {
  TwoDates t;
  const uint32_t c = t.c.Add(t.c.Doc("Courier", "2026-03-08"),
                             "Belmont bombed Tovi on Friday in an air strike.");
  const int f = t.c.Frame(c, "air strike", "air strike", {"Belmont"}, {},
                          {"Tovi"});
  t.c.Time(c, f, "on Friday", "2026-03-06", "", true);
  t.c.Link(t.a, c, 0.6f);
  std::vector<Finding> out = Find(t.c);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].claims_size(), 3);
  t.c.ExpectSpansValid(out);
}

// Kandar's shelling of the Orvo posts, dated by two outlets with a part of
// the day.
struct TwoNights {
  TestCorpus c;
  uint32_t a, b;
  TwoNights(const std::string& when_a, const std::string& date_a,
            const std::string& when_b, const std::string& date_b) {
    a = c.Add(c.Doc("Gazette", "2026-03-08"),
              "Kandari guns shelled the Orvo posts " + when_a + ".");
    const int fa = c.Frame(a, "shelling", "shelled", {"Kandar"}, {}, {"Orvo"});
    c.Time(a, fa, when_a.substr(3), date_a, "", true);
    b = c.Add(c.Doc("Herald", "2026-03-09"),
              "The shelling of the Orvo posts by Kandar began " + when_b + ".");
    const int fb = c.Frame(b, "shelling", "shelling", {"Kandar"}, {}, {"Orvo"});
    c.Time(b, fb, when_b.substr(3), date_b, "", true);
    c.Link(a, b, 0.6f);
  }
};

TEST(FindDateMismatches, NamedPartsOfTheDayADayApart) {
  // Two different nights.
  EXPECT_EQ(Find(TwoNights("on Friday night", "2026-03-06", "on Saturday night",
                           "2026-03-07").c)
                .size(),
            1u);
  // A night and the next day.
  EXPECT_EQ(Find(TwoNights("on Friday night", "2026-03-06", "on Saturday",
                           "2026-03-07").c)
                .size(),
            1u);
  // One night across midnight, and plain dates a day apart.
  EXPECT_TRUE(Find(TwoNights("on Friday night", "2026-03-06",
                             "on early Saturday", "2026-03-07").c)
                  .empty());
  EXPECT_TRUE(Find(TwoNights("on Friday", "2026-03-06", "on Saturday",
                             "2026-03-07").c)
                  .empty());
}

TEST(FindDateMismatches, ActWithoutAgentsKnownByItsTarget) {
  TestCorpus c;
  const uint32_t a = c.Add(c.Doc("Gazette", "2026-04-02"),
                           "The old dyke at Harlow Fen gave way on Tuesday, "
                           "flooding the Lower Marsh up to Sedge Road.");
  const int fa = c.Frame(a, "collapse", "gave way", {}, {"old dyke"});
  c.Time(a, fa, "Tuesday", "2026-03-31", "", true);
  const uint32_t b = c.Add(c.Doc("Herald", "2026-04-03"),
                           "Engineers at Harlow Fen studied the Harlow dyke, "
                           "which collapsed on Thursday and flooded the Lower "
                           "Marsh up to Sedge Road.");
  const int fb = c.Frame(b, "collapse", "collapsed", {}, {"Harlow dyke"});
  c.Time(b, fb, "Thursday", "2026-04-02", "", true);
  c.event_of = {"", ""};  // the aligner linked neither
  std::vector<Finding> out = Find(c);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].claims(0).time().start(), "2026-03-31");
  // Another dyke: "Harlow" is not in the first sentence.
  c.statements[a].mutable_frames(0)->set_targets(0, "Brant dyke");
  c.statements[a].set_text(
      "The Brant dyke gave way on Tuesday, flooding the Lower Marsh up to "
      "Sedge Road.");
  EXPECT_TRUE(Find(c).empty());
}

}  // namespace
}  // namespace factdiff
