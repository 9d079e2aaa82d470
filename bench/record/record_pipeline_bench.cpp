// Render + encode speed of `sagitta record` (issue 6): a timeline rendered headless at
// 1920×1080, 30 fps, read back through PBOs and encoded to MP4, exactly as the command does it.
// Prints frames per second of wall-clock time and CPU time per frame; compare with the
// encode-alone floor of record_bench (same size and codec):
//
//   xvfb-run -a -s "-screen 0 1920x1080x24" build/bench/record/sagitta_record_pipeline_bench [seconds]
//   build/bench/record/record_bench --benchmark_filter='mp4'
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <sys/resource.h>
#include <unistd.h>

#include "app/record_command.h"

namespace {

double cpuSeconds() {
  rusage u{};
  ::getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         1e-6 * static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec);
}

}  // namespace

int main(int argc, char** argv) {
  const double seconds = argc > 1 ? std::atof(argv[1]) : 3.0;
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("sagitta_record_bench_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  // the tilt lesson's first seconds: the model, overlays, labels and a caption, all moving
  std::ofstream(dir / "t.json")
      << R"({"schema": "sagitta.timeline", "version": 1, "duration_s": )" << seconds << R"(,
    "scenario": {"camera": {"view": "lateral"}, "captions": {"custom": "Tight hip flexors pull the pelvis forward."}},
    "keyframes": [{"time_s": 0, "set": {"muscles.hip_flexors.tightness": 0}},
                  {"time_s": )"
      << seconds << R"(, "ease": "ease-in-out", "set": {"muscles.hip_flexors.tightness": 1}}]})";
  sagitta::app::RecordCliOptions o;
  o.timeline = dir / "t.json";
  o.out = dir / "clip.mp4";
  o.quiet = true;
  const auto start = std::chrono::steady_clock::now();
  const double cpu0 = cpuSeconds();
  sagitta::app::runRecord(o);
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double cpu = cpuSeconds() - cpu0;
  const double frames = seconds * o.fps;
  std::printf("sagitta record, %dx%d at %d fps, MP4 (H.264), %.0f frames (model load included)\n", o.width,
              o.height, o.fps, frames);
  std::printf("  render + encode: %.1f frames/s wall clock (%.2fx real time), %.0f ms CPU per frame\n",
              frames / wall, frames / wall / o.fps, 1000.0 * cpu / frames);
  fs::remove_all(dir);
  return 0;
}
