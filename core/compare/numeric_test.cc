#include "core/compare/numeric.h"

#include "gtest/gtest.h"

namespace factdiff {
namespace {

using v1::Finding;
using v1::Quantity;

struct Fixture {
  std::vector<v1::Document> documents;
  std::vector<v1::Statement> statements;
  std::vector<uint32_t> document_of;
  std::vector<AlignedPair> pairs;
  std::vector<std::string> event_of;

  // Adds a statement whose text holds `surface` once; the quantity covers it.
  uint32_t Add(uint32_t doc, const std::string& text, const std::string& surface,
               double low, double high, Quantity::Measure measure,
               const std::string& subject,
               Quantity::Bound bound = Quantity::EXACT,
               const std::string& date = "") {
    while (documents.size() <= doc) {
      v1::Document d;
      d.set_id("d" + std::to_string(documents.size()));
      d.set_published("2026-03-14");
      documents.push_back(d);
    }
    v1::Statement s;
    s.set_id(documents[doc].id() + "#" + std::to_string(statements.size()));
    s.set_document_id(documents[doc].id());
    s.set_text(text);
    s.mutable_span()->set_begin(100);
    s.mutable_span()->set_end(100 + text.size());
    s.set_line(3);
    Quantity* q = s.add_quantities();
    const size_t at = text.find(surface);
    q->mutable_span()->set_begin(100 + at);
    q->mutable_span()->set_end(100 + at + surface.size());
    q->set_text(surface);
    q->set_low(low);
    q->set_high(high);
    q->set_value(low);
    q->set_bound(bound);
    q->set_measure(measure);
    q->set_subject(subject);
    if (!date.empty()) {
      auto* t = s.add_times();
      t->set_start(date);
      t->set_end(date);
      t->set_granularity(v1::TimeExpression::DAY);
    }
    statements.push_back(s);
    document_of.push_back(doc);
    event_of.push_back("e1");
    return statements.size() - 1;
  }

  std::vector<Finding> Run(CompareOptions options = CompareOptions()) {
    return FindNumericMismatches(statements, documents, document_of, pairs,
                                 event_of, options);
  }
};

TEST(FindNumericMismatches, DisjointCountsOfTheSameThing) {
  Fixture f;
  f.Add(0, "The fire killed 14 workers at the plant.", "14", 14, 14,
        Quantity::KILLED, "worker");
  f.Add(1, "Nine workers were killed in the plant fire.", "Nine", 9, 9,
        Quantity::KILLED, "worker");
  f.pairs.push_back({0, 1, 0.6f});
  std::vector<Finding> out = f.Run();
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].kind(), Finding::NUMERIC_MISMATCH);
  EXPECT_EQ(out[0].cause(), Finding::UNEXPLAINED);
  ASSERT_EQ(out[0].claims_size(), 2);
  EXPECT_EQ(out[0].claims(0).quantity().low(), 9);  // sorted by value
  EXPECT_EQ(out[0].claims(1).document_id(), "d0");
  EXPECT_EQ(out[0].claims(1).line(), 3u);
  EXPECT_GE(out[0].confidence(), 0.8);
  EXPECT_EQ(out[0].severity(), Finding::HIGH);
  EXPECT_EQ(out[0].summary(), "Workers killed: Nine (d1) vs 14 (d0)");
  EXPECT_EQ(out[0].event_id(), "e1");
}

TEST(FindNumericMismatches, CompatibleFiguresAreNotFindings) {
  Fixture f;
  f.Add(0, "About 30 soldiers were wounded.", "About 30", 27, 33,
        Quantity::WOUNDED, "soldier", Quantity::APPROXIMATE);
  f.Add(1, "29 soldiers were wounded.", "29", 29, 29, Quantity::WOUNDED,
        "soldier");
  f.pairs.push_back({0, 1, 0.9f});
  EXPECT_TRUE(f.Run().empty());
}

TEST(FindNumericMismatches, VagueAmountsNeverMakeFindings) {
  Fixture f;
  f.Add(0, "Thousands of people marched.", "Thousands", 2000, 9999,
        Quantity::PARTICIPATED, "people", Quantity::VAGUE);
  f.Add(1, "Some 20,000 people marched.", "20,000", 20000, 20000,
        Quantity::PARTICIPATED, "people");
  f.Add(1, "Only 200 people marched.", "200", 200, 200,
        Quantity::PARTICIPATED, "people");
  f.pairs = {{0, 1, 0.8f}, {0, 2, 0.8f}};
  EXPECT_TRUE(f.Run().empty());
}

TEST(FindNumericMismatches, OrderOfMagnitudeIsADifferentScope) {
  Fixture f;
  f.Add(0, "Militants have killed close to 900 soldiers.", "900", 900, 900,
        Quantity::KILLED, "soldier");
  f.Add(1, "Raids killed 23 soldiers.", "23", 23, 23, Quantity::KILLED,
        "soldier");
  f.pairs = {{0, 1, 0.8f}};
  EXPECT_TRUE(f.Run().empty());  // below the default 0.5 confidence
  CompareOptions all;
  all.min_confidence = 0.05;
  std::vector<Finding> out = f.Run(all);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].cause(), Finding::DIFFERENT_SCOPE);
}

TEST(FindNumericMismatches, EachSidesOwnCountMayBeTenTimesApart) {
  Fixture f;
  f.Add(0, "The rebels said they killed more than 200 soldiers.", "200", 201,
        2000, Quantity::KILLED, "soldier", Quantity::MORE_THAN);
  f.Add(1, "The army said nine soldiers were killed.", "nine", 9, 9,
        Quantity::KILLED, "soldier");
  f.pairs = {{0, 1, 0.5f}};
  std::vector<Finding> out = f.Run();
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].cause(), Finding::CONFLICTING_SOURCES);
  EXPECT_GE(out[0].confidence(), 0.5);
}

TEST(FindNumericMismatches, UndatedArticleAgainstADatedFigureIsLow) {
  Fixture f;
  f.Add(0, "Clashes on Sunday killed five soldiers.", "five", 5, 5,
        Quantity::KILLED, "soldier", Quantity::EXACT, "2026-03-08");
  f.Add(1, "Raids killed 23 soldiers.", "23", 23, 23, Quantity::KILLED,
        "soldier");
  f.documents[1].clear_published();
  f.pairs = {{0, 1, 0.8f}};
  EXPECT_TRUE(f.Run().empty());
  CompareOptions all;
  all.min_confidence = 0.05;
  ASSERT_EQ(f.Run(all).size(), 1u);
  EXPECT_LE(f.Run(all)[0].confidence(), 0.45);
}

TEST(FindNumericMismatches, DifferentSubjectsMeasuresOrDates) {
  Fixture f;
  f.Add(0, "Fighters captured 21 army posts.", "21", 21, 21, Quantity::CAPTURED,
        "army post");
  f.Add(1, "Troops captured 25 enemy positions.", "25", 25, 25,
        Quantity::CAPTURED, "position");
  f.Add(0, "23 soldiers were killed.", "23", 23, 23, Quantity::KILLED,
        "pakistani soldier", Quantity::EXACT, "2025-10-12");
  f.Add(1, "11 soldiers were killed in an ambush.", "11", 11, 11,
        Quantity::KILLED, "pakistani soldier", Quantity::EXACT, "2025-10-08");
  f.Add(1, "23 soldiers were wounded.", "23", 23, 23, Quantity::WOUNDED,
        "afghan soldier");
  f.Add(0, "58 soldiers were wounded.", "58", 58, 58, Quantity::WOUNDED,
        "pakistani soldier");
  f.pairs = {{0, 1, 0.9f}, {2, 3, 0.9f}, {4, 5, 0.9f}};
  EXPECT_TRUE(f.Run().empty());
}

TEST(FindNumericMismatches, SameDocumentNeedsTwoSources) {
  Fixture f;
  f.Add(0, "Police estimated the crowd at 5,000.", "5,000", 5000, 5000,
        Quantity::PARTICIPATED, "people");
  f.Add(0, "Organizers said 20,000 people marched.", "20,000", 20000, 20000,
        Quantity::PARTICIPATED, "people");
  f.Add(0, "The march drew 20,000 people.", "20,000", 20000, 20000,
        Quantity::PARTICIPATED, "people");
  f.pairs = {{0, 1, 0.5f}, {0, 2, 0.5f}};
  std::vector<Finding> out = f.Run();
  ASSERT_EQ(out.size(), 1u);
  EXPECT_TRUE(out[0].same_document());
  EXPECT_EQ(out[0].cause(), Finding::CONFLICTING_SOURCES);
  EXPECT_EQ(out[0].claims_size(), 2);
  EXPECT_EQ(out[0].claims(0).attributed_to(), "police");
  CompareOptions skip;
  skip.skip_same_document = true;
  EXPECT_TRUE(f.Run(skip).empty());
}

TEST(FindNumericMismatches, LaterHigherTollIsAnUpdate) {
  Fixture f;
  f.Add(0, "The quake killed 47 people.", "47", 47, 47, Quantity::KILLED,
        "people");
  f.Add(1, "The quake death toll rose to 118 people.", "118", 118, 118,
        Quantity::KILLED, "people");
  f.documents[1].set_published("2026-03-16");
  f.pairs = {{0, 1, 0.7f}};
  std::vector<Finding> out = f.Run();
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].cause(), Finding::LATER_UPDATE);
}

// Two reports of one quake, `later` published after `earlier`.
struct Update {
  Fixture f;
  Update(const std::string& earlier_pub, const std::string& later_pub,
         const std::string& later_text, double later_value,
         const std::string& later_surface) {
    f.Add(0, "The quake killed 47 people in the valley.", "47", 47, 47,
          Quantity::KILLED, "people");
    f.Add(1, later_text, later_surface, later_value, later_value,
          Quantity::KILLED, "people");
    f.documents[0].set_published(earlier_pub);
    f.documents[1].set_published(later_pub);
    f.pairs = {{0, 1, 0.7f}};
  }
};

TEST(FindNumericMismatches, LaterUpdateNamesBothPublications) {
  Update u("2026-03-14", "2026-03-16", "The quake killed 118 people.", 118,
           "118");
  std::vector<Finding> out = u.f.Run();
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].cause(), Finding::LATER_UPDATE);
  EXPECT_EQ(out[0].summary(),
            "People killed: 47 (d0, 2026-03-14) then 118 (d1, 2026-03-16) "
            "(the toll rose between reports)");
  EXPECT_NE(out[0].explanation().find("rose between reports"),
            std::string::npos);
  EXPECT_NE(out[0].explanation().find("d1 (2026-03-16)"), std::string::npos);
  // Informative, not a contradiction: held at MEDIUM at most.
  EXPECT_DOUBLE_EQ(out[0].confidence(), 0.7);
  EXPECT_EQ(out[0].severity(), Finding::MEDIUM);
}

TEST(FindNumericMismatches, LaterUpdateByTimestamps) {
  // Same day, hours apart, offsets applied: 09:00+05:00 is 04:00Z.
  Update u("2026-03-14T09:00+05:00", "2026-03-14T06:30Z",
           "The quake killed 118 people.", 118, "118");
  std::vector<Finding> out = u.f.Run();
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].cause(), Finding::LATER_UPDATE);
  // The same day with a time on one side only cannot be ordered.
  Update v("2026-03-14", "2026-03-14T18:00Z", "The quake killed 118 people.",
           118, "118");
  out = v.f.Run();
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].cause(), Finding::UNEXPLAINED);
}

TEST(FindNumericMismatches, RiseWordsOutweighDifferentSources) {
  Update cued("2026-03-14", "2026-03-15",
              "The death toll rose to 118, the health ministry said.", 118,
              "118");
  cued.f.statements[0].set_text("The quake killed 47 people, police said.");
  std::vector<Finding> out = cued.f.Run();
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].cause(), Finding::LATER_UPDATE);
  Update plain("2026-03-14", "2026-03-15",
               "The quake killed 118 people, the health ministry said.", 118,
               "118");
  plain.f.statements[0].set_text("The quake killed 47 people, police said.");
  out = plain.f.Run();
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].cause(), Finding::CONFLICTING_SOURCES);
}

TEST(FindNumericMismatches, LowerLaterFigureIsAnUpdateOnlyWhenRevised) {
  Update lower("2026-03-14", "2026-03-16", "The quake killed 30 people.", 30,
               "30");
  std::vector<Finding> out = lower.f.Run();
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].cause(), Finding::UNEXPLAINED);
  Update revised("2026-03-14", "2026-03-16",
                 "Officials revised the quake toll down to 30 people.", 30,
                 "30");
  out = revised.f.Run();
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].cause(), Finding::LATER_UPDATE);
  EXPECT_NE(out[0].summary().find("revised between reports"), std::string::npos);
}

TEST(FindNumericMismatches, NonTollMeasuresAreNotUpdates) {
  Fixture f;
  f.Add(0, "Some 5,000 people marched downtown.", "5,000", 5000, 5000,
        Quantity::PARTICIPATED, "people");
  f.Add(1, "Turnout rose to 9,000 people downtown.", "9,000", 9000, 9000,
        Quantity::PARTICIPATED, "people");
  f.documents[1].set_published("2026-03-16");
  f.pairs = {{0, 1, 0.7f}};
  std::vector<Finding> out = f.Run();
  ASSERT_EQ(out.size(), 1u);
  EXPECT_NE(out[0].cause(), Finding::LATER_UPDATE);
}

// --- Figures that only look alike ------------------------------------------

TEST(FindNumericMismatches, CountsHeldByDifferentNamedOwners) {
  Fixture f;
  f.Add(0, "The Dune Party won 40 seats.", "40", 40, 40, Quantity::VOTES,
        "seat");
  f.Add(1, "The Lake Union won 52 seats.", "52", 52, 52, Quantity::VOTES,
        "seat");
  f.pairs = {{0, 1, 0.8f}};
  EXPECT_TRUE(f.Run().empty());
  // The same owner in both: a disagreement.
  f.Add(1, "The board said the Dune Party had won 46 seats.", "46", 46, 46,
        Quantity::VOTES, "seat");
  f.pairs.push_back({0, 2, 0.6f});
  std::vector<Finding> out = f.Run();
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].claims(0).quantity().low(), 40);
  EXPECT_EQ(out[0].claims(1).quantity().low(), 46);
}

TEST(FindNumericMismatches, ForecastsAreNotResults) {
  Fixture f;
  f.Add(0, "Brokers had expected sales of 90 million euros.", "90 million",
        9e7, 9e7, Quantity::MONEY, "");
  f.Add(1, "Sales came to 70 million euros.", "70 million", 7e7, 7e7,
        Quantity::MONEY, "");
  for (auto& s : f.statements) {
    s.mutable_quantities(0)->set_unit("EUR");
    s.mutable_quantities(0)->set_measure_word("sales");
  }
  f.pairs = {{0, 1, 0.8f}};
  EXPECT_TRUE(f.Run().empty());
  // Two results: the measure word names what is counted.
  f.statements[0].set_text("Sales reached 90 million euros.");
  f.statements[0].mutable_quantities(0)->mutable_span()->set_begin(114);
  std::vector<Finding> out = f.Run();
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].summary().substr(0, 11), "Sales (EUR)");
}

TEST(FindNumericMismatches, DifferentReportingPeriods) {
  Fixture f;
  f.Add(0, "Third-quarter revenue was 2.1 billion.", "2.1 billion", 2.1e9,
        2.1e9, Quantity::MONEY, "revenue");
  f.Add(1, "Revenue in the second quarter was 2.6 billion.", "2.6 billion",
        2.6e9, 2.6e9, Quantity::MONEY, "revenue");
  f.pairs = {{0, 1, 0.8f}};
  EXPECT_TRUE(f.Run().empty());
}

TEST(FindNumericMismatches, UndatedFigureIsTheCurrentOne) {
  Fixture f;
  // An ambush three weeks before the undated report is another incident.
  f.Add(0, "An ambush killed 4 guards.", "4", 4, 4, Quantity::KILLED, "guard",
        Quantity::EXACT, "2026-02-20");
  f.Add(1, "The raid killed 15 guards.", "15", 15, 15, Quantity::KILLED,
        "guard");
  f.pairs = {{0, 1, 0.8f}};
  EXPECT_TRUE(f.Run().empty());
  // Within the days before its publication, or a date still to come, it is
  // compared.
  f.statements[0].mutable_times(0)->set_start("2026-03-10");
  f.statements[0].mutable_times(0)->set_end("2026-03-10");
  EXPECT_EQ(f.Run().size(), 1u);
  f.statements[0].mutable_times(0)->set_start("2027-01-01");
  f.statements[0].mutable_times(0)->set_end("2027-12-31");
  EXPECT_EQ(f.Run().size(), 1u);
}

TEST(FindNumericMismatches, YearsNamedInTheSentence) {
  Fixture f;
  f.Add(0, "In the 2021 vote, turnout was 52 percent.", "52 percent", 52, 52,
        Quantity::PARTICIPATED, "");
  f.Add(1, "Turnout was 61 percent.", "61 percent", 61, 61,
        Quantity::PARTICIPATED, "");
  for (auto& s : f.statements) {
    s.mutable_quantities(0)->set_unit("percent");
    s.mutable_quantities(0)->set_measure_word("turnout");
  }
  f.pairs = {{0, 1, 0.8f}};
  EXPECT_TRUE(f.Run().empty());
  f.statements[0].set_text("Official turnout was 52 percent.");
  f.statements[0].mutable_quantities(0)->mutable_span()->set_begin(121);
  std::vector<Finding> out = f.Run();
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].cause(), Finding::UNEXPLAINED);
}

TEST(FindNumericMismatches, TotalsAndEarlierIncidents) {
  Fixture f;
  f.Add(0, "Rebels have killed 300 guards through various raids.", "300", 300,
        300, Quantity::KILLED, "guard");
  f.Add(1, "The raid killed 15 guards.", "15", 15, 15, Quantity::KILLED,
        "guard");
  f.Add(2, "The curfew came two days after 6 guards died.", "6", 6, 6,
        Quantity::KILLED, "guard");
  f.pairs = {{0, 1, 0.8f}, {1, 2, 0.8f}};
  CompareOptions all;
  all.min_confidence = 0.05;
  EXPECT_TRUE(f.Run(all).empty());
}

TEST(FindNumericMismatches, ExplicitScopeIsADifferentScope) {
  Fixture f;
  f.Add(0, "Net profit was 95 million, the firm said.", "95 million", 9.5e7,
        9.5e7, Quantity::MONEY, "net profit");
  f.Add(1, "Stripped of a one-off gain, net profit was 70 million, analysts "
           "said.", "70 million", 7e7, 7e7, Quantity::MONEY, "net profit");
  f.pairs = {{0, 1, 0.6f}};
  std::vector<Finding> out = f.Run();
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].cause(), Finding::DIFFERENT_SCOPE);
  EXPECT_GE(out[0].confidence(), 0.6);  // not held down like a 10x gap
  EXPECT_NE(out[0].explanation().find("leave something out"),
            std::string::npos);
}

TEST(FindNumericMismatches, SameKindInDocumentsOfOneStory) {
  Fixture f;
  f.Add(0, "Police in Varnholm said 64 people were detained after the Corvin "
           "Square march.", "64", 64, 64, Quantity::ARRESTED, "people");
  f.Add(1, "The Varnholm Rights League said 112 people were held after the "
           "Corvin Square march.", "112", 112, 112, Quantity::ARRESTED,
        "people");
  f.event_of = {"", ""};  // not aligned, no event
  std::vector<Finding> out = f.Run();
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].cause(), Finding::CONFLICTING_SOURCES);
  // Documents that share no names, or were published weeks apart, are not
  // one story.
  f.documents[1].set_published("2026-05-14");
  EXPECT_TRUE(f.Run().empty());
  f.documents[1].set_published("2026-03-14");
  f.statements[1].set_text("The league said 112 people were held.");
  f.statements[1].mutable_quantities(0)->mutable_span()->set_begin(116);
  EXPECT_TRUE(f.Run().empty());
}

TEST(FindNumericMismatches, OneSourceNamedTwoWays) {
  Fixture f;
  f.Add(0, "The Central Election Board said 80 seats were contested.", "80",
        80, 80, Quantity::VOTES, "seat");
  f.Add(0, "Only 60 seats were contested, according to the board.", "60", 60,
        60, Quantity::VOTES, "seat");
  EXPECT_TRUE(f.Run().empty());
}

TEST(SubjectsCompatible, QualifiersAndHeads) {
  bool exact;
  EXPECT_TRUE(SubjectsCompatible("soldier", "pakistani soldier", &exact));
  EXPECT_FALSE(exact);
  EXPECT_TRUE(SubjectsCompatible("people", "people", &exact));
  EXPECT_TRUE(exact);
  EXPECT_FALSE(SubjectsCompatible("pakistani soldier", "afghan soldier", &exact));
  EXPECT_FALSE(SubjectsCompatible("", "", &exact));
  EXPECT_FALSE(SubjectsCompatible("people", "soldier", &exact));
}

}  // namespace
}  // namespace factdiff
