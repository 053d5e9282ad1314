#include "core/store/corpus_store.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "core/base/status_macros.h"
#include "sqlite3.h"

namespace factdiff {

uint64_t TextHash(absl::string_view text) {
  uint64_t hash = 14695981039346656037ull;  // FNV-1a 64-bit offset basis
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;  // FNV-1a 64-bit prime
  }
  return hash;
}

namespace {

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
constexpr bool kLittleEndian = true;
#else
constexpr bool kLittleEndian = false;
#endif

// ---------------------------------------------------------------- schema

// Schema 1, the first layout (the tests build such files):
//   meta and model as in schema 2;
//   documents (id TEXT PRIMARY KEY, title, source, url, published, path,
//              text_line, text, added_at);
//   statements as in schema 2 but without the statements_by_id index;
//   no history table.
// Schema 2 = schema 1 + documents.text_hash/revision/updated_at, the
// history table and the unique statement-id index. Must produce what
// kMigrateV1ToV2 produces from kSchemaV1.
constexpr char kSchemaV2[] = R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
CREATE TABLE model (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  kind TEXT NOT NULL,
  dims INTEGER NOT NULL,
  blob BLOB NOT NULL,
  fitted_statements INTEGER NOT NULL,
  updated_at TEXT NOT NULL);
CREATE TABLE documents (
  id TEXT PRIMARY KEY NOT NULL,
  title TEXT NOT NULL,
  source TEXT NOT NULL,
  url TEXT NOT NULL,
  published TEXT NOT NULL,
  path TEXT NOT NULL,
  text_line INTEGER NOT NULL,
  text TEXT NOT NULL,
  added_at TEXT NOT NULL,
  text_hash INTEGER NOT NULL DEFAULT 0,
  revision INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL DEFAULT '');
CREATE TABLE statements (
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  statement_id TEXT,
  statement BLOB NOT NULL,
  vector BLOB,
  PRIMARY KEY (document_id, idx));
CREATE UNIQUE INDEX statements_by_id ON statements (statement_id);
CREATE TABLE history (
  document_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  changed_at TEXT NOT NULL,
  old_text_hash INTEGER NOT NULL,
  new_text_hash INTEGER NOT NULL,
  PRIMARY KEY (document_id, revision));
PRAGMA user_version = 2;
)sql";

// factdiff_text_hash() is TextHash(), registered on every connection.
constexpr char kMigrateV1ToV2[] = R"sql(
ALTER TABLE documents ADD COLUMN text_hash INTEGER NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE documents ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
UPDATE documents SET text_hash = factdiff_text_hash(text),
                     updated_at = added_at;
CREATE UNIQUE INDEX statements_by_id ON statements (statement_id);
CREATE TABLE history (
  document_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  changed_at TEXT NOT NULL,
  old_text_hash INTEGER NOT NULL,
  new_text_hash INTEGER NOT NULL,
  PRIMARY KEY (document_id, revision));
PRAGMA user_version = 2;
)sql";

static_assert(kCorpusSchemaVersion == 2,
              "add a migration and a kSchemaVN for the new version");

// ---------------------------------------------------------------- queries

constexpr char kSelectDocument[] =
    "SELECT title, source, url, published, path, text_line, text, text_hash,"
    " revision FROM documents WHERE id = ?1";
constexpr char kSelectStatementsOfDocument[] =
    "SELECT idx, statement, vector FROM statements WHERE document_id = ?1"
    " ORDER BY idx";
constexpr char kSelectAllDocuments[] =
    "SELECT id, title, source, url, published, path, text_line, text"
    " FROM documents ORDER BY id";
// Rowid order: the physical order, one sequential scan. A document's rows
// are inserted together in idx order, so they come out grouped and sorted
// (LoadAll checks, and re-reads a document whose rows are not).
constexpr char kSelectAllStatements[] =
    "SELECT document_id, idx, statement, vector FROM statements";
constexpr char kSelectIds[] = "SELECT id FROM documents ORDER BY id";
constexpr char kCountDocuments[] = "SELECT COUNT(*) FROM documents";
constexpr char kCountStatements[] = "SELECT COUNT(*) FROM statements";
constexpr char kSelectModel[] =
    "SELECT kind, dims, fitted_statements, length(blob) FROM model"
    " WHERE id = 1";
constexpr char kSelectHistory[] =
    "SELECT revision, changed_at, old_text_hash, new_text_hash FROM history"
    " WHERE document_id = ?1 ORDER BY revision";
constexpr char kInsertDocument[] =
    "INSERT INTO documents (id, title, source, url, published, path,"
    " text_line, text, text_hash, revision, added_at, updated_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 1, ?10, ?10)";
constexpr char kUpdateDocument[] =
    "UPDATE documents SET title = ?2, source = ?3, url = ?4, published = ?5,"
    " path = ?6, text_line = ?7, text = ?8, text_hash = ?9, revision = ?10,"
    " updated_at = ?11 WHERE id = ?1";
constexpr char kInsertHistory[] =
    "INSERT INTO history (document_id, revision, changed_at, old_text_hash,"
    " new_text_hash) VALUES (?1, ?2, ?3, ?4, ?5)";
constexpr char kDeleteStatements[] =
    "DELETE FROM statements WHERE document_id = ?1";
constexpr char kInsertStatement[] =
    "INSERT INTO statements (document_id, idx, statement_id, statement,"
    " vector) VALUES (?1, ?2, ?3, ?4, ?5)";
constexpr char kSelectStatementHolder[] =
    "SELECT document_id FROM statements WHERE statement_id = ?1";
constexpr char kUpdateVector[] =
    "UPDATE statements SET vector = ?2 WHERE statement_id = ?1";
constexpr char kReplaceModel[] =
    "INSERT OR REPLACE INTO model (id, kind, dims, blob, fitted_statements,"
    " updated_at) VALUES (1, ?1, ?2, ?3, ?4, ?5)";

std::string NowRfc3339() {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", absl::Now(),
                          absl::UTCTimeZone());
}

void TextHashFunction(sqlite3_context* context, int argc,
                      sqlite3_value** argv) {
  const unsigned char* text = sqlite3_value_text(argv[0]);
  const int size = sqlite3_value_bytes(argv[0]);
  const uint64_t hash = TextHash(absl::string_view(
      text == nullptr ? "" : reinterpret_cast<const char*>(text),
      text == nullptr ? 0 : static_cast<size_t>(size)));
  sqlite3_result_int64(context, static_cast<sqlite3_int64>(hash));
}

}  // namespace

namespace store_internal {

// The SQLite connection of one CorpusStore, with its prepared statements.
class Connection {
 public:
  Connection(sqlite3* db, std::string path, absl::Duration busy_timeout)
      : db_(db), path_(std::move(path)), busy_timeout_(busy_timeout) {}

  ~Connection() {
    for (auto& entry : statements_) sqlite3_finalize(entry.second);
    sqlite3_close_v2(db_);
  }

  sqlite3* db() const { return db_; }
  const std::string& path() const { return path_; }
  absl::Duration busy_timeout() const { return busy_timeout_; }
  bool in_transaction = false;

  // The status for SQLite result code `rc`, naming the path, what was
  // being done, and SQLite's message.
  absl::Status Error(int rc, absl::string_view what) const {
    const std::string message =
        absl::StrCat("corpus '", path_, "': ", what, ": ", sqlite3_errmsg(db_),
                     " (", sqlite3_errstr(rc), ")");
    switch (rc & 0xff) {
      case SQLITE_BUSY:
      case SQLITE_LOCKED:
        return absl::UnavailableError(message);
      case SQLITE_CORRUPT:
      case SQLITE_NOTADB:
        return absl::DataLossError(message);
      case SQLITE_FULL:
      case SQLITE_NOMEM:
        return absl::ResourceExhaustedError(message);
      case SQLITE_TOOBIG:
      case SQLITE_RANGE:
        return absl::InvalidArgumentError(message);
      case SQLITE_READONLY:
      case SQLITE_PERM:
      case SQLITE_AUTH:
        return absl::PermissionDeniedError(message);
      case SQLITE_CONSTRAINT:
      case SQLITE_CANTOPEN:
        return absl::FailedPreconditionError(message);
      default:
        return absl::InternalError(message);
    }
  }

  // Runs one or more statements that return no rows the caller needs.
  absl::Status Exec(const char* sql, absl::string_view what) {
    const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) return Error(rc, what);
    return absl::OkStatus();
  }

  // The prepared statement for `sql`, compiled on first use. `sql` must be
  // one of the constants above (the cache is keyed by address).
  absl::StatusOr<sqlite3_stmt*> Prepare(const char* sql) {
    auto it = statements_.find(sql);
    if (it != statements_.end()) return it->second;
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT,
                                      &stmt, nullptr);
    if (rc != SQLITE_OK) {
      sqlite3_finalize(stmt);
      return Error(rc, absl::StrCat("preparing \"", sql, "\""));
    }
    statements_.emplace(sql, stmt);
    return stmt;
  }

 private:
  sqlite3* const db_;
  const std::string path_;
  const absl::Duration busy_timeout_;
  absl::flat_hash_map<const char*, sqlite3_stmt*> statements_;
};

}  // namespace store_internal

namespace {

using store_internal::Connection;

// One use of a cached prepared statement: binds (the bound memory must
// outlive the last Step()), steps, reads columns, and resets the statement
// when destroyed so that no statement stays active across COMMIT.
class Query {
 public:
  static absl::StatusOr<Query> Make(Connection* connection, const char* sql) {
    FACTDIFF_ASSIGN_OR_RETURN(sqlite3_stmt * stmt, connection->Prepare(sql));
    return Query(connection, stmt);
  }
  Query(Query&& other)
      : connection_(other.connection_),
        stmt_(std::exchange(other.stmt_, nullptr)),
        bind_rc_(other.bind_rc_) {}
  Query& operator=(Query&&) = delete;
  ~Query() {
    if (stmt_ != nullptr) {
      sqlite3_reset(stmt_);
      sqlite3_clear_bindings(stmt_);
    }
  }

  void BindInt(int i, int64_t v) { Check(sqlite3_bind_int64(stmt_, i, v)); }
  void BindText(int i, absl::string_view v) {
    // A null data pointer would bind NULL; an empty text is "".
    Check(sqlite3_bind_text64(stmt_, i, v.data() == nullptr ? "" : v.data(),
                              v.size(), SQLITE_STATIC, SQLITE_UTF8));
  }
  void BindBlob(int i, const void* data, size_t size) {
    if (size == 0) {
      Check(sqlite3_bind_zeroblob(stmt_, i, 0));
    } else {
      Check(sqlite3_bind_blob64(stmt_, i, data, size, SQLITE_STATIC));
    }
  }
  void BindNull(int i) { Check(sqlite3_bind_null(stmt_, i)); }

  // True when a row is ready, false when done.
  absl::StatusOr<bool> Step() {
    if (bind_rc_ != SQLITE_OK) {
      return connection_->Error(bind_rc_, "binding a value");
    }
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return connection_->Error(rc, absl::StrCat("running \"",
                                               sqlite3_sql(stmt_), "\""));
  }
  // Steps a statement that returns no rows.
  absl::Status Run() { return Step().status(); }

  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  bool IsNull(int col) const {
    return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
  }
  // Valid until the next Step() or the end of the Query.
  absl::string_view Text(int col) const {
    const unsigned char* p = sqlite3_column_text(stmt_, col);
    const int n = sqlite3_column_bytes(stmt_, col);
    if (p == nullptr) return absl::string_view();
    return absl::string_view(reinterpret_cast<const char*>(p), n);
  }
  absl::string_view Blob(int col) const {
    const void* p = sqlite3_column_blob(stmt_, col);
    const int n = sqlite3_column_bytes(stmt_, col);
    if (p == nullptr) return absl::string_view();
    return absl::string_view(static_cast<const char*>(p), n);
  }

 private:
  Query(Connection* connection, sqlite3_stmt* stmt)
      : connection_(connection), stmt_(stmt) {}
  void Check(int rc) {
    if (rc != SQLITE_OK && bind_rc_ == SQLITE_OK) bind_rc_ = rc;
  }

  Connection* connection_;
  sqlite3_stmt* stmt_;
  int bind_rc_ = SQLITE_OK;
};

// A SAVEPOINT that rolls back unless Release()d: makes one writer call
// atomic inside the enclosing transaction.
class Savepoint {
 public:
  explicit Savepoint(Connection* connection) : connection_(connection) {}
  absl::Status Begin() {
    FACTDIFF_RETURN_IF_ERROR(
        connection_->Exec("SAVEPOINT factdiff_call", "starting a savepoint"));
    active_ = true;
    return absl::OkStatus();
  }
  absl::Status Release() {
    active_ = false;
    return connection_->Exec("RELEASE factdiff_call", "releasing a savepoint");
  }
  ~Savepoint() {
    if (active_ && !sqlite3_get_autocommit(connection_->db())) {
      sqlite3_exec(connection_->db(),
                   "ROLLBACK TO factdiff_call; RELEASE factdiff_call", nullptr,
                   nullptr, nullptr);
    }
  }

 private:
  Connection* connection_;
  bool active_ = false;
};

// Binds `vector` as float32 little-endian, or NULL when empty. `scratch`
// holds the bytes on big-endian hosts and must outlive the step.
template <typename Floats>
void BindVector(Query& query, int i, const Floats& vector,
                std::string* scratch) {
  const size_t bytes = static_cast<size_t>(vector.size()) * sizeof(float);
  if (vector.size() == 0) {
    query.BindNull(i);
  } else if (kLittleEndian) {
    query.BindBlob(i, vector.data(), bytes);
  } else {
    scratch->resize(bytes);
    for (int k = 0; k < static_cast<int>(vector.size()); ++k) {
      uint32_t u;
      std::memcpy(&u, &vector.data()[k], 4);
      for (int b = 0; b < 4; ++b) (*scratch)[4 * k + b] = (u >> (8 * b)) & 0xff;
    }
    query.BindBlob(i, scratch->data(), bytes);
  }
}

// Fills `statement` from a stored row: the binary proto and the vector.
absl::Status ParseStatementRow(const std::string& path,
                               absl::string_view document_id, int64_t idx,
                               absl::string_view blob, bool vector_is_null,
                               absl::string_view vector,
                               v1::Statement* statement) {
  if (!statement->ParseFromArray(blob.data(), static_cast<int>(blob.size()))) {
    return absl::DataLossError(absl::StrCat(
        "corpus '", path, "': statement ", idx, " of document '", document_id,
        "' is damaged (its stored proto does not parse)"));
  }
  statement->clear_embedding();
  if (vector_is_null) return absl::OkStatus();
  if (vector.size() % sizeof(float) != 0) {
    return absl::DataLossError(absl::StrCat(
        "corpus '", path, "': the vector of statement ", idx, " of document '",
        document_id, "' is damaged (", vector.size(),
        " bytes, not a multiple of 4)"));
  }
  const int n = static_cast<int>(vector.size() / sizeof(float));
  statement->mutable_embedding()->Resize(n, 0.0f);
  float* out = statement->mutable_embedding()->mutable_data();
  if (kLittleEndian) {
    std::memcpy(out, vector.data(), vector.size());
  } else {
    const unsigned char* p = reinterpret_cast<const unsigned char*>(vector.data());
    for (int k = 0; k < n; ++k) {
      const uint32_t u = uint32_t{p[4 * k]} | uint32_t{p[4 * k + 1]} << 8 |
                         uint32_t{p[4 * k + 2]} << 16 |
                         uint32_t{p[4 * k + 3]} << 24;
      std::memcpy(&out[k], &u, 4);
    }
  }
  return absl::OkStatus();
}

// The statements of one document, in idx order.
absl::Status LoadStatementsOf(Connection* connection,
                              const std::string& document_id,
                              std::vector<v1::Statement>* statements) {
  statements->clear();
  FACTDIFF_ASSIGN_OR_RETURN(
      Query query, Query::Make(connection, kSelectStatementsOfDocument));
  query.BindText(1, document_id);
  while (true) {
    FACTDIFF_ASSIGN_OR_RETURN(bool row, query.Step());
    if (!row) break;
    statements->emplace_back();
    FACTDIFF_RETURN_IF_ERROR(ParseStatementRow(
        connection->path(), document_id, query.Int(0), query.Blob(1),
        query.IsNull(2), query.Blob(2), &statements->back()));
  }
  return absl::OkStatus();
}

absl::StatusOr<int64_t> CountRows(Connection* connection, const char* sql) {
  FACTDIFF_ASSIGN_OR_RETURN(Query query, Query::Make(connection, sql));
  FACTDIFF_ASSIGN_OR_RETURN(bool row, query.Step());
  if (!row) return absl::InternalError("COUNT(*) returned no row");
  return query.Int(0);
}

// PRAGMA user_version; InvalidArgument for a file that is not SQLite.
absl::StatusOr<int> ReadUserVersion(Connection* connection) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(connection->db(), "PRAGMA user_version", -1,
                              &stmt, nullptr);
  int version = 0;
  if (rc == SQLITE_OK) {
    rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
      version = sqlite3_column_int(stmt, 0);
      rc = SQLITE_OK;
    }
  }
  sqlite3_finalize(stmt);
  if ((rc & 0xff) == SQLITE_NOTADB) {
    return absl::InvalidArgumentError(
        absl::StrCat("corpus '", connection->path(),
                     "' is not a SQLite database (not a factdiff corpus)"));
  }
  if (rc != SQLITE_OK) {
    return connection->Error(rc, "reading the schema version");
  }
  return version;
}

absl::Status CheckNotNewer(const Connection& connection, int version) {
  if (version > kCorpusSchemaVersion) {
    return absl::FailedPreconditionError(absl::StrCat(
        "corpus '", connection.path(), "' was written by a newer factdiff (schema ",
        version, "); this build reads schema ", kCorpusSchemaVersion));
  }
  return absl::OkStatus();
}

// A version-0 file must be empty of tables: a new file.
absl::Status CheckNewFile(Connection* connection) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(connection->db(),
                              "SELECT COUNT(*) FROM sqlite_master", -1, &stmt,
                              nullptr);
  int64_t objects = 0;
  if (rc == SQLITE_OK) {
    rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
      objects = sqlite3_column_int64(stmt, 0);
      rc = SQLITE_OK;
    }
  }
  sqlite3_finalize(stmt);
  if (rc != SQLITE_OK) return connection->Error(rc, "reading the schema");
  if (objects != 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        "corpus '", connection->path(),
        "' is a SQLite database but not a factdiff corpus (it has tables and "
        "no factdiff schema version)"));
  }
  return absl::OkStatus();
}

absl::Status PutMeta(Connection* connection, absl::string_view key,
                     absl::string_view value) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(connection->db(),
                              "INSERT OR REPLACE INTO meta (key, value)"
                              " VALUES (?1, ?2)",
                              -1, &stmt, nullptr);
  if (rc == SQLITE_OK) {
    sqlite3_bind_text(stmt, 1, key.data(), key.size(), SQLITE_STATIC);
    sqlite3_bind_text(stmt, 2, value.data(), value.size(), SQLITE_STATIC);
    rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) rc = SQLITE_OK;
  }
  sqlite3_finalize(stmt);
  if (rc != SQLITE_OK) return connection->Error(rc, "writing meta");
  return absl::OkStatus();
}

// The schema version, read with the emptiness check in one snapshot (a
// concurrent creator commits both at once). Refuses foreign and newer files.
absl::StatusOr<int> InspectFile(Connection* connection) {
  FACTDIFF_RETURN_IF_ERROR(connection->Exec("BEGIN", "starting a read"));
  absl::StatusOr<int> version = ReadUserVersion(connection);
  if (version.ok()) {
    absl::Status status = CheckNotNewer(*connection, *version);
    if (status.ok() && *version == 0) status = CheckNewFile(connection);
    if (!status.ok()) version = status;
  }
  if (!sqlite3_get_autocommit(connection->db())) {
    sqlite3_exec(connection->db(), "ROLLBACK", nullptr, nullptr, nullptr);
  }
  return version;
}

// Switches the file to WAL mode. That takes an exclusive lock for a moment,
// and SQLite returns SQLITE_BUSY at once, without its busy handler, when
// another connection holds a lock (two processes creating one file): retry
// until the busy timeout.
absl::Status EnableWal(Connection* connection) {
  const absl::Time deadline = absl::Now() + connection->busy_timeout();
  while (true) {
    const int rc = sqlite3_exec(connection->db(), "PRAGMA journal_mode = WAL",
                                nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK) return absl::OkStatus();
    if ((rc & 0xff) != SQLITE_BUSY || absl::Now() >= deadline) {
      return connection->Error(rc, "switching to WAL mode");
    }
    absl::SleepFor(absl::Milliseconds(2));
  }
}

// Creates or migrates the schema in one write transaction. The version is
// read again inside it: another process may have done the work meanwhile.
absl::Status UpgradeSchema(Connection* connection) {
  const int rc = sqlite3_exec(connection->db(), "BEGIN IMMEDIATE", nullptr,
                              nullptr, nullptr);
  if ((rc & 0xff) == SQLITE_BUSY) {
    return absl::UnavailableError(absl::StrCat(
        "corpus '", connection->path(),
        "' is locked by another writer; gave up after ",
        absl::FormatDuration(connection->busy_timeout()),
        " (busy timeout) while creating or migrating its schema"));
  }
  if (rc != SQLITE_OK) return connection->Error(rc, "starting a transaction");
  absl::Status status = [&]() -> absl::Status {
    FACTDIFF_ASSIGN_OR_RETURN(int version, ReadUserVersion(connection));
    FACTDIFF_RETURN_IF_ERROR(CheckNotNewer(*connection, version));
    const std::string now = NowRfc3339();
    switch (version) {
      case 0:
        FACTDIFF_RETURN_IF_ERROR(CheckNewFile(connection));
        FACTDIFF_RETURN_IF_ERROR(
            connection->Exec(kSchemaV2, "creating the schema"));
        FACTDIFF_RETURN_IF_ERROR(PutMeta(connection, "created_at", now));
        return PutMeta(connection, "created_schema",
                       absl::StrCat(kCorpusSchemaVersion));
      case 1:
        FACTDIFF_RETURN_IF_ERROR(connection->Exec(
            kMigrateV1ToV2, "migrating schema 1 to schema 2"));
        return PutMeta(connection, "migrated_from_1", now);
      default:
        return absl::OkStatus();
    }
  }();
  if (status.ok()) {
    status = connection->Exec("COMMIT", "committing the schema");
  }
  if (!status.ok() && !sqlite3_get_autocommit(connection->db())) {
    sqlite3_exec(connection->db(), "ROLLBACK", nullptr, nullptr, nullptr);
  }
  return status;
}

}  // namespace

// ---------------------------------------------------------------- reader

absl::StatusOr<absl::optional<StoredDocument>> StoreReader::FindDocument(
    const std::string& id) {
  StoredDocument stored;
  {
    FACTDIFF_ASSIGN_OR_RETURN(Query query,
                              Query::Make(connection_, kSelectDocument));
    query.BindText(1, id);
    FACTDIFF_ASSIGN_OR_RETURN(bool row, query.Step());
    if (!row) return absl::optional<StoredDocument>();
    v1::Document& d = stored.document;
    d.set_id(id);
    d.set_title(std::string(query.Text(0)));
    d.set_source(std::string(query.Text(1)));
    d.set_url(std::string(query.Text(2)));
    d.set_published(std::string(query.Text(3)));
    d.set_path(std::string(query.Text(4)));
    d.set_text_line(static_cast<uint32_t>(query.Int(5)));
    d.set_text(std::string(query.Text(6)));
  }
  FACTDIFF_RETURN_IF_ERROR(
      LoadStatementsOf(connection_, id, &stored.statements));
  return absl::optional<StoredDocument>(std::move(stored));
}

absl::StatusOr<std::vector<StoredDocument>> StoreReader::LoadAll() {
  std::vector<StoredDocument> documents;
  FACTDIFF_ASSIGN_OR_RETURN(int64_t count, CountDocuments());
  documents.reserve(count);
  absl::flat_hash_map<std::string, size_t> index;
  index.reserve(count);
  {
    FACTDIFF_ASSIGN_OR_RETURN(Query query,
                              Query::Make(connection_, kSelectAllDocuments));
    while (true) {
      FACTDIFF_ASSIGN_OR_RETURN(bool row, query.Step());
      if (!row) break;
      documents.emplace_back();
      v1::Document& d = documents.back().document;
      d.set_id(std::string(query.Text(0)));
      d.set_title(std::string(query.Text(1)));
      d.set_source(std::string(query.Text(2)));
      d.set_url(std::string(query.Text(3)));
      d.set_published(std::string(query.Text(4)));
      d.set_path(std::string(query.Text(5)));
      d.set_text_line(static_cast<uint32_t>(query.Int(6)));
      d.set_text(std::string(query.Text(7)));
      index.emplace(d.id(), documents.size() - 1);
    }
  }
  // One pass over the statements in physical order. Rows of one document
  // are consecutive, so the hash lookup runs once per document.
  std::vector<int64_t> last_idx(documents.size(), -1);
  std::vector<bool> unsorted(documents.size(), false);
  {
    FACTDIFF_ASSIGN_OR_RETURN(Query query,
                              Query::Make(connection_, kSelectAllStatements));
    size_t current = documents.size();  // none yet
    while (true) {
      FACTDIFF_ASSIGN_OR_RETURN(bool row, query.Step());
      if (!row) break;
      const absl::string_view document_id = query.Text(0);
      if (current == documents.size() ||
          documents[current].document.id() != document_id) {
        auto it = index.find(document_id);
        if (it == index.end()) {
          return absl::DataLossError(absl::StrCat(
              "corpus '", connection_->path(), "': statements of document '",
              document_id, "', which is not stored"));
        }
        current = it->second;
      }
      const int64_t idx = query.Int(1);
      if (idx <= last_idx[current]) unsorted[current] = true;
      last_idx[current] = idx;
      std::vector<v1::Statement>& statements = documents[current].statements;
      statements.emplace_back();
      FACTDIFF_RETURN_IF_ERROR(ParseStatementRow(
          connection_->path(), document_id, idx, query.Blob(2),
          query.IsNull(3), query.Blob(3), &statements.back()));
    }
  }
  for (size_t i = 0; i < documents.size(); ++i) {
    if (unsorted[i]) {
      FACTDIFF_RETURN_IF_ERROR(LoadStatementsOf(
          connection_, documents[i].document.id(), &documents[i].statements));
    }
  }
  return documents;
}

absl::StatusOr<std::vector<std::string>> StoreReader::ListIds() {
  std::vector<std::string> ids;
  FACTDIFF_ASSIGN_OR_RETURN(Query query, Query::Make(connection_, kSelectIds));
  while (true) {
    FACTDIFF_ASSIGN_OR_RETURN(bool row, query.Step());
    if (!row) break;
    ids.emplace_back(query.Text(0));
  }
  return ids;
}

absl::StatusOr<absl::optional<EmbeddingModel>> StoreReader::LoadModel() {
  EmbeddingModel model;
  {
    FACTDIFF_ASSIGN_OR_RETURN(Query query,
                              Query::Make(connection_, kSelectModel));
    FACTDIFF_ASSIGN_OR_RETURN(bool row, query.Step());
    if (!row) return absl::optional<EmbeddingModel>();
    model.kind = std::string(query.Text(0));
    model.dims = static_cast<int>(query.Int(1));
    model.fitted_statements = query.Int(2);
    model.blob.resize(static_cast<size_t>(query.Int(3)));
  }
  // Incremental blob I/O reads the (large) blob straight into the string,
  // without SQLite first assembling its own copy.
  if (!model.blob.empty()) {
    sqlite3_blob* blob = nullptr;
    int rc = sqlite3_blob_open(connection_->db(), "main", "model", "blob", 1,
                               /*flags=*/0, &blob);
    if (rc == SQLITE_OK) {
      if (sqlite3_blob_bytes(blob) != static_cast<int>(model.blob.size())) {
        sqlite3_blob_close(blob);
        return absl::InternalError(absl::StrCat(
            "corpus '", connection_->path(), "': the model changed size"));
      }
      rc = sqlite3_blob_read(blob, &model.blob[0],
                             static_cast<int>(model.blob.size()), 0);
    }
    sqlite3_blob_close(blob);
    if (rc != SQLITE_OK) return connection_->Error(rc, "reading the model");
  }
  return absl::optional<EmbeddingModel>(std::move(model));
}

absl::StatusOr<int64_t> StoreReader::CountDocuments() {
  return CountRows(connection_, kCountDocuments);
}

absl::StatusOr<int64_t> StoreReader::CountStatements() {
  return CountRows(connection_, kCountStatements);
}

absl::StatusOr<std::vector<DocumentRevision>> StoreReader::History(
    const std::string& id) {
  std::vector<DocumentRevision> history;
  FACTDIFF_ASSIGN_OR_RETURN(Query query,
                            Query::Make(connection_, kSelectHistory));
  query.BindText(1, id);
  while (true) {
    FACTDIFF_ASSIGN_OR_RETURN(bool row, query.Step());
    if (!row) break;
    DocumentRevision revision;
    revision.id = id;
    revision.revision = query.Int(0);
    revision.changed_at = std::string(query.Text(1));
    revision.old_text_hash = static_cast<uint64_t>(query.Int(2));
    revision.new_text_hash = static_cast<uint64_t>(query.Int(3));
    history.push_back(std::move(revision));
  }
  return history;
}

// ---------------------------------------------------------------- writer

absl::StatusOr<StoreWriter::PutResult> StoreWriter::PutDocument(
    const StoredDocument& doc) {
  const v1::Document& d = doc.document;
  if (d.id().empty()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "corpus '", connection_->path(), "': a document has an empty id"));
  }
  for (const v1::Statement& s : doc.statements) {
    if (!s.document_id().empty() && s.document_id() != d.id()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "corpus '", connection_->path(), "': statement '", s.id(),
          "' of document '", d.id(), "' names document '", s.document_id(),
          "'"));
    }
  }
  const uint64_t text_hash = TextHash(d.text());
  const std::string now = NowRfc3339();
  Savepoint savepoint(connection_);
  FACTDIFF_RETURN_IF_ERROR(savepoint.Begin());

  PutResult result = PutResult::kAdded;
  {
    FACTDIFF_ASSIGN_OR_RETURN(Query existing,
                              Query::Make(connection_, kSelectDocument));
    existing.BindText(1, d.id());
    FACTDIFF_ASSIGN_OR_RETURN(bool found, existing.Step());
    if (found) {
      const uint64_t old_hash = static_cast<uint64_t>(existing.Int(7));
      const int64_t revision = existing.Int(8) + 1;
      if (existing.Text(0) == d.title() && existing.Text(1) == d.source() &&
          existing.Text(2) == d.url() && existing.Text(3) == d.published() &&
          existing.Text(4) == d.path() &&
          existing.Int(5) == static_cast<int64_t>(d.text_line()) &&
          old_hash == text_hash && existing.Text(6) == d.text()) {
        FACTDIFF_RETURN_IF_ERROR(savepoint.Release());
        return PutResult::kUnchanged;
      }
      result = PutResult::kUpdated;
      FACTDIFF_ASSIGN_OR_RETURN(Query update,
                                Query::Make(connection_, kUpdateDocument));
      update.BindText(1, d.id());
      update.BindText(2, d.title());
      update.BindText(3, d.source());
      update.BindText(4, d.url());
      update.BindText(5, d.published());
      update.BindText(6, d.path());
      update.BindInt(7, d.text_line());
      update.BindText(8, d.text());
      update.BindInt(9, static_cast<int64_t>(text_hash));
      update.BindInt(10, revision);
      update.BindText(11, now);
      FACTDIFF_RETURN_IF_ERROR(update.Run());
      FACTDIFF_ASSIGN_OR_RETURN(Query history,
                                Query::Make(connection_, kInsertHistory));
      history.BindText(1, d.id());
      history.BindInt(2, revision);
      history.BindText(3, now);
      history.BindInt(4, static_cast<int64_t>(old_hash));
      history.BindInt(5, static_cast<int64_t>(text_hash));
      FACTDIFF_RETURN_IF_ERROR(history.Run());
      FACTDIFF_ASSIGN_OR_RETURN(Query remove,
                                Query::Make(connection_, kDeleteStatements));
      remove.BindText(1, d.id());
      FACTDIFF_RETURN_IF_ERROR(remove.Run());
    }
  }
  if (result == PutResult::kAdded) {
    FACTDIFF_ASSIGN_OR_RETURN(Query insert,
                              Query::Make(connection_, kInsertDocument));
    insert.BindText(1, d.id());
    insert.BindText(2, d.title());
    insert.BindText(3, d.source());
    insert.BindText(4, d.url());
    insert.BindText(5, d.published());
    insert.BindText(6, d.path());
    insert.BindInt(7, d.text_line());
    insert.BindText(8, d.text());
    insert.BindInt(9, static_cast<int64_t>(text_hash));
    insert.BindText(10, now);
    FACTDIFF_RETURN_IF_ERROR(insert.Run());
  }

  std::string proto;
  std::string scratch;
  v1::Statement without_vector;
  for (size_t i = 0; i < doc.statements.size(); ++i) {
    const v1::Statement& s = doc.statements[i];
    if (s.embedding_size() == 0) {
      s.SerializeToString(&proto);
    } else {
      without_vector = s;
      without_vector.clear_embedding();
      without_vector.SerializeToString(&proto);
    }
    FACTDIFF_ASSIGN_OR_RETURN(Query insert,
                              Query::Make(connection_, kInsertStatement));
    insert.BindText(1, d.id());
    insert.BindInt(2, static_cast<int64_t>(i));
    if (s.id().empty()) {
      insert.BindNull(3);
    } else {
      insert.BindText(3, s.id());
    }
    insert.BindBlob(4, proto.data(), proto.size());
    BindVector(insert, 5, s.embedding(), &scratch);
    const absl::Status status = insert.Run();
    if (status.ok()) continue;
    if (sqlite3_extended_errcode(connection_->db()) ==
        SQLITE_CONSTRAINT_UNIQUE) {
      std::string holder = "another document";
      FACTDIFF_ASSIGN_OR_RETURN(
          Query who, Query::Make(connection_, kSelectStatementHolder));
      who.BindText(1, s.id());
      FACTDIFF_ASSIGN_OR_RETURN(bool row, who.Step());
      if (row) holder = absl::StrCat("document '", who.Text(0), "'");
      return absl::AlreadyExistsError(absl::StrCat(
          "corpus '", connection_->path(), "': statement id '", s.id(),
          "' of document '", d.id(), "' is already held by ", holder));
    }
    return status;
  }
  FACTDIFF_RETURN_IF_ERROR(savepoint.Release());
  return result;
}

absl::Status StoreWriter::SetVectors(
    const std::vector<std::pair<std::string, std::vector<float>>>& vectors) {
  Savepoint savepoint(connection_);
  FACTDIFF_RETURN_IF_ERROR(savepoint.Begin());
  std::string scratch;
  for (const auto& [id, vector] : vectors) {
    FACTDIFF_ASSIGN_OR_RETURN(Query update,
                              Query::Make(connection_, kUpdateVector));
    update.BindText(1, id);
    BindVector(update, 2, vector, &scratch);
    FACTDIFF_RETURN_IF_ERROR(update.Run());
    if (sqlite3_changes(connection_->db()) == 0) {
      return absl::NotFoundError(absl::StrCat("corpus '", connection_->path(),
                                              "': no stored statement '", id,
                                              "'"));
    }
  }
  return savepoint.Release();
}

absl::Status StoreWriter::SetModel(const EmbeddingModel& model) {
  if (model.kind.empty() || model.dims < 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        "corpus '", connection_->path(), "': a model needs a kind and dims >= 0"));
  }
  const std::string now = NowRfc3339();
  FACTDIFF_ASSIGN_OR_RETURN(Query query,
                            Query::Make(connection_, kReplaceModel));
  query.BindText(1, model.kind);
  query.BindInt(2, model.dims);
  query.BindBlob(3, model.blob.data(), model.blob.size());
  query.BindInt(4, model.fitted_statements);
  query.BindText(5, now);
  return query.Run();
}

// ---------------------------------------------------------------- store

CorpusStore::CorpusStore(std::unique_ptr<store_internal::Connection> connection)
    : connection_(std::move(connection)) {}

CorpusStore::~CorpusStore() = default;

const std::string& CorpusStore::path() const { return connection_->path(); }

absl::StatusOr<std::unique_ptr<CorpusStore>> CorpusStore::Open(
    const std::string& path, const Options& options) {
  if (path.empty()) {
    return absl::InvalidArgumentError("corpus path is empty");
  }
  struct stat st;
  if (stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT && !options.create_if_missing) {
      return absl::NotFoundError(
          absl::StrCat("corpus '", path, "' does not exist"));
    }
  } else if (S_ISDIR(st.st_mode)) {
    return absl::InvalidArgumentError(
        absl::StrCat("corpus '", path, "' is a directory, not a corpus file"));
  }

  sqlite3* db = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX |
                    (options.create_if_missing ? SQLITE_OPEN_CREATE : 0);
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    const int error = db != nullptr ? sqlite3_system_errno(db) : 0;
    const std::string message = absl::StrCat(
        "cannot ", options.create_if_missing ? "create or " : "", "open corpus '",
        path, "': ", db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc),
        error != 0 ? absl::StrCat(" (", std::strerror(error), ")") : "");
    sqlite3_close_v2(db);
    if (error == EACCES || error == EPERM || error == EROFS) {
      return absl::PermissionDeniedError(message);
    }
    if (error == ENOENT && !options.create_if_missing) {
      return absl::NotFoundError(message);
    }
    return absl::FailedPreconditionError(message);
  }
  auto connection = std::make_unique<store_internal::Connection>(
      db, path, options.busy_timeout);
  sqlite3_extended_result_codes(db, 1);
  const int64_t busy_ms = std::clamp<int64_t>(
      absl::ToInt64Milliseconds(options.busy_timeout), 0, INT_MAX);
  sqlite3_busy_timeout(db, static_cast<int>(busy_ms));
  rc = sqlite3_create_function_v2(db, "factdiff_text_hash", 1,
                                  SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                                  &TextHashFunction, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) {
    return connection->Error(rc, "registering factdiff_text_hash");
  }

  // Read before changing anything: a file that is not ours, or is newer,
  // is left exactly as it is.
  FACTDIFF_ASSIGN_OR_RETURN(int version, InspectFile(connection.get()));

  // WAL: readers see a snapshot and never block the writer (nor it them).
  // synchronous=FULL: each commit fsyncs the WAL, so an add that reported
  // success survives a power loss as well as a crash (NORMAL in WAL mode is
  // crash-safe but may lose the last commits on power loss). It costs one
  // fsync per Write(), and factdiff writes once per command or request.
  FACTDIFF_RETURN_IF_ERROR(EnableWal(connection.get()));
  FACTDIFF_RETURN_IF_ERROR(connection->Exec(
      "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;"
      " PRAGMA journal_size_limit = 67108864;",
      "configuring the connection"));
  if (version < kCorpusSchemaVersion) {
    FACTDIFF_RETURN_IF_ERROR(UpgradeSchema(connection.get()));
  }
  return std::unique_ptr<CorpusStore>(new CorpusStore(std::move(connection)));
}

absl::Status CorpusStore::Write(
    absl::FunctionRef<absl::Status(StoreWriter&)> fn) {
  Connection* connection = connection_.get();
  if (connection->in_transaction) {
    return absl::FailedPreconditionError(absl::StrCat(
        "corpus '", path(), "': Write() called inside a transaction"));
  }
  const int rc = sqlite3_exec(connection->db(), "BEGIN IMMEDIATE", nullptr,
                              nullptr, nullptr);
  if ((rc & 0xff) == SQLITE_BUSY) {
    return absl::UnavailableError(absl::StrCat(
        "corpus '", path(), "' is locked by another writer; gave up after ",
        absl::FormatDuration(connection->busy_timeout()), " (busy timeout)"));
  }
  if (rc != SQLITE_OK) return connection->Error(rc, "starting a write");
  connection->in_transaction = true;
  StoreWriter writer(connection);
  absl::Status status = fn(writer);
  if (status.ok()) status = connection->Exec("COMMIT", "committing");
  // A failed COMMIT, or an I/O error inside fn, may have rolled back
  // already.
  if (!status.ok() && !sqlite3_get_autocommit(connection->db())) {
    sqlite3_exec(connection->db(), "ROLLBACK", nullptr, nullptr, nullptr);
  }
  connection->in_transaction = false;
  return status;
}

absl::Status CorpusStore::Read(
    absl::FunctionRef<absl::Status(StoreReader&)> fn) {
  Connection* connection = connection_.get();
  if (connection->in_transaction) {
    return absl::FailedPreconditionError(absl::StrCat(
        "corpus '", path(), "': Read() called inside a transaction"));
  }
  FACTDIFF_RETURN_IF_ERROR(connection->Exec("BEGIN", "starting a read"));
  connection->in_transaction = true;
  StoreReader reader(connection);
  const absl::Status status = fn(reader);
  // Nothing to keep: ending a read transaction either way releases the
  // snapshot.
  if (!sqlite3_get_autocommit(connection->db())) {
    sqlite3_exec(connection->db(), "ROLLBACK", nullptr, nullptr, nullptr);
  }
  connection->in_transaction = false;
  return status;
}

absl::Status CorpusStore::CheckIntegrity() {
  std::vector<std::string> problems;
  for (const char* sql : {"PRAGMA integrity_check", "PRAGMA foreign_key_check"}) {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v2(connection_->db(), sql, -1, &stmt, nullptr);
    while (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      rc = SQLITE_OK;
      std::string row;
      for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
        const unsigned char* v = sqlite3_column_text(stmt, c);
        absl::StrAppend(&row, c == 0 ? "" : " ",
                        v == nullptr ? "NULL" : reinterpret_cast<const char*>(v));
      }
      if (row != "ok" && problems.size() < 10) problems.push_back(row);
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE) {
      return connection_->Error(rc, absl::StrCat("running ", sql));
    }
  }
  if (!problems.empty()) {
    return absl::DataLossError(absl::StrCat("corpus '", path(),
                                            "' is damaged: ",
                                            absl::StrJoin(problems, "; ")));
  }
  return absl::OkStatus();
}

}  // namespace factdiff
