#include "core/time/time_extractor.h"

#include <cstddef>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/types/optional.h"
#include "core/text/normalize.h"
#include "core/text/segment.h"
#include "gtest/gtest.h"
#include "proto/extraction.pb.h"

namespace factdiff {
namespace {

using v1::TimeExpression;

// A Wednesday.
const absl::CivilDay kPublished(2025, 10, 29);

// Extracts from `original` taken as one sentence.
std::vector<TimeExpression> ExtractAll(
    absl::string_view original, absl::optional<absl::CivilDay> published) {
  const NormalizedText norm = Normalize(original);
  SentenceRange sentence;
  sentence.begin = 0;
  sentence.end = static_cast<uint32_t>(norm.text.size());
  return TimeExtractor().Extract(norm, sentence, published);
}

std::string Surface(absl::string_view original, const TimeExpression& e) {
  return std::string(
      original.substr(e.span().begin(), e.span().end() - e.span().begin()));
}

struct Case {
  const char* input;
  const char* surface;  // the original text of the one expression found
  const char* start;
  const char* end;
  TimeExpression::Granularity granularity;
  bool relative;
};

constexpr auto DAY = TimeExpression::DAY;
constexpr auto WEEK = TimeExpression::WEEK;
constexpr auto MONTH = TimeExpression::MONTH;
constexpr auto YEAR = TimeExpression::YEAR;
constexpr auto DECADE = TimeExpression::DECADE;
constexpr auto DURATION = TimeExpression::DURATION;

void Check(const Case& c, absl::optional<absl::CivilDay> published) {
  SCOPED_TRACE(c.input);
  const std::vector<TimeExpression> got = ExtractAll(c.input, published);
  ASSERT_EQ(got.size(), 1u);
  const TimeExpression& e = got[0];
  EXPECT_EQ(Surface(c.input, e), c.surface);
  // `text` is the normalized surface of the span.
  EXPECT_EQ(e.text(), Normalize(c.surface).text);
  EXPECT_EQ(e.start(), c.start);
  EXPECT_EQ(e.end(), c.end);
  EXPECT_EQ(e.granularity(), c.granularity);
  EXPECT_EQ(e.relative(), c.relative);
}

// Published Wednesday 2025-10-29.
const Case kPublishedCases[] = {
    // Weekdays: the latest on or before publication.
    {"The strike came on Sunday.", "Sunday", "2025-10-26", "2025-10-26", DAY,
     true},
    {"Ministers met Wednesday.", "Wednesday", "2025-10-29", "2025-10-29", DAY,
     true},
    {"Ministers met Thursday.", "Thursday", "2025-10-23", "2025-10-23", DAY,
     true},
    {"The dam failed last Wednesday.", "last Wednesday", "2025-10-22",
     "2025-10-22", DAY, true},
    {"The dam failed last Monday.", "last Monday", "2025-10-27", "2025-10-27",
     DAY, true},
    {"Talks resume next Monday.", "next Monday", "2025-11-03", "2025-11-03",
     DAY, true},
    {"Shelling began Monday evening.", "Monday evening", "2025-10-27",
     "2025-10-27", DAY, true},
    {"The vote ended late Friday.", "late Friday", "2025-10-24", "2025-10-24",
     DAY, true},
    {"Crews arrived early Wednesday.", "early Wednesday", "2025-10-29",
     "2025-10-29", DAY, true},
    {"Sirens sounded Tuesday night.", "Tuesday night", "2025-10-28",
     "2025-10-28", DAY, true},
    {"Sunday's blast shook the port.", "Sunday", "2025-10-26", "2025-10-26",
     DAY, true},
    {"It opened Sunday, Oct. 19, to crowds.", "Sunday, Oct. 19", "2025-10-19",
     "2025-10-19", DAY, true},
    // Day words.
    {"Markets fell today.", "today", "2025-10-29", "2025-10-29", DAY, true},
    {"Markets fell yesterday.", "yesterday", "2025-10-28", "2025-10-28", DAY,
     true},
    {"Markets fell yesterday afternoon.", "yesterday afternoon", "2025-10-28",
     "2025-10-28", DAY, true},
    {"The mayor speaks tonight.", "tonight", "2025-10-29", "2025-10-29", DAY,
     true},
    {"The mayor spoke this morning.", "this morning", "2025-10-29",
     "2025-10-29", DAY, true},
    {"Fires spread last night.", "last night", "2025-10-28", "2025-10-28", DAY,
     true},
    {"Voting ends tomorrow.", "tomorrow", "2025-10-30", "2025-10-30", DAY,
     true},
    // Weeks (Monday to Sunday), months, years.
    {"Prices rose last week.", "last week", "2025-10-20", "2025-10-26", WEEK,
     true},
    {"Prices rose this week.", "this week", "2025-10-27", "2025-11-02", WEEK,
     true},
    {"Prices rose earlier this week.", "earlier this week", "2025-10-27",
     "2025-10-29", WEEK, true},
    {"Prices will rise next week.", "next week", "2025-11-03", "2025-11-09",
     WEEK, true},
    {"Prices rose this month.", "this month", "2025-10-01", "2025-10-31", MONTH,
     true},
    {"Prices rose earlier this month.", "earlier this month", "2025-10-01",
     "2025-10-29", MONTH, true},
    {"Prices rose last month.", "last month", "2025-09-01", "2025-09-30", MONTH,
     true},
    {"Prices rose this year.", "this year", "2025-01-01", "2025-12-31", YEAR,
     true},
    {"Prices rose last year.", "last year", "2024-01-01", "2024-12-31", YEAR,
     true},
    {"Prices rose earlier this year.", "earlier this year", "2025-01-01",
     "2025-10-29", YEAR, true},
    {"Floods hit last August.", "last August", "2025-08-01", "2025-08-31",
     MONTH, true},
    {"Floods hit last October.", "last October", "2024-10-01", "2024-10-31",
     MONTH, true},
    {"Floods hit in August.", "August", "2025-08-01", "2025-08-31", MONTH,
     true},
    {"Elections are due in November.", "November", "2025-11-01", "2025-11-30",
     MONTH, true},
    {"Floods hit in December.", "December", "2024-12-01", "2024-12-31", MONTH,
     true},
    {"Floods hit in May.", "May", "2025-05-01", "2025-05-31", MONTH, true},
    {"Talks stalled in mid-March.", "mid-March", "2025-03-11", "2025-03-20",
     MONTH, true},
    {"Talks stalled in late September.", "late September", "2025-09-21",
     "2025-09-30", MONTH, true},
    // Weekends.
    {"Rallies were held over the weekend.", "the weekend", "2025-10-25",
     "2025-10-26", DAY, true},
    {"Rallies were held last weekend.", "last weekend", "2025-10-25",
     "2025-10-26", DAY, true},
    {"Rallies are planned this weekend.", "this weekend", "2025-11-01",
     "2025-11-02", DAY, true},
    // Dates without a year: this year's unless more than 31 days ahead.
    {"The raid was on Oct. 19.", "Oct. 19", "2025-10-19", "2025-10-19", DAY,
     true},
    {"The raid was on October 19.", "October 19", "2025-10-19", "2025-10-19",
     DAY, true},
    {"The raid was on 19 October.", "19 October", "2025-10-19", "2025-10-19",
     DAY, true},
    {"The raid was on Oct 19th.", "Oct 19th", "2025-10-19", "2025-10-19", DAY,
     true},
    {"The summit opens Nov. 20.", "Nov. 20", "2025-11-20", "2025-11-20", DAY,
     true},
    {"The summit opened Dec. 5.", "Dec. 5", "2024-12-05", "2024-12-05", DAY,
     true},
    {"The summit ran October 11-12.", "October 11-12", "2025-10-11",
     "2025-10-12", DAY, true},
    {"The summit ran Oct. 30-Nov. 2.", "Oct. 30-Nov. 2", "2025-10-30",
     "2025-11-02", DAY, true},
    {"The summit ran 11-12 October.", "11-12 October", "2025-10-11",
     "2025-10-12", DAY, true},
    {"Shots rang out on the night of October 11.", "the night of October 11",
     "2025-10-11", "2025-10-11", DAY, true},
    {"The law passed May 5.", "May 5", "2025-05-05", "2025-05-05", DAY, true},
    // Windows and counts back from publication.
    {"Nine died in the past 24 hours.", "the past 24 hours", "2025-10-28",
     "2025-10-29", DAY, true},
    {"Nine died over the last two weeks.", "the last two weeks", "2025-10-15",
     "2025-10-29", WEEK, true},
    {"The bridge closed three days ago.", "three days ago", "2025-10-26",
     "2025-10-26", DAY, true},
    {"The bridge closed two weeks ago.", "two weeks ago", "2025-10-13",
     "2025-10-19", WEEK, true},
    {"The bridge closed a year ago.", "a year ago", "2024-01-01", "2024-12-31",
     YEAR, true},
    // "since": from the start of the expression to publication.
    {"Rates have doubled since 2021.", "since 2021", "2021-01-01", "2025-10-29",
     YEAR, true},
    {"No rain has fallen since Sunday.", "since Sunday", "2025-10-26",
     "2025-10-29", DAY, true},
    // Absolute dates, months, years and decades.
    {"It was signed October 11, 2025, in Cairo.", "October 11, 2025",
     "2025-10-11", "2025-10-11", DAY, false},
    {"It was signed Oct. 19, 2024.", "Oct. 19, 2024", "2024-10-19",
     "2024-10-19", DAY, false},
    {"It was signed 3 March 2019.", "3 March 2019", "2019-03-03", "2019-03-03",
     DAY, false},
    {"Filed 2025-10-29 in court.", "2025-10-29", "2025-10-29", "2025-10-29",
     DAY, false},
    {"Rents rose in October 2024.", "October 2024", "2024-10-01", "2024-10-31",
     MONTH, false},
    {"Rents rose in May 2023.", "May 2023", "2023-05-01", "2023-05-31", MONTH,
     false},
    {"Rents rose in 2021.", "2021", "2021-01-01", "2021-12-31", YEAR, false},
    {"Rents rose in early 2021.", "early 2021", "2021-01-01", "2021-04-30",
     YEAR, false},
    {"Rents rose from 2019 to 2021.", "2019 to 2021", "2019-01-01",
     "2021-12-31", YEAR, false},
    {"Rents rose between 2019 and 2021.", "2019 and 2021", "2019-01-01",
     "2021-12-31", YEAR, false},
    {"Emissions must halve by 2030.", "2030", "2030-01-01", "2030-12-31", YEAR,
     false},
    {"Since March, prices have doubled.", "Since March", "2025-03-01",
     "2025-10-29", MONTH, true},
    {"The war lasted from 1992-95.", "1992-95", "1992-01-01", "1995-12-31",
     YEAR, false},
    {"It began in the early 1990s.", "the early 1990s", "1990-01-01",
     "1993-12-31", DECADE, false},
    {"It began in the mid-1990s.", "the mid-1990s", "1994-01-01", "1996-12-31",
     DECADE, false},
    {"It began in the late 1990s.", "the late 1990s", "1997-01-01",
     "1999-12-31", DECADE, false},
    {"It began in the 1990s.", "the 1990s", "1990-01-01", "1999-12-31", DECADE,
     false},
    {"It began in the '80s.", "the '80s", "1980-01-01", "1989-12-31", DECADE,
     false},
    // Durations: not dates.
    {"The siege lasted nearly two weeks.", "nearly two weeks", "", "", DURATION,
     false},
    {"The siege lasted 48 hours.", "48 hours", "", "", DURATION, false},
    {"The siege lasted three days.", "three days", "", "", DURATION, false},
    {"They agreed a 72-hour truce.", "72-hour", "", "", DURATION, false},
    {"He served twenty-five years.", "twenty-five years", "", "", DURATION,
     false},
    {"It took more than a month.", "more than a month", "", "", DURATION,
     false},
};

TEST(TimeExtractorTest, ResolvesAgainstPublication) {
  for (const Case& c : kPublishedCases) Check(c, kPublished);
}

const Case kUnpublishedCases[] = {
    {"The strike came on Sunday.", "Sunday", "", "", DAY, true},
    {"The raid was on Oct. 19.", "Oct. 19", "", "", DAY, true},
    {"Prices rose last week.", "last week", "", "", WEEK, true},
    {"Markets fell yesterday.", "yesterday", "", "", DAY, true},
    {"Floods hit in August.", "August", "", "", MONTH, true},
    {"Nine died in the past 24 hours.", "the past 24 hours", "", "", DAY, true},
    {"It was signed October 11, 2025.", "October 11, 2025", "2025-10-11",
     "2025-10-11", DAY, false},
    {"Rents rose in 2021.", "2021", "2021-01-01", "2021-12-31", YEAR, false},
    {"Rates have doubled since 2021.", "since 2021", "2021-01-01", "2021-12-31",
     YEAR, false},
    {"It began in the early 1990s.", "the early 1990s", "1990-01-01",
     "1993-12-31", DECADE, false},
    {"The siege lasted nearly two weeks.", "nearly two weeks", "", "", DURATION,
     false},
};

TEST(TimeExtractorTest, WithoutPublicationOnlyAbsoluteResolve) {
  for (const Case& c : kUnpublishedCases) Check(c, absl::nullopt);
}

TEST(TimeExtractorTest, NoFalseTimes) {
  const char* const kInputs[] = {
      "Protesters march through the capital.",
      "Thousands March Through Capital",
      "Officials may resign over the scandal.",
      "Theresa May said the plan would hold.",
      "March organizers said turnout was high.",
      "The Sun reported the figures first.",
      "She told the Sunday Times the plan failed.",
      "April Ryan asked the first question.",
      "Workers earn $40 a day.",
      "A 26-year-old man was arrested.",
      "The 2021 election was contested.",
      "Police counted 2021 ballots by hand.",
      "The fire destroyed 2,000 homes in 19 villages.",
      "He scored 19 points.",
      "Buses run every day of the week.",
      "The convoy drove past 10 checkpoints.",
      "Floods were rare in past years.",
      "Troops left a few days ago.",
      "The meeting ended at 3:30 p.m.",
      "The COVID-19 ward reopened.",
      "She cited Psalm 19 in her remarks.",
  };
  for (const char* input : kInputs) {
    SCOPED_TRACE(input);
    const std::vector<TimeExpression> got = ExtractAll(input, kPublished);
    for (const TimeExpression& e : got) ADD_FAILURE() << "found " << e.text();
  }
}

TEST(TimeExtractorTest, UnicodeSpansPointIntoTheOriginal) {
  struct UnicodeCase {
    const char* input;
    const char* surface;
    const char* start;
    const char* end;
  };
  const UnicodeCase kCases[] = {
      // En dash.
      {"Talks ran October 11\u2013"
       "12 in Doha.",
       "October 11\u2013"
       "12",
       "2025-10-11", "2025-10-12"},
      // No-break space after the abbreviation.
      {"\u201cIt ended,\u201d he said of the Oct.\u00A0"
       "19 raid.",
       "Oct.\u00A0"
       "19",
       "2025-10-19", "2025-10-19"},
      // Thin space and a curly apostrophe before.
      {"Ni\u00f1os\u2019 school reopened on Oct.\u2009"
       "21, 2025.",
       "Oct.\u2009"
       "21, 2025",
       "2025-10-21", "2025-10-21"},
      // Full-width digits.
      {"It fell in \uFF12\uFF10\uFF12\uFF11.", "\uFF12\uFF10\uFF12\uFF11",
       "2021-01-01", "2021-12-31"},
      // Em dash around a weekday.
      {"The raid\u2014on Sunday\u2014killed nine.", "Sunday", "2025-10-26",
       "2025-10-26"},
  };
  for (const UnicodeCase& c : kCases) {
    SCOPED_TRACE(c.input);
    const std::vector<TimeExpression> got = ExtractAll(c.input, kPublished);
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(Surface(c.input, got[0]), c.surface);
    EXPECT_EQ(got[0].text(), Normalize(c.surface).text);
    EXPECT_EQ(got[0].start(), c.start);
    EXPECT_EQ(got[0].end(), c.end);
  }
}

TEST(TimeExtractorTest, SeveralInTextOrder) {
  const std::string input =
      "On Sunday, three days after the Oct. 23 raid, officials said the "
      "ceasefire of 2021 had collapsed last week.";
  const std::vector<TimeExpression> got = ExtractAll(input, kPublished);
  std::vector<std::string> surfaces;
  for (const TimeExpression& e : got) surfaces.push_back(Surface(input, e));
  EXPECT_EQ(surfaces,
            (std::vector<std::string>{"Sunday", "three days", "Oct. 23", "2021",
                                      "last week"}));
}

TEST(TimeExtractorTest, OnlyTheGivenSentence) {
  const std::string input = "It fell on Monday. Talks resume on Friday.";
  const NormalizedText norm = Normalize(input);
  const std::vector<SentenceRange> sentences = SplitSentences(norm.text);
  ASSERT_EQ(sentences.size(), 2u);
  const std::vector<TimeExpression> got =
      TimeExtractor().Extract(norm, sentences[1], kPublished);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(Surface(input, got[0]), "Friday");
  EXPECT_EQ(got[0].start(), "2025-10-24");
}

TEST(TimeExtractorTest, PublicationDayOnBoundaries) {
  // Published on a Sunday, on January 2 and on a leap day.
  EXPECT_EQ(
      ExtractAll("It fell on Sunday.", absl::CivilDay(2025, 10, 26))[0].start(),
      "2025-10-26");
  EXPECT_EQ(
      ExtractAll("It fell on Dec. 30.", absl::CivilDay(2026, 1, 2))[0].start(),
      "2025-12-30");
  EXPECT_EQ(
      ExtractAll("Polls open Jan. 5.", absl::CivilDay(2025, 12, 28))[0].start(),
      "2026-01-05");
  EXPECT_EQ(ExtractAll("It fell on Feb. 29.", absl::CivilDay(2025, 10, 29))[0]
                .start(),
            "2024-02-29");
  const std::vector<TimeExpression> last_month =
      ExtractAll("Prices rose last month.", absl::CivilDay(2025, 1, 15));
  EXPECT_EQ(last_month[0].start(), "2024-12-01");
  EXPECT_EQ(last_month[0].end(), "2024-12-31");
}

TEST(TimeExtractorTest, InvalidDatesAreNotDates) {
  EXPECT_TRUE(ExtractAll("Filed 2025-02-30 in court.", kPublished).empty());
  EXPECT_TRUE(ExtractAll("It was signed Feb. 30, 2025.", kPublished).empty());
}

TEST(ParsePublishedDayTest, Forms) {
  EXPECT_EQ(ParsePublishedDay("2025-10-29"), absl::CivilDay(2025, 10, 29));
  EXPECT_EQ(ParsePublishedDay("2025-10-29T08:15:00Z"),
            absl::CivilDay(2025, 10, 29));
  EXPECT_EQ(ParsePublishedDay(" 2024-02-29 "), absl::CivilDay(2024, 2, 29));
  EXPECT_EQ(ParsePublishedDay(""), absl::nullopt);
  EXPECT_EQ(ParsePublishedDay("2025-13-01"), absl::nullopt);
  EXPECT_EQ(ParsePublishedDay("2025-02-29"), absl::nullopt);
  EXPECT_EQ(ParsePublishedDay("29/10/2025"), absl::nullopt);
  EXPECT_EQ(ParsePublishedDay("2025-10-2"), absl::nullopt);
  EXPECT_EQ(ParsePublishedDay("2025-10-29x"), absl::nullopt);
}

}  // namespace
}  // namespace factdiff
