#include "core/atomic_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>

#include <fcntl.h>
#include <unistd.h>

#include "core/error.h"

namespace sagitta {
namespace fs = std::filesystem;

namespace {

fs::path folderOf(const fs::path& path) {
  fs::path folder = path.parent_path();
  return folder.empty() ? fs::path(".") : folder;
}

std::string ioMessage(const fs::path& path, const char* what, int err) {
  return "cannot write " + path.string() + ": " + what + " (" + std::strerror(err) + ")";
}

// A temporary name in the target's folder, so the final rename never crosses file systems.
fs::path temporaryBeside(const fs::path& path) {
  static std::mt19937_64 rng{std::random_device{}()};
  std::ostringstream name;
  name << "." << path.filename().string() << ".tmp-" << std::hex << rng();
  return folderOf(path) / name.str();
}

}  // namespace

void writeFileAtomic(const fs::path& path, std::span<const std::byte> bytes) {
  if (path.empty()) throw IoError("cannot write a file with an empty name");
  if (fs::is_directory(path)) throw IoError("cannot write " + path.string() + ": it is a folder");
  const fs::path folder = folderOf(path);
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) {
    throw IoError("cannot write " + path.string() + ": folder " + folder.string() + " does not exist");
  }
  const fs::path tmp = temporaryBeside(path);
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) throw IoError(ioMessage(path, "the folder is not writable", errno));

  auto fail = [&](const char* what) {
    const int err = errno;
    ::close(fd);
    ::unlink(tmp.c_str());
    throw IoError(ioMessage(path, what, err));
  };
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
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    throw IoError(ioMessage(path, "renaming the finished file into place failed", err));
  }
}

void writeFileAtomic(const fs::path& path, std::string_view text) {
  writeFileAtomic(path, std::as_bytes(std::span(text.data(), text.size())));
}

std::string readFile(const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) throw IoError("cannot read " + path.string() + ": no such file");
  if (fs::is_directory(path, ec)) throw IoError("cannot read " + path.string() + ": it is a folder");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError("cannot read " + path.string() + ": " + std::strerror(errno));
  std::ostringstream out;
  out << in.rdbuf();
  if (in.bad()) throw IoError("cannot read " + path.string() + ": reading failed");
  return std::move(out).str();
}

void checkWritable(const fs::path& path) {
  if (path.empty()) throw IoError("cannot write a file with an empty name");
  std::error_code ec;
  if (fs::is_directory(path, ec)) throw IoError("cannot write " + path.string() + ": it is a folder");
  const fs::path folder = folderOf(path);
  if (!fs::is_directory(folder, ec)) {
    throw IoError("cannot write " + path.string() + ": folder " + folder.string() + " does not exist");
  }
  // really create (and remove) a file there: permission bits do not tell the whole story
  // (root, read-only mounts, /proc)
  const fs::path probe = temporaryBeside(path);
  const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) throw IoError(ioMessage(path, "the folder is not writable", errno));
  ::close(fd);
  ::unlink(probe.c_str());
}

}  // namespace sagitta
