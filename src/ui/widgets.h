// Small ImGui widgets the panels share.
#pragma once

#include <string>
#include <vector>

#include "biomech/types.h"
#include "scene/normal_ranges.h"
#include "ui/app_state.h"

namespace sagitta::ui {

// A 0–100 % slider bound to a model parameter key (scenario/parameters.h). Dragging is one
// undo step; hovering or dragging highlights `muscles` (both sides unless `side` is given) in
// the view and makes this key the one the measure plots sweep.
bool parameterSlider(AppState& app, const char* label, const std::string& key, const std::string& undo_name,
                     const std::vector<biomech::MuscleId>& muscles,
                     std::optional<biomech::Side> side = std::nullopt, const char* tooltip = nullptr);

// A horizontal band: red, amber and green zones of a normal range with a marker at `value`.
void rangeBand(const scene::NormalRange& range, double value, float width, float height);

// A small line plot of ys over xs with a dot at (x_now, y_now).
void sweepPlot(const char* id, const std::vector<float>& xs, const std::vector<float>& ys, float x_now,
               float y_now, float width, float height);

// The colour of a band, for text.
unsigned bandColour(scene::Band band);

// A help marker "(?)" with a wrapped tooltip.
void helpMarker(const char* text);

}  // namespace sagitta::ui
