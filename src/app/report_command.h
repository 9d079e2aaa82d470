// `sagitta report`: solve the posture for a scenario and print every clinical measure as one
// JSON object on stdout (keys documented in README.md).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace sagitta::app {

struct ReportOptions {
  std::filesystem::path scenario;
  std::string preset;             // a built-in preset's name (not with a scenario)
  std::vector<std::string> sets;  // KEY=VALUE, applied after the scenario or preset
  std::string pose;               // standing | thomas | lunge | sitting (empty: the scenario's)
};

CLI::App* addReportCommand(CLI::App& app, ReportOptions& options);
// Prints the report to stdout. Throws InputError (exit 2) naming the key, file and line for bad
// input; IoError for unreadable files.
void runReport(const ReportOptions& options);

}  // namespace sagitta::app
