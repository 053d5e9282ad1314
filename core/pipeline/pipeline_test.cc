#include "core/pipeline/pipeline.h"

#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/base/status_matchers.h"
#include "gtest/gtest.h"

namespace factdiff {
namespace {

v1::Document Doc(const std::string& id, const std::string& published,
                 const std::string& text) {
  v1::Document d;
  d.set_id(id);
  d.set_source(id + " News");
  d.set_published(published);
  d.set_text(text);
  return d;
}

const std::vector<v1::Document>& FireArticles() {
  static const auto* const kDocs = new std::vector<v1::Document>{
      Doc("north", "2026-02-10",
          "A fire swept through a textile factory in the river district on "
          "Tuesday.\n\nThe regional fire service said 14 workers were killed "
          "in the factory fire.\n\nAbout 60 firefighters fought the blaze."),
      Doc("south", "2026-02-10",
          "Flames tore through a textile factory on Tuesday \u2013 the worst "
          "blaze in years.\n\nAccording to the company, nine workers were "
          "killed in the factory fire.\n\nA total of 58 firefighters "
          "were deployed to fight the blaze."),
  };
  return *kDocs;
}

TEST(Analyze, FindsTheDisputedTollAndNothingElse) {
  ASSERT_OK_AND_ASSIGN(v1::Report report, Analyze(FireArticles(), v1::Config()));
  ASSERT_EQ(report.findings_size(), 1) << report.DebugString();
  const v1::Finding& f = report.findings(0);
  EXPECT_EQ(f.kind(), v1::Finding::NUMERIC_MISMATCH);
  EXPECT_EQ(f.id(), "f1");
  EXPECT_FALSE(f.event_id().empty());
  ASSERT_EQ(f.claims_size(), 2);
  EXPECT_EQ(f.claims(0).quantity().low(), 9);
  EXPECT_EQ(f.claims(1).quantity().low(), 14);
  EXPECT_EQ(report.stats().documents(), 2u);
  EXPECT_EQ(report.documents(0).text(), "");  // metadata only
  EXPECT_DOUBLE_EQ(report.config().min_similarity(), 0.15);
}

TEST(AnalyzeStatements, FocusKeepsOnlyFindingsOfTheFocusedDocuments) {
  std::vector<v1::Document> docs = FireArticles();
  docs.push_back(Doc("west", "2026-02-10",
                     "Officials said 14 workers were killed when fire swept "
                     "through a textile factory on Tuesday."));
  ASSERT_OK_AND_ASSIGN(v1::Config config, WithDefaults(v1::Config()));
  auto extract = [&] {
    std::vector<std::vector<v1::Statement>> out;
    for (const auto& d : docs) out.push_back(ExtractStatements(d));
    return out;
  };
  // Unfocused: the same as Analyze().
  ASSERT_OK_AND_ASSIGN(v1::Report all, AnalyzeStatements(docs, extract(), config));
  ASSERT_OK_AND_ASSIGN(v1::Report analyzed, Analyze(docs, v1::Config()));
  EXPECT_EQ(all.findings_size(), analyzed.findings_size());
  ASSERT_GE(all.findings_size(), 1);  // 9 vs 14
  ASSERT_OK_AND_ASSIGN(
      v1::Report west,
      AnalyzeStatements(docs, extract(), config, {false, false, true}));
  ASSERT_GE(west.findings_size(), 1);
  for (const v1::Finding& f : west.findings()) {
    bool has_west = false;
    for (const v1::Claim& c : f.claims()) {
      has_west = has_west || c.document_id() == "west";
    }
    EXPECT_TRUE(has_west) << f.summary();
  }
  // An article that disagrees with no one: nothing to report, although the
  // others disagree among themselves.
  docs.push_back(Doc("east", "2026-02-10",
                     "The city council approved a budget of 40 million euros "
                     "on Tuesday."));
  ASSERT_OK_AND_ASSIGN(
      v1::Report east,
      AnalyzeStatements(docs, extract(), config, {false, false, false, true}));
  EXPECT_EQ(east.findings_size(), 0);
  // One flag per document.
  EXPECT_THAT(AnalyzeStatements(docs, extract(), config, {true}).status(),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

// Floods in one town a year apart, and an undated article that fits both.
std::vector<v1::Document> FloodArticles(bool with_earlier_year) {
  std::vector<v1::Document> docs = {
      Doc("june-a", "2025-06-02",
          "Floodwaters swept through homes in Lomara on Saturday, killing 12 "
          "people, the regional governor said.\n\nRescuers in Lomara "
          "searched for survivors along the river."),
      Doc("june-b", "2025-06-03",
          "Floods killed 12 people in Lomara at the weekend, the governor "
          "said.\n\nRescuers in Lomara searched for survivors along the "
          "river banks."),
      Doc("scraped", "",
          "Floodwaters swept through homes in Lomara on Saturday, killing 14 "
          "people, the regional governor said.\n\nRescuers in Lomara "
          "searched for survivors along the river.")};
  if (with_earlier_year) {
    docs.push_back(Doc("may-a", "2024-05-13",
                       "Floodwaters swept through homes in Lomara on "
                       "Sunday, killing 30 people, the regional governor "
                       "said.\n\nRescuers in Lomara searched for "
                       "survivors along the river."));
    docs.push_back(Doc("may-b", "2024-05-14",
                       "Floods killed 30 people in Lomara on Sunday, the "
                       "governor said.\n\nRescuers in Lomara searched for "
                       "survivors along the river banks."));
  }
  return docs;
}

// The documents of `report` that share an event with document `id`.
std::set<std::string> EventPartners(const v1::Report& report,
                                    const std::string& id) {
  std::map<std::string, std::string> doc_of;
  for (const v1::Statement& s : report.statements()) {
    doc_of[s.id()] = s.document_id();
  }
  std::set<std::string> partners;
  for (const v1::Event& e : report.events()) {
    bool has = false;
    for (const std::string& s : e.statement_ids()) has |= doc_of[s] == id;
    if (!has) continue;
    for (const std::string& s : e.statement_ids()) {
      if (doc_of[s] != id) partners.insert(doc_of[s]);
    }
  }
  return partners;
}

TEST(Analyze, UndatedArticleIsDatedByItsStoryOrLeftAloneWhenTwoFit) {
  ASSERT_OK_AND_ASSIGN(v1::Report one, Analyze(FloodArticles(false), v1::Config()));
  ASSERT_EQ(one.documents(2).id(), "scraped");
  EXPECT_EQ(one.documents(2).estimated_published(), "2025-05-03..2025-07-03");
  EXPECT_FALSE(one.documents(2).date_ambiguous());
  EXPECT_EQ(EventPartners(one, "scraped"),
            (std::set<std::string>{"june-a", "june-b"}));

  ASSERT_OK_AND_ASSIGN(v1::Report two, Analyze(FloodArticles(true), v1::Config()));
  EXPECT_EQ(two.documents(2).estimated_published(), "");
  EXPECT_TRUE(two.documents(2).date_ambiguous());
  EXPECT_TRUE(EventPartners(two, "scraped").empty());
  // The dated stories still meet their own.
  EXPECT_EQ(EventPartners(two, "june-a"), std::set<std::string>{"june-b"});
  EXPECT_EQ(EventPartners(two, "may-a"), std::set<std::string>{"may-b"});
}

TEST(Analyze, EverySpanPointsAtItsText) {
  ASSERT_OK_AND_ASSIGN(v1::Report report, Analyze(FireArticles(), v1::Config()));
  std::map<std::string, const v1::Document*> docs;
  for (const auto& d : FireArticles()) docs[d.id()] = &d;
  for (const v1::Finding& f : report.findings()) {
    for (const v1::Claim& c : f.claims()) {
      const std::string& text = docs.at(c.document_id())->text();
      EXPECT_EQ(text.substr(c.span().begin(), c.span().end() - c.span().begin()),
                c.text());
      const v1::Quantity& q = c.quantity();
      EXPECT_EQ(text.substr(q.span().begin(), q.span().end() - q.span().begin()),
                q.text());
    }
  }
  for (const v1::Statement& s : report.statements()) {
    const std::string& text = docs.at(s.document_id())->text();
    EXPECT_EQ(text.substr(s.span().begin(), s.span().end() - s.span().begin()),
              s.text());
  }
}

TEST(Analyze, RejectsBadInput) {
  EXPECT_THAT(Analyze({}, v1::Config()),
              StatusIs(absl::StatusCode::kInvalidArgument));
  std::vector<v1::Document> dup = {Doc("a", "", "One."), Doc("a", "", "Two.")};
  EXPECT_THAT(Analyze(dup, v1::Config()),
              StatusIsWithMessage(absl::StatusCode::kInvalidArgument,
                                  "two documents have the id \"a\""));
  EXPECT_THAT(Analyze({Doc("e", "", "  ")}, v1::Config()),
              StatusIsWithMessage(absl::StatusCode::kInvalidArgument, "empty"));
  EXPECT_THAT(Analyze({Doc("p", "2025-02-30", "Text.")}, v1::Config()),
              StatusIsWithMessage(absl::StatusCode::kInvalidArgument, "published"));
  v1::Config bad;
  bad.set_min_similarity(1.5);
  EXPECT_THAT(Analyze(FireArticles(), bad),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(Analyze, SkipSameDocument) {
  std::vector<v1::Document> one = {Doc(
      "rally", "2026-04-18",
      "Police estimated the crowd of marchers at 5,000, while organizers said "
      "20,000 people marched.")};
  ASSERT_OK_AND_ASSIGN(v1::Report with, Analyze(one, v1::Config()));
  ASSERT_EQ(with.findings_size(), 1) << with.DebugString();
  EXPECT_TRUE(with.findings(0).same_document());
  v1::Config skip;
  skip.set_skip_same_document(true);
  ASSERT_OK_AND_ASSIGN(v1::Report without, Analyze(one, skip));
  EXPECT_EQ(without.findings_size(), 0);
}

TEST(Extract, ListsEverySentence) {
  ASSERT_OK_AND_ASSIGN(auto out, Extract(FireArticles(), v1::Config()));
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].statements_size(), 3);
  EXPECT_EQ(out[0].statements(1).line(), 3u);
  EXPECT_EQ(out[0].document().text(), "");
}

}  // namespace
}  // namespace factdiff
