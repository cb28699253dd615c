#include "experience_seats.hpp"

#include <algorithm>

#include "engagement_config.hpp"
#include "tier_rank.hpp"
#include "utc_time.hpp"

namespace {

using nlohmann::ordered_json;

bool holdsSeat(Database& db, std::string_view memberId, std::string_view experienceId) {
  return db.prepare("SELECT 1 FROM experience_signups WHERE member_id = ?1 AND experience_id = ?2")
      .bind(1, memberId)
      .bind(2, experienceId)
      .step();
}

}  // namespace

std::int64_t seatsTaken(Database& db, std::string_view experienceId) {
  Statement query = db.prepare("SELECT COUNT(*) FROM experience_signups WHERE experience_id = ?1");
  query.bind(1, experienceId).step();
  return query.int64(0);
}

std::optional<SignUpRefusal> signUpForExperience(Database& db, const kindred::Program& program,
                                                 std::string_view memberId,
                                                 std::int64_t qualifyingPoints,
                                                 const std::string& experienceId,
                                                 std::int64_t nowUnix) {
  const std::optional<Experience> experience = findExperience(db, experienceId);
  if (!experience) {
    return SignUpRefusal{422, "unknown-experience", "Unknown experience",
                         "There is no experience \"" + experienceId + "\" to sign up for."};
  }
  if (experience->startsAtUnix <= nowUnix) {
    return SignUpRefusal{
        422, "experience-started", "Experience started",
        experience->title + " started at " + experience->startsAt + "; sign-ups are closed."};
  }
  // Before the tier and the seats: a member who holds a seat keeps it, even
  // should their tier have lapsed or the rest of the seats gone since.
  if (holdsSeat(db, memberId, experience->id)) return std::nullopt;

  if (!hasReachedTier(program, experience->tierId, qualifyingPoints)) {
    const kindred::Tier* tier = program.findTier(experience->tierId);
    return SignUpRefusal{
        403, "tier-too-low", "Tier too low",
        experience->title + " is for " +
            (tier ? membersFrom(program, *tier) : "\"" + experience->tierId + "\" members") + "."};
  }
  if (seatsTaken(db, experience->id) >= experience->seats) {
    return SignUpRefusal{409, "experience-full", "Experience full",
                         "All " + std::to_string(experience->seats) + " seats of " +
                             experience->title + " are taken."};
  }
  db.prepare(
        "INSERT INTO experience_signups (member_id, experience_id, signed_up_at)"
        " VALUES (?1, ?2, ?3)")
      .bind(1, memberId)
      .bind(2, experience->id)
      .bind(3, formatRfc3339Utc(nowUnix))
      .run();
  return std::nullopt;
}

ordered_json experiencesJson(Database& db, std::string_view memberId, std::int64_t nowUnix) {
  Statement query = db.prepare(
      "SELECT e.id, e.tier_id, e.title, e.description, e.starts_at, e.seats,"
      " (SELECT COUNT(*) FROM experience_signups s WHERE s.experience_id = e.id),"
      " EXISTS (SELECT 1 FROM experience_signups s WHERE s.experience_id = e.id"
      "         AND s.member_id = ?1)"
      " FROM experiences e WHERE e.starts_at_unix > ?2 ORDER BY e.starts_at_unix, e.position");
  query.bind(1, memberId).bind(2, nowUnix);
  ordered_json list = ordered_json::array();
  while (query.step()) {
    list.push_back({
        {"id", query.text(0)},
        {"tierId", query.text(1)},
        {"title", query.text(2)},
        {"description", query.text(3)},
        {"startsAt", query.text(4)},
        {"seatsLeft", std::max<std::int64_t>(0, query.int64(5) - query.int64(6))},
        {"signedUp", query.int64(7) != 0},
    });
  }
  return list;
}
