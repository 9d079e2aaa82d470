// `sagitta render`: one frame of the 3D view, offscreen, written as a PNG.
#pragma once

#include <filesystem>
#include <string>

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace sagitta::app {

struct RenderOptions {
  std::filesystem::path out;
  int width = 1920;
  int height = 1080;
  std::string view = "lateral";
  std::filesystem::path scenario;
  std::filesystem::path model;  // model manifest; empty: the built-in model
  std::string preset;
  std::string mode;
  bool list_presets = false;
  std::string background = "dark";
  bool transparent = false;
  bool no_grid = false;
  bool no_shadows = false;
  int msaa = 4;
  bool orthographic = false;
};

inline constexpr int kMaxRenderWidth = 3840;
inline constexpr int kMaxRenderHeight = 2160;

// `--preset NAME` for a subcommand (render, report): an unknown name is refused in one line that
// says where the names are listed.
CLI::Option* addPresetOption(CLI::App& command, std::string& preset, const std::string& help);

// Adds the subcommand and its flags; the callback fills `options`.
CLI::App* addRenderCommand(CLI::App& app, RenderOptions& options);
// Throws InputError / IoError / GraphicsError with a one-line message.
void runRender(const RenderOptions& options, const CLI::App& command);

}  // namespace sagitta::app
