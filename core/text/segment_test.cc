#include "core/text/segment.h"

#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "core/text/normalize.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace factdiff {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// The sentences of `text`, checking the SentenceRange invariants on the way.
std::vector<std::string> Sentences(absl::string_view text) {
  std::vector<std::string> out;
  uint32_t previous_end = 0;
  for (const SentenceRange& s : SplitSentences(text)) {
    EXPECT_LT(s.begin, s.end);
    EXPECT_LE(previous_end, s.begin);
    EXPECT_LE(s.end, text.size());
    const absl::string_view sentence = text.substr(s.begin, s.end - s.begin);
    EXPECT_NE(sentence.front(), ' ');
    EXPECT_NE(sentence.front(), '\n');
    EXPECT_NE(sentence.back(), ' ');
    EXPECT_NE(sentence.back(), '\n');
    out.emplace_back(sentence);
    previous_end = s.end;
  }
  return out;
}

// The sentences of the normalized form of `original`.
std::vector<std::string> NormalizedSentences(absl::string_view original) {
  return Sentences(Normalize(original).text);
}

TEST(SplitSentencesTest, EmptyAndWhitespace) {
  EXPECT_THAT(Sentences(""), IsEmpty());
  EXPECT_THAT(Sentences(" "), IsEmpty());
  EXPECT_THAT(Sentences(" \n\n \t\n "), IsEmpty());
}

TEST(SplitSentencesTest, PlainSentences) {
  EXPECT_THAT(
      Sentences("The dam burst overnight. Water reached the town by noon! "
                "Was anyone warned?"),
      ElementsAre("The dam burst overnight.", "Water reached the town by noon!",
                  "Was anyone warned?"));
}

TEST(SplitSentencesTest, NoFinalPunctuation) {
  EXPECT_THAT(Sentences("Voters queued for hours. Turnout was high"),
              ElementsAre("Voters queued for hours.", "Turnout was high"));
  EXPECT_THAT(Sentences("  a single fragment  "),
              ElementsAre("a single fragment"));
}

TEST(SplitSentencesTest, Titles) {
  EXPECT_THAT(
      Sentences("Mr. Okafor and Dr. Lin met Gen. Ruiz. Lt. Col. Haddad and "
                "Maj. Brandt joined Capt. Osei and Sgt. Nowak. Gov. Reyes, "
                "Sen. Marsh, Rep. Tull and Rev. Amadi spoke. Prof. Kim and "
                "Mrs. Kim and Ms. Park left."),
      ElementsAre("Mr. Okafor and Dr. Lin met Gen. Ruiz.",
                  "Lt. Col. Haddad and Maj. Brandt joined Capt. Osei and "
                  "Sgt. Nowak.",
                  "Gov. Reyes, Sen. Marsh, Rep. Tull and Rev. Amadi spoke.",
                  "Prof. Kim and Mrs. Kim and Ms. Park left."));
}

TEST(SplitSentencesTest, TitleAfterAClosingQuote) {
  EXPECT_THAT(NormalizedSentences("\u201cWe will not back this deal,\u201d Rep. "
                                  "Ann Lee of Ohio said. Then she left."),
              ElementsAre("\"We will not back this deal,\" Rep. Ann Lee of Ohio "
                          "said.",
                          "Then she left."));
}

TEST(SplitSentencesTest, SentenceStartingWithAFigure) {
  EXPECT_THAT(Sentences("About 900 marched, by the police estimate. 6 people "
                        "were detained. Ask for No. 6 today."),
              ElementsAre("About 900 marched, by the police estimate.",
                          "6 people were detained.", "Ask for No. 6 today."));
}

TEST(SplitSentencesTest, SuffixesAndSaints) {
  EXPECT_THAT(
      Sentences("Pres. Alvarez thanked Tom Reed Jr. and Ann Reed Sr. for "
                "coming. The march went up St. Mark's Avenue."),
      ElementsAre("Pres. Alvarez thanked Tom Reed Jr. and Ann Reed Sr. for "
                  "coming.",
                  "The march went up St. Mark's Avenue."));
}

TEST(SplitSentencesTest, MonthsBeforeDays) {
  EXPECT_THAT(
      Sentences("Fighting resumed on Oct. 19 and again on Nov. 3. Talks "
                "began Sept. 2, after a lull in Aug. The ceasefire held."),
      ElementsAre("Fighting resumed on Oct. 19 and again on Nov. 3.",
                  "Talks began Sept. 2, after a lull in Aug.",
                  "The ceasefire held."));
  EXPECT_THAT(Sentences("The deadline is Jan. 31 for all parties."),
              ElementsAre("The deadline is Jan. 31 for all parties."));
}

TEST(SplitSentencesTest, NumberAbbreviations) {
  EXPECT_THAT(
      Sentences("The ship berthed at No. 4 pier. The court cited Art. 12 of "
                "the charter. The answer was no. Everyone left."),
      ElementsAre("The ship berthed at No. 4 pier.",
                  "The court cited Art. 12 of the charter.",
                  "The answer was no.", "Everyone left."));
}

TEST(SplitSentencesTest, Initialisms) {
  EXPECT_THAT(
      Sentences("Sanctions imposed by the U.S. The talks stalled."),
      ElementsAre("Sanctions imposed by the U.S.", "The talks stalled."));
  EXPECT_THAT(Sentences("A spokesman for the U.S. Army said two were hurt."),
              ElementsAre("A spokesman for the U.S. Army said two were hurt."));
  EXPECT_THAT(Sentences("The U.N. envoy and T.T.P. commanders met. The T.T.P. "
                        "rejected the offer."),
              ElementsAre("The U.N. envoy and T.T.P. commanders met.",
                          "The T.T.P. rejected the offer."));
  EXPECT_THAT(
      Sentences("The blast came at 4 a.m. It was followed by another at 6 "
                "p.m. local time."),
      ElementsAre("The blast came at 4 a.m.",
                  "It was followed by another at 6 p.m. local time."));
  EXPECT_THAT(Sentences("Talks in Washington, D.C. on Monday ended early."),
              ElementsAre("Talks in Washington, D.C. on Monday ended early."));
  EXPECT_THAT(Sentences("John F. Kerrigan said so. She agreed."),
              ElementsAre("John F. Kerrigan said so.", "She agreed."));
}

TEST(SplitSentencesTest, CompanySuffixes) {
  EXPECT_THAT(
      Sentences("Shares of Northwind Inc. fell 4%. Acme Corp. and Zenit Ltd. "
                "rose. Profits at Delta Co. doubled. They beat forecasts. "
                "The deal was struck with Orion Inc. Its rivals objected."),
      ElementsAre("Shares of Northwind Inc. fell 4%.",
                  "Acme Corp. and Zenit Ltd. rose.",
                  "Profits at Delta Co. doubled.", "They beat forecasts.",
                  "The deal was struck with Orion Inc.",
                  "Its rivals objected."));
}

TEST(SplitSentencesTest, OthersAbbreviations) {
  EXPECT_THAT(Sentences("Tents, blankets, etc. were sent. Rivera vs. Cole was "
                        "postponed. Food, water, etc. The rest came later."),
              ElementsAre("Tents, blankets, etc. were sent.",
                          "Rivera vs. Cole was postponed.", "Food, water, etc.",
                          "The rest came later."));
}

TEST(SplitSentencesTest, DecimalNumbers) {
  EXPECT_THAT(
      Sentences("Output fell 1.5 percent to 2.75 million barrels. Prices "
                "rose 0.4. Analysts were surprised."),
      ElementsAre("Output fell 1.5 percent to 2.75 million barrels.",
                  "Prices rose 0.4.", "Analysts were surprised."));
}

TEST(SplitSentencesTest, ClosingQuotesStayWithTheirSentence) {
  // Curly quotes become straight ones in the normalized text.
  EXPECT_THAT(
      NormalizedSentences("\xE2\x80\x9CWe will not leave.\xE2\x80\x9D The "
                          "crowd cheered. She said: \xE2\x80\x98"
                          "Enough.\xE2\x80\x99 "
                          "Then she left."),
      ElementsAre("\"We will not leave.\"", "The crowd cheered.",
                  "She said: 'Enough.'", "Then she left."));
  EXPECT_THAT(NormalizedSentences(
                  "\xE2\x80\x9CWhere is my brother?\xE2\x80\x9D she "
                  "asked. \xE2\x80\x9CGo!\xE2\x80\x9D shouted a guard."),
              ElementsAre("\"Where is my brother?\" she asked.",
                          "\"Go!\" shouted a guard."));
}

TEST(SplitSentencesTest, NormalizedUnicodeInside) {
  EXPECT_THAT(NormalizedSentences("About 6\xC2\xA0"
                                  "000 people\xE2\x80\x94mostly "
                                  "farmers\xE2\x80\x94"
                                  "fled. Aid arrived on "
                                  "Oct.\xC2\xA0"
                                  "21."),
              ElementsAre("About 6 000 people - mostly farmers - fled.",
                          "Aid arrived on Oct. 21."));
}

TEST(SplitSentencesTest, BlankLinesAlwaysBreak) {
  EXPECT_THAT(Sentences("First part without a stop\n\nSecond part\n \n\nThird"),
              ElementsAre("First part without a stop", "Second part", "Third"));
}

TEST(SplitSentencesTest, HardWrappedParagraphIsRunningText) {
  EXPECT_THAT(
      Sentences("Rescue teams worked through the night to reach families\n"
                "trapped under the rubble of two apartment blocks, and by\n"
                "dawn they had pulled 14 people out alive. Officials said the\n"
                "search would go on.\n"),
      ElementsAre("Rescue teams worked through the night to reach families\n"
                  "trapped under the rubble of two apartment blocks, and by\n"
                  "dawn they had pulled 14 people out alive.",
                  "Officials said the\nsearch would go on."));
}

TEST(SplitSentencesTest, WrappedLineBeforeCapitalizedName) {
  // The first line ends in a function word: not a heading.
  EXPECT_THAT(Sentences("The minister met his counterpart from\nNorway on "
                        "Friday."),
              ElementsAre("The minister met his counterpart from\nNorway on "
                          "Friday."));
  // Mid-paragraph lines are never headings.
  EXPECT_THAT(Sentences("Talks went on for a long time, officials in the two "
                        "capitals said,\nwhile Foreign Minister\nLena Ortiz "
                        "waited."),
              ElementsAre("Talks went on for a long time, officials in the "
                          "two capitals said,\nwhile Foreign Minister\nLena "
                          "Ortiz waited."));
}

TEST(SplitSentencesTest, WrappedAtSixtyColumns) {
  // The first line of the second paragraph is short enough for a heading and
  // is followed by a capitalized name, but it is as long as the text's other
  // wrapped lines and the next word would not have fit.
  const std::string text =
      "River floods displace thousands\n"
      "Heavy rain forced the evacuation of several riverside\n"
      "districts on Sunday, and engineers from the national water\n"
      "agency said the levees near Portmane would be inspected\n"
      "again before dawn.\n"
      "\n"
      "More than forty boats and rescue crews were sent by Governor\n"
      "Amara Diallo shortly after midnight, when residents had\n"
      "climbed onto roofs to escape the water.\n";
  EXPECT_THAT(
      Sentences(text),
      ElementsAre("River floods displace thousands",
                  "Heavy rain forced the evacuation of several riverside\n"
                  "districts on Sunday, and engineers from the national water\n"
                  "agency said the levees near Portmane would be inspected\n"
                  "again before dawn.",
                  "More than forty boats and rescue crews were sent by "
                  "Governor\nAmara Diallo shortly after midnight, when "
                  "residents had\nclimbed onto roofs to escape the water."));
}

TEST(SplitSentencesTest, OneParagraphPerLine) {
  EXPECT_THAT(Sentences("The vote was delayed.\nThe count starts today.\n"),
              ElementsAre("The vote was delayed.", "The count starts today."));
}

TEST(SplitSentencesTest, HeadingsAndBylines) {
  EXPECT_THAT(
      Sentences("Flood waters recede in river valley\nBy Maria Gonzalez\n"
                "Residents returned home on Tuesday. Damage was heavy."),
      ElementsAre("Flood waters recede in river valley", "By Maria Gonzalez",
                  "Residents returned home on Tuesday.", "Damage was heavy."));
  EXPECT_THAT(Sentences("# Strike ends\nWorkers returned on Monday."),
              ElementsAre("# Strike ends", "Workers returned on Monday."));
  // A subheading after a finished paragraph.
  EXPECT_THAT(
      Sentences("The port reopened.\nWhat comes next\nTrade should recover."),
      ElementsAre("The port reopened.", "What comes next",
                  "Trade should recover."));
}

TEST(SplitSentencesTest, LongLineIsNotAHeading) {
  const std::string text =
      "Thousands of protesters marched through the capital for a third "
      "straight day demanding\nReforms were promised.";
  EXPECT_THAT(Sentences(text),
              ElementsAre("Thousands of protesters marched through the capital "
                          "for a third straight day demanding\nReforms were "
                          "promised."));
}

TEST(SplitSentencesTest, CrLfInputAfterNormalize) {
  EXPECT_THAT(NormalizedSentences("Headline here\r\n\r\nBody text. More.\r\n"),
              ElementsAre("Headline here", "Body text.", "More."));
}

TEST(SplitSentencesTest, RangesCoverTextInOrder) {
  const std::string text =
      "Mr. Abe arrived.\n\nHe said: \"We are ready.\" Then he left for the "
      "U.S. The visit lasted 2.5 days.";
  const std::vector<SentenceRange> ranges = SplitSentences(text);
  ASSERT_EQ(ranges.size(), 4u);
  // Everything between sentences is whitespace.
  size_t pos = 0;
  for (const SentenceRange& r : ranges) {
    for (size_t i = pos; i < r.begin; ++i) {
      EXPECT_TRUE(text[i] == ' ' || text[i] == '\n') << i;
    }
    pos = r.end;
  }
  EXPECT_EQ(pos, text.size());
}

// Random mixes of the pieces the splitter cares about keep the range
// invariants (checked in Sentences()), and no range is lost: every
// non-space byte of the text is inside a sentence.
TEST(SplitSentencesTest, RandomMixesKeepInvariants) {
  const char* const pieces[] = {
      "word", "Word", " ",    "  ",  "\n",   "\n\n", ".",   "?",  "!",
      "\"",   "'",    "U.S.", "Mr.", "Oct.", "No.",  "1.5", "19", "The",
      "a.m.", "Inc.", "etc.", ")",   "(",    "-",    ":",   "#",  "\xC3\xA9",
  };
  std::mt19937 rng(11);
  std::uniform_int_distribution<int> pick(0, std::size(pieces) - 1);
  std::uniform_int_distribution<int> length(0, 40);
  for (int iter = 0; iter < 3000; ++iter) {
    std::string text;
    const int n = length(rng);
    for (int k = 0; k < n; ++k) text += pieces[pick(rng)];
    std::vector<bool> covered(text.size(), false);
    for (const SentenceRange& r : SplitSentences(text)) {
      ASSERT_LT(r.begin, r.end) << text;
      ASSERT_LE(r.end, text.size()) << text;
      for (uint32_t i = r.begin; i < r.end; ++i) covered[i] = true;
    }
    Sentences(text);
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] != ' ' && text[i] != '\n') {
        ASSERT_TRUE(covered[i]) << "byte " << i << " of \"" << text << "\"";
      }
    }
    if (HasFailure()) break;
  }
}

}  // namespace
}  // namespace factdiff
