#include "core/compare/figure_context.h"

#include "core/compare/finding_util.h"
#include "core/compare/test_util.h"
#include "gtest/gtest.h"

namespace factdiff {
namespace compare_internal {
namespace {

using testing_util::TestCorpus;
using v1::Attribution;
using v1::Quantity;

// One statement holding `text`, with a count at `figure`.
struct One {
  TestCorpus c;
  uint32_t s;
  explicit One(const std::string& text, const std::string& figure) {
    s = c.Add(c.Doc("Daily", "2026-09-20"), text);
    c.Quantity(s, figure, 1, 1, Quantity::VOTES, "seat");
  }
  const v1::Statement& st() const { return c.statements[s]; }
  const Quantity& q() const { return c.statements[s].quantities(0); }
};

TEST(FigureHolder, SubjectOfAVerbOfWinning) {
  One won("The Harbor League won 44 seats.", "44");
  EXPECT_EQ(FigureHolder(won.st(), won.q()), "Harbor League");
  One had("The Harbor League had won about 44 of the seats.", "about 44");
  EXPECT_EQ(FigureHolder(had.st(), had.q()), "Harbor League");
  One firm("Talvik cut 300 jobs in the spring.", "300");
  EXPECT_EQ(FigureHolder(firm.st(), firm.q()), "Talvik");
}

TEST(FigureHolder, AppositivesAndRelativeClauses) {
  One appositive(
      "Farmers' Voice, the party of the rural north, won 19 seats.", "19");
  EXPECT_EQ(FigureHolder(appositive.st(), appositive.q()), "Farmers' Voice");
  One relative("The Coastal Greens, which won 9 seats, joined the talks.", "9");
  EXPECT_EQ(FigureHolder(relative.st(), relative.q()), "Coastal Greens");
}

TEST(FigureHolder, PossessivesAndRecipients) {
  One possessive("With the Harbor League’s 44 seats, a deal is close.", "44");
  EXPECT_EQ(FigureHolder(possessive.st(), possessive.q()), "Harbor League");
  One money("Talvik's operating profit was about 80 million euros.",
            "about 80 million euros");
  EXPECT_EQ(FigureHolder(money.st(), money.q()), "Talvik");
  // "the party" refers to the named source that says it.
  One given("Farmers' Voice said its count gave the party 23 seats.", "23");
  given.c.StatementStance(given.s, "Farmers' Voice", "said",
                          Attribution::ASSERTS, "farmers voice",
                          "its count gave the party 23 seats");
  EXPECT_EQ(FigureHolder(given.st(), given.q()), "Farmers' Voice");
}

TEST(FigureHolder, NoNamedHolder) {
  One passive("Twelve seats were lost in the recount.", "Twelve");
  EXPECT_EQ(FigureHolder(passive.st(), passive.q()), "");
  One lower("The party won 23 seats.", "23");  // no source to refer to
  EXPECT_EQ(FigureHolder(lower.st(), lower.q()), "");
  One pronoun("It won 23 seats.", "23");
  EXPECT_EQ(FigureHolder(pronoun.st(), pronoun.q()), "");
  One measure("Net income came to 40 million, the firm said.", "40 million");
  EXPECT_EQ(FigureHolder(measure.st(), measure.q()), "");
}

TEST(IsForecast, ExpectationWordsBeforeTheFigure) {
  One forecast("Brokers had expected a profit of 90 million.", "90 million");
  EXPECT_TRUE(IsForecast(forecast.st(), forecast.q()));
  One result("Profit came to 90 million, above what brokers expected.",
             "90 million");
  EXPECT_FALSE(IsForecast(result.st(), result.q()));
}

TEST(ReportingPeriods, QuartersHalvesAndYears) {
  EXPECT_EQ(ReportingPeriods("third-quarter sales rose"),
            (std::set<std::string>{"q3"}));
  EXPECT_EQ(ReportingPeriods("sales in the second quarter and in Q4"),
            (std::set<std::string>{"q2", "q4"}));
  EXPECT_EQ(ReportingPeriods("its first half and its full-year outlook"),
            (std::set<std::string>{"h1", "fy"}));
  EXPECT_TRUE(ReportingPeriods("a quarter of the staff left").empty());
}

TEST(BareYears, YearsNoTimeExpressionRead) {
  TestCorpus c;
  const uint32_t s = c.Add(c.Doc("Daily", "2026-09-20"),
                           "In the 2021 vote, turnout was 52 percent, the most "
                           "since 1998.");
  auto years = BareYears(c.statements[s]);
  ASSERT_EQ(years.size(), 1u);  // "since 1998" opens a span
  EXPECT_EQ(years[0].first, *DayNumber("2021-01-01"));
  EXPECT_EQ(years[0].second, *DayNumber("2021-12-31"));
  // A year that a time expression covers is left to it.
  c.Time(s, -1, "2021", "2021-01-01", "2021-12-31");
  EXPECT_TRUE(BareYears(c.statements[s]).empty());
}

TEST(IsAggregate, TotalsOverManyIncidents) {
  One total("The group has killed nearly 400 guards through various raids.",
            "nearly 400");
  EXPECT_TRUE(IsAggregate(total.st(), total.q()));
  One one("The raid killed 12 guards.", "12");
  EXPECT_FALSE(IsAggregate(one.st(), one.q()));
}

TEST(IsAntecedent, EarlierIncidentNamedAsATime) {
  One after("The curfew began two days after 14 guards died in a raid.", "14");
  EXPECT_TRUE(IsAntecedent(after.st(), after.q()));
  One since("It was the worst day since a raid that killed 6 guards.", "6");
  EXPECT_TRUE(IsAntecedent(since.st(), since.q()));
  One before_it("14 guards died, two days after the curfew began.", "14");
  EXPECT_FALSE(IsAntecedent(before_it.st(), before_it.q()));
  One comma("After the raid, police said 14 guards had died.", "14");
  EXPECT_FALSE(IsAntecedent(comma.st(), comma.q()));
}

TEST(HasScopeCue, LeftOutOrAdjusted) {
  EXPECT_TRUE(HasScopeCue("Excluding a one-off charge, profit was 50 million."));
  EXPECT_TRUE(HasScopeCue("The count left out patients at field clinics."));
  EXPECT_FALSE(HasScopeCue("Profit was 50 million."));
}

}  // namespace
}  // namespace compare_internal
}  // namespace factdiff
