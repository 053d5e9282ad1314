#include "core/report/ci/ci_formats.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "core/base/utf8.h"
#include "core/report/wording.h"

namespace factdiff {
namespace {

using v1::Claim;
using v1::Finding;
using v1::Report;

// ---------------------------------------------------------------------------
// Names and wording (kinds, causes and severities: core/report/wording.h).



struct Rule {
  Finding::Kind kind;
  const char* id;
  const char* name;
  const char* short_description;
  const char* full_description;
};

// One rule per kind, in a fixed order so that ruleIndex is stable. The last
// entry is for findings of no known kind and is listed only when used.
constexpr Rule kRules[] = {
    {Finding::NUMERIC_MISMATCH, "factdiff/numeric-mismatch", "NumericMismatch",
     "Reports of one event give figures that cannot both hold.",
     "Two statements about the same event give figures for the same measure "
     "and subject (people killed, wounded or arrested, crowd sizes, amounts, "
     "results) whose values cannot both hold. The cause says whether the "
     "text explains the difference: sources in conflict, a later update, or "
     "a different scope."},
    {Finding::ATTRIBUTION_CONFLICT, "factdiff/attribution-conflict",
     "AttributionConflict",
     "Reports of one event disagree on who did or said what.",
     "Within one event, one source says an actor did an act (a claim of "
     "responsibility, an accusation, an acknowledgement) and that actor "
     "denies it or will not confirm it; or one exact figure or quote is put "
     "in the mouths of two different sources."},
    {Finding::CAUSAL_ORDER_CONFLICT, "factdiff/causal-order-conflict",
     "CausalOrderConflict",
     "Reports of one event disagree on what began it or who struck first.",
     "Accounts of one event disagree on what began it: one calls an attack "
     "unprovoked, another calls it retaliation for an earlier act, or two "
     "accounts name different parties as the one who struck first."},
    {Finding::DATE_MISMATCH, "factdiff/date-mismatch", "DateMismatch",
     "Reports put one event on dates that cannot both hold.",
     "Two documents put the same event (same kind of act, matching place or "
     "participants) on resolved days that lie further apart than the date "
     "tolerance."},
    {Finding::KIND_UNSPECIFIED, "factdiff/other", "Other",
     "A disagreement between reports.",
     "A disagreement between reports of one event of a kind this version of "
     "the format does not name."},
};
constexpr int kNumKnownRules = 4;

int RuleIndex(Finding::Kind kind) {
  for (int i = 0; i < kNumKnownRules; ++i) {
    if (kRules[i].kind == kind) return i;
  }
  return kNumKnownRules;
}

// ---------------------------------------------------------------------------
// Documents and positions.

bool HasFile(absl::string_view path) { return !path.empty() && path != "-"; }

size_t CodePoints(absl::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += IsUtf8Boundary(c);
  return n;
}

// A document as the renderers see it: the text-bearing copy from
// `documents` when there is one, the Report's metadata otherwise, and the
// byte offsets of its line starts, computed on first use.
struct DocInfo {
  const v1::Document* text = nullptr;
  const v1::Document* meta = nullptr;
  std::vector<uint32_t> line_starts;
  bool indexed = false;

  const v1::Document* any() const { return text != nullptr ? text : meta; }
  std::string path() const { return any() == nullptr ? "" : any()->path(); }
};

// 1-based (line, column) of positions in a claim's document.
struct Point {
  uint32_t line = 0;
  uint32_t column = 0;  // 0: unknown
};

// Where a claim's sentence lies.
struct Location {
  const Claim* claim = nullptr;
  std::string document_id;
  std::string path;     // empty: no file (client document or stdin)
  bool focused = false;  // in a non-empty focus
  bool stored = false;   // outside a non-empty focus
  Point start;           // start.line 0: unknown
  Point end;             // exclusive end (SARIF)
  Point last;            // the sentence's last character (GitHub)
  std::string source;
  std::string published;
};

class Locator {
 public:
  Locator(const Report& report, const std::vector<v1::Document>& documents,
          const CiFormatOptions& options)
      : options_(options) {
    for (const auto& d : report.documents()) docs_[d.id()].meta = &d;
    for (const auto& d : documents) docs_[d.id()].text = &d;
  }

  Location Locate(const Claim& c) {
    Location loc;
    loc.claim = &c;
    loc.document_id = c.document_id();
    loc.focused = !options_.focus_documents.empty() &&
                  options_.focus_documents.contains(c.document_id());
    loc.stored = !options_.focus_documents.empty() && !loc.focused;
    loc.source = c.source();
    loc.published = c.published();
    auto it = docs_.find(c.document_id());
    DocInfo* info = it == docs_.end() ? nullptr : &it->second;
    if (info != nullptr) {
      const std::string path = info->path();
      if (HasFile(path)) loc.path = path;
      if (loc.source.empty()) loc.source = info->any()->source();
      if (loc.published.empty()) loc.published = info->any()->published();
    }
    const v1::Span& span = c.span();
    if (info != nullptr && info->text != nullptr &&
        span.begin() <= span.end() && span.end() <= info->text->text().size()) {
      const v1::Document& d = *info->text;
      if (!info->indexed) Index(info);
      const uint32_t base = d.text_line() > 0 ? d.text_line() : 1;
      loc.start = PointAt(*info, base, span.begin());
      loc.end = PointAt(*info, base, span.end());
      uint32_t last = span.end();
      if (last > span.begin()) {
        --last;
        while (last > span.begin() &&
               !IsUtf8Boundary(static_cast<unsigned char>(d.text()[last]))) {
          --last;
        }
      }
      loc.last = PointAt(*info, base, last);
    } else {
      loc.start.line = c.line();
      loc.end.line = c.line();
      loc.last.line = c.line();
    }
    return loc;
  }

 private:
  static void Index(DocInfo* info) {
    const std::string& text = info->text->text();
    info->line_starts.push_back(0);
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') info->line_starts.push_back(i + 1);
    }
    info->indexed = true;
  }

  static Point PointAt(const DocInfo& info, uint32_t base, uint32_t offset) {
    const auto& starts = info.line_starts;
    const size_t index =
        std::upper_bound(starts.begin(), starts.end(), offset) -
        starts.begin() - 1;
    Point p;
    p.line = base + static_cast<uint32_t>(index);
    p.column = 1 + static_cast<uint32_t>(CodePoints(absl::string_view(
                       info.text->text())
                       .substr(starts[index], offset - starts[index])));
    return p;
  }

  const CiFormatOptions& options_;
  absl::flat_hash_map<std::string, DocInfo> docs_;
};

// The claim that locates the finding: the first one in a focused document,
// else the first one. -1 for a finding without claims.
int PrimaryClaim(const Finding& f, const CiFormatOptions& options) {
  if (f.claims_size() == 0) return -1;
  if (!options.focus_documents.empty()) {
    for (int i = 0; i < f.claims_size(); ++i) {
      if (options.focus_documents.contains(f.claims(i).document_id())) {
        return i;
      }
    }
  }
  return 0;
}

// ---------------------------------------------------------------------------
// Message text, shared by both formats.

// The figure, date or attribution cue the claim is about, quoted; empty when
// it carries none.
std::string Gist(const Claim& c) {
  if (c.has_quantity() && !c.quantity().text().empty()) {
    return absl::StrCat("\"", c.quantity().text(), "\"");
  }
  if (c.has_time() && !c.time().text().empty()) {
    return absl::StrCat("\"", c.time().text(), "\"");
  }
  if (c.has_attribution() && !c.attribution().cue().empty()) {
    std::string who = c.attribution().source();
    return who.empty() ? absl::StrCat("\"", c.attribution().cue(), "\"")
                       : absl::StrCat("\"", who, " ", c.attribution().cue(),
                                      "\"");
  }
  return "";
}

// "published/dawn.md:4", "stored article dawn-oct12 (published/dawn.md:4)",
// "dawn-oct12, line 4".
std::string Where(const Location& loc) {
  const std::string position =
      loc.path.empty()
          ? absl::StrCat(loc.document_id, ", line ", loc.start.line)
          : absl::StrCat(loc.path, ":", loc.start.line);
  if (!loc.stored) return position;
  return loc.path.empty()
             ? absl::StrCat("stored article ", position)
             : absl::StrCat("stored article ", loc.document_id, " (", position,
                            ")");
}

// The sentence on one line, cut to about 400 bytes at a character boundary.
std::string OneLine(absl::string_view text) {
  constexpr size_t kMax = 400;
  std::string out;
  bool cut = false;
  if (text.size() > kMax) {
    size_t end = kMax;
    while (end > 0 && !IsUtf8Boundary(static_cast<unsigned char>(text[end]))) {
      --end;
    }
    text = text.substr(0, end);
    cut = true;
  }
  out.reserve(text.size() + 3);
  for (char ch : text) out.push_back(ch == '\n' || ch == '\r' ? ' ' : ch);
  if (cut) out += "\xE2\x80\xA6";  // …
  return out;
}

// " · "-joined pieces, skipping empty ones.
std::string Dotted(std::vector<std::string> parts) {
  parts.erase(std::remove(parts.begin(), parts.end(), std::string()),
              parts.end());
  return absl::StrJoin(parts, " \xC2\xB7 ");
}

std::string PerWho(const Claim& c) {
  return c.attributed_to().empty() ? ""
                                   : absl::StrCat("per ", c.attributed_to());
}

// Summary; "Here: ..." for the located claim; "vs ..." per other claim;
// explanation. Lines joined with "\n".
std::string Message(const Finding& f, const std::vector<Location>& locs,
                    int primary) {
  std::vector<std::string> lines;
  if (!f.summary().empty()) lines.push_back(OneLine(f.summary()));
  if (primary >= 0) {
    const Location& here = locs[primary];
    const std::string gist = Dotted({Gist(*here.claim), here.source,
                                     here.published, PerWho(*here.claim)});
    if (!gist.empty()) lines.push_back(absl::StrCat("Here: ", gist));
  }
  for (int i = 0; i < static_cast<int>(locs.size()); ++i) {
    if (i == primary) continue;
    const Location& other = locs[i];
    lines.push_back(absl::StrCat(
        "vs ",
        Dotted({Gist(*other.claim), other.source, other.published,
                PerWho(*other.claim), Where(other)}),
        ": \"", OneLine(other.claim->text()), "\""));
  }
  if (!f.explanation().empty()) lines.push_back(OneLine(f.explanation()));
  if (lines.empty()) lines.push_back(KindName(f.kind()));
  return absl::StrJoin(lines, "\n");
}

std::string Title(const Finding& f) {
  return absl::StrFormat("factdiff %s: %s, %s %.2f", f.id(), KindName(f.kind()),
                         SeverityName(f.severity()), f.confidence());
}

std::vector<Location> LocateAll(const Finding& f, Locator* locator) {
  std::vector<Location> locs;
  locs.reserve(f.claims_size());
  for (const Claim& c : f.claims()) locs.push_back(locator->Locate(c));
  return locs;
}

// ---------------------------------------------------------------------------
// GitHub workflow commands.

// GitHub's escaping of workflow command values: %, CR and LF always; ":"
// and "," too in property values.
std::string Escape(absl::string_view s, bool property) {
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    if (ch == '%') {
      out += "%25";
    } else if (ch == '\r') {
      out += "%0D";
    } else if (ch == '\n') {
      out += "%0A";
    } else if (property && ch == ':') {
      out += "%3A";
    } else if (property && ch == ',') {
      out += "%2C";
    } else {
      out.push_back(ch);
    }
  }
  return out;
}

std::string EscapeData(absl::string_view s) { return Escape(s, false); }
std::string EscapeProperty(absl::string_view s) { return Escape(s, true); }

const char* GithubCommand(Finding::Severity s) {
  switch (s) {
    case Finding::HIGH:
      return "error";
    case Finding::MEDIUM:
      return "warning";
    default:
      return "notice";
  }
}

// ---------------------------------------------------------------------------
// A small JSON tree with ordered object members, written pretty-printed.

class Json {
 public:
  enum class Type { kNull, kBool, kInt, kDouble, kString, kArray, kObject };

  Json() = default;
  Json(const char* s) : type_(Type::kString), string_(s) {}  // NOLINT
  Json(std::string s) : type_(Type::kString), string_(std::move(s)) {}  // NOLINT
  Json(int64_t v) : type_(Type::kInt), int_(v) {}  // NOLINT
  Json(uint32_t v) : type_(Type::kInt), int_(v) {}  // NOLINT
  Json(int v) : type_(Type::kInt), int_(v) {}  // NOLINT
  Json(double v) : type_(Type::kDouble), double_(v) {}  // NOLINT
  Json(bool v) : type_(Type::kBool), bool_(v) {}  // NOLINT

  static Json Object() { return Json(Type::kObject); }
  static Json Array() { return Json(Type::kArray); }

  // Appends a member (objects) or an element (arrays); returns *this.
  Json& Set(std::string key, Json value) {
    keys_.push_back(std::move(key));
    values_.push_back(std::move(value));
    return *this;
  }
  Json& Push(Json value) {
    values_.push_back(std::move(value));
    return *this;
  }
  bool empty() const { return values_.empty(); }

  void Write(int depth, std::string* out) const {
    switch (type_) {
      case Type::kNull:
        *out += "null";
        return;
      case Type::kBool:
        *out += bool_ ? "true" : "false";
        return;
      case Type::kInt:
        absl::StrAppend(out, int_);
        return;
      case Type::kDouble:
        if (std::isfinite(double_)) {
          absl::StrAppend(out, double_);
        } else {
          *out += "null";
        }
        return;
      case Type::kString:
        WriteString(string_, out);
        return;
      case Type::kArray:
      case Type::kObject:
        break;
    }
    const bool object = type_ == Type::kObject;
    if (values_.empty()) {
      *out += object ? "{}" : "[]";
      return;
    }
    *out += object ? "{" : "[";
    const std::string indent(2 * (depth + 1), ' ');
    for (size_t i = 0; i < values_.size(); ++i) {
      absl::StrAppend(out, i == 0 ? "\n" : ",\n", indent);
      if (object) {
        WriteString(keys_[i], out);
        *out += ": ";
      }
      values_[i].Write(depth + 1, out);
    }
    absl::StrAppend(out, "\n", std::string(2 * depth, ' '), object ? "}" : "]");
  }

 private:
  explicit Json(Type type) : type_(type) {}

  // RFC 8259 string: quotes, backslashes and control characters escaped,
  // other characters as UTF-8; invalid UTF-8 becomes U+FFFD.
  static void WriteString(absl::string_view s, std::string* out) {
    std::string valid;
    if (!IsValidUtf8(s)) {
      size_t i = 0;
      while (i < s.size()) AppendUtf8(DecodeUtf8(s, &i), &valid);
      s = valid;
    }
    out->push_back('"');
    for (char ch : s) {
      const unsigned char c = static_cast<unsigned char>(ch);
      switch (ch) {
        case '"':
          *out += "\\\"";
          break;
        case '\\':
          *out += "\\\\";
          break;
        case '\n':
          *out += "\\n";
          break;
        case '\r':
          *out += "\\r";
          break;
        case '\t':
          *out += "\\t";
          break;
        case '\b':
          *out += "\\b";
          break;
        case '\f':
          *out += "\\f";
          break;
        default:
          if (c < 0x20) {
            absl::StrAppendFormat(out, "\\u%04x", c);
          } else {
            out->push_back(ch);
          }
      }
    }
    out->push_back('"');
  }

  Type type_ = Type::kNull;
  bool bool_ = false;
  int64_t int_ = 0;
  double double_ = 0;
  std::string string_;
  std::vector<std::string> keys_;
  std::vector<Json> values_;
};

// ---------------------------------------------------------------------------
// SARIF.

bool IsUnreserved(unsigned char c) {
  return absl::ascii_isalnum(c) || c == '-' || c == '.' || c == '_' ||
         c == '~';
}

// A file path as a URI reference: relative paths stay relative, absolute
// ones become file:// URIs; every byte but unreserved ones and "/" is
// percent-encoded (a drive letter's colon is kept).
std::string PathToUri(absl::string_view path) {
  std::string p(path);
  std::replace(p.begin(), p.end(), '\\', '/');
  absl::string_view rest = p;
  while (rest.size() > 2 && rest.substr(0, 2) == "./") rest.remove_prefix(2);
  std::string out;
  const bool drive = rest.size() >= 2 && absl::ascii_isalpha(rest[0]) &&
                     rest[1] == ':';
  if (!rest.empty() && rest[0] == '/') {
    out = "file://";
  } else if (drive) {
    absl::StrAppend(&out, "file:///", rest.substr(0, 2));
    rest.remove_prefix(2);
  }
  for (char ch : rest) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (IsUnreserved(c) || c == '/') {
      out.push_back(ch);
    } else {
      absl::StrAppendFormat(&out, "%%%02X", c);
    }
  }
  return out;
}

const char* SarifLevel(Finding::Severity s) {
  switch (s) {
    case Finding::HIGH:
      return "error";
    case Finding::MEDIUM:
      return "warning";
    default:
      return "note";
  }
}

Json TextMessage(std::string text) {
  return Json::Object().Set("text", std::move(text));
}

// A locations[] / relatedLocations[] entry: `location` (an object, empty or
// holding id and message) with the physical or logical location appended.
Json SarifLocation(const Location& loc, Json location = Json::Object()) {
  if (loc.path.empty()) {
    location.Set("logicalLocations",
                 Json::Array().Push(Json::Object()
                                        .Set("name", loc.document_id)
                                        .Set("kind", "resource")));
    return location;
  }
  Json physical = Json::Object().Set(
      "artifactLocation", Json::Object().Set("uri", PathToUri(loc.path)));
  if (loc.start.line > 0) {
    Json region = Json::Object().Set("startLine", loc.start.line);
    if (loc.start.column > 0) {
      region.Set("startColumn", loc.start.column)
          .Set("endLine", loc.end.line)
          .Set("endColumn", loc.end.column)
          .Set("snippet", TextMessage(loc.claim->text()));
    }
    physical.Set("region", std::move(region));
  }
  location.Set("physicalLocation", std::move(physical));
  return location;
}

// Whitespace runs collapsed to one space, ends trimmed.
std::string CollapseSpace(absl::string_view s) {
  std::string out;
  bool space = false;
  for (char ch : s) {
    if (absl::ascii_isspace(static_cast<unsigned char>(ch))) {
      space = !out.empty();
    } else {
      if (space) out.push_back(' ');
      space = false;
      out.push_back(ch);
    }
  }
  return out;
}

// 64-bit FNV-1a, seeded: fixed across runs, builds and platforms (absl::Hash
// is not).
uint64_t Fnv1a(absl::string_view s, uint64_t seed) {
  uint64_t h = seed;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::string Fingerprint(const Finding& f) {
  std::vector<std::string> claims;
  claims.reserve(f.claims_size());
  for (const Claim& c : f.claims()) {
    claims.push_back(
        absl::StrCat(c.document_id(), "\x1f", CollapseSpace(c.text())));
  }
  std::sort(claims.begin(), claims.end());
  const std::string key = absl::StrCat(Finding::Kind_Name(f.kind()), "\x1e",
                                       absl::StrJoin(claims, "\x1e"));
  // Two differently seeded hashes of the same key: 128 bits.
  return absl::StrFormat("%016x%016x", Fnv1a(key, 0xcbf29ce484222325ULL),
                         Fnv1a(key, 0x84222325cbf29ce4ULL ^ key.size()));
}

Json SarifRule(const Rule& rule) {
  return Json::Object()
      .Set("id", rule.id)
      .Set("name", rule.name)
      .Set("shortDescription", TextMessage(rule.short_description))
      .Set("fullDescription", TextMessage(rule.full_description))
      .Set("defaultConfiguration", Json::Object().Set("level", "warning"))
      .Set("properties",
           Json::Object().Set("tags", Json::Array().Push("factdiff").Push(
                                          "accuracy")));
}

}  // namespace

std::string RenderGithubAnnotations(const Report& report,
                                    const std::vector<v1::Document>& documents,
                                    const CiFormatOptions& options) {
  Locator locator(report, documents, options);
  std::string out;
  for (const Finding& f : report.findings()) {
    const std::vector<Location> locs = LocateAll(f, &locator);
    const int primary = PrimaryClaim(f, options);
    std::vector<std::string> props;
    if (primary >= 0 && !locs[primary].path.empty() &&
        locs[primary].start.line > 0) {
      const Location& at = locs[primary];
      props.push_back(absl::StrCat("file=", EscapeProperty(at.path)));
      props.push_back(absl::StrCat("line=", at.start.line));
      const bool one_line = at.last.line == at.start.line;
      if (one_line && at.start.column > 0) {
        props.push_back(absl::StrCat("col=", at.start.column));
      }
      props.push_back(absl::StrCat("endLine=", at.last.line));
      if (one_line && at.last.column > 0) {
        props.push_back(absl::StrCat("endColumn=", at.last.column));
      }
    }
    props.push_back(absl::StrCat("title=", EscapeProperty(Title(f))));
    absl::StrAppend(&out, "::", GithubCommand(f.severity()), " ",
                    absl::StrJoin(props, ","), "::",
                    EscapeData(Message(f, locs, primary)), "\n");
  }
  return out;
}

std::string RenderSarif(const Report& report,
                        const std::vector<v1::Document>& documents,
                        const CiFormatOptions& options) {
  Locator locator(report, documents, options);
  bool uses_other = false;
  for (const Finding& f : report.findings()) {
    uses_other |= RuleIndex(f.kind()) == kNumKnownRules;
  }
  Json rules = Json::Array();
  for (int i = 0; i < kNumKnownRules + (uses_other ? 1 : 0); ++i) {
    rules.Push(SarifRule(kRules[i]));
  }

  Json results = Json::Array();
  for (const Finding& f : report.findings()) {
    const std::vector<Location> locs = LocateAll(f, &locator);
    const int primary = PrimaryClaim(f, options);
    const int rule = RuleIndex(f.kind());
    Json result = Json::Object()
                      .Set("ruleId", kRules[rule].id)
                      .Set("ruleIndex", rule)
                      .Set("level", SarifLevel(f.severity()))
                      .Set("message", TextMessage(Message(f, locs, primary)));
    if (primary >= 0) {
      result.Set("locations", Json::Array().Push(SarifLocation(locs[primary])));
    }
    Json related = Json::Array();
    int next_id = 1;
    for (int i = 0; i < static_cast<int>(locs.size()); ++i) {
      if (i == primary) continue;
      const Location& other = locs[i];
      Json entry = Json::Object().Set("id", next_id++).Set(
          "message",
          TextMessage(Dotted({Gist(*other.claim), other.source,
                              other.published, PerWho(*other.claim),
                              other.stored
                                  ? absl::StrCat("stored article ",
                                                 other.document_id)
                                  : other.document_id})));
      related.Push(SarifLocation(other, std::move(entry)));
    }
    if (!related.empty()) result.Set("relatedLocations", std::move(related));
    result.Set("partialFingerprints",
               Json::Object().Set("factdiffFinding/v1", Fingerprint(f)));
    result.Set("properties",
               Json::Object()
                   .Set("findingId", f.id())
                   .Set("eventId", f.event_id())
                   .Set("severity", Finding::Severity_Name(f.severity()))
                   .Set("cause", Finding::Cause_Name(f.cause()))
                   .Set("confidence", f.confidence())
                   .Set("sameDocument", f.same_document()));
    results.Push(std::move(result));
  }

  Json driver = Json::Object()
                    .Set("name", "factdiff")
                    .Set("version", options.tool_version)
                    .Set("rules", std::move(rules));
  Json run = Json::Object()
                 .Set("tool", Json::Object().Set("driver", std::move(driver)))
                 .Set("columnKind", "unicodeCodePoints")
                 .Set("results", std::move(results));
  Json log = Json::Object()
                 .Set("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
                 .Set("version", "2.1.0")
                 .Set("runs", Json::Array().Push(std::move(run)));
  std::string out;
  log.Write(0, &out);
  out += "\n";
  return out;
}

}  // namespace factdiff
