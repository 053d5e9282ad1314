#!/usr/bin/env python3
"""Unit tests of eval_findings.py: gold validation, matching and scoring.

Reports are built here from the gold file itself, so no factdiff binary is
needed. GOLD_JSON (set by the Bazel wrapper) points at the gold file;
without it, the file beside this repository's tests/ is used.
"""

import contextlib
import copy
import io
import json
import os
import shutil
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import eval_findings as ev  # noqa: E402

GOLD = os.environ.get("GOLD_JSON") or os.path.join(
    HERE, "..", "testdata", "gold", "gold.json")


def sentence_of(gold_dir, topic, doc, contains):
    """The sentence of the article that holds `contains`, as it is there."""
    _, body = ev.read_article(os.path.join(gold_dir, topic, doc + ".md"))
    hits = [s for s in ev.split_sentences(body)
            if ev.normalize(contains) in ev.normalize(s)]
    assert len(hits) == 1, (doc, contains, hits)
    return hits[0]


def claim(gold_dir, topic, doc, contains):
    return {"document_id": doc, "text": sentence_of(gold_dir, topic, doc, contains)}


def finding_for(gold_dir, topic, mf, alt=0, kind=None, cause=None):
    """A finding citing, per gold side, its alternative number `alt` (or the
    last one when there are fewer)."""
    claims = []
    for side in ev._sides(mf):
        doc, contains = side[min(alt, len(side) - 1)]
        claims.append(claim(gold_dir, topic, doc, contains))
    return {"id": "f", "kind": kind or mf["kind"],
            "cause": cause or mf.get("cause", "CAUSE_UNSPECIFIED"),
            "summary": mf["id"], "confidence": 0.9, "claims": claims}


class GoldFileTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.gold, cls.gold_dir = ev.load_gold(GOLD)

    def test_has_five_topics_with_every_kind_and_cause(self):
        topics = self.gold["topics"]
        self.assertGreaterEqual(len(topics), 5)
        kinds = {mf["kind"] for t in topics.values() for mf in t["must_find"]}
        self.assertEqual(kinds, set(ev.KINDS))
        causes = {mf.get("cause") for t in topics.values() for mf in t["must_find"]}
        for cause in ("CONFLICTING_SOURCES", "LATER_UPDATE"):
            self.assertIn(cause, causes)
        self.assertTrue(causes & {"DIFFERENT_SCOPE", "UNEXPLAINED"})
        for name, t in topics.items():
            self.assertGreaterEqual(len(t["must_not"]), 3, name)

    def test_split_sentences(self):
        body = ('Mr. Hale said the city would pay. "We will not," she said.\n\n'
                'Col. Ilic spoke on Oct. 19 at 10 a.m. Then he left! Why?')
        self.assertEqual(ev.split_sentences(body), [
            "Mr. Hale said the city would pay.", '"We will not," she said.',
            "Col. Ilic spoke on Oct. 19 at 10 a.m. Then he left!", "Why?"])

    def _write_gold(self, gold):
        tmp = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, tmp)
        for topic in gold["topics"]:
            shutil.copytree(os.path.join(self.gold_dir, topic),
                            os.path.join(tmp, topic))
        path = os.path.join(tmp, "gold.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(gold, f)
        return path

    def _assert_rejected(self, mutate, message):
        gold = copy.deepcopy(self.gold)
        mutate(gold["topics"]["flood"])
        with self.assertRaises(ev.GoldError) as ctx:
            ev.load_gold(self._write_gold(gold))
        self.assertIn(message, str(ctx.exception))

    def test_copy_of_gold_is_accepted(self):
        ev.load_gold(self._write_gold(copy.deepcopy(self.gold)))

    def test_rejects_substring_not_in_article(self):
        def mutate(t):
            t["must_find"][0]["claims"][0]["contains"] = "said 15 people were killed"
        self._assert_rejected(mutate, "is in 0 sentences")

    def test_rejects_substring_in_two_sentences(self):
        def mutate(t):
            t["must_find"][0]["claims"][0]["contains"] = "the Oskel"
        self._assert_rejected(mutate, "is in 2 sentences")

    def test_rejects_unknown_doc_kind_and_cause(self):
        self._assert_rejected(
            lambda t: t["must_find"][0]["claims"][0].update(doc="nope"),
            "no article 'nope'")
        self._assert_rejected(
            lambda t: t["must_find"][0].update(kind="NUMBERS"), "bad kind")
        self._assert_rejected(
            lambda t: t["must_find"][0].update(cause="LATER"), "bad cause")

    def test_rejects_must_not_inside_a_must_find(self):
        def mutate(t):
            t["must_not"].append({"id": "x", "note": "n", "claims": [
                {"doc": "valley-herald-may12", "contains": "said 14 people were killed"},
                {"doc": "river-post-may13", "contains": "27 people had died in the flood"}]})
        self._assert_rejected(mutate, "belong to must_find 'flood-toll-rise'")

    def test_rejects_duplicate_ids(self):
        self._assert_rejected(
            lambda t: t["must_find"][1].update(id=t["must_find"][0]["id"]),
            "duplicate id")


class ScoringTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.gold, cls.gold_dir = ev.load_gold(GOLD)

    def test_perfect_report_scores_one(self):
        for topic, entry in self.gold["topics"].items():
            findings = [finding_for(self.gold_dir, topic, mf)
                        for mf in entry["must_find"]]
            r = ev.score_topic(entry, findings)
            self.assertEqual(r["matched"], len(entry["must_find"]), topic)
            self.assertEqual(r["true_findings"], len(findings), topic)
            self.assertEqual(r["violations"], [], topic)
            self.assertEqual(r["cause_agree"], r["cause_total"], topic)

    def test_alternatives_match(self):
        entry = self.gold["topics"]["flood"]
        mf = next(m for m in entry["must_find"] if m["id"] == "flood-toll-rise")
        for alt in range(3):
            r = ev.score_topic(entry, [finding_for(self.gold_dir, "flood", mf, alt)])
            self.assertEqual(r["matched"], 1, alt)

    def test_wrong_kind_is_false_and_missed(self):
        entry = self.gold["topics"]["conflict"]
        mf = entry["must_find"][0]
        f = finding_for(self.gold_dir, "conflict", mf, kind="DATE_MISMATCH")
        r = ev.score_topic(entry, [f])
        self.assertEqual((r["matched"], r["true_findings"]), (0, 0))
        self.assertEqual(len(r["false_findings"]), 1)

    def test_one_side_only_is_not_a_match(self):
        entry = self.gold["topics"]["protest"]
        mf = entry["must_find"][2]
        f = finding_for(self.gold_dir, "protest", mf)
        f["claims"] = f["claims"][:1]
        self.assertEqual(ev.score_topic(entry, [f])["matched"], 0)

    def test_claim_in_other_document_does_not_count(self):
        entry = self.gold["topics"]["election"]
        mf = entry["must_find"][0]
        f = finding_for(self.gold_dir, "election", mf)
        f["claims"][1]["document_id"] = "coastal-herald-oct08"
        self.assertEqual(ev.score_topic(entry, [f])["matched"], 0)

    def test_distinct_docs(self):
        entry = self.gold["topics"]["protest"]
        across = next(m for m in entry["must_find"] if m["id"] == "protest-crowd-across")
        within = next(m for m in entry["must_find"] if m["id"] == "protest-crowd-within")
        same_doc = finding_for(self.gold_dir, "protest", within)
        self.assertFalse(ev.matches_must_find(same_doc, across))
        self.assertTrue(ev.matches_must_find(same_doc, within))
        self.assertTrue(ev.matches_must_find(
            finding_for(self.gold_dir, "protest", across), across))

    def test_merged_finding_matches_every_must_find_it_holds(self):
        entry = self.gold["topics"]["protest"]
        within, across = entry["must_find"][0], entry["must_find"][1]
        merged = finding_for(self.gold_dir, "protest", within)
        merged["claims"] += finding_for(self.gold_dir, "protest", across)["claims"]
        r = ev.score_topic(entry, [merged])
        self.assertEqual((r["matched"], r["true_findings"], r["reported"]), (2, 1, 1))

    def test_must_not_pair_is_violation_and_false(self):
        entry = self.gold["topics"]["company"]
        mn = entry["must_not"][0]
        f = {"id": "f1", "kind": "NUMERIC_MISMATCH", "cause": "UNEXPLAINED",
             "summary": "s", "confidence": 0.7,
             "claims": [claim(self.gold_dir, "company", c["doc"], c["contains"])
                        for c in mn["claims"]]}
        r = ev.score_topic(entry, [f])
        self.assertEqual([m["id"] for m, _ in r["violations"]], [mn["id"]])
        self.assertEqual(len(r["false_findings"]), 1)

    def test_cause_disagreement_is_counted(self):
        entry = self.gold["topics"]["flood"]
        mf = entry["must_find"][0]
        f = finding_for(self.gold_dir, "flood", mf, cause="CONFLICTING_SOURCES")
        r = ev.score_topic(entry, [f])
        self.assertEqual((r["matched"], r["cause_total"], r["cause_agree"]), (1, 1, 0))

    def test_curly_quotes_and_dashes_normalized(self):
        entry = self.gold["topics"]["flood"]
        mf = next(m for m in entry["must_find"] if m["id"] == "flood-floodgates")
        f = finding_for(self.gold_dir, "flood", mf)
        f["claims"][0]["text"] = f["claims"][0]["text"].replace("'", "\u2019")
        self.assertIn("\u2019", f["claims"][0]["text"])
        self.assertEqual(ev.score_topic(entry, [f])["matched"], 1)

    def test_empty_report(self):
        entry = self.gold["topics"]["flood"]
        r = ev.score_topic(entry, [])
        self.assertEqual((r["reported"], r["matched"]), (0, 0))
        self.assertEqual(len(r["misses"]), len(entry["must_find"]))


class MainTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.gold, cls.gold_dir = ev.load_gold(GOLD)

    def _reports(self, perfect):
        tmp = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, tmp)
        for topic, entry in self.gold["topics"].items():
            findings = ([finding_for(self.gold_dir, topic, mf)
                         for mf in entry["must_find"]] if perfect else [])
            with open(os.path.join(tmp, topic + ".json"), "w") as f:
                json.dump({"findings": findings}, f)
        return tmp

    def _main(self, *args):
        out = io.StringIO()
        with contextlib.redirect_stdout(out), \
                contextlib.redirect_stderr(io.StringIO()):
            rc = ev.main(["--gold", GOLD] + list(args))
        return rc, out.getvalue()

    def test_validate_only(self):
        rc, out = self._main("--validate-only")
        self.assertEqual(rc, 0)
        self.assertIn("gold ok", out)

    def test_thresholds(self):
        perfect, empty = self._reports(True), self._reports(False)
        rc, out = self._main("--reports", perfect, "--require-precision=1",
                             "--require-recall=1", "--require-no-violations")
        self.assertEqual(rc, 0, out)
        self.assertIn("overall", out)
        rc, out = self._main("--reports", empty, "--require-recall=0.5")
        self.assertEqual(rc, 1)
        self.assertIn("MISS", out)
        rc, _ = self._main("--reports", empty)
        self.assertEqual(rc, 0)

    def test_json_out(self):
        path = os.path.join(tempfile.mkdtemp(), "figures.json")
        self.addCleanup(shutil.rmtree, os.path.dirname(path))
        rc, _ = self._main("--reports", self._reports(True), "--json-out", path)
        self.assertEqual(rc, 0)
        with open(path) as f:
            figures = json.load(f)
        self.assertEqual(figures["overall"]["recall"], 1.0)
        self.assertEqual(figures["overall"]["precision"], 1.0)

    def test_usage_errors(self):
        self.assertEqual(self._main()[0], 2)  # neither --factdiff nor --reports
        self.assertEqual(self._main("--reports", self._reports(False),
                                    "--topic", "nope")[0], 2)


if __name__ == "__main__":
    unittest.main(verbosity=1)
