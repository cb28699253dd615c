// The SQLite layer's additions for redemptions: a lock that outlasts the busy
// timeout is a DatabaseBusy (the server's 503), a Savepoint undoes part of a
// transaction, changes() reports what a conditional UPDATE did, and a reset
// statement runs again.

#include "database.hpp"

#include <gtest/gtest.h>

#include "scratch_database.hpp"

namespace {

using scratch::queryInt;

class DatabaseTest : public scratch::ScratchDatabaseTest {
 protected:
  void SetUp() override {
    ScratchDatabaseTest::SetUp();
    Database db = openMigrated();
    db.prepare("CREATE TABLE t (n INTEGER)").run();
  }
};

TEST_F(DatabaseTest, AWriteLockHeldTooLongIsDatabaseBusy) {
  Database holder = Database::open(pathOf("demo.sqlite3"));
  Transaction held(holder);
  Database waiter = Database::open(pathOf("demo.sqlite3"));
  waiter.prepare("PRAGMA busy_timeout = 0").run();  // give up at once instead of after 5 s
  EXPECT_THROW(Transaction{waiter}, DatabaseBusy);
  EXPECT_THROW(waiter.prepare("INSERT INTO t VALUES (1)").run(), DatabaseBusy);
  // Readers are never blocked by the writer (WAL).
  EXPECT_EQ(queryInt(waiter, "SELECT COUNT(*) FROM t"), 0);
}

TEST_F(DatabaseTest, OtherFailuresAreNotBusy) {
  Database db = Database::open(pathOf("demo.sqlite3"));
  try {
    db.prepare("INSERT INTO no_such_table VALUES (1)");
    FAIL() << "expected a DatabaseError";
  } catch (const DatabaseBusy&) {
    FAIL() << "not a busy error";
  } catch (const DatabaseError&) {
  }
}

TEST_F(DatabaseTest, ASavepointUndoesItsPartAndTheTransactionCarriesOn) {
  Database db = Database::open(pathOf("demo.sqlite3"));
  Transaction transaction(db);
  db.prepare("INSERT INTO t VALUES (1)").run();
  {
    Savepoint part(db);
    db.prepare("INSERT INTO t VALUES (2)").run();
    part.rollback();
  }
  {
    Savepoint part(db);
    db.prepare("INSERT INTO t VALUES (3)").run();
    part.release();
  }
  {
    Savepoint unfinished(db);  // neither: rolled back when it goes out of scope
    db.prepare("INSERT INTO t VALUES (4)").run();
  }
  transaction.commit();
  Statement rows = db.prepare("SELECT group_concat(n, ',') FROM (SELECT n FROM t ORDER BY n)");
  ASSERT_TRUE(rows.step());
  EXPECT_EQ(rows.text(0), "1,3");
}

TEST_F(DatabaseTest, ChangesReportsWhatAConditionalUpdateDid) {
  Database db = Database::open(pathOf("demo.sqlite3"));
  db.prepare("INSERT INTO t VALUES (5)").run();
  db.prepare("UPDATE t SET n = n - ?1 WHERE n >= ?1").bind(1, std::int64_t{5}).run();
  EXPECT_EQ(db.changes(), 1);
  db.prepare("UPDATE t SET n = n - ?1 WHERE n >= ?1").bind(1, std::int64_t{5}).run();
  EXPECT_EQ(db.changes(), 0);
  EXPECT_EQ(queryInt(db, "SELECT n FROM t"), 0);
}

TEST_F(DatabaseTest, AResetStatementRunsAgainWithNewBindings) {
  Database db = Database::open(pathOf("demo.sqlite3"));
  Statement insert = db.prepare("INSERT INTO t VALUES (?1)");
  for (std::int64_t n = 1; n <= 3; ++n) {
    insert.bind(1, n).run();
    insert.reset();
  }
  insert.bindNullable(1, std::optional<std::int64_t>()).run();
  EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM t"), 4);
  EXPECT_EQ(queryInt(db, "SELECT SUM(n) FROM t"), 6);
  Statement null = db.prepare("SELECT n FROM t WHERE n IS NULL");
  ASSERT_TRUE(null.step());
  EXPECT_EQ(null.optionalInt64(0), std::nullopt);
}

}  // namespace
