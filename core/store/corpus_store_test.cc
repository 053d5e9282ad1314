#include "core/store/corpus_store.h"

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "core/base/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "proto/extraction.pb.h"
#include "sqlite3.h"

namespace factdiff {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using PutResult = StoreWriter::PutResult;

std::string TempPath(const std::string& name) {
  static std::atomic<int> counter{0};
  const char* dir = std::getenv("TEST_TMPDIR");
  return absl::StrCat(dir != nullptr ? dir : "/tmp", "/", name, "-", getpid(),
                      "-", counter++, ".db");
}

// A document with `statements` statements; statement i carries a figure and
// a vector of `dims` floats when dims > 0. Text has real Unicode: curly
// quotes, an en dash, a non-breaking space.
StoredDocument MakeDoc(const std::string& id, int statements, int dims,
                       const std::string& variant = "") {
  StoredDocument doc;
  v1::Document& d = doc.document;
  d.set_id(id);
  d.set_title(absl::StrCat("Flood update ", id));
  d.set_source("Wire service");
  d.set_url(absl::StrCat("https://example.org/", id));
  d.set_published("2024-05-03");
  d.set_path(absl::StrCat("articles/", id, ".md"));
  d.set_text_line(5);
  std::string text;
  for (int i = 0; i < statements; ++i) {
    const std::string sentence =
        absl::StrCat("Officials said \xE2\x80\x9C", 10 + i,
                     " homes\xE2\x80\x9D were flooded \xE2\x80\x93 about\xC2\xA0",
                     i * 3, " roads closed", variant, ". ");
    v1::Statement s;
    s.set_id(absl::StrCat(id, "#", i));
    s.set_document_id(id);
    s.mutable_span()->set_begin(text.size());
    s.mutable_span()->set_end(text.size() + sentence.size() - 1);
    s.set_text(sentence.substr(0, sentence.size() - 1));
    s.set_index(i);
    s.set_line(1);
    v1::Quantity* q = s.add_quantities();
    q->set_text(absl::StrCat(10 + i));
    q->set_low(10 + i);
    q->set_high(10 + i);
    q->set_value(10 + i);
    for (int k = 0; k < dims; ++k) s.add_embedding(0.25f * k - i + 0.5f);
    doc.statements.push_back(s);
    text += sentence;
  }
  d.set_text(text);
  return doc;
}

std::string Canonical(const StoredDocument& doc) {
  std::string out = doc.document.SerializeAsString();
  for (const v1::Statement& s : doc.statements) {
    out += "|" + s.SerializeAsString();
  }
  return out;
}

std::unique_ptr<CorpusStore> OpenOrDie(const std::string& path,
                                       CorpusStore::Options options = {}) {
  absl::StatusOr<std::unique_ptr<CorpusStore>> store =
      CorpusStore::Open(path, options);
  EXPECT_OK(store);
  return store.ok() ? std::move(store).value() : nullptr;
}

absl::Status Put(CorpusStore& store, const std::vector<StoredDocument>& docs) {
  return store.Write([&](StoreWriter& w) -> absl::Status {
    for (const StoredDocument& doc : docs) {
      absl::StatusOr<PutResult> result = w.PutDocument(doc);
      if (!result.ok()) return result.status();
    }
    return absl::OkStatus();
  });
}

absl::optional<StoredDocument> Find(CorpusStore& store, const std::string& id) {
  absl::optional<StoredDocument> found;
  EXPECT_OK(store.Read([&](StoreReader& r) -> absl::Status {
    absl::StatusOr<absl::optional<StoredDocument>> doc = r.FindDocument(id);
    if (!doc.ok()) return doc.status();
    found = *std::move(doc);
    return absl::OkStatus();
  }));
  return found;
}

std::vector<std::string> Ids(CorpusStore& store) {
  std::vector<std::string> ids;
  EXPECT_OK(store.Read([&](StoreReader& r) -> absl::Status {
    absl::StatusOr<std::vector<std::string>> got = r.ListIds();
    if (!got.ok()) return got.status();
    ids = *got;
    return absl::OkStatus();
  }));
  return ids;
}

// Runs `sql` on `path` with a plain SQLite connection.
void ExecRaw(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  EXPECT_EQ(rc, SQLITE_OK) << (error != nullptr ? error : "") << "\n" << sql;
  sqlite3_free(error);
  sqlite3_close(db);
}

// The first column of the first row of `sql`, as text ("" when none).
std::string QueryRaw(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  std::string out;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK)
      << sqlite3_errmsg(db);
  if (sqlite3_step(stmt) == SQLITE_ROW &&
      sqlite3_column_text(stmt, 0) != nullptr) {
    out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return out;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(TextHash, IsFnv1a64) {
  EXPECT_EQ(TextHash(""), 0xcbf29ce484222325ull);
  EXPECT_EQ(TextHash("a"), 0xaf63dc4c8601ec8cull);
  EXPECT_EQ(TextHash("foobar"), 0x85944171f73967e8ull);
}

TEST(CorpusStore, PutFindRoundTripsAndPersists) {
  const std::string path = TempPath("roundtrip");
  const StoredDocument doc = MakeDoc("reuters-may3", 4, 8);
  {
    auto store = OpenOrDie(path);
    ASSERT_NE(store, nullptr);
    EXPECT_EQ(store->path(), path);
    EXPECT_FALSE(Find(*store, "reuters-may3").has_value());
    ASSERT_OK(store->Write([&](StoreWriter& w) -> absl::Status {
      absl::StatusOr<PutResult> result = w.PutDocument(doc);
      EXPECT_THAT(result, IsOk());
      EXPECT_EQ(*result, PutResult::kAdded);
      // The writer sees its own change before commit.
      absl::StatusOr<int64_t> count = w.CountStatements();
      EXPECT_THAT(count, IsOk());
      EXPECT_EQ(*count, 4);
      return absl::OkStatus();
    }));
  }
  auto store = OpenOrDie(path, {.create_if_missing = false});
  ASSERT_NE(store, nullptr);
  absl::optional<StoredDocument> found = Find(*store, "reuters-may3");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(Canonical(*found), Canonical(doc));
  EXPECT_EQ(found->statements[2].embedding_size(), 8);
  EXPECT_FALSE(Find(*store, "other").has_value());
  ASSERT_OK(store->CheckIntegrity());
  EXPECT_EQ(QueryRaw(path, "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(QueryRaw(path, "PRAGMA user_version"), "2");
}

TEST(CorpusStore, StatementsWithoutVectorsAndEmptyFields) {
  const std::string path = TempPath("novector");
  auto store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  StoredDocument doc = MakeDoc("a", 3, 0);
  doc.statements[1].set_id("");  // stored, not reachable by SetVectors
  doc.document.set_title("");
  StoredDocument empty;
  empty.document.set_id("empty");
  ASSERT_OK(Put(*store, {doc, empty}));
  EXPECT_EQ(Canonical(*Find(*store, "a")), Canonical(doc));
  EXPECT_EQ(Canonical(*Find(*store, "empty")), Canonical(empty));
  EXPECT_EQ(QueryRaw(path, "SELECT COUNT(*) FROM statements WHERE vector IS NULL"),
            "3");
}

TEST(CorpusStore, PutReportsAddedUnchangedUpdatedAndRecordsHistory) {
  const std::string path = TempPath("history");
  auto store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  const StoredDocument v1 = MakeDoc("dawn-1", 3, 4);
  const StoredDocument v2 = MakeDoc("dawn-1", 2, 4, " overnight");
  StoredDocument v3 = v2;
  v3.document.set_title("Corrected title");
  StoredDocument same_text_other_statements = v1;
  same_text_other_statements.statements.pop_back();

  std::vector<PutResult> results;
  ASSERT_OK(store->Write([&](StoreWriter& w) -> absl::Status {
    for (const StoredDocument* doc :
         std::vector<const StoredDocument*>{&v1, &same_text_other_statements}) {
      absl::StatusOr<PutResult> r = w.PutDocument(*doc);
      if (!r.ok()) return r.status();
      results.push_back(*r);
    }
    return absl::OkStatus();
  }));
  ASSERT_OK(store->Write([&](StoreWriter& w) -> absl::Status {
    for (const StoredDocument* doc : std::vector<const StoredDocument*>{&v2, &v3}) {
      absl::StatusOr<PutResult> r = w.PutDocument(*doc);
      if (!r.ok()) return r.status();
      results.push_back(*r);
    }
    return absl::OkStatus();
  }));
  EXPECT_THAT(results, ElementsAre(PutResult::kAdded, PutResult::kUnchanged,
                                   PutResult::kUpdated, PutResult::kUpdated));
  // The last update's statements replaced the earlier ones.
  EXPECT_EQ(Canonical(*Find(*store, "dawn-1")), Canonical(v3));
  ASSERT_OK(store->Read([&](StoreReader& r) -> absl::Status {
    absl::StatusOr<int64_t> count = r.CountStatements();
    EXPECT_THAT(count, IsOk());
    EXPECT_EQ(*count, 2);
    absl::StatusOr<std::vector<DocumentRevision>> history = r.History("dawn-1");
    EXPECT_THAT(history, IsOk());
    EXPECT_EQ(history->size(), 2u);
    if (history->size() != 2) return absl::OkStatus();
    const DocumentRevision& first = (*history)[0];
    const DocumentRevision& second = (*history)[1];
    EXPECT_EQ(first.id, "dawn-1");
    EXPECT_EQ(first.revision, 2);
    EXPECT_EQ(first.old_text_hash, TextHash(v1.document.text()));
    EXPECT_EQ(first.new_text_hash, TextHash(v2.document.text()));
    EXPECT_THAT(first.changed_at,
                MatchesRegex("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z"));
    EXPECT_EQ(second.revision, 3);  // metadata only: same hashes
    EXPECT_EQ(second.old_text_hash, second.new_text_hash);
    absl::StatusOr<std::vector<DocumentRevision>> none = r.History("nope");
    EXPECT_THAT(none, IsOk());
    EXPECT_TRUE(none->empty());
    return absl::OkStatus();
  }));
  EXPECT_EQ(QueryRaw(path, "SELECT revision FROM documents"), "3");
}

TEST(CorpusStore, UnchangedWritesNothing) {
  const std::string path = TempPath("unchanged");
  auto store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  ASSERT_OK(Put(*store, {MakeDoc("a", 2, 2)}));
  ExecRaw(path, "UPDATE documents SET updated_at = 'marker'");
  StoredDocument again = MakeDoc("a", 2, 2);
  again.statements[0].clear_embedding();
  ASSERT_OK(Put(*store, {again}));
  EXPECT_EQ(QueryRaw(path, "SELECT updated_at FROM documents"), "marker");
  EXPECT_EQ(Find(*store, "a")->statements[0].embedding_size(), 2);
}

TEST(CorpusStore, LoadAllMatchesFindDocumentInIdOrder) {
  const std::string path = TempPath("loadall");
  auto store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  std::vector<StoredDocument> docs;
  for (const char* id : {"m", "b", "z", "a", "k\xC3\xA9", "c"}) {
    docs.push_back(MakeDoc(id, 3, 5));
  }
  ASSERT_OK(Put(*store, docs));
  // An update moves "b" to the end of the physical order.
  ASSERT_OK(Put(*store, {MakeDoc("b", 4, 5, " later")}));
  // Rows of "c" out of physical order: LoadAll must still sort by idx.
  ExecRaw(path,
          "UPDATE statements SET idx = idx + 10 WHERE document_id = 'c';"
          "UPDATE statements SET idx = 2 - (idx - 10) WHERE document_id = 'c';");
  ASSERT_OK(store->Read([&](StoreReader& r) -> absl::Status {
    absl::StatusOr<std::vector<StoredDocument>> all = r.LoadAll();
    EXPECT_THAT(all, IsOk());
    std::vector<std::string> ids;
    for (const StoredDocument& doc : *all) {
      ids.push_back(doc.document.id());
      absl::StatusOr<absl::optional<StoredDocument>> one =
          r.FindDocument(doc.document.id());
      EXPECT_THAT(one, IsOk());
      EXPECT_EQ(Canonical(**one), Canonical(doc));
    }
    EXPECT_THAT(ids, ElementsAre("a", "b", "c", "k\xC3\xA9", "m", "z"));
    EXPECT_EQ((*all)[1].statements.size(), 4u);
    // "c" comes back reversed: idx 0 now holds what was put last.
    EXPECT_EQ((*all)[2].statements[0].id(), "c#2");
    EXPECT_EQ((*all)[2].statements[2].id(), "c#0");
    absl::StatusOr<std::vector<std::string>> listed = r.ListIds();
    EXPECT_THAT(listed, IsOk());
    EXPECT_EQ(*listed, ids);
    absl::StatusOr<int64_t> count = r.CountDocuments();
    EXPECT_THAT(count, IsOk());
    EXPECT_EQ(*count, 6);
    return absl::OkStatus();
  }));
}

TEST(CorpusStore, SetVectorsReplacesAndIsAllOrNothing) {
  const std::string path = TempPath("vectors");
  auto store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  ASSERT_OK(Put(*store, {MakeDoc("a", 2, 3), MakeDoc("b", 1, 3)}));
  ASSERT_OK(store->Write([&](StoreWriter& w) {
    return w.SetVectors({{"a#0", {1.5f, -2.0f}}, {"b#0", {}}});
  }));
  absl::optional<StoredDocument> a = Find(*store, "a");
  EXPECT_THAT(a->statements[0].embedding(), ElementsAre(1.5f, -2.0f));
  EXPECT_EQ(a->statements[1].embedding_size(), 3);
  EXPECT_EQ(Find(*store, "b")->statements[0].embedding_size(), 0);

  // An unknown id fails the call, and the known id before it is not changed
  // even though the caller goes on and commits.
  ASSERT_OK(store->Write([&](StoreWriter& w) -> absl::Status {
    EXPECT_THAT(w.SetVectors({{"a#1", {9.0f}}, {"ghost#4", {1.0f}}}),
                StatusIsWithMessage(absl::StatusCode::kNotFound, "ghost#4"));
    return absl::OkStatus();
  }));
  EXPECT_EQ(Find(*store, "a")->statements[1].embedding_size(), 3);
}

TEST(CorpusStore, ModelRoundTripsLargeBinaryBlob) {
  const std::string path = TempPath("model");
  auto store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  ASSERT_OK(store->Read([&](StoreReader& r) -> absl::Status {
    absl::StatusOr<absl::optional<EmbeddingModel>> model = r.LoadModel();
    EXPECT_THAT(model, IsOk());
    EXPECT_FALSE(model->has_value());
    return absl::OkStatus();
  }));
  EmbeddingModel model;
  model.kind = "tfidf-svd";
  model.dims = 128;
  model.fitted_statements = 12345;
  model.blob.resize(3 << 20);
  for (size_t i = 0; i < model.blob.size(); ++i) {
    model.blob[i] = static_cast<char>((i * 2654435761u) >> 13);
  }
  model.blob[17] = '\0';
  ASSERT_OK(store->Write([&](StoreWriter& w) { return w.SetModel(model); }));
  EmbeddingModel replacement = model;
  replacement.blob = "small";
  replacement.dims = 64;
  auto reopened = OpenOrDie(path);
  ASSERT_OK(reopened->Read([&](StoreReader& r) -> absl::Status {
    absl::StatusOr<absl::optional<EmbeddingModel>> got = r.LoadModel();
    EXPECT_THAT(got, IsOk());
    EXPECT_TRUE(got->has_value());
    EXPECT_EQ((*got)->kind, "tfidf-svd");
    EXPECT_EQ((*got)->dims, 128);
    EXPECT_EQ((*got)->fitted_statements, 12345);
    EXPECT_TRUE((*got)->blob == model.blob);
    return absl::OkStatus();
  }));
  ASSERT_OK(store->Write([&](StoreWriter& w) { return w.SetModel(replacement); }));
  ASSERT_OK(reopened->Read([&](StoreReader& r) -> absl::Status {
    absl::StatusOr<absl::optional<EmbeddingModel>> got = r.LoadModel();
    EXPECT_EQ((*got)->blob, "small");
    EXPECT_EQ((*got)->dims, 64);
    return absl::OkStatus();
  }));
  EXPECT_THAT(store->Write([&](StoreWriter& w) {
    return w.SetModel(EmbeddingModel{});
  }), StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(CorpusStore, RejectsBadStatementsAtomically) {
  const std::string path = TempPath("badstatements");
  auto store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  ASSERT_OK(Put(*store, {MakeDoc("a", 2, 2)}));
  StoredDocument clash = MakeDoc("b", 3, 2);
  clash.statements[2].set_id("a#1");
  StoredDocument wrong_owner = MakeDoc("c", 1, 2);
  wrong_owner.statements[0].set_document_id("zzz");
  StoredDocument no_id = MakeDoc("", 1, 2);
  ASSERT_OK(store->Write([&](StoreWriter& w) -> absl::Status {
    EXPECT_THAT(w.PutDocument(clash),
                StatusIsWithMessage(absl::StatusCode::kAlreadyExists,
                                    "is already held by document 'a'"));
    EXPECT_THAT(w.PutDocument(wrong_owner),
                StatusIsWithMessage(absl::StatusCode::kInvalidArgument, "zzz"));
    EXPECT_THAT(w.PutDocument(no_id),
                StatusIs(absl::StatusCode::kInvalidArgument));
    // Updating "a" so that it clashes with nothing keeps working.
    return absl::OkStatus();
  }));
  // The failed put left no half-written "b" behind, though the Write
  // committed.
  EXPECT_THAT(Ids(*store), ElementsAre("a"));
  EXPECT_EQ(QueryRaw(path, "SELECT COUNT(*) FROM statements"), "2");
}

TEST(CorpusStore, FailedWriteLeavesFileAsBefore) {
  const std::string path = TempPath("rollback");
  auto store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  ASSERT_OK(Put(*store, {MakeDoc("kept", 2, 4)}));
  const std::string before = Canonical(*Find(*store, "kept"));
  const absl::Status status = store->Write([&](StoreWriter& w) -> absl::Status {
    for (int i = 0; i < 5; ++i) {
      absl::StatusOr<PutResult> r =
          w.PutDocument(MakeDoc(absl::StrCat("new", i), 3, 4));
      if (!r.ok()) return r.status();
    }
    absl::StatusOr<PutResult> r = w.PutDocument(MakeDoc("kept", 1, 4, " edited"));
    if (!r.ok()) return r.status();
    EmbeddingModel model{"tfidf-svd", 4, "blob", 10};
    absl::Status s = w.SetModel(model);
    if (!s.ok()) return s;
    return absl::AbortedError("the embedder failed");
  });
  EXPECT_THAT(status, StatusIsWithMessage(absl::StatusCode::kAborted,
                                          "the embedder failed"));
  auto other = OpenOrDie(path);
  EXPECT_THAT(Ids(*other), ElementsAre("kept"));
  EXPECT_EQ(Canonical(*Find(*other, "kept")), before);
  ASSERT_OK(other->Read([&](StoreReader& r) -> absl::Status {
    absl::StatusOr<std::vector<DocumentRevision>> history = r.History("kept");
    EXPECT_TRUE(history->empty());
    absl::StatusOr<absl::optional<EmbeddingModel>> model = r.LoadModel();
    EXPECT_FALSE(model->has_value());
    return absl::OkStatus();
  }));
  // The store is usable afterwards.
  ASSERT_OK(Put(*store, {MakeDoc("after", 1, 4)}));
  EXPECT_THAT(Ids(*other), ElementsAre("after", "kept"));
}

TEST(CorpusStore, NestedTransactionsAreRefused) {
  auto store = OpenOrDie(TempPath("nested"));
  ASSERT_NE(store, nullptr);
  ASSERT_OK(store->Write([&](StoreWriter&) -> absl::Status {
    EXPECT_THAT(store->Write([](StoreWriter&) { return absl::OkStatus(); }),
                StatusIs(absl::StatusCode::kFailedPrecondition));
    EXPECT_THAT(store->Read([](StoreReader&) { return absl::OkStatus(); }),
                StatusIs(absl::StatusCode::kFailedPrecondition));
    return absl::OkStatus();
  }));
}

TEST(CorpusStore, BusyWriterGetsUnavailableAndReadersSeeSnapshot) {
  const std::string path = TempPath("busy");
  auto a = OpenOrDie(path);
  ASSERT_NE(a, nullptr);
  ASSERT_OK(Put(*a, {MakeDoc("first", 1, 2)}));
  auto b = OpenOrDie(path, {.busy_timeout = absl::Milliseconds(50)});
  ASSERT_NE(b, nullptr);
  ASSERT_OK(a->Write([&](StoreWriter& w) -> absl::Status {
    absl::StatusOr<PutResult> r = w.PutDocument(MakeDoc("second", 1, 2));
    EXPECT_THAT(r, IsOk());
    EXPECT_THAT(b->Write([](StoreWriter&) { return absl::OkStatus(); }),
                StatusIsWithMessage(absl::StatusCode::kUnavailable,
                                    "is locked by another writer"));
    // WAL: the reader is not blocked and does not see the uncommitted put.
    EXPECT_THAT(Ids(*b), ElementsAre("first"));
    return absl::OkStatus();
  }));
  EXPECT_THAT(Ids(*b), ElementsAre("first", "second"));

  // One Read() is one snapshot, even across another store's commit.
  ASSERT_OK(b->Read([&](StoreReader& r) -> absl::Status {
    absl::StatusOr<std::vector<std::string>> before = r.ListIds();
    EXPECT_OK(Put(*a, {MakeDoc("third", 1, 2)}));
    absl::StatusOr<std::vector<std::string>> after = r.ListIds();
    EXPECT_EQ(*before, *after);
    EXPECT_EQ(after->size(), 2u);
    return absl::OkStatus();
  }));
  EXPECT_EQ(Ids(*b).size(), 3u);
}

TEST(CorpusStoreOpen, RefusesTextFilesUntouched) {
  for (const std::string& content :
       {std::string("just some notes\n"),
        std::string(20000, 'x') + "\nmore text\n"}) {
    const std::string path = TempPath("notes");
    std::ofstream(path) << content;
    EXPECT_THAT(CorpusStore::Open(path, {}),
                StatusIsWithMessage(absl::StatusCode::kInvalidArgument,
                                    "'" + path + "' is not a SQLite database"));
    EXPECT_EQ(ReadFile(path), content);
  }
}

TEST(CorpusStoreOpen, RefusesOtherSqliteDatabases) {
  const std::string path = TempPath("foreign");
  ExecRaw(path, "CREATE TABLE customers (name TEXT)");
  EXPECT_THAT(CorpusStore::Open(path, {}),
              StatusIsWithMessage(absl::StatusCode::kInvalidArgument,
                                  "not a factdiff corpus"));
}

TEST(CorpusStoreOpen, RefusesNewerSchema) {
  const std::string path = TempPath("newer");
  { ASSERT_NE(OpenOrDie(path), nullptr); }
  ExecRaw(path, "PRAGMA user_version = 7");
  EXPECT_THAT(CorpusStore::Open(path, {}),
              StatusIsWithMessage(
                  absl::StatusCode::kFailedPrecondition,
                  "corpus '" + path +
                      "' was written by a newer factdiff (schema 7); this "
                      "build reads schema 2"));
  EXPECT_EQ(QueryRaw(path, "PRAGMA user_version"), "7");
}

TEST(CorpusStoreOpen, MissingFileAndUncreatablePath) {
  const std::string path = TempPath("missing");
  EXPECT_THAT(CorpusStore::Open(path, {.create_if_missing = false}),
              StatusIsWithMessage(absl::StatusCode::kNotFound, path));
  EXPECT_NE(access(path.c_str(), F_OK), 0);  // not created
  const std::string bad = TempPath("no-such-dir") + "/corpus.db";
  absl::StatusOr<std::unique_ptr<CorpusStore>> store =
      CorpusStore::Open(bad, {});
  EXPECT_FALSE(store.ok());
  EXPECT_THAT(std::string(store.status().message()), HasSubstr(bad));
  EXPECT_THAT(CorpusStore::Open(std::getenv("TEST_TMPDIR") != nullptr
                                    ? std::getenv("TEST_TMPDIR")
                                    : "/tmp",
                                {}),
              StatusIsWithMessage(absl::StatusCode::kInvalidArgument,
                                  "is a directory"));
}

// Schema 1, written as the first factdiff release wrote it.
constexpr char kSchemaV1[] = R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
CREATE TABLE model (
  id INTEGER PRIMARY KEY CHECK (id = 1), kind TEXT NOT NULL,
  dims INTEGER NOT NULL, blob BLOB NOT NULL,
  fitted_statements INTEGER NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE documents (
  id TEXT PRIMARY KEY NOT NULL, title TEXT NOT NULL, source TEXT NOT NULL,
  url TEXT NOT NULL, published TEXT NOT NULL, path TEXT NOT NULL,
  text_line INTEGER NOT NULL, text TEXT NOT NULL, added_at TEXT NOT NULL);
CREATE TABLE statements (
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  idx INTEGER NOT NULL, statement_id TEXT, statement BLOB NOT NULL,
  vector BLOB, PRIMARY KEY (document_id, idx));
PRAGMA user_version = 1;
)sql";

std::string Hex(const std::string& bytes) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out += kDigits[c >> 4];
    out += kDigits[c & 15];
  }
  return out;
}

// Raw SQL inserting `doc` into a schema-1 file.
std::string InsertV1(const StoredDocument& doc) {
  const v1::Document& d = doc.document;
  std::string sql = absl::StrCat(
      "INSERT INTO documents VALUES ('", d.id(), "', '", d.title(), "', '",
      d.source(), "', '", d.url(), "', '", d.published(), "', '", d.path(),
      "', ", d.text_line(), ", CAST(x'", Hex(d.text()),
      "' AS TEXT), '2023-01-02T03:04:05Z');");
  for (size_t i = 0; i < doc.statements.size(); ++i) {
    v1::Statement s = doc.statements[i];
    std::string vector(reinterpret_cast<const char*>(s.embedding().data()),
                       s.embedding_size() * sizeof(float));  // little-endian host
    s.clear_embedding();
    absl::StrAppend(&sql, "INSERT INTO statements VALUES ('", d.id(), "', ", i,
                    ", '", s.id(), "', x'", Hex(s.SerializeAsString()), "', ",
                    vector.empty() ? "NULL" : "x'" + Hex(vector) + "'", ");");
  }
  return sql;
}

TEST(CorpusStoreMigration, Schema1IsMigratedWithItsData) {
  const std::string path = TempPath("v1");
  const StoredDocument a = MakeDoc("ap-1", 3, 4);
  const StoredDocument b = MakeDoc("bbc-2", 2, 0);
  ExecRaw(path, absl::StrCat(
                    kSchemaV1, InsertV1(a), InsertV1(b),
                    "INSERT INTO model VALUES (1, 'tfidf-svd', 4, x'00ff10', 5,"
                    " '2023-01-02T03:04:05Z');"
                    "INSERT INTO meta VALUES ('created_at', '2023-01-01');"));
  auto store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(QueryRaw(path, "PRAGMA user_version"), "2");
  EXPECT_NE(QueryRaw(path, "SELECT value FROM meta WHERE key = 'migrated_from_1'"),
            "");
  EXPECT_EQ(QueryRaw(path, "SELECT updated_at FROM documents WHERE id = 'ap-1'"),
            "2023-01-02T03:04:05Z");
  // The migration computed the text hashes.
  EXPECT_EQ(QueryRaw(path, "SELECT text_hash FROM documents WHERE id = 'ap-1'"),
            absl::StrCat(static_cast<int64_t>(TextHash(a.document.text()))));
  EXPECT_EQ(Canonical(*Find(*store, "ap-1")), Canonical(a));
  EXPECT_EQ(Canonical(*Find(*store, "bbc-2")), Canonical(b));
  ASSERT_OK(store->Read([&](StoreReader& r) -> absl::Status {
    absl::StatusOr<absl::optional<EmbeddingModel>> model = r.LoadModel();
    EXPECT_EQ((*model)->blob, std::string("\x00\xff\x10", 3));
    EXPECT_EQ((*model)->fitted_statements, 5);
    return absl::OkStatus();
  }));
  // Schema-2 features on migrated data: unchanged detection uses the
  // computed hash, updates record history, SetVectors finds statements.
  StoredDocument edited = MakeDoc("ap-1", 1, 4, " (updated)");
  std::vector<PutResult> results;
  ASSERT_OK(store->Write([&](StoreWriter& w) -> absl::Status {
    for (const StoredDocument* doc :
         std::vector<const StoredDocument*>{&b, &edited}) {
      absl::StatusOr<PutResult> r = w.PutDocument(*doc);
      if (!r.ok()) return r.status();
      results.push_back(*r);
    }
    return w.SetVectors({{"bbc-2#1", {3.0f, 4.0f}}});
  }));
  EXPECT_THAT(results, ElementsAre(PutResult::kUnchanged, PutResult::kUpdated));
  EXPECT_THAT(Find(*store, "bbc-2")->statements[1].embedding(),
              ElementsAre(3.0f, 4.0f));
  ASSERT_OK(store->Read([&](StoreReader& r) -> absl::Status {
    absl::StatusOr<std::vector<DocumentRevision>> history = r.History("ap-1");
    EXPECT_EQ(history->size(), 1u);
    EXPECT_EQ((*history)[0].revision, 2);
    EXPECT_EQ((*history)[0].old_text_hash, TextHash(a.document.text()));
    return absl::OkStatus();
  }));
  ASSERT_OK(store->CheckIntegrity());
}

TEST(CorpusStoreMigration, FailedMigrationLeavesSchema1) {
  const std::string path = TempPath("v1-dup");
  StoredDocument a = MakeDoc("a", 1, 0);
  StoredDocument b = MakeDoc("b", 1, 0);
  b.statements[0].set_id("a#0");  // schema 1 did not enforce unique ids
  ExecRaw(path, absl::StrCat(kSchemaV1, InsertV1(a), InsertV1(b)));
  EXPECT_THAT(CorpusStore::Open(path, {}),
              StatusIsWithMessage(absl::StatusCode::kFailedPrecondition,
                                  "migrating schema 1 to schema 2"));
  EXPECT_EQ(QueryRaw(path, "PRAGMA user_version"), "1");
  EXPECT_EQ(QueryRaw(path, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'history'"),
            "0");
  EXPECT_EQ(QueryRaw(path, "SELECT COUNT(*) FROM documents"), "2");
}

TEST(CorpusStore, DamagedRowsAreDataLossNamingTheDocument) {
  const std::string path = TempPath("damaged");
  auto store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  ASSERT_OK(Put(*store, {MakeDoc("fine", 2, 2), MakeDoc("broken-doc", 2, 2),
                         MakeDoc("short-vector", 1, 2)}));
  ExecRaw(path,
          "UPDATE statements SET statement = x'ffffffff0a' "
          "WHERE document_id = 'broken-doc' AND idx = 1;"
          "UPDATE statements SET vector = x'0000803f00' "
          "WHERE document_id = 'short-vector';");
  ASSERT_OK(store->Read([&](StoreReader& r) -> absl::Status {
    EXPECT_THAT(r.FindDocument("broken-doc"),
                StatusIsWithMessage(absl::StatusCode::kDataLoss,
                                    "document 'broken-doc'"));
    EXPECT_THAT(r.FindDocument("short-vector"),
                StatusIsWithMessage(absl::StatusCode::kDataLoss,
                                    "document 'short-vector'"));
    EXPECT_THAT(r.LoadAll(), StatusIs(absl::StatusCode::kDataLoss));
    EXPECT_THAT(r.FindDocument("fine"), IsOk());
    return absl::OkStatus();
  }));
}

// ---------------------------------------------------------------- processes

TEST(CorpusStoreProcesses, KilledWriterLeavesEarlierCommitsIntact) {
  const std::string path = TempPath("crash");
  std::vector<std::string> committed_canonical;
  {
    auto store = OpenOrDie(path);
    ASSERT_NE(store, nullptr);
    std::vector<StoredDocument> docs;
    for (int i = 0; i < 3; ++i) docs.push_back(MakeDoc(absl::StrCat("old", i), 5, 16));
    ASSERT_OK(Put(*store, docs));
    for (const StoredDocument& doc : docs) committed_canonical.push_back(Canonical(doc));
  }  // closed before fork: no SQLite connection crosses the fork
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    absl::StatusOr<std::unique_ptr<CorpusStore>> store =
        CorpusStore::Open(path, {});
    if (!store.ok()) _exit(2);
    (void)(*store)->Write([&](StoreWriter& w) -> absl::Status {
      // Enough to spill uncommitted pages into the WAL (past the 2 MB page
      // cache), then an update of a committed document, then death.
      for (int i = 0; i < 300; ++i) {
        if (!w.PutDocument(MakeDoc(absl::StrCat("new", i), 30, 64)).ok()) _exit(3);
      }
      if (!w.PutDocument(MakeDoc("old1", 2, 16, " rewritten")).ok()) _exit(4);
      raise(SIGKILL);
      _exit(5);
    });
    _exit(6);
  }
  int wstatus = 0;
  ASSERT_EQ(waitpid(child, &wstatus, 0), child);
  ASSERT_TRUE(WIFSIGNALED(wstatus)) << "child exited with " << WEXITSTATUS(wstatus);
  ASSERT_EQ(WTERMSIG(wstatus), SIGKILL);
  // The dead writer left uncommitted frames in the WAL.
  struct stat st;
  ASSERT_EQ(stat((path + "-wal").c_str(), &st), 0);
  EXPECT_GT(st.st_size, 1 << 20);

  auto store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  ASSERT_OK(store->CheckIntegrity());
  EXPECT_EQ(QueryRaw(path, "PRAGMA integrity_check"), "ok");
  EXPECT_THAT(Ids(*store), ElementsAre("old0", "old1", "old2"));
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(Canonical(*Find(*store, absl::StrCat("old", i))),
              committed_canonical[i]);
  }
  ASSERT_OK(store->Read([&](StoreReader& r) -> absl::Status {
    absl::StatusOr<int64_t> count = r.CountStatements();
    EXPECT_EQ(*count, 15);
    EXPECT_TRUE(r.History("old1")->empty());
    return absl::OkStatus();
  }));
  // And it takes writes again.
  ASSERT_OK(Put(*store, {MakeDoc("after-crash", 1, 16)}));
  EXPECT_EQ(Ids(*store).size(), 4u);
}

// Forks `count` children that wait on a pipe, releases them together, and
// returns their exit statuses.
std::vector<int> RunChildrenTogether(int count,
                                     const std::function<int(int)>& body) {
  int gate[2];
  EXPECT_EQ(pipe(gate), 0);
  std::vector<pid_t> children;
  for (int c = 0; c < count; ++c) {
    const pid_t pid = fork();
    if (pid == 0) {
      close(gate[1]);
      char byte;
      (void)!read(gate[0], &byte, 1);  // returns 0 when the parent closes
      _exit(body(c));
    }
    children.push_back(pid);
  }
  close(gate[0]);
  close(gate[1]);  // go
  std::vector<int> statuses;
  for (pid_t pid : children) {
    int wstatus = 0;
    waitpid(pid, &wstatus, 0);
    statuses.push_back(WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : 100 + WTERMSIG(wstatus));
  }
  return statuses;
}

// Each child adds 50 documents, one Write() each.
int AddFifty(const std::string& path, int child) {
  absl::StatusOr<std::unique_ptr<CorpusStore>> store =
      CorpusStore::Open(path, {});
  if (!store.ok()) {
    fprintf(stderr, "child %d: %s\n", child, store.status().ToString().c_str());
    return 2;
  }
  for (int i = 0; i < 50; ++i) {
    const absl::Status status =
        (*store)->Write([&](StoreWriter& w) -> absl::Status {
          return w.PutDocument(MakeDoc(absl::StrCat("p", child, "-", i), 4, 8))
              .status();
        });
    if (!status.ok()) return 3;
  }
  return 0;
}

TEST(CorpusStoreProcesses, ConcurrentWritersAllLand) {
  const std::string path = TempPath("concurrent");
  { ASSERT_NE(OpenOrDie(path), nullptr); }
  EXPECT_THAT(RunChildrenTogether(2, [&](int c) { return AddFifty(path, c); }),
              ElementsAre(0, 0));
  auto store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(Ids(*store).size(), 100u);
  EXPECT_EQ(QueryRaw(path, "SELECT COUNT(*) FROM statements"), "400");
  EXPECT_EQ(QueryRaw(path, "PRAGMA integrity_check"), "ok");
  ASSERT_OK(store->CheckIntegrity());
}

TEST(CorpusStoreProcesses, ConcurrentCreationOfANewFile) {
  const std::string path = TempPath("create-race");
  EXPECT_THAT(RunChildrenTogether(3, [&](int c) { return AddFifty(path, c); }),
              ElementsAre(0, 0, 0));
  auto store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(Ids(*store).size(), 150u);
  EXPECT_EQ(QueryRaw(path, "SELECT value FROM meta WHERE key = 'created_schema'"),
            "2");
  ASSERT_OK(store->CheckIntegrity());
}

}  // namespace
}  // namespace factdiff
