// The command line as a user meets it: exit codes and one-line errors. These run the real
// binary; none of them needs a display (bad input is caught before any drawing).
#include <cstdio>
#include <string>

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../render/process.h"

namespace {

struct Result {
  int code = -1;
  std::string out;  // stdout and stderr together
};

Result run(const std::string& args) {
  const auto r =
      sagitta::testing::runCommand("env -u DISPLAY " SAGITTA_BINARY_DIR "/sagitta " + args + " 2>&1");
  return {r.code, r.out};
}

int lines(const std::string& s) {
  int n = 0;
  for (char c : s) n += c == '\n';
  return n;
}

}  // namespace

TEST(Cli, VersionWorksEverywhere) {
  for (const char* args : {"--version", "render --version", "report --version", "record --version"}) {
    const Result r = run(args);
    EXPECT_EQ(r.code, 0) << args;
    EXPECT_NE(r.out.find("sagitta 0."), std::string::npos) << args << ": " << r.out;
  }
}

TEST(Cli, HelpWorksForEverySubcommand) {
  for (const char* args : {"--help", "render --help", "report --help", "record --help"}) {
    const Result r = run(args);
    EXPECT_EQ(r.code, 0) << args;
    EXPECT_NE(r.out.find("Usage"), std::string::npos) << args;
  }
  EXPECT_NE(run("render --help").out.find("--view"), std::string::npos);
}

TEST(Cli, AnAbsurdSizeIsOneLineAndExitCodeTwo) {
  for (const char* args : {"render --out /tmp/x.png --width 0", "render --out /tmp/x.png --height 99999",
                           "render --out /tmp/x.png --width -5", "render --out /tmp/x.png --width abc"}) {
    const Result r = run(args);
    EXPECT_EQ(r.code, 2) << args;
    EXPECT_EQ(lines(r.out), 1) << args << ": " << r.out;
    EXPECT_EQ(r.out.rfind("sagitta: ", 0), 0u) << r.out;
  }
}

TEST(Cli, AnUnknownViewIsNamed) {
  const Result r = run("render --out /tmp/x.png --view sideways");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("sideways"), std::string::npos);
  EXPECT_EQ(lines(r.out), 1);
}

TEST(Cli, AnUnwritablePathFailsBeforeDrawing) {
  Result r = run("render --out /nonexistent-dir/shot.png");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("/nonexistent-dir"), std::string::npos) << r.out;
  EXPECT_EQ(lines(r.out), 1) << r.out;
  r = run("render --out /proc/shot.png");
  EXPECT_NE(r.code, 0);
  EXPECT_EQ(lines(r.out), 1) << r.out;
}

TEST(Cli, OutputMustBeAPng) {
  const Result r = run("render --out /tmp/shot.jpg");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find(".png"), std::string::npos);
}

TEST(Cli, AMissingRequiredFlagIsNamed) {
  const Result r = run("render");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("--out"), std::string::npos) << r.out;
}

TEST(Cli, WithoutADisplayTheGuiSaysSoInOneSentence) {
  const Result r = run("");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("display"), std::string::npos) << r.out;
  EXPECT_EQ(lines(r.out), 1) << r.out;
}

TEST(Cli, AnUnknownSubcommandOrFlagIsBadInput) {
  EXPECT_EQ(run("render --out /tmp/x.png --frobnicate").code, 2);
}

namespace {

std::string writeTemp(const std::string& name, const std::string& text) {
  const std::string path = "/tmp/sagitta_cli_" + std::to_string(::getpid()) + "_" + name;
  std::FILE* f = std::fopen(path.c_str(), "wb");
  std::fwrite(text.data(), 1, text.size(), f);
  std::fclose(f);
  return path;
}

}  // namespace

// Issue 11, bug 10: portrait 4K, which the validator and its message allow, was refused by the
// command line's cap. Without a display the command gets past every check of its input and
// stops at the window (exit 1).
TEST(Cli, PortraitFourKPassesTheCommandLine) {
  const std::string timeline = SAGITTA_SOURCE_DIR "/tests/data/timelines/hold_then_switch.json";
  const Result portrait = run("record --timeline " + timeline +
                              " --out /tmp/sagitta_cli_portrait.mp4 --width 2160 --height 3840");
  EXPECT_EQ(portrait.out.find("--height"), std::string::npos) << portrait.out;
  EXPECT_EQ(portrait.code, 1) << portrait.out;
  EXPECT_NE(portrait.out.find("display"), std::string::npos) << portrait.out;
  const Result taller = run("record --timeline " + timeline +
                            " --out /tmp/sagitta_cli_portrait.mp4 --width 2160 --height 3842");
  EXPECT_EQ(taller.code, 2) << taller.out;
  EXPECT_NE(taller.out.find("--height"), std::string::npos) << taller.out;
}

// Issue 11, bug 4: a timeline whose schema or title is not a string, or that holds 1e400, gave
// "unexpected error: [json.exception…]" with exit 1.
TEST(Cli, ATimelineOfTheWrongTypesIsExitTwoWithFileAndLine) {
  for (const std::string& text :
       {std::string(
            "{\"version\": 1,\n\"schema\": [\"sagitta.timeline\"], \"keyframes\": [{\"time_s\": 1}]}"),
        std::string("{\"schema\": \"sagitta.timeline\", \"version\": 1,\n\"title\": 7, \"keyframes\": "
                    "[{\"time_s\": 1}]}"),
        std::string(
            "{\"schema\": \"sagitta.timeline\", \"version\": 1, \"keyframes\":\n[{\"time_s\": 1e400}]}")}) {
    const std::string path = writeTemp("types.json", text);
    const Result r = run("record --timeline " + path + " --out /tmp/sagitta_cli_types.mp4");
    EXPECT_EQ(r.code, 2) << r.out;
    EXPECT_EQ(lines(r.out), 1) << r.out;
    EXPECT_NE(r.out.find(path + ":2: "), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("json.exception"), std::string::npos) << r.out;
    std::remove(path.c_str());
  }
}

// Issue 11, bug 6: a FIFO as --timeline blocked forever and /dev/zero was read until memory ran
// out; both are refused at once, as bad input.
TEST(Cli, SpecialFilesAreRefusedAtOnce) {
  const std::string fifo = "/tmp/sagitta_cli_" + std::to_string(::getpid()) + "_fifo.json";
  std::remove(fifo.c_str());
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  for (const std::string& input : {fifo, std::string("/dev/zero")}) {
    const auto r =
        sagitta::testing::runCommand("env -u DISPLAY timeout 60 " SAGITTA_BINARY_DIR
                                     "/sagitta record --out /tmp/sagitta_cli_fifo.mp4 --timeline " +
                                     input + " 2>&1");
    EXPECT_EQ(r.code, 2) << input << ": " << r.out;
    EXPECT_NE(r.out.find("not a regular file"), std::string::npos) << r.out;
  }
  std::remove(fifo.c_str());
}
