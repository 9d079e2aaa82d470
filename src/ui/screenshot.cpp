#include "ui/screenshot.h"

#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>

#include <imgui.h>

#include "core/image.h"
#include "render/gl.h"
#include "render/render_target.h"
#include "ui/escape.h"

namespace sagitta::ui {
namespace {

std::string defaultPath() {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path folder = fs::current_path(ec);
  if (const char* home = std::getenv("HOME")) {
    if (fs::is_directory(fs::path(home) / "Pictures", ec)) folder = fs::path(home) / "Pictures";
  }
  const std::time_t t = std::time(nullptr);
  char name[64];
  std::strftime(name, sizeof name, "sagitta-%Y%m%d-%H%M%S.png", std::localtime(&t));
  return (folder / name).string();
}

}  // namespace

Image renderView(AppState& app, render::Renderer& renderer, ViewComposer& composer, int width, int height,
                 bool transparent, float text_scale) {
  scene::ViewState view = app.doc().view;
  if (transparent) view.background = scene::BackgroundChoice::kTransparent;
  render::RenderTarget target(width, height, 4);
  const scene::FrameContent frame =
      scene::buildFrame(app.session.frameInputs(app.camera, {}, {width, height}), app.session.frameScratch());
  composer.composeFrame(renderer, frame, app.session.meshes(), app.camera, view, text_scale, target);
  Image img;
  img.width = width;
  img.height = height;
  img.rgba = target.readPixels(transparent);
  return img;
}

void ScreenshotDialog::draw(AppState& app, render::Renderer& renderer, ViewComposer& composer,
                            glm::vec2 viewport_px, float ui_scale) {
  if (app.show_screenshot && !opened_) {
    ImGui::OpenPopup("Screenshot");
    path_ = defaultPath();
    opened_ = true;
  }
  if (!ImGui::BeginPopupModal("Screenshot", &app.show_screenshot, ImGuiWindowFlags_AlwaysAutoResize)) {
    opened_ = app.show_screenshot;
    return;
  }
  const int vw = std::max(1, static_cast<int>(viewport_px.x)),
            vh = std::max(1, static_cast<int>(viewport_px.y));
  const char* sizes[] = {"the view's size", "1920 × 1080 (Full HD)", "2560 × 1440", "3840 × 2160 (4K)"};
  const int widths[] = {vw, 1920, 2560, 3840}, heights[] = {vh, 1080, 1440, 2160};
  ImGui::TextUnformatted("The 3D view only, without panels.");
  for (int i = 0; i < 4; ++i) {
    char label[64];
    std::snprintf(label, sizeof label, i == 0 ? "%s (%d × %d)" : "%s", sizes[i], vw, vh);
    if (i > 0) std::snprintf(label, sizeof label, "%s", sizes[i]);
    ImGui::RadioButton(label, &size_choice_, i);
  }
  ImGui::Checkbox("Transparent background (for slides)", &transparent_);
  char buf[1024];
  std::strncpy(buf, path_.c_str(), sizeof buf - 1);
  buf[sizeof buf - 1] = '\0';
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 30.0f);
  if (ImGui::InputText("file", buf, sizeof buf)) path_ = buf;
  if (ImGui::Button("Save")) {
    const int w = std::min(widths[size_choice_], 3840), h = std::min(heights[size_choice_], 2160);
    const bool saved = app.attempt([&] {
      // text as large relative to the picture as on screen
      const Image img = renderView(app, renderer, composer, w, h, transparent_,
                                   ui_scale * static_cast<float>(h) / static_cast<float>(vh));
      writePng(path_, img);
    });
    if (saved) {
      app.info("Saved the screenshot " + path_);
      app.show_screenshot = false;
      ImGui::CloseCurrentPopup();
    }
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel") || escapeCancelsDialog()) {
    app.show_screenshot = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
  opened_ = app.show_screenshot;
}

}  // namespace sagitta::ui
