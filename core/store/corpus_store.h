// The corpus store: a SQLite file that keeps articles, their extracted
// statements, one vector per statement and the embedding model those
// vectors live in, so `factdiff check --corpus PATH` compares new articles
// with stored ones without extracting or embedding the stored ones again.
// Pure persistence: nothing here extracts or embeds.
//
//   FACTDIFF_ASSIGN_OR_RETURN(std::unique_ptr<CorpusStore> store,
//                             CorpusStore::Open("newsroom.db", {}));
//   FACTDIFF_RETURN_IF_ERROR(store->Write([&](StoreWriter& w) -> absl::Status {
//     FACTDIFF_ASSIGN_OR_RETURN(auto result, w.PutDocument(stored));
//     return w.SetModel(model);
//   }));
//   std::vector<StoredDocument> all;
//   FACTDIFF_RETURN_IF_ERROR(store->Read([&](StoreReader& r) -> absl::Status {
//     FACTDIFF_ASSIGN_OR_RETURN(all, r.LoadAll());
//     return absl::OkStatus();
//   }));
//
// On disk: PATH plus, while open, PATH-wal and PATH-shm (SQLite's
// write-ahead log; they belong with PATH and must not be deleted while any
// process has the store open). The schema version is `PRAGMA user_version`
// (kCorpusSchemaVersion); older files are migrated in place when opened,
// newer ones are refused. Tables (schema 2):
//   meta(key, value)                      created_at, migrated_from_N
//   model(id = 1, kind, dims, blob, fitted_statements, updated_at)
//   documents(id PRIMARY KEY, title, source, url, published, path,
//             text_line, text, added_at, text_hash, revision, updated_at)
//   statements(document_id -> documents ON DELETE CASCADE, idx,
//              statement_id UNIQUE, statement BLOB, vector BLOB)
//       `statement`: the binary v1.Statement without its `embedding`;
//       `vector`: the embedding as float32 little-endian, NULL when empty.
//   history(document_id, revision, changed_at, old_text_hash, new_text_hash)
// Schema 1 (the first layout) had no text_hash, revision, updated_at,
// history table or statement-id index; Open() migrates it.
//
// Transactions: every access goes through Write() (BEGIN IMMEDIATE: one
// writer at a time across processes, others wait up to busy_timeout) or
// Read() (a consistent snapshot; in WAL mode readers neither block the
// writer nor wait for it). A failure anywhere inside Write() (the callback's
// error, a SQLite error, a crash or kill of the process) leaves the file as
// it was before the Write().
#ifndef FACTDIFF_CORE_STORE_CORPUS_STORE_H_
#define FACTDIFF_CORE_STORE_CORPUS_STORE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "absl/types/optional.h"
#include "proto/document.pb.h"
#include "proto/extraction.pb.h"

namespace factdiff {

// The schema version this build writes and reads (PRAGMA user_version).
inline constexpr int kCorpusSchemaVersion = 2;

// The store's text hash: 64-bit FNV-1a over the bytes of `text`. Fixed
// forever (it is written to disk and compared across processes and
// builds), unlike absl::Hash. Pure function; thread-safe.
uint64_t TextHash(absl::string_view text);

// One stored article.
struct StoredDocument {
  // Text and metadata: id, title, source, url, published, path, text_line.
  v1::Document document;
  // Its extracted statements, in the order they were put (the extractor's
  // sentence-index order). Each statement's `embedding` holds its vector
  // in the space of the stored model; it may be empty.
  std::vector<v1::Statement> statements;
};

// The embedding model the stored vectors were computed with.
struct EmbeddingModel {
  std::string kind;  // "tfidf-svd"
  int dims = 0;
  // Opaque serialized model (can be 100+ MB; SQLite's limit for one value
  // is 1,000,000,000 bytes).
  std::string blob;
  // How many statements it was fitted on.
  int64_t fitted_statements = 0;
};

// One recorded update of a stored document (PutDocument() returning
// kUpdated).
struct DocumentRevision {
  std::string id;
  // The revision the update created: 2 for the first update (a document is
  // at revision 1 when first added).
  int64_t revision = 0;
  // When, RFC 3339 UTC: "2024-10-12T08:30:00Z".
  std::string changed_at;
  // TextHash() of the text before and after (equal when only metadata
  // changed).
  uint64_t old_text_hash = 0;
  uint64_t new_text_hash = 0;
};

namespace store_internal {
class Connection;
}  // namespace store_internal

// Read access inside one transaction of CorpusStore::Read() or Write(): every
// call sees the same snapshot (plus, in Write(), the writer's own changes).
// Only valid inside the callback it was passed to; never keep it.
class StoreReader {
 public:
  StoreReader(const StoreReader&) = delete;
  StoreReader& operator=(const StoreReader&) = delete;

  // The document with this id, with its statements and vectors; nullopt
  // when none is stored. DataLoss (naming the id) for a row that does not
  // parse.
  absl::StatusOr<absl::optional<StoredDocument>> FindDocument(
      const std::string& id);

  // Every stored document in id order (byte order), each with its
  // statements and vectors. Two sequential scans; linear in the store's
  // size. DataLoss (naming the document id) for a row that does not parse.
  absl::StatusOr<std::vector<StoredDocument>> LoadAll();

  // Every stored document id, in id order.
  absl::StatusOr<std::vector<std::string>> ListIds();

  // The stored model; nullopt when none was set.
  absl::StatusOr<absl::optional<EmbeddingModel>> LoadModel();

  // Number of stored documents / statements.
  absl::StatusOr<int64_t> CountDocuments();
  absl::StatusOr<int64_t> CountStatements();

  // The updates recorded for `id`, oldest first; empty when the document
  // was never updated or is not stored.
  absl::StatusOr<std::vector<DocumentRevision>> History(const std::string& id);

 protected:
  explicit StoreReader(store_internal::Connection* connection)
      : connection_(connection) {}
  store_internal::Connection* connection_;  // not owned

 private:
  friend class CorpusStore;
};

// Write access inside CorpusStore::Write(). Each method is atomic on its own
// (a failed call changes nothing), and the whole Write() commits or rolls
// back as one.
class StoreWriter : public StoreReader {
 public:
  enum class PutResult {
    kAdded,      // no document with this id was stored
    kUpdated,    // text or metadata differed: replaced, a history row added
    kUnchanged,  // same text and metadata: nothing written (statements and
                 // vectors in `doc` are ignored)
  };

  // Inserts `doc`, or replaces the stored document with its id (the stored
  // statements and vectors are replaced by doc.statements). Metadata
  // compared: title, source, url, published, path, text_line.
  // InvalidArgument: empty id, or a statement whose document_id is neither
  // empty nor doc.document.id(). AlreadyExists: a statement id that another
  // stored document already holds. Statements with an empty id are stored
  // but cannot be reached by SetVectors().
  absl::StatusOr<PutResult> PutDocument(const StoredDocument& doc);

  // Replaces the vectors of stored statements, by statement id (after a
  // refit re-embeds everything); an empty vector clears one. All or
  // nothing: NotFound (naming it) for an id that is not stored.
  absl::Status SetVectors(
      const std::vector<std::pair<std::string, std::vector<float>>>& vectors);

  // Stores `model`, replacing any stored one. InvalidArgument for an empty
  // kind or dims < 0.
  absl::Status SetModel(const EmbeddingModel& model);

 private:
  friend class CorpusStore;
  explicit StoreWriter(store_internal::Connection* connection)
      : StoreReader(connection) {}
};

// An open corpus file. Not thread-safe: one CorpusStore must be used by one
// thread at a time (callers that share one, like the gRPC service, hold a
// mutex around it; the SQLite connection is opened SQLITE_OPEN_FULLMUTEX
// anyway). Any number of processes, and any number of CorpusStore objects
// in one process, may open the same file at once.
class CorpusStore {
 public:
  struct Options {
    // Create the file (and the schema) when it does not exist. When false,
    // a missing file is NotFound.
    bool create_if_missing = true;
    // How long Write() (and opening a file that needs creating or
    // migrating) waits for another process's write transaction before
    // giving up with Unavailable.
    absl::Duration busy_timeout = absl::Seconds(60);
  };

  // Opens PATH, creating it or migrating an older schema as needed. Errors
  // name the path: InvalidArgument for a file that is not a SQLite database
  // (e.g. a text file) or a SQLite database that is not a factdiff corpus;
  // FailedPrecondition for a file "was written by a newer factdiff (schema
  // N); this build reads schema M"; NotFound for a missing file with
  // create_if_missing = false; PermissionDenied / FailedPrecondition when it
  // cannot be created or opened. Such files are left untouched.
  static absl::StatusOr<std::unique_ptr<CorpusStore>> Open(
      const std::string& path, const Options& options);

  ~CorpusStore();
  CorpusStore(const CorpusStore&) = delete;
  CorpusStore& operator=(const CorpusStore&) = delete;

  // Runs `fn` in one write transaction (BEGIN IMMEDIATE): commits when it
  // returns OK, rolls back otherwise and returns its error. Waits up to
  // busy_timeout for another writer, then returns Unavailable ("... is
  // locked by another writer ..."). FailedPrecondition when called inside
  // another Write() or Read() of this store.
  absl::Status Write(absl::FunctionRef<absl::Status(StoreWriter&)> fn);

  // Runs `fn` in one read transaction: all its reads see one snapshot.
  // Returns fn's status.
  absl::Status Read(absl::FunctionRef<absl::Status(StoreReader&)> fn);

  // Runs SQLite's `PRAGMA integrity_check` and `PRAGMA foreign_key_check`:
  // OK, or DataLoss listing the first problems.
  absl::Status CheckIntegrity();

  const std::string& path() const;

 private:
  explicit CorpusStore(std::unique_ptr<store_internal::Connection> connection);

  std::unique_ptr<store_internal::Connection> connection_;
};

}  // namespace factdiff

#endif  // FACTDIFF_CORE_STORE_CORPUS_STORE_H_
