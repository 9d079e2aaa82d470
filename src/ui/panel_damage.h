// What a frame must draw again when the window keeps its last picture (issue 16: a frame on a
// software renderer; render::Window::retainBackBuffer). ImGui draws the panels from scratch every
// frame, a full-window pass that costs llvmpipe about 10 ms at 1080p; while the camera orbits or
// the pose plays, only the 3D view changes. When the panels' draw data equals the last frame's,
// the frame redraws the 3D view's rectangle alone, with the panels' draw commands clipped to it.
#pragma once

#include <cstddef>
#include <vector>

#include <imgui.h>

namespace sagitta::ui {

// Everything ImGui's renderer reads from draw data, as bytes: two frames whose bytes are equal draw
// the same pixels (same vertices, indices, clip rectangles, textures and callbacks, in order).
void drawDataBytes(const ImDrawData& data, std::vector<std::byte>& out);

// Clips every draw command to `rect` (ImGui's coordinates: top-left origin, DisplayPos offset):
// drawn again over a fresh 3D view, the panels change no pixel outside it.
void clipDrawData(ImDrawData& data, const ImVec4& rect);

}  // namespace sagitta::ui
