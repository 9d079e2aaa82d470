// The command line as a user meets it: exit codes and one-line errors. These run the real
// binary; none of them needs a display (bad input is caught before any drawing).
#include <cstdio>
#include <string>

#include <gtest/gtest.h>

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
