// The timeline strip along the bottom of the window: keyframes from the current state, scrub,
// play, loop, edit times and easing, open and save timeline files.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>

#include "scene/timeline_player.h"
#include "ui/app_state.h"
#include "ui/file_dialog.h"

namespace sagitta::ui {

class TimelinePanel {
 public:
  // Draws the strip in `rect` (x, y, width, height in pixels).
  void draw(AppState& app, float x, float y, float width, float height);
  // Plays or shows the scrubbed time; call once per frame. Returns true when it showed a
  // time (the shown document, and maybe the camera; the edited document stays).
  bool advance(AppState& app, double dt_s, float aspect);
  bool hasTimeline() const { return timeline_.has_value(); }
  bool playing() const { return playing_; }
  const scene::Timeline& timeline() const { return *timeline_; }
  bool wantsExport() {
    const bool w = export_requested_;
    export_requested_ = false;
    return w;
  }
  void open(AppState& app, const std::filesystem::path& path);

 private:
  void addKeyframe(AppState& app);
  std::optional<scene::Timeline> timeline_;
  std::optional<std::filesystem::path> path_;
  std::unique_ptr<scene::TimelinePlayer> player_;
  FileDialog dialog_;
  bool saving_ = false;
  double time_s_ = 0.0;
  bool playing_ = false;
  bool loop_ = true;
  bool scrubbed_ = false;
  int selected_ = -1;
  bool export_requested_ = false;
  float player_aspect_ = 0.0f;
};

}  // namespace sagitta::ui
