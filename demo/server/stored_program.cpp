#include "stored_program.hpp"

#include <utility>

StoredProgram loadStoredProgram(Database& db) {
  Statement query = db.prepare("SELECT document FROM program WHERE singleton = 1");
  if (!query.step()) throw DatabaseError("the database holds no program");
  std::string document = query.text(0);
  kindred::Result<kindred::Program> parsed = kindred::parseProgram(document);
  if (!parsed.ok()) {
    throw DatabaseError("the stored program is invalid: " + parsed.error().message());
  }
  return StoredProgram{std::move(document), std::move(parsed).value()};
}
