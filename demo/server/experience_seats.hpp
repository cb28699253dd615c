#pragma once
// The tier hub's experiences (events and sessions for a tier and above) as
// one member sees them, and signing up for one: an experience-signup event
// (POST /v1/events, subject: the experience's id) takes a seat. Every
// member sees every experience not yet started, those of a tier above
// theirs too (the widget shows them locked, as a reason to climb), but only
// members of the tier and above may sign up.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "database.hpp"
#include "kindred/program.hpp"

// Why a sign-up was refused, as the problem POST /v1/events answers with.
struct SignUpRefusal {
  int status = 422;
  std::string slug;
  std::string title;
  std::string detail;
};

// Gives the member a seat at `experienceId`, or finds the one they hold.
// Refuses, writing nothing: an experience that does not exist (422
// unknown-experience) or has started by `nowUnix` (422 experience-started);
// a member below its tier (403 tier-too-low); no seat left (409
// experience-full). A member who holds a seat keeps it, and is answered as
// for a first sign-up. Run inside the caller's BEGIN IMMEDIATE transaction:
// counting the seats taken and taking one cannot be overtaken by another
// sign-up, and the (member, experience) key holds one seat per member
// whatever happens.
std::optional<SignUpRefusal> signUpForExperience(Database& db, const kindred::Program& program,
                                                 std::string_view memberId,
                                                 std::int64_t qualifyingPoints,
                                                 const std::string& experienceId,
                                                 std::int64_t nowUnix);

// Seats taken at an experience.
std::int64_t seatsTaken(Database& db, std::string_view experienceId);

// GET /v1/moments' "experiences": every experience starting after `nowUnix`,
// soonest first, as {"id","tierId","title","description","startsAt",
// "seatsLeft","signedUp"}.
nlohmann::ordered_json experiencesJson(Database& db, std::string_view memberId,
                                       std::int64_t nowUnix);
