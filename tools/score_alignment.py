#!/usr/bin/env python3
"""Scores a factdiff JSON Report's events against gen_corpus.py's truth.

Pairwise precision/recall of "same event" over statement pairs ACROSS
documents: a predicted pair is two statements of different documents in one
Report event; a gold pair is two truth sentences of different documents with
the same non-null event. Statements are matched to truth sentences by
(document id, whitespace-collapsed text), falling back to containment when
the engine split a sentence differently. Counting is per event (no n^2).

    python3 tools/score_alignment.py report.json /tmp/corpus/truth.json

Prints one JSON object: precision, recall, f1, gold_pairs, predicted_pairs,
true_pairs, unmatched_statements, events.
"""

import collections
import json
import sys


def norm(s):
    return " ".join(s.split())


def get(d, *names, default=None):
    for n in names:
        if n in d:
            return d[n]
    return default


def cross_pairs(doc_counts):
    """Pairs of items in different documents, from per-document counts."""
    total = sum(doc_counts.values())
    return (total * (total - 1) - sum(c * (c - 1) for c in
                                      doc_counts.values())) // 2


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: score_alignment.py REPORT.json TRUTH.json")
    with open(sys.argv[1], encoding="utf-8") as f:
        report = json.load(f)
    with open(sys.argv[2], encoding="utf-8") as f:
        truth = json.load(f)

    label = {}                      # (doc, text) -> event id or None
    by_doc = collections.defaultdict(list)
    gold = collections.defaultdict(collections.Counter)  # event -> doc counts
    for s in truth["sentences"]:
        label[(s["doc"], norm(s["text"]))] = s["event"]
        by_doc[s["doc"]].append((norm(s["text"]), s["event"]))
        if s["event"] is not None:
            gold[s["event"]][s["doc"]] += 1

    def lookup(doc, text):
        t = norm(text)
        if (doc, t) in label:
            return True, label[(doc, t)]
        for truth_text, ev in by_doc.get(doc, []):
            if truth_text in t or t in truth_text:
                return True, ev
        return False, None

    statements = {}
    for s in get(report, "statements", default=[]):
        statements[s["id"]] = (get(s, "documentId", "document_id"),
                               s.get("text", ""))
    predicted = true = unmatched = 0
    for e in get(report, "events", default=[]):
        docs = collections.Counter()
        per_gold = collections.defaultdict(collections.Counter)
        for sid in get(e, "statementIds", "statement_ids", default=[]):
            doc, text = statements.get(sid, (sid.split("#")[0], ""))
            docs[doc] += 1
            found, ev = lookup(doc, text)
            if not found:
                unmatched += 1
            elif ev is not None:
                per_gold[ev][doc] += 1
        predicted += cross_pairs(docs)
        true += sum(cross_pairs(c) for c in per_gold.values())
    gold_pairs = sum(cross_pairs(c) for c in gold.values())
    precision = true / predicted if predicted else 1.0
    recall = true / gold_pairs if gold_pairs else 1.0
    f1 = (2 * precision * recall / (precision + recall)
          if precision + recall else 0.0)
    print(json.dumps({
        "precision": round(precision, 4), "recall": round(recall, 4),
        "f1": round(f1, 4), "gold_pairs": gold_pairs,
        "predicted_pairs": predicted, "true_pairs": true,
        "unmatched_statements": unmatched,
        "events": len(get(report, "events", default=[]))}))


if __name__ == "__main__":
    main()
