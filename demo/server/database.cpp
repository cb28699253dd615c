#include "database.hpp"

#include <sqlite3.h>

#include <utility>

namespace {

[[noreturn]] void fail(sqlite3* db, const std::string& what) {
  const std::string message = what + ": " + (db ? sqlite3_errmsg(db) : "out of memory");
  const int code = db ? sqlite3_errcode(db) : SQLITE_NOMEM;
  if (code == SQLITE_BUSY || code == SQLITE_LOCKED) throw DatabaseBusy(message);
  throw DatabaseError(message);
}

}  // namespace

Statement::Statement(sqlite3* db, SqlText sqlText) : db_(db) {
  const char* sql = sqlText.c_str();
  const char* tail = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &stmt_, &tail) != SQLITE_OK) {
    fail(db, std::string("cannot prepare \"") + sql + "\"");
  }
  // One statement per Statement: anything after it would silently never run.
  for (; tail && *tail; ++tail) {
    if (*tail != ' ' && *tail != '\n' && *tail != ';') {
      sqlite3_finalize(stmt_);
      throw DatabaseError(std::string("more than one statement in \"") + sql + "\"");
    }
  }
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)) {}

Statement& Statement::bind(int index, std::int64_t value) {
  if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) fail(db_, "cannot bind");
  return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
  if (sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8) !=
      SQLITE_OK) {
    fail(db_, "cannot bind");
  }
  return *this;
}

Statement& Statement::bindNullable(int index, const std::optional<std::string>& textOrNull) {
  if (textOrNull) return bind(index, std::string_view(*textOrNull));
  if (sqlite3_bind_null(stmt_, index) != SQLITE_OK) fail(db_, "cannot bind");
  return *this;
}

Statement& Statement::bindNullable(int index, const std::optional<std::int64_t>& valueOrNull) {
  if (valueOrNull) return bind(index, *valueOrNull);
  if (sqlite3_bind_null(stmt_, index) != SQLITE_OK) fail(db_, "cannot bind");
  return *this;
}

bool Statement::step() {
  switch (sqlite3_step(stmt_)) {
    case SQLITE_ROW:
      return true;
    case SQLITE_DONE:
      return false;
    default:
      fail(db_, std::string("cannot run \"") + sqlite3_sql(stmt_) + "\"");
  }
}

void Statement::run() {
  while (step()) {
  }
}

// sqlite3_reset repeats the last step's error code, which step() has already thrown.
void Statement::reset() { sqlite3_reset(stmt_); }

std::int64_t Statement::int64(int column) const { return sqlite3_column_int64(stmt_, column); }

std::string Statement::text(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  return text ? std::string(reinterpret_cast<const char*>(text),
                            static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
              : std::string();
}

std::optional<std::string> Statement::optionalText(int column) const {
  if (sqlite3_column_type(stmt_, column) == SQLITE_NULL) return std::nullopt;
  return text(column);
}

std::optional<std::int64_t> Statement::optionalInt64(int column) const {
  if (sqlite3_column_type(stmt_, column) == SQLITE_NULL) return std::nullopt;
  return int64(column);
}

Database Database::open(const std::string& path, bool create) {
  sqlite3* db = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    const std::string message =
        "cannot open database " + path + ": " + (db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    throw DatabaseError(message);
  }
  Database database(db);
  sqlite3_busy_timeout(db, 5000);
  database.prepare("PRAGMA foreign_keys = ON").run();
  return database;
}

std::int64_t Database::changes() const { return sqlite3_changes(db_); }

// close_v2: a Statement that outlives its Database must not leak the connection.
Database::~Database() { sqlite3_close_v2(db_); }

Database::Database(Database&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

Transaction::Transaction(Database& db) : db_(db) { db_.prepare("BEGIN IMMEDIATE").run(); }

Transaction::~Transaction() {
  if (!open_) return;
  try {
    db_.prepare("ROLLBACK").run();
  } catch (const DatabaseError&) {
    // SQLite may already have rolled back on the error that brought us here.
  }
}

void Transaction::commit() {
  db_.prepare("COMMIT").run();
  open_ = false;
}

Savepoint::Savepoint(Database& db) : db_(db) { db_.prepare("SAVEPOINT kindred_savepoint").run(); }

Savepoint::~Savepoint() {
  if (!open_) return;
  try {
    rollback();
  } catch (const DatabaseError&) {
    // Only reached while an exception unwinds, and the enclosing
    // Transaction then rolls back everything anyway.
  }
}

void Savepoint::rollback() {
  // ROLLBACK TO keeps the savepoint on the stack; RELEASE then removes it.
  db_.prepare("ROLLBACK TO kindred_savepoint").run();
  db_.prepare("RELEASE kindred_savepoint").run();
  open_ = false;
}

void Savepoint::release() {
  db_.prepare("RELEASE kindred_savepoint").run();
  open_ = false;
}

ReadTransaction::ReadTransaction(Database& db) : db_(db) { db_.prepare("BEGIN").run(); }

ReadTransaction::~ReadTransaction() {
  try {
    db_.prepare("COMMIT").run();  // nothing was written: ends the snapshot
  } catch (const DatabaseError&) {
    // SQLite already ended it on the error that brought us here.
  }
}
