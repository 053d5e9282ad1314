// Word tables of the quantity extractor (implementation only; see
// quantity_extractor.cc). Every table is a constexpr array of lower-case
// entries; quantity_extractor.cc indexes them once into hash maps.
#ifndef FACTDIFF_CORE_QUANTITY_QUANTITY_TABLES_H_
#define FACTDIFF_CORE_QUANTITY_QUANTITY_TABLES_H_

#include "proto/extraction.pb.h"

namespace factdiff {
namespace quantity_internal {

using Bound = v1::Quantity::Bound;
using Measure = v1::Quantity::Measure;

// Number words. Ordinals ("second", "third") are deliberately absent: in news
// they rank ("the second round"), they do not count. "one" is here but is
// dropped when it is a pronoun (see IsPronounOne in the .cc).
struct NumberWord {
  const char* word;
  double value;
  // 0: a unit word (0..19), 1: a tens word (20..90), 2: a scale word that
  // multiplies what precedes it (hundred, thousand, ...).
  int kind;
};
inline constexpr NumberWord kNumberWords[] = {
    {"zero", 0, 0},       {"one", 1, 0},          {"two", 2, 0},
    {"three", 3, 0},      {"four", 4, 0},         {"five", 5, 0},
    {"six", 6, 0},        {"seven", 7, 0},        {"eight", 8, 0},
    {"nine", 9, 0},       {"ten", 10, 0},         {"eleven", 11, 0},
    {"twelve", 12, 0},    {"thirteen", 13, 0},    {"fourteen", 14, 0},
    {"fifteen", 15, 0},   {"sixteen", 16, 0},     {"seventeen", 17, 0},
    {"eighteen", 18, 0},  {"nineteen", 19, 0},    {"twenty", 20, 1},
    {"thirty", 30, 1},    {"forty", 40, 1},       {"fourty", 40, 1},
    {"fifty", 50, 1},     {"sixty", 60, 1},       {"seventy", 70, 1},
    {"eighty", 80, 1},    {"ninety", 90, 1},      {"hundred", 100, 2},
    {"thousand", 1e3, 2}, {"million", 1e6, 2},    {"billion", 1e9, 2},
    {"trillion", 1e12, 2}, {"lakh", 1e5, 2},      {"lakhs", 1e5, 2},
    {"crore", 1e7, 2},    {"crores", 1e7, 2},     {"dozen", 12, 2},
};

// Scale words written after digits ("2 million", "1.5bn", "3m", "Rs 5
// crore"). `attached_only`: only when glued to the digits ("3m", "5k", "$2b"),
// because spaced "m" is metres and a spaced "k" or "b" is rarely a scale.
struct Multiplier {
  const char* word;
  double factor;
  bool attached_only;
};
inline constexpr Multiplier kMultipliers[] = {
    {"thousand", 1e3, false}, {"k", 1e3, true},          {"million", 1e6, false},
    {"mn", 1e6, false},       {"mln", 1e6, false},       {"m", 1e6, true},
    {"billion", 1e9, false},  {"bn", 1e9, false},        {"bln", 1e9, false},
    {"b", 1e9, true},         {"trillion", 1e12, false}, {"tn", 1e12, false},
    {"trn", 1e12, false},     {"lakh", 1e5, false},      {"lakhs", 1e5, false},
    {"crore", 1e7, false},    {"crores", 1e7, false},
    {"hundred", 100, false},  {"mil", 1e6, true},
};

// Bound phrases before a number, longest first where they share a prefix.
// Reasoning per group:
//  - AT_LEAST: the figure is a floor the writer vouches for.
//  - MORE_THAN: "over"/"above" read as strict floors in news usage.
//  - APPROXIMATE_BELOW ("nearly", "almost", "close to"): the true figure
//    is at most the number, a little below it.
//  - JUST_UNDER / JUST_OVER ("just under", "just over"): a strict bound
//    that is also close: LESS_THAN with [v * (1 - t), v) and MORE_THAN with
//    (v, v * (1 + t)], t = approximate_tolerance (not the open cap).
//  - APPROXIMATE: "about", "some", "an estimated": either side.
//  - AT_MOST / LESS_THAN: ceilings.
// kApproxBelow is not a proto Bound: it becomes APPROXIMATE with the
// one-sided interval [v * (1 - t), v].
inline constexpr int kApproxBelow = 100;
inline constexpr int kBetween = 101;  // "between X and Y"
inline constexpr int kFrom = 102;     // "from X to Y"
inline constexpr int kJustUnder = 103;
inline constexpr int kJustOver = 104;
struct BoundPhrase {
  const char* phrase;  // space-separated lower-case tokens
  int bound;           // a v1::Quantity::Bound or one of the k* above
};
inline constexpr BoundPhrase kBoundPhrases[] = {
    {"at least", v1::Quantity::AT_LEAST},
    {"no fewer than", v1::Quantity::AT_LEAST},
    {"no less than", v1::Quantity::AT_LEAST},
    {"not less than", v1::Quantity::AT_LEAST},
    {"a minimum of", v1::Quantity::AT_LEAST},
    {"more than", v1::Quantity::MORE_THAN},
    {"just over", kJustOver},
    {"slightly more than", kJustOver},
    {"higher than", v1::Quantity::MORE_THAN},
    {"greater than", v1::Quantity::MORE_THAN},
    {"well over", v1::Quantity::MORE_THAN},
    {"over", v1::Quantity::MORE_THAN},
    {"upwards of", v1::Quantity::MORE_THAN},
    {"upward of", v1::Quantity::MORE_THAN},
    {"in excess of", v1::Quantity::MORE_THAN},
    {"above", v1::Quantity::MORE_THAN},
    {"nearly", kApproxBelow},
    {"almost", kApproxBelow},
    {"close to", kApproxBelow},
    {"just under", kJustUnder},
    {"just shy of", kJustUnder},
    {"slightly less than", kJustUnder},
    {"about", v1::Quantity::APPROXIMATE},
    {"around", v1::Quantity::APPROXIMATE},
    {"roughly", v1::Quantity::APPROXIMATE},
    {"some", v1::Quantity::APPROXIMATE},
    {"approximately", v1::Quantity::APPROXIMATE},
    {"approx", v1::Quantity::APPROXIMATE},
    {"an estimated", v1::Quantity::APPROXIMATE},
    {"estimated", v1::Quantity::APPROXIMATE},
    {"an approximate", v1::Quantity::APPROXIMATE},
    {"circa", v1::Quantity::APPROXIMATE},
    {"up to", v1::Quantity::AT_MOST},
    {"as many as", v1::Quantity::AT_MOST},
    {"as much as", v1::Quantity::AT_MOST},
    {"as high as", v1::Quantity::AT_MOST},
    {"no more than", v1::Quantity::AT_MOST},
    {"not more than", v1::Quantity::AT_MOST},
    {"at most", v1::Quantity::AT_MOST},
    {"a maximum of", v1::Quantity::AT_MOST},
    {"fewer than", v1::Quantity::LESS_THAN},
    {"less than", v1::Quantity::LESS_THAN},
    {"lower than", v1::Quantity::LESS_THAN},
    {"under", v1::Quantity::LESS_THAN},
    {"below", v1::Quantity::LESS_THAN},
    {"between", kBetween},
    {"from", kFrom},
};

// Vague amounts, one table. [low, high] is what the phrase commits to;
// `value` a typical reading. Reasoning:
//  - "a couple" 2-3; "a few" 2-5; "a handful" 2-6; "several" 3-9 (more than
//    "a few", fewer than "dozens"/"ten").
//  - "dozens" means at least two dozen (24); writers switch to "hundreds"
//    from about 200, so the top is 199. "scores" is at least two score (40)
//    with the same top, so the two overlap (an article saying "dozens" and
//    one saying "scores of" agree).
//  - "hundreds"/"thousands"/...: at least two of the unit ("hundreds" is
//    not said of 120) and less than ten of it ([200, 999] overlaps "close to
//    900" = [810, 900]). "tens of thousands" 20,000-99,999, etc.
// Phrases are matched longest first; a trailing "of" is absorbed by the
// caller.
struct VagueAmount {
  const char* phrase;
  double low;
  double high;
  double value;
};
inline constexpr VagueAmount kVagueAmounts[] = {
    {"a couple", 2, 3, 2},
    {"a few", 2, 5, 3},
    {"a handful", 2, 6, 4},
    {"several", 3, 9, 5},
    {"dozens", 24, 199, 48},
    {"scores", 40, 199, 60},
    {"hundreds of thousands", 2e5, 999999, 3e5},
    {"hundreds of millions", 2e8, 999999999, 3e8},
    {"hundreds", 200, 999, 300},
    {"tens of thousands", 2e4, 99999, 3e4},
    {"tens of millions", 2e7, 99999999, 3e7},
    {"thousands", 2e3, 9999, 3e3},
    {"millions", 2e6, 9999999, 3e6},
    {"billions", 2e9, 9999999999, 3e9},
};

// Measure words: what happened to what is counted. Verbs in all the forms
// news uses, and nouns/adjectives that name the outcome ("death toll",
// "dead"). The word found becomes measure_word.
struct MeasureWord {
  const char* word;
  Measure measure;
};
inline constexpr MeasureWord kMeasureWords[] = {
    // KILLED
    {"killed", v1::Quantity::KILLED}, {"kill", v1::Quantity::KILLED},
    {"kills", v1::Quantity::KILLED}, {"killing", v1::Quantity::KILLED},
    {"dead", v1::Quantity::KILLED}, {"died", v1::Quantity::KILLED},
    {"die", v1::Quantity::KILLED}, {"dying", v1::Quantity::KILLED},
    {"deaths", v1::Quantity::KILLED}, {"death", v1::Quantity::KILLED},
    {"toll", v1::Quantity::KILLED}, {"lives", v1::Quantity::KILLED},
    {"bodies", v1::Quantity::KILLED}, {"fatalities", v1::Quantity::KILLED},
    {"perished", v1::Quantity::KILLED}, {"slain", v1::Quantity::KILLED},
    {"massacred", v1::Quantity::KILLED}, {"executed", v1::Quantity::KILLED},
    {"martyred", v1::Quantity::KILLED},
    // WOUNDED
    {"wounded", v1::Quantity::WOUNDED}, {"wounding", v1::Quantity::WOUNDED},
    {"injured", v1::Quantity::WOUNDED}, {"injuring", v1::Quantity::WOUNDED},
    {"injuries", v1::Quantity::WOUNDED}, {"hurt", v1::Quantity::WOUNDED},
    {"hospitalised", v1::Quantity::WOUNDED},
    {"hospitalized", v1::Quantity::WOUNDED},
    {"casualties", v1::Quantity::WOUNDED},
    // ARRESTED
    {"arrested", v1::Quantity::ARRESTED}, {"arresting", v1::Quantity::ARRESTED},
    {"arrests", v1::Quantity::ARRESTED}, {"detained", v1::Quantity::ARRESTED},
    {"detaining", v1::Quantity::ARRESTED}, {"detentions", v1::Quantity::ARRESTED},
    {"jailed", v1::Quantity::ARRESTED}, {"imprisoned", v1::Quantity::ARRESTED},
    {"apprehended", v1::Quantity::ARRESTED},
    {"rounded", v1::Quantity::ARRESTED},  // "rounded up"
    // DISPLACED
    {"displaced", v1::Quantity::DISPLACED},
    {"evacuated", v1::Quantity::DISPLACED},
    {"evacuees", v1::Quantity::DISPLACED}, {"fled", v1::Quantity::DISPLACED},
    {"fleeing", v1::Quantity::DISPLACED},
    {"homeless", v1::Quantity::DISPLACED},
    {"refugees", v1::Quantity::DISPLACED},
    // MISSING
    {"missing", v1::Quantity::MISSING},
    {"unaccounted", v1::Quantity::MISSING},
    // PARTICIPATED
    {"marched", v1::Quantity::PARTICIPATED},
    {"protested", v1::Quantity::PARTICIPATED},
    {"gathered", v1::Quantity::PARTICIPATED},
    {"rallied", v1::Quantity::PARTICIPATED},
    {"attended", v1::Quantity::PARTICIPATED},
    {"joined", v1::Quantity::PARTICIPATED},
    {"demonstrated", v1::Quantity::PARTICIPATED},
    {"turned", v1::Quantity::PARTICIPATED},  // "turned out"
    {"turnout", v1::Quantity::PARTICIPATED},
    {"demonstrators", v1::Quantity::PARTICIPATED},
    {"protesters", v1::Quantity::PARTICIPATED},
    {"protestors", v1::Quantity::PARTICIPATED},
    {"marchers", v1::Quantity::PARTICIPATED},
    {"participants", v1::Quantity::PARTICIPATED},
    // A crowd or turnout "at N" or "of N" counts the people in it.
    {"crowd", v1::Quantity::PARTICIPATED},
    {"crowds", v1::Quantity::PARTICIPATED},
    {"attendance", v1::Quantity::PARTICIPATED},
    // ATTACKS
    {"attacks", v1::Quantity::ATTACKS}, {"strikes", v1::Quantity::ATTACKS},
    {"airstrikes", v1::Quantity::ATTACKS}, {"raids", v1::Quantity::ATTACKS},
    {"bombings", v1::Quantity::ATTACKS}, {"assaults", v1::Quantity::ATTACKS},
    {"missiles", v1::Quantity::ATTACKS}, {"rockets", v1::Quantity::ATTACKS},
    {"drones", v1::Quantity::ATTACKS},
    // CAPTURED
    {"captured", v1::Quantity::CAPTURED}, {"seized", v1::Quantity::CAPTURED},
    {"destroyed", v1::Quantity::CAPTURED}, {"overran", v1::Quantity::CAPTURED},
    {"took", v1::Quantity::CAPTURED},
    // VOTES
    {"votes", v1::Quantity::VOTES}, {"ballots", v1::Quantity::VOTES},
    {"seats", v1::Quantity::VOTES}, {"voted", v1::Quantity::VOTES},
    // MONEY (only counts as MONEY with a currency unit; see the .cc)
    {"revenue", v1::Quantity::MONEY}, {"revenues", v1::Quantity::MONEY},
    {"profit", v1::Quantity::MONEY}, {"profits", v1::Quantity::MONEY},
    {"sales", v1::Quantity::MONEY}, {"cost", v1::Quantity::MONEY},
    {"costs", v1::Quantity::MONEY}, {"damage", v1::Quantity::MONEY},
    {"damages", v1::Quantity::MONEY}, {"aid", v1::Quantity::MONEY},
    {"loss", v1::Quantity::MONEY}, {"losses", v1::Quantity::MONEY},
    {"budget", v1::Quantity::MONEY}, {"fine", v1::Quantity::MONEY},
    {"funding", v1::Quantity::MONEY}, {"income", v1::Quantity::MONEY},
    {"earnings", v1::Quantity::MONEY}, {"price", v1::Quantity::MONEY},
    {"worth", v1::Quantity::MONEY}, {"valued", v1::Quantity::MONEY},
    {"paid", v1::Quantity::MONEY}, {"raised", v1::Quantity::MONEY},
    {"spent", v1::Quantity::MONEY}, {"compensation", v1::Quantity::MONEY},
};

// Jobs lost: a count of jobs (or of the people holding them) with one of
// these verbs next to it ("cut 1,500 jobs", "2,300 jobs would be lost",
// "laid off 300 workers") gets measure OTHER with measure_word "job cuts",
// so that every wording of one announcement compares. The verbs alone say
// nothing ("cut 5 percent" is a change), hence the two tables.
inline constexpr const char* kJobLossVerbs[] = {
    "cut",       "cuts",       "cutting",  "shed",      "sheds",
    "shedding",  "slash",      "slashed",  "slashes",   "slashing",
    "axe",       "axed",       "axes",     "axing",     "ax",
    "eliminate", "eliminated", "eliminates", "eliminating", "lose",
    "lost",      "loses",      "losing",   "scrap",     "scrapped",
    "scraps",    "scrapping",  "off",  // "laid off", "lay off"
    "redundant"};
inline constexpr const char* kJobWords[] = {
    "job",    "position", "role",  "post",  "worker",
    "employee", "staff",  "staffer", "workplace"};

// Units written after the number (or glued to it: "10km", "40%", "5-day").
// Normalized names: ISO 4217 codes for currencies whose name is unambiguous,
// SI-style symbols for metric units, singular English names otherwise.
// "pounds" is weight ("lb"): "£" is how news writes sterling. "tons" and
// "tonnes" both become "tonne" (the 10% gap between short and metric tons is
// below what articles disagree on). "m" is never metres here: glued it is a
// million ("3m"), spaced it is ambiguous; "metres" spelled out is "metre".
struct UnitWord {
  const char* word;  // lower-case; may be two tokens ("per cent")
  const char* unit;
};
inline constexpr UnitWord kUnitWords[] = {
    {"%", "percent"}, {"percent", "percent"}, {"per cent", "percent"},
    {"pc", "percent"}, {"pct", "percent"},
    {"percentage points", "percentage point"},
    {"percentage point", "percentage point"},
    {"basis points", "basis point"}, {"bps", "basis point"},
    {"points", "point"}, {"point", "point"},
    // Currencies written after the number.
    {"dollars", "USD"}, {"dollar", "USD"}, {"usd", "USD"},
    {"us dollars", "USD"}, {"euros", "EUR"}, {"euro", "EUR"}, {"eur", "EUR"},
    {"pounds sterling", "GBP"}, {"sterling", "GBP"}, {"gbp", "GBP"},
    {"yen", "JPY"}, {"jpy", "JPY"}, {"yuan", "CNY"}, {"renminbi", "CNY"},
    {"cny", "CNY"}, {"rupees", "rupee"}, {"rupee", "rupee"}, {"inr", "INR"},
    {"pkr", "PKR"}, {"naira", "NGN"}, {"rand", "ZAR"}, {"shekels", "ILS"},
    {"shekel", "ILS"}, {"ringgit", "MYR"}, {"rubles", "RUB"},
    {"roubles", "RUB"}, {"lira", "TRY"}, {"dirhams", "AED"},
    {"riyals", "SAR"}, {"taka", "BDT"}, {"pesos", "peso"}, {"francs", "franc"},
    {"cents", "cent"}, {"cent", "cent"}, {"pence", "penny"}, {"p", "penny"},
    {"sen", "sen"},  // 1/100 of a ringgit or rupiah
    // Length and area.
    {"km", "km"}, {"kms", "km"}, {"kilometres", "km"}, {"kilometers", "km"},
    {"kilometre", "km"}, {"kilometer", "km"}, {"metres", "metre"},
    {"meters", "metre"}, {"metre", "metre"}, {"meter", "metre"},
    {"cm", "cm"}, {"centimetres", "cm"}, {"centimeters", "cm"},
    {"mm", "mm"}, {"millimetres", "mm"}, {"millimeters", "mm"},
    {"miles", "mile"}, {"mile", "mile"}, {"feet", "foot"}, {"foot", "foot"},
    {"ft", "foot"}, {"inches", "inch"}, {"inch", "inch"}, {"yards", "yard"},
    {"yard", "yard"}, {"square kilometres", "km2"},
    {"square kilometers", "km2"}, {"sq km", "km2"}, {"km2", "km2"},
    {"square miles", "square mile"}, {"square metres", "m2"},
    {"square meters", "m2"}, {"square feet", "square foot"},
    {"sq ft", "square foot"}, {"acres", "acre"}, {"acre", "acre"},
    {"hectares", "hectare"}, {"hectare", "hectare"},
    // Mass.
    {"kg", "kg"}, {"kgs", "kg"}, {"kilograms", "kg"}, {"kilogrammes", "kg"},
    {"kilogram", "kg"}, {"kilos", "kg"}, {"tonnes", "tonne"},
    {"tonne", "tonne"}, {"tons", "tonne"}, {"ton", "tonne"},
    {"metric tons", "tonne"}, {"pounds", "lb"}, {"pound", "lb"}, {"lb", "lb"},
    {"lbs", "lb"}, {"grams", "g"}, {"gram", "g"}, {"ounces", "ounce"},
    {"ounce", "ounce"}, {"oz", "ounce"},
    // Duration.
    {"years", "year"}, {"year", "year"}, {"yrs", "year"}, {"months", "month"},
    {"month", "month"}, {"weeks", "week"}, {"week", "week"}, {"days", "day"},
    {"day", "day"}, {"hours", "hour"}, {"hour", "hour"}, {"hrs", "hour"},
    {"minutes", "minute"}, {"minute", "minute"}, {"mins", "minute"},
    {"seconds", "second"}, {"second", "second"}, {"decades", "decade"},
    {"decade", "decade"}, {"centuries", "century"}, {"century", "century"},
    // Speed, temperature, volume, energy, data.
    {"mph", "mph"}, {"kph", "km/h"}, {"km/h", "km/h"}, {"knots", "knot"},
    {"degrees celsius", "degC"}, {"degrees fahrenheit", "degF"},
    {"degrees c", "degC"}, {"degrees f", "degF"}, {"celsius", "degC"},
    {"fahrenheit", "degF"}, {"degrees", "degree"}, {"degree", "degree"},
    {"litres", "litre"}, {"liters", "litre"}, {"litre", "litre"},
    {"liter", "litre"}, {"gallons", "gallon"}, {"gallon", "gallon"},
    {"barrels", "barrel"}, {"barrel", "barrel"}, {"bpd", "barrel/day"},
    {"mw", "MW"}, {"megawatts", "MW"}, {"gw", "GW"}, {"gigawatts", "GW"},
    {"kw", "kW"}, {"kilowatts", "kW"}, {"kwh", "kWh"}, {"mwh", "MWh"},
    {"gwh", "GWh"}, {"watts", "W"}, {"volts", "V"}, {"hp", "hp"},
    {"horsepower", "hp"}, {"gb", "GB"}, {"tb", "TB"}, {"mb", "MB"},
    {"ghz", "GHz"}, {"mhz", "MHz"}, {"hz", "Hz"}, {"rpm", "rpm"},
    {"mpg", "mpg"}, {"times", "times"}, {"fold", "times"},
    // Spelled-out and glued forms seen in product, science and sport news.
    {"deg", "degree"}, {"degf", "degF"}, {"degc", "degC"}, {"deg c", "degC"},
    {"deg f", "degF"}, {"sq m", "m2"}, {"sqm", "m2"}, {"m2", "m2"},
    {"square metre", "m2"}, {"square meter", "m2"},
    {"square foot", "square foot"}, {"sq ft", "square foot"},
    {"square kilometre", "km2"}, {"square mile", "square mile"},
    {"mg", "mg"}, {"milligrams", "mg"}, {"ml", "ml"}, {"millilitres", "ml"},
    {"milliliters", "ml"}, {"l", "litre"}, {"g", "g"}, {"w", "W"},
    {"watt", "W"}, {"kilowatt", "kW"}, {"megawatt", "MW"},
    {"gigawatt", "GW"}, {"\xC2\xB5m", "um"}, {"\xCE\xBCm", "um"},
    {"micrometres", "um"}, {"micrometers", "um"}, {"microns", "um"},
    {"micron", "um"}, {"nm", "nm"}, {"nanometres", "nm"},
    {"nanometers", "nm"}, {"nanometre", "nm"}, {"nanometer", "nm"},
    {"mah", "mAh"}, {"kb", "kB"}, {"kbps", "kbit/s"}, {"mbps", "Mbit/s"},
    {"gbps", "Gbit/s"}, {"khz", "kHz"}, {"bhp", "hp"}, {"min", "minute"},
    {"sec", "second"}, {"secs", "second"}, {"ppm", "ppm"}, {"ppb", "ppb"},
    {"parts per million", "ppm"}, {"parts per billion", "ppb"},
    {"miles per hour", "mph"}, {"miles per gallon", "mpg"}, {"kilometres per hour", "km/h"},
    {"kilometers per hour", "km/h"}, {"kmh", "km/h"}, {"km/hr", "km/h"},
    {"nautical miles", "nautical mile"},
    // Pressure and metric horsepower (car and materials news).
    {"psi", "psi"}, {"ksi", "ksi"}, {"kpa", "kPa"}, {"mpa", "MPa"},
    {"gpa", "GPa"}, {"ps", "PS"}, {"gigatons", "gigatonne"},
    {"gigatonnes", "gigatonne"}, {"megatons", "megatonne"},
};

// Currencies written before the number. "$" alone is USD: news that means
// another dollar says so ("C$", "A$", "HK$"). "Rs" and "₹" are rupees; "Rs"
// is used for the Indian, Pakistani, Sri Lankan and Nepalese rupee alike,
// so it stays the generic "rupee" unless a code or "₹" says which.
struct CurrencyPrefix {
  const char* symbol;  // lower-case token sequence without spaces: "us$"
  const char* unit;
};
inline constexpr CurrencyPrefix kCurrencyPrefixes[] = {
    {"$", "USD"},    {"us$", "USD"},  {"usd", "USD"}, {"c$", "CAD"},
    {"ca$", "CAD"},  {"cad", "CAD"},  {"a$", "AUD"},  {"au$", "AUD"},
    {"aud", "AUD"},  {"hk$", "HKD"},  {"nz$", "NZD"}, {"s$", "SGD"},
    {"£", "GBP"},    {"gbp", "GBP"},  {"€", "EUR"},   {"eur", "EUR"},
    {"¥", "JPY"},    {"jpy", "JPY"},  {"₹", "INR"},   {"inr", "INR"},
    {"rs", "rupee"}, {"pkr", "PKR"},  {"rmb", "CNY"}, {"cny", "CNY"},
    {"chf", "CHF"},  {"rm", "MYR"},   {"₦", "NGN"},   {"₪", "ILS"},
    {"$us", "USD"},  {"$a", "AUD"},   {"$nz", "NZD"}, {"$c", "CAD"},
};

// Plural heads whose singular is irregular, and synonyms merged so two
// articles counting the same group compare: "troops" and "soldiers" are the
// same people; "persons", "individuals" are "people".
struct SubjectWord {
  const char* word;
  const char* normalized;
};
inline constexpr SubjectWord kSubjectWords[] = {
    {"people", "people"},       {"persons", "people"},
    {"person", "people"},       {"individuals", "people"},
    {"troops", "soldier"},      {"soldiers", "soldier"},
    {"servicemen", "soldier"},  {"policemen", "police officer"},
    {"policewomen", "police officer"},
    {"cops", "police officer"}, {"police", "police officer"},
    {"officers", "officer"},    {"protesters", "protester"},
    {"protestors", "protester"}, {"demonstrators", "protester"},
    {"men", "man"},             {"women", "woman"},
    {"children", "child"},      {"kids", "child"},
    {"militants", "militant"},  {"fighters", "fighter"},
    {"lives", "life"},          {"wives", "wife"},
    {"thieves", "thief"},       {"feet", "foot"},
    {"teeth", "tooth"},         {"mice", "mouse"},
    {"news", "news"},           {"species", "species"},
    {"series", "series"},       {"sheep", "sheep"},
    {"staff", "staff"},         {"crew", "crew"},
};

}  // namespace quantity_internal
}  // namespace factdiff

#endif  // FACTDIFF_CORE_QUANTITY_QUANTITY_TABLES_H_
