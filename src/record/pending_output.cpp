#include "record/pending_output.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <random>
#include <sstream>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/atomic_file.h"
#include "core/error.h"

namespace sagitta::record {
namespace fs = std::filesystem;

namespace {

fs::path folderOf(const fs::path& path) {
  fs::path folder = path.parent_path();
  return folder.empty() ? fs::path(".") : folder;
}

std::string cannotWrite(const fs::path& target, const std::string& why) {
  return "cannot write " + target.string() + ": " + why;
}

std::string errnoText(int err) {
  return std::strerror(err);
}

// A hidden, random name beside `target`, so the final rename never crosses file systems.
fs::path hiddenBeside(const fs::path& target, const char* tag) {
  std::random_device random;
  std::ostringstream name;
  name << "." << target.filename().string() << tag << std::hex << random() << random();
  return folderOf(target) / name.str();
}

void requireWritableFolder(const fs::path& target) {
  const fs::path folder = folderOf(target);
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) {
    throw IoError(cannotWrite(target, "folder " + folder.string() + " does not exist."));
  }
}

// fsync a file or folder by path; returns errno or 0.
int syncPath(const fs::path& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return errno;
  int err = 0;
  if (::fsync(fd) != 0 && errno != EINVAL) err = errno;  // EINVAL: the file system cannot sync
  ::close(fd);
  return err;
}

}  // namespace

bool isFrameFileName(const std::string& name) {
  constexpr std::string_view kPrefix = "frame_";
  constexpr std::string_view kSuffix = ".png";
  if (name.size() < kPrefix.size() + 6 + kSuffix.size()) return false;
  if (name.compare(0, kPrefix.size(), kPrefix) != 0) return false;
  if (name.compare(name.size() - kSuffix.size(), kSuffix.size(), kSuffix) != 0) return false;
  for (std::size_t i = kPrefix.size(); i < name.size() - kSuffix.size(); ++i) {
    if (name[i] < '0' || name[i] > '9') return false;
  }
  return true;
}

// ---- PendingFile ----------------------------------------------------------------------------

PendingFile::PendingFile(fs::path target) : target_(std::move(target)) {
  if (target_.empty()) throw IoError("cannot write a file with an empty name.");
  // a symbolic link keeps pointing at the finished clip: its target is what gets replaced
  target_ = replacementTarget(target_);
  std::error_code ec;
  if (fs::is_directory(target_, ec)) throw IoError(cannotWrite(target_, "it is a folder."));
  requireWritableFolder(target_);
  // O_EXCL reserves the name; creating it is the real writability test (root ignores modes).
  for (int attempt = 0;; ++attempt) {
    temporary_ = hiddenBeside(target_, ".tmp-");
    const int fd = ::open(temporary_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd >= 0) {
      ::close(fd);
      break;
    }
    if (errno != EEXIST || attempt > 8) {
      throw IoError(cannotWrite(target_, "the folder is not writable (" + errnoText(errno) + ")."));
    }
  }
}

PendingFile::~PendingFile() {
  discard();
}

void PendingFile::commit() {
  if (!open_) throw IoError(cannotWrite(target_, "the recording was already closed."));
  if (const int err = syncPath(temporary_, O_RDONLY); err != 0) {
    discard();
    throw IoError(cannotWrite(target_, "flushing to disk failed (" + errnoText(err) + ")."));
  }
  if (::rename(temporary_.c_str(), target_.c_str()) != 0) {
    const int err = errno;
    discard();
    throw IoError(
        cannotWrite(target_, "renaming the finished file into place failed (" + errnoText(err) + ")."));
  }
  open_ = false;
  syncPath(folderOf(target_), O_RDONLY | O_DIRECTORY);  // makes the rename durable; best effort
}

void PendingFile::discard() noexcept {
  if (!open_) return;
  open_ = false;
  ::unlink(temporary_.c_str());
}

// ---- PendingFolder --------------------------------------------------------------------------

namespace {

// The first entry of `folder` that is not a frame file, or "" when there is none.
std::string firstForeignEntry(const fs::path& folder) {
  std::error_code ec;
  for (const fs::directory_entry& entry : fs::directory_iterator(folder, ec)) {
    std::string name = entry.path().filename().string();
    if (!isFrameFileName(name) || !entry.is_regular_file(ec)) return name;
  }
  if (ec) return "(unreadable: " + ec.message() + ")";
  return {};
}

void requireReplaceableFolder(const fs::path& target) {
  std::error_code ec;
  const fs::file_status status = fs::symlink_status(target, ec);
  if (!fs::exists(status)) return;
  if (!fs::is_directory(status)) {
    throw IoError(cannotWrite(target, "it exists and is not a folder; PNG frames need a folder."));
  }
  if (const std::string foreign = firstForeignEntry(target); !foreign.empty()) {
    throw IoError(cannotWrite(target, "the folder already holds other files (" + foreign +
                                          "); choose an empty or new folder so nothing is overwritten."));
  }
}

// The folder a symbolic link at `target` leads to (when it leads to one), else `target` itself.
fs::path linkedFolder(const fs::path& target) {
  std::error_code ec;
  if (!fs::is_symlink(fs::symlink_status(target, ec)) || !fs::is_directory(target, ec)) return target;
  fs::path folder = fs::canonical(target, ec);
  if (ec) throw IoError(cannotWrite(target, "the symbolic link cannot be followed (" + ec.message() + ")."));
  return folder;
}

}  // namespace

PendingFolder::PendingFolder(fs::path target) : target_(std::move(target)) {
  if (target_.empty()) throw IoError("cannot write a folder with an empty name.");
  // a symbolic link to a frame folder keeps pointing at it: the folder it leads to is replaced
  // (as PendingFile and writeFileAtomic replace a link's target, never the link)
  target_ = linkedFolder(target_);
  requireWritableFolder(target_);
  requireReplaceableFolder(target_);
  for (int attempt = 0;; ++attempt) {
    temporary_ = hiddenBeside(target_, ".tmp-");
    if (::mkdir(temporary_.c_str(), 0755) == 0) break;
    if (errno != EEXIST || attempt > 8) {
      throw IoError(cannotWrite(target_, "the folder " + folderOf(target_).string() + " is not writable (" +
                                             errnoText(errno) + ")."));
    }
  }
}

PendingFolder::~PendingFolder() {
  discard();
}

void PendingFolder::commit() {
  if (!open_) throw IoError(cannotWrite(target_, "the recording was already closed."));
  // syncfs flushes every frame file in one call (instead of an fsync per file while recording).
  const int fd = ::open(temporary_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0 || ::syncfs(fd) != 0) {
    const int err = errno;
    if (fd >= 0) ::close(fd);
    discard();
    throw IoError(cannotWrite(target_, "flushing the frames to disk failed (" + errnoText(err) + ")."));
  }
  ::close(fd);

  std::error_code ec;
  if (!fs::exists(fs::symlink_status(target_, ec))) {
    if (::rename(temporary_.c_str(), target_.c_str()) != 0) {
      const int err = errno;
      discard();
      throw IoError(
          cannotWrite(target_, "renaming the finished folder into place failed (" + errnoText(err) + ")."));
    }
  } else {
    // Re-check: someone may have put a file into the old folder while we were recording.
    try {
      requireReplaceableFolder(target_);
    } catch (...) {
      discard();
      throw;
    }
    // Swap the new folder and the old one atomically, then delete the old frames.
    if (::renameat2(AT_FDCWD, temporary_.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE) == 0) {
      fs::remove_all(temporary_, ec);  // now the old frames
    } else if (errno == EINVAL || errno == ENOSYS) {
      // A file system without RENAME_EXCHANGE: move the old folder aside first. For a moment the
      // target is missing, but it never holds a mix of old and new frames.
      const fs::path old = hiddenBeside(target_, ".old-");
      if (::rename(target_.c_str(), old.c_str()) != 0 || ::rename(temporary_.c_str(), target_.c_str()) != 0) {
        const int err = errno;
        if (!fs::exists(target_, ec)) ::rename(old.c_str(), target_.c_str());
        discard();
        throw IoError(
            cannotWrite(target_, "replacing the old frame folder failed (" + errnoText(err) + ")."));
      }
      fs::remove_all(old, ec);
    } else {
      const int err = errno;
      discard();
      throw IoError(cannotWrite(target_, "replacing the old frame folder failed (" + errnoText(err) + ")."));
    }
  }
  open_ = false;
  syncPath(folderOf(target_), O_RDONLY | O_DIRECTORY);
}

void PendingFolder::discard() noexcept {
  if (!open_) return;
  open_ = false;
  std::error_code ec;
  fs::remove_all(temporary_, ec);
}

}  // namespace sagitta::record
