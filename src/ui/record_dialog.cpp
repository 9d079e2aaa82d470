#include "ui/record_dialog.h"

#include <cstring>
#include <filesystem>

#include <imgui.h>

#include "ui/escape.h"

namespace sagitta::ui {

std::optional<RecordRequest> RecordDialog::draw(AppState& app, glm::ivec2 view_px, bool has_timeline,
                                                bool prefer_timeline) {
  (void)prefer_timeline;
  (void)app;
  if (!open_) return std::nullopt;
  if (just_opened_) {
    ImGui::OpenPopup("Record a clip");
    just_opened_ = false;
    if (folder_.empty()) {
      std::error_code ec;
      folder_ = std::filesystem::current_path(ec).string();
      if (const char* home = std::getenv("HOME")) {
        if (std::filesystem::is_directory(std::filesystem::path(home) / "Videos", ec))
          folder_ = std::string(home) + "/Videos";
      }
    }
  }
  std::optional<RecordRequest> request;
  if (ImGui::BeginPopupModal("Record a clip", &open_, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::TextUnformatted("Format");
    ImGui::RadioButton("MP4 video (H.264)", &format_, 0);
    ImGui::SameLine();
    ImGui::RadioButton("GIF", &format_, 1);
    ImGui::SameLine();
    ImGui::RadioButton("PNG frames", &format_, 2);
    ImGui::TextUnformatted("Size");
    const int even_w = std::max(2, view_px.x / 2 * 2), even_h = std::max(2, view_px.y / 2 * 2);
    const int widths[] = {even_w, 1280, 1920, 2560, 3840}, heights[] = {even_h, 720, 1080, 1440, 2160};
    char view_label[64];
    std::snprintf(view_label, sizeof view_label, "the view (%d × %d)", even_w, even_h);
    const char* labels[] = {view_label, "1280 × 720", "1920 × 1080", "2560 × 1440", "3840 × 2160 (4K)"};
    for (int i = 0; i < 5; ++i) {
      if (i > 0) ImGui::SameLine();
      ImGui::RadioButton(labels[i], &size_, i);
    }
    if (format_ == 1 && widths[size_] > 1280)
      ImGui::TextDisabled("GIFs this large are slow to encode; 1280 wide or less keeps up live.");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8.0f);
    ImGui::Combo("frames a second", &fps_,
                 "24\0"
                 "25\0"
                 "30\0"
                 "50\0"
                 "60\0");
    static constexpr int kFps[] = {24, 25, 30, 50, 60};
    ImGui::Checkbox("include the panels (live only)", &panels_);
    ImGui::BeginDisabled(format_ == 0);
    ImGui::Checkbox("transparent background", &transparent_);
    ImGui::EndDisabled();
    char folder[512], name[256];
    std::strncpy(folder, folder_.c_str(), sizeof folder - 1);
    folder[sizeof folder - 1] = '\0';
    std::strncpy(name, name_.c_str(), sizeof name - 1);
    name[sizeof name - 1] = '\0';
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 24.0f);
    if (ImGui::InputText("folder", folder, sizeof folder)) folder_ = folder;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14.0f);
    if (ImGui::InputText("name", name, sizeof name)) name_ = name;
    static constexpr const char* kExt[] = {".mp4", ".gif", "/"};
    const std::string target = (std::filesystem::path(folder_) / name_).string() + kExt[format_];
    ImGui::TextDisabled("→ %s", target.c_str());

    RecordRequest r;
    r.settings.path = target;
    r.settings.width = widths[size_];
    r.settings.height = heights[size_];
    r.settings.fps = kFps[fps_ < 0 || fps_ > 4 ? 2 : fps_];
    r.settings.with_panels = panels_;
    r.settings.transparent = transparent_ && format_ != 0;
    if (ImGui::Button("Start recording")) {
      request = r;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Records what you do until you stop (Ctrl+R)");
    if (has_timeline) {
      ImGui::SameLine();
      if (ImGui::Button("Export the timeline")) {
        r.from_timeline = true;
        r.settings.with_panels = false;
        request = r;
      }
      if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Renders the timeline frame by frame: smooth and the same every time");
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || escapeCancelsDialog()) open_ = false;
    if (request) {
      open_ = false;
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
  return request;
}

}  // namespace sagitta::ui
