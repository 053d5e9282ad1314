#include "core/report/ci/ci_formats.h"

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"

namespace factdiff {
namespace {

using google::protobuf::Struct;
using google::protobuf::Value;
using v1::Claim;
using v1::Document;
using v1::Finding;
using v1::Report;

// A file with four lines of front matter: the text begins on file line 5.
// Line 6 holds multi-byte characters (em dash, curly quotes) before the
// second sentence, and one (ñ) inside it.
constexpr char kCourierPath[] = "articles/valley:courier,mar14.md";
constexpr char kCourierLine5[] =
    "Heavy rain swept the R\xC3\xADo Verde valley on Friday.";
constexpr char kCourierKilled[] =
    "The flood killed 31 people in A\xC3\xB1" "asco, officials said.";
const std::string kCourierText = absl::StrCat(
    kCourierLine5, "\n",
    "Roads were shut \xE2\x80\x94 \xE2\x80\x9Cnobody could leave,\xE2\x80\x9D "
    "one resident said. ",
    kCourierKilled, "\n");

// No front matter; a path with a space; a sentence on line 3 and one that
// spans lines 4 and 5.
constexpr char kPostPath[] = "archive/river post.md";
constexpr char kPostDied[] =
    "A regional spokesman said 44 people died in the flood.";
constexpr char kPostRain[] = "The rain began on\nThursday, forecasters said.";
const std::string kPostText =
    absl::StrCat("Flood update\n\n", kPostDied, "\n", kPostRain, "\n");

// A client document: no path.
constexpr char kWireText[] = "Emergency services put the death toll at 29.";

Document MakeDocument(const std::string& id, const std::string& path,
                      uint32_t text_line, const std::string& text,
                      const std::string& source, const std::string& published) {
  Document d;
  d.set_id(id);
  d.set_path(path);
  d.set_text_line(text_line);
  d.set_text(text);
  d.set_source(source);
  d.set_published(published);
  return d;
}

std::vector<Document> Documents() {
  return {MakeDocument("courier-mar14", kCourierPath, 5, kCourierText,
                       "Valley Courier", "2026-03-14"),
          MakeDocument("river-post", kPostPath, 1, kPostText, "River Post",
                       "2026-03-15"),
          MakeDocument("wire-1", "", 0, kWireText, "Wire", "")};
}

// A claim on `sentence` of `doc`, with its span, and `line` as the engine
// sets it (the file line of the sentence start).
Claim MakeClaim(const Document& doc, absl::string_view sentence,
                uint32_t line) {
  const size_t begin = doc.text().find(std::string(sentence));
  EXPECT_NE(begin, std::string::npos) << sentence;
  Claim c;
  c.set_document_id(doc.id());
  c.mutable_span()->set_begin(begin);
  c.mutable_span()->set_end(begin + sentence.size());
  c.set_text(std::string(sentence));
  EXPECT_EQ(doc.text().substr(c.span().begin(),
                              c.span().end() - c.span().begin()),
            c.text());
  c.set_line(line);
  c.set_source(doc.source());
  c.set_published(doc.published());
  return c;
}

void SetFigure(Claim* c, absl::string_view figure) {
  const size_t at = c->text().find(std::string(figure));
  ASSERT_NE(at, std::string::npos);
  c->mutable_quantity()->set_text(std::string(figure));
  c->mutable_quantity()->mutable_span()->set_begin(c->span().begin() + at);
  c->mutable_quantity()->mutable_span()->set_end(c->span().begin() + at +
                                                 figure.size());
}

// f1 HIGH numeric: river-post line 3 vs courier line 6 (river-post first).
// f2 MEDIUM date: courier line 5 vs river-post lines 4-5.
// f3 LOW attribution: wire-1 (no path) vs courier line 6.
Report MakeReport(const std::vector<Document>& docs) {
  const Document& courier = docs[0];
  const Document& post = docs[1];
  const Document& wire = docs[2];
  Report r;
  for (const Document& d : docs) {
    Document* meta = r.add_documents();
    *meta = d;
    meta->clear_text();
  }

  Finding* f1 = r.add_findings();
  f1->set_id("f1");
  f1->set_kind(Finding::NUMERIC_MISMATCH);
  f1->set_cause(Finding::CONFLICTING_SOURCES);
  f1->set_confidence(0.91);
  f1->set_severity(Finding::HIGH);
  f1->set_summary("People killed: 31 vs 44");
  f1->set_explanation("The figures differ by 42%.");
  f1->set_event_id("e1");
  Claim* c = f1->add_claims();
  *c = MakeClaim(post, kPostDied, 3);
  SetFigure(c, "44");
  c->set_attributed_to("a regional spokesman");
  c = f1->add_claims();
  *c = MakeClaim(courier, kCourierKilled, 6);
  SetFigure(c, "31");
  c->set_attributed_to("officials");

  Finding* f2 = r.add_findings();
  f2->set_id("f2");
  f2->set_kind(Finding::DATE_MISMATCH);
  f2->set_cause(Finding::UNEXPLAINED);
  f2->set_confidence(0.7);
  f2->set_severity(Finding::MEDIUM);
  f2->set_summary("Rain began: Friday vs Thursday");
  f2->set_event_id("e2");
  c = f2->add_claims();
  *c = MakeClaim(courier, kCourierLine5, 5);
  c->mutable_time()->set_text("on Friday");
  c = f2->add_claims();
  *c = MakeClaim(post, kPostRain, 4);
  c->mutable_time()->set_text("Thursday");

  Finding* f3 = r.add_findings();
  f3->set_id("f3");
  f3->set_kind(Finding::ATTRIBUTION_CONFLICT);
  f3->set_cause(Finding::CAUSE_UNSPECIFIED);
  f3->set_confidence(0.55);
  f3->set_severity(Finding::LOW);
  f3->set_summary("Toll source: emergency services vs officials");
  f3->set_event_id("e1");
  c = f3->add_claims();
  *c = MakeClaim(wire, kWireText, 1);
  c->mutable_attribution()->set_source("emergency services");
  c->mutable_attribution()->set_cue("put");
  c = f3->add_claims();
  *c = MakeClaim(courier, kCourierKilled, 6);
  c->mutable_attribution()->set_source("officials");
  c->mutable_attribution()->set_cue("said");

  r.mutable_stats()->set_findings(3);
  return r;
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> lines = absl::StrSplit(s, '\n');
  EXPECT_FALSE(lines.empty());
  EXPECT_EQ(lines.back(), "") << "output must end with a newline";
  lines.pop_back();
  return lines;
}

// --- GitHub annotations ----------------------------------------------------

TEST(GithubAnnotations, ExactLinesWithoutFocus) {
  const std::vector<Document> docs = Documents();
  const std::vector<std::string> lines =
      Lines(RenderGithubAnnotations(MakeReport(docs), docs, CiFormatOptions()));
  ASSERT_EQ(lines.size(), 3u);
  // Located at the first claim (river-post, line 3, 54 characters).
  EXPECT_EQ(lines[0],
            "::error file=archive/river post.md,line=3,col=1,endLine=3,"
            "endColumn=54,title=factdiff f1%3A numeric mismatch%2C high 0.91"
            "::People killed: 31 vs 44"
            "%0AHere: \"44\" \xC2\xB7 River Post \xC2\xB7 2026-03-15 \xC2\xB7 "
            "per a regional spokesman"
            "%0Avs \"31\" \xC2\xB7 Valley Courier \xC2\xB7 2026-03-14 \xC2\xB7 "
            "per officials \xC2\xB7 articles/valley:courier,mar14.md:6: "
            "\"The flood killed 31 people in A\xC3\xB1" "asco, officials said.\""
            "%0AThe figures differ by 42%25.");
  // Line 5 of the file is the first line of the text (front matter); "Río"
  // is 3 columns, so the sentence is 48.
  EXPECT_EQ(lines[1],
            "::warning file=articles/valley%3Acourier%2Cmar14.md,line=5,col=1,"
            "endLine=5,endColumn=48,title=factdiff f2%3A date mismatch%2C "
            "medium 0.70::Rain began: Friday vs Thursday"
            "%0AHere: \"on Friday\" \xC2\xB7 Valley Courier \xC2\xB7 2026-03-14"
            "%0Avs \"Thursday\" \xC2\xB7 River Post \xC2\xB7 2026-03-15 \xC2\xB7 "
            "archive/river post.md:4: \"The rain began on Thursday, "
            "forecasters said.\"");
  // A client document has no file: no position properties.
  EXPECT_EQ(lines[2],
            "::notice title=factdiff f3%3A attribution conflict%2C low 0.55"
            "::Toll source: emergency services vs officials"
            "%0AHere: \"emergency services put\" \xC2\xB7 Wire"
            "%0Avs \"officials said\" \xC2\xB7 Valley Courier \xC2\xB7 "
            "2026-03-14 \xC2\xB7 articles/valley:courier,mar14.md:6: "
            "\"The flood killed 31 people in A\xC3\xB1" "asco, officials "
            "said.\"");
}

TEST(GithubAnnotations, FocusPutsLocationOnTheReviewedDocument) {
  const std::vector<Document> docs = Documents();
  CiFormatOptions options;
  options.focus_documents = {"courier-mar14"};
  const std::vector<std::string> lines =
      Lines(RenderGithubAnnotations(MakeReport(docs), docs, options));
  ASSERT_EQ(lines.size(), 3u);
  // 59 characters (3 of them multi-byte) precede the sentence on line 6; the
  // sentence is 53 characters: columns 60..112.
  EXPECT_EQ(lines[0],
            "::error file=articles/valley%3Acourier%2Cmar14.md,line=6,col=60,"
            "endLine=6,endColumn=112,title=factdiff f1%3A numeric mismatch%2C "
            "high 0.91::People killed: 31 vs 44"
            "%0AHere: \"31\" \xC2\xB7 Valley Courier \xC2\xB7 2026-03-14 \xC2\xB7 "
            "per officials"
            "%0Avs \"44\" \xC2\xB7 River Post \xC2\xB7 2026-03-15 \xC2\xB7 "
            "per a regional spokesman \xC2\xB7 stored article river-post "
            "(archive/river post.md:3): \"A regional spokesman said 44 people "
            "died in the flood.\""
            "%0AThe figures differ by 42%25.");
  // The focused claim is the first one already.
  EXPECT_TRUE(absl::StartsWith(
      lines[1],
      "::warning file=articles/valley%3Acourier%2Cmar14.md,line=5,col=1,"))
      << lines[1];
  // The focused claim is the second one; the pathless one is stored.
  EXPECT_TRUE(absl::StartsWith(
      lines[2],
      "::notice file=articles/valley%3Acourier%2Cmar14.md,line=6,col=60,"
      "endLine=6,endColumn=112,title="))
      << lines[2];
  EXPECT_TRUE(absl::StrContains(
      lines[2], "stored article wire-1, line 1: \"Emergency services put"))
      << lines[2];
}

TEST(GithubAnnotations, SentenceOverTwoLinesHasNoColumns) {
  const std::vector<Document> docs = Documents();
  CiFormatOptions options;
  options.focus_documents = {"river-post"};
  const std::vector<std::string> lines =
      Lines(RenderGithubAnnotations(MakeReport(docs), docs, options));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_TRUE(absl::StartsWith(
      lines[1],
      "::warning file=archive/river post.md,line=4,endLine=5,title="))
      << lines[1];
}

TEST(GithubAnnotations, PropertyEscapingCoversPercentCrLfColonComma) {
  std::vector<Document> docs = Documents();
  docs[1].set_path("odd%dir/a:b,c\r\n.md");
  Report report = MakeReport(docs);
  report.mutable_findings(0)->set_id("f,1:\n");
  report.mutable_findings(0)->set_summary("100% sure: a, b");
  const std::vector<std::string> lines =
      Lines(RenderGithubAnnotations(report, docs, CiFormatOptions()));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_TRUE(absl::StartsWith(
      lines[0],
      "::error file=odd%25dir/a%3Ab%2Cc%0D%0A.md,line=3,col=1,endLine=3,"
      "endColumn=54,title=factdiff f%2C1%3A%0A%3A numeric mismatch%2C high "
      "0.91::100%25 sure: a, b%0A"))
      << lines[0];
}

TEST(GithubAnnotations, StdinHasNoFile) {
  std::vector<Document> docs = Documents();
  docs[1].set_path("-");
  const std::vector<std::string> lines = Lines(
      RenderGithubAnnotations(MakeReport(docs), docs, CiFormatOptions()));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_TRUE(absl::StartsWith(lines[0], "::error title=factdiff f1%3A"))
      << lines[0];
  // Named by id and line in the messages that cite it.
  EXPECT_TRUE(absl::StrContains(lines[1], "river-post, line 4: \"The rain"))
      << lines[1];
}

TEST(GithubAnnotations, EmptyReportGivesNoLines) {
  EXPECT_EQ(RenderGithubAnnotations(Report(), {}, CiFormatOptions()), "");
}

// --- SARIF -----------------------------------------------------------------

Struct ParseJson(const std::string& json) {
  Struct s;
  const auto status = google::protobuf::util::JsonStringToMessage(json, &s);
  EXPECT_TRUE(status.ok()) << status.ToString() << "\n" << json;
  return s;
}

const Value& At(const Struct& s, const std::string& key) {
  static const Value* const kMissing = new Value();
  auto it = s.fields().find(key);
  EXPECT_NE(it, s.fields().end()) << "missing key " << key;
  return it == s.fields().end() ? *kMissing : it->second;
}
const Value& At(const Value& v, const std::string& key) {
  EXPECT_TRUE(v.has_struct_value()) << "not an object, looking up " << key;
  return At(v.struct_value(), key);
}
const Value& At(const Value& v, int index) {
  static const Value* const kMissing = new Value();
  EXPECT_TRUE(v.has_list_value());
  EXPECT_LT(index, v.list_value().values_size());
  return index < v.list_value().values_size() ? v.list_value().values(index)
                                              : *kMissing;
}
bool Has(const Value& v, const std::string& key) {
  return v.struct_value().fields().contains(key);
}

const Value& FirstRun(const Struct& log) { return At(At(log, "runs"), 0); }
const Value& Result(const Struct& log, int i) {
  return At(At(FirstRun(log), "results"), i);
}

TEST(Sarif, TopLevelDriverAndRules) {
  const std::vector<Document> docs = Documents();
  CiFormatOptions options;
  options.tool_version = "1.2.3";
  const std::string sarif = RenderSarif(MakeReport(docs), docs, options);
  ASSERT_FALSE(sarif.empty());
  EXPECT_EQ(sarif.back(), '\n');
  const Struct log = ParseJson(sarif);
  EXPECT_EQ(At(log, "$schema").string_value(),
            "https://json.schemastore.org/sarif-2.1.0.json");
  EXPECT_EQ(At(log, "version").string_value(), "2.1.0");
  ASSERT_EQ(At(log, "runs").list_value().values_size(), 1);
  const Value& driver = At(At(FirstRun(log), "tool"), "driver");
  EXPECT_EQ(At(driver, "name").string_value(), "factdiff");
  EXPECT_EQ(At(driver, "version").string_value(), "1.2.3");
  const Value& rules = At(driver, "rules");
  ASSERT_EQ(rules.list_value().values_size(), 4);
  const char* ids[] = {"factdiff/numeric-mismatch",
                       "factdiff/attribution-conflict",
                       "factdiff/causal-order-conflict",
                       "factdiff/date-mismatch"};
  for (int i = 0; i < 4; ++i) {
    const Value& rule = At(rules, i);
    EXPECT_EQ(At(rule, "id").string_value(), ids[i]);
    EXPECT_FALSE(At(At(rule, "shortDescription"), "text").string_value().empty());
    EXPECT_FALSE(At(At(rule, "fullDescription"), "text").string_value().empty());
    EXPECT_EQ(At(At(rule, "defaultConfiguration"), "level").string_value(),
              "warning");
  }
  EXPECT_EQ(At(FirstRun(log), "columnKind").string_value(), "unicodeCodePoints");
  EXPECT_EQ(At(FirstRun(log), "results").list_value().values_size(), 3);
}

TEST(Sarif, ResultFieldsAndRegionsWithMultiByteText) {
  const std::vector<Document> docs = Documents();
  CiFormatOptions options;
  options.focus_documents = {"courier-mar14"};
  const Struct log = ParseJson(RenderSarif(MakeReport(docs), docs, options));

  const Value& r1 = Result(log, 0);
  EXPECT_EQ(At(r1, "ruleId").string_value(), "factdiff/numeric-mismatch");
  EXPECT_EQ(At(r1, "ruleIndex").number_value(), 0);
  EXPECT_EQ(At(r1, "level").string_value(), "error");
  const std::string message = At(At(r1, "message"), "text").string_value();
  EXPECT_TRUE(absl::StartsWith(message, "People killed: 31 vs 44\nHere: "))
      << message;
  EXPECT_TRUE(absl::StrContains(message, "The figures differ by 42%."));

  const Value& physical = At(At(At(r1, "locations"), 0), "physicalLocation");
  EXPECT_EQ(At(At(physical, "artifactLocation"), "uri").string_value(),
            "articles/valley%3Acourier%2Cmar14.md");
  const Value& region = At(physical, "region");
  EXPECT_EQ(At(region, "startLine").number_value(), 6);
  EXPECT_EQ(At(region, "startColumn").number_value(), 60);
  EXPECT_EQ(At(region, "endLine").number_value(), 6);
  EXPECT_EQ(At(region, "endColumn").number_value(), 113);  // exclusive
  EXPECT_EQ(At(At(region, "snippet"), "text").string_value(), kCourierKilled);

  const Value& related = At(r1, "relatedLocations");
  ASSERT_EQ(related.list_value().values_size(), 1);
  const Value& other = At(related, 0);
  EXPECT_EQ(At(other, "id").number_value(), 1);
  EXPECT_EQ(At(At(other, "message"), "text").string_value(),
            "\"44\" \xC2\xB7 River Post \xC2\xB7 2026-03-15 \xC2\xB7 per a "
            "regional spokesman \xC2\xB7 stored article river-post");
  const Value& other_physical = At(other, "physicalLocation");
  EXPECT_EQ(At(At(other_physical, "artifactLocation"), "uri").string_value(),
            "archive/river%20post.md");
  const Value& other_region = At(other_physical, "region");
  EXPECT_EQ(At(other_region, "startLine").number_value(), 3);
  EXPECT_EQ(At(other_region, "startColumn").number_value(), 1);
  EXPECT_EQ(At(other_region, "endLine").number_value(), 3);
  EXPECT_EQ(At(other_region, "endColumn").number_value(), 55);

  const Value& props = At(r1, "properties");
  EXPECT_DOUBLE_EQ(At(props, "confidence").number_value(), 0.91);
  EXPECT_EQ(At(props, "cause").string_value(), "CONFLICTING_SOURCES");
  EXPECT_EQ(At(props, "severity").string_value(), "HIGH");
  EXPECT_EQ(At(props, "findingId").string_value(), "f1");
  EXPECT_EQ(At(props, "eventId").string_value(), "e1");
  EXPECT_TRUE(Has(r1, "partialFingerprints"));

  // f2: date rule (index 3), warning, located on line 5 after the front
  // matter; "Río" counts as 3 columns.
  const Value& r2 = Result(log, 1);
  EXPECT_EQ(At(r2, "ruleIndex").number_value(), 3);
  EXPECT_EQ(At(r2, "level").string_value(), "warning");
  const Value& region2 =
      At(At(At(At(r2, "locations"), 0), "physicalLocation"), "region");
  EXPECT_EQ(At(region2, "startLine").number_value(), 5);
  EXPECT_EQ(At(region2, "startColumn").number_value(), 1);
  EXPECT_EQ(At(region2, "endColumn").number_value(), 49);
  // Its other side spans lines 4-5 of river-post.
  const Value& region2b = At(
      At(At(At(r2, "relatedLocations"), 0), "physicalLocation"), "region");
  EXPECT_EQ(At(region2b, "startLine").number_value(), 4);
  EXPECT_EQ(At(region2b, "startColumn").number_value(), 1);
  EXPECT_EQ(At(region2b, "endLine").number_value(), 5);
  EXPECT_EQ(At(region2b, "endColumn").number_value(), 28);
  EXPECT_EQ(At(At(region2b, "snippet"), "text").string_value(), kPostRain);

  // f3: note; located on the focused courier claim; the pathless wire
  // document is a logical location.
  const Value& r3 = Result(log, 2);
  EXPECT_EQ(At(r3, "level").string_value(), "note");
  EXPECT_EQ(At(r3, "ruleId").string_value(), "factdiff/attribution-conflict");
  EXPECT_EQ(At(At(At(At(At(r3, "locations"), 0), "physicalLocation"),
                  "region"),
               "startColumn")
                .number_value(),
            60);
  const Value& logical =
      At(At(At(At(r3, "relatedLocations"), 0), "logicalLocations"), 0);
  EXPECT_EQ(At(logical, "name").string_value(), "wire-1");
  EXPECT_EQ(At(logical, "kind").string_value(), "resource");
}

TEST(Sarif, PathlessPrimaryIsALogicalLocation) {
  const std::vector<Document> docs = Documents();
  const Struct log =
      ParseJson(RenderSarif(MakeReport(docs), docs, CiFormatOptions()));
  const Value& location = At(At(Result(log, 2), "locations"), 0);
  EXPECT_FALSE(Has(location, "physicalLocation"));
  EXPECT_EQ(At(At(At(location, "logicalLocations"), 0), "name").string_value(),
            "wire-1");
}

TEST(Sarif, EmptyReportIsValidWithNoResults) {
  const std::string sarif = RenderSarif(Report(), {}, CiFormatOptions());
  const Struct log = ParseJson(sarif);
  EXPECT_EQ(At(log, "version").string_value(), "2.1.0");
  const Value& results = At(FirstRun(log), "results");
  EXPECT_TRUE(results.has_list_value());
  EXPECT_EQ(results.list_value().values_size(), 0);
  EXPECT_EQ(At(At(At(FirstRun(log), "tool"), "driver"), "rules")
                .list_value()
                .values_size(),
            4);
}

TEST(Sarif, StringsAreEscapedAndInvalidUtf8Replaced) {
  const std::vector<Document> docs = Documents();
  Report report = MakeReport(docs);
  const std::string tricky =
      "Quote \" backslash \\ tab \t bell \x07 slash / \xE2\x80\x9Cok\xE2\x80\x9D";
  report.mutable_findings(0)->set_summary(tricky);
  report.mutable_findings(1)->set_summary("bad \xFF byte");
  const std::string sarif = RenderSarif(report, docs, CiFormatOptions());
  EXPECT_TRUE(absl::StrContains(sarif, "\\u0007"));
  const Struct log = ParseJson(sarif);
  EXPECT_TRUE(absl::StartsWith(
      At(At(Result(log, 0), "message"), "text").string_value(), tricky + "\n"));
  EXPECT_TRUE(absl::StartsWith(
      At(At(Result(log, 1), "message"), "text").string_value(),
      "bad \xEF\xBF\xBD byte\n"));
}

TEST(Sarif, UrisArePercentEncoded) {
  std::vector<Document> docs = Documents();
  docs[1].set_path("./news/caf\xC3\xA9 #1.md");
  docs[0].set_path("/srv/articles/a b.md");
  Report report = MakeReport(docs);
  const Struct log = ParseJson(RenderSarif(report, docs, CiFormatOptions()));
  auto uri = [&](int result) {
    return At(At(At(At(At(Result(log, result), "locations"), 0),
                    "physicalLocation"),
                 "artifactLocation"),
              "uri")
        .string_value();
  };
  EXPECT_EQ(uri(0), "news/caf%C3%A9%20%231.md");
  EXPECT_EQ(uri(1), "file:///srv/articles/a%20b.md");
}

TEST(Sarif, DocumentWithoutTextFallsBackToClaimLine) {
  std::vector<Document> docs = Documents();
  const Report report = MakeReport(docs);
  docs.erase(docs.begin());  // courier: metadata only, from the report
  CiFormatOptions options;
  options.focus_documents = {"courier-mar14"};
  const Struct log = ParseJson(RenderSarif(report, docs, options));
  const Value& physical =
      At(At(At(Result(log, 0), "locations"), 0), "physicalLocation");
  EXPECT_EQ(At(At(physical, "artifactLocation"), "uri").string_value(),
            "articles/valley%3Acourier%2Cmar14.md");
  EXPECT_EQ(At(At(physical, "region"), "startLine").number_value(), 6);
  EXPECT_FALSE(Has(At(physical, "region"), "startColumn"));
  const std::vector<std::string> lines =
      Lines(RenderGithubAnnotations(report, docs, options));
  EXPECT_TRUE(absl::StartsWith(
      lines[0],
      "::error file=articles/valley%3Acourier%2Cmar14.md,line=6,endLine=6,"
      "title="))
      << lines[0];
}

std::string FingerprintOf(const Struct& log, int result) {
  return At(At(Result(log, result), "partialFingerprints"),
            "factdiffFinding/v1")
      .string_value();
}

TEST(Sarif, FingerprintsAreStableAndDistinct) {
  const std::vector<Document> docs = Documents();
  const Report report = MakeReport(docs);
  const Struct a = ParseJson(RenderSarif(report, docs, CiFormatOptions()));
  const Struct b = ParseJson(RenderSarif(report, docs, CiFormatOptions()));
  const std::string f1 = FingerprintOf(a, 0);
  EXPECT_EQ(f1.size(), 32u);
  EXPECT_EQ(f1.find_first_not_of("0123456789abcdef"), std::string::npos) << f1;
  for (int i = 0; i < 3; ++i) EXPECT_EQ(FingerprintOf(a, i), FingerprintOf(b, i));
  EXPECT_NE(FingerprintOf(a, 0), FingerprintOf(a, 1));
  EXPECT_NE(FingerprintOf(a, 0), FingerprintOf(a, 2));
  EXPECT_NE(FingerprintOf(a, 1), FingerprintOf(a, 2));

  // Same sentences, moved down the file, claims in the other order, another
  // finding id, another focus: the same fingerprint.
  std::vector<Document> moved = docs;
  moved[0].set_text_line(9);
  Report reordered = report;
  Finding* f = reordered.mutable_findings(0);
  f->mutable_claims()->SwapElements(0, 1);
  f->set_id("f7");
  CiFormatOptions focus;
  focus.focus_documents = {"courier-mar14"};
  const Struct c = ParseJson(RenderSarif(reordered, moved, focus));
  EXPECT_EQ(FingerprintOf(c, 0), f1);

  // Another sentence: another fingerprint.
  Report edited = report;
  edited.mutable_findings(0)->mutable_claims(0)->set_text(
      "A regional spokesman said 45 people died in the flood.");
  const Struct d = ParseJson(RenderSarif(edited, docs, CiFormatOptions()));
  EXPECT_NE(FingerprintOf(d, 0), f1);
}

}  // namespace
}  // namespace factdiff
