#include "core/report/render.h"

#include <algorithm>
#include <map>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "core/report/wording.h"
#include "google/protobuf/util/json_util.h"

namespace factdiff {
namespace {

using v1::Claim;
using v1::Finding;
using v1::Report;

// Marks placed around figures before wrapping; replaced by brackets or ANSI
// escapes afterwards. Private-use code points: never in normalized input.
constexpr absl::string_view kOpen = "\xEE\x80\x80";   // U+E000
constexpr absl::string_view kClose = "\xEE\x80\x81";  // U+E001

size_t Columns(absl::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string Pad(absl::string_view s, size_t width) {
  std::string out(s);
  const size_t cols = Columns(s);
  if (cols < width) out.append(width - cols, ' ');
  return out;
}

std::string Mark(absl::string_view open, absl::string_view close,
                 absl::string_view s) {
  return absl::StrReplaceAll(s, {{kOpen, open}, {kClose, close}});
}

// The span a claim is about: its figure, else its date, else the cue of its
// attribution; null when the claim carries none.
const v1::Span* Highlight(const Claim& c) {
  if (c.has_quantity() && c.quantity().span().end() > 0) {
    return &c.quantity().span();
  }
  if (c.has_time() && c.time().span().end() > 0) return &c.time().span();
  if (c.has_attribution() && c.attribution().cue_span().end() > 0) {
    return &c.attribution().cue_span();
  }
  return nullptr;
}

// The claim's sentence with what it is about (figure, date or cue) between
// the marks; newlines in the sentence become spaces.
std::string MarkedSentence(const Claim& c) {
  std::string text = c.text();
  std::replace(text.begin(), text.end(), '\n', ' ');
  const v1::Span* span = Highlight(c);
  if (span == nullptr || span->begin() < c.span().begin()) return text;
  const uint32_t b = span->begin() - c.span().begin();
  const uint32_t e = span->end() - c.span().begin();
  if (b > e || e > text.size()) return text;
  return absl::StrCat(text.substr(0, b), kOpen, text.substr(b, e - b), kClose,
                      text.substr(e));
}




std::map<std::string, const v1::Document*> DocumentsById(const Report& r) {
  std::map<std::string, const v1::Document*> out;
  for (const auto& d : r.documents()) out[d.id()] = &d;
  return out;
}

// "id · Source · 2025-10-12 · line 4 · per the military"
std::string ClaimHeader(const Claim& c) {
  std::vector<std::string> parts = {c.document_id()};
  if (!c.source().empty()) parts.push_back(c.source());
  if (!c.published().empty()) parts.push_back(c.published());
  parts.push_back(absl::StrCat("line ", c.line()));
  if (!c.attributed_to().empty()) {
    parts.push_back(absl::StrCat("per ", c.attributed_to()));
  }
  return absl::StrJoin(parts, " \xC2\xB7 ");
}

std::string JsonOf(const google::protobuf::Message& m) {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  options.preserve_proto_field_names = true;
  options.always_print_primitive_fields = true;
  std::string out;
  // Serializing a valid message cannot fail.
  (void)google::protobuf::util::MessageToJsonString(m, &out, options);
  if (out.empty() || out.back() != '\n') out.push_back('\n');
  return out;
}

// The proto3 JSON of a Report, written one top-level message at a time: the
// same JSON value as JsonOf(report), without holding a second, binary copy
// of a large report while converting (a 10,000-article report is ~100 MB).
// Report's fields are all messages, singular or repeated.
std::string ReportJson(const Report& r) {
  const google::protobuf::Descriptor* descriptor = r.GetDescriptor();
  const google::protobuf::Reflection* reflection = r.GetReflection();
  std::string out = "{";
  bool first_field = true;
  // `json` without its final newline, every later line under `prefix`.
  auto indented = [](std::string json, absl::string_view prefix) {
    while (!json.empty() && json.back() == '\n') json.pop_back();
    return absl::StrReplaceAll(json, {{"\n", absl::StrCat("\n", prefix)}});
  };
  for (int i = 0; i < descriptor->field_count(); ++i) {
    const google::protobuf::FieldDescriptor* field = descriptor->field(i);
    absl::StrAppend(&out, first_field ? "\n" : ",\n", "  \"", field->name(),
                    "\": ");
    first_field = false;
    if (field->is_repeated()) {
      const int n = reflection->FieldSize(r, field);
      out += "[";
      for (int k = 0; k < n; ++k) {
        absl::StrAppend(
            &out, k == 0 ? "\n    " : ",\n    ",
            indented(JsonOf(reflection->GetRepeatedMessage(r, field, k)),
                     "    "));
      }
      out += n == 0 ? "]" : "\n  ]";
    } else {
      out += indented(JsonOf(reflection->GetMessage(r, field)), "  ");
    }
  }
  out += "\n}\n";
  return out;
}

std::string RenderText(const Report& r, const RenderOptions& options) {
  const std::string open = options.color ? "\x1b[1;33m" : "[";
  const std::string close = options.color ? "\x1b[0m" : "]";
  const std::string bold = options.color ? "\x1b[1m" : "";
  const std::string reset = options.color ? "\x1b[0m" : "";
  const int width = std::max(40, options.width);
  std::string out;
  const auto& s = r.stats();
  absl::StrAppendFormat(&out,
                        "factdiff: %d documents, %d sentences, %d figures, %d "
                        "events, %d findings\n",
                        s.documents(), s.statements(), s.quantities(),
                        s.events(), s.findings());
  for (const v1::Document& d : r.documents()) {
    if (!d.date_ambiguous()) continue;
    absl::StrAppend(&out, "note: ", d.id(),
                    " has no publication date and matches stories of "
                    "different times; its undated sentences were compared "
                    "with no other article (add a published date)\n");
  }
  if (r.findings_size() == 0) {
    out += "No disagreements found.\n";
    return out;
  }
  for (const Finding& f : r.findings()) {
    out += "\n";
    absl::StrAppend(&out, bold, f.id(), "  ", absl::AsciiStrToUpper(SeverityName(f.severity())),
                    " ", absl::StrFormat("%.2f", f.confidence()), "  ",
                    KindName(f.kind()),
                    f.cause() == Finding::CAUSE_UNSPECIFIED
                        ? ""
                        : absl::StrCat(" (", CauseName(f.cause()), ")"),
                    f.same_document() ? ", within one article" : "",
                    f.event_id().empty() ? "" : absl::StrCat(", event ", f.event_id()),
                    reset, "\n");
    absl::StrAppend(&out, "  ", f.summary(), "\n");
    if (f.claims_size() == 2) {
      // Side by side: two columns separated by " | ".
      const int col = (width - 2 - 3) / 2;
      std::vector<std::string> left = {ClaimHeader(f.claims(0))};
      std::vector<std::string> right = {ClaimHeader(f.claims(1))};
      auto fill = [&](const Claim& c, std::vector<std::string>* lines) {
        std::vector<std::string> header = WrapText((*lines)[0], col);
        lines->assign(header.begin(), header.end());
        for (auto& l : WrapText(MarkedSentence(c), col)) lines->push_back(l);
      };
      fill(f.claims(0), &left);
      fill(f.claims(1), &right);
      const size_t rows = std::max(left.size(), right.size());
      absl::StrAppend(&out, "  ", std::string(col, '-'), "-+-",
                      std::string(col, '-'), "\n");
      for (size_t i = 0; i < rows; ++i) {
        const std::string l = i < left.size() ? left[i] : "";
        const std::string rt = i < right.size() ? right[i] : "";
        absl::StrAppend(&out, "  ", Mark(open, close, Pad(l, col)), " | ",
                        Mark(open, close, rt), "\n");
      }
    } else {
      for (const Claim& c : f.claims()) {
        absl::StrAppend(&out, "  - ", ClaimHeader(c), "\n");
        for (const auto& l : WrapText(MarkedSentence(c), width - 6)) {
          absl::StrAppend(&out, "      ", Mark(open, close, l), "\n");
        }
      }
    }
    for (const auto& l : WrapText(f.explanation(), width - 2)) {
      absl::StrAppend(&out, "  ", l, "\n");
    }
  }
  return out;
}

std::string EscapeMarkdown(absl::string_view s) {
  return absl::StrReplaceAll(s, {{"|", "\\|"}, {"\n", " "}});
}

std::string RenderMarkdown(const Report& r) {
  const auto docs = DocumentsById(r);
  std::string out = "# factdiff report\n\n";
  const auto& s = r.stats();
  absl::StrAppendFormat(&out,
                        "%d documents, %d sentences, %d figures, %d events, "
                        "**%d findings**.\n\n",
                        s.documents(), s.statements(), s.quantities(),
                        s.events(), s.findings());
  if (r.findings_size() == 0) {
    out += "No disagreements found.\n";
    return out;
  }
  out += "| id | severity | kind | summary | documents |\n";
  out += "|---|---|---|---|---|\n";
  for (const Finding& f : r.findings()) {
    std::vector<std::string> ids;
    for (const Claim& c : f.claims()) {
      if (std::find(ids.begin(), ids.end(), c.document_id()) == ids.end()) {
        ids.push_back(c.document_id());
      }
    }
    absl::StrAppendFormat(&out, "| [%s](#%s) | %s %.2f | %s | %s | %s |\n",
                          f.id(), f.id(), SeverityName(f.severity()),
                          f.confidence(), KindName(f.kind()),
                          EscapeMarkdown(f.summary()),
                          absl::StrJoin(ids, ", "));
  }
  for (const Finding& f : r.findings()) {
    absl::StrAppendFormat(&out, "\n## %s\n\n", f.id());
    absl::StrAppendFormat(&out,
                          "**%s** · %s (%.2f)%s%s%s\n\n", KindName(f.kind()),
                          SeverityName(f.severity()), f.confidence(),
                          f.cause() == Finding::CAUSE_UNSPECIFIED
                              ? ""
                              : absl::StrCat(" · ", CauseName(f.cause())),
                          f.same_document() ? " · within one article" : "",
                          f.event_id().empty()
                              ? ""
                              : absl::StrCat(" · event ", f.event_id()));
    absl::StrAppend(&out, EscapeMarkdown(f.summary()), "\n\n");
    for (const Claim& c : f.claims()) {
      auto it = docs.find(c.document_id());
      const std::string path =
          it != docs.end() && !it->second->path().empty() && it->second->path() != "-"
              ? it->second->path()
              : "";
      std::string where = path.empty()
                              ? absl::StrCat(c.document_id(), ", line ", c.line())
                              : absl::StrFormat("[%s:%d](%s#L%d)", path, c.line(),
                                                path, c.line());
      std::vector<std::string> meta = {where};
      if (!c.source().empty()) meta.push_back(c.source());
      if (!c.published().empty()) meta.push_back(c.published());
      if (!c.attributed_to().empty()) {
        meta.push_back(absl::StrCat("per ", c.attributed_to()));
      }
      absl::StrAppend(&out, "> ", Mark("**", "**", EscapeMarkdown(MarkedSentence(c))),
                      "\n>\n> — ", absl::StrJoin(meta, " · "), "\n\n");
    }
    absl::StrAppend(&out, f.explanation(), "\n");
  }
  return out;
}

std::string QuantityLine(const v1::Quantity& q) {
  std::string line = absl::StrFormat("%s = [%g, %g] %s", q.text(), q.low(),
                                     q.high(),
                                     v1::Quantity::Bound_Name(q.bound()));
  if (!q.unit().empty()) absl::StrAppend(&line, " unit=", q.unit());
  if (q.measure() != v1::Quantity::MEASURE_UNSPECIFIED) {
    absl::StrAppend(&line, " measure=",
                    v1::Quantity::Measure_Name(q.measure()));
    if (!q.measure_word().empty()) absl::StrAppend(&line, "(", q.measure_word(), ")");
  }
  if (!q.subject().empty()) absl::StrAppend(&line, " subject=\"", q.subject(), "\"");
  if (q.trend() != v1::Quantity::TREND_UNSPECIFIED) {
    absl::StrAppend(&line, " trend=", v1::Quantity::Trend_Name(q.trend()));
  }
  return line;
}

std::string TimeLine(const v1::TimeExpression& t) {
  std::string line = absl::StrCat(t.text(), " = ");
  if (t.start().empty()) {
    absl::StrAppend(&line, "unresolved");
  } else {
    absl::StrAppend(&line, t.start(), t.end() != t.start() ? absl::StrCat("..", t.end()) : "");
  }
  absl::StrAppend(&line, " ", v1::TimeExpression::Granularity_Name(t.granularity()));
  return line;
}

std::string StanceName(v1::Attribution::Stance stance) {
  std::string name = v1::Attribution::Stance_Name(stance);
  return absl::AsciiStrToLower(name);
}

// "the interior ministry (said, asserts) -> \"...content...\""
std::string AttributionLine(const v1::Attribution& a, absl::string_view text,
                            uint32_t text_begin) {
  std::string line = a.source().empty() ? "(no source)" : a.source();
  if (!a.source_normalized().empty() && a.source_normalized() != a.source()) {
    absl::StrAppend(&line, " [", a.source_normalized(), "]");
  }
  if (a.anonymous()) line += " [anonymous]";
  absl::StrAppend(&line, " (", a.cue(), ", ", StanceName(a.stance()), ")");
  if (a.content().end() > a.content().begin() &&
      a.content().begin() >= text_begin &&
      a.content().end() - text_begin <= text.size()) {
    std::string content(text.substr(a.content().begin() - text_begin,
                                    a.content().end() - a.content().begin()));
    std::replace(content.begin(), content.end(), '\n', ' ');
    if (content.size() > 80) content = absl::StrCat(content.substr(0, 77), "...");
    absl::StrAppend(&line, " -> \"", content, "\"");
  }
  return line;
}

// "air strike by pakistan on afghanistan in Kunar; retaliation for ..."
std::string FrameLine(const v1::EventFrame& f) {
  std::string line = f.type();
  if (f.agents_size() > 0) {
    absl::StrAppend(&line, " by ", absl::StrJoin(f.agents(), ", "));
  }
  if (f.targets_size() > 0) {
    absl::StrAppend(&line, " on ", absl::StrJoin(f.targets(), ", "));
  }
  if (f.locations_size() > 0) {
    // A place keeps its own preposition when it has one ("along the
    // border"); bare names get "in".
    const std::string& first = f.locations(0);
    const bool has_preposition =
        absl::StartsWith(first, "along ") || absl::StartsWith(first, "on ") ||
        absl::StartsWith(first, "near ") || absl::StartsWith(first, "across ") ||
        absl::StartsWith(first, "at ") || absl::StartsWith(first, "in ");
    absl::StrAppend(&line, has_preposition ? " " : " in ",
                    absl::StrJoin(f.locations(), ", "));
  }
  for (const v1::CausalLink& c : f.causes()) {
    absl::StrAppend(&line, "; ", absl::AsciiStrToLower(
                                     v1::CausalLink::Relation_Name(c.relation())),
                    " (", c.cue(), ")");
    if (!c.antecedent().empty()) absl::StrAppend(&line, " ", c.antecedent());
    if (!c.initiator().empty()) {
      absl::StrAppend(&line, ", initiator ", c.initiator());
    }
  }
  for (const v1::Attribution& a : f.stances()) {
    absl::StrAppend(&line, "; ", a.source_normalized().empty()
                                     ? a.source()
                                     : a.source_normalized(),
                    " ", StanceName(a.stance()));
  }
  return line;
}

}  // namespace

absl::StatusOr<OutputFormat> ParseOutputFormat(absl::string_view name) {
  if (name == "text") return OutputFormat::kText;
  if (name == "json") return OutputFormat::kJson;
  if (name == "markdown" || name == "md") return OutputFormat::kMarkdown;
  return absl::InvalidArgumentError(absl::StrCat(
      "unknown --format \"", name, "\"; expected text, json or markdown"));
}

std::vector<std::string> WrapText(absl::string_view text, int width) {
  std::vector<std::string> lines;
  std::string line;
  size_t line_cols = 0;
  for (absl::string_view word :
       absl::StrSplit(text, absl::ByAnyChar(" \n"), absl::SkipEmpty())) {
    size_t cols = Columns(word);
    if (line_cols > 0 && line_cols + 1 + cols > static_cast<size_t>(width)) {
      lines.push_back(line);
      line.clear();
      line_cols = 0;
    }
    while (cols > static_cast<size_t>(width)) {  // cut an overlong word
      size_t cut = 0, n = 0;
      while (cut < word.size() && n < static_cast<size_t>(width)) {
        ++cut;
        while (cut < word.size() && (word[cut] & 0xC0) == 0x80) ++cut;
        ++n;
      }
      lines.push_back(std::string(word.substr(0, cut)));
      word.remove_prefix(cut);
      cols = Columns(word);
    }
    if (word.empty()) continue;
    if (line_cols > 0) {
      line += ' ';
      ++line_cols;
    }
    absl::StrAppend(&line, word);
    line_cols += cols;
  }
  if (!line.empty() || lines.empty()) lines.push_back(line);
  return lines;
}

std::string RenderReport(const Report& report, OutputFormat format,
                         const RenderOptions& options) {
  switch (format) {
    case OutputFormat::kJson:
      return ReportJson(report);
    case OutputFormat::kMarkdown:
      return RenderMarkdown(report);
    case OutputFormat::kText:
      break;
  }
  return RenderText(report, options);
}

std::string RenderExtractions(
    const std::vector<v1::DocumentExtraction>& extractions,
    OutputFormat format, const RenderOptions& options) {
  if (format == OutputFormat::kJson) {
    // Reuse the service's response shape: {"documents": [...]}.
    std::string out = "{\n  \"documents\": [";
    for (size_t i = 0; i < extractions.size(); ++i) {
      std::string one = JsonOf(extractions[i]);
      while (!one.empty() && one.back() == '\n') one.pop_back();
      absl::StrAppend(&out, i == 0 ? "\n" : ",\n", one);
    }
    out += extractions.empty() ? "]\n}\n" : "\n]\n}\n";
    return out;
  }
  const bool md = format == OutputFormat::kMarkdown;
  std::string out;
  for (const auto& e : extractions) {
    const v1::Document& d = e.document();
    absl::StrAppend(&out, md ? "## " : "== ", d.id(),
                    d.source().empty() ? "" : absl::StrCat(" · ", d.source()),
                    d.published().empty() ? "" : absl::StrCat(" · ", d.published()),
                    "\n");
    for (const auto& s : e.statements()) {
      if (s.quantities_size() == 0 && s.times_size() == 0 &&
          s.attributions_size() == 0 && s.frames_size() == 0) {
        continue;
      }
      std::string text = s.text();
      std::replace(text.begin(), text.end(), '\n', ' ');
      absl::StrAppend(&out, md ? "\n- " : "\n", "line ", s.line(), ": ", text, "\n");
      for (const auto& q : s.quantities()) {
        absl::StrAppend(&out, md ? "  - figure: " : "    figure: ", QuantityLine(q), "\n");
      }
      for (const auto& t : s.times()) {
        absl::StrAppend(&out, md ? "  - time: " : "    time:   ", TimeLine(t), "\n");
      }
      for (const auto& a : s.attributions()) {
        absl::StrAppend(&out, md ? "  - source: " : "    source: ",
                        AttributionLine(a, s.text(), s.span().begin()), "\n");
      }
      for (const auto& f : s.frames()) {
        absl::StrAppend(&out, md ? "  - event: " : "    event:  ", FrameLine(f),
                        "\n");
      }
    }
    out += "\n";
  }
  (void)options;
  return out;
}

}  // namespace factdiff
