#include "app/report_command.h"

#include <iostream>

#include <CLI/CLI.hpp>

#include "anatomy/skeleton.h"
#include "app/render_command.h"
#include "biomech/posture_model.h"
#include "core/error.h"
#include "scenario/parameters.h"
#include "scenario/report.h"
#include "scenario/scenario_file.h"
#include "scene/presets.h"

namespace sagitta::app {

CLI::App* addReportCommand(CLI::App& app, ReportOptions& o) {
  CLI::App* cmd = app.add_subcommand("report", "Solve the posture and print every clinical measure as JSON");
  CLI::Option* scenario = cmd->add_option("--scenario", o.scenario, "Scenario file (JSON)");
  addPresetOption(*cmd, o.preset, "Built-in preset to report on (sagitta render --list-presets)")
      ->excludes(scenario);
  cmd->add_option("--set", o.sets,
                  "KEY=VALUE parameter, e.g. muscles.hip_flexors.tightness=0.7 (repeatable)");
  cmd->add_option("--pose", o.pose, "Pose")->check(CLI::IsMember({"standing", "thomas", "lunge", "sitting"}));
  return cmd;
}

void runReport(const ReportOptions& options) {
  // the scenario or preset, then each --set in order, then --pose
  scenario::Scenario sc;
  if (!options.scenario.empty()) sc = scenario::loadScenario(options.scenario);
  if (!options.preset.empty()) sc = scene::findPreset(options.preset)->document.scenario;
  biomech::ModelInputs inputs = sc.inputs;
  for (const std::string& assignment : options.sets) {
    try {
      scenario::applyAssignment(inputs, assignment);
    } catch (const InputError& e) {
      throw InputError(std::string("--set: ") + e.what());
    }
  }
  if (!options.pose.empty()) scenario::setChoice(inputs, "pose", options.pose);
  inputs.validate();

  const biomech::PostureModel model(anatomy::buildSkeleton(inputs.body.params()));
  const biomech::Solution solution = model.solve(inputs);
  std::cout << scenario::reportJson(inputs, solution).dump(2) << "\n";
}

}  // namespace sagitta::app
