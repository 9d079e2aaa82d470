// The GUI's side panels. Each owns its interface state and has one draw function; they change the document
// only through AppState::change (named, undoable commands).
#pragma once

#include <array>

#include "biomech/muscle_table.h"
#include "ui/app_state.h"
#include "ui/commands.h"
#include "ui/sweep_cache.h"

namespace sagitta::ui {

struct PanelRect {
  float x = 0.0f, y = 0.0f, width = 0.0f, height = 0.0f;
};

// Left: pose, muscles, spondylolisthesis, patient measurements, compare.
// View checkboxes and buttons run the same commands as the menu and keys.
class ControlsPanel {
 public:
  ControlsPanel() { linked_.fill(true); }
  void draw(AppState& app, const CommandTable& commands, const PanelRect& rect);

 private:
  // left and right linked per muscle: interface state, not part of the document
  std::array<bool, biomech::kMuscleCount> linked_{};
};

// Right: measures with normal ranges and response plots; expert extras.
class MeasuresPanel {
 public:
  void draw(AppState& app, const PanelRect& rect);

 private:
  SweepCache sweep_;  // the response plots, solved again only when their inputs change
};

}  // namespace sagitta::ui
