#include "core/quantity/quantity_extractor.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "core/text/normalize.h"
#include "core/text/segment.h"
#include "gtest/gtest.h"
#include "proto/extraction.pb.h"

namespace factdiff {
namespace {

using v1::Quantity;

// Every quantity in `original`, sentence by sentence.
std::vector<Quantity> ExtractAll(absl::string_view original,
                                 const QuantityExtractor& extractor) {
  const NormalizedText norm = Normalize(original);
  std::vector<Quantity> out;
  for (const SentenceRange& s : SplitSentences(norm.text)) {
    for (Quantity& q : extractor.Extract(norm, s)) out.push_back(q);
  }
  return out;
}

std::string Surface(absl::string_view original, const v1::Span& span) {
  return std::string(original.substr(span.begin(), span.end() - span.begin()));
}

std::string Describe(absl::string_view original,
                     const std::vector<Quantity>& qs) {
  std::string out;
  for (const Quantity& q : qs) {
    absl::StrAppend(&out, "[", Surface(original, q.span()), "] ");
  }
  return out;
}

struct Case {
  const char* sentence;
  const char* surface;  // the original text the quantity's span covers
  double low;
  double high;
  Quantity::Bound bound;
  const char* unit;
  Quantity::Measure measure;
  const char* subject;  // "*": not checked
  Quantity::Trend trend = Quantity::TREND_UNSPECIFIED;
};

void CheckCase(const Case& c) {
  SCOPED_TRACE(c.sentence);
  QuantityExtractor extractor;
  const std::vector<Quantity> qs = ExtractAll(c.sentence, extractor);
  const Quantity* found = nullptr;
  for (const Quantity& q : qs) {
    if (Surface(c.sentence, q.span()) == c.surface) found = &q;
  }
  ASSERT_NE(found, nullptr) << "no quantity spanning \"" << c.surface
                            << "\"; found " << Describe(c.sentence, qs);
  const Quantity& q = *found;
  // The text is the surface of the span, in normalized form.
  EXPECT_EQ(q.text(), Normalize(c.surface).text);
  EXPECT_DOUBLE_EQ(q.low(), c.low);
  EXPECT_DOUBLE_EQ(q.high(), c.high);
  EXPECT_EQ(Quantity::Bound_Name(q.bound()), Quantity::Bound_Name(c.bound));
  EXPECT_EQ(q.unit(), c.unit);
  EXPECT_EQ(Quantity::Measure_Name(q.measure()),
            Quantity::Measure_Name(c.measure));
  if (std::string(c.subject) != "*") {
    EXPECT_EQ(q.subject(), c.subject);
    if (!q.subject().empty()) {
      EXPECT_LE(q.subject_span().begin(), q.subject_span().end());
      EXPECT_LE(q.subject_span().end(), std::string(c.sentence).size());
    }
  }
  EXPECT_EQ(Quantity::Trend_Name(q.trend()), Quantity::Trend_Name(c.trend));
  // "more than 50" starts above 50, "fewer than 40" ends below 40.
  if (q.bound() != Quantity::MORE_THAN) EXPECT_LE(q.low(), q.value());
  if (q.bound() != Quantity::LESS_THAN) EXPECT_LE(q.value(), q.high());
}

constexpr auto EXACT = Quantity::EXACT;
constexpr auto APPROX = Quantity::APPROXIMATE;
constexpr auto AT_LEAST = Quantity::AT_LEAST;
constexpr auto MORE = Quantity::MORE_THAN;
constexpr auto AT_MOST = Quantity::AT_MOST;
constexpr auto LESS = Quantity::LESS_THAN;
constexpr auto RANGE = Quantity::RANGE;
constexpr auto VAGUE = Quantity::VAGUE;
constexpr auto NONE = Quantity::MEASURE_UNSPECIFIED;
constexpr auto UP = Quantity::UP;
constexpr auto DOWN = Quantity::DOWN;

class TypicalValues : public ::testing::TestWithParam<Case> {};
TEST_P(TypicalValues, Reads) { CheckCase(GetParam()); }

INSTANTIATE_TEST_SUITE_P(
    QuantityExtractor, TypicalValues,
    ::testing::Values(
        Case{"Officials said 23 Pakistani soldiers were killed in the raid.",
             "23", 23, 23, EXACT, "", Quantity::KILLED, "pakistani soldier"},
        Case{"The militants killed 23 troops near the border.", "23", 23, 23,
             EXACT, "", Quantity::KILLED, "soldier"},
        Case{"By evening the death toll rose to 47.", "47", 47, 47, EXACT, "",
             Quantity::KILLED, ""},
        Case{"Hospital staff counted 47 dead after the quake.", "47", 47, 47,
             EXACT, "", Quantity::KILLED, ""},
        Case{"At least 12 people died when the bridge collapsed.",
             "At least 12", 12, 120, AT_LEAST, "", Quantity::KILLED, "people"},
        Case{"The blast tore through the market, injuring 30.", "30", 30, 30,
             EXACT, "", Quantity::WOUNDED, ""},
        Case{"More than 50 demonstrators were arrested overnight.",
             "More than 50", 51, 500, MORE, "", Quantity::ARRESTED,
             "protester"},
        Case{"Police said about 2,600 protesters marched on Sunday.",
             "about 2,600", 2340, 2860, APPROX, "", Quantity::PARTICIPATED,
             "protester"},
        Case{"Nearly 900 families were displaced by the floods.", "Nearly 900",
             810, 900, APPROX, "", Quantity::DISPLACED, "family"},
        Case{"Up to 40 climbers are still missing.", "Up to 40", 1, 40,
             AT_MOST, "", Quantity::MISSING, "climber"},
        Case{"Fewer than 40 passengers were on board.", "Fewer than 40", 0, 39,
             LESS, "", NONE, "passenger"},
        Case{"Organisers expected between 5,000 and 7,000 marchers.",
             "between 5,000 and 7,000", 5000, 7000, RANGE, "",
             Quantity::PARTICIPATED, "marcher"},
        Case{"Estimates put the crowd at 6,000\xE2\x80\x93" "6,500 people.",
             "6,000\xE2\x80\x93" "6,500", 6000, 6500, RANGE, "",
             Quantity::PARTICIPATED, "people"},
        Case{"Police estimated the crowd at 5,000.", "5,000", 5000, 5000,
             EXACT, "", Quantity::PARTICIPATED, "people"},
        Case{"Organizers said 20,000 people took part.", "20,000", 20000,
             20000, EXACT, "", Quantity::PARTICIPATED, "people"},
        Case{"The army said 23 of its soldiers were killed.", "23", 23, 23,
             EXACT, "", Quantity::KILLED, "soldier"},
        Case{"About 30 other soldiers were wounded.", "About 30", 27, 33,
             APPROX, "", Quantity::WOUNDED, "soldier"},
        Case{"Five soldiers and 25 militants were killed.", "Five", 5, 5,
             EXACT, "", Quantity::KILLED, "soldier"},
        Case{"Militants fired 12 to 15 rockets at the town.", "12 to 15", 12, 15,
             RANGE, "", Quantity::ATTACKS, "rocket"},
        Case{"Dozens of civilians were wounded in the shelling.", "Dozens of",
             24, 199, VAGUE, "", Quantity::WOUNDED, "civilian"},
        Case{"Scores of homes were destroyed.", "Scores of", 40, 199, VAGUE,
             "", Quantity::CAPTURED, "home"},
        Case{"Hundreds of thousands of people fled the city.",
             "Hundreds of thousands of", 200000, 999999, VAGUE, "",
             Quantity::DISPLACED, "people"},
        Case{"Several hundred students gathered outside.", "Several hundred",
             300, 900, VAGUE, "", Quantity::PARTICIPATED, "student"},
        Case{"Eleven miners were trapped underground.", "Eleven", 11, 11,
             EXACT, "", NONE, "miner"},
        Case{"Fifty-three people were hurt.", "Fifty-three", 53, 53, EXACT, "",
             Quantity::WOUNDED, "people"},
        Case{"About a dozen houses burned.", "About a dozen", 10.8, 13.2,
             APPROX, "", Quantity::OTHER, "house"},
        Case{"Two hundred and fifty workers walked out.",
             "Two hundred and fifty", 250, 250, EXACT, "", Quantity::OTHER,
             "worker"},
        Case{"The company reported revenue of $3 billion last year.",
             "$3 billion", 3e9, 3e9, EXACT, "USD", Quantity::MONEY, ""},
        Case{"The storm caused \xC2\xA3" "1.5bn in damage.",
             "\xC2\xA3" "1.5bn", 1.5e9, 1.5e9, EXACT, "GBP", Quantity::MONEY,
             ""},
        Case{"The fine was Rs 5 crore.", "Rs 5 crore", 5e7, 5e7, EXACT, "rupee",
             Quantity::MONEY, ""},
        Case{"Turnout was 40 percent in the capital.", "40 percent", 40, 40,
             EXACT, "percent", Quantity::PARTICIPATED, ""},
        Case{"Prices rose 5% in March.", "5%", 5, 5, EXACT, "percent", NONE,
             "", UP},
        Case{"Exports fell 2 per cent last month.", "2 per cent", 2, 2, EXACT,
             "percent", NONE, "", DOWN},
        Case{"There was a drop of 10% in arrivals.", "10%", 10, 10, EXACT,
             "percent", NONE, "", DOWN},
        Case{"The index was up 4% by noon.", "4%", 4, 4, EXACT, "percent",
             NONE, "", UP},
        Case{"The number of cases increased by 300.", "300", 300, 300, EXACT,
             "", NONE, "", UP},
        Case{"The convoy travelled 120 km through the desert.", "120 km", 120,
             120, EXACT, "km", Quantity::OTHER, ""},
        Case{"The siege lasted 11 days.", "11 days", 11, 11, EXACT, "day",
             Quantity::OTHER, ""},
        Case{"Some 3m people live in the region.", "Some 3m", 2.7e6, 3.3e6,
             APPROX, "", NONE, "people"},
        Case{"Officials counted 1\xC2\xA0" "200 ballots.", "1\xC2\xA0" "200",
             1200, 1200, EXACT, "", Quantity::VOTES, "ballot"},
        Case{"Crews cleared \xEF\xBC\x93\xEF\xBC\x90 tonnes of debris.",
             "\xEF\xBC\x93\xEF\xBC\x90 tonnes", 30, 30, EXACT, "tonne",
             Quantity::OTHER, ""},
        Case{"Half of the residents stayed.", "Half", 0.5, 0.5, EXACT,
             "fraction", Quantity::OTHER, "resident"},
        Case{"Police arrested 15 men in dawn raids.", "15", 15, 15, EXACT, "",
             Quantity::ARRESTED, "man"}));

class BoundaryCases : public ::testing::TestWithParam<Case> {};
TEST_P(BoundaryCases, Reads) { CheckCase(GetParam()); }

INSTANTIATE_TEST_SUITE_P(
    QuantityExtractor, BoundaryCases,
    ::testing::Values(
        // Curly quotes around the sentence, no-break space after the bound.
        Case{"\xE2\x80\x9C" "At least\xC2\xA0" "23 were killed,\xE2\x80\x9D "
             "he said.",
             "At least\xC2\xA0" "23", 23, 230, AT_LEAST, "", Quantity::KILLED,
             ""},
        // A year-like number that counts: followed by a plural noun.
        Case{"Some 2000 people marched.", "Some 2000", 1800, 2200, APPROX, "",
             Quantity::PARTICIPATED, "people"},
        // "one" that counts.
        Case{"One soldier was killed.", "One", 1, 1, EXACT, "",
             Quantity::KILLED, "soldier"},
        // A range with a scale on the second end only.
        Case{"The project will cost $2-3 million.", "$2-3 million", 2e6, 3e6,
             RANGE, "USD", Quantity::MONEY, ""},
        // Thin space as a thousands separator.
        Case{"Voters cast 12\xE2\x80\x89" "000 ballots.",
             "12\xE2\x80\x89" "000", 12000, 12000, EXACT, "",
             Quantity::VOTES, "ballot"},
        // A count after a date in the same sentence.
        Case{"On Oct. 19, 2025, 300 people were evacuated.", "300", 300, 300,
             EXACT, "", Quantity::DISPLACED, "people"},
        // "over" with a decimal keeps the value as the low end.
        Case{"The quake measured over 6.5 on the scale.", "over 6.5", 6.5, 65,
             MORE, "", Quantity::OTHER, "*"},
        Case{"A 10-km march began at noon.", "10-km", 10, 10, EXACT, "km",
             NONE, "*"},
        // A scaled range whose ends look like years is still a count.
        Case{"We expect 1 to 2 thousand visitors.", "1 to 2 thousand", 1000,
             2000, RANGE, "", NONE, "visitor"},
        // Negative figures and signed changes.
        Case{"Temperatures fell to minus 12 degrees Celsius.",
             "minus 12 degrees Celsius", -12, -12, EXACT, "degC", NONE, "*"},
        Case{"In Paris the CAC was -1.7% by noon.", "-1.7%", -1.7, -1.7, EXACT,
             "percent", NONE, "*", DOWN},
        // A restatement after "or" shares the change.
        Case{"The index lost 190 points, or 0.6%, on Friday.", "0.6%", 0.6,
             0.6, EXACT, "percent", NONE, "*", DOWN},
        // A currency written after the number.
        Case{"She paid 1,200\xE2\x82\xAC for it.", "1,200\xE2\x82\xAC", 1200,
             1200, EXACT, "EUR", Quantity::MONEY, "*"},
        // "$800,000 to $1.3 million": no scale carried to the first end.
        Case{"Homes sell from $800,000 to $1.3 million.",
             "from $800,000 to $1.3 million", 800000, 1300000, RANGE, "USD",
             Quantity::MONEY, "*"}));

// The checklist, one row per form not covered above: bounds and
// their caps (QuantityOptions defaults: tolerance 0.10, open cap x10), the
// vague-word table, fractions, ranges, scales, ages and "one of".
class ChecklistCases : public ::testing::TestWithParam<Case> {};
TEST_P(ChecklistCases, Reads) { CheckCase(GetParam()); }

constexpr auto HURT = Quantity::WOUNDED;
constexpr auto OTHER = Quantity::OTHER;

INSTANTIATE_TEST_SUITE_P(
    QuantityExtractor, ChecklistCases,
    ::testing::Values(
        // Separators, scales.
        Case{"Officials counted 1 200 ballots.", "1 200", 1200, 1200, EXACT,
             "", Quantity::VOTES, "ballot"},
        Case{"About 2 million people were displaced.", "About 2 million",
             1.8e6, 2.2e6, APPROX, "", Quantity::DISPLACED, "people"},
        // Bounds: strict floors start above a count, ceilings end below.
        Case{"Over 50 people were hurt.", "Over 50", 51, 500, MORE, "", HURT,
             "people"},
        Case{"Almost 50 people were hurt.", "Almost 50", 45, 50, APPROX, "",
             HURT, "people"},
        Case{"Around 50 people were hurt.", "Around 50", 45, 55, APPROX, "",
             HURT, "people"},
        Case{"Roughly 50 people were hurt.", "Roughly 50", 45, 55, APPROX, "",
             HURT, "people"},
        Case{"As many as 50 people were hurt.", "As many as 50", 1, 50,
             AT_MOST, "", HURT, "people"},
        Case{"No more than 50 people were hurt.", "No more than 50", 1, 50,
             AT_MOST, "", HURT, "people"},
        // "just over"/"just under": strict and close (the tolerance, not the
        // open cap).
        Case{"Just over 50 people were hurt.", "Just over 50", 51, 55, MORE,
             "", HURT, "people"},
        Case{"Just under 50 people were hurt.", "Just under 50", 45, 49, LESS,
             "", HURT, "people"},
        // The vague-word table (quantity_tables.h, kVagueAmounts).
        Case{"A few people were hurt.", "A few", 2, 5, VAGUE, "", HURT,
             "people"},
        Case{"A handful of people were hurt.", "A handful of", 2, 6, VAGUE, "",
             HURT, "people"},
        Case{"Several people were hurt.", "Several", 3, 9, VAGUE, "", HURT,
             "people"},
        Case{"Hundreds of people were hurt.", "Hundreds of", 200, 999, VAGUE,
             "", HURT, "people"},
        Case{"Thousands of people were hurt.", "Thousands of", 2000, 9999,
             VAGUE, "", HURT, "people"},
        Case{"Tens of thousands of people were hurt.", "Tens of thousands of",
             20000, 99999, VAGUE, "", HURT, "people"},
        // Ranges in words and with "or".
        Case{"Four to five thousand people were hurt.",
             "Four to five thousand", 4000, 5000, RANGE, "", HURT, "people"},
        Case{"Two or three people were hurt.", "Two or three", 2, 3, RANGE, "",
             HURT, "people"},
        // Fractions and shares; an ordinal counts only as a denominator.
        Case{"A third of the houses were destroyed.", "A third", 1.0 / 3,
             1.0 / 3, EXACT, "fraction", Quantity::CAPTURED, "house"},
        Case{"One in five adults smokes.", "One in five", 0.2, 0.2, EXACT,
             "fraction", NONE, "*"},
        Case{"The recipe needs 1/2 pound of flour.", "1/2 pound", 0.5, 0.5,
             EXACT, "lb", NONE, "*"},
        // Multiples and scientific notation.
        Case{"Exports grew more than sixfold.", "more than sixfold", 6, 60,
             MORE, "times", NONE, "*", UP},
        Case{"The film is 2\xC3\x97" "10\xE2\x88\x92" "6 metres thick.",
             "2\xC3\x97" "10\xE2\x88\x92" "6 metres", 2e-6, 2e-6, EXACT,
             "metre", NONE, "*"},
        // Ages are never counts: unit "year", measure OTHER "age", no
        // subject, so core/compare never sets them against a casualty count.
        Case{"A 45-year-old man was detained.", "45-year-old", 45, 45, EXACT,
             "year", OTHER, ""},
        Case{"The suspect, aged 45, was detained.", "45", 45, 45, EXACT,
             "year", OTHER, ""},
        Case{"Police said Smith, 45, was detained.", "45", 45, 45, EXACT,
             "year", OTHER, ""},
        Case{"An 18-month-old girl was rescued.", "18-month-old", 18, 18,
             EXACT, "month", OTHER, ""},
        // "one of the X" is one member of a group: a count of 1, measure
        // OTHER "one of", so it never meets a casualty count either.
        Case{"One of the soldiers was killed.", "One", 1, 1, EXACT, "", OTHER,
             "soldier"},
        // "from X to Y" after a change word, or falling, is one change.
        Case{"Her weight dropped from 90 kg to 80 kg.", "from 90 kg to 80 kg",
             80, 90, RANGE, "kg", NONE, "*", DOWN},
        Case{"Fares rose from $5 to $7 in a year.", "from $5 to $7", 5, 7,
             RANGE, "USD", Quantity::MONEY, "*", UP},
        Case{"Bitcoin fell from $36,000 late on Sunday to $34,900.",
             "from $36,000 late on Sunday to $34,900", 34900, 36000, RANGE,
             "USD", Quantity::MONEY, "*", DOWN},
        Case{"The tally went from 12 to 9 overnight.", "from 12 to 9", 9, 12,
             RANGE, "", NONE, "*", DOWN},
        // Currency codes glued after "$".
        Case{"The deal was worth $US55 million.", "$US55 million", 55e6, 55e6,
             EXACT, "USD", Quantity::MONEY, "*"},
        // A parenthesised conversion that agrees carries the bound.
        Case{"The road runs more than 100 km (62 miles) inland.", "62 miles",
             62, 620, MORE, "mile", NONE, "*"}));

// Numbers that count nothing.
TEST(QuantityExtractorTest, LeavesOutNumbersThatCountNothing) {
  const char* const kSentences[] = {
      "The law was passed in 2021.",
      "The report is dated 2025-10-29.",
      "It happened on October 11, 2025.",
      "The hearing is set for Oct. 19.",
      "Voting ends on 19 October.",
      "The meeting starts at 10:30.",
      "Shops close at 5 p.m. on weekdays.",
      "Call 555-123-4567 for details.",
      "1. Keep calm.",
      "Article 370 was repealed.",
      "Section 144 was imposed in the district.",
      "See https://example.com/page/2024/07 for more.",
      "The hashtag #Protest2024 trended.",
      "The second round of talks failed.",
      "No one was hurt.",
      "They blamed one another.",
      "The 22nd amendment limits terms.",
      "The 1990s were different.",
      "The Boeing 737 landed safely.",
      "The team won 3-2 on Sunday.",
      "The COVID-19 rules were lifted.",
      "Operators rolled out 5G networks.",
      "Flight MH17 was shot down.",
      "The hunt runs Sept. 20-24 this year.",
      "Call +44 20 7946 0958 today.",
      "He lives at 10 Downing Street.",
      "The office is at 22 Ave Foch.",
      "The final aired on BBC One.",
      "Quarterback Dak Jones (4) ran for a touchdown.",
      "One of them left early.",
  };
  QuantityExtractor extractor;
  for (const char* s : kSentences) {
    const std::vector<Quantity> qs = ExtractAll(s, extractor);
    EXPECT_TRUE(qs.empty()) << s << " -> " << Describe(s, qs);
  }
}

TEST(QuantityExtractorTest, FindsEveryFigureInOrderWithOriginalSpans) {
  // En dash, curly apostrophe and no-break spaces shift the offsets.
  const std::string text =
      "The army\xE2\x80\x99s 3\xC2\xA0" "000 troops killed 40 fighters; "
      "about 1,200\xE2\x80\x93" "1,500 fled.";
  QuantityExtractor extractor;
  const std::vector<Quantity> qs = ExtractAll(text, extractor);
  ASSERT_EQ(qs.size(), 3u) << Describe(text, qs);
  EXPECT_EQ(Surface(text, qs[0].span()), "3\xC2\xA0" "000");
  EXPECT_EQ(qs[0].value(), 3000);
  EXPECT_EQ(qs[0].subject(), "soldier");
  EXPECT_EQ(Surface(text, qs[0].subject_span()), "troops");
  EXPECT_EQ(Surface(text, qs[1].span()), "40");
  EXPECT_EQ(qs[1].measure(), Quantity::KILLED);
  EXPECT_EQ(qs[1].measure_word(), "killed");
  EXPECT_EQ(qs[1].subject(), "fighter");
  EXPECT_EQ(Surface(text, qs[2].span()),
            "about 1,200\xE2\x80\x93" "1,500");
  EXPECT_EQ(qs[2].bound(), Quantity::RANGE);
  EXPECT_EQ(qs[2].measure(), Quantity::DISPLACED);
  EXPECT_EQ(qs[2].measure_word(), "fled");
  for (const Quantity& q : qs) {
    EXPECT_EQ(q.text(), Normalize(Surface(text, q.span())).text);
  }
}

TEST(QuantityExtractorTest, MeasureWordIsTheTrigger) {
  QuantityExtractor extractor;
  const std::string text = "The death toll climbed to 61 on Monday.";
  const std::vector<Quantity> qs = ExtractAll(text, extractor);
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].measure(), Quantity::KILLED);
  EXPECT_EQ(qs[0].measure_word(), "death toll");
  EXPECT_EQ(qs[0].trend(), Quantity::TREND_UNSPECIFIED);
}

// What one figure says about another, and measures read from phrases.
TEST(QuantityExtractorTest, FiguresThatLeanOnOthers) {
  QuantityExtractor extractor;
  {  // a part and its total
    const std::vector<Quantity> qs =
        ExtractAll("The Lake Union won 44 of the 120 seats.", extractor);
    ASSERT_EQ(qs.size(), 2u);
    EXPECT_EQ(qs[0].measure(), Quantity::VOTES);
    EXPECT_EQ(qs[0].subject(), "seat");
    EXPECT_EQ(qs[1].measure(), Quantity::OTHER);
    EXPECT_EQ(qs[1].measure_word(), "total");
  }
  {  // "the figure" is the earlier figure's measure and subject
    const std::vector<Quantity> qs = ExtractAll(
        "Talvik says it will cut 500 jobs, while the union puts the figure at "
        "900.",
        extractor);
    ASSERT_EQ(qs.size(), 2u);
    EXPECT_EQ(qs[0].measure_word(), "job cuts");
    EXPECT_EQ(qs[1].measure_word(), "job cuts");
    EXPECT_EQ(qs[1].subject(), "job");
  }
  {  // a loss, not a level
    const std::vector<Quantity> qs = ExtractAll(
        "The party says it was cheated of at least 5 seats.", extractor);
    ASSERT_EQ(qs.size(), 1u);
    EXPECT_EQ(qs[0].trend(), Quantity::DOWN);
  }
}

TEST(QuantityExtractorTest, MeasuresReadFromPhrases) {
  QuantityExtractor extractor;
  struct Want {
    const char* text;
    Quantity::Measure measure;
    const char* word;
    const char* subject;
  };
  for (const Want& w : std::vector<Want>{
           {"Organizers said 35,000 people had taken part.",
            Quantity::PARTICIPATED, "took part", "people"},
           {"The mill said it would cut 1,200 jobs by 2028.", Quantity::OTHER,
            "job cuts", "job"},
           {"About 800 jobs will be lost at the mill.", Quantity::OTHER,
            "job cuts", "job"},
           {"At least 30 fans were treated in hospital.", Quantity::WOUNDED,
            "treated", "fan"},
           {"Rangers said 120 Dorn and allied militiamen died.",
            Quantity::KILLED, "died", "dorn militiaman"},
           {"The death toll from the storm in the delta region rose to 61.",
            Quantity::KILLED, "death toll", ""},
           {"The number of people hurt in the crash climbed to 40.",
            Quantity::WOUNDED, "hurt", "people"},
           {"The quake was put at magnitude 5.9.", Quantity::OTHER,
            "magnitude", ""},
           {"An aftershock of magnitude 4.2 followed.", Quantity::OTHER,
            "magnitude", "aftershock"},
           {"The firm reported a net profit of 40 million euros.",
            Quantity::MONEY, "net profit", ""},
           // Neither: a cut that is a change, and a plain count of jobs.
           {"The bank cut 5 percent of its costs.", Quantity::MEASURE_UNSPECIFIED,
            "", "cost"},
           {"The plant has 800 jobs.", Quantity::MEASURE_UNSPECIFIED, "",
            "job"}}) {
    SCOPED_TRACE(w.text);
    const std::vector<Quantity> qs = ExtractAll(w.text, extractor);
    ASSERT_GE(qs.size(), 1u);
    EXPECT_EQ(Quantity::Measure_Name(qs[0].measure()),
              Quantity::Measure_Name(w.measure));
    EXPECT_EQ(qs[0].measure_word(), w.word);
    EXPECT_EQ(qs[0].subject(), w.subject);
  }
}

TEST(QuantityExtractorTest, VagueAmountsOverlapWhereTheyShould) {
  QuantityExtractor extractor;
  auto one = [&](const std::string& s) {
    std::vector<Quantity> qs = ExtractAll(s, extractor);
    EXPECT_EQ(qs.size(), 1u) << s;
    return qs.empty() ? Quantity() : qs[0];
  };
  const Quantity dozens = one("Dozens of people were hurt.");
  const Quantity scores = one("Scores of people were hurt.");
  const Quantity hundreds = one("Hundreds of people were hurt.");
  const Quantity close = one("Close to 900 people were hurt.");
  EXPECT_LE(scores.low(), dozens.high());
  EXPECT_LE(dozens.low(), scores.high());
  EXPECT_LE(close.low(), hundreds.high());
  EXPECT_LE(hundreds.low(), close.high());
}

TEST(QuantityExtractorTest, OptionsSetToleranceAndCap) {
  QuantityOptions options;
  options.approximate_tolerance = 0.2;
  options.open_upper_factor = 3;
  QuantityExtractor extractor(options);
  std::vector<Quantity> qs =
      ExtractAll("About 100 people came and at least 10 left.", extractor);
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_DOUBLE_EQ(qs[0].low(), 80);
  EXPECT_DOUBLE_EQ(qs[0].high(), 120);
  EXPECT_DOUBLE_EQ(qs[1].low(), 10);
  EXPECT_DOUBLE_EQ(qs[1].high(), 30);
}

TEST(QuantityExtractorTest, EmptyAndDegenerateInput) {
  QuantityExtractor extractor;
  EXPECT_TRUE(ExtractAll("", extractor).empty());
  EXPECT_TRUE(ExtractAll("No figures here at all.", extractor).empty());
  const NormalizedText norm = Normalize("12 people");
  SentenceRange bad;
  bad.begin = 5;
  bad.end = 100;  // past the end: nothing, no crash
  EXPECT_TRUE(extractor.Extract(norm, bad).empty());
}

}  // namespace
}  // namespace factdiff
