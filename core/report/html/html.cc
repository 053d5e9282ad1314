#include "core/report/html/html.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "core/base/utf8.h"
#include "core/report/wording.h"

namespace factdiff {
namespace {

using v1::Claim;
using v1::Document;
using v1::Finding;
using v1::Quantity;
using v1::Report;

// Everything the page looks like. Colors c0..c7 tell documents apart (claim
// cards, chart rows); sev-* color severities. No fonts are loaded.
constexpr absl::string_view kCss = R"css(
:root{--fg:#1d2329;--muted:#5b6670;--line:#d5dbe1;--bg:#fff;--panel:#f6f8fa;
--high:#b42318;--medium:#b54708;--low:#475467;--mark:#ffe58a}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);
font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
.page{max-width:1200px;margin:0 auto;padding:16px 24px 48px}
h1{font-size:1.6em;margin:.2em 0 .3em}
h2{font-size:1.3em;margin:1.6em 0 .5em;border-bottom:2px solid var(--line);padding-bottom:.2em}
h3{font-size:1.1em;margin:1.2em 0 .4em}
h4{font-size:1em;margin:0 0 .4em}
a{color:#1849a9}
.muted,.meta,.where{color:var(--muted);font-size:.9em}
.counts{display:flex;flex-wrap:wrap;gap:8px;margin:.4em 0;padding:0;list-style:none}
.counts li{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:2px 10px}
table.docs{border-collapse:collapse;width:100%;font-size:.93em}
table.docs th,table.docs td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
.table-wrap{overflow-x:auto}
.swatch{display:inline-block;width:.8em;height:.8em;border-radius:2px;margin-right:6px;vertical-align:baseline}
.toc ol{padding-left:1.4em;margin:.3em 0}
.toc li{margin:.15em 0}
.badge{display:inline-block;border-radius:4px;padding:0 7px;font-size:.82em;font-weight:600;
border:1px solid var(--line);background:var(--panel);margin-right:4px;white-space:nowrap}
.badge.sev-high{background:var(--high);border-color:var(--high);color:#fff}
.badge.sev-medium{background:var(--medium);border-color:var(--medium);color:#fff}
.badge.sev-low{background:var(--low);border-color:var(--low);color:#fff}
section.event{margin-top:1.2em}
section.finding{border:1px solid var(--line);border-left:6px solid var(--low);border-radius:8px;
padding:12px 16px;margin:12px 0;background:var(--bg);break-inside:avoid;page-break-inside:avoid}
section.finding.sev-high{border-left-color:var(--high)}
section.finding.sev-medium{border-left-color:var(--medium)}
.fid{color:var(--muted);font-weight:400;margin-right:.4em}
.explanation{margin:.4em 0}
.chart-wrap{margin:.6em 0;overflow-x:auto}
svg.chart{max-width:100%;min-width:560px;height:auto;display:block}
svg.chart text{font:12px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;fill:#1d2329}
svg.chart text.sub,svg.chart text.tick{fill:#5b6670;font-size:11px}
svg.chart line.grid{stroke:#e4e7ec}
svg.chart line.zero{stroke:#667085}
svg.chart line.axis{stroke:#98a2b3}
.claims{display:grid;grid-template-columns:repeat(auto-fit,minmax(260px,1fr));gap:12px;margin-top:.6em}
.claim{border:1px solid var(--line);border-top:4px solid #98a2b3;border-radius:6px;padding:8px 12px;
background:var(--panel);min-width:0;overflow-wrap:anywhere}
.claim .outlet{font-weight:600}
.claim blockquote{margin:.4em 0;padding:0;font-size:1.02em}
.claim .detail{font-size:.88em;margin:.2em 0}
mark{background:var(--mark);color:inherit;padding:0 2px;border-radius:2px;font-weight:600}
.empty{font-size:1.1em;padding:12px;background:var(--panel);border-radius:6px}
article.doc{border-top:1px solid var(--line);margin-top:1.2em}
.text p{white-space:pre-line;margin:.6em 0;max-width:48em;overflow-wrap:anywhere}
.cited{background:#eef4ff;border-bottom:2px solid #84adff}
.cited:target{background:#d1e0ff;outline:2px solid #2e64e5}
section.finding:target{box-shadow:0 0 0 3px #84adff}
a.back{font-size:.75em;vertical-align:super;text-decoration:none;margin-left:2px}
.missing{color:var(--muted);font-style:italic}
.c0{border-top-color:#1570ef}.c1{border-top-color:#dd2590}.c2{border-top-color:#12b76a}
.c3{border-top-color:#f79009}.c4{border-top-color:#7a5af8}.c5{border-top-color:#0e9384}
.c6{border-top-color:#e04f16}.c7{border-top-color:#667085}
@media (max-width:640px){.page{padding:8px 10px 32px}h1{font-size:1.3em}
table.docs th:nth-child(4),table.docs td:nth-child(4){display:none}}
@media print{body{font-size:11pt}.page{max-width:none;padding:0}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
a.back{display:none}section.finding{box-shadow:none}
.claims{grid-template-columns:repeat(auto-fit,minmax(220px,1fr))}}
)css";

// One color per document, the same in charts and on claim cards (.c0..c7).
constexpr const char* kPalette[] = {"#1570ef", "#dd2590", "#12b76a", "#f79009",
                                    "#7a5af8", "#0e9384", "#e04f16", "#667085"};
constexpr int kPaletteSize = sizeof(kPalette) / sizeof(kPalette[0]);




std::string BoundName(Quantity::Bound b) {
  switch (b) {
    case Quantity::EXACT:
      return "exact";
    case Quantity::APPROXIMATE:
      return "approximate";
    case Quantity::AT_LEAST:
      return "at least";
    case Quantity::MORE_THAN:
      return "more than";
    case Quantity::AT_MOST:
      return "at most";
    case Quantity::LESS_THAN:
      return "less than";
    case Quantity::RANGE:
      return "range";
    case Quantity::VAGUE:
      return "vague";
    default:
      return "";
  }
}

bool OpenAbove(const Quantity& q) {
  return q.bound() == Quantity::AT_LEAST || q.bound() == Quantity::MORE_THAN;
}

// Only web links leave the page; "javascript:" and the like are not linked.
bool IsWebUrl(absl::string_view url) {
  const std::string lower = absl::AsciiStrToLower(url);
  return absl::StartsWith(lower, "http://") ||
         absl::StartsWith(lower, "https://");
}

// "1,234", "6.1", "-0.25"; %g for magnitudes beyond exact integers.
std::string FormatNumber(double v, int decimals = -1) {
  if (!std::isfinite(v)) return v > 0 ? "\xE2\x88\x9E" : v < 0 ? "-\xE2\x88\x9E" : "?";
  if (std::fabs(v) >= 1e15) return absl::StrFormat("%g", v);
  std::string s;
  if (decimals < 0) {
    // As few decimals as show the value (up to 6).
    s = absl::StrFormat("%.6f", v);
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
  } else {
    s = absl::StrFormat("%.*f", decimals, v);
  }
  bool negative = !s.empty() && s[0] == '-';
  if (negative) s.erase(0, 1);
  if (s.find_first_of("123456789") == std::string::npos) negative = false;
  size_t int_end = s.find('.');
  if (int_end == std::string::npos) int_end = s.size();
  std::string out = negative ? "-" : "";
  for (size_t i = 0; i < int_end; ++i) {
    out += s[i];
    const size_t left = int_end - i - 1;
    if (left > 0 && left % 3 == 0) out += ',';
  }
  out += s.substr(int_end);
  return out;
}

// A UTF-8 string cut to at most `max_chars` characters, with an ellipsis.
std::string Truncate(absl::string_view s, size_t max_chars) {
  size_t chars = 0, i = 0;
  while (i < s.size()) {
    if (chars == max_chars) {
      // Cut one character earlier to leave room for the ellipsis.
      size_t cut = 0, n = 0;
      while (cut < s.size() && n + 1 < max_chars) {
        ++cut;
        while (cut < s.size() && !IsUtf8Boundary(s[cut])) ++cut;
        ++n;
      }
      return absl::StrCat(s.substr(0, cut), "\xE2\x80\xA6");
    }
    ++i;
    while (i < s.size() && !IsUtf8Boundary(s[i])) ++i;
    ++chars;
  }
  return std::string(s);
}

// Keeps ids unique on the page: the second "x" becomes "x-2".
class IdSet {
 public:
  std::string Take(const std::string& wanted) {
    std::string id = wanted;
    for (int n = 2; !used_.insert(id).second; ++n) {
      id = absl::StrCat(wanted, "-", n);
    }
    return id;
  }

 private:
  std::set<std::string> used_;
};

struct Range {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool operator<(const Range& o) const {
    return begin != o.begin ? begin < o.begin : end < o.end;
  }
};

// Sorted, without empty or overlapping ranges (the earlier one wins).
std::vector<Range> Disjoint(std::vector<Range> ranges) {
  std::sort(ranges.begin(), ranges.end());
  std::vector<Range> out;
  for (const Range& r : ranges) {
    if (r.end <= r.begin) continue;
    if (!out.empty() && r.begin < out.back().end) continue;
    out.push_back(r);
  }
  return out;
}

// What a claim is about, in document coordinates: its figure, else its
// date, else the source and cue of its attribution. Only spans that lie in
// the claim's sentence (claim.text) on character boundaries are kept.
std::vector<Range> HighlightRanges(const Claim& c) {
  std::vector<v1::Span> spans;
  auto usable = [](const v1::Span& s) { return s.end() > s.begin(); };
  if (c.has_quantity() && usable(c.quantity().span())) {
    spans.push_back(c.quantity().span());
  } else if (c.has_time() && usable(c.time().span())) {
    spans.push_back(c.time().span());
  } else if (c.has_attribution()) {
    if (usable(c.attribution().source_span())) {
      spans.push_back(c.attribution().source_span());
    }
    if (usable(c.attribution().cue_span())) {
      spans.push_back(c.attribution().cue_span());
    }
  }
  const uint64_t base = c.span().begin();
  const absl::string_view text = c.text();
  std::vector<Range> out;
  for (const v1::Span& s : spans) {
    if (s.begin() < base || s.end() - base > text.size()) continue;
    const size_t b = s.begin() - base, e = s.end() - base;
    if (!IsUtf8Boundary(text[b]) || (e < text.size() && !IsUtf8Boundary(text[e]))) {
      continue;
    }
    out.push_back({s.begin(), s.end()});
  }
  return Disjoint(std::move(out));
}

// Appends text[from, to) escaped, with the parts inside `marks` (document
// coordinates, sorted and disjoint; `base` is the document offset of
// text[0]) wrapped in <mark>. Marks reaching outside [from, to) are clipped.
void AppendMarked(absl::string_view text, uint64_t base, uint64_t from,
                  uint64_t to, const std::vector<Range>& marks,
                  std::string* out) {
  uint64_t pos = from;
  for (const Range& m : marks) {
    const uint64_t b = std::max<uint64_t>(m.begin, from);
    const uint64_t e = std::min<uint64_t>(m.end, to);
    if (b >= e || b < pos) continue;
    absl::StrAppend(out, HtmlEscape(text.substr(pos - base, b - pos)), "<mark>",
                    HtmlEscape(text.substr(b - base, e - b)), "</mark>");
    pos = e;
  }
  absl::StrAppend(out, HtmlEscape(text.substr(pos - base, to - pos)));
}

// A sentence of a full text that some claim cites.
struct Cited {
  Range range;
  std::string anchor;                 // its element id
  std::vector<std::string> findings;  // finding anchors citing it, in order
  std::vector<std::string> labels;    // the findings' ids, for the back-links
  std::vector<Range> marks;
};

// What the page knows of one document: metadata, text if supplied, the
// sentences cited in it.
struct DocInfo {
  const Document* meta = nullptr;  // from the report (or `documents`)
  const Document* text = nullptr;  // from `documents`; null if not supplied
  std::string anchor;              // id of its full text
  int color = 0;
  std::map<Range, Cited> cited;    // by range
};

// The interval a claim's chart row draws.
struct Row {
  std::string label;
  std::string sub;
  double low = 0, high = 0;
  bool open = false;   // "at least" / "more than": an arrow to the right
  bool approx = false;
  bool valid = false;
  int color = 0;
};

// A step of 1, 2 or 5 times a power of ten near span / 5.
double NiceStep(double span) {
  const double raw = span / 5;
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  const double norm = raw / mag;
  return (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * mag;
}

// Tick label: thousands separators, or M/B/T for large axes; as many
// decimals as the step needs.
std::string TickLabel(double v, double step, double scale, const char* suffix) {
  const double s = step / scale;
  const int decimals =
      s >= 1 ? 0 : std::min(6, static_cast<int>(std::ceil(-std::log10(s) - 1e-9)));
  return absl::StrCat(FormatNumber(v / scale, decimals), suffix);
}

std::string Num(double v) { return absl::StrFormat("%.1f", v); }

// The chart of a numeric finding: one row per claim with a figure, its
// interval on an axis shared by all rows.
std::string ChartSvg(const std::vector<Row>& rows, absl::string_view caption) {
  constexpr double kWidth = 860, kPlotLeft = 240, kPlotRight = 840;
  constexpr double kTop = 8, kRowHeight = 34, kAxisSpace = 30;
  const double height = kTop + std::max<size_t>(rows.size(), 1) * kRowHeight + kAxisSpace;
  const double axis_y = kTop + std::max<size_t>(rows.size(), 1) * kRowHeight;

  // Data extent: closed rows by their interval, open rows by their start.
  double lo = 0, hi = 0;
  bool any = false, any_open = false;
  for (const Row& r : rows) {
    if (!r.valid) continue;
    const double top = r.open ? r.low : r.high;
    lo = any ? std::min(lo, r.low) : r.low;
    hi = any ? std::max(hi, top) : top;
    any = true;
    any_open |= r.open;
  }
  std::string out = absl::StrFormat(
      "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" "
      "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" "
      "aria-label=\"%s\">",
      static_cast<int>(kWidth), static_cast<int>(height),
      static_cast<int>(kWidth), static_cast<int>(height), HtmlEscape(caption));
  absl::StrAppend(&out, "<title>", HtmlEscape(caption), "</title>");
  if (!any) {
    absl::StrAppend(&out, "<text x=\"8\" y=\"", Num(kTop + 18),
                    "\" class=\"sub\">no figures to draw</text></svg>");
    return out;
  }
  // Include 0 when the figures are not far from it (a count of 47 vs 118
  // reads better from 0; a magnitude of 6.1 vs 6.3 does not).
  if (lo >= 0 && lo <= 0.5 * hi) lo = 0;
  if (hi <= 0 && hi >= 0.5 * lo) hi = 0;
  if (hi - lo <= 0) {
    const double pad = lo != 0 ? std::fabs(lo) * 0.1 : 1;
    lo -= pad;
    hi += pad;
  } else {
    if (any_open) hi += 0.3 * (hi - lo);  // room for the arrows
    const double pad = 0.05 * (hi - lo);
    if (lo != 0) lo -= pad;
    if (hi != 0) hi += pad;
  }
  double step = NiceStep(hi - lo);
  if (!std::isfinite(step) || step <= 0) step = hi - lo;
  const double t0 = std::floor(lo / step) * step;
  const double t1 = std::ceil(hi / step) * step;
  const double span = t1 - t0 > 0 ? t1 - t0 : 1;
  auto x = [&](double v) {
    const double f = std::min(1.0, std::max(0.0, (v - t0) / span));
    return kPlotLeft + f * (kPlotRight - kPlotLeft);
  };
  const double mag = std::max(std::fabs(t0), std::fabs(t1));
  double scale = 1;
  const char* suffix = "";
  if (mag >= 1e12) {
    scale = 1e12, suffix = "T";
  } else if (mag >= 1e9) {
    scale = 1e9, suffix = "B";
  } else if (mag >= 1e6) {
    scale = 1e6, suffix = "M";
  }
  // Ticks and grid.
  const int ticks = std::min(20, static_cast<int>(std::llround(span / step)));
  for (int i = 0; i <= ticks; ++i) {
    const double v = t0 + i * step;
    const double tx = x(v);
    const bool zero = std::fabs(v) < step * 1e-9;
    absl::StrAppend(&out, "<line class=\"", zero && t0 < 0 ? "zero" : "grid",
                    "\" x1=\"", Num(tx), "\" y1=\"", Num(kTop), "\" x2=\"",
                    Num(tx), "\" y2=\"", Num(axis_y), "\"/>");
    absl::StrAppend(&out, "<text class=\"tick\" x=\"", Num(tx), "\" y=\"",
                    Num(axis_y + 16), "\" text-anchor=\"middle\">",
                    HtmlEscape(TickLabel(zero ? 0 : v, step, scale, suffix)),
                    "</text>");
  }
  absl::StrAppend(&out, "<line class=\"axis\" x1=\"", Num(kPlotLeft), "\" y1=\"",
                  Num(axis_y), "\" x2=\"", Num(kPlotRight), "\" y2=\"",
                  Num(axis_y), "\"/>");
  // One row per claim.
  for (size_t i = 0; i < rows.size(); ++i) {
    const Row& r = rows[i];
    const double yc = kTop + i * kRowHeight + kRowHeight / 2;
    const char* color = kPalette[r.color % kPaletteSize];
    absl::StrAppend(&out, "<g class=\"row\"><title>", HtmlEscape(r.label), ": ",
                    HtmlEscape(r.sub), "</title>");
    absl::StrAppend(&out, "<text x=\"8\" y=\"", Num(yc - 3), "\">",
                    HtmlEscape(Truncate(r.label, 32)), "</text>");
    absl::StrAppend(&out, "<text class=\"sub\" x=\"8\" y=\"", Num(yc + 11),
                    "\">", HtmlEscape(Truncate(r.sub, 36)), "</text>");
    if (!r.valid) {
      absl::StrAppend(&out, "</g>");
      continue;
    }
    const char* opacity = r.approx ? "0.6" : "1";
    if (r.open) {
      const double x0 = x(r.low), x1 = kPlotRight;
      absl::StrAppend(&out, "<line x1=\"", Num(x0), "\" y1=\"", Num(yc),
                      "\" x2=\"", Num(x1 - 8), "\" y2=\"", Num(yc),
                      "\" stroke=\"", color, "\" stroke-width=\"4\"/>");
      absl::StrAppend(&out, "<polygon points=\"", Num(x1), ",", Num(yc), " ",
                      Num(x1 - 10), ",", Num(yc - 6), " ", Num(x1 - 10), ",",
                      Num(yc + 6), "\" fill=\"", color, "\"/>");
      absl::StrAppend(&out, "<circle cx=\"", Num(x0), "\" cy=\"", Num(yc),
                      "\" r=\"4.5\" fill=\"", color, "\"/>");
    } else if (r.high > r.low && x(r.high) - x(r.low) >= 2) {
      absl::StrAppend(&out, "<rect x=\"", Num(x(r.low)), "\" y=\"", Num(yc - 5),
                      "\" width=\"", Num(x(r.high) - x(r.low)),
                      "\" height=\"10\" rx=\"3\" fill=\"", color,
                      "\" fill-opacity=\"", opacity, "\"/>");
    } else {
      absl::StrAppend(&out, "<circle cx=\"", Num(x((r.low + r.high) / 2)),
                      "\" cy=\"", Num(yc), "\" r=\"5.5\" fill=\"", color,
                      "\" fill-opacity=\"", opacity, "\"/>");
    }
    absl::StrAppend(&out, "</g>");
  }
  absl::StrAppend(&out, "</svg>");
  return out;
}

// "47", "810 to 900", "100 or more".
std::string ReadAs(const Quantity& q) {
  std::string unit = q.unit().empty() ? "" : absl::StrCat(" ", q.unit());
  if (OpenAbove(q)) return absl::StrCat(FormatNumber(q.low()), " or more", unit);
  if (q.low() == q.high()) return absl::StrCat(FormatNumber(q.low()), unit);
  return absl::StrCat(FormatNumber(q.low()), " to ", FormatNumber(q.high()), unit);
}

// Statement index from "<document id>#<index>"; -1 when absent.
int64_t StatementIndex(absl::string_view statement_id) {
  const size_t hash = statement_id.rfind('#');
  int64_t index = -1;
  if (hash == absl::string_view::npos ||
      !absl::SimpleAtoi(statement_id.substr(hash + 1), &index) || index < 0) {
    return -1;
  }
  return index;
}

int SeverityRank(const Finding& f) { return static_cast<int>(f.severity()); }

// True when finding a should come before finding b (most severe first).
bool MoreSevere(const Finding& a, const Finding& b) {
  if (SeverityRank(a) != SeverityRank(b)) return SeverityRank(a) > SeverityRank(b);
  return a.confidence() > b.confidence();
}

class Page {
 public:
  Page(const Report& report, const std::vector<Document>& documents,
       const HtmlOptions& options)
      : report_(report), options_(options) {
    IndexDocuments(documents);
    PlanFindings();
    PlanCitations();
  }

  std::string Render() {
    std::string out;
    out.reserve(64 * 1024);
    absl::StrAppend(&out,
                    "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
                    "<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, "
                    "initial-scale=1\">\n"
                    "<meta name=\"generator\" content=\"factdiff\">\n<title>",
                    HtmlEscape(options_.title), "</title>\n<style>", kCss,
                    "</style>\n</head>\n<body>\n<div class=\"page\">\n");
    RenderHeader(&out);
    RenderFindings(&out);
    RenderTexts(&out);
    absl::StrAppend(&out, "</div>\n</body>\n</html>\n");
    return out;
  }

 private:
  void IndexDocuments(const std::vector<Document>& documents) {
    std::map<std::string, const Document*> with_text;
    for (const Document& d : documents) with_text.emplace(d.id(), &d);
    auto add = [&](const Document& meta) {
      if (docs_.count(meta.id())) return;
      DocInfo& info = docs_[meta.id()];
      info.meta = &meta;
      auto it = with_text.find(meta.id());
      if (it != with_text.end()) info.text = it->second;
      info.anchor = ids_.Take(absl::StrCat("doc-", HtmlId(meta.id())));
      info.color = static_cast<int>(order_.size()) % kPaletteSize;
      order_.push_back(meta.id());
    };
    for (const Document& d : report_.documents()) add(d);
    for (const Document& d : documents) add(d);
  }

  // Finding anchors and the display order: groups by event, the group with
  // the most severe finding first, "Other findings" for the rest.
  void PlanFindings() {
    for (const Finding& f : report_.findings()) {
      finding_anchor_.push_back(
          ids_.Take(absl::StrCat("finding-", HtmlId(f.id()))));
    }
    std::map<std::string, int> event_index;
    for (int i = 0; i < report_.events_size(); ++i) {
      event_index.emplace(report_.events(i).id(), i);
    }
    std::map<int, size_t> group_of_event;  // event index (-1: other) -> group
    for (int i = 0; i < report_.findings_size(); ++i) {
      const Finding& f = report_.findings(i);
      auto it = f.event_id().empty() ? event_index.end()
                                     : event_index.find(f.event_id());
      const int e = it == event_index.end() ? -1 : it->second;
      auto [g, inserted] = group_of_event.emplace(e, groups_.size());
      if (inserted) groups_.push_back({e, {}});
      groups_[g->second].findings.push_back(i);
    }
    auto before = [&](int a, int b) {
      const Finding& fa = report_.findings(a);
      const Finding& fb = report_.findings(b);
      if (MoreSevere(fa, fb)) return true;
      if (MoreSevere(fb, fa)) return false;
      return a < b;
    };
    for (Group& g : groups_) {
      std::stable_sort(g.findings.begin(), g.findings.end(), before);
    }
    std::stable_sort(groups_.begin(), groups_.end(),
                     [&](const Group& a, const Group& b) {
                       return before(a.findings[0], b.findings[0]);
                     });
  }

  // The sentences to anchor in the full texts, and each claim's link target.
  void PlanCitations() {
    claim_anchor_.resize(report_.findings_size());
    // Register every claim whose sentence is found in its document's text.
    struct Pending {
      int finding, claim;
      Range range;
    };
    std::vector<Pending> pending;
    for (int i = 0; i < report_.findings_size(); ++i) {
      const Finding& f = report_.findings(i);
      claim_anchor_[i].resize(f.claims_size());
      for (int k = 0; k < f.claims_size(); ++k) {
        const Claim& c = f.claims(k);
        auto it = docs_.find(c.document_id());
        if (it == docs_.end() || it->second.text == nullptr) continue;
        const std::string& text = it->second.text->text();
        const uint64_t b = c.span().begin(), e = c.span().end();
        if (b >= e || e > text.size() ||
            text.compare(b, e - b, c.text()) != 0) {
          continue;
        }
        Cited& cited = it->second.cited[Range{c.span().begin(), c.span().end()}];
        cited.range = {c.span().begin(), c.span().end()};
        if (std::find(cited.findings.begin(), cited.findings.end(),
                      finding_anchor_[i]) == cited.findings.end()) {
          cited.findings.push_back(finding_anchor_[i]);
          cited.labels.push_back(f.id());
        }
        for (const Range& m : HighlightRanges(c)) cited.marks.push_back(m);
        if (cited.anchor.empty()) {
          const int64_t index = StatementIndex(c.statement_id());
          cited.anchor = index >= 0 ? absl::StrCat("s", index)
                                    : absl::StrCat("o", c.span().begin());
        }
        pending.push_back({i, k, cited.range});
      }
    }
    // Overlapping sentences (inconsistent input) merge into the first one:
    // its element stands for both.
    std::map<std::string, std::map<Range, Range>> aliases;
    for (const std::string& id : order_) {
      DocInfo& info = docs_[id];
      std::map<Range, Cited> kept;
      std::map<Range, Range> alias;
      const Cited* last = nullptr;
      for (auto& [range, cited] : info.cited) {
        if (last != nullptr && range.begin < last->range.end) {
          alias[range] = last->range;
          Cited& into = kept[last->range];
          for (size_t j = 0; j < cited.findings.size(); ++j) {
            if (std::find(into.findings.begin(), into.findings.end(),
                          cited.findings[j]) == into.findings.end()) {
              into.findings.push_back(cited.findings[j]);
              into.labels.push_back(cited.labels[j]);
            }
          }
          continue;
        }
        cited.anchor = ids_.Take(
            absl::StrCat("d-", HtmlId(id), "-", cited.anchor));
        cited.marks = Disjoint(std::move(cited.marks));
        last = &(kept[range] = std::move(cited));
      }
      info.cited = std::move(kept);
      aliases[id] = std::move(alias);
    }
    for (const Pending& p : pending) {
      const Claim& c = report_.findings(p.finding).claims(p.claim);
      DocInfo& info = docs_[c.document_id()];
      const std::map<Range, Range>& alias = aliases[c.document_id()];
      auto a = alias.find(p.range);
      const Range target = a == alias.end() ? p.range : a->second;
      claim_anchor_[p.finding][p.claim] = info.cited[target].anchor;
    }
  }

  const Document* Meta(const std::string& id) const {
    auto it = docs_.find(id);
    return it == docs_.end() ? nullptr : it->second.meta;
  }

  int ColorOf(const std::string& id) const {
    auto it = docs_.find(id);
    return it == docs_.end() ? kPaletteSize - 1 : it->second.color;
  }

  // The outlet of a claim: its own source, else its document's, else the id.
  std::string OutletOf(const Claim& c) const {
    if (!c.source().empty()) return c.source();
    const Document* d = Meta(c.document_id());
    if (d != nullptr && !d->source().empty()) return d->source();
    return c.document_id();
  }

  void RenderHeader(std::string* out) {
    int by_severity[4] = {0, 0, 0, 0};
    for (const Finding& f : report_.findings()) {
      ++by_severity[std::min(3, std::max(0, SeverityRank(f)))];
    }
    absl::StrAppend(out, "<header>\n<h1>", HtmlEscape(options_.title),
                    "</h1>\n<ul class=\"counts\">");
    auto count = [&](int n, absl::string_view one, absl::string_view many,
                     absl::string_view cls) {
      absl::StrAppend(out, "<li class=\"", cls, "\"><strong>", n, "</strong> ",
                      n == 1 ? one : many, "</li>");
    };
    count(static_cast<int>(order_.size()), "document", "documents", "n-documents");
    count(report_.findings_size(), "finding", "findings", "n-findings");
    count(by_severity[Finding::HIGH], "high", "high", "n-high");
    count(by_severity[Finding::MEDIUM], "medium", "medium", "n-medium");
    count(by_severity[Finding::LOW] + by_severity[0], "low", "low", "n-low");
    absl::StrAppend(out, "</ul>\n");
    const auto& s = report_.stats();
    absl::StrAppendFormat(out,
                          "<p class=\"muted\">%d sentences, %d figures and %d "
                          "events read.</p>\n",
                          s.statements(), s.quantities(), s.events());
    absl::StrAppend(out,
                    "<h2>Documents</h2>\n<div class=\"table-wrap\"><table "
                    "class=\"docs\">\n<thead><tr><th>Source</th><th>Published"
                    "</th><th>Title</th><th>Document</th></tr></thead>\n<tbody>\n");
    for (const std::string& id : order_) {
      const DocInfo& info = docs_[id];
      const Document& d = *info.meta;
      absl::StrAppend(out, "<tr><td><span class=\"swatch\" style=\"background:",
                      kPalette[info.color], "\"></span>",
                      HtmlEscape(d.source().empty() ? "\xE2\x80\x94" : d.source()),
                      "</td><td>", HtmlEscape(d.published()), "</td><td>");
      const std::string title = d.title().empty() ? d.id() : d.title();
      if (IsWebUrl(d.url())) {
        absl::StrAppend(out, "<a class=\"url\" href=\"", HtmlEscape(d.url()),
                        "\" rel=\"noopener noreferrer\">", HtmlEscape(title),
                        "</a>");
      } else {
        absl::StrAppend(out, HtmlEscape(title));
      }
      absl::StrAppend(out, "</td><td><code>", HtmlEscape(d.id()), "</code> ");
      if (info.text != nullptr) {
        absl::StrAppend(out, "<a href=\"#", info.anchor, "\">full text</a>");
      } else {
        absl::StrAppend(out, "<span class=\"missing\">text not supplied</span>");
      }
      absl::StrAppend(out, "</td></tr>\n");
    }
    absl::StrAppend(out, "</tbody></table></div>\n");
    if (report_.findings_size() > 0) {
      absl::StrAppend(out, "<nav class=\"toc\"><h2>Contents</h2><ol>\n");
      for (const Group& g : groups_) {
        for (int i : g.findings) {
          const Finding& f = report_.findings(i);
          const std::string sev = SeverityName(f.severity());
          absl::StrAppend(out, "<li class=\"toc-entry\"><a href=\"#",
                          finding_anchor_[i], "\">", HtmlEscape(f.id()),
                          "</a> <span class=\"badge sev-", sev, "\">", sev,
                          "</span> ", HtmlEscape(f.summary()), "</li>\n");
        }
      }
      absl::StrAppend(out, "</ol></nav>\n");
    }
    absl::StrAppend(out, "</header>\n");
  }

  void RenderFindings(std::string* out) {
    absl::StrAppend(out, "<main>\n<section class=\"findings\">\n<h2>Findings</h2>\n");
    if (report_.findings_size() == 0) {
      absl::StrAppend(out,
                      "<p class=\"empty\">No disagreements found: the "
                      "articles do not contradict each other on any figure, "
                      "date, source or sequence that factdiff compares.</p>\n");
    }
    IdSet* ids = &ids_;
    for (const Group& g : groups_) {
      if (g.event >= 0) {
        const v1::Event& e = report_.events(g.event);
        absl::StrAppend(out, "<section class=\"event\" id=\"",
                        ids->Take(absl::StrCat("event-", HtmlId(e.id()))),
                        "\">\n<h3>", HtmlEscape(e.label().empty() ? e.id() : e.label()),
                        " <span class=\"muted\">(event ", HtmlEscape(e.id()),
                        ")</span></h3>\n");
      } else {
        absl::StrAppend(out, "<section class=\"event other\" id=\"",
                        ids->Take("event-other"), "\">\n<h3>Other findings</h3>\n");
      }
      for (int i : g.findings) RenderFinding(i, out);
      absl::StrAppend(out, "</section>\n");
    }
    absl::StrAppend(out, "</section>\n</main>\n");
  }

  void RenderFinding(int i, std::string* out) {
    const Finding& f = report_.findings(i);
    const std::string sev = SeverityName(f.severity());
    absl::StrAppend(out, "<section class=\"finding sev-", sev, "\" id=\"",
                    finding_anchor_[i], "\">\n<h4><span class=\"fid\">",
                    HtmlEscape(f.id()), "</span>", HtmlEscape(f.summary()),
                    "</h4>\n<p class=\"badges\"><span class=\"badge sev-", sev,
                    "\" title=\"severity and confidence\">",
                    absl::AsciiStrToUpper(sev),
                    absl::StrFormat(" %.2f", f.confidence()),
                    "</span><span class=\"badge kind\">", KindName(f.kind()),
                    "</span><span class=\"badge cause\">", CauseName(f.cause()),
                    "</span>");
    if (f.same_document()) {
      absl::StrAppend(out, "<span class=\"badge\">within one article</span>");
    }
    absl::StrAppend(out, "</p>\n<p class=\"explanation\">",
                    HtmlEscape(f.explanation()), "</p>\n");
    if (f.kind() == Finding::NUMERIC_MISMATCH) {
      std::vector<Row> rows;
      for (const Claim& c : f.claims()) {
        Row r;
        r.label = OutletOf(c);
        r.color = ColorOf(c.document_id());
        if (c.has_quantity()) {
          const Quantity& q = c.quantity();
          r.sub = c.attributed_to().empty()
                      ? q.text()
                      : absl::StrCat(q.text(), " \xC2\xB7 per ", c.attributed_to());
          r.low = std::min(q.low(), q.high());
          r.high = std::max(q.low(), q.high());
          r.open = OpenAbove(q);
          r.approx = q.bound() == Quantity::APPROXIMATE ||
                     q.bound() == Quantity::VAGUE;
          constexpr double kLimit = 1e300;
          r.valid = std::isfinite(r.low) && std::isfinite(r.high) &&
                    std::fabs(r.low) < kLimit && std::fabs(r.high) < kLimit;
        } else {
          r.sub = "no figure";
        }
        rows.push_back(std::move(r));
      }
      absl::StrAppend(out, "<div class=\"chart-wrap\">",
                      ChartSvg(rows, absl::StrCat("Figures of ", f.id(), ": ",
                                                  f.summary())),
                      "</div>\n");
    }
    absl::StrAppend(out, "<div class=\"claims\">\n");
    for (int k = 0; k < f.claims_size(); ++k) RenderClaim(f.claims(k), claim_anchor_[i][k], out);
    absl::StrAppend(out, "</div>\n</section>\n");
  }

  void RenderClaim(const Claim& c, const std::string& anchor, std::string* out) {
    absl::StrAppend(out, "<article class=\"claim c", ColorOf(c.document_id()),
                    "\">\n<div><span class=\"outlet\">", HtmlEscape(OutletOf(c)),
                    "</span>");
    std::string published = c.published();
    if (published.empty()) {
      const Document* d = Meta(c.document_id());
      if (d != nullptr) published = d->published();
    }
    if (!published.empty()) {
      absl::StrAppend(out, " <span class=\"date\">", HtmlEscape(published), "</span>");
    }
    absl::StrAppend(out, "</div>\n<div class=\"attrib\">",
                    c.attributed_to().empty()
                        ? "<span class=\"muted\">in the article's own voice</span>"
                        : absl::StrCat("per <strong>", HtmlEscape(c.attributed_to()),
                                       "</strong>"),
                    "</div>\n<blockquote class=\"sentence\">");
    AppendMarked(c.text(), c.span().begin(), c.span().begin(),
                 c.span().begin() + c.text().size(), HighlightRanges(c), out);
    absl::StrAppend(out, "</blockquote>\n");
    if (c.has_quantity() && !c.quantity().text().empty()) {
      const Quantity& q = c.quantity();
      const std::string bound = BoundName(q.bound());
      absl::StrAppend(out, "<p class=\"detail\">figure \xE2\x80\x9C",
                      HtmlEscape(q.text()), "\xE2\x80\x9D read as ",
                      HtmlEscape(ReadAs(q)),
                      bound.empty() ? "" : absl::StrCat(" (", bound, ")"), "</p>\n");
    } else if (c.has_time() && !c.time().text().empty()) {
      const v1::TimeExpression& t = c.time();
      std::string when = t.start().empty()
                             ? "unresolved"
                             : t.end().empty() || t.end() == t.start()
                                   ? t.start()
                                   : absl::StrCat(t.start(), " to ", t.end());
      absl::StrAppend(out, "<p class=\"detail\">date \xE2\x80\x9C",
                      HtmlEscape(t.text()), "\xE2\x80\x9D read as ",
                      HtmlEscape(when), "</p>\n");
    } else if (c.has_attribution() && !c.attribution().source().empty()) {
      const v1::Attribution& a = c.attribution();
      absl::StrAppend(out, "<p class=\"detail\">source \xE2\x80\x9C",
                      HtmlEscape(a.source()), "\xE2\x80\x9D",
                      a.cue().empty() ? "" : absl::StrCat(", ", HtmlEscape(a.cue())),
                      a.anonymous() ? " (anonymous)" : "", "</p>\n");
    }
    absl::StrAppend(out, "<p class=\"where\"><code>", HtmlEscape(c.document_id()),
                    "</code>", c.line() > 0 ? absl::StrCat(", line ", c.line()) : "");
    if (!anchor.empty()) {
      absl::StrAppend(out, " \xC2\xB7 <a class=\"context\" href=\"#", anchor,
                      "\">in context</a>");
    } else {
      absl::StrAppend(out, " \xC2\xB7 <span class=\"missing\">full text not supplied</span>");
    }
    absl::StrAppend(out, "</p>\n</article>\n");
  }

  void RenderTexts(std::string* out) {
    absl::StrAppend(out, "<section class=\"texts\">\n<h2>Full texts</h2>\n");
    for (const std::string& id : order_) {
      const DocInfo& info = docs_[id];
      const Document& d = *info.meta;
      absl::StrAppend(out, "<article class=\"doc\" id=\"", info.anchor, "\">\n<h3>",
                      HtmlEscape(d.source().empty() ? d.id() : d.source()));
      if (!d.title().empty()) {
        absl::StrAppend(out, " \xE2\x80\x94 ", HtmlEscape(d.title()));
      }
      absl::StrAppend(out, "</h3>\n<p class=\"meta\">");
      std::vector<std::string> meta = {absl::StrCat("<code>", HtmlEscape(d.id()), "</code>")};
      if (!d.published().empty()) meta.push_back(HtmlEscape(d.published()));
      if (!d.path().empty() && d.path() != "-") meta.push_back(HtmlEscape(d.path()));
      if (IsWebUrl(d.url())) {
        meta.push_back(absl::StrCat("<a class=\"url\" href=\"", HtmlEscape(d.url()),
                                    "\" rel=\"noopener noreferrer\">",
                                    HtmlEscape(d.url()), "</a>"));
      }
      absl::StrAppend(out, absl::StrJoin(meta, " \xC2\xB7 "), "</p>\n");
      if (info.text == nullptr) {
        absl::StrAppend(out, "<p class=\"missing\">Full text not supplied.</p>\n");
      } else {
        RenderText(info, out);
      }
      absl::StrAppend(out, "</article>\n");
    }
    absl::StrAppend(out, "</section>\n");
  }

  // The text in paragraphs (split at blank lines), cited sentences wrapped
  // in an anchored span. A sentence across a paragraph break is wrapped in
  // pieces; the first piece carries the id, the last the back-links.
  void RenderText(const DocInfo& info, std::string* out) {
    const std::string& text = info.text->text();
    std::vector<const Cited*> cited;
    for (const auto& [range, c] : info.cited) cited.push_back(&c);
    std::vector<bool> id_done(cited.size(), false);
    // All marks of the document, sorted and disjoint (sentences are).
    std::vector<Range> marks;
    for (const Cited* c : cited) marks.insert(marks.end(), c->marks.begin(), c->marks.end());

    absl::StrAppend(out, "<div class=\"text\">\n");
    size_t si = 0;
    auto paragraph = [&](size_t pb, size_t pe) {
      if (text.find_first_not_of(" \t\r\n", pb) >= pe) return;
      absl::StrAppend(out, "<p>");
      while (si < cited.size() && cited[si]->range.end <= pb) ++si;
      size_t pos = pb;
      for (size_t j = si; j < cited.size() && cited[j]->range.begin < pe; ++j) {
        const Cited& c = *cited[j];
        const size_t b = std::max<size_t>(c.range.begin, pb);
        const size_t e = std::min<size_t>(c.range.end, pe);
        if (b >= e) continue;
        AppendMarked(text, 0, pos, b, {}, out);
        absl::StrAppend(out, "<span class=\"cited\"");
        if (!id_done[j]) {
          absl::StrAppend(out, " id=\"", c.anchor, "\"");
          id_done[j] = true;
        }
        absl::StrAppend(out, ">");
        AppendMarked(text, 0, b, e, c.marks, out);
        absl::StrAppend(out, "</span>");
        if (e == c.range.end) {
          for (size_t k = 0; k < c.findings.size(); ++k) {
            absl::StrAppend(out, "<a class=\"back\" href=\"#", c.findings[k],
                            "\" title=\"back to finding ", HtmlEscape(c.labels[k]),
                            "\">\xE2\x86\xA9", HtmlEscape(c.labels[k]), "</a>");
          }
        }
        pos = e;
      }
      AppendMarked(text, 0, pos, pe, {}, out);
      absl::StrAppend(out, "</p>\n");
    };
    // Paragraph breaks: runs of whitespace holding two or more newlines.
    size_t start = 0, i = 0;
    while (i < text.size()) {
      if (text[i] != '\n') {
        ++i;
        continue;
      }
      size_t j = i, newlines = 0;
      while (j < text.size() && (text[j] == '\n' || text[j] == ' ' ||
                                 text[j] == '\t' || text[j] == '\r')) {
        newlines += text[j] == '\n';
        ++j;
      }
      if (newlines >= 2) {
        paragraph(start, i);
        start = j;
      }
      i = j;
    }
    paragraph(start, text.size());
    // A sentence that fell in no paragraph still gets its anchor.
    for (size_t j = 0; j < cited.size(); ++j) {
      if (!id_done[j]) {
        absl::StrAppend(out, "<span class=\"cited\" id=\"", cited[j]->anchor,
                        "\"></span>");
      }
    }
    absl::StrAppend(out, "</div>\n");
  }

  struct Group {
    int event;  // index into report.events, -1 for "Other findings"
    std::vector<int> findings;
  };

  const Report& report_;
  const HtmlOptions& options_;
  IdSet ids_;
  std::map<std::string, DocInfo> docs_;
  std::vector<std::string> order_;  // document ids, report order first
  std::vector<std::string> finding_anchor_;
  std::vector<std::vector<std::string>> claim_anchor_;
  std::vector<Group> groups_;
};

}  // namespace

std::string HtmlEscape(absl::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char b = s[i];
    if (b < 0x80) {
      switch (b) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        case '\t':
        case '\n':
          out += static_cast<char>(b);
          break;
        case '\r':
          break;  // CRLF reads as LF
        default:
          if (b < 0x20 || b == 0x7F) {
            out += "\xEF\xBF\xBD";
          } else {
            out += static_cast<char>(b);
          }
      }
      ++i;
      continue;
    }
    const size_t start = i;
    const char32_t c = DecodeUtf8(s, &i);
    if (c == 0xFFFD && !(i - start == 3 && s.substr(start, 3) == "\xEF\xBF\xBD")) {
      out += "\xEF\xBF\xBD";  // a malformed byte
    } else if (c >= 0x80 && c < 0xA0) {
      out += "\xEF\xBF\xBD";  // C1 control characters
    } else {
      out.append(s.data() + start, i - start);
    }
  }
  return out;
}

std::string HtmlId(absl::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (absl::ascii_isalnum(c) || c == '-') {
      out += static_cast<char>(c);
    } else {
      absl::StrAppendFormat(&out, "_%02x", c);
    }
  }
  return out;
}

std::string RenderHtml(const Report& report,
                       const std::vector<Document>& documents,
                       const HtmlOptions& options) {
  return Page(report, documents, options).Render();
}

}  // namespace factdiff
