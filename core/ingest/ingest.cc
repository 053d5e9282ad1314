#include "core/ingest/ingest.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "core/base/status_macros.h"
#include "core/base/utf8.h"
#include "google/protobuf/util/json_util.h"

namespace factdiff {
namespace {

constexpr absl::string_view kUtf8Bom = "\xEF\xBB\xBF";

absl::Status Invalid(absl::string_view path, absl::string_view problem) {
  return absl::InvalidArgumentError(absl::StrCat(path, ": ", problem));
}

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeapYear(y) ? 29 : kDays[m - 1];
}

bool AllDigits(absl::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// "YYYY-MM-DD" with a real calendar date.
bool IsValidDate(absl::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  int y, m, d;
  if (!AllDigits(s.substr(0, 4)) || !AllDigits(s.substr(5, 2)) ||
      !AllDigits(s.substr(8, 2)) || !absl::SimpleAtoi(s.substr(0, 4), &y) ||
      !absl::SimpleAtoi(s.substr(5, 2), &m) ||
      !absl::SimpleAtoi(s.substr(8, 2), &d)) {
    return false;
  }
  return y >= 1800 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 &&
         d <= DaysInMonth(y, m);
}

// "HH:MM[:SS[.fff]][Z|+HH:MM|-HH:MM]".
bool IsValidTimeOfDay(absl::string_view s) {
  auto two_digits = [&](size_t at, int max) {
    int v;
    return s.size() >= at + 2 && AllDigits(s.substr(at, 2)) &&
           absl::SimpleAtoi(s.substr(at, 2), &v) && v <= max;
  };
  if (!two_digits(0, 23) || s.size() < 5 || s[2] != ':' || !two_digits(3, 59))
    return false;
  size_t i = 5;
  if (i < s.size() && s[i] == ':') {
    if (!two_digits(i + 1, 60)) return false;
    i += 3;
    if (i < s.size() && s[i] == '.') {
      ++i;
      const size_t start = i;
      while (i < s.size() && absl::ascii_isdigit(s[i])) ++i;
      if (i == start) return false;
    }
  }
  if (i == s.size()) return true;
  if (s[i] == 'Z') return i + 1 == s.size();
  if (s[i] == '+' || s[i] == '-') {
    return s.size() == i + 6 && two_digits(i + 1, 23) && s[i + 3] == ':' &&
           two_digits(i + 4, 59);
  }
  return false;
}

// Binary data: NUL or control bytes other than tab, line feed, form feed and
// carriage return. Returns the offset of the first one, or npos.
size_t FirstControlByte(absl::string_view bytes) {
  for (size_t i = 0; i < bytes.size(); ++i) {
    const unsigned char c = bytes[i];
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ||
        c == 0x7F) {
      return i;
    }
  }
  return absl::string_view::npos;
}

absl::Status CheckTextBytes(absl::string_view path, absl::string_view bytes,
                            const IngestOptions& options) {
  if (bytes.size() > options.max_bytes) {
    return Invalid(path, absl::StrFormat("input is %d bytes, above the limit "
                                         "of %d bytes",
                                         bytes.size(), options.max_bytes));
  }
  const size_t control = FirstControlByte(bytes);
  if (control != absl::string_view::npos) {
    return Invalid(path, absl::StrFormat("binary data (byte 0x%02x at offset "
                                         "%d); expected UTF-8 text",
                                         static_cast<unsigned char>(bytes[control]),
                                         control));
  }
  size_t bad = 0;
  if (!IsValidUtf8(bytes, &bad)) {
    return Invalid(path, absl::StrFormat("not valid UTF-8 (byte 0x%02x at "
                                         "offset %d)",
                                         static_cast<unsigned char>(bytes[bad]),
                                         bad));
  }
  return absl::OkStatus();
}

bool IsBlank(absl::string_view s) {
  for (char c : s) {
    if (!absl::ascii_isspace(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// Splits off the first line of *rest (without its '\n' or "\r\n").
absl::string_view NextLine(absl::string_view* rest) {
  const size_t nl = rest->find('\n');
  absl::string_view line = rest->substr(0, nl);
  rest->remove_prefix(nl == absl::string_view::npos ? rest->size() : nl + 1);
  absl::ConsumeSuffix(&line, "\r");
  return line;
}

absl::string_view Unquote(absl::string_view v) {
  if (v.size() >= 2 && ((v.front() == '"' && v.back() == '"') ||
                        (v.front() == '\'' && v.back() == '\''))) {
    return v.substr(1, v.size() - 2);
  }
  return v;
}

constexpr absl::string_view kMonths[] = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

int MonthNumber(absl::string_view word) {
  const std::string w = absl::AsciiStrToLower(absl::StripSuffix(word, "."));
  for (int i = 0; i < 12; ++i) {
    if (w == kMonths[i] || (w.size() >= 3 && absl::StartsWith(kMonths[i], w) &&
                            w.size() <= kMonths[i].size())) {
      return i + 1;
    }
  }
  return 0;
}

// A dateline: "date 2025-10-29 ..." at the start of a line, or a line that is
// only a date: "2025-10-29", "October 18, 2025", "18 October 2025".
// Returns "YYYY-MM-DD" or "".
std::string DatelineDate(absl::string_view line) {
  line = absl::StripAsciiWhitespace(line);
  absl::string_view rest = line;
  if (absl::ConsumePrefix(&rest, "date") || absl::ConsumePrefix(&rest, "Date")) {
    absl::ConsumePrefix(&rest, ":");
    rest = absl::StripLeadingAsciiWhitespace(rest);
    if (rest.size() >= 10 && IsValidDate(rest.substr(0, 10)) &&
        (rest.size() == 10 || absl::ascii_isspace(rest[10]))) {
      return std::string(rest.substr(0, 10));
    }
    return "";
  }
  if (IsValidDate(line)) return std::string(line);
  std::vector<absl::string_view> w =
      absl::StrSplit(line, absl::ByAnyChar(" ,"), absl::SkipEmpty());
  if (w.size() != 3) return "";
  int month = 0, day = 0, year = 0;
  if (MonthNumber(w[0]) && absl::SimpleAtoi(w[1], &day) &&
      absl::SimpleAtoi(w[2], &year)) {
    month = MonthNumber(w[0]);
  } else if (MonthNumber(w[1]) && absl::SimpleAtoi(w[0], &day) &&
             absl::SimpleAtoi(w[2], &year)) {
    month = MonthNumber(w[1]);
  } else {
    return "";
  }
  const std::string date = absl::StrFormat("%04d-%02d-%02d", year, month, day);
  return IsValidDate(date) ? date : "";
}

// Looks for a dateline among the first lines of an article without front
// matter.
std::string FindDateline(absl::string_view text) {
  constexpr int kMaxLines = 8;
  constexpr size_t kMaxBytes = 600;
  absl::string_view rest = text.substr(0, std::min(text.size(), kMaxBytes));
  for (int i = 0; i < kMaxLines && !rest.empty(); ++i) {
    std::string date = DatelineDate(NextLine(&rest));
    if (!date.empty()) return date;
  }
  return "";
}

absl::StatusOr<v1::Document> ParseText(absl::string_view path,
                                       absl::string_view bytes,
                                       const IngestOptions& options) {
  FACTDIFF_RETURN_IF_ERROR(CheckTextBytes(path, bytes, options));
  v1::Document doc;
  doc.set_id(DocumentIdForPath(path));
  doc.set_path(std::string(path));
  absl::string_view text = bytes;
  absl::ConsumePrefix(&text, kUtf8Bom);
  uint32_t body_line = 1;

  absl::string_view rest = text;
  if (absl::StripTrailingAsciiWhitespace(NextLine(&rest)) == "---") {
    // Front matter: "key: value" lines up to a closing "---". Look for the
    // closing line first, so that an unclosed block is reported as such
    // rather than as its first body line not being "key: value".
    bool closed = false;
    for (absl::string_view scan = rest; !scan.empty() && !closed;) {
      const absl::string_view t = absl::StripAsciiWhitespace(NextLine(&scan));
      closed = t == "---" || t == "...";
    }
    if (!closed) {
      return Invalid(path, "front matter opened with \"---\" on line 1 is "
                           "never closed (expected a line \"---\")");
    }
    uint32_t line_no = 1;
    while (!rest.empty()) {
      absl::string_view line = NextLine(&rest);
      ++line_no;
      absl::string_view trimmed = absl::StripAsciiWhitespace(line);
      if (trimmed == "---" || trimmed == "...") break;
      if (trimmed.empty() || trimmed.front() == '#') continue;
      const size_t colon = trimmed.find(':');
      if (colon == absl::string_view::npos || colon == 0) {
        return Invalid(path, absl::StrFormat("front matter line %d is not "
                                             "\"key: value\": \"%s\"",
                                             line_no, trimmed));
      }
      const std::string key = absl::AsciiStrToLower(
          absl::StripAsciiWhitespace(trimmed.substr(0, colon)));
      const std::string value(
          Unquote(absl::StripAsciiWhitespace(trimmed.substr(colon + 1))));
      if (key == "title") {
        doc.set_title(value);
      } else if (key == "source" || key == "outlet" || key == "publisher") {
        doc.set_source(value);
      } else if (key == "url" || key == "link") {
        doc.set_url(value);
      } else if (key == "published" || key == "date") {
        if (!IsValidPublished(value)) {
          return Invalid(path, absl::StrFormat(
                                   "front matter line %d: published date "
                                   "\"%s\" is not a valid YYYY-MM-DD date",
                                   line_no, value));
        }
        doc.set_published(value);
      } else if (key == "id") {
        if (value.empty()) {
          return Invalid(path, absl::StrFormat("front matter line %d: empty id",
                                               line_no));
        }
        doc.set_id(value);
      }
      // Other keys (author, tags, ...) are allowed and ignored.
    }
    body_line = line_no + 1;
    text = rest;
  } else {
    doc.set_published(FindDateline(text));
  }

  if (IsBlank(text)) {
    return Invalid(path, "the article is empty (no text after the front "
                         "matter)");
  }
  doc.set_text(std::string(text));
  doc.set_text_line(body_line);
  return doc;
}

absl::StatusOr<std::vector<v1::Document>> FinishProtoDocuments(
    absl::string_view path, std::vector<v1::Document> docs,
    const IngestOptions& options) {
  if (docs.empty()) return Invalid(path, "the document set is empty");
  for (size_t i = 0; i < docs.size(); ++i) {
    v1::Document& doc = docs[i];
    if (doc.id().empty()) {
      if (docs.size() > 1) {
        return Invalid(path,
                       absl::StrFormat("document %d of the set has no id", i + 1));
      }
      doc.set_id(DocumentIdForPath(path));
    }
    doc.set_path(std::string(path));
    doc.set_text_line(1);
    absl::Status status = ValidateDocument(doc, options);
    if (!status.ok()) return Invalid(path, status.message());
  }
  return docs;
}

absl::StatusOr<std::vector<v1::Document>> ParseJson(
    absl::string_view path, absl::string_view bytes,
    const IngestOptions& options) {
  FACTDIFF_RETURN_IF_ERROR(CheckTextBytes(path, bytes, options));
  google::protobuf::util::JsonParseOptions json_options;
  json_options.ignore_unknown_fields = false;
  const std::string json(bytes);
  v1::Document doc;
  auto status = google::protobuf::util::JsonStringToMessage(json, &doc,
                                                            json_options);
  if (status.ok()) return FinishProtoDocuments(path, {std::move(doc)}, options);
  v1::DocumentSet set;
  if (google::protobuf::util::JsonStringToMessage(json, &set, json_options)
          .ok()) {
    std::vector<v1::Document> docs(set.documents().begin(),
                                   set.documents().end());
    return FinishProtoDocuments(path, std::move(docs), options);
  }
  return Invalid(path, absl::StrCat("malformed Document JSON: ",
                                    std::string(status.message())));
}

absl::StatusOr<std::vector<v1::Document>> ParseBinary(
    absl::string_view path, absl::string_view bytes,
    const IngestOptions& options) {
  if (bytes.size() > options.max_bytes) {
    return Invalid(path, absl::StrFormat("input is %d bytes, above the limit "
                                         "of %d bytes",
                                         bytes.size(), options.max_bytes));
  }
  v1::Document doc;
  if (bytes.empty() || !doc.ParseFromArray(bytes.data(), bytes.size())) {
    return Invalid(path, "malformed Document protobuf (binary wire format)");
  }
  return FinishProtoDocuments(path, {std::move(doc)}, options);
}

}  // namespace

InputFormat FormatForPath(absl::string_view path) {
  const std::string lower = absl::AsciiStrToLower(path);
  if (absl::EndsWith(lower, ".json")) return InputFormat::kProtoJson;
  if (absl::EndsWith(lower, ".pb") || absl::EndsWith(lower, ".binpb")) {
    return InputFormat::kProtoBinary;
  }
  return InputFormat::kText;
}

std::string DocumentIdForPath(absl::string_view path) {
  if (path == "-") return "stdin";
  const size_t slash = path.find_last_of('/');
  absl::string_view base =
      slash == absl::string_view::npos ? path : path.substr(slash + 1);
  const size_t dot = base.find_last_of('.');
  if (dot != absl::string_view::npos && dot > 0) base = base.substr(0, dot);
  return std::string(base);
}

bool IsValidPublished(absl::string_view published) {
  if (published.empty()) return true;
  if (published.size() < 10 || !IsValidDate(published.substr(0, 10))) {
    return false;
  }
  if (published.size() == 10) return true;
  if (published[10] != 'T' && published[10] != ' ') return false;
  return IsValidTimeOfDay(published.substr(11));
}

absl::Status ValidateDocument(const v1::Document& doc,
                              const IngestOptions& options) {
  const std::string name =
      doc.id().empty() ? std::string("document without id")
                       : absl::StrCat("document \"", doc.id(), "\"");
  if (doc.id().empty()) {
    return absl::InvalidArgumentError("a document has no id");
  }
  if (doc.text().size() > options.max_bytes) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "%s: text is %d bytes, above the limit of %d bytes", name,
        doc.text().size(), options.max_bytes));
  }
  size_t bad = 0;
  if (!IsValidUtf8(doc.text(), &bad)) {
    return absl::InvalidArgumentError(
        absl::StrFormat("%s: text is not valid UTF-8 (offset %d)", name, bad));
  }
  if (IsBlank(doc.text())) {
    return absl::InvalidArgumentError(
        absl::StrCat(name, ": the article is empty (no text)"));
  }
  if (!IsValidPublished(doc.published())) {
    return absl::InvalidArgumentError(
        absl::StrCat(name, ": published \"", doc.published(),
                     "\" is not a valid YYYY-MM-DD date"));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<v1::Document>> ParseDocuments(
    absl::string_view path, absl::string_view bytes,
    const IngestOptions& options) {
  InputFormat format = FormatForPath(path);
  if (path == "-") {
    absl::string_view head = absl::StripLeadingAsciiWhitespace(bytes);
    if (!head.empty() && head.front() == '{') format = InputFormat::kProtoJson;
  }
  switch (format) {
    case InputFormat::kProtoJson:
      return ParseJson(path, bytes, options);
    case InputFormat::kProtoBinary:
      return ParseBinary(path, bytes, options);
    case InputFormat::kText:
      break;
  }
  FACTDIFF_ASSIGN_OR_RETURN(v1::Document doc, ParseText(path, bytes, options));
  return std::vector<v1::Document>{std::move(doc)};
}

absl::StatusOr<std::vector<v1::Document>> ReadDocuments(
    const std::string& path, const IngestOptions& options) {
  std::string bytes;
  if (path == "-") {
    bytes.assign(std::istreambuf_iterator<char>(std::cin),
                 std::istreambuf_iterator<char>());
    if (bytes.size() > options.max_bytes) {
      return Invalid(path, "standard input is above the size limit");
    }
    return ParseDocuments(path, bytes, options);
  }
  struct stat st;
  if (stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) {
      return absl::NotFoundError(absl::StrCat(path, ": no such file"));
    }
    return Invalid(path, std::strerror(errno));
  }
  if (S_ISDIR(st.st_mode)) {
    return Invalid(path, "is a directory; pass the article files inside it "
                         "(e.g. dir/*.md)");
  }
  if (!S_ISREG(st.st_mode)) return Invalid(path, "is not a regular file");
  if (static_cast<uint64_t>(st.st_size) > options.max_bytes) {
    return Invalid(path, absl::StrFormat("file is %d bytes, above the limit "
                                         "of %d bytes",
                                         st.st_size, options.max_bytes));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Invalid(path, "cannot be opened for reading");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Invalid(path, "read error");
  bytes = buffer.str();
  return ParseDocuments(path, bytes, options);
}

}  // namespace factdiff
