#include "core/ingest/ingest.h"

#include <string>

#include "core/base/status_matchers.h"
#include "gtest/gtest.h"

namespace factdiff {
namespace {

using ::absl::StatusCode;

v1::Document ParseOne(absl::string_view path, absl::string_view bytes) {
  auto docs = ParseDocuments(path, bytes, IngestOptions());
  EXPECT_OK(docs);
  if (!docs.ok() || docs->size() != 1) return v1::Document();
  return (*docs)[0];
}

TEST(ParseDocuments, FrontMatterFillsMetadata) {
  const std::string input =
      "---\n"
      "title: \"Flood toll rises\"\n"
      "source: Valley Courier\n"
      "published: 2026-03-14\n"
      "url: https://example.org/a\n"
      "author: Someone   \n"
      "---\n"
      "At least 12 people died.\n";
  v1::Document doc = ParseOne("news/courier-mar14.md", input);
  EXPECT_EQ(doc.id(), "courier-mar14");
  EXPECT_EQ(doc.title(), "Flood toll rises");
  EXPECT_EQ(doc.source(), "Valley Courier");
  EXPECT_EQ(doc.published(), "2026-03-14");
  EXPECT_EQ(doc.url(), "https://example.org/a");
  EXPECT_EQ(doc.text(), "At least 12 people died.\n");
  EXPECT_EQ(doc.text_line(), 8u);
  EXPECT_EQ(doc.path(), "news/courier-mar14.md");
}

TEST(ParseDocuments, PlainTextKeepsEverything) {
  v1::Document doc = ParseOne("a.txt", "Crowds gathered on Sunday.\n");
  EXPECT_EQ(doc.id(), "a");
  EXPECT_EQ(doc.text(), "Crowds gathered on Sunday.\n");
  EXPECT_EQ(doc.published(), "");
  EXPECT_EQ(doc.text_line(), 1u);
}

TEST(ParseDocuments, CrlfFrontMatterAndBom) {
  v1::Document doc = ParseOne(
      "w.md", "\xEF\xBB\xBF---\r\ntitle: T\r\npublished: 2024-02-29\r\n---\r\nBody.\r\n");
  EXPECT_EQ(doc.title(), "T");
  EXPECT_EQ(doc.published(), "2024-02-29");
  EXPECT_EQ(doc.text(), "Body.\r\n");
}

TEST(ParseDocuments, DatelineFillsPublished) {
  EXPECT_EQ(ParseOne("a.txt", " date 2025-10-29 The minister said.\n")
                .published(),
            "2025-10-29");
  EXPECT_EQ(ParseOne("b.txt",
                     "A headline\n\nBy A Writer\nThe Daily\nOctober 18, 2025\n\n"
                     "Body text here.\n")
                .published(),
            "2025-10-18");
  EXPECT_EQ(ParseOne("c.txt", "He was born on October 18, 2025 in a town.\n")
                .published(),
            "");
}

TEST(ParseDocuments, PublishedWithTime) {
  EXPECT_EQ(ParseOne("a.md",
                     "---\npublished: 2025-10-12T21:30:00+05:00\n---\nBody.\n")
                .published(),
            "2025-10-12T21:30:00+05:00");
}

TEST(ParseDocuments, JsonDocumentAndSet) {
  v1::Document doc = ParseOne(
      "dir/x.json", R"({"title": "T", "published": "2026-01-05", "text": "Nine died."})");
  EXPECT_EQ(doc.id(), "x");
  EXPECT_EQ(doc.text(), "Nine died.");
  auto set = ParseDocuments(
      "s.json",
      R"({"documents": [{"id": "a", "text": "One."}, {"id": "b", "text": "Two."}]})",
      IngestOptions());
  ASSERT_OK(set);
  ASSERT_EQ(set->size(), 2u);
  EXPECT_EQ((*set)[1].id(), "b");
}

TEST(ParseDocuments, BinaryDocument) {
  v1::Document in;
  in.set_id("bin");
  in.set_text("Forty people marched.");
  v1::Document doc = ParseOne("p.pb", in.SerializeAsString());
  EXPECT_EQ(doc.id(), "bin");
  EXPECT_EQ(doc.text(), "Forty people marched.");
}

TEST(ParseDocuments, StdinSniffsJson) {
  v1::Document doc = ParseOne("-", R"(  {"text": "Seven were hurt."})");
  EXPECT_EQ(doc.id(), "stdin");
  EXPECT_EQ(doc.text(), "Seven were hurt.");
}

struct BadCase {
  const char* name;
  const char* path;
  std::string bytes;
  const char* message;
};

class BadInputTest : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadInputTest, IsInvalidArgumentNamingThePath) {
  const BadCase& c = GetParam();
  IngestOptions options;
  options.max_bytes = 1000;
  auto docs = ParseDocuments(c.path, c.bytes, options);
  EXPECT_THAT(docs, StatusIsWithMessage(StatusCode::kInvalidArgument, c.message));
  if (!docs.ok()) {
    EXPECT_EQ(docs.status().message().substr(0, strlen(c.path)), c.path);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Boundary, BadInputTest,
    ::testing::Values(
        BadCase{"empty", "e.md", "", "empty"},
        BadCase{"blank", "b.md", " \n\t\n", "empty"},
        BadCase{"front_matter_only", "f.md", "---\ntitle: x\n---\n\n", "empty"},
        BadCase{"unclosed", "u.md", "---\ntitle: x\nBody.\n", "never closed"},
        BadCase{"bad_key_line", "k.md", "---\njust words\n---\nBody.\n",
                "key: value"},
        BadCase{"bad_date", "d.md", "---\npublished: 2025-13-45\n---\nB.\n",
                "not a valid"},
        BadCase{"feb_30", "d2.md", "---\npublished: 2025-02-29\n---\nB.\n",
                "not a valid"},
        BadCase{"latin1", "l.txt", "caf\xE9 au lait", "not valid UTF-8"},
        BadCase{"binary", "b.txt", std::string("ab\0cd", 5), "binary data"},
        BadCase{"too_big", "big.txt", std::string(1001, 'a'), "above the limit"},
        BadCase{"bad_json", "j.json", R"({"id": "x", "text": )", "malformed"},
        BadCase{"unknown_json_field", "u.json", R"({"id": "a", "txt": "x"})",
                "malformed"},
        BadCase{"json_empty_text", "t.json", R"({"id": "a"})", "empty"},
        BadCase{"bad_binary", "m.pb", "\x0a\xff\xff\xff\xff\x0f", "malformed"},
        BadCase{"empty_binary", "z.pb", "", "malformed"}),
    [](const ::testing::TestParamInfo<BadCase>& info) {
      return info.param.name;
    });

TEST(ReadDocuments, MissingFileIsNotFound) {
  EXPECT_THAT(ReadDocuments("/nonexistent/a.md", IngestOptions()),
              StatusIsWithMessage(StatusCode::kNotFound, "/nonexistent/a.md"));
}

TEST(ReadDocuments, DirectoryIsInvalid) {
  EXPECT_THAT(ReadDocuments("/tmp", IngestOptions()),
              StatusIsWithMessage(StatusCode::kInvalidArgument, "directory"));
}

TEST(DocumentIdForPath, IsTheFileStem) {
  EXPECT_EQ(DocumentIdForPath("a/b/reuters-oct12.md"), "reuters-oct12");
  EXPECT_EQ(DocumentIdForPath("x.tar.md"), "x.tar");
  EXPECT_EQ(DocumentIdForPath("noext"), "noext");
  EXPECT_EQ(DocumentIdForPath(".hidden"), ".hidden");
  EXPECT_EQ(DocumentIdForPath("-"), "stdin");
}

TEST(IsValidPublished, Forms) {
  EXPECT_TRUE(IsValidPublished(""));
  EXPECT_TRUE(IsValidPublished("2024-02-29"));
  EXPECT_TRUE(IsValidPublished("2025-10-12T08:00Z"));
  EXPECT_TRUE(IsValidPublished("2025-10-12T08:00:01.5-04:00"));
  EXPECT_FALSE(IsValidPublished("2023-02-29"));
  EXPECT_FALSE(IsValidPublished("12 Oct 2025"));
  EXPECT_FALSE(IsValidPublished("2025-10-12T25:00"));
  EXPECT_FALSE(IsValidPublished("2025-10-12junk"));
}

}  // namespace
}  // namespace factdiff
