#!/usr/bin/env python3
"""Runs the quantity extractor on NewsQuant and scores it with CQE's metric.

Usage (from the repository root):
    bazel build //tests/benchmarks:newsquant
    python3 tests/benchmarks/newsquant.py \
        [--gold ../shared/benchmarks/newsquant/NewsQuant.json] \
        [--binary bazel-bin/tests/benchmarks/newsquant] \
        [--out /tmp/newsquant_predictions.json]

The C++ binary reads one sentence per line and writes the quantities it
finds as JSON lines; this script maps them to the set's vocabulary and calls
../shared/tools/newsquant_eval.py. The mapping is the only place that knows
NewsQuant: the gold names units in full British spelling ("percentage",
"kilometre"), names a count's unit by the counted noun phrase ("eligible
pensioner"), writes a quantity's change as = ~ > < up down, writes vague
plurals as one order of magnitude ("hundreds" = 100-1000) and leaves out
"a few"/"several", and names ages "year of age".
"""

import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")

# Project unit name -> NewsQuant normalized_unit.
UNITS = {
    "percent": "percentage",
    "percentage point": "percentage point",
    "basis point": "basis point",
    "point": "point",
    "USD": "dollar",
    "CAD": "canadian dollar",
    "AUD": "australian dollar",
    "HKD": "hong kong dollar",
    "NZD": "new zealand dollar",
    "SGD": "singapore dollar",
    "EUR": "euro",
    "GBP": "pound sterling",
    "JPY": "japanese yen",
    "CNY": "chinese yuan",
    "INR": "indian rupee",
    "PKR": "pakistani rupee",
    "rupee": "rupee",
    "MYR": "malaysian ringgit",
    "ILS": "shekel",
    "NGN": "nigerian naira",
    "ZAR": "south african rand",
    "RUB": "russian ruble",
    "TRY": "turkish lira",
    "AED": "uae dirham",
    "SAR": "saudi riyal",
    "BDT": "bangladeshi taka",
    "CHF": "swiss franc",
    "cent": "cent",
    # The set names prices quoted in pence ("118.5p") "point", as markets do.
    "penny": "point",
    "um": "micrometre",
    "km": "kilometre",
    "metre": "metre",
    "cm": "centimetre",
    "mm": "millimetre",
    "mile": "mile",
    "foot": "foot",
    "inch": "inch",
    "yard": "yard",
    "km2": "square kilometre",
    "m2": "square metre",
    "square mile": "square mile",
    "square foot": "square foot",
    "acre": "acre",
    "hectare": "hectare",
    "kg": "kilogram",
    "g": "gram",
    "tonne": "ton",
    "gigatonne": "gigaton",
    "megatonne": "megaton",
    "mg": "milligram",
    "ml": "millilitre",
    "nm": "nanometre",
    "mAh": "milliampere-hour",
    "kB": "kilobyte",
    "kbit/s": "kilobit per second",
    "Mbit/s": "megabit per second",
    "Gbit/s": "gigabit per second",
    "kHz": "kilohertz",
    "ppm": "parts-per-million",
    "ppb": "parts-per-billion",
    "nautical mile": "nautical mile",
    "lb": "pound-mass",
    "ounce": "ounce",
    "year": "year",
    "month": "month",
    "week": "week",
    "day": "day",
    "hour": "hour",
    "minute": "minute",
    "second": "second",
    "decade": "decade",
    "century": "century",
    "mph": "mile per hour",
    "km/h": "kilometre per hour",
    "knot": "knot",
    "degC": "celsius",
    "degF": "fahrenheit",
    "degree": "degree",
    "litre": "litre",
    "gallon": "gallon",
    "barrel": "barrel",
    "barrel/day": "barrel per day",
    "W": "watt",
    "kW": "kilowatt",
    "MW": "megawatt",
    "GW": "gigawatt",
    "kWh": "kilowatt hour",
    "MWh": "megawatt hour",
    "GWh": "gigawatt hour",
    "V": "volt",
    "hp": "horsepower",
    "PS": "horsepower",
    "psi": "pound per square inch",
    "ksi": "kilopound per square inch",
    "kPa": "kilopascal",
    "MPa": "megapascal",
    "GPa": "gigapascal",
    "sen": "sen",
    "GB": "gigabyte",
    "TB": "terabyte",
    "MB": "megabyte",
    "Hz": "hertz",
    "MHz": "megahertz",
    "GHz": "gigahertz",
    "rpm": "revolutions per minute",
    "mpg": "mile per gallon",
    "times": "count",
    "fraction": "fraction",
}

# NewsQuant writes a vague plural of a scale as one order of magnitude:
# "hundreds" is 100-1000, "tens of thousands" 10000-100000, "dozens"
# 12-120. The engine's own intervals are narrower (see quantity_tables.h);
# this maps them to the set's convention by the phrase. Vague amounts the
# set does not annotate ("a few", "several", "a handful", "a couple") are
# left out.
VAGUE_SCALES = (
    ("hundreds of thousands", 1e5), ("hundreds of millions", 1e8),
    ("tens of thousands", 1e4), ("tens of millions", 1e7),
    ("dozens", 12.0), ("hundreds", 100.0),
    ("thousands", 1e3), ("millions", 1e6), ("billions", 1e9),
)

# Ages: NewsQuant names their unit "<unit> of age".
AGE_UNITS = {"year": "year of age", "month": "month of age",
             "week": "week of age", "day": "day of age"}

# Words that make a range approximate in the set's eyes.
APPROXIMATE_WORDS = ("about", "around", "roughly", "approximately", "~",
                     "some ", "an estimated", "circa")

CHANGE = {
    "EXACT": "=", "RANGE": "=", "VAGUE": "=", "APPROXIMATE": "~",
    "AT_LEAST": ">", "MORE_THAN": ">", "AT_MOST": "<", "LESS_THAN": "<",
}


def map_unit(q):
    unit = q["unit"]
    if q["measure_word"] == "age" and unit in AGE_UNITS:
        return AGE_UNITS[unit]
    if not unit:
        # A count: NewsQuant names its unit by the counted noun.
        subject = q["subject"]
        return subject if subject else "-"
    if unit in UNITS:
        return UNITS[unit]
    parts = unit.split("/")
    return " per ".join(UNITS.get(p, p) for p in parts)


def fmt(v):
    return repr(float(v))


def vague_scale(q):
    text = q["text"].lower()
    for phrase, scale in VAGUE_SCALES:
        if text.startswith(phrase):
            return scale
    return None


def change_of(q):
    """The set's change symbol. It marks a strict bound before a trend ("up
    more than 3%" is ">") but a trend before an approximation ("rose about
    2%" is "up"), ranges and from-to changes "=", and a range introduced by
    an approximation word ("about 2,000-2,500") "~"."""
    text = q["text"].lower()
    if q["bound"] == "RANGE":
        return "~" if text.startswith(APPROXIMATE_WORDS) else "="
    if q["bound"] not in ("EXACT", "VAGUE", "APPROXIMATE") or \
            q["trend"] == "TREND_UNSPECIFIED":
        return CHANGE[q["bound"]]
    if q["trend"] == "UP":
        return "up"
    if q["trend"] == "DOWN":
        return "down"
    return "="


def to_prediction(q):
    """One NewsQuant quantity, or None for what the set does not annotate."""
    if q["bound"] == "VAGUE":
        scale = vague_scale(q)
        if scale is None:
            return None
        value = "%s-%s" % (fmt(scale), fmt(scale * 10))
    elif q["bound"] == "RANGE":
        low, high = fmt(q["low"]), fmt(q["high"])
        # A falling change ("from 208 to 193") is written from first.
        if q["trend"] == "DOWN" and q["text"].lower().startswith("from"):
            low, high = high, low
        value = "%s-%s" % (low, high)
    else:
        value = fmt(q["value"])
    change = change_of(q)
    return {
        "value": value,
        "change": change,
        "unit": q["text"],
        "normalized_unit": map_unit(q),
        "referred_concepts": q["subject"] or "-",
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", default=os.path.join(
        SHARED, "benchmarks", "newsquant", "NewsQuant.json"))
    ap.add_argument("--binary", default=os.path.join(
        ROOT, "bazel-bin", "tests", "benchmarks", "newsquant"))
    ap.add_argument("--out", default="/tmp/newsquant_predictions.json")
    ap.add_argument("--scorer", default=os.path.join(
        SHARED, "tools", "newsquant_eval.py"))
    args = ap.parse_args()

    with open(args.gold, encoding="utf-8") as f:
        gold = json.load(f)
    lines = "".join(e["text"].replace("\n", " ") + "\n" for e in gold)
    run = subprocess.run([args.binary], input=lines.encode("utf-8"),
                         stdout=subprocess.PIPE, check=True)
    found = run.stdout.decode("utf-8").splitlines()
    if len(found) != len(gold):
        sys.exit("expected %d lines, got %d" % (len(gold), len(found)))
    pred = [{"text": e["text"],
             "quantities": [p for p in map(to_prediction, json.loads(line))
                            if p is not None]}
            for e, line in zip(gold, found)]
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(pred, f, ensure_ascii=False, indent=1)
    return subprocess.call([sys.executable, args.scorer, args.gold, args.out])


if __name__ == "__main__":
    sys.exit(main())
