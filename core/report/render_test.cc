#include "core/report/render.h"

#include "core/base/status_matchers.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"

namespace factdiff {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

v1::Report TwoClaimReport() {
  v1::Report r;
  auto* d = r.add_documents();
  d->set_id("north");
  d->set_path("news/north.md");
  d->set_source("North Wire");
  r.add_documents()->set_id("south");
  auto* f = r.add_findings();
  f->set_id("f1");
  f->set_kind(v1::Finding::NUMERIC_MISMATCH);
  f->set_cause(v1::Finding::CONFLICTING_SOURCES);
  f->set_confidence(0.86);
  f->set_severity(v1::Finding::HIGH);
  f->set_summary("workers killed: 14 (North Wire) vs nine (South)");
  f->set_explanation("north says 14; south says nine.");
  const std::string s1 = "The fire service said 14 workers died.";
  auto* c1 = f->add_claims();
  c1->set_document_id("north");
  c1->set_text(s1);
  c1->mutable_span()->set_begin(10);
  c1->mutable_span()->set_end(10 + s1.size());
  c1->set_line(7);
  c1->set_source("North Wire");
  c1->mutable_quantity()->set_text("14");
  c1->mutable_quantity()->mutable_span()->set_begin(10 + s1.find("14"));
  c1->mutable_quantity()->mutable_span()->set_end(10 + s1.find("14") + 2);
  c1->mutable_quantity()->set_low(14);
  c1->mutable_quantity()->set_high(14);
  auto* c2 = f->add_claims();
  c2->set_document_id("south");
  c2->set_text("Nine workers died, the company said.");
  c2->mutable_span()->set_end(c2->text().size());
  c2->mutable_quantity()->set_text("Nine");
  c2->mutable_quantity()->mutable_span()->set_end(4);
  c2->mutable_quantity()->set_low(9);
  c2->mutable_quantity()->set_high(9);
  r.mutable_stats()->set_findings(1);
  return r;
}

TEST(ParseOutputFormat, KnownAndUnknown) {
  EXPECT_OK(ParseOutputFormat("text"));
  EXPECT_OK(ParseOutputFormat("md"));
  EXPECT_THAT(ParseOutputFormat("yaml"),
              StatusIsWithMessage(absl::StatusCode::kInvalidArgument, "yaml"));
}

TEST(RenderReport, TextPutsClaimsSideBySideWithFiguresMarked) {
  const std::string out =
      RenderReport(TwoClaimReport(), OutputFormat::kText, RenderOptions());
  EXPECT_THAT(out, HasSubstr("f1  HIGH 0.86  numeric mismatch (sources in conflict)"));
  EXPECT_THAT(out, HasSubstr("said [14] workers"));
  EXPECT_THAT(out, HasSubstr("[Nine] workers"));
  // One row holds both sentences' headers.
  EXPECT_THAT(out, testing::ContainsRegex("north .*line 7 +\\| south"));
  EXPECT_THAT(out, Not(HasSubstr("\x1b[")));
  RenderOptions color;
  color.color = true;
  EXPECT_THAT(RenderReport(TwoClaimReport(), OutputFormat::kText, color),
              HasSubstr("\x1b[1;33m14\x1b[0m"));
}

TEST(RenderReport, MarkdownHasTableAndLinks) {
  const std::string out =
      RenderReport(TwoClaimReport(), OutputFormat::kMarkdown, RenderOptions());
  EXPECT_THAT(out, HasSubstr("| [f1](#f1) | high 0.86 | numeric mismatch |"));
  EXPECT_THAT(out, HasSubstr("[news/north.md:7](news/north.md#L7)"));
  EXPECT_THAT(out, HasSubstr("said **14** workers"));
}

TEST(RenderReport, JsonUsesProtoNamesAndPrintsZeros) {
  const std::string out =
      RenderReport(TwoClaimReport(), OutputFormat::kJson, RenderOptions());
  EXPECT_THAT(out, HasSubstr("\"document_id\": \"north\""));
  EXPECT_THAT(out, HasSubstr("\"begin\": 0"));
  EXPECT_THAT(out, HasSubstr("\"kind\": \"NUMERIC_MISMATCH\""));
  EXPECT_EQ(out.back(), '\n');
}

TEST(RenderReport, AttributionFindingMarksTheCueAndOmitsCause) {
  v1::Report r;
  auto* f = r.add_findings();
  f->set_id("f1");
  f->set_kind(v1::Finding::ATTRIBUTION_CONFLICT);
  f->set_confidence(0.7);
  f->set_severity(v1::Finding::MEDIUM);
  const std::string s = "The front denied any role in the blast.";
  auto* c = f->add_claims();
  c->set_document_id("west");
  c->set_text(s);
  c->mutable_span()->set_begin(100);
  c->mutable_span()->set_end(100 + s.size());
  c->mutable_attribution()->mutable_cue_span()->set_begin(100 + s.find("denied"));
  c->mutable_attribution()->mutable_cue_span()->set_end(100 + s.find("denied") + 6);
  const std::string out = RenderReport(r, OutputFormat::kText, RenderOptions());
  EXPECT_THAT(out, HasSubstr("MEDIUM 0.70  attribution conflict\n"));
  EXPECT_THAT(out, HasSubstr("front [denied] any role"));
}

TEST(RenderExtractions, ListsSourcesAndEventFrames) {
  v1::DocumentExtraction e;
  e.mutable_document()->set_id("d");
  v1::Statement* s = e.add_statements();
  s->set_text("Police said the march was peaceful.");
  s->mutable_span()->set_begin(20);
  s->mutable_span()->set_end(20 + s->text().size());
  v1::Attribution* a = s->add_attributions();
  a->set_source("Police");
  a->set_source_normalized("police");
  a->set_cue("said");
  a->set_stance(v1::Attribution::ASSERTS);
  a->mutable_content()->set_begin(20 + 12);
  a->mutable_content()->set_end(20 + s->text().size() - 1);
  v1::EventFrame* frame = s->add_frames();
  frame->set_type("march");
  frame->add_locations("Dunmore");
  v1::CausalLink* cause = frame->add_causes();
  cause->set_relation(v1::CausalLink::CAUSED_BY);
  cause->set_cue("began after");
  cause->set_antecedent("the arrests");
  const std::string out =
      RenderExtractions({e}, OutputFormat::kText, RenderOptions());
  EXPECT_THAT(out, HasSubstr("source: Police [police] (said, asserts) -> "
                             "\"the march was peaceful\""));
  EXPECT_THAT(out, HasSubstr("event:  march in Dunmore; caused_by (began "
                             "after) the arrests"));
}

TEST(RenderReport, JsonRoundTripsToTheSameReport) {
  v1::Report r = TwoClaimReport();
  r.add_events()->set_id("e1");
  r.add_events()->set_label("2026-03-14: fire / workers");
  r.mutable_config()->set_top_k(8);
  const std::string out = RenderReport(r, OutputFormat::kJson, RenderOptions());
  v1::Report back;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(out, &back).ok());
  EXPECT_EQ(back.SerializeAsString(), r.SerializeAsString());
  EXPECT_THAT(out, HasSubstr("\"statements\": []"));
}

TEST(RenderReport, NoFindings) {
  v1::Report empty;
  EXPECT_THAT(RenderReport(empty, OutputFormat::kText, RenderOptions()),
              HasSubstr("No disagreements found."));
}

TEST(RenderReport, TextNamesAnArticleWhoseDateIsAmbiguous) {
  v1::Report r;
  r.add_documents()->set_id("dated");
  v1::Document* d = r.add_documents();
  d->set_id("scraped");
  d->set_date_ambiguous(true);
  const std::string out = RenderReport(r, OutputFormat::kText, RenderOptions());
  EXPECT_THAT(out, HasSubstr("note: scraped has no publication date"));
  EXPECT_THAT(out, Not(HasSubstr("note: dated")));
}

TEST(WrapText, BreaksAtSpacesAndCountsCharacters) {
  EXPECT_EQ(WrapText("aa bb cc", 5), (std::vector<std::string>{"aa bb", "cc"}));
  EXPECT_EQ(WrapText("\xC3\xA9\xC3\xA9\xC3\xA9 x", 5),
            (std::vector<std::string>{"\xC3\xA9\xC3\xA9\xC3\xA9 x"}));
  EXPECT_EQ(WrapText("abcdefgh", 3),
            (std::vector<std::string>{"abc", "def", "gh"}));
  EXPECT_EQ(WrapText("", 10), (std::vector<std::string>{""}));
}

}  // namespace
}  // namespace factdiff
