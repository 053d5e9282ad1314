// Unit conversion between the normalized unit names QuantityExtractor
// writes to Quantity.unit ("km", "mile", "kg", "lb", "degC", ...), and a
// check that two figures state the same measurement, e.g. a figure and its
// parenthesised conversion: "a 2,600-kilometer (1,600 miles) border".
//
//   absl::optional<double> miles = ConvertUnit(2600, "km", "mile");  // 1615.5
//   bool same = SameMeasurement(km_quantity, mile_quantity);         // true
//
// Currencies are never converted into one another (exchange rates change
// from day to day; an article's "$5 (£4)" is not checked), and neither are
// compound units ("USD/day") other than identical ones.
#ifndef FACTDIFF_CORE_QUANTITY_UNITS_H_
#define FACTDIFF_CORE_QUANTITY_UNITS_H_

#include "absl/strings/string_view.h"
#include "absl/types/optional.h"
#include "proto/extraction.pb.h"

namespace factdiff {

// `value` in unit `from` expressed in unit `to`. Identical units (the empty
// unit of plain counts included) return `value`. nullopt when either unit is
// unknown, when they measure different things (km and kg), or when either is
// a currency and they differ. Temperatures convert with their offset (degC,
// degF). Pure function; thread-safe.
absl::optional<double> ConvertUnit(double value, absl::string_view from,
                                   absl::string_view to);

// True when `a` and `b` can be the same measurement written in two units:
// ConvertUnit(a.value, a.unit, b.unit) is within `tolerance` (relative) of
// b.value, plus half the rounding step b.value was written with (60 allows
// +-5, 14.5 allows +-0.05), since conversions in news are rounded ("100
// kilometres (60 miles)"). False when the units do not convert.
bool SameMeasurement(const v1::Quantity& a, const v1::Quantity& b,
                     double tolerance = 0.03);

}  // namespace factdiff

#endif  // FACTDIFF_CORE_QUANTITY_UNITS_H_
