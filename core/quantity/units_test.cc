#include "core/quantity/units.h"

#include <string>
#include <vector>

#include "core/quantity/quantity_extractor.h"
#include "core/text/normalize.h"
#include "core/text/segment.h"
#include "gtest/gtest.h"
#include "proto/extraction.pb.h"

namespace factdiff {
namespace {

using v1::Quantity;

struct Conversion {
  double value;
  const char* from;
  const char* to;
  double expected;
};

class TypicalConversions : public ::testing::TestWithParam<Conversion> {};

TEST_P(TypicalConversions, Converts) {
  const Conversion& c = GetParam();
  const absl::optional<double> got = ConvertUnit(c.value, c.from, c.to);
  ASSERT_TRUE(got.has_value()) << c.from << " -> " << c.to;
  EXPECT_NEAR(*got, c.expected, 1e-6 * std::max(1.0, c.expected));
}

INSTANTIATE_TEST_SUITE_P(
    Units, TypicalConversions,
    ::testing::Values(Conversion{1, "mile", "km", 1.609344},
                      Conversion{2600, "km", "mile", 1615.565100},
                      Conversion{1, "kg", "lb", 2.20462262},
                      Conversion{100, "lb", "kg", 45.359237},
                      Conversion{1, "tonne", "kg", 1000},
                      Conversion{100, "degC", "degF", 212},
                      Conversion{-40, "degF", "degC", -40},
                      Conversion{60, "mph", "km/h", 96.56064},
                      Conversion{2, "week", "day", 14},
                      Conversion{1, "hectare", "acre", 2.47105381},
                      Conversion{5, "", "", 5},
                      Conversion{5, "USD", "USD", 5}));

TEST(ConvertUnitTest, KeepsApartWhatDoesNotConvert) {
  EXPECT_FALSE(ConvertUnit(1, "km", "kg").has_value());
  EXPECT_FALSE(ConvertUnit(1, "USD", "EUR").has_value());
  EXPECT_FALSE(ConvertUnit(1, "GBP", "lb").has_value());
  EXPECT_FALSE(ConvertUnit(1, "", "km").has_value());
  EXPECT_FALSE(ConvertUnit(1, "parsec", "km").has_value());
  EXPECT_FALSE(ConvertUnit(1, "USD/day", "USD").has_value());
}

std::vector<Quantity> ExtractAll(const std::string& text) {
  QuantityExtractor extractor;
  const NormalizedText norm = Normalize(text);
  std::vector<Quantity> out;
  for (const SentenceRange& s : SplitSentences(norm.text)) {
    for (Quantity& q : extractor.Extract(norm, s)) out.push_back(q);
  }
  return out;
}

// A figure and its parenthesised conversion, read by the extractor: the
// pair agrees when the conversion is right (within rounding) and not when
// it is wrong.
struct Pair {
  const char* sentence;
  bool agree;
};

class ParenthesisedConversions : public ::testing::TestWithParam<Pair> {};

TEST_P(ParenthesisedConversions, AgreeOnlyWhenRight) {
  const Pair& p = GetParam();
  const std::vector<Quantity> qs = ExtractAll(p.sentence);
  ASSERT_EQ(qs.size(), 2u) << p.sentence;
  EXPECT_EQ(SameMeasurement(qs[0], qs[1]), p.agree) << p.sentence;
}

INSTANTIATE_TEST_SUITE_P(
    Units, ParenthesisedConversions,
    ::testing::Values(
        Pair{"The countries share a 2,600-kilometer (1,600 miles) border.",
             true},
        Pair{"The countries share a 2,600-kilometer (2,600 miles) border.",
             false},
        Pair{"The cyclists rode 100 kilometres (60 miles) that day.", true},
        Pair{"The calf weighed 40 kg (88 lb) at birth.", true},
        Pair{"The calf weighed 40 kg (40 lb) at birth.", false},
        Pair{"The wreck lay 47 feet (14 metres) down.", true},
        Pair{"It was 30 degrees Celsius (86 degrees Fahrenheit) at noon.",
             true},
        // Currencies are never converted.
        Pair{"The fine was $5 million (\xC2\xA3" "4 million).", false}));

TEST(SameMeasurementTest, BoundCarriesToTheConversion) {
  const std::vector<Quantity> qs =
      ExtractAll("The moths can fly more than 100 km (62 miles) a night.");
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_EQ(qs[0].bound(), Quantity::MORE_THAN);
  EXPECT_EQ(qs[1].bound(), Quantity::MORE_THAN);
  EXPECT_EQ(qs[1].unit(), "mile");
  // A wrong conversion does not inherit the bound.
  const std::vector<Quantity> wrong =
      ExtractAll("The moths can fly more than 100 km (10 miles) a night.");
  ASSERT_EQ(wrong.size(), 2u);
  EXPECT_EQ(wrong[1].bound(), Quantity::EXACT);
}

}  // namespace
}  // namespace factdiff
