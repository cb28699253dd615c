#pragma once
// A thin RAII layer over SQLite. Database owns one connection, Statement one
// prepared statement, Transaction one BEGIN IMMEDIATE ... COMMIT. SQL text is
// always a literal in the code (SqlText makes that a compile-time rule);
// values only ever travel as bound parameters.
// Failures throw DatabaseError: on a request path the server's exception
// handler turns it into a 500 problem, at startup main() reports it and exits.
// Savepoint undoes part of a transaction while keeping the rest, and
// ReadTransaction makes several reads agree with each other.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

class DatabaseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// SQLITE_BUSY or SQLITE_LOCKED: another connection held the lock for longer
// than the busy timeout. Nothing is wrong with the request, so the server
// answers 503 with Retry-After rather than 500.
class DatabaseBusy : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};

// SQL text that is a string literal, fixed when the server is compiled.
// Converts implicitly from "SELECT ..." but not from a std::string, a
// const char* or a writable char array, so no request data can be spliced
// into a statement: values reach SQLite only as bound parameters.
class SqlText {
 public:
  template <std::size_t N>
  constexpr SqlText(const char (&literal)[N]) : text_(literal) {}  // implicit by design
  template <std::size_t N>
  SqlText(char (&)[N]) = delete;  // a buffer filled at run time

  constexpr const char* c_str() const { return text_; }

 private:
  const char* text_;
};

class Statement {
 public:
  Statement(sqlite3* db, SqlText sql);
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement& operator=(Statement&&) = delete;

  // Parameters are numbered from 1, as in the SQL (?1, ?2, ...).
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, std::string_view text);
  Statement& bindNullable(int index, const std::optional<std::string>& textOrNull);
  Statement& bindNullable(int index, const std::optional<std::int64_t>& valueOrNull);

  bool step();  // true while there is a row to read
  void run();   // for statements that return no rows
  // Makes the statement ready to run again; bindings are kept until rebound.
  // Reusing one statement for many rows skips re-parsing the SQL each time.
  void reset();

  // Columns are numbered from 0.
  std::int64_t int64(int column) const;
  std::string text(int column) const;
  std::optional<std::string> optionalText(int column) const;
  std::optional<std::int64_t> optionalInt64(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

class Database {
 public:
  // Opens (creating if asked) the file with a 5 s busy timeout, so concurrent
  // writers wait for each other instead of failing, and foreign keys enforced.
  static Database open(const std::string& path, bool create = false);

  ~Database();
  Database(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  Database& operator=(Database&&) = delete;

  // Exactly one SQL statement, as a literal.
  Statement prepare(SqlText sql) { return Statement(db_, sql); }

  // Rows the last INSERT, UPDATE or DELETE changed: how a conditional UPDATE
  // ("... WHERE points >= ?") tells whether its condition held.
  std::int64_t changes() const;

 private:
  explicit Database(sqlite3* db) : db_(db) {}
  sqlite3* db_;
};

// BEGIN IMMEDIATE takes the write lock up front, so a read-then-write inside
// the transaction cannot be overtaken by another connection. Rolls back unless
// commit() was reached.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  void commit();

 private:
  Database& db_;
  bool open_ = true;
};

// SAVEPOINT inside a Transaction: rollback() undoes what was written since,
// and the enclosing transaction carries on (so it can still commit, say, the
// record of why the work was undone). Rolls back unless release() was reached.
class Savepoint {
 public:
  explicit Savepoint(Database& db);
  ~Savepoint();
  Savepoint(const Savepoint&) = delete;
  Savepoint& operator=(const Savepoint&) = delete;

  void rollback();
  void release();

 private:
  Database& db_;
  bool open_ = true;
};

// BEGIN (deferred) ... COMMIT around reads that must agree with each other:
// in WAL mode every read inside sees the database as one commit left it,
// while writers carry on undisturbed. Ends when it goes out of scope.
class ReadTransaction {
 public:
  explicit ReadTransaction(Database& db);
  ~ReadTransaction();
  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;

 private:
  Database& db_;
};
