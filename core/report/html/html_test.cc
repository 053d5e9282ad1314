#include "core/report/html/html.h"

#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace factdiff {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using v1::Claim;
using v1::Document;
using v1::Finding;
using v1::Quantity;
using v1::Report;

// --- Building reports from short texts ---------------------------------------

Document MakeDoc(const std::string& id, const std::string& source,
                 const std::string& published, const std::string& text) {
  Document d;
  d.set_id(id);
  d.set_source(source);
  d.set_published(published);
  d.set_title(absl::StrCat("Title of ", id));
  d.set_url(absl::StrCat("https://example.org/", id));
  d.set_text(text);
  return d;
}

// A claim on sentence number `index` of `doc` (found by its text), about
// `figure` (found inside the sentence), read as [low, high].
Claim MakeClaim(const Document& doc, int index, const std::string& sentence,
                const std::string& figure, double low, double high,
                Quantity::Bound bound = Quantity::EXACT) {
  const size_t b = doc.text().find(sentence);
  EXPECT_NE(b, std::string::npos) << sentence;
  Claim c;
  c.set_document_id(doc.id());
  c.mutable_span()->set_begin(b);
  c.mutable_span()->set_end(b + sentence.size());
  c.set_text(sentence);
  c.set_statement_id(absl::StrCat(doc.id(), "#", index));
  c.set_line(1);
  c.set_source(doc.source());
  c.set_published(doc.published());
  if (!figure.empty()) {
    const size_t f = sentence.find(figure);
    EXPECT_NE(f, std::string::npos) << figure;
    Quantity* q = c.mutable_quantity();
    q->mutable_span()->set_begin(b + f);
    q->mutable_span()->set_end(b + f + figure.size());
    q->set_text(figure);
    q->set_low(low);
    q->set_high(high);
    q->set_value(low);
    q->set_bound(bound);
  }
  return c;
}

Finding MakeFinding(const std::string& id, Finding::Kind kind,
                    Finding::Severity severity, const std::string& event,
                    std::vector<Claim> claims) {
  Finding f;
  f.set_id(id);
  f.set_kind(kind);
  f.set_severity(severity);
  f.set_confidence(severity == Finding::HIGH ? 0.9 : 0.7);
  f.set_cause(Finding::UNEXPLAINED);
  f.set_event_id(event);
  f.set_summary(absl::StrCat("Summary of ", id));
  f.set_explanation(absl::StrCat("Explanation of ", id));
  for (Claim& c : claims) *f.add_claims() = std::move(c);
  return f;
}

// Report.documents hold metadata only.
void AddMeta(Report* r, const std::vector<Document>& docs) {
  for (const Document& d : docs) {
    Document* m = r->add_documents();
    *m = d;
    m->clear_text();
  }
}

int Count(const std::string& haystack, const std::string& needle) {
  int n = 0;
  for (size_t p = haystack.find(needle); p != std::string::npos;
       p = haystack.find(needle, p + needle.size())) {
    ++n;
  }
  return n;
}

std::vector<std::string> All(const std::string& html, const std::string& re) {
  std::vector<std::string> out;
  const std::regex pattern(re);
  for (auto it = std::sregex_iterator(html.begin(), html.end(), pattern);
       it != std::sregex_iterator(); ++it) {
    out.push_back((*it)[1].str());
  }
  return out;
}

// Every href="#x" has exactly one id="x", and no id is used twice.
void ExpectAnchorsResolve(const std::string& html) {
  std::map<std::string, int> ids;
  for (const std::string& id : All(html, "\\sid=\"([^\"]*)\"")) ++ids[id];
  for (const auto& [id, n] : ids) EXPECT_EQ(n, 1) << "duplicate id " << id;
  const std::vector<std::string> hrefs = All(html, "href=\"#([^\"]*)\"");
  for (const std::string& h : hrefs) {
    EXPECT_EQ(ids.count(h), 1u) << "dangling href #" << h;
  }
}

// Tags are balanced (void elements and "/>" aside) and no '<' is stray:
// what a browser would parse the way it was written.
void ExpectWellFormed(const std::string& html) {
  static const std::set<std::string> kVoid = {"meta", "br", "hr", "img",
                                              "input", "link"};
  std::vector<std::string> stack;
  size_t i = 0;
  ASSERT_TRUE(absl::StartsWith(html, "<!DOCTYPE html>\n"));
  i = html.find('\n');
  while ((i = html.find('<', i)) != std::string::npos) {
    const size_t close = html.find('>', i);
    ASSERT_NE(close, std::string::npos) << "unterminated tag at " << i;
    std::string tag = html.substr(i + 1, close - i - 1);
    const bool end = !tag.empty() && tag[0] == '/';
    if (end) tag.erase(0, 1);
    const bool self_closing = !tag.empty() && tag.back() == '/';
    const std::string name = tag.substr(0, tag.find_first_of(" \n/"));
    ASSERT_FALSE(name.empty()) << "stray '<' at " << i << ": "
                               << html.substr(i, 40);
    for (char ch : name) {
      ASSERT_TRUE(isalnum(static_cast<unsigned char>(ch)))
          << "stray '<' at " << i << ": " << html.substr(i, 40);
    }
    if (end) {
      ASSERT_FALSE(stack.empty()) << "</" << name << "> closes nothing";
      ASSERT_EQ(stack.back(), name) << "at " << i;
      stack.pop_back();
    } else if (!self_closing && !kVoid.count(name)) {
      stack.push_back(name);
      if (name == "style") {  // CSS is not markup
        i = html.find("</style>", close);
        ASSERT_NE(i, std::string::npos);
        continue;
      }
    }
    i = close + 1;
  }
  EXPECT_TRUE(stack.empty()) << "unclosed <" << stack.back() << ">";
  EXPECT_TRUE(absl::EndsWith(html, "</html>\n"));
}

// Three articles on a storm; two figures in conflict, one open-ended.
class HtmlTest : public ::testing::Test {
 protected:
  void SetUp() override {
    a_ = MakeDoc("coast-post", "Coast Post", "2026-02-01",
                 "The storm killed 12 people on Friday, officials said.\n\n"
                 "About 300 homes lost power.");
    b_ = MakeDoc("bay.times", "Bay Times", "2026-02-02",
                 "Rescuers said the storm killed at least 30 people.\n\n"
                 "Some 2,000 homes were without power, the utility said.");
    c_ = MakeDoc("hill-news", "Hill News", "2026-02-03",
                 "The storm left 19 people dead, the governor said.");
    Finding f1 = MakeFinding(
        "f1", Finding::NUMERIC_MISMATCH, Finding::HIGH, "e1",
        {MakeClaim(a_, 0, "The storm killed 12 people on Friday, officials said.",
                   "12", 12, 12),
         MakeClaim(b_, 0, "Rescuers said the storm killed at least 30 people.",
                   "at least 30", 30, 300, Quantity::AT_LEAST),
         MakeClaim(c_, 0, "The storm left 19 people dead, the governor said.",
                   "19", 19, 19)});
    Finding f2 = MakeFinding(
        "f2", Finding::NUMERIC_MISMATCH, Finding::MEDIUM, "e2",
        {MakeClaim(a_, 1, "About 300 homes lost power.", "About 300", 270, 330,
                   Quantity::APPROXIMATE),
         MakeClaim(b_, 1, "Some 2,000 homes were without power, the utility said.",
                   "Some 2,000", 1800, 2200, Quantity::APPROXIMATE)});
    Claim attr_a = MakeClaim(a_, 0, "The storm killed 12 people on Friday, officials said.", "", 0, 0);
    const size_t cue = attr_a.text().find("said");
    attr_a.mutable_attribution()->set_source("officials");
    attr_a.mutable_attribution()->set_cue("said");
    attr_a.mutable_attribution()->mutable_cue_span()->set_begin(attr_a.span().begin() + cue);
    attr_a.mutable_attribution()->mutable_cue_span()->set_end(attr_a.span().begin() + cue + 4);
    Claim attr_c = MakeClaim(c_, 0, "The storm left 19 people dead, the governor said.", "", 0, 0);
    Finding f3 = MakeFinding("f3", Finding::ATTRIBUTION_CONFLICT, Finding::LOW,
                             "", {attr_a, attr_c});
    for (Finding* f : {&f1, &f2, &f3}) *report_.add_findings() = *f;
    v1::Event* e1 = report_.add_events();
    e1->set_id("e1");
    e1->set_label("killed / storm / people");
    v1::Event* e2 = report_.add_events();
    e2->set_id("e2");
    e2->set_label("power / homes");
    AddMeta(&report_, {a_, b_, c_});
    report_.mutable_stats()->set_documents(3);
    report_.mutable_stats()->set_findings(3);
  }

  std::string Render() { return RenderHtml(report_, {a_, b_, c_}, HtmlOptions()); }

  Document a_, b_, c_;
  Report report_;
};

TEST_F(HtmlTest, OneSectionPerFindingGroupedUnderEventLabels) {
  const std::string html = Render();
  ExpectWellFormed(html);
  EXPECT_EQ(Count(html, "<section class=\"finding "), 3);
  EXPECT_EQ(Count(html, "<svg class=\"chart\""), 2);  // f1 and f2 are numeric
  const size_t e1 = html.find("<h3>killed / storm / people");
  const size_t e2 = html.find("<h3>power / homes");
  const size_t other = html.find("<h3>Other findings</h3>");
  const size_t f1 = html.find("id=\"finding-f1\"");
  const size_t f2 = html.find("id=\"finding-f2\"");
  const size_t f3 = html.find("id=\"finding-f3\"");
  ASSERT_NE(e1, std::string::npos);
  ASSERT_NE(e2, std::string::npos);
  ASSERT_NE(other, std::string::npos);
  // Most severe group first; each finding after its own event's heading.
  EXPECT_LT(e1, f1);
  EXPECT_LT(f1, e2);
  EXPECT_LT(e2, f2);
  EXPECT_LT(f2, other);
  EXPECT_LT(other, f3);
  EXPECT_THAT(html, HasSubstr("numeric mismatch"));
  EXPECT_THAT(html, HasSubstr("attribution conflict"));
  EXPECT_THAT(html, HasSubstr("HIGH 0.90"));
  EXPECT_THAT(html, HasSubstr("Explanation of f2"));
}

TEST_F(HtmlTest, MoreSevereGroupComesFirst) {
  report_.mutable_findings(0)->set_severity(Finding::LOW);
  report_.mutable_findings(2)->set_severity(Finding::HIGH);
  const std::string html = Render();
  EXPECT_LT(html.find("<h3>Other findings</h3>"), html.find("<h3>power / homes"));
  EXPECT_LT(html.find("<h3>power / homes"), html.find("<h3>killed / storm"));
}

TEST_F(HtmlTest, AnchorsResolve) {
  const std::string html = Render();
  ExpectAnchorsResolve(html);
  // Sentence ids are sanitized: "bay.times" -> "bay_2etimes".
  EXPECT_THAT(html, HasSubstr("id=\"d-bay_2etimes-s0\""));
  EXPECT_THAT(html, HasSubstr("href=\"#d-bay_2etimes-s0\">in context</a>"));
  // The sentence cited by f1 and f3 carries back-links to both, once.
  EXPECT_EQ(Count(html, "id=\"d-coast-post-s0\""), 1);
  EXPECT_EQ(Count(html, "class=\"back\" href=\"#finding-f1\""), 3);
  EXPECT_EQ(Count(html, "class=\"back\" href=\"#finding-f3\""), 2);
}

TEST_F(HtmlTest, HighlightsWrapExactlyTheFigure) {
  const std::string html = Render();
  const std::vector<std::string> marks = All(html, "<mark>([^<]*)</mark>");
  std::multiset<std::string> got(marks.begin(), marks.end());
  // Each figure twice: in its claim and in the full text.
  for (const std::string figure :
       {"12", "at least 30", "19", "About 300", "Some 2,000"}) {
    EXPECT_EQ(got.count(figure), 2u) << figure;
  }
  EXPECT_EQ(got.count("said"), 2u);  // the attribution cue of f3
  EXPECT_THAT(html, HasSubstr("killed <mark>at least 30</mark> people."));
  // The cited sentence in the full text is the claim's sentence, whole.
  EXPECT_THAT(html, HasSubstr("<span class=\"cited\" id=\"d-hill-news-s0\">The "
                              "storm left <mark>19</mark> people dead, the "
                              "governor said.</span>"));
}

TEST_F(HtmlTest, OutOfBoundsHighlightIsDropped) {
  Claim* c = report_.mutable_findings(0)->mutable_claims(0);
  c->mutable_quantity()->mutable_span()->set_begin(c->span().end() - 1);
  c->mutable_quantity()->mutable_span()->set_end(c->span().end() + 50);
  const std::string html = Render();
  ExpectWellFormed(html);
  EXPECT_THAT(html, Not(HasSubstr("<mark>12</mark>")));
}

TEST_F(HtmlTest, ChartDrawsOpenEndedFiguresAsArrows) {
  const std::string html = Render();
  const size_t b = html.find("<svg class=\"chart\"");
  const std::string svg = html.substr(b, html.find("</svg>", b) - b);
  EXPECT_EQ(Count(svg, "<polygon"), 1);  // "at least 30"
  EXPECT_EQ(Count(svg, "<circle"), 3);   // two points and the arrow's start
  EXPECT_EQ(Count(svg, "<g class=\"row\""), 3);
  EXPECT_THAT(svg, HasSubstr(">0</text>"));  // counts near 0 start at 0
  EXPECT_THAT(svg, HasSubstr(">Bay Times</text>"));
}

TEST_F(HtmlTest, ChartScalesHugeNegativeAndEqualValues) {
  Finding* f = report_.mutable_findings(1);
  f->mutable_claims(0)->mutable_quantity()->set_low(2.5e9);
  f->mutable_claims(0)->mutable_quantity()->set_high(2.5e9);
  f->mutable_claims(1)->mutable_quantity()->set_low(4e9);
  f->mutable_claims(1)->mutable_quantity()->set_high(4e9);
  std::string html = Render();
  EXPECT_THAT(html, HasSubstr("B</text>"));  // billions on the axis
  EXPECT_THAT(html, Not(HasSubstr("nan")));
  ExpectWellFormed(html);

  f->mutable_claims(0)->mutable_quantity()->set_low(-5);
  f->mutable_claims(0)->mutable_quantity()->set_high(-5);
  f->mutable_claims(1)->mutable_quantity()->set_low(3);
  f->mutable_claims(1)->mutable_quantity()->set_high(3);
  html = Render();
  EXPECT_THAT(html, HasSubstr("<line class=\"zero\""));
  EXPECT_THAT(html, HasSubstr(">-4</text>"));

  // Equal values: a usable axis around them, no division by zero.
  for (int k = 0; k < 2; ++k) {
    f->mutable_claims(k)->mutable_quantity()->set_low(6.1);
    f->mutable_claims(k)->mutable_quantity()->set_high(6.1);
  }
  html = Render();
  EXPECT_THAT(html, Not(HasSubstr("nan")));
  EXPECT_THAT(html, Not(HasSubstr("inf")));
  EXPECT_THAT(html, HasSubstr(">6.0</text>"));
  ExpectWellFormed(html);
}

TEST_F(HtmlTest, ArticleTextIsEscapedAndInert) {
  a_.set_text(
      "<script>alert(\"x\")</script> The storm killed 12 people on Friday, "
      "officials said.\n\n\"Quoted\" & 'single' <img src=x onerror=alert(1)>");
  Claim* c = report_.mutable_findings(0)->mutable_claims(0);
  const uint32_t shift = a_.text().find("The storm");
  c->mutable_span()->set_begin(shift);
  c->mutable_span()->set_end(shift + c->text().size());
  c->mutable_quantity()->mutable_span()->set_begin(shift + 17);
  c->mutable_quantity()->mutable_span()->set_end(shift + 19);
  report_.mutable_findings(2)->clear_claims();  // its offsets moved
  report_.mutable_findings(0)->set_summary("<b>bold</b> \"summary\"");
  report_.mutable_documents(0)->set_url("javascript:alert(1)");
  report_.mutable_documents(1)->set_title("Tom's \"storm\" <page>");
  HtmlOptions options;
  options.title = "Report </title><script>";
  const std::string html = RenderHtml(report_, {a_, b_, c_}, options);
  ExpectWellFormed(html);
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  EXPECT_THAT(html, Not(HasSubstr("<img")));
  EXPECT_THAT(html, Not(HasSubstr("<b>")));
  EXPECT_THAT(html, Not(HasSubstr("javascript:")));
  EXPECT_THAT(html, HasSubstr("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"));
  EXPECT_THAT(html, HasSubstr("&quot;Quoted&quot; &amp; &#39;single&#39;"));
  EXPECT_THAT(html, HasSubstr("Tom&#39;s &quot;storm&quot; &lt;page&gt;"));
  EXPECT_THAT(html, HasSubstr("<title>Report &lt;/title&gt;&lt;script&gt;</title>"));
  EXPECT_THAT(html, HasSubstr("killed <mark>12</mark> people"));
  ExpectAnchorsResolve(html);
}

TEST_F(HtmlTest, MissingDocumentIsListedWithoutText) {
  const std::string html = RenderHtml(report_, {a_, c_}, HtmlOptions());
  ExpectWellFormed(html);
  ExpectAnchorsResolve(html);
  EXPECT_EQ(Count(html, "<section class=\"finding "), 3);
  EXPECT_THAT(html, Not(HasSubstr("id=\"d-bay_2etimes-s0\"")));
  EXPECT_THAT(html, HasSubstr("full text not supplied"));
  EXPECT_THAT(html, HasSubstr("Full text not supplied."));
  // The claim itself is still shown, figure marked.
  EXPECT_THAT(html, HasSubstr("killed <mark>at least 30</mark> people."));
}

TEST_F(HtmlTest, ClaimNotMatchingItsTextGetsNoLink) {
  b_.set_text("A different article altogether.");
  const std::string html = Render();
  ExpectWellFormed(html);
  ExpectAnchorsResolve(html);
  EXPECT_THAT(html, Not(HasSubstr("#d-bay_2etimes-s0")));
}

TEST_F(HtmlTest, SentenceAcrossParagraphsKeepsOneAnchor) {
  a_.set_text("Water rose 4 meters\n\novernight in the valley. Then it fell.");
  Finding f = MakeFinding(
      "f9", Finding::NUMERIC_MISMATCH, Finding::LOW, "",
      {MakeClaim(a_, 0, "Water rose 4 meters\n\novernight in the valley.", "4", 4, 4)});
  report_.clear_findings();
  *report_.add_findings() = f;
  const std::string html = RenderHtml(report_, {a_}, HtmlOptions());
  ExpectWellFormed(html);
  ExpectAnchorsResolve(html);
  EXPECT_EQ(Count(html, "id=\"d-coast-post-s0\""), 1);
  EXPECT_THAT(html, HasSubstr("<p><span class=\"cited\">overnight in the valley.</span>"));
}

TEST_F(HtmlTest, DateFindingMarksTheDateAndHasNoChart) {
  Claim a = MakeClaim(a_, 0, "The storm killed 12 people on Friday, officials said.", "", 0, 0);
  const size_t at = a.text().find("on Friday");
  a.mutable_time()->set_text("on Friday");
  a.mutable_time()->mutable_span()->set_begin(a.span().begin() + at);
  a.mutable_time()->mutable_span()->set_end(a.span().begin() + at + 9);
  a.mutable_time()->set_start("2026-01-30");
  a.mutable_time()->set_end("2026-01-30");
  Claim c = MakeClaim(c_, 0, "The storm left 19 people dead, the governor said.", "", 0, 0);
  report_.clear_findings();
  *report_.add_findings() =
      MakeFinding("f1", Finding::DATE_MISMATCH, Finding::MEDIUM, "e1", {a, c});
  const std::string html = Render();
  ExpectWellFormed(html);
  ExpectAnchorsResolve(html);
  EXPECT_EQ(Count(html, "<svg"), 0);
  EXPECT_THAT(html, HasSubstr("date mismatch"));
  EXPECT_THAT(html, HasSubstr("people <mark>on Friday</mark>, officials"));
  EXPECT_THAT(html, HasSubstr("read as 2026-01-30"));
}

TEST(HtmlEmptyTest, ReportWithoutFindingsSaysSo) {
  Report report;
  Document d = MakeDoc("only", "Only Outlet", "2026-01-01", "Nothing happened.");
  AddMeta(&report, {d});
  const std::string html = RenderHtml(report, {d}, HtmlOptions());
  ExpectWellFormed(html);
  ExpectAnchorsResolve(html);
  EXPECT_THAT(html, HasSubstr("<p class=\"empty\">No disagreements found"));
  EXPECT_EQ(Count(html, "class=\"finding "), 0);
  EXPECT_EQ(Count(html, "<svg"), 0);
  EXPECT_THAT(html, HasSubstr("<p>Nothing happened.</p>"));
  // And with nothing at all.
  const std::string bare = RenderHtml(Report(), {}, HtmlOptions());
  ExpectWellFormed(bare);
  EXPECT_THAT(bare, HasSubstr("class=\"empty\""));
}

TEST(HtmlPageTest, NoExternalResources) {
  Report report;
  Document d = MakeDoc("x", "X", "", "Text.");
  AddMeta(&report, {d});
  const std::string html = RenderHtml(report, {d}, HtmlOptions());
  EXPECT_THAT(html, Not(HasSubstr("src=")));
  EXPECT_THAT(html, Not(HasSubstr("@import")));
  EXPECT_THAT(html, Not(HasSubstr("url(")));
  for (const std::string& href : All(html, "href=\"([^\"]*)\"")) {
    EXPECT_TRUE(href[0] == '#' || href == "https://example.org/x") << href;
  }
}

TEST(HtmlEscapeTest, EscapesMarkupAndRepairsBytes) {
  EXPECT_EQ(HtmlEscape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&#39;");
  EXPECT_EQ(HtmlEscape("caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D"),
            "caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D");
  EXPECT_EQ(HtmlEscape("x\xFFy"), "x\xEF\xBF\xBDy");      // invalid byte
  EXPECT_EQ(HtmlEscape("x\x01y"), "x\xEF\xBF\xBDy");      // control character
  EXPECT_EQ(HtmlEscape("a\r\nb\tc"), "a\nb\tc");
  EXPECT_EQ(HtmlEscape("\xEF\xBF\xBD"), "\xEF\xBF\xBD");  // U+FFFD stays
}

TEST(HtmlIdTest, KeepsSafeCharactersAndIsInjective) {
  EXPECT_EQ(HtmlId("reuters-oct12"), "reuters-oct12");
  EXPECT_EQ(HtmlId("a.b"), "a_2eb");
  EXPECT_EQ(HtmlId("a b\""), "a_20b_22");
  EXPECT_NE(HtmlId("a_2eb"), HtmlId("a.b"));
  EXPECT_EQ(HtmlId("\xC3\xA9"), "_c3_a9");
}

}  // namespace
}  // namespace factdiff
