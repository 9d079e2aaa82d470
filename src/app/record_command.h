// `sagitta record`: a timeline rendered headless at a fixed time step into an MP4, a GIF or a
// folder of PNG frames. Deterministic: the same inputs give the same frames.
#pragma once

#include <filesystem>

namespace CLI {
class App;
}

namespace sagitta::app {

struct RecordCliOptions {
  std::filesystem::path timeline;
  std::filesystem::path out;
  std::filesystem::path model;  // model manifest; empty: the built-in model
  int width = 1920;
  int height = 1080;
  int fps = 30;
  bool transparent = false;
  bool quiet = false;
};

CLI::App* addRecordCommand(CLI::App& app, RecordCliOptions& options);
// Returns the exit code: 0 finished, 130 stopped by Ctrl+C (the file holds the frames so far).
// Throws InputError / IoError / GraphicsError with a one-line message.
int runRecord(const RecordCliOptions& options);

}  // namespace sagitta::app
