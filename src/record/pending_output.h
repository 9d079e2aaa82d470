// Atomic outputs. A recording is written to a hidden temporary beside its target
// (".clip.mp4.tmp-1f2e..." or ".frames.tmp-1f2e.../") and only renamed into place once it is
// complete and flushed to disk, so the target path never holds a half-written file: an error,
// an abort or a crash leaves the previous target (if any) untouched. Creating the temporary is
// also the early writability check: a missing or read-only folder fails here, before any frame
// is rendered. (A process killed outright can leave a hidden temporary behind; nothing else does.)
#pragma once

#include <filesystem>
#include <string>

namespace sagitta::record {

// A file that becomes `target` on commit().
class PendingFile {
 public:
  // Throws IoError naming `target` when its folder is missing or not writable, or when
  // `target` is a folder.
  explicit PendingFile(std::filesystem::path target);
  ~PendingFile();  // discards unless committed
  PendingFile(const PendingFile&) = delete;
  PendingFile& operator=(const PendingFile&) = delete;

  const std::filesystem::path& target() const { return target_; }
  const std::filesystem::path& temporary() const { return temporary_; }

  // Flushes the temporary to disk and renames it over the target. Throws IoError (and
  // discards the temporary) when that fails.
  void commit();
  // Deletes the temporary; harmless when already committed or discarded.
  void discard() noexcept;

 private:
  std::filesystem::path target_;
  std::filesystem::path temporary_;
  bool open_ = true;
};

// A folder that becomes `target` on commit(). The target may be missing, an empty folder, or a
// folder holding only an earlier frame sequence (frame_NNNNNN.png), which commit() replaces in
// one step (renameat2 RENAME_EXCHANGE). A folder holding anything else is refused at once, so no
// user file is ever deleted.
class PendingFolder {
 public:
  // Throws IoError naming `target` when its parent is missing or not writable, when `target`
  // is a file, or when it holds files other than a frame sequence.
  explicit PendingFolder(std::filesystem::path target);
  ~PendingFolder();
  PendingFolder(const PendingFolder&) = delete;
  PendingFolder& operator=(const PendingFolder&) = delete;

  const std::filesystem::path& target() const { return target_; }
  const std::filesystem::path& temporary() const { return temporary_; }

  // Flushes the temporary folder's files to disk and puts the folder in place of the target.
  // Throws IoError (and discards the temporary) when that fails.
  void commit();
  void discard() noexcept;

 private:
  std::filesystem::path target_;
  std::filesystem::path temporary_;
  bool open_ = true;
};

// True for names the PNG sequence writes: "frame_" + at least six digits + ".png".
bool isFrameFileName(const std::string& name);

}  // namespace sagitta::record
