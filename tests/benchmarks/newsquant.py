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
"kilometre"), names a count's unit by the counted noun ("worker"), and
writes a quantity's change as = ~ > < up down.
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
    "penny": "penny",
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

CHANGE = {
    "EXACT": "=", "RANGE": "=", "VAGUE": "=", "APPROXIMATE": "~",
    "AT_LEAST": ">", "MORE_THAN": ">", "AT_MOST": "<", "LESS_THAN": "<",
}


def map_unit(q):
    unit = q["unit"]
    if not unit:
        # A count: NewsQuant names its unit by the counted noun.
        subject = q["subject"]
        return subject.split()[-1] if subject else "-"
    if unit in UNITS:
        return UNITS[unit]
    parts = unit.split("/")
    return " per ".join(UNITS.get(p, p) for p in parts)


def fmt(v):
    return repr(float(v))


def to_prediction(q):
    if q["bound"] == "RANGE":
        value = "%s-%s" % (fmt(q["low"]), fmt(q["high"]))
    else:
        value = fmt(q["value"])
    if q["trend"] == "UP":
        change = "up"
    elif q["trend"] == "DOWN":
        change = "down"
    else:
        change = CHANGE.get(q["bound"], "=")
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
             "quantities": [to_prediction(q) for q in json.loads(line)]}
            for e, line in zip(gold, found)]
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(pred, f, ensure_ascii=False, indent=1)
    return subprocess.call([sys.executable, args.scorer, args.gold, args.out])


if __name__ == "__main__":
    sys.exit(main())
