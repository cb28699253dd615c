#pragma once
// Unguessable values from OpenSSL's CSPRNG: redemption, play, event and
// surprise ids, the codes a member types at the till or into the checkout
// ("AUR-7K2M-9QXD"), and the server seeds games commit to.
// Codes use 32 symbols with no 0/O or 1/I, so they survive being read aloud
// or copied by hand, and each character is exactly 5 random bits (no bias).

#include <string>
#include <string_view>

#include "kindred/program.hpp"

// Three letters for codes, from the program's name ("Aurora Circle": "AUR"),
// so a code says which brand issued it. "RWD" if the name has too few letters.
std::string redemptionCodePrefix(const kindred::Program& program);

// "<prefix>-XXXX-XXXX": 40 random bits.
std::string newRedemptionCode(std::string_view prefix);

// "rdm_" and 20 random symbols (100 bits).
std::string newRedemptionId();

// "ply_" and 20 random symbols (100 bits).
std::string newPlayId();

// "evt_" and 20 random symbols (100 bits).
std::string newEventId();

// "srp_" and 20 random symbols (100 bits).
std::string newSurpriseId();

// 32 random bytes as 64 lower-case hex characters: a chance game's server
// seed. All 256 bits come from the CSPRNG, so a member who sees the
// commitment (its SHA-256) cannot work back to it.
std::string newServerSeed();
