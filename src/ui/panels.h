// The GUI's panels. Each has one draw function; they change the document only through
// AppState::change (named, undoable commands).
#pragma once

#include "ui/app_state.h"
#include "ui/commands.h"

namespace sagitta::ui {

struct PanelRect {
  float x = 0.0f, y = 0.0f, width = 0.0f, height = 0.0f;
};

// Left: pose, muscles, spondylolisthesis, patient measurements, compare.
// View checkboxes and buttons run the same commands as the menu and keys.
void drawControlsPanel(AppState& app, const CommandTable& commands, const PanelRect& rect);
// Right: measures with normal ranges and response plots; expert extras.
void drawMeasuresPanel(AppState& app, const PanelRect& rect);

}  // namespace sagitta::ui
