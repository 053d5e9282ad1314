#include "core/corpus/corpus.h"

#include <unistd.h>

#include <string>
#include <vector>

#include "core/base/status_macros.h"
#include "core/base/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace factdiff {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

v1::Document Doc(const std::string& id, const std::string& source,
                 const std::string& published, const std::string& text) {
  v1::Document d;
  d.set_id(id);
  d.set_source(source);
  d.set_published(published);
  d.set_text(text);
  return d;
}

// A flood told by two outlets with different tolls, and an unrelated story.
v1::Document Courier(const std::string& toll = "Twelve") {
  return Doc("courier", "Valley Courier", "2026-03-14",
             "Floodwaters swept through the river town of Marlow on Friday, "
             "destroying bridges and cutting power to thousands of homes.\n\n" +
                 toll +
                 " people were killed in the floods, the regional governor "
                 "said on Saturday.\n\nRescue teams evacuated about 3,000 "
                 "residents from the lower districts.\n");
}

v1::Document Herald() {
  return Doc("herald", "Northern Herald", "2026-03-14",
             "The floods that hit Marlow on Friday killed 31 people, the Red "
             "Cross said.\n\nRescue teams evacuated about 3,000 residents, "
             "and the army sent boats to reach villages cut off by the "
             "water.\n");
}

v1::Document Gazette() {
  return Doc("gazette", "Carden Gazette", "2026-05-02",
             "The Carden city council approved a budget of 40 million euros "
             "on Tuesday.\n\nThe mayor said the budget would fund two new "
             "schools.\n");
}

class CorpusTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* tmp = std::getenv("TEST_TMPDIR");
    path_ = std::string(tmp != nullptr ? tmp : "/tmp") + "/corpus_test_" +
            std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name() +
            ".db";
    std::remove(path_.c_str());
    ASSERT_OK_AND_ASSIGN(store_, CorpusStore::Open(path_, {}));
  }

  std::vector<std::string> StoredIds() {
    std::vector<std::string> ids;
    EXPECT_OK(store_->Read([&](StoreReader& r) -> absl::Status {
      FACTDIFF_ASSIGN_OR_RETURN(ids, r.ListIds());
      return absl::OkStatus();
    }));
    return ids;
  }

  std::string path_;
  std::unique_ptr<CorpusStore> store_;
};

TEST_F(CorpusTest, AddThenReAddIsNoOpAndNewTextIsAnUpdate) {
  ASSERT_OK_AND_ASSIGN(AddSummary first,
                       AddToCorpus(*store_, {Courier(), Gazette()}, {}));
  EXPECT_THAT(first.added, ElementsAre("courier", "gazette"));
  EXPECT_TRUE(first.refitted);

  ASSERT_OK_AND_ASSIGN(AddSummary again,
                       AddToCorpus(*store_, {Courier(), Gazette()}, {}));
  EXPECT_THAT(again.added, IsEmpty());
  EXPECT_THAT(again.updated, IsEmpty());
  EXPECT_THAT(again.unchanged, ElementsAre("courier", "gazette"));
  EXPECT_FALSE(again.refitted);

  ASSERT_OK_AND_ASSIGN(AddSummary changed,
                       AddToCorpus(*store_, {Courier("Fourteen")}, {}));
  EXPECT_THAT(changed.updated, ElementsAre("courier"));
  EXPECT_THAT(StoredIds(), UnorderedElementsAre("courier", "gazette"));
  EXPECT_OK(store_->Read([](StoreReader& r) -> absl::Status {
    FACTDIFF_ASSIGN_OR_RETURN(std::vector<DocumentRevision> history,
                              r.History("courier"));
    EXPECT_EQ(history.size(), 1u);
    FACTDIFF_ASSIGN_OR_RETURN(absl::optional<StoredDocument> doc,
                              r.FindDocument("courier"));
    EXPECT_TRUE(doc.has_value());
    if (doc.has_value()) {
      EXPECT_THAT(doc->document.text(), HasSubstr("Fourteen people"));
      EXPECT_FALSE(doc->statements.empty());
      for (const v1::Statement& s : doc->statements) {
        EXPECT_GT(s.embedding_size(), 0) << s.id();
      }
    }
    return absl::OkStatus();
  }));
}

TEST_F(CorpusTest, CheckReportsOnlyFindingsInvolvingTheNewArticle) {
  // The stored pair disagrees with itself (12 vs 31); a check of an
  // unrelated article must not repeat that.
  ASSERT_OK(AddToCorpus(*store_, {Courier(), Herald()}, {}).status());
  ASSERT_OK_AND_ASSIGN(v1::Report unrelated,
                       CheckAgainstCorpus(*store_, {Gazette()}, {}));
  EXPECT_EQ(unrelated.findings_size(), 0);

  v1::Document late = Doc(
      "post", "Marlow Post", "2026-03-14",
      "Officials in Marlow said 55 people were killed by the floods on "
      "Friday.\n");
  std::vector<v1::Document> cited;
  ASSERT_OK_AND_ASSIGN(v1::Report report,
                       CheckAgainstCorpus(*store_, {late}, {}, &cited));
  ASSERT_GT(report.findings_size(), 0);
  for (const v1::Finding& f : report.findings()) {
    bool involves_new = false;
    for (const v1::Claim& c : f.claims()) {
      involves_new = involves_new || c.document_id() == "post";
    }
    EXPECT_TRUE(involves_new) << f.summary();
  }
  for (const v1::Statement& s : report.statements()) {
    EXPECT_EQ(s.embedding_size(), 0);
  }
  // The cited documents come with their text, for HTML and SARIF.
  bool has_post = false;
  for (const v1::Document& d : cited) {
    EXPECT_FALSE(d.text().empty()) << d.id();
    has_post = has_post || d.id() == "post";
  }
  EXPECT_TRUE(has_post);
  EXPECT_THAT(StoredIds(), UnorderedElementsAre("courier", "herald"))
      << "check must not write";
}

TEST_F(CorpusTest, CheckedArticleReplacesItsStoredVersion) {
  ASSERT_OK(AddToCorpus(*store_, {Courier(), Herald()}, {}).status());
  // The courier's corrected toll now agrees with the herald: no numeric
  // finding, and the stored (12) version is not compared with anything.
  // (The same figure from two sources may still be an attribution note.)
  ASSERT_OK_AND_ASSIGN(v1::Report report,
                       CheckAgainstCorpus(*store_, {Courier("31")}, {}));
  for (const v1::Finding& f : report.findings()) {
    EXPECT_NE(f.kind(), v1::Finding::NUMERIC_MISMATCH) << f.summary();
  }
  // The stored text still disagrees.
  ASSERT_OK_AND_ASSIGN(v1::Report herald,
                       CheckAgainstCorpus(*store_, {Herald()}, {}));
  EXPECT_GT(herald.findings_size(), 0);
}

TEST_F(CorpusTest, EmptyStoreComparesTheNewArticlesWithEachOther) {
  ASSERT_OK_AND_ASSIGN(v1::Report report,
                       CheckAgainstCorpus(*store_, {Courier(), Herald()}, {}));
  EXPECT_GT(report.findings_size(), 0);
}

TEST_F(CorpusTest, BadDocumentWritesNothing) {
  ASSERT_OK(AddToCorpus(*store_, {Gazette()}, {}).status());
  v1::Document empty = Doc("blank", "", "", "");
  EXPECT_THAT(AddToCorpus(*store_, {Courier(), empty}, {}).status(),
              StatusIs(absl::StatusCode::kInvalidArgument));
  v1::Document bad_date = Courier();
  bad_date.set_published("March 14");
  EXPECT_THAT(AddToCorpus(*store_, {bad_date}, {}).status(),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(StoredIds(), ElementsAre("gazette"));
}

TEST_F(CorpusTest, OtherEmbeddersAreRefused) {
  v1::Config config;
  config.set_embedder("word-vectors");
  absl::Status s = AddToCorpus(*store_, {Gazette()}, config).status();
  EXPECT_THAT(s, StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(std::string(s.message()), HasSubstr("word-vectors"));
  EXPECT_THAT(StoredIds(), IsEmpty());
}

TEST_F(CorpusTest, GrowingCorpusRefitsAndKeepsEveryVector) {
  ASSERT_OK_AND_ASSIGN(AddSummary a, AddToCorpus(*store_, {Gazette()}, {}));
  EXPECT_TRUE(a.refitted);
  // Gazette has 2 statements; adding 3 more grows the corpus past 1.5x.
  ASSERT_OK_AND_ASSIGN(AddSummary b, AddToCorpus(*store_, {Courier()}, {}));
  EXPECT_TRUE(b.refitted);
  int dims = -1;
  EXPECT_OK(store_->Read([&](StoreReader& r) -> absl::Status {
    FACTDIFF_ASSIGN_OR_RETURN(absl::optional<EmbeddingModel> model,
                              r.LoadModel());
    EXPECT_TRUE(model.has_value());
    if (model.has_value()) {
      dims = model->dims;
      EXPECT_EQ(model->fitted_statements, 5);
    }
    FACTDIFF_ASSIGN_OR_RETURN(std::vector<StoredDocument> all, r.LoadAll());
    for (const StoredDocument& d : all) {
      for (const v1::Statement& s : d.statements) {
        EXPECT_EQ(s.embedding_size(), dims) << s.id();
      }
    }
    return absl::OkStatus();
  }));
  EXPECT_GT(dims, 0);
}

}  // namespace
}  // namespace factdiff
