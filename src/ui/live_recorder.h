// Recording from the GUI. Live: every displayed frame that falls on the recording's clock is
// captured (the 3D view at the chosen size, or the whole window with its panels), read back
// asynchronously and handed to the encoder thread without waiting; when the encoder falls
// behind, frames are dropped and counted, never silently. Timeline export: the timeline is
// played at a fixed step and every frame is encoded (like `sagitta record`).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "record/recorder.h"
#include "render/async_readback.h"
#include "render/render_target.h"
#include "render/renderer.h"
#include "scene/timeline_player.h"
#include "ui/view_composer.h"

namespace sagitta::ui {

struct LiveRecordSettings {
  std::filesystem::path path;
  int width = 1920, height = 1080;  // of the clip; the window keeps its own size
  int fps = 30;
  bool with_panels = false;  // the whole window (scaled to the clip size) instead of the 3D view
  bool transparent = false;  // GIF / PNG only
};

class LiveRecorder {
 public:
  // Opens the output (throws InputError / IoError before anything is recorded).
  LiveRecorder(const LiveRecordSettings& settings, double now_s);
  // Timeline export: renders `player` frame by frame through `session`.
  LiveRecorder(const LiveRecordSettings& settings, std::unique_ptr<scene::TimelinePlayer> player);
  ~LiveRecorder();

  bool exporting() const { return player_ != nullptr; }
  // Live: called once per GUI frame after the view is drawn. `view_target` holds this frame's
  // 3D view (reused when it has the clip's size); `window_fbo` / `window_size` the whole window.
  // `view_key` identifies what the view shows (document, pose, camera, size): while it stays
  // the same, a clip of another size reuses its last drawing instead of drawing it again.
  void captureLive(double now_s, render::Renderer& renderer, ViewComposer& composer, scene::Session& session,
                   const scene::Camera& camera, const scene::ViewState& view, float ui_scale,
                   const render::RenderTarget& view_target, glm::ivec2 window_size, std::uint64_t view_key);
  // Timeline export: renders and encodes up to `budget` frames; returns true when done.
  bool exportSome(render::Renderer& renderer, ViewComposer& composer, scene::Session& session, int budget);

  void stop();            // asks the encoder to finish (live or export)
  bool finished() const;  // the file is complete (or failed)
  record::RecorderStats stats() const { return recorder_->stats(); }
  // The finished recording; throws the recording's error.
  record::RecordingResult result();
  double progress() const;  // export: 0..1
  const LiveRecordSettings& settings() const { return settings_; }

 private:
  void push(std::int64_t index, const std::uint8_t* pixels, std::size_t bytes);
  LiveRecordSettings settings_;
  std::unique_ptr<record::Recorder> recorder_;
  std::unique_ptr<render::AsyncReadback> readback_;
  std::unique_ptr<render::RenderTarget> target_;  // the clip-sized picture when it must be drawn anew
  std::uint64_t drawn_key_ = 0;                   // the view_key target_ was last drawn for (0: none)
  std::uint64_t captured_key_ = 0;                // the view_key of the last frame read back (0: none)
  std::vector<std::uint8_t> last_picture_;        // that frame, for still frames (live, view only)
  std::unique_ptr<scene::TimelinePlayer> player_;
  double start_s_ = 0.0;
  std::int64_t last_index_ = -1;
  int exported_ = 0;
  int total_ = 0;
  bool stopping_ = false;
};

}  // namespace sagitta::ui
