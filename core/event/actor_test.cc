#include "core/event/actor.h"

#include "gtest/gtest.h"

namespace factdiff {
namespace {

TEST(CountryOf, NamesShortFormsAndDemonyms) {
  EXPECT_EQ(CountryOf("Pakistani"), "pakistan");
  EXPECT_EQ(CountryOf("Afghan"), "afghanistan");
  EXPECT_EQ(CountryOf("afghans"), "afghanistan");
  EXPECT_EQ(CountryOf("South Korean"), "south korea");
  EXPECT_EQ(CountryOf("Dutch"), "netherlands");
  EXPECT_EQ(CountryOf("Britain"), "united kingdom");
  EXPECT_EQ(CountryOf("U.S."), "united states");
  EXPECT_EQ(CountryOf("Côte d'Ivoire"), "ivory coast");
  EXPECT_EQ(CountryOf("Nigerien"), "niger");
  EXPECT_EQ(CountryOf("Nigerian"), "nigeria");
}

TEST(CountryOf, AbbreviationsOnlyAsWritten) {
  EXPECT_EQ(CountryOf("US"), "united states");
  EXPECT_EQ(CountryOf("us"), "");
  EXPECT_EQ(CountryOf("car"), "");
  EXPECT_EQ(CountryOf("Kabul"), "");
  EXPECT_EQ(CountryOf(""), "");
}

TEST(IsDemonym, DemonymsOnly) {
  EXPECT_TRUE(IsDemonym("Pakistani"));
  EXPECT_TRUE(IsDemonym("South Sudanese"));
  EXPECT_FALSE(IsDemonym("Pakistan"));
  EXPECT_FALSE(IsDemonym("Taliban"));
}

TEST(NormalizeActor, StateActorsBecomeTheirCountry) {
  EXPECT_EQ(NormalizeActor("Pakistani"), "pakistan");
  EXPECT_EQ(NormalizeActor("Pakistani forces"), "pakistan");
  EXPECT_EQ(NormalizeActor("Pakistan's military"), "pakistan");
  EXPECT_EQ(NormalizeActor("the Afghan government"), "afghanistan");
  EXPECT_EQ(NormalizeActor("Indian\xE2\x80\x99s army"), "india");
  EXPECT_EQ(NormalizeActor("U.S. warplanes"), "united states");
}

TEST(NormalizeActor, GroupsKeepTheirName) {
  EXPECT_EQ(NormalizeActor("Taliban fighters"), "taliban");
  EXPECT_EQ(NormalizeActor("the Pakistani Taliban"), "pakistani taliban");
  EXPECT_EQ(NormalizeActor("security forces"), "security forces");
  EXPECT_EQ(NormalizeActor("unidentified gunmen"), "unidentified gunmen");
  EXPECT_EQ(NormalizeActor(""), "");
  EXPECT_EQ(NormalizeActor("the"), "");
}

}  // namespace
}  // namespace factdiff
