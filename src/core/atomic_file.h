// Files are written atomically: the bytes go to a temporary file beside the target, are flushed
// to disk, and only then renamed over it. A failure (unwritable folder, full disk) throws IoError
// and leaves neither a half-written file nor a changed target. A symbolic link is followed: its
// target is replaced and the link stays. A device, FIFO or socket is never replaced.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>

namespace sagitta {

void writeFileAtomic(const std::filesystem::path& path, std::span<const std::byte> bytes);
void writeFileAtomic(const std::filesystem::path& path, std::string_view text);

// The largest file readFile reads unless told otherwise: no input of Sagitta comes near it, and
// /dev/zero or a runaway file must not be read until memory runs out.
inline constexpr std::uintmax_t kMaxReadBytes = 256ull << 20;  // 256 MiB

// Reads a whole regular file of at most `max_bytes`. Throws InputError naming the path when the
// name does not lead to a readable regular file of that size (missing, a folder, a FIFO or device
// that could block or never end, a symbolic-link loop, too large: the message gives the limit);
// IoError when reading fails.
std::string readFile(const std::filesystem::path& path, std::uintmax_t max_bytes = kMaxReadBytes);

// The checks readFile makes before reading, for files another library opens (meshes): throws
// InputError unless `path` is a regular file of at most `max_bytes`.
void checkReadableFile(const std::filesystem::path& path, std::uintmax_t max_bytes = kMaxReadBytes);

// The file a write to `path` replaces: `path` itself, or the end of its chain of symbolic links
// (a dangling link names the file to create). Throws IoError for a link loop, or when that file
// is a folder, a device, a FIFO or a socket: only regular files are ever replaced.
std::filesystem::path replacementTarget(const std::filesystem::path& path);

// Throws IoError unless a file could be created at `path` (its folder exists and is writable).
// Used to fail early, before expensive work, with the same message a late failure would give.
void checkWritable(const std::filesystem::path& path);

}  // namespace sagitta
