#include "app/report_command.h"

#include <CLI/CLI.hpp>

#include "core/error.h"

namespace sagitta::app {

CLI::App* addReportCommand(CLI::App& app, ReportOptions& o) {
  CLI::App* cmd = app.add_subcommand("report", "Solve the posture and print every clinical measure as JSON");
  cmd->add_option("--scenario", o.scenario, "Scenario file (JSON)");
  cmd->add_option("--set", o.sets, "KEY=VALUE parameter, e.g. muscles.hip_flexors.tightness=0.7 (repeatable)");
  cmd->add_option("--pose", o.pose, "Pose")->check(CLI::IsMember({"standing", "thomas", "lunge", "sitting"}));
  return cmd;
}

void runReport(const ReportOptions&) {
  throw IoError("report is not available yet: the biomechanical model is being built");
}

}  // namespace sagitta::app
