#pragma once
// A value, or the InputError that explains why there is none. The core never
// throws (it is built with -fno-exceptions and runs inside wasm), so every
// parse returns one of these.

#include <cassert>
#include <utility>
#include <variant>

#include "kindred/input_error.hpp"

namespace kindred {

template <class T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}            // NOLINT: implicit by design
  Result(InputError error) : state_(std::move(error)) {}   // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }

  const T& value() const& { assert(ok()); return std::get<T>(state_); }
  T&& value() && { assert(ok()); return std::get<T>(std::move(state_)); }
  const InputError& error() const { assert(!ok()); return std::get<InputError>(state_); }

 private:
  std::variant<T, InputError> state_;
};

}  // namespace kindred
