// Runs the real `sagitta` binary (or any command) and captures its output and exit code.
// Shared by the render tests and the CLI unit tests.
#pragma once

#include <array>
#include <cstdio>
#include <string>

#include <sys/wait.h>

namespace sagitta::testing {

struct ProcessResult {
  int code = -1;
  std::string out;
};

// Runs a shell command line; returns its exit code and standard output.
inline ProcessResult runCommand(const std::string& cmd) {
  ProcessResult r;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (p == nullptr) return r;
  std::array<char, 4096> buf{};
  while (std::fgets(buf.data(), buf.size(), p) != nullptr) r.out += buf.data();
  const int status = ::pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

inline ProcessResult runSagitta(const std::string& args, const std::string& env = "") {
  // `env` may hold variable assignments or a command prefix ("ulimit -f 64 &&", "timeout 4")
  return runCommand(env + " " SAGITTA_BINARY_DIR "/sagitta " + args + " 2>&1");
}

}  // namespace sagitta::testing
