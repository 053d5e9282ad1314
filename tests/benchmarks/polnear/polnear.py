#!/usr/bin/env python3
"""Runs the attribution extractor on PolNeAR and scores it per role.

Usage (from the repository root):
    bazel build //tests/benchmarks/polnear:polnear_main
    python3 tests/benchmarks/polnear/polnear.py [--split test|dev] \
        [--data ../shared/benchmarks/polnear] \
        [--binary bazel-bin/tests/benchmarks/polnear/polnear_main]

For each role (source, cue, content) it prints precision, recall and F1,
with exact span match and with overlap match. Gold spans are those of the
Source/Cue/Content arguments of every Attribution relation (E lines); a
discontinuous span ("10 20;30 40") is read as its hull (10, 40), and the
extractor writes an interrupted quotation's content as the hull too. Gold
and predicted spans are matched one to one (greedy, in text order).
An article annotated by two annotators counts once per annotation file, as
in PolNeAR's own evaluation of agreement. Offsets are characters.
"""

import argparse
import collections
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
DEFAULT_DATA = os.path.join(os.path.dirname(ROOT), "shared", "benchmarks",
                            "polnear")
ROLES = ("source", "cue", "content")


def read_ann(path):
    """Returns {role: [(begin, end)]} for the relations in a BRAT file."""
    spans = {}
    relations = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if parts[0].startswith("T"):
                kind, ranges = parts[1].split(" ", 1)
                frags = [tuple(map(int, r.split())) for r in ranges.split(";")]
                spans[parts[0]] = (kind, (frags[0][0], frags[-1][1]))
            elif parts[0].startswith("E"):
                relations.append(dict(a.split(":") for a in parts[1].split()))
    gold = {role: [] for role in ROLES}
    for rel in relations:
        for role, key in (("source", "Source"), ("cue", "Cue"),
                          ("content", "Content")):
            if key in rel and rel[key] in spans:
                gold[role].append(spans[rel[key]][1])
    for role in ROLES:
        gold[role] = sorted(set(gold[role]))
    return gold


def match(pred, gold, overlap):
    """Greedy one-to-one matching; returns the number of matched pairs."""
    used = [False] * len(gold)
    n = 0
    for p in sorted(pred):
        for i, g in enumerate(gold):
            if used[i]:
                continue
            ok = (p[0] < g[1] and g[0] < p[1]) if overlap else p == g
            if ok:
                used[i] = True
                n += 1
                break
    return n


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", default="test", choices=("test", "dev"))
    parser.add_argument("--data", default=DEFAULT_DATA)
    parser.add_argument("--binary", default=os.path.join(
        ROOT, "bazel-bin", "tests", "benchmarks", "polnear", "polnear_main"))
    parser.add_argument("--out", help="also write predictions (JSON lines)")
    args = parser.parse_args()

    split = os.path.join(args.data, args.split)
    texts = sorted(os.listdir(os.path.join(split, "text")))
    paths = [os.path.join(split, "text", t) for t in texts]
    run = subprocess.run([args.binary], input="\n".join(paths) + "\n",
                         capture_output=True, text=True, check=True)
    sys.stderr.write(run.stderr)
    predicted = {}
    for line in run.stdout.splitlines():
        record = json.loads(line)
        stem = os.path.splitext(os.path.basename(record["file"]))[0]
        predicted[stem] = {
            role: sorted({tuple(a[role]) for a in record["attributions"]
                          if a[role] is not None})
            for role in ROLES
        }
    if args.out:
        with open(args.out, "w") as f:
            f.write(run.stdout)

    counts = collections.defaultdict(int)
    anns = sorted(os.listdir(os.path.join(split, "attributions")))
    for ann in anns:
        stem = ann.rsplit("_", 1)[0]
        gold = read_ann(os.path.join(split, "attributions", ann))
        pred = predicted.get(stem, {role: [] for role in ROLES})
        for role in ROLES:
            counts[role, "pred"] += len(pred[role])
            counts[role, "gold"] += len(gold[role])
            for mode in ("exact", "overlap"):
                counts[role, mode] += match(pred[role], gold[role],
                                            mode == "overlap")

    print("PolNeAR %s: %d articles, %d annotation files" %
          (args.split, len(texts), len(anns)))
    print("%-8s %-8s %6s %6s %6s" % ("role", "match", "P", "R", "F1"))
    for role in ROLES:
        for mode in ("exact", "overlap"):
            m = counts[role, mode]
            p = m / counts[role, "pred"] if counts[role, "pred"] else 0.0
            r = m / counts[role, "gold"] if counts[role, "gold"] else 0.0
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            print("%-8s %-8s %6.1f %6.1f %6.1f   (pred %d / gold %d)" %
                  (role, mode, 100 * p, 100 * r, 100 * f1,
                   counts[role, "pred"], counts[role, "gold"]))


if __name__ == "__main__":
    main()
