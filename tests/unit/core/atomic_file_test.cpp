#include "core/atomic_file.h"

#include <csignal>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/error.h"

namespace fs = std::filesystem;
using sagitta::InputError;
using sagitta::IoError;

namespace {

fs::path freshDir(const std::string& name) {
  fs::path d = fs::temp_directory_path() / ("sagitta_atomic_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

std::size_t entriesIn(const fs::path& d) {
  return static_cast<std::size_t>(std::distance(fs::directory_iterator(d), fs::directory_iterator{}));
}

}  // namespace

TEST(AtomicFile, WritesTheWholeFileAndReadsItBack) {
  const fs::path d = freshDir("write");
  sagitta::writeFileAtomic(d / "a.txt", std::string_view("hello\nworld"));
  EXPECT_EQ(sagitta::readFile(d / "a.txt"), "hello\nworld");
  EXPECT_EQ(entriesIn(d), 1u) << "no temporary file may be left beside the target";
}

TEST(AtomicFile, ReplacesAnExistingFile) {
  const fs::path d = freshDir("replace");
  sagitta::writeFileAtomic(d / "a.txt", std::string_view("old"));
  sagitta::writeFileAtomic(d / "a.txt", std::string_view("new content"));
  EXPECT_EQ(sagitta::readFile(d / "a.txt"), "new content");
}

TEST(AtomicFile, MissingFolderGivesAClearErrorNamingThePath) {
  try {
    sagitta::writeFileAtomic("/nonexistent-sagitta-dir/out.png", std::string_view("x"));
    FAIL() << "expected IoError";
  } catch (const IoError& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent-sagitta-dir/out.png"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("does not exist"), std::string::npos) << e.what();
  }
}

TEST(AtomicFile, AFolderAsTargetIsRefused) {
  const fs::path d = freshDir("folder");
  EXPECT_THROW(sagitta::writeFileAtomic(d, std::string_view("x")), IoError);
}

TEST(AtomicFile, UnwritableLocationIsRefusedEvenForRoot) {
  // /proc refuses new files for every user, root included
  EXPECT_THROW(sagitta::writeFileAtomic("/proc/sagitta-test.txt", std::string_view("x")), IoError);
  EXPECT_THROW(sagitta::checkWritable("/proc/sagitta-test.txt"), IoError);
}

TEST(AtomicFile, AFullDiskLeavesTheOldFileAndNoTemporary) {
  // a child process whose file-size limit is tiny stands in for a full disk: write() fails
  // with EFBIG part-way, exactly like ENOSPC would
  const fs::path d = freshDir("full");
  sagitta::writeFileAtomic(d / "keep.bin", std::string_view("previous"));
  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    std::signal(SIGXFSZ, SIG_IGN);
    rlimit limit{4096, 4096};
    ::setrlimit(RLIMIT_FSIZE, &limit);
    try {
      sagitta::writeFileAtomic(d / "keep.bin", std::string(100000, 'x'));
    } catch (const IoError&) {
      ::_exit(42);
    }
    ::_exit(0);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 42) << "the failed write must throw IoError";
  EXPECT_EQ(sagitta::readFile(d / "keep.bin"), "previous");
  EXPECT_EQ(entriesIn(d), 1u) << "the temporary file must be removed";
}

// A missing input file is bad input (exit 2), like any other bad name the user gave.
TEST(AtomicFile, ReadingAMissingFileNamesIt) {
  try {
    sagitta::readFile("/nonexistent-sagitta-file.json");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("nonexistent-sagitta-file.json"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("no such file"), std::string::npos) << e.what();
  }
}

namespace {

// The message readFile throws for `path`, or "" when it reads.
std::string readError(const fs::path& path, std::uintmax_t limit = sagitta::kMaxReadBytes) {
  try {
    sagitta::readFile(path, limit);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

// Issue 11, bug 6: a FIFO as --scenario blocked forever.
TEST(AtomicFile, AFifoIsRefusedInsteadOfBlocking) {
  const fs::path d = freshDir("fifo");
  ASSERT_EQ(::mkfifo((d / "pipe.json").c_str(), 0600), 0);
  const std::string message = readError(d / "pipe.json");  // would block here without the check
  EXPECT_NE(message.find("FIFO"), std::string::npos) << message;
  EXPECT_NE(message.find("pipe.json"), std::string::npos) << message;
  EXPECT_THROW(sagitta::checkReadableFile(d / "pipe.json"), InputError);
}

// Issue 11, bug 6: /dev/zero as a scenario was read until memory ran out.
TEST(AtomicFile, DevZeroIsRefusedInsteadOfReadUntilMemoryRunsOut) {
  const std::string message = readError("/dev/zero");
  EXPECT_NE(message.find("character device"), std::string::npos) << message;
}

// Issue 11, bug 6: files have a size limit, and the message says what it is.
TEST(AtomicFile, AFileOverTheSizeLimitIsRefusedWithTheLimitInTheMessage) {
  const fs::path d = freshDir("big");
  sagitta::writeFileAtomic(d / "big.json", std::string(3u << 20, ' '));
  const std::string message = readError(d / "big.json", 1u << 20);
  EXPECT_NE(message.find("limit of 1 MiB"), std::string::npos) << message;
  EXPECT_EQ(sagitta::readFile(d / "big.json", 4u << 20).size(), 3u << 20) << "under the limit it reads";
}

// Issue 11, bug 9: a symlink loop said "no such file".
TEST(AtomicFile, ASymlinkLoopIsNamedAsALoop) {
  const fs::path d = freshDir("loop");
  fs::create_symlink(d / "b.json", d / "a.json");
  fs::create_symlink(d / "a.json", d / "b.json");
  const std::string message = readError(d / "a.json");
  EXPECT_NE(message.find("symbolic link loop"), std::string::npos) << message;
  EXPECT_THROW(sagitta::writeFileAtomic(d / "a.json", std::string_view("x")), IoError);
}

// Issue 11, bug 7: --out link.png turned the link into a regular file.
TEST(AtomicFile, WritingThroughASymlinkReplacesItsTargetAndKeepsTheLink) {
  const fs::path d = freshDir("symlink");
  fs::create_directories(d / "real");
  sagitta::writeFileAtomic(d / "real" / "target.png", std::string_view("old"));
  fs::create_symlink("real/target.png", d / "link.png");  // relative, as ln -s makes them
  sagitta::checkWritable(d / "link.png");
  sagitta::writeFileAtomic(d / "link.png", std::string_view("new"));
  EXPECT_TRUE(fs::is_symlink(d / "link.png")) << "the link must stay a link";
  EXPECT_EQ(sagitta::readFile(d / "real" / "target.png"), "new");
  EXPECT_EQ(entriesIn(d / "real"), 1u) << "no temporary file may be left beside the target";
  EXPECT_EQ(entriesIn(d), 2u);
  // a dangling link names the file to create
  fs::create_symlink("real/new.png", d / "dangling.png");
  sagitta::writeFileAtomic(d / "dangling.png", std::string_view("made"));
  EXPECT_TRUE(fs::is_symlink(d / "dangling.png"));
  EXPECT_EQ(sagitta::readFile(d / "real" / "new.png"), "made");
}

// Issue 11, bug 7: as root, a device node (through a link or not) was replaced by a file.
TEST(AtomicFile, ADeviceNodeOrFifoIsNeverReplaced) {
  const fs::path d = freshDir("device");
  fs::create_symlink("/dev/null", d / "null.png");
  ASSERT_EQ(::mkfifo((d / "pipe.png").c_str(), 0600), 0);
  for (const fs::path& p : {d / "null.png", d / "pipe.png"}) {
    try {
      sagitta::writeFileAtomic(p, std::string_view("x"));
      ADD_FAILURE() << p << " was written";
    } catch (const IoError& e) {
      EXPECT_NE(std::string(e.what()).find("not a regular file"), std::string::npos) << e.what();
    }
    EXPECT_THROW(sagitta::checkWritable(p), IoError);
  }
  EXPECT_TRUE(fs::is_symlink(d / "null.png"));
  EXPECT_TRUE(fs::is_fifo(d / "pipe.png"));
  EXPECT_TRUE(fs::is_character_file("/dev/null"));
}
