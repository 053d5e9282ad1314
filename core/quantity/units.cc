#include "core/quantity/units.h"

#include <cmath>
#include <cstdio>
#include <cstring>

namespace factdiff {
namespace {

enum class Dimension { kLength, kArea, kMass, kVolume, kSpeed, kPower,
                       kEnergy, kDuration, kPressure };

struct UnitFactor {
  const char* unit;
  Dimension dimension;
  double to_base;  // multiply to get the base unit of the dimension
};

// Base units: metre, square metre, kilogram, litre, metre per second, watt,
// kilowatt hour, second, pascal. Temperatures are handled apart (offsets).
constexpr UnitFactor kUnits[] = {
    {"km", Dimension::kLength, 1000},
    {"metre", Dimension::kLength, 1},
    {"cm", Dimension::kLength, 0.01},
    {"mm", Dimension::kLength, 0.001},
    {"nm", Dimension::kLength, 1e-9},
    {"mile", Dimension::kLength, 1609.344},
    {"nautical mile", Dimension::kLength, 1852},
    {"yard", Dimension::kLength, 0.9144},
    {"foot", Dimension::kLength, 0.3048},
    {"inch", Dimension::kLength, 0.0254},
    {"km2", Dimension::kArea, 1e6},
    {"m2", Dimension::kArea, 1},
    {"hectare", Dimension::kArea, 1e4},
    {"acre", Dimension::kArea, 4046.8564224},
    {"square mile", Dimension::kArea, 2589988.110336},
    {"square foot", Dimension::kArea, 0.09290304},
    {"kg", Dimension::kMass, 1},
    {"g", Dimension::kMass, 0.001},
    {"mg", Dimension::kMass, 1e-6},
    {"tonne", Dimension::kMass, 1000},
    {"megatonne", Dimension::kMass, 1e9},
    {"gigatonne", Dimension::kMass, 1e12},
    {"lb", Dimension::kMass, 0.45359237},
    {"ounce", Dimension::kMass, 0.028349523125},
    {"litre", Dimension::kVolume, 1},
    {"ml", Dimension::kVolume, 0.001},
    {"gallon", Dimension::kVolume, 3.785411784},
    {"barrel", Dimension::kVolume, 158.987294928},
    {"km/h", Dimension::kSpeed, 1 / 3.6},
    {"mph", Dimension::kSpeed, 0.44704},
    {"knot", Dimension::kSpeed, 1852.0 / 3600},
    {"W", Dimension::kPower, 1},
    {"kW", Dimension::kPower, 1e3},
    {"MW", Dimension::kPower, 1e6},
    {"GW", Dimension::kPower, 1e9},
    {"hp", Dimension::kPower, 745.69987158},
    {"PS", Dimension::kPower, 735.49875},  // metric horsepower
    {"kPa", Dimension::kPressure, 1e3},
    {"MPa", Dimension::kPressure, 1e6},
    {"GPa", Dimension::kPressure, 1e9},
    {"psi", Dimension::kPressure, 6894.757293168},
    {"ksi", Dimension::kPressure, 6894757.293168},
    {"kWh", Dimension::kEnergy, 1},
    {"MWh", Dimension::kEnergy, 1e3},
    {"GWh", Dimension::kEnergy, 1e6},
    {"second", Dimension::kDuration, 1},
    {"minute", Dimension::kDuration, 60},
    {"hour", Dimension::kDuration, 3600},
    {"day", Dimension::kDuration, 86400},
    {"week", Dimension::kDuration, 604800},
    {"month", Dimension::kDuration, 2629746},  // 1/12 of a mean year
    {"year", Dimension::kDuration, 31556952},
    {"decade", Dimension::kDuration, 315569520},
    {"century", Dimension::kDuration, 3155695200},
};

const UnitFactor* Find(absl::string_view unit) {
  for (const UnitFactor& u : kUnits) {
    if (unit == u.unit) return &u;
  }
  return nullptr;
}

// Half the step of the last written digit: 1600 -> 50, 60 -> 5, 3 -> 0.5,
// 14.5 -> 0.05.
double HalfStep(double v) {
  v = std::fabs(v);
  if (v == 0 || !std::isfinite(v)) return 0.5;
  if (std::floor(v) == v && v < 1e15) {
    double step = 1;
    while (std::fmod(v, step * 10) == 0) step *= 10;
    return step / 2;
  }
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.6g", v);
  const char* dot = std::strchr(buf, '.');
  if (dot == nullptr || std::strchr(buf, 'e') != nullptr) return v * 0.005;
  const int decimals = static_cast<int>(std::strlen(dot + 1));
  return 0.5 * std::pow(10.0, -decimals);
}

}  // namespace

absl::optional<double> ConvertUnit(double value, absl::string_view from,
                                   absl::string_view to) {
  if (from == to) return value;
  const bool from_c = from == "degC", from_f = from == "degF";
  const bool to_c = to == "degC", to_f = to == "degF";
  if ((from_c || from_f) && (to_c || to_f)) {
    return from_c ? value * 9 / 5 + 32 : (value - 32) * 5 / 9;
  }
  const UnitFactor* a = Find(from);
  const UnitFactor* b = Find(to);
  if (a == nullptr || b == nullptr || a->dimension != b->dimension) {
    return absl::nullopt;
  }
  return value * a->to_base / b->to_base;
}

bool SameMeasurement(const v1::Quantity& a, const v1::Quantity& b,
                     double tolerance) {
  const absl::optional<double> converted =
      ConvertUnit(a.value(), a.unit(), b.unit());
  if (!converted.has_value()) return false;
  return std::fabs(*converted - b.value()) <=
         tolerance * std::fabs(b.value()) + HalfStep(b.value());
}

}  // namespace factdiff
