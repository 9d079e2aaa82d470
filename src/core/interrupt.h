// Ctrl+C, SIGTERM and SIGHUP as a request to stop: while an InterruptGuard lives, these signals
// only set a flag that the loop of a long task (a recording, the window) polls, so it can finish
// its work (a clip is closed and valid) instead of the process dying half-way. One guard at a time.
#pragma once

#include <array>
#include <csignal>

namespace sagitta {

class InterruptGuard {
 public:
  InterruptGuard();   // installs the handlers; clears an earlier request
  ~InterruptGuard();  // restores the handlers that were there before
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;

  // The signal that asked to stop (SIGINT, SIGTERM or SIGHUP), or 0.
  static int caught();
  // The exit code a shell gives for that signal: 128 + its number (130 for Ctrl+C).
  static int exitCode() { return 128 + caught(); }

 private:
  std::array<struct sigaction, 3> previous_{};
};

}  // namespace sagitta
