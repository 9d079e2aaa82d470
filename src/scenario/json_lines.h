// Line numbers for JSON errors: nlohmann reports a byte offset for a syntax error and nothing
// for a value it parsed, so we count lines ourselves.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

namespace sagitta::scenario {

// 1-based line of a byte offset in text (an offset past the end gives the last line).
int lineOfOffset(std::string_view text, std::size_t offset);

// The line of every object key in well-formed JSON text, by its dotted path from the root
// ("muscles.psoas.right.tightness"; array elements as "name[3]"). A key that appears twice keeps
// its first line.
std::map<std::string, int> keyLines(std::string_view text);

}  // namespace sagitta::scenario
