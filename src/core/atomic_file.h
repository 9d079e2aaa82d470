// Files are written atomically: the bytes go to a temporary file beside the target, are flushed
// to disk, and only then renamed over it. A failure (unwritable folder, full disk) throws IoError
// and leaves neither a half-written file nor a changed target.
#pragma once

#include <cstddef>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>

namespace sagitta {

void writeFileAtomic(const std::filesystem::path& path, std::span<const std::byte> bytes);
void writeFileAtomic(const std::filesystem::path& path, std::string_view text);

// Reads a whole file; throws IoError naming the path when it is missing or unreadable.
std::string readFile(const std::filesystem::path& path);

// Throws IoError unless a file could be created at `path` (its folder exists and is writable).
// Used to fail early, before expensive work, with the same message a late failure would give.
void checkWritable(const std::filesystem::path& path);

}  // namespace sagitta
