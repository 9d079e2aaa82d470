#include "core/atomic_file.h"

#include <csignal>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/error.h"

namespace fs = std::filesystem;
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

TEST(AtomicFile, ReadingAMissingFileNamesIt) {
  try {
    sagitta::readFile("/nonexistent-sagitta-file.json");
    FAIL();
  } catch (const IoError& e) {
    EXPECT_NE(std::string(e.what()).find("nonexistent-sagitta-file.json"), std::string::npos);
  }
}
