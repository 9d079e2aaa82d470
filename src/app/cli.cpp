#include "app/cli.h"

#include <cstdio>
#include <iostream>

#include <CLI/CLI.hpp>

#include "app/record_command.h"
#include "app/render_command.h"
#include "app/report_command.h"
#include "core/error.h"
#include "core/log.h"
#include "core/version.h"
#include "scenario/json_lines.h"
#include "ui/gui_app.h"

namespace sagitta::app {
namespace {

std::string versionText() {
  return std::string("sagitta ") + kVersion;
}

// One line on stderr, the way every Sagitta error looks: a NUL or a newline from a file is shown
// as \xNN, so it neither cuts the line short nor splits it.
int fail(int code, const std::string& message) {
  std::fprintf(stderr, "sagitta: %s\n", scenario::printable(message).c_str());
  return code;
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{
      "Sagitta: see how muscle tightness changes posture (pelvic tilt, hip-flexor length, "
      "spondylolisthesis) on a 3D pelvis, lumbar spine and femurs.\n"
      "Without a command it opens the window.",
      "sagitta"};
  app.set_version_flag("--version,-V", versionText());
  app.require_subcommand(0, 1);

  ui::GuiOptions gui;
  std::string scenario;
  app.add_option("scenario", scenario, "Scenario file (JSON) to open");
  app.add_option("--model", gui.model, "Model manifest (JSON) replacing built-in bones with your meshes")
      ->check(CLI::ExistingFile);
  app.add_option("--exit-after-frames", gui.exit_after_frames,
                 "Quit after this many frames (for smoke tests)")
      ->group("")  // hidden: a testing aid
      ->check(CLI::NonNegativeNumber);
  app.add_option("--window-screenshot", gui.window_screenshot, "With --exit-after-frames: PNG of the window")
      ->group("");
  app.add_option("--record", gui.record,
                 "Start recording the 3D view to this file (MP4, GIF or folder/) at launch");
  app.add_option("--layout-dump", gui.layout_dump, "Write named widget rectangles (GUI tests)")->group("");
  app.add_option("--state-dump", gui.state_dump, "Write the report of the open document at exit (GUI tests)")
      ->group("");

  RenderOptions render_options;
  CLI::App* render_cmd = addRenderCommand(app, render_options);

  ReportOptions report_options;
  CLI::App* report_cmd = addReportCommand(app, report_options);
  RecordCliOptions record_options;
  CLI::App* record_cmd = addRecordCommand(app, record_options);
  for (CLI::App* sub : {render_cmd, report_cmd, record_cmd})
    sub->set_version_flag("--version,-V", versionText());

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::string help = "sagitta --help";
    for (const CLI::App* sub : app.get_subcommands()) help = "sagitta " + sub->get_name() + " --help";
    return fail(kExitBadInput, std::string(e.what()) + " (see " + help + ")");
  }

  try {
    if (render_cmd->parsed()) {
      runRender(render_options, *render_cmd);
      return kExitOk;
    }
    if (report_cmd->parsed()) {
      runReport(report_options);
      return kExitOk;
    }
    if (record_cmd->parsed()) return runRecord(record_options);
    if (!scenario.empty()) gui.scenario = scenario;
    return ui::runGui(gui);
  } catch (const InputError& e) {
    return fail(kExitBadInput, e.what());
  } catch (const IoError& e) {
    return fail(kExitFailure, e.what());
  } catch (const GraphicsError& e) {
    return fail(kExitFailure, e.what());
  } catch (const std::exception& e) {
    return fail(kExitFailure, std::string("unexpected error: ") + e.what());
  }
}

}  // namespace sagitta::app
