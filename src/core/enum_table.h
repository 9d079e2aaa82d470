// Enums with a metadata table: each value's stable name (the spelling in keys, files and reports)
// and a label for people (UI, help). One table per enum replaces the string compares and the
// hand-written name/parse switch pairs; tests check that every table is complete.
//   constexpr EnumTable<Ghost, 3> kGhosts = {{{Ghost::kOff, "off", "Off"}, ...}};
//   enumName(kGhosts, g); enumFromName(kGhosts, "overlay"); enumNames(kGhosts) == "off, overlay, ..."
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace sagitta {

template <typename E>
struct EnumInfo {
  E value;
  std::string_view name;   // stable: keys, files, reports
  std::string_view label;  // for people
};

template <typename E, std::size_t N>
using EnumTable = std::array<EnumInfo<E>, N>;

// The value's name; "" for a value missing from the table (a test keeps tables complete).
template <typename E, std::size_t N>
constexpr std::string_view enumName(const EnumTable<E, N>& table, E value) {
  for (const EnumInfo<E>& e : table) {
    if (e.value == value) return e.name;
  }
  return {};
}

template <typename E, std::size_t N>
constexpr std::string_view enumLabel(const EnumTable<E, N>& table, E value) {
  for (const EnumInfo<E>& e : table) {
    if (e.value == value) return e.label;
  }
  return {};
}

namespace detail {
constexpr bool equalNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}
}  // namespace detail

enum class NameCase { kExact, kIgnore };

// The value named `name`, or nullopt.
template <typename E, std::size_t N>
constexpr std::optional<E> enumFromName(const EnumTable<E, N>& table, std::string_view name,
                                        NameCase name_case = NameCase::kExact) {
  for (const EnumInfo<E>& e : table) {
    if (name_case == NameCase::kExact ? e.name == name : detail::equalNoCase(e.name, name)) return e.value;
  }
  return std::nullopt;
}

// "a, b, c": the names, for messages and help.
template <typename E, std::size_t N>
std::string enumNames(const EnumTable<E, N>& table, std::string_view separator = ", ") {
  std::string out;
  for (const EnumInfo<E>& e : table) {
    if (!out.empty()) out += separator;
    out += e.name;
  }
  return out;
}

}  // namespace sagitta
