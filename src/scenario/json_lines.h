// Line numbers for JSON errors: nlohmann reports a byte offset for a syntax error and nothing
// for a value it parsed, so we count lines ourselves.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace sagitta::scenario {

// 1-based line of a byte offset in text (an offset past the end gives the last line).
int lineOfOffset(std::string_view text, std::size_t offset);

// The line of every object key in well-formed JSON text, by its dotted path from the root
// ("muscles.psoas.right.tightness"; array elements as "name[3]"). A key that appears twice keeps
// its first line. Linear in the text plus the paths' lengths; for one key, lineOfKey is cheaper.
std::map<std::string, int> keyLines(std::string_view text);

// The line of the first object key at dotted `path` (as keyLines names them), or 0 when there is
// none. One linear scan: call it when a message needs the line, not for every key.
int lineOfKey(std::string_view text, std::string_view path);

// The message "SOURCE:LINE: ..." for an exception nlohmann threw while parsing `text`: a syntax
// error (at its byte) or a number too large for a double (at the number). nlohmann's echo of the
// bytes it read is left out, and any control or non-ASCII byte left is shown as \xNN.
std::string jsonErrorMessage(std::string_view text, const std::string& source,
                             const nlohmann::json::exception& e);

// `s` with control characters (a NUL included) and bytes that are not valid UTF-8 shown as \xNN,
// so a message is printed whole and on one line.
std::string printable(std::string_view s);

}  // namespace sagitta::scenario
