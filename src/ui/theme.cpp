#include "ui/theme.h"

#include <imgui.h>

#include "sagitta_fonts_embedded.h"

namespace sagitta::ui {

ImFont* addEmbeddedFont(ImFontAtlas* atlas, const char* file, float size_px) {
  const auto bytes = sagitta_fonts::find(file);
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;  // the bytes live in the binary
  // horizontal oversampling sharpens small text; large text does not need it
  config.OversampleH = size_px < 24.0f ? 2 : 1;
  config.OversampleV = 1;
  static const ImWchar kRanges[] = {0x0020, 0x00FF,      // Latin-1 (°, ±, ×, é)
                                    0x0391, 0x03C9,      // Greek (Δ, θ, α)
                                    0x2013, 0x2026,      // dashes, bullets, ellipsis
                                    0x2190, 0x21FF,      // arrows
                                    0x2212, 0x2264,      // minus, ≈, ≤ ≥ (range covers them)
                                    0x25A0, 0x25FF, 0};  // geometric shapes (● recording dot)
  return atlas->AddFontFromMemoryTTF(const_cast<unsigned char*>(bytes.data()), static_cast<int>(bytes.size()),
                                     size_px, &config, kRanges);
}

Fonts loadFonts(float scale) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  Fonts f;
  f.regular = addEmbeddedFont(io.Fonts, "DejaVuSans.ttf", kBaseFontSizePx * scale);
  f.bold = addEmbeddedFont(io.Fonts, "DejaVuSans-Bold.ttf", kBaseFontSizePx * scale);
  f.large = addEmbeddedFont(io.Fonts, "DejaVuSans-Bold.ttf", kBaseFontSizePx * 1.45f * scale);
  io.FontDefault = f.regular;
  io.Fonts->Build();
  return f;
}

void applyTheme(float scale, bool high_contrast) {
  ImGuiStyle style;
  ImGui::StyleColorsDark(&style);
  style.WindowRounding = 6.0f;
  style.ChildRounding = 4.0f;
  style.FrameRounding = 4.0f;
  style.GrabRounding = 4.0f;
  style.PopupRounding = 4.0f;
  style.ScrollbarRounding = 6.0f;
  style.TabRounding = 4.0f;
  style.WindowBorderSize = 0.0f;
  style.FrameBorderSize = high_contrast ? 1.0f : 0.0f;
  style.WindowPadding = ImVec2(12, 10);
  style.FramePadding = ImVec2(8, 5);
  style.ItemSpacing = ImVec2(9, 7);
  style.ItemInnerSpacing = ImVec2(7, 5);
  style.IndentSpacing = 16.0f;
  style.ScrollbarSize = 14.0f;
  style.GrabMinSize = 12.0f;

  ImVec4* c = style.Colors;
  // calm slate with a teal accent; text a soft white, not pure white, to avoid glare
  const ImVec4 bg(0.10f, 0.115f, 0.14f, 0.96f);
  const ImVec4 frame(0.17f, 0.19f, 0.23f, 1.0f);
  const ImVec4 accent(0.22f, 0.62f, 0.66f, 1.0f);
  const ImVec4 accent_hover(0.28f, 0.72f, 0.76f, 1.0f);
  c[ImGuiCol_Text] = high_contrast ? ImVec4(1, 1, 1, 1) : ImVec4(0.90f, 0.92f, 0.94f, 1.0f);
  c[ImGuiCol_TextDisabled] = ImVec4(0.55f, 0.58f, 0.62f, 1.0f);
  c[ImGuiCol_WindowBg] = high_contrast ? ImVec4(0.02f, 0.02f, 0.03f, 0.98f) : bg;
  c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_PopupBg] = ImVec4(0.12f, 0.135f, 0.16f, 0.98f);
  c[ImGuiCol_Border] = high_contrast ? ImVec4(0.8f, 0.8f, 0.8f, 0.8f) : ImVec4(0.25f, 0.28f, 0.32f, 0.6f);
  c[ImGuiCol_FrameBg] = frame;
  c[ImGuiCol_FrameBgHovered] = ImVec4(0.22f, 0.25f, 0.30f, 1.0f);
  c[ImGuiCol_FrameBgActive] = ImVec4(0.25f, 0.29f, 0.35f, 1.0f);
  c[ImGuiCol_TitleBg] = bg;
  c[ImGuiCol_TitleBgActive] = ImVec4(0.13f, 0.15f, 0.18f, 1.0f);
  c[ImGuiCol_MenuBarBg] = ImVec4(0.12f, 0.135f, 0.16f, 1.0f);
  c[ImGuiCol_CheckMark] = accent_hover;
  c[ImGuiCol_SliderGrab] = accent;
  c[ImGuiCol_SliderGrabActive] = accent_hover;
  c[ImGuiCol_Button] = ImVec4(0.19f, 0.22f, 0.27f, 1.0f);
  c[ImGuiCol_ButtonHovered] = ImVec4(0.24f, 0.40f, 0.44f, 1.0f);
  c[ImGuiCol_ButtonActive] = accent;
  c[ImGuiCol_Header] = ImVec4(0.18f, 0.24f, 0.28f, 1.0f);
  c[ImGuiCol_HeaderHovered] = ImVec4(0.22f, 0.36f, 0.40f, 1.0f);
  c[ImGuiCol_HeaderActive] = accent;
  c[ImGuiCol_Separator] = ImVec4(0.25f, 0.28f, 0.32f, 1.0f);
  c[ImGuiCol_Tab] = frame;
  c[ImGuiCol_TabHovered] = accent_hover;
  c[ImGuiCol_TabActive] = accent;
  c[ImGuiCol_PlotLines] = accent_hover;
  c[ImGuiCol_PlotHistogram] = accent;
  c[ImGuiCol_ResizeGrip] = ImVec4(0, 0, 0, 0);
  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
}

}  // namespace sagitta::ui
