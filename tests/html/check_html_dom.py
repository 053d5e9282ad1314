#!/usr/bin/env python3
"""Checks what headless Chromium made of a factdiff HTML report.

  check_html_dom.py dom DOM_FILE REPORT_JSON   the DOM (chromium --dump-dom)
                                               against the JSON report
  check_html_dom.py png PNG_FILE WIDTH         a screenshot: PNG, WIDTH wide

Prints one line per problem and exits 1 if there is any.
"""

import json
import struct
import sys
from html.parser import HTMLParser

# Elements that never have an end tag in serialized HTML.
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "source", "track", "wbr"}
# Attributes that load or point to something.
URL_ATTRS = {"src", "href", "srcset", "action", "formaction", "poster",
             "data", "xlink:href", "background"}


class Dom(HTMLParser):
  """Collects ids, links, findings and what each finding holds."""

  def __init__(self):
    super().__init__(convert_charrefs=True)
    self.stack = []          # open elements: (tag, classes, finding id)
    self.ids = []
    self.hrefs = []          # (tag, href)
    self.resources = []      # (tag, attr, value) for src-like attributes
    self.findings = []       # ids of <section class="finding">
    self.svgs = 0
    self.charts_in = {}      # finding id -> svg.chart count
    self.claims_in = {}      # finding id -> article.claim count
    self.marks_in_claim = []  # (finding id, marks in that claim)
    self.context_links = 0
    self.style_text = []
    self.scripts = 0
    self.empty_notice = False
    self._mark_count = None

  def _finding(self):
    for _, _, fid in reversed(self.stack):
      if fid is not None:
        return fid
    return None

  def handle_starttag(self, tag, attrs):
    a = {k: (v or "") for k, v in attrs}
    classes = a.get("class", "").split()
    if "id" in a:
      self.ids.append(a["id"])
    for k, v in a.items():
      if k == "href":
        self.hrefs.append((tag, v))
      elif k in URL_ATTRS:
        self.resources.append((tag, k, v))
    if tag == "script":
      self.scripts += 1
    if tag == "link":
      self.resources.append((tag, "link", a.get("href", "")))
    fid = None
    if tag == "section" and "finding" in classes:
      fid = a.get("id", "")
      self.findings.append(fid)
      self.charts_in[fid] = 0
      self.claims_in[fid] = 0
    current = self._finding()
    if tag == "svg":
      self.svgs += 1
      if "chart" in classes and current is not None:
        self.charts_in[current] += 1
    if tag == "article" and "claim" in classes and current is not None:
      self.claims_in[current] += 1
      self._mark_count = [current, 0]
      self.marks_in_claim.append(self._mark_count)
    if tag == "mark" and self._mark_count is not None:
      self._mark_count[1] += 1
    if tag == "a" and "context" in classes:
      self.context_links += 1
    if tag == "p" and "empty" in classes:
      self.empty_notice = True
    if tag not in VOID:
      self.stack.append((tag, classes, fid))

  def handle_endtag(self, tag):
    if tag in VOID:
      return
    while self.stack:
      open_tag, classes, _ = self.stack.pop()
      if open_tag == "article" and "claim" in classes:
        self._mark_count = None
      if open_tag == tag:
        break

  def handle_data(self, data):
    if self.stack and self.stack[-1][0] == "style":
      self.style_text.append(data)


def check_dom(dom_path, json_path):
  with open(dom_path, encoding="utf-8") as f:
    dom_text = f.read()
  with open(json_path, encoding="utf-8") as f:
    report = json.load(f)
  problems = []
  dom = Dom()
  dom.feed(dom_text)
  dom.close()

  findings = report.get("findings", [])
  numeric = [f for f in findings if f.get("kind") == "NUMERIC_MISMATCH"]
  if not findings:
    problems.append("the example set has no findings: nothing to check")
  if len(dom.findings) != len(findings):
    problems.append(f"{len(dom.findings)} finding sections, the JSON report "
                    f"has {len(findings)} findings")
  if dom.svgs != len(numeric):
    problems.append(f"{dom.svgs} <svg> elements, the JSON report has "
                    f"{len(numeric)} numeric findings")
  for f in findings:
    fid = "finding-" + f["id"]
    if fid not in dom.claims_in:
      problems.append(f"no <section class=finding id={fid}>")
      continue
    want_charts = 1 if f.get("kind") == "NUMERIC_MISMATCH" else 0
    if dom.charts_in[fid] != want_charts:
      problems.append(f"{fid}: {dom.charts_in[fid]} charts, want {want_charts}")
    if dom.claims_in[fid] != len(f.get("claims", [])):
      problems.append(f"{fid}: {dom.claims_in[fid]} claims shown, the JSON "
                      f"has {len(f.get('claims', []))}")
  for fid, marks in dom.marks_in_claim:
    if marks < 1:
      problems.append(f"{fid}: a claim without a highlighted <mark>")
  claims = sum(len(f.get("claims", [])) for f in findings)
  if dom.context_links != claims:
    problems.append(f"{dom.context_links} 'in context' links for {claims} claims")

  # Anchors: ids unique, every #fragment resolves.
  seen = set()
  for i in dom.ids:
    if i in seen:
      problems.append(f"duplicate id {i!r}")
    seen.add(i)
  internal = [h for _, h in dom.hrefs if h.startswith("#")]
  for h in internal:
    if h[1:] not in seen:
      problems.append(f"href {h!r} has no matching id")
  if not internal:
    problems.append("no internal links at all")

  # Nothing loaded from outside; the only outside links are the articles'.
  article_urls = {d.get("url", "") for d in report.get("documents", [])}
  article_urls.discard("")
  for tag, h in dom.hrefs:
    if not h.startswith("#") and h not in article_urls:
      problems.append(f"<{tag} href={h!r}> is neither internal nor an article URL")
  for tag, attr, value in dom.resources:
    problems.append(f"<{tag} {attr}={value!r}> loads a resource")
  if dom.scripts:
    problems.append(f"{dom.scripts} <script> elements")
  css = "".join(dom.style_text)
  if not css.strip():
    problems.append("no inline CSS")
  for needle in ("url(", "@import"):
    if needle in css:
      problems.append(f"the CSS holds {needle!r}")

  for p in problems:
    print(f"{dom_path}: {p}")
  if not problems:
    print(f"{dom_path}: ok ({len(findings)} findings, {len(numeric)} charts, "
          f"{len(internal)} internal links)")
  return not problems


def check_png(png_path, width):
  try:
    with open(png_path, "rb") as f:
      head = f.read(33)
  except OSError as e:
    print(f"{png_path}: cannot read the screenshot: {e}")
    return False
  if head[:8] != b"\x89PNG\r\n\x1a\n":
    print(f"{png_path}: not a PNG (starts with {head[:8]!r})")
    return False
  if len(head) < 24 or head[12:16] != b"IHDR":
    print(f"{png_path}: no IHDR chunk")
    return False
  got_width, got_height = struct.unpack(">II", head[16:24])
  if got_width != width:
    print(f"{png_path}: {got_width} px wide, want {width}")
    return False
  if got_height < 100:
    print(f"{png_path}: only {got_height} px high")
    return False
  print(f"{png_path}: ok ({got_width}x{got_height})")
  return True


def main(argv):
  if len(argv) == 4 and argv[1] == "dom":
    return 0 if check_dom(argv[2], argv[3]) else 1
  if len(argv) == 4 and argv[1] == "png":
    return 0 if check_png(argv[2], int(argv[3])) else 1
  print(__doc__)
  return 2


if __name__ == "__main__":
  sys.exit(main(sys.argv))
