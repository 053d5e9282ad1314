#!/usr/bin/env python3
"""Scores factdiff's findings against the annotated example sets.

The gold file (tests/testdata/gold/gold.json) lists, per topic folder, the
disagreements a careful reader must find ("must_find") and pairs of sentences
that must never be reported together as a disagreement ("must_not"). See
tests/testdata/gold/README.md for the format.

Usage:
  eval_findings.py --gold GOLD.json --validate-only
      Checks the gold file against the articles; exit 2 when it is bad.
  eval_findings.py --gold GOLD.json --factdiff PATH [--topic NAME]...
      [--require-precision X] [--require-recall X] [--require-no-violations]
      [--json-out FILE] [--factdiff-arg ARG]...
      Runs `factdiff compare --format=json <topic files>` per topic and prints
      per topic and overall: reported, matched, precision, recall, must-not
      violations, cause agreement, then the misses, false findings and
      violations. Exit 1 when a --require-* threshold is not met.
  eval_findings.py --gold GOLD.json --reports DIR
      Same, but reads DIR/<topic>.json (a saved Report) instead of running the
      binary.

Matching (the contract the figures rest on):
  * A reported finding matches a must_find when its kind is the must_find's
    kind and every gold claim is covered: some claim of the finding has
    document_id == the gold claim's doc and a text (the sentence) that contains
    the gold "contains" string, or the same for one of the claim's "or"
    alternatives. With "distinct_docs": true, the covering claims must come
    from at least two documents.
  * A reported finding violates a must_not when both of the pair's substrings
    appear in claims of the finding (each in a claim of its own doc), whatever
    the finding's kind.
  * precision = reported findings matching at least one must_find / reported
    (1.0 when nothing is reported); recall = must_finds matched / must_finds;
    cause agreement = matched must_finds with a gold cause for which some
    matching finding has that cause / matched must_finds with a gold cause.
  Texts are compared after NFC normalization, straight quotes for curly ones,
  ASCII hyphens for dashes, and single spaces.

Exit codes: 0 ok, 1 a threshold not met, 2 bad gold file, bad usage, or the
binary failed.
"""

import argparse
import itertools
import json
import os
import re
import subprocess
import sys
import unicodedata

KINDS = ("NUMERIC_MISMATCH", "ATTRIBUTION_CONFLICT", "CAUSAL_ORDER_CONFLICT",
         "DATE_MISMATCH")
CAUSES = ("UNEXPLAINED", "CONFLICTING_SOURCES", "LATER_UPDATE",
          "DIFFERENT_SCOPE")
FRONT_MATTER_KEYS = ("title", "source", "published", "url")
MIN_SENTENCES, MAX_SENTENCES = 8, 20
MIN_ARTICLES, MAX_ARTICLES = 3, 4

# Abbreviations after which a period does not end a sentence.
_ABBREVIATIONS = frozenset("""
mr mrs ms dr prof sgt col gen lt capt maj cmdr adm gov sen rep st jr sr
no vs etc inc ltd co corp dept univ jan feb mar apr aug sept sep oct nov dec
u.s u.k u.n e.g i.e a.m p.m
""".split())

_TRANSLATE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-",
    "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ",
})


class GoldError(Exception):
    """The gold file or the articles do not satisfy the format."""


def normalize(text):
    """The form in which gold substrings and claim sentences are compared."""
    text = unicodedata.normalize("NFC", text).translate(_TRANSLATE)
    return re.sub(r"\s+", " ", text).strip()


# --------------------------------------------------------------------------
# Articles

def read_article(path):
    """Returns (front_matter dict, body) of a Markdown article."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise GoldError(f"{path}: no front matter")
    meta = {}
    for i in range(1, len(lines)):
        line = lines[i]
        if line.strip() == "---":
            return meta, "\n".join(lines[i + 1:])
        key, sep, value = line.partition(":")
        if not sep:
            raise GoldError(f"{path}:{i + 1}: bad front matter line {line!r}")
        meta[key.strip()] = value.strip()
    raise GoldError(f"{path}: front matter never closed")


_BOUNDARY = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])")


def split_sentences(body):
    """Splits an article body into sentences (paragraphs, then end marks)."""
    sentences = []
    for para in re.split(r"\n\s*\n", body):
        para = " ".join(para.split())
        if not para:
            continue
        start = 0
        for m in _BOUNDARY.finditer(para):
            if para[m.start()] == ".":
                word = re.search(r"([A-Za-z.]+)$", para[start:m.start()])
                if word and word.group(1).lower().strip(".") in _ABBREVIATIONS:
                    continue
                if word and len(word.group(1)) == 1 and word.group(1).isupper():
                    continue  # an initial: "J. Smith"
            end = m.start() + 1
            sentences.append(para[start:end].strip())
            start = m.end()
        tail = para[start:].strip()
        if tail:
            sentences.append(tail)
    return sentences


def topic_articles(gold_dir, topic):
    """{doc id (file stem): path} for the .md articles of a topic folder."""
    folder = os.path.join(gold_dir, topic)
    if not os.path.isdir(folder):
        raise GoldError(f"topic {topic!r}: no folder {folder}")
    docs = {}
    for name in sorted(os.listdir(folder)):
        if name.endswith(".md"):
            docs[name[:-3]] = os.path.join(folder, name)
    return docs


# --------------------------------------------------------------------------
# Gold

def _sides(must_find):
    """Each gold claim with its alternatives: [[(doc, contains), ...], ...]."""
    sides = []
    for claim in must_find["claims"]:
        side = [(claim["doc"], claim["contains"])]
        side += [(alt["doc"], alt["contains"]) for alt in claim.get("or", [])]
        sides.append(side)
    return sides


def load_gold(gold_path):
    """Loads and validates the gold file; returns (gold dict, gold dir).

    Raises GoldError with every problem found.
    """
    gold_dir = os.path.dirname(os.path.abspath(gold_path))
    try:
        with open(gold_path, encoding="utf-8") as f:
            gold = json.load(f)
    except (OSError, ValueError) as e:
        raise GoldError(f"{gold_path}: {e}")
    problems = []
    topics = gold.get("topics")
    if not isinstance(topics, dict) or not topics:
        raise GoldError(f"{gold_path}: no \"topics\" object")
    seen_ids = set()
    for topic, entry in topics.items():
        try:
            docs = topic_articles(gold_dir, topic)
        except GoldError as e:
            problems.append(str(e))
            continue
        if not MIN_ARTICLES <= len(docs) <= MAX_ARTICLES:
            problems.append(f"{topic}: {len(docs)} articles, want "
                            f"{MIN_ARTICLES}-{MAX_ARTICLES}")
        sentences, metas = {}, {}
        for doc, path in docs.items():
            try:
                meta, body = read_article(path)
            except GoldError as e:
                problems.append(str(e))
                continue
            metas[doc] = meta
            for key in FRONT_MATTER_KEYS:
                if not meta.get(key):
                    problems.append(f"{path}: front matter lacks {key!r}")
            if meta.get("published") and not re.fullmatch(
                    r"\d{4}-\d{2}-\d{2}", meta["published"]):
                problems.append(f"{path}: published is not YYYY-MM-DD")
            sentences[doc] = [normalize(s) for s in split_sentences(body)]
            n = len(sentences[doc])
            if not MIN_SENTENCES <= n <= MAX_SENTENCES:
                problems.append(f"{path}: {n} sentences, want "
                                f"{MIN_SENTENCES}-{MAX_SENTENCES}")
        outlets = [meta.get("source") for meta in metas.values()]
        if len(set(outlets)) != len(outlets):
            problems.append(f"{topic}: two articles from the same outlet")
        dates = [meta.get("published") for meta in metas.values()]
        if len(set(dates)) < 2:
            problems.append(f"{topic}: all articles have one publication date")

        def check_claim(where, claim):
            if not isinstance(claim, dict) or set(claim) - {"doc", "contains", "or"}:
                problems.append(f"{where}: a claim needs doc and contains: {claim!r}")
                return None
            doc, contains = claim.get("doc"), claim.get("contains")
            if doc not in sentences:
                problems.append(f"{where}: no article {doc!r} in {topic}/")
                return None
            if not isinstance(contains, str) or len(contains.strip()) < 5:
                problems.append(f"{where}: contains too short: {contains!r}")
                return None
            hits = [i for i, s in enumerate(sentences[doc])
                    if normalize(contains) in s]
            if len(hits) != 1:
                problems.append(
                    f"{where}: {contains!r} is in {len(hits)} sentences of "
                    f"{doc} (must be exactly one)")
                return None
            return (doc, hits[0])

        must_find_sentences = []
        for i, mf in enumerate(entry.get("must_find", [])):
            where = f"{topic}.must_find[{i}] {mf.get('id')!r}"
            if mf.get("kind") not in KINDS:
                problems.append(f"{where}: bad kind {mf.get('kind')!r}")
            if "cause" in mf and mf["cause"] not in CAUSES:
                problems.append(f"{where}: bad cause {mf['cause']!r}")
            if mf.get("cause") and mf.get("kind") != "NUMERIC_MISMATCH":
                problems.append(f"{where}: a cause only goes with NUMERIC_MISMATCH")
            if not mf.get("note"):
                problems.append(f"{where}: no note")
            claims = mf.get("claims")
            if not isinstance(claims, list) or len(claims) < 2:
                problems.append(f"{where}: needs 2 or more claims")
                continue
            located = set()
            for j, claim in enumerate(claims):
                loc = check_claim(f"{where}.claims[{j}]", claim)
                if loc:
                    located.add(loc)
                for k, alt in enumerate(claim.get("or", []) if isinstance(claim, dict) else []):
                    if isinstance(alt, dict) and "or" in alt:
                        problems.append(f"{where}.claims[{j}].or[{k}]: nested or")
                    loc = check_claim(f"{where}.claims[{j}].or[{k}]", alt)
                    if loc:
                        located.add(loc)
            must_find_sentences.append((mf.get("id"), located))
            mf_id = mf.get("id")
            if not mf_id or mf_id in seen_ids:
                problems.append(f"{where}: missing or duplicate id")
            seen_ids.add(mf_id)
        for i, mn in enumerate(entry.get("must_not", [])):
            where = f"{topic}.must_not[{i}] {mn.get('id')!r}"
            claims = mn.get("claims")
            if not isinstance(claims, list) or len(claims) != 2:
                problems.append(f"{where}: needs exactly 2 claims")
                continue
            if not mn.get("note"):
                problems.append(f"{where}: no note")
            locs = []
            for j, claim in enumerate(claims):
                if isinstance(claim, dict) and "or" in claim:
                    problems.append(f"{where}.claims[{j}]: no 'or' in must_not")
                locs.append(check_claim(f"{where}.claims[{j}]", claim))
            if None not in locs:
                if locs[0] == locs[1]:
                    problems.append(f"{where}: both claims are one sentence")
                # A must_not pair that a correct must_find finding could hold
                # in full would make the gold contradict itself.
                for mf_id, located in must_find_sentences:
                    if locs[0] in located and locs[1] in located:
                        problems.append(f"{where}: both sentences belong to "
                                        f"must_find {mf_id!r}")
            mn_id = mn.get("id")
            if not mn_id or mn_id in seen_ids:
                problems.append(f"{where}: missing or duplicate id")
            seen_ids.add(mn_id)
        if not entry.get("must_find"):
            problems.append(f"{topic}: no must_find")
    if problems:
        raise GoldError("\n".join(problems))
    return gold, gold_dir


# --------------------------------------------------------------------------
# Matching

def _claims_of(finding):
    out = []
    for c in finding.get("claims", []):
        doc = c.get("document_id", c.get("documentId", ""))
        out.append((doc, normalize(c.get("text", ""))))
    return out


def _covering(claims, side):
    """Indexes of the finding's claims that cover one gold side."""
    return [i for i, (doc, text) in enumerate(claims)
            if any(doc == gdoc and normalize(sub) in text for gdoc, sub in side)]


def matches_must_find(finding, must_find):
    if finding.get("kind") != must_find["kind"]:
        return False
    claims = _claims_of(finding)
    covers = [_covering(claims, side) for side in _sides(must_find)]
    if not all(covers):
        return False
    if not must_find.get("distinct_docs"):
        return True
    for choice in itertools.product(*covers):
        if len({claims[i][0] for i in choice}) >= 2:
            return True
    return False


def violates_must_not(finding, must_not):
    claims = _claims_of(finding)
    return all(_covering(claims, [(c["doc"], c["contains"])])
               for c in must_not["claims"])


def score_topic(entry, findings):
    """Scores one topic's reported findings; returns a dict of figures."""
    must_find = entry.get("must_find", [])
    must_not = entry.get("must_not", [])
    matched_by = {mf["id"]: [] for mf in must_find}
    false_findings, violations = [], []
    true_count = 0
    for f in findings:
        hit = [mf for mf in must_find if matches_must_find(f, mf)]
        for mf in hit:
            matched_by[mf["id"]].append(f)
        if hit:
            true_count += 1
        else:
            false_findings.append(f)
        for mn in must_not:
            if violates_must_not(f, mn):
                violations.append((mn, f))
    matched = [mf for mf in must_find if matched_by[mf["id"]]]
    misses = [mf for mf in must_find if not matched_by[mf["id"]]]
    with_cause = [mf for mf in matched if mf.get("cause")]
    cause_ok = [mf for mf in with_cause
                if any(f.get("cause") == mf["cause"] for f in matched_by[mf["id"]])]
    cause_bad = [(mf, sorted({f.get("cause", "") for f in matched_by[mf["id"]]}))
                 for mf in with_cause if mf not in cause_ok]
    return {
        "reported": len(findings),
        "true_findings": true_count,
        "must_find": len(must_find),
        "matched": len(matched),
        "must_not": len(must_not),
        "violations": violations,
        "misses": misses,
        "false_findings": false_findings,
        "cause_total": len(with_cause),
        "cause_agree": len(cause_ok),
        "cause_disagree": cause_bad,
    }


def _ratio(num, den):
    return num / den if den else 1.0


# --------------------------------------------------------------------------
# Running

def run_factdiff(binary, files, extra_args):
    cmd = [binary, "compare", "--format=json"] + list(extra_args) + list(files)
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}: "
                           f"{proc.stderr.decode('utf-8', 'replace').strip()}")
    try:
        return json.loads(proc.stdout.decode("utf-8"))
    except ValueError as e:
        raise RuntimeError(f"{' '.join(cmd)}: output is not JSON: {e}")


def _short(finding, width=150):
    docs = ", ".join(sorted({c.get("document_id", c.get("documentId", ""))
                             for c in finding.get("claims", [])}))
    summary = finding.get("summary", "")
    line = (f"{finding.get('id', '?')} {finding.get('kind', '?')}"
            f"/{finding.get('cause', '?')} conf={finding.get('confidence', 0):.2f}"
            f" [{docs}] {summary}")
    return line if len(line) <= width else line[:width - 3] + "..."


def print_report(results, out):
    w = out.write
    w(f"{'topic':<10} {'reported':>8} {'true':>5} {'prec':>6} "
      f"{'matched':>9} {'recall':>6} {'viol':>5} {'cause':>7}\n")
    totals = {"reported": 0, "true_findings": 0, "must_find": 0, "matched": 0,
              "violations": 0, "cause_total": 0, "cause_agree": 0}
    for topic, r in results.items():
        w(f"{topic:<10} {r['reported']:>8} {r['true_findings']:>5} "
          f"{_ratio(r['true_findings'], r['reported']):>6.2f} "
          f"{r['matched']:>4}/{r['must_find']:<4} "
          f"{_ratio(r['matched'], r['must_find']):>6.2f} "
          f"{len(r['violations']):>5} {r['cause_agree']:>3}/{r['cause_total']:<3}\n")
        for key in totals:
            totals[key] += len(r[key]) if key == "violations" else r[key]
    w(f"{'overall':<10} {totals['reported']:>8} {totals['true_findings']:>5} "
      f"{_ratio(totals['true_findings'], totals['reported']):>6.2f} "
      f"{totals['matched']:>4}/{totals['must_find']:<4} "
      f"{_ratio(totals['matched'], totals['must_find']):>6.2f} "
      f"{totals['violations']:>5} {totals['cause_agree']:>3}/{totals['cause_total']:<3}\n")
    w("\nprecision = true/reported; recall = matched/must_find; "
      "viol = must-not violations; cause = matched with the gold cause\n")
    for topic, r in results.items():
        if not (r["misses"] or r["false_findings"] or r["violations"]
                or r["cause_disagree"]):
            continue
        w(f"\n== {topic}\n")
        for mf in r["misses"]:
            w(f"  MISS  {mf['id']} ({mf['kind']}"
              f"{'/' + mf['cause'] if mf.get('cause') else ''}): {mf['note']}\n")
        for f in r["false_findings"]:
            w(f"  FALSE {_short(f)}\n")
            for c in f.get("claims", []):
                text = c.get("text", "")
                w(f"          {c.get('document_id', '')}: "
                  f"{text[:110] + ('...' if len(text) > 110 else '')}\n")
        for mn, f in r["violations"]:
            w(f"  MUST-NOT {mn['id']} ({mn['note']}) in {_short(f, 110)}\n")
        for mf, got in r["cause_disagree"]:
            w(f"  CAUSE {mf['id']}: want {mf['cause']}, got {', '.join(got)}\n")
    return totals


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--gold", required=True, help="path of gold.json")
    p.add_argument("--factdiff", help="path of the factdiff binary")
    p.add_argument("--reports", help="folder of saved reports <topic>.json")
    p.add_argument("--validate-only", action="store_true")
    p.add_argument("--topic", action="append", default=[],
                   help="score only this topic (repeatable)")
    p.add_argument("--factdiff-arg", action="append", default=[],
                   help="extra argument for `factdiff compare` (repeatable)")
    p.add_argument("--require-precision", type=float)
    p.add_argument("--require-recall", type=float)
    p.add_argument("--require-no-violations", action="store_true")
    p.add_argument("--json-out", help="write the figures as JSON here")
    args = p.parse_args(argv)

    try:
        gold, gold_dir = load_gold(args.gold)
    except GoldError as e:
        sys.stderr.write(f"bad gold file:\n{e}\n")
        return 2
    topics = gold["topics"]
    if args.validate_only:
        n_find = sum(len(t.get("must_find", [])) for t in topics.values())
        n_not = sum(len(t.get("must_not", [])) for t in topics.values())
        print(f"gold ok: {len(topics)} topics, {n_find} must_find, "
              f"{n_not} must_not")
        return 0
    if bool(args.factdiff) == bool(args.reports):
        sys.stderr.write("give exactly one of --factdiff and --reports\n")
        return 2
    selected = args.topic or list(topics)
    unknown = [t for t in selected if t not in topics]
    if unknown:
        sys.stderr.write(f"unknown topic(s): {', '.join(unknown)}\n")
        return 2

    results = {}
    for topic in selected:
        try:
            if args.factdiff:
                files = list(topic_articles(gold_dir, topic).values())
                report = run_factdiff(args.factdiff, files, args.factdiff_arg)
            else:
                with open(os.path.join(args.reports, topic + ".json"),
                          encoding="utf-8") as f:
                    report = json.load(f)
        except (RuntimeError, OSError, ValueError) as e:
            sys.stderr.write(f"{topic}: {e}\n")
            return 2
        results[topic] = score_topic(topics[topic], report.get("findings", []))

    totals = print_report(results, sys.stdout)
    precision = _ratio(totals["true_findings"], totals["reported"])
    recall = _ratio(totals["matched"], totals["must_find"])
    if args.json_out:
        figures = {t: {k: (len(v) if isinstance(v, list) else v)
                       for k, v in r.items()} for t, r in results.items()}
        figures["overall"] = dict(totals, precision=precision, recall=recall)
        with open(args.json_out, "w", encoding="utf-8") as f:
            json.dump(figures, f, indent=1, sort_keys=True)
    failed = []
    if args.require_precision is not None and precision < args.require_precision:
        failed.append(f"precision {precision:.3f} < {args.require_precision}")
    if args.require_recall is not None and recall < args.require_recall:
        failed.append(f"recall {recall:.3f} < {args.require_recall}")
    if args.require_no_violations and totals["violations"]:
        failed.append(f"{totals['violations']} must-not violations")
    if failed:
        print("\nFAILED: " + "; ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
