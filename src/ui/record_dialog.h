// File > Record…: format, size, frame rate, panels, transparency; live recording or exporting
// the timeline.
#pragma once

#include <optional>
#include <string>

#include <glm/glm.hpp>

#include "ui/app_state.h"
#include "ui/live_recorder.h"

namespace sagitta::ui {

struct RecordRequest {
  LiveRecordSettings settings;
  bool from_timeline = false;
};

class RecordDialog {
 public:
  void open() {
    open_ = true;
    just_opened_ = true;
  }
  std::optional<RecordRequest> draw(AppState& app, glm::ivec2 view_px, bool has_timeline,
                                    bool prefer_timeline);

 private:
  bool open_ = false;
  bool just_opened_ = false;
  int format_ = 0;  // 0 MP4, 1 GIF, 2 PNG frames
  int size_ = 2;    // 0 the view, 1 720p, 2 1080p, 3 1440p, 4 4K
  int fps_ = 30;
  bool panels_ = false;
  bool transparent_ = false;
  std::string folder_;
  std::string name_ = "sagitta-clip";
};

}  // namespace sagitta::ui
