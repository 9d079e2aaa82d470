#include "app/record_command.h"

#include <chrono>
#include <cstdio>
#include <optional>
#include <vector>

#include <CLI/CLI.hpp>
#include <unistd.h>

#include "core/error.h"
#include "core/interrupt.h"
#include "core/log.h"
#include "record/recorder.h"
#include "render/async_readback.h"
#include "render/gl.h"
#include "render/render_target.h"
#include "render/renderer.h"
#include "render/window.h"
#include "scene/default_model.h"
#include "scene/timeline_player.h"
#include "ui/view_composer.h"

namespace sagitta::app {
namespace {

// Progress on stderr: a bar with ETA on a terminal, a plain line every 10 % otherwise.
class Progress {
 public:
  Progress(int total, bool quiet) : total_(total), quiet_(quiet), tty_(::isatty(STDERR_FILENO) == 1) {}
  void update(int done) {
    if (quiet_) return;
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    const double rate = elapsed > 0.0 ? done / elapsed : 0.0;
    const double eta = rate > 0.0 ? (total_ - done) / rate : 0.0;
    if (tty_) {
      constexpr int kWidth = 30;
      const int filled = total_ > 0 ? done * kWidth / total_ : kWidth;
      std::fprintf(stderr, "\r[%.*s%*s] %3d%%  %d/%d frames  %.1f fps  ETA %d:%02d ", filled,
                   "==============================", kWidth - filled, "",
                   total_ > 0 ? done * 100 / total_ : 100, done, total_, rate, static_cast<int>(eta) / 60,
                   static_cast<int>(eta) % 60);
      if (done == total_) std::fputc('\n', stderr);
    } else {
      const int decile = total_ > 0 ? done * 10 / total_ : 10;
      if (decile > last_decile_ || done == total_) {
        std::fprintf(stderr, "sagitta: recorded %d of %d frames (%.1f fps)\n", done, total_, rate);
        last_decile_ = decile;
      }
    }
    std::fflush(stderr);
  }

 private:
  int total_;
  bool quiet_, tty_;
  int last_decile_ = 0;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

}  // namespace

CLI::App* addRecordCommand(CLI::App& app, RecordCliOptions& o) {
  CLI::App* cmd = app.add_subcommand("record", "Render a timeline headless into an MP4, GIF or PNG sequence");
  cmd->add_option("--timeline,-t", o.timeline, "Timeline file (JSON)")->required();
  cmd->add_option("--out,-o", o.out, "clip.mp4, clip.gif, or a folder/ for PNG frames (written atomically)")
      ->required();
  cmd->add_option("--width,-W", o.width, "Width in pixels")->check(CLI::Range(2, record::kMaxLongSide));
  cmd->add_option("--height,-H", o.height, "Height in pixels")->check(CLI::Range(2, record::kMaxLongSide));
  cmd->add_option("--fps", o.fps, "Frames a second")->check(CLI::Range(1, 240));
  cmd->add_option("--model", o.model, "Model manifest (JSON) replacing built-in bones with your meshes")
      ->check(CLI::ExistingFile);
  cmd->add_flag("--transparent", o.transparent, "Transparent background (GIF and PNG frames; not MP4)");
  cmd->add_flag("--quiet,-q", o.quiet, "No progress output");
  return cmd;
}

int runRecord(const RecordCliOptions& o) {
  // bad input fails before any drawing: the timeline, then the output options
  scene::Timeline timeline = scene::loadTimeline(o.timeline);
  record::RecordOptions ro;
  ro.path = o.out;
  ro.width = o.width;
  ro.height = o.height;
  ro.fps = o.fps;
  ro.transparent = o.transparent;
  record::validate(ro);

  render::Window window(render::headlessWindowOptions());
  render::Renderer renderer;
  render::RenderTarget target(o.width, o.height, 4);
  ui::ViewComposer composer;
  scene::Session session(
      scene::loadModelOrDefault(o.model, timeline.evaluate(0.0).scenario.inputs.body.params()),
      scene::modelSourceFor(o.model));
  const float aspect = static_cast<float>(o.width) / static_cast<float>(o.height);
  scene::TimelinePlayer player(session, std::move(timeline), aspect);
  const int total = player.frameCount(o.fps);

  record::Recorder recorder(ro);  // opens the output: an unwritable path fails here
  render::AsyncReadback readback(o.width, o.height, 3);
  std::vector<std::uint8_t> last_picture;  // the last frame read back, for still frames
  auto push_last_picture = [&](std::int64_t index) {
    record::Frame frame = recorder.newFrame(index);
    frame.row_order = record::RowOrder::kBottomFirst;
    std::copy(last_picture.begin(), last_picture.end(), frame.rgba.begin());
    if (o.transparent) {
      // the picture is premultiplied over a clear background: straighten partly covered pixels
      for (std::size_t i = 0; i < frame.rgba.size(); i += 4) {
        const unsigned a = frame.rgba[i + 3];
        if (a == 0 || a == 255) continue;
        for (int c = 0; c < 3; ++c)
          frame.rgba[i + c] =
              static_cast<std::uint8_t>(std::min(255u, (frame.rgba[i + c] * 255u + a / 2) / a));
      }
    }
    recorder.push(std::move(frame), record::PushMode::kBlocking);
  };
  auto sink = [&](std::int64_t index, const std::uint8_t* pixels, std::size_t bytes) {
    last_picture.assign(pixels, pixels + bytes);
    push_last_picture(index);
  };
  // A frame that shows exactly what the previous one showed (a hold: the same document, a pose
  // at rest, the same camera) is the previous picture again: drawing is deterministic, so it is
  // copied instead of drawn. The file is the same either way; holds cost no rendering.
  struct Shown {
    scene::Document document;
    anatomy::Pose pose;
    scene::Camera camera;
    bool operator==(const Shown&) const = default;
  };
  std::optional<Shown> last_shown;
  int still_frames = 0;

  // Ctrl+C, SIGTERM or SIGHUP (a closed terminal) stop the loop: the clip so far is finished
  std::optional<InterruptGuard> interrupts(std::in_place);

  Progress progress(total, o.quiet);
  const double dt = 1.0 / o.fps;
  int done = 0;
  try {
    for (int i = 0; i < total && InterruptGuard::caught() == 0; ++i) {
      const scene::Camera camera = player.show(i * dt, dt);
      Shown shown{session.shown(), session.shownPose(), camera};
      if (last_shown && shown == *last_shown) {
        readback.collect(sink, true);  // the previous picture is in last_picture
        push_last_picture(i);
        ++still_frames;
        progress.update(++done);
        continue;
      }
      scene::ViewState view = session.shown().view;
      if (o.transparent) view.background = scene::BackgroundChoice::kTransparent;
      const scene::FrameContent frame =
          scene::buildFrame(session.frameInputs(camera, {}, {o.width, o.height}), session.frameScratch());
      composer.composeFrame(renderer, frame, session.meshes(), camera, view,
                            static_cast<float>(o.height) / 1080.0f, target);
      readback.start(target, i);
      readback.collect(sink);
      last_shown = std::move(shown);
      progress.update(++done);
    }
    readback.collect(sink, true);
  } catch (...) {
    interrupts.reset();
    recorder.abort();
    throw;
  }
  interrupts.reset();
  const bool interrupted = InterruptGuard::caught() != 0;
  if (const std::string errors = render::takeGlErrors(); !errors.empty()) {
    recorder.abort();
    throw GraphicsError("the graphics driver reported " + errors + " while rendering");
  }
  const record::RecordingResult result = recorder.finish();
  char summary[256];
  std::snprintf(summary, sizeof summary, "%s %s: %lld frames (%d drawn, %d still), %.2f s at %d fps, %.1f MB",
                interrupted ? "stopped early; wrote" : "wrote", result.path.string().c_str(),
                static_cast<long long>(result.frames_encoded), done - still_frames, still_frames,
                result.clip_seconds, o.fps, static_cast<double>(result.bytes_written) / 1e6);
  log::info(summary);
  return interrupted ? InterruptGuard::exitCode() : 0;
}

}  // namespace sagitta::app
