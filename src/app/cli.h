// The command line: `sagitta [SCENARIO.json]` opens the GUI; `render`, `report` and `record`
// run headless. Exit codes: 0 success, 1 a failure of the machine (I/O, graphics),
// 2 bad input (a flag, a value, a file's contents).
#pragma once

namespace sagitta::app {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitBadInput = 2;

int run(int argc, char** argv);

}  // namespace sagitta::app
