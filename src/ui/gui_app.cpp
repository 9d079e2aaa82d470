#include "ui/gui_app.h"

// glad before GLFW so GLFW does not include the system GL header
#include "render/gl.h"
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <string>

#include "core/error.h"
#include "core/image.h"
#include "core/log.h"
#include "core/paths.h"
#include "core/process_stats.h"
#include "core/version.h"
#include "render/render_target.h"
#include "render/renderer.h"
#include "render/window.h"
#include "scene/default_model.h"
#include "scene/stage.h"
#include "ui/camera_controller.h"
#include "ui/settings.h"
#include "ui/theme.h"
#include "ui/view_composer.h"

namespace sagitta::ui {
namespace {

// Everything the GUI shows; one instance, destroyed in reverse order of creation so the GL
// objects go before the context (the reason these live together, as in Polyscope).
class GuiApp {
 public:
  explicit GuiApp(const GuiOptions& options);
  ~GuiApp();
  int run();

 private:
  void applyScaleIfChanged();
  void drawMenuBar();
  void drawStatusBar();
  void drawHelpOverlay();
  ViewportRect viewportRect() const;
  void renderViewport(const ViewportRect& rect);
  void presentViewport(const ViewportRect& rect, const glm::ivec2& fb) const;

  GuiOptions options_;
  Settings settings_;
  std::string ini_path_;
  render::Window window_;
  std::optional<render::Renderer> renderer_;
  std::optional<render::RenderTarget> target_;
  std::optional<ViewComposer> composer_;
  std::optional<scene::Stage> stage_;
  scene::Camera camera_;
  render::RenderSettings render_settings_;
  scene::LayerOptions layers_;
  float scale_ = 1.0f;
  float applied_scale_ = 0.0f;
  bool show_help_ = false;
  bool framed_ = false;
  std::string status_;
  double frame_ms_ = 0.0;
};

// The default framebuffer's back buffer (what is about to be shown), top row first.
Image readWindowPixels(const glm::ivec2& fb) {
  Image img;
  img.width = fb.x;
  img.height = fb.y;
  std::vector<std::uint8_t> bottom_up(static_cast<std::size_t>(fb.x) * fb.y * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, fb.x, fb.y, GL_RGBA, GL_UNSIGNED_BYTE, bottom_up.data());
  img.rgba.resize(bottom_up.size());
  const std::size_t row = static_cast<std::size_t>(fb.x) * 4;
  for (int y = 0; y < fb.y; ++y) {
    std::copy_n(bottom_up.data() + static_cast<std::size_t>(fb.y - 1 - y) * row, row, img.rgba.data() + y * row);
  }
  for (std::size_t i = 3; i < img.rgba.size(); i += 4) img.rgba[i] = 255;  // the window is opaque
  return img;
}

render::WindowOptions windowOptions(const Settings& s, const GuiOptions& o) {
  render::WindowOptions w;
  w.width = o.window_size ? o.window_size->x : s.window_width;
  w.height = o.window_size ? o.window_size->y : s.window_height;
  w.vsync = o.vsync;
  w.title = std::string("Sagitta ") + kVersion;
  return w;
}

GuiApp::GuiApp(const GuiOptions& options)
    : options_(options), settings_(loadSettings()), window_(windowOptions(settings_, options)) {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  // the layout file lives in the user's config folder, never in the working directory
  ini_path_ = (paths::configDir() / "imgui.ini").string();
  io.IniFilename = ini_path_.c_str();
  ImGui_ImplGlfw_InitForOpenGL(window_.handle(), true);
  ImGui_ImplOpenGL3_Init("#version 330 core");

  scale_ = settings_.ui_scale > 0.0f ? settings_.ui_scale
                                     : std::clamp(window_.contentScale(), Settings::kMinScale, Settings::kMaxScale);
  renderer_.emplace();
  target_.emplace(1, 1, 4);
  composer_.emplace();
  try {
    stage_.emplace(scene::loadDefaultModel());
  } catch (const std::exception& e) {
    status_ = std::string("Could not load the built-in model: ") + e.what();
    log::error(status_);
  }
  camera_.setView(scene::ViewPreset::kOblique);
}

GuiApp::~GuiApp() {
  // remember the window size for next time
  const glm::ivec2 size = window_.windowSize();
  if (size.x > 0 && size.y > 0) {
    settings_.window_width = size.x;
    settings_.window_height = size.y;
  }
  try {
    saveSettings(settings_);
  } catch (const std::exception& e) {
    log::warning(std::string("could not save settings: ") + e.what());
  }
  stage_.reset();
  composer_.reset();
  target_.reset();
  renderer_.reset();
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
}

void GuiApp::applyScaleIfChanged() {
  if (std::abs(scale_ - applied_scale_) < 1e-3f) return;
  loadFonts(scale_);
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
  applyTheme(scale_);
  applied_scale_ = scale_;
}

ViewportRect GuiApp::viewportRect() const {
  const ImGuiIO& io = ImGui::GetIO();
  const float menu_h = ImGui::GetFrameHeight();
  const float status_h = ImGui::GetFrameHeight() + ImGui::GetStyle().WindowPadding.y;
  ViewportRect r;
  r.min = {0.0f, menu_h};
  r.max = {io.DisplaySize.x, std::max(menu_h + 1.0f, io.DisplaySize.y - status_h)};
  return r;
}

void GuiApp::drawMenuBar() {
  if (!ImGui::BeginMainMenuBar()) return;
  if (ImGui::BeginMenu("File")) {
    if (ImGui::MenuItem("Quit", "Ctrl+Q")) glfwSetWindowShouldClose(window_.handle(), GLFW_TRUE);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    const ViewportRect rect = viewportRect();
    const anatomy::Bounds bounds = stage_ ? stage_->drawList(layers_).bounds : anatomy::Bounds{};
    auto item = [&](const char* label, const char* key, scene::ViewPreset v) {
      if (ImGui::MenuItem(label, key)) {
        camera_.setView(v);
        camera_.frame(bounds, rect.aspect());
      }
    };
    item("Lateral (from the left)", "3", scene::ViewPreset::kLateralLeft);
    item("Lateral (from the right)", "Ctrl+3", scene::ViewPreset::kLateralRight);
    item("Anterior", "1", scene::ViewPreset::kAnterior);
    item("Posterior", "Ctrl+1", scene::ViewPreset::kPosterior);
    item("Superior", "7", scene::ViewPreset::kSuperior);
    item("Oblique", "0", scene::ViewPreset::kOblique);
    ImGui::Separator();
    bool ortho = camera_.projection == scene::Projection::kOrthographic;
    if (ImGui::MenuItem("Orthographic", "5", &ortho)) {
      camera_.projection = ortho ? scene::Projection::kOrthographic : scene::Projection::kPerspective;
    }
    if (ImGui::MenuItem("Frame all", "F")) camera_.frame(bounds, rect.aspect());
    ImGui::MenuItem("Floor grid", "G", &render_settings_.show_grid);
    ImGui::MenuItem("Shadows", nullptr, &render_settings_.shadows);
    if (ImGui::BeginMenu("Background")) {
      if (ImGui::MenuItem("Dark", nullptr, render_settings_.background == render::Background::kDark)) {
        render_settings_.background = render::Background::kDark;
      }
      if (ImGui::MenuItem("Light", nullptr, render_settings_.background == render::Background::kLight)) {
        render_settings_.background = render::Background::kLight;
      }
      ImGui::EndMenu();
    }
    ImGui::Separator();
    int percent = static_cast<int>(std::lround(scale_ * 100.0f));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10.0f);
    if (ImGui::SliderInt("UI scale", &percent, 100, 300, "%d %%")) {
      // applied between frames: rebuilding fonts mid-frame is not allowed
      settings_.ui_scale = std::clamp(static_cast<float>(percent) / 100.0f, Settings::kMinScale, Settings::kMaxScale);
    }
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Help")) {
    ImGui::MenuItem("Keyboard and mouse", "F1", &show_help_);
    ImGui::EndMenu();
  }
  ImGui::EndMainMenuBar();
}

void GuiApp::drawStatusBar() {
  const ImGuiIO& io = ImGui::GetIO();
  const float h = ImGui::GetFrameHeight() + ImGui::GetStyle().WindowPadding.y;
  ImGui::SetNextWindowPos(ImVec2(0, io.DisplaySize.y - h));
  ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x, h));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                 ImGuiWindowFlags_NoNav;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ImGui::GetStyle().WindowPadding.x, 3.0f));
  if (ImGui::Begin("##status", nullptr, flags)) {
    ImGui::TextDisabled("%s", status_.empty() ? "Ready" : status_.c_str());
    ImGui::SameLine(io.DisplaySize.x - ImGui::GetFontSize() * 16.0f);
    ImGui::TextDisabled("%s  %.1f ms", camera_.projection == scene::Projection::kPerspective ? "Perspective" : "Orthographic",
                        frame_ms_);
  }
  ImGui::End();
  ImGui::PopStyleVar();
}

void GuiApp::drawHelpOverlay() {
  if (!show_help_) return;
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  if (ImGui::Begin("Keyboard and mouse", &show_help_,
                   ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
    struct Row {
      const char* keys;
      const char* what;
    };
    static constexpr Row kRows[] = {
        {"Left or middle drag", "Orbit"},  {"Right drag, Shift + drag", "Pan"},
        {"Mouse wheel", "Zoom"},           {"F", "Frame all"},
        {"3 / Ctrl+3", "Lateral view from the left / right"},
        {"1 / Ctrl+1", "Anterior / posterior view"},
        {"7", "Superior view"},            {"0", "Oblique view"},
        {"5", "Perspective / orthographic"}, {"G", "Floor grid"},
        {"F1", "This help"},               {"Ctrl+Q", "Quit"}};
    if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
      for (const Row& r : kRows) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(r.keys);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(r.what);
      }
      ImGui::EndTable();
    }
  }
  ImGui::End();
}

void GuiApp::renderViewport(const ViewportRect& rect) {
  const ImGuiIO& io = ImGui::GetIO();
  const int w = static_cast<int>(std::lround(rect.size().x * io.DisplayFramebufferScale.x));
  const int h = static_cast<int>(std::lround(rect.size().y * io.DisplayFramebufferScale.y));
  target_->resize(w, h);
  if (target_->empty() || !stage_) return;
  const scene::DrawList list = stage_->drawList(layers_);
  if (!framed_) {
    camera_.frame(list.bounds, rect.aspect());
    framed_ = true;
  }
  OverlayStyle style;
  style.scale = scale_;
  composer_->compose(*renderer_, list, stage_->meshes(), camera_, render_settings_, OverlayText{}, style, *target_);
}

void GuiApp::presentViewport(const ViewportRect& rect, const glm::ivec2& fb) const {
  if (target_->empty()) return;
  // copy the 3D view into its rectangle of the window (both are bottom-up in GL)
  const ImGuiIO& io = ImGui::GetIO();
  const int x0 = static_cast<int>(std::lround(rect.min.x * io.DisplayFramebufferScale.x));
  const int y0 = fb.y - static_cast<int>(std::lround(rect.max.y * io.DisplayFramebufferScale.y));
  glBindFramebuffer(GL_READ_FRAMEBUFFER, target_->resolvedFramebuffer());
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
  glBlitFramebuffer(0, 0, target_->width(), target_->height(), x0, y0, x0 + target_->width(), y0 + target_->height(),
                    GL_COLOR_BUFFER_BIT, GL_NEAREST);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

int GuiApp::run() {
  int frames = 0;
  auto last = std::chrono::steady_clock::now();
  if (options_.stats != nullptr) options_.stats->gl = window_.glDescription();
  while (!window_.shouldClose()) {
    const auto frame_start = std::chrono::steady_clock::now();
    // 1. poll input; sleep while minimised (0×0 framebuffer) instead of drawing
    glfwPollEvents();
    const glm::ivec2 fb = window_.framebufferSize();
    if (fb.x <= 0 || fb.y <= 0) {
      glfwWaitEventsTimeout(0.1);
      continue;
    }
    // 2. a UI scale change rebuilds fonts before the frame starts
    scale_ = settings_.ui_scale > 0.0f ? settings_.ui_scale : scale_;
    applyScaleIfChanged();

    // 3. new frame and UI
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsKeyPressed(GLFW_KEY_F1, false)) show_help_ = !show_help_;
    if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_Q, false)) glfwSetWindowShouldClose(window_.handle(), GLFW_TRUE);
    if (options_.panels) drawMenuBar();
    const ViewportRect rect = options_.panels ? viewportRect() : ViewportRect{{0, 0}, {io.DisplaySize.x, io.DisplaySize.y}};
    if (stage_) {
      const CameraCommands cmd = updateCamera(camera_, rect, stage_->drawList(layers_).bounds);
      if (cmd.toggle_grid) render_settings_.show_grid = !render_settings_.show_grid;
    }
    if (options_.orbit_rad_per_frame != 0.0f) camera_.orbit(options_.orbit_rad_per_frame, 0.0f);
    if (options_.panels) {
      drawStatusBar();
      drawHelpOverlay();
    }
    ImGui::Render();

    // 4. the 3D view into its offscreen target, copied into the window
    renderViewport(rect);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, fb.x, fb.y);
    glClearColor(0.05f, 0.06f, 0.08f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    presentViewport(rect, fb);

    // 5. panels on top, then present
    if (options_.panels) ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    const bool last_frame = options_.exit_after_frames > 0 && frames + 1 >= options_.exit_after_frames;
    if (last_frame && !options_.window_screenshot.empty()) writePng(options_.window_screenshot, readWindowPixels(fb));
    window_.swapBuffers();

    if (options_.stats != nullptr) {
      glFinish();  // count the GPU's (llvmpipe's) work in this frame, not the next
      const auto end = std::chrono::steady_clock::now();
      if (frames == 0) options_.stats->first_frame_s = secondsSinceProcessStart();
      options_.stats->frame_ms.push_back(std::chrono::duration<double, std::milli>(end - frame_start).count());
    }
    const auto now = std::chrono::steady_clock::now();
    frame_ms_ = 0.9 * frame_ms_ + 0.1 * std::chrono::duration<double, std::milli>(now - last).count();
    last = now;
    if (options_.exit_after_frames > 0 && ++frames >= options_.exit_after_frames) break;
  }
  if (options_.stats != nullptr) options_.stats->peak_resident_mib = peakResidentMiB();
  return 0;
}

}  // namespace

int runGui(const GuiOptions& options) {
  GuiApp app(options);
  return app.run();
}

}  // namespace sagitta::ui
