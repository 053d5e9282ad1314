#include "core/attribution/source_normalizer.h"

#include "gtest/gtest.h"

namespace factdiff {
namespace {

TEST(NormalizeSource, DemonymsPossessivesAndMilitaryWordsMeet) {
  EXPECT_EQ(NormalizeSource("Pakistan's military"), "pakistan military");
  EXPECT_EQ(NormalizeSource("the Pakistani army"), "pakistan military");
  EXPECT_EQ(NormalizeSource("Pakistani military"), "pakistan military");
  EXPECT_EQ(NormalizeSource("the Afghan armed forces"), "afghanistan military");
  EXPECT_EQ(NormalizeSource("U.S. troops"), "united states military");
  EXPECT_EQ(NormalizeSource("the North Korean military"),
            "north korea military");
}

TEST(NormalizeSource, CapitalsAndCountriesStandForGovernments) {
  EXPECT_EQ(NormalizeSource("Islamabad"), "pakistan government");
  EXPECT_EQ(NormalizeSource("Kabul"), "afghanistan government");
  EXPECT_EQ(NormalizeSource("Washington"), "united states government");
  EXPECT_EQ(NormalizeSource("Kyiv"), "ukraine government");
  EXPECT_EQ(NormalizeSource("the Kremlin"), "russia government");
  EXPECT_EQ(NormalizeSource("India"), "india government");
  EXPECT_EQ(NormalizeSource("the government of Pakistan"),
            "pakistan government");
  EXPECT_EQ(NormalizeSource("the Indian government"), "india government");
  // A given name that is also a country is left alone.
  EXPECT_EQ(NormalizeSource("Jordan"), "jordan");
}

TEST(NormalizeSource, SpokespeopleSpeakForTheirOrganization) {
  EXPECT_EQ(NormalizeSource("a spokesman for the Pakistani military"),
            "pakistan military");
  EXPECT_EQ(NormalizeSource("Taliban spokesman Ahmad Karimi"), "taliban");
  EXPECT_EQ(NormalizeSource("the ministry's spokeswoman"), "ministry");
  EXPECT_EQ(NormalizeSource("Ahmad Karimi, a spokesman for the Interior "
                            "Ministry"),
            "interior ministry");
  EXPECT_EQ(NormalizeSource("a senior spokesman"), "spokesman");
}

TEST(NormalizeSource, TitlesAppositivesAndRelativeClausesGo) {
  EXPECT_EQ(NormalizeSource("Prime Minister Jane Doe"), "jane doe");
  EXPECT_EQ(NormalizeSource("House Speaker Paul D. Ryan (R-Wis.)"),
            "paul d. ryan");
  EXPECT_EQ(NormalizeSource("Gen. Omar Farouk"), "omar farouk");
  EXPECT_EQ(NormalizeSource("a security official who spoke on condition of "
                            "anonymity"),
            "security official");
  EXPECT_EQ(NormalizeSource("Jane Doe, a hydrologist at the university"),
            "jane doe");
  EXPECT_EQ(NormalizeSource("officials"), "official");
  EXPECT_EQ(NormalizeSource("the foreign minister"), "foreign minister");
  EXPECT_EQ(NormalizeSource(""), "");
  EXPECT_EQ(NormalizeSource(" , "), "");
}

TEST(FindAcronyms, ParenthesizedExpansionAndAppositiveDescription) {
  const AcronymMap parens = FindAcronyms(
      "The Inter-Services Public Relations (ISPR) said on Sunday that the "
      "border was calm. The ISPR added that patrols continue.");
  ASSERT_TRUE(parens.contains("ISPR"));
  EXPECT_EQ(parens.at("ISPR"), "inter-services public relations");
  EXPECT_EQ(NormalizeSource("The ISPR", &parens),
            "inter-services public relations");

  const AcronymMap apposition = FindAcronyms(
      "The statement came from the NDMA, the national disaster agency, on "
      "Monday.");
  ASSERT_TRUE(apposition.contains("NDMA"));
  EXPECT_EQ(apposition.at("NDMA"), "national disaster agency");

  // Letters that are not the initials define nothing.
  EXPECT_FALSE(FindAcronyms("World Health Organization (XYZ) said").contains(
      "XYZ"));
}

}  // namespace
}  // namespace factdiff
