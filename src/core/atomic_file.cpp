#include "core/atomic_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <random>
#include <sstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/error.h"

namespace sagitta {
namespace fs = std::filesystem;

namespace {

// Linux follows at most 40 links in one lookup (path_resolution(7)); a longer chain is a loop.
constexpr int kMaxSymlinkHops = 40;

fs::path folderOf(const fs::path& path) {
  fs::path folder = path.parent_path();
  return folder.empty() ? fs::path(".") : folder;
}

std::string ioMessage(const fs::path& path, const char* what, int err) {
  return "cannot write " + path.string() + ": " + what + " (" + std::strerror(err) + ")";
}

// What a file that is neither regular nor a folder is, in words.
const char* specialKind(mode_t mode) {
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

std::string mebibytes(std::uintmax_t bytes) {
  std::ostringstream out;
  out << static_cast<double>(bytes) / (1024.0 * 1024.0) << " MiB";
  return out.str();
}

// The file a write to `path` must replace: `path` itself, or the end of its chain of symbolic
// links (a dangling link names the file to create). Throws IoError on a link loop.
fs::path writeTarget(const fs::path& path) {
  fs::path target = path;
  for (int hop = 0; hop <= kMaxSymlinkHops; ++hop) {
    struct stat st {};
    if (::lstat(target.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return target;
    std::error_code ec;
    const fs::path next = fs::read_symlink(target, ec);
    if (ec)
      throw IoError("cannot write " + path.string() + ": cannot read the symbolic link " + target.string());
    target = next.is_absolute() ? next : folderOf(target) / next;
  }
  throw IoError("cannot write " + path.string() + ": a symbolic link loop (more than " +
                std::to_string(kMaxSymlinkHops) + " links)");
}

// Refuses targets no write may replace: a folder, a device, a FIFO, a socket.
void checkReplaceable(const fs::path& path, const fs::path& target) {
  struct stat st {};
  if (::stat(target.c_str(), &st) != 0) return;  // a new file
  if (S_ISDIR(st.st_mode)) throw IoError("cannot write " + path.string() + ": it is a folder");
  if (!S_ISREG(st.st_mode)) {
    throw IoError("cannot write " + path.string() + ": it is " + specialKind(st.st_mode) +
                  ", not a regular file; Sagitta only replaces regular files");
  }
}

// A temporary name in the target's folder, so the final rename never crosses file systems.
fs::path temporaryBeside(const fs::path& path) {
  static std::mt19937_64 rng{std::random_device{}()};
  std::ostringstream name;
  name << "." << path.filename().string() << ".tmp-" << std::hex << rng();
  return folderOf(path) / name.str();
}

// Why `path` cannot be read as a regular file of at most max_bytes, or "" when it can.
std::string unreadableReason(const struct stat& st, std::uintmax_t max_bytes) {
  if (S_ISDIR(st.st_mode)) return "it is a folder";
  if (!S_ISREG(st.st_mode)) return std::string("it is ") + specialKind(st.st_mode) + ", not a regular file";
  if (static_cast<std::uintmax_t>(st.st_size) > max_bytes) {
    return "it is " + mebibytes(static_cast<std::uintmax_t>(st.st_size)) + ", more than the limit of " +
           mebibytes(max_bytes);
  }
  return "";
}

[[noreturn]] void throwStatError(const fs::path& path, int err) {
  if (err == ENOENT) throw InputError("cannot read " + path.string() + ": no such file");
  if (err == ELOOP) {
    throw InputError("cannot read " + path.string() +
                     ": a symbolic link loop (a link leads back to itself, directly or through others)");
  }
  if (err == ENOTDIR)
    throw InputError("cannot read " + path.string() + ": a part of the path is not a folder");
  throw IoError("cannot read " + path.string() + ": " + std::strerror(err));
}

}  // namespace

fs::path replacementTarget(const fs::path& path) {
  fs::path target = writeTarget(path);  // not const: returned by move
  checkReplaceable(path, target);
  return target;
}

void writeFileAtomic(const fs::path& path, std::span<const std::byte> bytes) {
  if (path.empty()) throw IoError("cannot write a file with an empty name");
  const fs::path target = replacementTarget(path);
  const fs::path folder = folderOf(target);
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) {
    throw IoError("cannot write " + path.string() + ": folder " + folder.string() + " does not exist");
  }
  const fs::path tmp = temporaryBeside(target);
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) throw IoError(ioMessage(path, "the folder is not writable", errno));

  auto fail = [&](const char* what) {
    const int err = errno;
    ::close(fd);
    ::unlink(tmp.c_str());
    throw IoError(ioMessage(path, what, err));
  };
  // a replaced file keeps its permissions
  struct stat old {};
  if (::stat(target.c_str(), &old) == 0) (void)::fchmod(fd, old.st_mode & 07777);
  const std::byte* data = bytes.data();
  std::size_t left = bytes.size();
  while (left > 0) {
    const ssize_t n = ::write(fd, data, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("writing failed");
    }
    data += n;
    left -= static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) fail("flushing to disk failed");
  if (::close(fd) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    throw IoError(ioMessage(path, "closing failed", err));
  }
  if (::rename(tmp.c_str(), target.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    throw IoError(ioMessage(path, "renaming the finished file into place failed", err));
  }
}

void writeFileAtomic(const fs::path& path, std::string_view text) {
  writeFileAtomic(path, std::as_bytes(std::span(text.data(), text.size())));
}

void checkReadableFile(const fs::path& path, std::uintmax_t max_bytes) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) throwStatError(path, errno);
  if (const std::string why = unreadableReason(st, max_bytes); !why.empty()) {
    throw InputError("cannot read " + path.string() + ": " + why);
  }
}

std::string readFile(const fs::path& path, std::uintmax_t max_bytes) {
  checkReadableFile(path, max_bytes);
  // O_NONBLOCK: should the name have become a FIFO since the check, opening does not block
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    if (err == ENOENT || err == ELOOP || err == ENOTDIR) throwStatError(path, err);
    throw IoError("cannot read " + path.string() + ": " + std::strerror(err));
  }
  struct stat st {};
  std::string why =
      ::fstat(fd, &st) != 0 ? std::string(std::strerror(errno)) : unreadableReason(st, max_bytes);
  if (!why.empty()) {
    ::close(fd);
    throw InputError("cannot read " + path.string() + ": " + why);
  }
  std::string out;
  out.resize(static_cast<std::size_t>(st.st_size));
  std::size_t got = 0;
  for (;;) {
    if (got == out.size()) {
      // the file grew since fstat: read on, up to the limit
      if (out.size() >= max_bytes) {
        char probe = 0;
        const ssize_t more = ::read(fd, &probe, 1);
        if (more > 0) {
          ::close(fd);
          throw InputError("cannot read " + path.string() + ": it is larger than the limit of " +
                           mebibytes(max_bytes));
        }
        break;
      }
      out.resize(std::min<std::uintmax_t>(max_bytes, out.size() + 65536));
    }
    const ssize_t n = ::read(fd, out.data() + got, out.size() - got);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      ::close(fd);
      throw IoError("cannot read " + path.string() + ": reading failed (" + std::strerror(err) + ")");
    }
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  ::close(fd);
  out.resize(got);
  return out;
}

void checkWritable(const fs::path& path) {
  if (path.empty()) throw IoError("cannot write a file with an empty name");
  const fs::path target = replacementTarget(path);
  const fs::path folder = folderOf(target);
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) {
    throw IoError("cannot write " + path.string() + ": folder " + folder.string() + " does not exist");
  }
  // really create (and remove) a file there: permission bits do not tell the whole story
  // (root, read-only mounts, /proc)
  const fs::path probe = temporaryBeside(target);
  const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) throw IoError(ioMessage(path, "the folder is not writable", errno));
  ::close(fd);
  ::unlink(probe.c_str());
}

}  // namespace sagitta
