#include "app/render_command.h"

#include <algorithm>
#include <cctype>
#include <iostream>

#include <CLI/CLI.hpp>

#include "core/atomic_file.h"
#include "core/error.h"
#include "core/image.h"
#include "core/log.h"
#include "render/gl.h"
#include "render/render_target.h"
#include "render/renderer.h"
#include "render/window.h"
#include "scene/default_model.h"
#include "scene/presets.h"
#include "scene/session.h"
#include "ui/view_composer.h"

namespace sagitta::app {

CLI::Option* addPresetOption(CLI::App& command, std::string& preset, const std::string& help) {
  return command.add_option("--preset", preset, help)
      ->check(CLI::Validator(
          [](const std::string& name) -> std::string {
            return scene::findPreset(name) != nullptr
                       ? std::string()
                       : "unknown preset " + name + " (sagitta render --list-presets lists them)";
          },
          "PRESET"));
}

CLI::App* addRenderCommand(CLI::App& app, RenderOptions& o) {
  CLI::App* cmd =
      app.add_subcommand("render", "Render one frame of the 3D view offscreen and write it as a PNG");
  cmd->add_option("--out,-o", o.out, "PNG file to write (written atomically)");
  cmd->add_option("--width,-W", o.width, "Image width in pixels")->check(CLI::Range(1, kMaxRenderWidth));
  cmd->add_option("--height,-H", o.height, "Image height in pixels")->check(CLI::Range(1, kMaxRenderHeight));
  cmd->add_option("--view", o.view, "Camera view; xray = the lateral radiograph look (orthographic)")
      ->check(CLI::IsMember({"lateral", "lateral-left", "lateral-right", "anterior", "posterior", "superior",
                             "oblique", "xray"}));
  CLI::Option* scenario =
      cmd->add_option("--scenario", o.scenario, "Scenario file (JSON) to render as the GUI shows it");
  addPresetOption(*cmd, o.preset, "Built-in preset to render (see --list-presets)")->excludes(scenario);
  cmd->add_option("--mode", o.mode,
                  "Teaching mode: classroom (projector), patient (plain captions) or expert")
      ->check(CLI::IsMember({"classroom", "patient", "expert"}));
  cmd->add_option("--model", o.model, "Model manifest (JSON) replacing built-in bones with your meshes")
      ->check(CLI::ExistingFile);
  cmd->add_flag("--list-presets", o.list_presets, "Print the built-in presets' names and exit");
  cmd->add_option("--background", o.background, "Background")
      ->check(CLI::IsMember({"dark", "light", "transparent"}));
  cmd->add_flag("--transparent", o.transparent, "Transparent background (same as --background transparent)");
  cmd->add_flag("--no-grid", o.no_grid, "Hide the floor grid");
  cmd->add_flag("--no-shadows", o.no_shadows, "Turn shadows off");
  cmd->add_flag("--orthographic", o.orthographic, "Orthographic instead of perspective projection");
  cmd->add_option("--msaa", o.msaa, "Multisample anti-aliasing samples (1 = off)")
      ->check(CLI::IsMember({1, 2, 4, 8}));
  return cmd;
}

namespace {

void checkPngPath(const std::filesystem::path& out) {
  std::string ext = out.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext != ".png") throw InputError("--out must name a .png file, not " + out.string());
  checkWritable(out);
}

void printPresets(std::ostream& out) {
  std::size_t width = 0;
  for (const scene::Preset& p : scene::presets()) width = std::max(width, p.name.size());
  for (const scene::Preset& p : scene::presets()) {
    out << p.name << std::string(width + 2 - p.name.size(), ' ') << p.title << '\n';
  }
}

}  // namespace

void runRender(const RenderOptions& o, const CLI::App& command) {
  if (o.list_presets) {
    printPresets(std::cout);
    return;
  }
  if (o.out.empty()) throw InputError("--out is required: the PNG file to write");
  // everything that can be checked without a GPU is checked first, so bad input fails fast
  checkPngPath(o.out);
  scene::Document document;
  if (!o.scenario.empty()) document = scene::loadDocument(o.scenario);
  if (!o.preset.empty()) document = scene::findPreset(o.preset)->document;
  scene::ViewState& view = document.view;
  // flags given on the command line override the scenario or preset
  if (command.count("--mode") > 0) scene::setViewKey(view, "mode", o.mode);
  if (command.count("--view") > 0) {
    if (o.view == "xray") {
      view.camera_view = scene::CameraView::kLateral;
      scene::setXray(view, true);
    } else {
      scene::setViewKey(view, "camera.view", o.view);
    }
  }
  if (command.count("--background") > 0) scene::setViewKey(view, "view.background", o.background);
  if (o.transparent) view.background = scene::BackgroundChoice::kTransparent;
  if (o.no_grid) view.grid = false;
  if (o.no_shadows) view.shadows = false;
  if (o.orthographic) view.camera.projection = scene::Projection::kOrthographic;

  render::Window window(render::headlessWindowOptions());
  render::Renderer renderer;
  render::RenderTarget target(o.width, o.height, o.msaa);
  scene::Session session(scene::loadModelOrDefault(o.model, document.scenario.inputs.body.params()),
                         scene::modelSourceFor(o.model));
  session.show(document);
  session.settle();  // a still picture shows the solved posture, not the start of an animation

  const float aspect = static_cast<float>(o.width) / static_cast<float>(o.height);
  const scene::Camera camera =
      session.cameraFor(view, view.ghost == scene::Ghost::kSideBySide ? aspect * 0.5f : aspect);
  const scene::FrameContent frame =
      scene::buildFrame(session.frameInputs(camera, {}, {o.width, o.height}), session.frameScratch());
  ui::ViewComposer composer;
  // the same picture at any size: text scales with the height, 1080 p = 100 %
  composer.composeFrame(renderer, frame, session.meshes(), camera, view,
                        static_cast<float>(o.height) / 1080.0f, target);

  Image image;
  image.width = o.width;
  image.height = o.height;
  image.rgba = target.readPixels(view.background == scene::BackgroundChoice::kTransparent);
  if (const std::string errors = render::takeGlErrors(); !errors.empty()) {
    throw GraphicsError("the graphics driver reported " + errors + " while rendering");
  }
  writePng(o.out, image);
  log::info("wrote " + o.out.string() + " (" + std::to_string(o.width) + "×" + std::to_string(o.height) +
            ")");
}

}  // namespace sagitta::app
