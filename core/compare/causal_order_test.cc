#include "core/compare/causal_order.h"

#include "core/compare/test_util.h"
#include "gtest/gtest.h"

namespace factdiff {
namespace {

using testing_util::TestCorpus;
using v1::Attribution;
using v1::CausalLink;
using v1::Finding;

std::vector<Finding> Find(const TestCorpus& c,
                          CompareOptions options = CompareOptions()) {
  return FindCausalOrderConflicts(c.statements, c.documents, c.document_of,
                                  c.pairs, c.event_of, options);
}

// Kandar calls Belmont's strikes unprovoked; Belmont calls them retaliation.
struct UnprovokedOrRetaliation {
  TestCorpus c;
  uint32_t a, b;
  UnprovokedOrRetaliation(const std::string& initiator_b = "kandar",
                          const std::string& place_b = "Tovi") {
    a = c.Add(c.Doc("Gazette", "2026-03-14"),
              "Belmont’s air strikes on Tovi were unprovoked, Kandar’s "
              "government said.");
    const int fa = c.Frame(a, "air strike", "air strikes", {"Belmont"}, {},
                           {"Tovi"});
    c.Cause(a, fa, CausalLink::UNPROVOKED, "unprovoked", "", "");
    c.StatementStance(a, "Kandar’s government", "said", Attribution::ASSERTS,
                      "kandar government",
                      "Belmont’s air strikes on Tovi were unprovoked");
    b = c.Add(c.Doc("Herald", "2026-03-14"),
              "Belmont said its air strikes on " + place_b +
                  " came in retaliation for Kandari raids on its border posts.");
    const int fb = c.Frame(b, "air strike", "air strikes", {"Belmont"}, {},
                           {place_b});
    c.Cause(b, fb, CausalLink::RETALIATION_FOR, "in retaliation for",
            "Kandari raids on its border posts", initiator_b);
    c.StatementStance(b, "Belmont", "said", Attribution::ASSERTS);
    c.Link(a, b, 0.6f);
  }
};

TEST(FindCausalOrderConflicts, UnprovokedAgainstRetaliation) {
  UnprovokedOrRetaliation t;
  std::vector<Finding> out = Find(t.c);
  ASSERT_EQ(out.size(), 1u);
  const Finding& f = out[0];
  EXPECT_EQ(f.kind(), Finding::CAUSAL_ORDER_CONFLICT);
  EXPECT_EQ(f.cause(), Finding::CONFLICTING_SOURCES);
  // 0.60 + 0.10 retaliation + 0.10 similarity + 0.05 type + 0.05 agents.
  EXPECT_DOUBLE_EQ(f.confidence(), 0.9);
  EXPECT_EQ(f.severity(), Finding::HIGH);
  EXPECT_FALSE(f.same_document());
  EXPECT_EQ(f.summary(),
            "Who struck first in the air strike: Belmont (unprovoked; "
            "Kandar’s government, Gazette) vs kandar (retaliation for Kandari "
            "raids on its border posts; Belmont, Herald)");
  ASSERT_EQ(f.claims_size(), 2);
  EXPECT_EQ(f.claims(0).attribution().cue(), "unprovoked");
  EXPECT_EQ(f.claims(0).attributed_to(), "Kandar’s government");
  EXPECT_EQ(f.claims(1).attribution().cue(), "in retaliation for");
  EXPECT_EQ(f.claims(1).attributed_to(), "Belmont");
  t.c.ExpectSpansValid(out);
}

TEST(FindCausalOrderConflicts, RetaliationWithoutInitiatorStillContradicts) {
  UnprovokedOrRetaliation t("");
  std::vector<Finding> out = Find(t.c);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_NE(out[0].summary().find("not named (retaliation for"),
            std::string::npos);
}

TEST(FindCausalOrderConflicts, TwoAccountsOfWhatBeganTheClashes) {
  TestCorpus c;
  const uint32_t a = c.Add(c.Doc("Gazette", "2026-03-14"),
                           "The border clashes began after Kandari troops "
                           "shelled a Belmont outpost.");
  const int fa = c.Frame(a, "clash", "clashes", {"Belmont", "Kandar"});
  c.Cause(a, fa, CausalLink::CAUSED_BY, "began after",
          "Kandari troops shelled a Belmont outpost", "kandar");
  const uint32_t b = c.Add(c.Doc("Herald", "2026-03-14"),
                           "The fighting started after Belmont drones struck "
                           "a Kandari village.");
  const int fb = c.Frame(b, "fighting", "fighting", {"Kandar", "Belmont"});
  c.Cause(b, fb, CausalLink::CAUSED_BY, "started after",
          "Belmont drones struck a Kandari village", "belmont");
  c.Link(a, b, 0.4f);
  std::vector<Finding> out = Find(c);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].cause(), Finding::UNEXPLAINED);  // sources not given
  // 0.60 + 0.10 x 0.71 + 0.05 agents; "clash" ~ "fighting" are synonyms,
  // not identical.
  EXPECT_DOUBLE_EQ(out[0].confidence(), 0.72);
}

TEST(FindCausalOrderConflicts, CompatibleAccountsAreNotFindings) {
  {  // both say Kandar struck first
    TestCorpus c;
    for (int d = 0; d < 2; ++d) {
      const uint32_t s =
          c.Add(c.Doc(d ? "A" : "B", "2026-03-14"),
                "Belmont's air strikes were retaliation for Kandari raids.");
      const int f = c.Frame(s, "air strike", "air strikes", {"Belmont"});
      c.Cause(s, f, d ? CausalLink::RETALIATION_FOR : CausalLink::CAUSED_BY,
              "retaliation for", "Kandari raids", "kandar");
    }
    c.Link(0, 1, 0.9f);
    EXPECT_TRUE(Find(c).empty());
  }
  {  // both call it unprovoked
    TestCorpus c;
    for (int d = 0; d < 2; ++d) {
      const uint32_t s = c.Add(c.Doc(d ? "A" : "B", "2026-03-14"),
                               "Belmont's unprovoked air strikes hit Tovi.");
      const int f = c.Frame(s, "air strike", "air strikes", {"Belmont"});
      c.Cause(s, f, CausalLink::UNPROVOKED, "unprovoked", "", "");
    }
    c.Link(0, 1, 0.9f);
    EXPECT_TRUE(Find(c).empty());
  }
  {  // two sides in the clash; both accounts say Belmont began it
    TestCorpus c;
    const uint32_t a = c.Add(c.Doc("A", "2026-03-14"),
                             "Belmont began the clashes unprovoked.");
    const int fa = c.Frame(a, "clash", "clashes", {"Belmont", "Kandar"});
    c.Cause(a, fa, CausalLink::UNPROVOKED, "unprovoked", "", "belmont");
    const uint32_t b = c.Add(c.Doc("B", "2026-03-14"),
                             "The clashes followed shelling by Belmont.");
    const int fb = c.Frame(b, "clash", "clashes", {"Kandar", "Belmont"});
    c.Cause(b, fb, CausalLink::CAUSED_BY, "followed", "shelling by Belmont",
            "belmont");
    c.Link(a, b, 0.7f);
    EXPECT_TRUE(Find(c).empty());
    // Kandar named instead: a conflict.
    c.statements[b].mutable_frames(0)->mutable_causes(0)->set_initiator("kandar");
    EXPECT_EQ(Find(c).size(), 1u);
  }
  {  // Belmont "retaliating" for Belmont's own raids: a misreading, dropped
    UnprovokedOrRetaliation t("belmont");
    EXPECT_TRUE(Find(t.c).empty());
  }
}

TEST(FindCausalOrderConflicts, DifferentIncidentsAreNotCompared) {
  {  // another place
    UnprovokedOrRetaliation t("kandar", "Marsh Bay");
    EXPECT_TRUE(Find(t.c).empty());
  }
  {  // another actor's strikes
    UnprovokedOrRetaliation t;
    t.c.statements[t.b].mutable_frames(0)->set_agents(0, "Ostria");
    EXPECT_TRUE(Find(t.c).empty());
  }
  {  // another kind of event
    UnprovokedOrRetaliation t;
    t.c.statements[t.b].mutable_frames(0)->set_type("protest");
    EXPECT_TRUE(Find(t.c).empty());
  }
  {  // dated ten days apart
    UnprovokedOrRetaliation t;
    t.c.Time(t.a, 0, "Tovi", "2026-03-01");
    t.c.Time(t.b, 0, "border posts", "2026-03-11");
    EXPECT_TRUE(Find(t.c).empty());
  }
  {  // not linked at all
    UnprovokedOrRetaliation t;
    t.c.pairs.clear();
    t.c.event_of = {"e1", "e2"};
    EXPECT_TRUE(Find(t.c).empty());
  }
}

TEST(FindCausalOrderConflicts, MissingData) {
  {  // no agents and nothing else in common
    UnprovokedOrRetaliation t;
    t.c.statements[t.a].mutable_frames(0)->clear_agents();
    t.c.statements[t.a].mutable_frames(0)->clear_locations();
    EXPECT_TRUE(Find(t.c).empty());
  }
  {  // a link with no relation
    UnprovokedOrRetaliation t;
    t.c.statements[t.b].mutable_frames(0)->mutable_causes(0)->set_relation(
        CausalLink::RELATION_UNSPECIFIED);
    EXPECT_TRUE(Find(t.c).empty());
  }
  {  // matched on places only: less sure
    UnprovokedOrRetaliation t;
    t.c.statements[t.a].mutable_frames(0)->clear_agents();
    t.c.statements[t.a].mutable_frames(0)->mutable_causes(0)->set_initiator(
        "belmont");
    std::vector<Finding> out = Find(t.c);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_DOUBLE_EQ(out[0].confidence(), 0.75);
  }
}

TEST(FindCausalOrderConflicts, DisjointAntecedentsAreWeak) {
  TestCorpus c;
  const uint32_t a = c.Add(c.Doc("A", "2026-03-14"),
                           "Belmont's air strikes were retaliation for the "
                           "killing of a cleric.");
  const int fa = c.Frame(a, "air strike", "air strikes", {"Belmont"});
  c.Cause(a, fa, CausalLink::RETALIATION_FOR, "retaliation for",
          "the killing of a cleric", "");
  const uint32_t b = c.Add(c.Doc("B", "2026-03-14"),
                           "Belmont's air strikes were retaliation for rocket "
                           "fire on its towns.");
  const int fb = c.Frame(b, "air strike", "air strikes", {"Belmont"});
  c.Cause(b, fb, CausalLink::RETALIATION_FOR, "retaliation for",
          "rocket fire on its towns", "");
  c.Link(a, b, 0.8f);
  EXPECT_TRUE(Find(c).empty());  // below the default threshold
  CompareOptions all;
  all.min_confidence = 0.1;
  std::vector<Finding> out = Find(c, all);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_LE(out[0].confidence(), 0.45);
  // Antecedents that share a word do not conflict.
  c.statements[b].mutable_frames(0)->mutable_causes(0)->set_antecedent(
      "the killing of two clerics");
  EXPECT_TRUE(Find(c, all).empty());
}

TEST(FindCausalOrderConflicts, SameDocumentIsMarked) {
  UnprovokedOrRetaliation t;
  t.c.document_of[t.b] = 0;
  t.c.statements[t.b].set_document_id("d0");
  std::vector<Finding> out = Find(t.c);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_TRUE(out[0].same_document());
  CompareOptions skip;
  skip.skip_same_document = true;
  EXPECT_TRUE(Find(t.c, skip).empty());
}

TEST(FindCausalOrderConflicts, BareFramesThatSayWhatBeganIt) {
  TestCorpus c;
  const uint32_t a = c.Add(c.Doc("Gazette", "2026-05-02"),
                           "At Dalby Park the brawl began after Dalby stewards "
                           "pushed Orm Rovers fans, the club said.");
  const int fa = c.Frame(a, "clash", "brawl");
  c.Cause(a, fa, CausalLink::CAUSED_BY, "began after",
          "Dalby stewards pushed Orm Rovers fans", "dalby stewards");
  const uint32_t b = c.Add(c.Doc("Herald", "2026-05-03"),
                           "Police said the brawl at Dalby Park began when "
                           "Orm Rovers fans threw flares.");
  const int fb = c.Frame(b, "clash", "brawl");
  c.Cause(b, fb, CausalLink::CAUSED_BY, "began when",
          "Orm Rovers fans threw flares", "orm rovers fans");
  c.event_of = {"", ""};  // not aligned: found as one story's claims
  CompareOptions all;
  all.min_confidence = 0.05;
  std::vector<Finding> out = Find(c, all);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_LT(out[0].confidence(), 0.6);  // no participants named: LOW
  // A link that does not say what began the act is not enough.
  c.statements[b].mutable_frames(0)->mutable_causes(0)->set_cue("after");
  EXPECT_TRUE(Find(c, all).empty());
}

TEST(FindCausalOrderConflicts, PossessiveAgentIsTheSource) {
  TestCorpus c;
  const uint32_t a = c.Add(c.Doc("Gazette", "2026-03-14"),
                           "Belmont forces launched an unprovoked attack on "
                           "Kandari posts, Kandar said.");
  const int fa = c.Frame(a, "attack", "attack", {"Belmont forces"},
                         {"Kandari posts"});
  c.Cause(a, fa, CausalLink::UNPROVOKED, "unprovoked", "", "");
  const uint32_t b = c.Add(c.Doc("Herald", "2026-03-14"),
                           "Belmont's army said its forces attacked Kandari "
                           "posts in retaliation for shelling.");
  const int fb = c.Frame(b, "attack", "attacked", {"forces"}, {"Kandari posts"});
  *c.statements[b].mutable_frames(fb)->add_agent_spans() = c.SpanOf(b, "forces");
  c.Cause(b, fb, CausalLink::RETALIATION_FOR, "in retaliation for", "shelling",
          "");
  c.StatementStance(b, "Belmont's army", "said", Attribution::ASSERTS,
                    "belmont army",
                    "its forces attacked Kandari posts in retaliation for "
                    "shelling");
  c.Link(a, b, 0.5f);
  std::vector<Finding> out = Find(c);
  ASSERT_EQ(out.size(), 1u);
  // Matched by agents: "its forces" said by Belmont's army is Belmont.
  EXPECT_NE(out[0].summary().find("Belmont"), std::string::npos);
}

}  // namespace
}  // namespace factdiff
