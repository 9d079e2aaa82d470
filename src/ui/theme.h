// ImGui look: a real TTF font (DejaVu Sans, embedded) at a readable size and a calm theme.
// Everything scales with the UI scale (100-300 %) so a projector at the back of a room works.
#pragma once

struct ImFont;
struct ImFontAtlas;

namespace sagitta::ui {

struct Fonts {
  ImFont* regular = nullptr;
  ImFont* bold = nullptr;
  ImFont* large = nullptr;  // headings, captions
};

inline constexpr float kBaseFontSizePx = 17.0f;

// Adds an embedded font ("DejaVuSans.ttf" or "DejaVuSans-Bold.ttf") to an atlas.
ImFont* addEmbeddedFont(ImFontAtlas* atlas, const char* file, float size_px);

// Rebuilds the font atlas for a scale; call between frames (the GL texture is re-created by
// the ImGui OpenGL backend on its next frame).
Fonts loadFonts(float scale);
// Colours, rounding and spacing; high contrast for classroom / projector mode.
void applyTheme(float scale, bool high_contrast = false);

}  // namespace sagitta::ui
