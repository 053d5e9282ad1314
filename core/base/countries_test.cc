#include "core/base/countries.h"

#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"

namespace factdiff {
namespace {

TEST(CountryOfName, NamesOtherNamesDemonymsAndPlurals) {
  EXPECT_EQ(CountryOfName("Pakistani"), "pakistan");
  EXPECT_EQ(CountryOfName("pakistan"), "pakistan");
  EXPECT_EQ(CountryOfName("PAKISTAN"), "pakistan");  // a headline
  EXPECT_EQ(CountryOfName("Afghan"), "afghanistan");
  EXPECT_EQ(CountryOfName("Afghans"), "afghanistan");
  EXPECT_EQ(CountryOfName("South Korean"), "south korea");
  EXPECT_EQ(CountryOfName("Burma"), "myanmar");
  EXPECT_EQ(CountryOfName("Britain"), "united kingdom");
  EXPECT_EQ(CountryOfName("Côte d'Ivoire"), "ivory coast");
  EXPECT_EQ(CountryOfName("Nigerien"), "niger");
  EXPECT_EQ(CountryOfName("Nigerian"), "nigeria");
  EXPECT_EQ(CountryOfName("Dominican"), "dominican republic");
  EXPECT_EQ(CountryOfName("Saint Vincent and the Grenadines"),
            "saint vincent and the grenadines");
}

TEST(CountryOfName, AbbreviationsOnlyAsWritten) {
  EXPECT_EQ(CountryOfName("U.S."), "united states");
  EXPECT_EQ(CountryOfName("US"), "united states");
  EXPECT_EQ(CountryOfName("UK"), "united kingdom");
  EXPECT_EQ(CountryOfName("DRC"), "democratic republic of the congo");
  EXPECT_EQ(CountryOfName("us"), "");
  EXPECT_EQ(CountryOfName("Us"), "");
  EXPECT_EQ(CountryOfName("u.s."), "");
  EXPECT_EQ(CountryOfName("png"), "");
  EXPECT_EQ(CountryOfName("DR Congo"), "democratic republic of the congo");
  EXPECT_EQ(CountryOfName("dr congo"), "democratic republic of the congo");
}

TEST(CountryOfName, NotNames) {
  EXPECT_EQ(CountryOfName(""), "");
  EXPECT_EQ(CountryOfName("Kabul"), "");   // a capital, not a name
  EXPECT_EQ(CountryOfName("Korean"), "");  // ambiguous
  EXPECT_EQ(CountryOfName("Taliban"), "");
  EXPECT_EQ(CountryOfName("car"), "");
  EXPECT_EQ(CountryOfName("pakistan army"), "");
  EXPECT_EQ(CountryOfName(" pakistan"), "");
}

TEST(CountryOfCapital, SeatsOfGovernment) {
  EXPECT_EQ(CountryOfCapital("Kabul"), "afghanistan");
  EXPECT_EQ(CountryOfCapital("islamabad"), "pakistan");
  EXPECT_EQ(CountryOfCapital("Kremlin"), "russia");
  EXPECT_EQ(CountryOfCapital("White House"), "united states");
  EXPECT_EQ(CountryOfCapital("Yaoundé"), "cameroon");
  EXPECT_EQ(CountryOfCapital("Pakistan"), "");
  EXPECT_EQ(CountryOfCapital("Sofia"), "");  // a given name first
  EXPECT_EQ(CountryOfCapital(""), "");
}

TEST(KindOfCountryName, Kinds) {
  EXPECT_EQ(KindOfCountryName("Pakistan"), CountryNameKind::kName);
  EXPECT_EQ(KindOfCountryName("U.S."), CountryNameKind::kName);
  EXPECT_EQ(KindOfCountryName("Holland"), CountryNameKind::kName);
  EXPECT_EQ(KindOfCountryName("Pakistani"), CountryNameKind::kDemonym);
  EXPECT_EQ(KindOfCountryName("Dane"), CountryNameKind::kDemonym);
  EXPECT_EQ(KindOfCountryName("Pakistanis"), CountryNameKind::kPlural);
  EXPECT_EQ(KindOfCountryName("Kabul"), CountryNameKind::kNone);
}

TEST(IsCountryDemonym, DemonymsAndPluralsOnly) {
  EXPECT_TRUE(IsCountryDemonym("Pakistani"));
  EXPECT_TRUE(IsCountryDemonym("South Sudanese"));
  EXPECT_TRUE(IsCountryDemonym("Afghans"));
  EXPECT_FALSE(IsCountryDemonym("Pakistan"));
  EXPECT_FALSE(IsCountryDemonym("U.S."));
  EXPECT_FALSE(IsCountryDemonym("Taliban"));
}

// Each entry is lower case or an abbreviation with no lower-case letter, no
// entry belongs to two rows, and each canonical name names its own row.
TEST(CountryRows, WellFormed) {
  absl::flat_hash_map<std::string, std::string> owner;
  std::string previous;
  for (const CountryRow& row : CountryRows()) {
    EXPECT_LT(previous, row.country) << "rows sorted by country";
    previous = row.country;
    EXPECT_EQ(CountryOfName(row.country), row.country);
    EXPECT_EQ(KindOfCountryName(row.country), CountryNameKind::kName);
    const char* const columns[] = {row.country, row.names, row.demonyms,
                                   row.plurals, row.capitals};
    for (int c = 0; c < 5; ++c) {
      for (absl::string_view e :
           absl::StrSplit(columns[c], '|', absl::SkipEmpty())) {
        const std::string lower = absl::AsciiStrToLower(e);
        const std::string upper = absl::AsciiStrToUpper(e);
        EXPECT_TRUE(e == lower || e == upper) << e;
        EXPECT_EQ(e.find("  "), absl::string_view::npos) << e;
        EXPECT_FALSE(absl::ascii_isspace(e.front()) ||
                     absl::ascii_isspace(e.back()))
            << e;
        if (c == 4) {  // capitals
          EXPECT_EQ(CountryOfCapital(e), row.country) << e;
          continue;
        }
        auto [it, inserted] = owner.emplace(std::string(e), row.country);
        EXPECT_TRUE(inserted)
            << e << " in " << it->second << " and " << row.country;
      }
    }
  }
  EXPECT_GE(CountryRows().size(), 195u);
}

}  // namespace
}  // namespace factdiff
