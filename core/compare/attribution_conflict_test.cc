#include "core/compare/attribution_conflict.h"

#include "core/compare/test_util.h"
#include "gtest/gtest.h"

namespace factdiff {
namespace {

using testing_util::TestCorpus;
using v1::Attribution;
using v1::Finding;
using v1::Quantity;

std::vector<Finding> Find(const TestCorpus& c,
                         CompareOptions options = CompareOptions()) {
  return FindAttributionConflicts(c.statements, c.documents, c.document_of,
                                  c.pairs, c.event_of, options);
}

// "Group X claimed responsibility" in one outlet, "Group X denied" in another.
struct ClaimAndDenial {
  TestCorpus c;
  uint32_t claim, denial;
  ClaimAndDenial(const std::string& denier = "A Northern Front spokesman",
                 const std::string& denier_normalized = "northern front spokesman",
                 const std::string& place = "Sarvan") {
    claim = c.Add(c.Doc("Daily A", "2026-03-14"),
                  "The Northern Front claimed responsibility for the market "
                  "bombing in Sarvan on its channel.");
    const int f0 = c.Frame(claim, "bombing", "bombing", {"Northern Front"}, {},
                           {"Sarvan"});
    c.FrameStance(claim, f0, "The Northern Front", "claimed responsibility",
                  Attribution::CLAIMS_RESPONSIBILITY);
    denial = c.Add(c.Doc("Courier B", "2026-03-15"),
                   denier + " denied any role in the bombing at the " + place +
                       " market.");
    const int f1 = c.Frame(denial, "bombing", "bombing", {}, {}, {place});
    c.FrameStance(denial, f1, denier, "denied", Attribution::DENIES,
                  denier_normalized);
    c.Link(claim, denial, 0.6f);
  }
};

TEST(FindAttributionConflicts, ClaimAgainstDenialByTheSameGroup) {
  ClaimAndDenial t;
  std::vector<Finding> out = Find(t.c);
  ASSERT_EQ(out.size(), 1u);
  const Finding& f = out[0];
  EXPECT_EQ(f.kind(), Finding::ATTRIBUTION_CONFLICT);
  EXPECT_EQ(f.cause(), Finding::UNEXPLAINED);  // one group, both ways
  EXPECT_DOUBLE_EQ(f.confidence(), 0.95);
  EXPECT_EQ(f.severity(), Finding::HIGH);
  EXPECT_FALSE(f.same_document());
  EXPECT_EQ(f.event_id(), "e1");
  EXPECT_EQ(f.summary(),
            "Responsibility for the bombing: claimed by The Northern Front "
            "(Daily A) vs denied by A Northern Front spokesman (Courier B)");
  ASSERT_EQ(f.claims_size(), 2);
  EXPECT_EQ(f.claims(0).attribution().stance(), Attribution::CLAIMS_RESPONSIBILITY);
  EXPECT_EQ(f.claims(1).attribution().stance(), Attribution::DENIES);
  EXPECT_EQ(f.claims(1).attributed_to(), "A Northern Front spokesman");
  EXPECT_EQ(f.claims(1).published(), "2026-03-15");
  EXPECT_EQ(f.claims(1).source(), "Courier B");
  EXPECT_EQ(f.claims(0).statement_id(), "d0#0");
  t.c.ExpectSpansValid(out);
}

TEST(FindAttributionConflicts, AccusationAndNonConfirmationInOneSentence) {
  TestCorpus c;
  const uint32_t s = c.Add(
      c.Doc("Wire", "2026-03-14"),
      "Kandar accused Belmont of carrying out the air strikes on Tovi, which "
      "Belmont’s military neither confirmed nor denied.");
  const int f = c.Frame(s, "air strike", "air strikes", {"Belmont"}, {"Tovi"},
                        {"Tovi"});
  c.FrameStance(s, f, "Kandar", "accused", Attribution::ACCUSES);
  c.FrameStance(s, f, "Belmont’s military", "neither confirmed nor denied",
                Attribution::DOES_NOT_CONFIRM, "belmont military");
  std::vector<Finding> out = Find(c);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_TRUE(out[0].same_document());
  EXPECT_EQ(out[0].cause(), Finding::CONFLICTING_SOURCES);
  EXPECT_DOUBLE_EQ(out[0].confidence(), 0.75);
  EXPECT_EQ(out[0].severity(), Finding::MEDIUM);
  EXPECT_EQ(out[0].summary(),
            "Responsibility for the air strike: blamed on Belmont by Kandar "
            "(Wire) vs not confirmed by Belmont’s military (Wire)");
  c.ExpectSpansValid(out);

  CompareOptions skip;
  skip.skip_same_document = true;
  EXPECT_TRUE(Find(c, skip).empty());
}

TEST(FindAttributionConflicts, OneCueIsOneSide) {
  // The frame's stance and the sentence's attribution both read "Kandar
  // accused": the finding cites it once.
  TestCorpus c;
  const uint32_t s = c.Add(
      c.Doc("Wire", "2026-03-14"),
      "Kandar accused Belmont of carrying out the air strikes on Tovi, which "
      "Belmont’s military neither confirmed nor denied.");
  const int f = c.Frame(s, "air strike", "air strikes", {"Belmont"}, {"Tovi"},
                        {"Tovi"});
  c.FrameStance(s, f, "Kandar", "accused", Attribution::ACCUSES, "kandar");
  c.StatementStance(s, "Kandar", "accused", Attribution::ACCUSES,
                    "kandar government", "Belmont of carrying out the air "
                    "strikes on Tovi, which Belmont’s military neither "
                    "confirmed nor denied");
  c.FrameStance(s, f, "Belmont’s military", "neither confirmed nor denied",
                Attribution::DOES_NOT_CONFIRM, "belmont military");
  std::vector<Finding> out = Find(c);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].claims_size(), 2);
  EXPECT_EQ(out[0].summary(),
            "Responsibility for the air strike: blamed on Belmont by Kandar "
            "(Wire) vs not confirmed by Belmont’s military (Wire)");
}

TEST(FindAttributionConflicts, StatementAttributionCoveringTheTrigger) {
  TestCorpus c;
  const uint32_t a = c.Add(c.Doc("Wire", "2026-03-14"),
                           "Kandar accused Belmont of the air strikes on Tovi.");
  const int fa = c.Frame(a, "air strike", "air strikes", {"Belmont"});
  c.FrameStance(a, fa, "Kandar", "accused", Attribution::ACCUSES);
  const uint32_t b = c.Add(c.Doc("Post", "2026-03-14"),
                           "Belmont's army would not confirm the strikes on "
                           "Tovi.");
  c.Frame(b, "strike", "strikes", {"Belmont"});
  c.StatementStance(b, "Belmont's army", "would not confirm",
                    Attribution::DOES_NOT_CONFIRM, "belmont army");
  c.Link(a, b, 0.5f);
  std::vector<Finding> out = Find(c);
  ASSERT_EQ(out.size(), 1u);
  // Generic "strike" against "air strike": 0.55 - 0.05 + 0.10 + 0.10 - 0.10.
  EXPECT_DOUBLE_EQ(out[0].confidence(), 0.6);
}

TEST(FindAttributionConflicts, UnnamedActNeedsAStrongLink) {
  TestCorpus c;
  const uint32_t a = c.Add(c.Doc("Daily A", "2026-03-14"),
                           "The Northern Front claimed the bombing in Sarvan.");
  const int fa = c.Frame(a, "bombing", "bombing", {}, {}, {"Sarvan"});
  c.FrameStance(a, fa, "The Northern Front", "claimed",
                Attribution::CLAIMS_RESPONSIBILITY);
  const uint32_t b = c.Add(c.Doc("Courier B", "2026-03-14"),
                           "The Northern Front denied any involvement.");
  c.StatementStance(b, "The Northern Front", "denied", Attribution::DENIES);
  c.Link(a, b, 0.2f);
  EXPECT_TRUE(Find(c).empty());
  c.pairs[0].similarity = 0.5f;
  std::vector<Finding> out = Find(c);
  ASSERT_EQ(out.size(), 1u);
  // 0.55 + 0.15 + 0.10 + 0.10, - 0.10 for the unnamed act.
  EXPECT_DOUBLE_EQ(out[0].confidence(), 0.8);
}

TEST(FindAttributionConflicts, SameStanceFromBothSidesIsAgreement) {
  TestCorpus c;
  for (int d = 0; d < 2; ++d) {
    const uint32_t s = c.Add(c.Doc(d ? "B" : "A", "2026-03-14"),
                             "The Northern Front claimed the Sarvan bombing.");
    const int f = c.Frame(s, "bombing", "bombing");
    c.FrameStance(s, f, "The Northern Front", "claimed",
                  Attribution::CLAIMS_RESPONSIBILITY);
  }
  for (int d = 0; d < 2; ++d) {
    const uint32_t s = c.Add(d, "The Coastal Brigade denied the bombing.");
    const int f = c.Frame(s, "bombing", "bombing");
    c.FrameStance(s, f, "The Coastal Brigade", "denied", Attribution::DENIES);
  }
  c.Link(0, 1, 0.9f);
  c.Link(2, 3, 0.9f);
  // Claim by one group and denial by another: different actors.
  c.Link(0, 3, 0.9f);
  EXPECT_TRUE(Find(c).empty());
}

TEST(FindAttributionConflicts, DifferentIncidentsOrActs) {
  {  // another place
    ClaimAndDenial t("A Northern Front spokesman", "northern front spokesman",
                     "Delo");
    EXPECT_TRUE(Find(t.c).empty());
  }
  {  // dated a week apart
    ClaimAndDenial t;
    t.c.Time(t.claim, 0, "on its channel", "2026-03-01");
    t.c.Time(t.denial, 0, "market", "2026-03-09");
    EXPECT_TRUE(Find(t.c).empty());
  }
  {  // another kind of act
    ClaimAndDenial t;
    t.c.statements[t.denial].mutable_frames(0)->set_type("kidnapping");
    EXPECT_TRUE(Find(t.c).empty());
  }
  {  // neither aligned nor in one event
    ClaimAndDenial t;
    t.c.pairs.clear();
    t.c.event_of = {"e1", "e2"};
    EXPECT_TRUE(Find(t.c).empty());
    t.c.event_of = {"e1", "e1"};  // one event, no direct link
    std::vector<Finding> out = Find(t.c);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_DOUBLE_EQ(out[0].confidence(), 0.85);
  }
}

TEST(FindAttributionConflicts, MissingOrGenericActors) {
  {  // "the military" alone names nobody
    ClaimAndDenial t("The military", "military");
    EXPECT_TRUE(Find(t.c).empty());
  }
  {  // a denial by a third party that somebody else did it is not read
    TestCorpus c;
    const uint32_t a = c.Add(c.Doc("A", "2026-03-14"),
                             "The Northern Front claimed the bombing.");
    const int fa = c.Frame(a, "bombing", "bombing");
    c.FrameStance(a, fa, "The Northern Front", "claimed",
                  Attribution::CLAIMS_RESPONSIBILITY);
    const uint32_t b = c.Add(c.Doc("B", "2026-03-14"),
                             "Kandar denied that the Northern Front staged the "
                             "bombing.");
    const int fb = c.Frame(b, "bombing", "bombing", {"Northern Front"});
    c.FrameStance(b, fb, "Kandar", "denied", Attribution::DENIES);
    c.Link(a, b, 0.8f);
    EXPECT_TRUE(Find(c).empty());
  }
  {  // an accusation without an accused, a stance without a source
    TestCorpus c;
    const uint32_t a = c.Add(c.Doc("A", "2026-03-14"),
                             "Kandar blamed the air strikes on its rival.");
    const int fa = c.Frame(a, "air strike", "air strikes");
    c.FrameStance(a, fa, "Kandar", "blamed", Attribution::ACCUSES);
    const uint32_t b = c.Add(c.Doc("B", "2026-03-14"),
                             "The air strikes were denied.");
    const int fb = c.Frame(b, "air strike", "air strikes");
    c.FrameStance(b, fb, "", "denied", Attribution::DENIES, "");
    c.Link(a, b, 0.8f);
    EXPECT_TRUE(Find(c).empty());
  }
}

TEST(FindAttributionConflicts, ArticlesFarApartLoseConfidence) {
  ClaimAndDenial t;
  t.c.documents[1].set_published("2026-04-20");
  std::vector<Finding> out = Find(t.c);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_DOUBLE_EQ(out[0].confidence(), 0.8);
}

// --- Acts read from the words of the attribution (no event frame) ----------

TEST(FindAttributionConflicts, DenialOfAStatedAct) {
  TestCorpus c;
  const uint32_t a = c.Add(c.Doc("Gazette", "2026-04-02"),
                           "Mayor Ona Vell said the owner of the Brenna weir "
                           "had shut the sluice gates without warning.");
  c.StatementStance(a, "Mayor Ona Vell", "said", Attribution::ASSERTS,
                    "ona vell",
                    "the owner of the Brenna weir had shut the sluice gates "
                    "without warning");
  const uint32_t b = c.Add(c.Doc("Herald", "2026-04-03"),
                           "Weirco, which runs the Brenna weir, denied that "
                           "it had shut the sluice gates.");
  c.StatementStance(b, "Weirco, which runs the Brenna weir", "denied",
                    Attribution::DENIES, "weirco",
                    "that it had shut the sluice gates");
  c.Link(a, b, 0.2f);
  std::vector<Finding> out = Find(c);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].cause(), Finding::CONFLICTING_SOURCES);
  EXPECT_NE(out[0].summary().find("shut the sluice gates"), std::string::npos);
  EXPECT_EQ(out[0].claims(0).attribution().stance(), Attribution::ASSERTS);
  EXPECT_EQ(out[0].claims(1).attribution().stance(), Attribution::DENIES);
  c.ExpectSpansValid(out);
  // Another act, or a denial that somebody else did it, is not an answer.
  c.statements[b].mutable_attributions(0)->mutable_content()->set_begin(
      c.SpanOf(b, "it had shut").begin() + 7);  // "shut the sluice gates."
  EXPECT_TRUE(Find(c).empty());
}

TEST(FindAttributionConflicts, ThirdPartyDenialOfAStatedAct) {
  TestCorpus c;
  const uint32_t a = c.Add(c.Doc("Gazette", "2026-04-02"),
                           "Mayor Ona Vell said Weirco had shut the sluice "
                           "gates.");
  c.StatementStance(a, "Mayor Ona Vell", "said", Attribution::ASSERTS,
                    "ona vell", "Weirco had shut the sluice gates");
  const uint32_t b = c.Add(c.Doc("Herald", "2026-04-03"),
                           "The regulator denied that the water board had "
                           "shut the sluice gates.");
  c.StatementStance(b, "The regulator", "denied", Attribution::DENIES,
                    "regulator", "that the water board had shut the sluice gates");
  c.Link(a, b, 0.6f);
  EXPECT_TRUE(Find(c).empty());
}

TEST(FindAttributionConflicts, GenericDenialAnswersAnAccusation) {
  TestCorpus c;
  const uint32_t a = c.Add(c.Doc("Gazette", "2026-10-06"),
                           "Lena Osk accused the Dune Party of buying ballots "
                           "in Varna.");
  c.StatementStance(a, "Lena Osk", "accused", Attribution::ACCUSES, "lena osk",
                    "the Dune Party of buying ballots in Varna");
  const uint32_t b = c.Add(c.Doc("Herald", "2026-10-08"),
                           "The Dune Party denied any wrongdoing.");
  c.StatementStance(b, "The Dune Party", "denied", Attribution::DENIES,
                    "dune party", "any wrongdoing");
  c.Link(a, b, 0.1f);
  std::vector<Finding> out = Find(c);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_NE(out[0].summary().find("buying ballots"), std::string::npos);
  // Another party's denial answers nothing here.
  c.statements[b].mutable_attributions(0)->set_source_normalized("lake union");
  c.statements[b].mutable_attributions(0)->set_source("The Lake Union");
  EXPECT_TRUE(Find(c).empty());
}

TEST(FindAttributionConflicts, StoryLinkedFramesNeedTheSameTarget) {
  // Three outlets; the aligner chains A-B and B-C, never A with C.
  TestCorpus c;
  const uint32_t a = c.Add(c.Doc("A", "2026-03-14"),
                           "Kandari officials said Belmont jets struck Tovi.");
  const int fa = c.Frame(a, "air strike", "struck", {"Belmont jets"}, {"Tovi"});
  c.FrameStance(a, fa, "Kandari officials", "said", Attribution::ASSERTS,
                "kandari official");
  const uint32_t x = c.Add(c.Doc("B", "2026-03-15"), "Tovi mourned.", "e1");
  const uint32_t y = c.Add(1, "Belmont held talks.", "e2");
  const uint32_t b = c.Add(c.Doc("C", "2026-03-15"),
                           "Belmont's army would not confirm that its jets hit "
                           "Tovi.", "e3");
  const int fb = c.Frame(b, "air strike", "hit", {"jets"}, {"Tovi"});
  *c.statements[b].mutable_frames(fb)->add_agent_spans() = c.SpanOf(b, "jets");
  c.StatementStance(b, "Belmont's army", "would not confirm",
                    Attribution::DOES_NOT_CONFIRM, "belmont army",
                    "that its jets hit Tovi");
  c.event_of[a] = "e1";
  c.event_of[x] = "e1";
  c.Link(y, b, 0.5f);
  std::vector<Finding> out = Find(c);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].claims_size(), 2);
  // Another target: different incidents.
  c.statements[b].mutable_frames(fb)->set_targets(0, "Marsh Bay");
  EXPECT_TRUE(Find(c).empty());
}

// --- The same figure or quote given to different sources --------------------

struct SameFigure {
  TestCorpus c;
  SameFigure(const std::string& source_a, const std::string& source_b,
             double value_b = 37) {
    const uint32_t a = c.Add(c.Doc("A", "2026-03-14"),
                             "The flood killed 37 people, " + source_a +
                                 " said.");
    c.Quantity(a, "37", 37, 37, Quantity::KILLED, "people");
    c.StatementStance(a, source_a, "said", Attribution::ASSERTS, "",
                      "The flood killed 37 people");
    const std::string figure = value_b == 37 ? "37" : "41";
    const uint32_t b = c.Add(c.Doc("B", "2026-03-15"),
                             "According to " + source_b + ", " + figure +
                                 " people died in the flood.");
    c.Quantity(b, figure, value_b, value_b, Quantity::KILLED, "people");
    c.StatementStance(b, source_b, "According to", Attribution::ASSERTS, "",
                      figure + " people died in the flood");
    c.Link(a, b, 0.7f);
  }
};

TEST(FindAttributionConflicts, SameFigureFromDifferentSources) {
  SameFigure t("Kandar's health ministry", "the Red Crescent");
  std::vector<Finding> out = Find(t.c);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].kind(), Finding::ATTRIBUTION_CONFLICT);
  EXPECT_DOUBLE_EQ(out[0].confidence(), 0.55);
  EXPECT_EQ(out[0].severity(), Finding::LOW);
  ASSERT_EQ(out[0].claims_size(), 2);
  EXPECT_EQ(out[0].claims(0).quantity().text(), "37");
  EXPECT_EQ(out[0].claims(1).attributed_to(), "the Red Crescent");
  EXPECT_EQ(out[0].summary(),
            "Figure 37 (people, KILLED) attributed to Kandar's health ministry "
            "(A) vs the Red Crescent (B)");
  t.c.ExpectSpansValid(out);
  CompareOptions strict;
  strict.min_confidence = 0.6;
  EXPECT_TRUE(Find(t.c, strict).empty());
}

TEST(FindAttributionConflicts, SameFigureTraps) {
  // One source both times; generic sources; different figures.
  EXPECT_TRUE(Find(SameFigure("the Red Crescent", "the Red Crescent").c).empty());
  EXPECT_TRUE(Find(SameFigure("police", "hospital officials").c).empty());
  EXPECT_TRUE(Find(SameFigure("Kandar's health ministry", "the Red Crescent", 41).c)
                  .empty());
}

TEST(FindAttributionConflicts, SameQuoteFromDifferentSources) {
  TestCorpus c;
  const std::string quote =
      "We will answer every attack on our soil without delay";
  const uint32_t a = c.Add(c.Doc("A", "2026-03-14"),
                           "“" + quote + ",” said General Varo Ostin.");
  const uint32_t b = c.Add(c.Doc("B", "2026-03-14"),
                           "Minister Leda Karsh said: \"" + quote + ".\"");
  for (auto [s, who, cue] : {std::make_tuple(a, "General Varo Ostin", "said"),
                             std::make_tuple(b, "Minister Leda Karsh", "said")}) {
    c.StatementStance(s, who, cue, Attribution::ASSERTS, "", quote);
  }
  std::vector<Finding> out = Find(c);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_DOUBLE_EQ(out[0].confidence(), 0.6);
  EXPECT_EQ(out[0].claims_size(), 2);
  EXPECT_EQ(out[0].summary(),
            "Quote \"we will answer every attack on ...\" attributed to General "
            "Varo Ostin (A) vs Minister Leda Karsh (B)");
  // The same speaker in both: no finding.
  c.statements[b].mutable_attributions(0)->set_source("General Varo Ostin");
  c.statements[b].mutable_attributions(0)->set_source_normalized(
      "general varo ostin");
  EXPECT_TRUE(Find(c).empty());
}

TEST(FindAttributionConflicts, UnquotedContentIsNotAQuote) {
  TestCorpus c;
  const std::string words = "the army will answer every attack on its soil";
  const uint32_t a = c.Add(c.Doc("A", "2026-03-14"),
                           "General Varo Ostin said " + words + ".");
  const uint32_t b = c.Add(c.Doc("B", "2026-03-14"),
                           "Minister Leda Karsh said " + words + ".");
  c.StatementStance(a, "General Varo Ostin", "said", Attribution::ASSERTS, "",
                    words);
  c.StatementStance(b, "Minister Leda Karsh", "said", Attribution::ASSERTS, "",
                    words);
  EXPECT_TRUE(Find(c).empty());
}

}  // namespace
}  // namespace factdiff
