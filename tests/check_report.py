#!/usr/bin/env python3
"""Checks a factdiff JSON report: shape, span invariants, expected findings.

Used by tests/cli_e2e_test.sh. Exits 1 with a message on the first problem.
"""
import argparse
import json
import sys


def body_of(path):
    """The Document.text factdiff reads from a .md/.txt file."""
    data = open(path, encoding="utf-8").read()
    if data.startswith("\ufeff"):
        data = data[1:]
    lines = data.split("\n")
    if lines and lines[0].strip() == "---":
        for i in range(1, len(lines)):
            if lines[i].strip() in ("---", "..."):
                return "\n".join(lines[i + 1:])
    return data


def fail(msg):
    print("check_report: " + msg)
    sys.exit(1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("report")
    ap.add_argument("--expect-kind")
    ap.add_argument("--expect-count", type=int)
    ap.add_argument("--min-count", type=int)
    ap.add_argument("--expect-values", help="comma-separated low values of the first finding's claims")
    ap.add_argument("--expect-ids", help="comma-separated document ids, in order")
    ap.add_argument("--files", nargs="*", default=[])
    a = ap.parse_args()

    report = json.load(open(a.report, encoding="utf-8"))
    for key in ("documents", "events", "findings", "config", "stats"):
        if key not in report:
            fail("missing top-level field %r" % key)
    findings = report["findings"]
    if a.expect_count is not None and len(findings) != a.expect_count:
        fail("%d findings, want %d: %s" % (len(findings), a.expect_count,
                                           [f["summary"] for f in findings]))
    if a.min_count is not None and len(findings) < a.min_count:
        fail("%d findings, want at least %d" % (len(findings), a.min_count))
    if a.expect_ids:
        ids = [d["id"] for d in report["documents"]]
        if ids != a.expect_ids.split(","):
            fail("document ids %s" % ids)

    texts = {}
    for path in a.files:
        stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        texts[stem] = body_of(path).encode("utf-8")

    for f in findings:
        for key in ("id", "kind", "cause", "confidence", "severity", "summary",
                    "explanation", "claims"):
            if key not in f:
                fail("finding lacks %r" % key)
        if not 0 <= f["confidence"] <= 1:
            fail("confidence out of range")
        if a.expect_kind and f["kind"] != a.expect_kind:
            fail("kind %s, want %s" % (f["kind"], a.expect_kind))
        if len(f["claims"]) < 2:
            fail("a finding with fewer than two claims")
        for c in f["claims"]:
            for key in ("document_id", "span", "text"):
                if key not in c:
                    fail("claim lacks %r" % key)
            if f["kind"] == "NUMERIC_MISMATCH":
                q = c["quantity"]
                if "low" not in q or "high" not in q or q["low"] > q["high"]:
                    fail("bad quantity interval %s" % q)
            text = texts.get(c["document_id"])
            if text is not None:
                b, e = c["span"]["begin"], c["span"]["end"]
                if text[b:e].decode("utf-8") != c["text"]:
                    fail("claim span [%d,%d) of %s does not hold its text" %
                         (b, e, c["document_id"]))
                qb, qe = c["quantity"]["span"]["begin"], c["quantity"]["span"]["end"]
                if text[qb:qe].decode("utf-8") != c["quantity"]["text"]:
                    fail("quantity span of %s does not hold its text" % c["document_id"])
    if a.expect_values:
        want = [float(v) for v in a.expect_values.split(",")]
        got = [c["quantity"]["low"] for c in findings[0]["claims"]]
        if got != want:
            fail("values %s, want %s" % (got, want))
    print("check_report: ok (%d findings)" % len(findings))


if __name__ == "__main__":
    main()
