#include "ui/gui_app.h"

// glad before GLFW so GLFW does not include the system GL header
#include "render/gl.h"
#define GLFW_INCLUDE_NONE
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <nlohmann/json.hpp>

#include "core/atomic_file.h"
#include "core/error.h"
#include "core/image.h"
#include "core/log.h"
#include "core/paths.h"
#include "core/process_stats.h"
#include "core/version.h"
#include "render/render_target.h"
#include "render/renderer.h"
#include "render/window.h"
#include "scenario/report.h"
#include "scene/default_model.h"
#include "scene/presets.h"
#include "ui/app_state.h"
#include "ui/camera_controller.h"
#include "ui/file_dialog.h"
#include "ui/live_recorder.h"
#include "ui/menus.h"
#include "ui/panels.h"
#include "ui/record_dialog.h"
#include "ui/screenshot.h"
#include "ui/settings.h"
#include "ui/theme.h"
#include "ui/timeline_panel.h"
#include "ui/view_composer.h"

namespace sagitta::ui {
namespace {

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
    std::copy_n(bottom_up.data() + static_cast<std::size_t>(fb.y - 1 - y) * row, row,
                img.rgba.data() + y * row);
  }
  for (std::size_t i = 3; i < img.rgba.size(); i += 4) img.rgba[i] = 255;  // the window is opaque
  return img;
}

render::WindowOptions windowOptions(const Settings& s, const GuiOptions& o) {
  render::WindowOptions w;
  w.width = o.window_size ? o.window_size->x : s.window_width;
  w.height = o.window_size ? o.window_size->y : s.window_height;
  w.vsync = o.vsync;
  w.title = "Sagitta";
  return w;
}

// Where frame time goes, per phase, when SAGITTA_PROFILE is set (printed at exit). glFinish
// after each GPU phase makes the split honest at the cost of some overlap.
class PhaseTimer {
 public:
  PhaseTimer() : on_(std::getenv("SAGITTA_PROFILE") != nullptr) {}
  void start() {
    if (on_) last_ = std::chrono::steady_clock::now();
  }
  void lap(const char* phase, bool gpu = false) {
    if (!on_) return;
    if (gpu) glFinish();
    const auto now = std::chrono::steady_clock::now();
    totals_[phase] += std::chrono::duration<double, std::milli>(now - last_).count();
    last_ = now;
  }
  void frame() { frames_ += on_ ? 1 : 0; }
  ~PhaseTimer() {
    if (!on_ || frames_ == 0) return;
    std::fprintf(stderr, "sagitta: mean time per frame over %d frames:\n", frames_);
    for (const auto& [phase, ms] : totals_)
      std::fprintf(stderr, "  %-22s %8.2f ms\n", phase.c_str(), ms / frames_);
  }

 private:
  bool on_;
  int frames_ = 0;
  std::map<std::string, double> totals_;
  std::chrono::steady_clock::time_point last_;
};

// Everything the GUI shows; one instance, destroyed in reverse order of creation so GL objects
// go before the context (the reason these live together, as in Polyscope).
class GuiApp {
 public:
  explicit GuiApp(const GuiOptions& options);
  ~GuiApp();
  int run();

 private:
  void applyScaleIfChanged();
  void handleShortcuts();
  void updateTitle();
  void stepCycle(double now);
  ViewportRect viewportRect() const;
  void layoutPanels();
  void renderViewport(const ViewportRect& rect);
  void presentViewport(const ViewportRect& rect, const glm::ivec2& fb) const;
  void drawStatusBar();
  void drawHelpOverlay();
  void drawClosePrompt();
  void writeTestDumps();
  void updateRecording(const glm::ivec2& fb);
  void drawRecordingStatus();
  // file commands
  void openFile(const std::filesystem::path& path);
  bool saveTo(const std::filesystem::path& path);

  GuiOptions options_;
  Settings settings_;
  std::string ini_path_;
  render::Window window_;
  std::optional<render::Renderer> renderer_;
  std::optional<render::RenderTarget> target_;
  std::optional<ViewComposer> composer_;
  std::optional<scene::Session> session_;
  std::optional<AppState> app_;
  MenuState menu_;
  FileDialog file_dialog_;
  ScreenshotDialog screenshot_;
  TimelinePanel timeline_panel_;
  RecordDialog record_dialog_;
  std::unique_ptr<LiveRecorder> recorder_;
  float scale_ = 1.0f;
  float applied_scale_ = 0.0f;
  bool applied_contrast_ = false;
  float scale_before_classroom_ = 0.0f;
  scene::Mode last_mode_ = scene::Mode::kExpert;
  bool close_prompt_ = false;
  std::vector<std::pair<int, int>> key_presses_;  // (key, mods) pressed since the last frame
  bool quitting_ = false;  // a scripted run (--exit-after-frames) was asked to quit: last frame
  bool camera_moved_ = false;
  double frame_ms_ = 0.0;
  double last_time_ = 0.0;
  ViewportRect last_rect_;
  int frames_ = 0;
  PhaseTimer timer_;
  std::uint64_t view_key_ = 0;  // what the 3D view last drew (see renderViewport)
  int idle_frames_ = 0;
};

GuiApp::GuiApp(const GuiOptions& options)
    : options_(options), settings_(loadSettings()), window_(windowOptions(settings_, options)) {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  // the layout file lives in the user's config folder, never in the working directory
  ini_path_ = (paths::configDir() / "imgui.ini").string();
  io.IniFilename = ini_path_.c_str();
  glfwSetWindowUserPointer(window_.handle(), this);
  // ImGui 1.86 loses a key pressed and released between two frames (a quick tap on a busy
  // machine, or xdotool): remember every press with its modifiers for the shortcuts. ImGui's
  // backend, installed next, chains to this callback.
  glfwSetKeyCallback(window_.handle(), [](GLFWwindow* w, int key, int /*scancode*/, int action, int mods) {
    if (action == GLFW_PRESS)
      static_cast<GuiApp*>(glfwGetWindowUserPointer(w))->key_presses_.emplace_back(key, mods);
  });
  ImGui_ImplGlfw_InitForOpenGL(window_.handle(), true);
  ImGui_ImplOpenGL3_Init("#version 330 core");
  glfwSetWindowCloseCallback(window_.handle(), [](GLFWwindow* w) {
    auto* self = static_cast<GuiApp*>(glfwGetWindowUserPointer(w));
    if (self->app_ && self->app_->modified && self->options_.exit_after_frames == 0) {
      glfwSetWindowShouldClose(w, GLFW_FALSE);  // ask first
      self->close_prompt_ = true;
    }
  });

  scale_ = settings_.ui_scale > 0.0f
               ? settings_.ui_scale
               : std::clamp(window_.contentScale(), Settings::kMinScale, Settings::kMaxScale);
  renderer_.emplace();
  target_.emplace(1, 1, 4);
  composer_.emplace();
  session_.emplace(scene::loadModelOrDefault(options_.model), scene::modelSourceFor(options_.model));
  app_.emplace(*session_);
  session_->setAnimationTime(0.6);
  if (options_.scenario) openFile(*options_.scenario);
  if (!options_.record.empty()) {
    // a live recording from the first frame, at the 3D view's size when it is known: 1080p
    LiveRecordSettings live;
    live.path = options_.record;
    recorder_ = std::make_unique<LiveRecorder>(live, glfwGetTime());
  }
  last_time_ = glfwGetTime();
}

GuiApp::~GuiApp() {
  writeTestDumps();
  const glm::ivec2 size = window_.windowSize();
  if (size.x > 0 && size.y > 0 && !options_.window_size) {
    settings_.window_width = size.x;
    settings_.window_height = size.y;
  }
  try {
    saveSettings(settings_);
  } catch (const std::exception& e) {
    log::warning(std::string("could not save settings: ") + e.what());
  }
  if (recorder_) {  // closing the window finishes the clip rather than losing it
    recorder_->stop();
    try {
      recorder_->result();
    } catch (const std::exception& e) {
      log::warning(e.what());
    }
    recorder_.reset();
  }
  app_.reset();
  session_.reset();
  composer_.reset();
  target_.reset();
  renderer_.reset();
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
}

void GuiApp::openFile(const std::filesystem::path& path) {
  try {
    scene::Document d = scene::loadDocument(path);
    if (!app_->replace("open " + path.filename().string(), std::move(d))) return;  // the error is shown
    app_->path = path;
    app_->modified = false;
    addRecentFile(settings_, std::filesystem::absolute(path).string());
    app_->info("Opened " + path.string());
    camera_moved_ = false;
  } catch (const std::exception& e) {
    // a newer or broken file changes nothing
    app_->error(e.what());
  }
}

bool GuiApp::saveTo(const std::filesystem::path& path) {
  scene::Document d = app_->doc();
  if (camera_moved_) {  // keep the picture the user is looking at
    d.view.camera = app_->camera;
    d.view.camera_view.clear();
  }
  try {
    scene::saveDocument(path, d);
  } catch (const std::exception& e) {
    app_->error(e.what());
    return false;
  }
  app_->path = path;
  app_->modified = false;
  addRecentFile(settings_, std::filesystem::absolute(path).string());
  app_->info("Saved " + path.string());
  return true;
}

void GuiApp::applyScaleIfChanged() {
  const bool contrast = app_->doc().view.mode == scene::Mode::kClassroom;
  if (std::abs(scale_ - applied_scale_) < 1e-3f && contrast == applied_contrast_) return;
  loadFonts(scale_);
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
  applyTheme(scale_, contrast);
  applied_scale_ = scale_;
  applied_contrast_ = contrast;
}

void GuiApp::updateTitle() {
  std::string title = "Sagitta";
  if (app_->path) title += " — " + app_->path->filename().string();
  if (app_->modified) title += " *";
  static std::string last;
  if (title != last) {
    glfwSetWindowTitle(window_.handle(), title.c_str());
    last = title;
  }
}

void GuiApp::stepCycle(double now) {
  Cycle& c = app_->cycle;
  if (!c.playing || !c.a || !c.b || now < c.next_switch_s) return;
  c.showing_b = !c.showing_b;
  // cycling is a way of showing, not an edit: no undo step
  try {
    session_->setDocument(c.showing_b ? *c.b : *c.a);
  } catch (const InputError& e) {
    app_->error(e.what());
    c.playing = false;
  }
  c.next_switch_s = now + c.period_s;
}

void GuiApp::handleShortcuts() {
  const ImGuiIO& io = ImGui::GetIO();
  const std::vector<std::pair<int, int>> taps = std::exchange(key_presses_, {});
  if (io.WantTextInput) return;
  int tap_mods = 0;
  for (const auto& [key, mods] : taps) tap_mods |= mods;
  auto pressed = [&](int key) {
    return ImGui::IsKeyPressed(key, false) ||
           std::any_of(taps.begin(), taps.end(), [key](const auto& t) { return t.first == key; });
  };
  const bool ctrl = io.KeyCtrl || (tap_mods & GLFW_MOD_CONTROL) != 0;
  const bool shift = io.KeyShift || (tap_mods & GLFW_MOD_SHIFT) != 0;
  if (pressed(GLFW_KEY_F1)) app_->show_help = !app_->show_help;
  if (ctrl && pressed(GLFW_KEY_Q)) menu_.request = MenuRequest::kQuit;
  if (ctrl && pressed(GLFW_KEY_Z)) shift ? app_->redo() : app_->undo();
  if (ctrl && pressed(GLFW_KEY_Y)) app_->redo();
  if (ctrl && pressed(GLFW_KEY_S))
    menu_.request = shift || !app_->path ? MenuRequest::kSaveAs : MenuRequest::kSave;
  if (ctrl && pressed(GLFW_KEY_O)) menu_.request = MenuRequest::kOpen;
  if (ctrl && pressed(GLFW_KEY_N)) menu_.request = MenuRequest::kNew;
  if (pressed(GLFW_KEY_F12)) app_->show_screenshot = true;
  if (ctrl && pressed(GLFW_KEY_R)) menu_.request = MenuRequest::kRecord;
  if (!ctrl && pressed(GLFW_KEY_T)) menu_.show_timeline = !menu_.show_timeline;
  if (!ctrl && pressed(GLFW_KEY_SPACE) && app_->cycle.a && app_->cycle.b) {
    app_->cycle.playing = !app_->cycle.playing;
    app_->cycle.next_switch_s = glfwGetTime();
  }
  if (!ctrl && pressed(GLFW_KEY_X)) {
    app_->setXray(!app_->doc().view.xray);
  }
  // A: everything, not only what the lesson is about (and back)
  if (!ctrl && pressed(GLFW_KEY_A)) {
    const bool all = app_->doc().view.show_all;
    app_->setView(all ? "Lesson focus" : "Show everything", "view.show_all", !all);
  }
}

ViewportRect GuiApp::viewportRect() const {
  const ImGuiIO& io = ImGui::GetIO();
  if (!options_.panels) return {{0, 0}, {io.DisplaySize.x, io.DisplaySize.y}};
  const float menu_h = ImGui::GetFrameHeight();
  const float status_h = ImGui::GetFrameHeight() + ImGui::GetStyle().WindowPadding.y;
  const float em = ImGui::GetFontSize();
  ViewportRect r;
  r.min = {menu_.show_controls ? std::min(em * 21.0f, io.DisplaySize.x * 0.4f) : 0.0f, menu_h};
  const float timeline_h = menu_.show_timeline ? ImGui::GetFrameHeightWithSpacing() * 4.6f : 0.0f;
  r.max = {io.DisplaySize.x - (menu_.show_measures ? std::min(em * 25.0f, io.DisplaySize.x * 0.35f) : 0.0f),
           std::max(menu_h + 1.0f, io.DisplaySize.y - status_h - timeline_h)};
  r.max.x = std::max(r.max.x, r.min.x + 1.0f);
  return r;
}

void GuiApp::layoutPanels() {
  const ViewportRect r = viewportRect();
  const float top = r.min.y, height = r.max.y - r.min.y;
  if (menu_.show_controls) drawControlsPanel(*app_, {0.0f, top, r.min.x, height});
  if (menu_.show_measures)
    drawMeasuresPanel(*app_, {r.max.x, top, ImGui::GetIO().DisplaySize.x - r.max.x, height});
  if (menu_.show_timeline) {
    const float status_h = ImGui::GetFrameHeight() + ImGui::GetStyle().WindowPadding.y;
    timeline_panel_.draw(*app_, r.min.x, r.max.y, r.max.x - r.min.x,
                         ImGui::GetIO().DisplaySize.y - status_h - r.max.y);
  }
}

// FNV-1a over raw bytes: a fingerprint of everything the 3D view depends on.
void hashInto(std::uint64_t& h, const void* data, std::size_t n) {
  const auto* p = static_cast<const unsigned char*>(data);
  for (std::size_t i = 0; i < n; ++i) h = (h ^ p[i]) * 1099511628211ull;
}

void GuiApp::renderViewport(const ViewportRect& rect) {
  const ImGuiIO& io = ImGui::GetIO();
  const int w = static_cast<int>(std::lround(rect.size().x * io.DisplayFramebufferScale.x));
  const int h = static_cast<int>(std::lround(rect.size().y * io.DisplayFramebufferScale.y));
  target_->resize(w, h);
  if (target_->empty()) {
    view_key_ = 0;  // nothing drawn: a live recording of another size draws for itself
    return;
  }
  const scene::ViewState& view = app_->doc().view;
  const float aspect = rect.aspect() * (view.ghost == scene::Ghost::kSideBySide ? 0.5f : 1.0f);
  if (app_->frame_camera) {
    app_->camera = session_->cameraFor(view, aspect);
    app_->frame_camera = false;
    camera_moved_ = false;
  }
  // nothing the picture depends on changed: keep last frame's picture (saves the CPU that
  // llvmpipe would spend drawing it again)
  std::uint64_t key = 1469598103934665603ull;
  const std::string doc = scene::documentToJson(app_->doc());
  hashInto(key, doc.data(), doc.size());
  const anatomy::Pose& pose = session_->shownPose();
  hashInto(key, &pose.root, sizeof(pose.root));
  hashInto(key, pose.joint.data(), sizeof(pose.joint));
  hashInto(key, &app_->camera, sizeof(app_->camera));
  hashInto(key, &app_->highlight, sizeof(app_->highlight));
  hashInto(key, &scale_, sizeof(scale_));
  const glm::ivec2 size(w, h);
  hashInto(key, &size, sizeof(size));
  if (key == view_key_) return;
  view_key_ = key;
  const scene::FrameContent frame = session_->frame(app_->camera, app_->highlight);
  timer_.lap("scene (solve, muscles)");
  composer_->composeFrame(*renderer_, frame, session_->meshes(), app_->camera, view, scale_, *target_);
}

void GuiApp::presentViewport(const ViewportRect& rect, const glm::ivec2& fb) const {
  if (target_->empty()) return;
  // copy the 3D view into its rectangle of the window (both are bottom-up in GL)
  const ImGuiIO& io = ImGui::GetIO();
  const int x0 = static_cast<int>(std::lround(rect.min.x * io.DisplayFramebufferScale.x));
  const int y0 = fb.y - static_cast<int>(std::lround(rect.max.y * io.DisplayFramebufferScale.y));
  glBindFramebuffer(GL_READ_FRAMEBUFFER, target_->resolvedFramebuffer());
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
  glBlitFramebuffer(0, 0, target_->width(), target_->height(), x0, y0, x0 + target_->width(),
                    y0 + target_->height(), GL_COLOR_BUFFER_BIT, GL_NEAREST);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
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
    const StatusMessage& s = app_->status;
    const std::string file = app_->path ? app_->path->filename().string() : "untitled";
    ImGui::TextDisabled("%s%s", file.c_str(), app_->modified ? " (modified)" : "");
    ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
    if (!s.text.empty() && glfwGetTime() < s.until_s) {
      ImGui::TextColored(s.error ? ImVec4(1.0f, 0.55f, 0.45f, 1.0f) : ImVec4(0.7f, 0.85f, 0.9f, 1.0f), "%s",
                         s.text.c_str());
    } else {
      const biomech::SolverInfo& solver = session_->solution().solver;
      ImGui::TextDisabled("%s%s",
                          solver.converged ? "model prediction" : "model prediction (limited: see warnings)",
                          app_->cycle.playing ? "  ·  cycling A ⇄ B (Space)" : "");
    }
    const std::string right =
        std::string(scene::modeName(app_->doc().view.mode)) + " mode  ·  " +
        (app_->camera.projection == scene::Projection::kPerspective ? "perspective" : "orthographic");
    char fps[32];
    std::snprintf(fps, sizeof fps, "  ·  %.0f ms", frame_ms_);
    const float width = ImGui::CalcTextSize((right + fps).c_str()).x;
    ImGui::SameLine(std::max(io.DisplaySize.x - width - ImGui::GetFontSize(), 0.0f));
    ImGui::TextDisabled("%s%s", right.c_str(), fps);
  }
  ImGui::End();
  ImGui::PopStyleVar();
}

void GuiApp::drawHelpOverlay() {
  if (!app_->show_help) return;
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f), ImGuiCond_Always,
                          ImVec2(0.5f, 0.5f));
  if (ImGui::Begin("Keyboard and mouse", &app_->show_help,
                   ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse |
                       ImGuiWindowFlags_NoSavedSettings)) {
    struct Row {
      const char* keys;
      const char* what;
    };
    static constexpr Row kRows[] = {{"Left or middle drag", "Orbit"},
                                    {"Right drag, Shift + drag", "Pan"},
                                    {"Mouse wheel", "Zoom"},
                                    {"F", "Frame all"},
                                    {"3 / Ctrl+3", "Lateral view from the left / right"},
                                    {"1 / Ctrl+1", "Anterior / posterior view"},
                                    {"7 / 0", "Superior / oblique view"},
                                    {"5", "Perspective / orthographic"},
                                    {"G", "Floor grid"},
                                    {"X", "X-ray view"},
                                    {"A", "Show everything / only the lesson"},
                                    {"Space", "Play / pause the A ⇄ B cycle"},
                                    {"Ctrl+Z / Ctrl+Shift+Z", "Undo / redo"},
                                    {"Ctrl+N / Ctrl+O / Ctrl+S", "New / open / save a scenario"},
                                    {"F12", "Screenshot of the 3D view"},
                                    {"Ctrl+R", "Record a clip (start / stop)"},
                                    {"T", "Timeline: keyframes, scrub, play, export"},
                                    {"F1", "This help"},
                                    {"Ctrl+Q", "Quit"}};
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

void GuiApp::drawClosePrompt() {
  if (close_prompt_) {
    ImGui::OpenPopup("Unsaved changes");
    close_prompt_ = false;
  }
  if (ImGui::BeginPopupModal("Unsaved changes", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::TextUnformatted("Save the changes to this scenario before closing?");
    if (ImGui::Button("Save")) {
      ImGui::CloseCurrentPopup();
      if (app_->path) {
        if (saveTo(*app_->path)) glfwSetWindowShouldClose(window_.handle(), GLFW_TRUE);
      } else {
        menu_.request = MenuRequest::kSaveAs;
        menu_.quit_after_save = true;
      }
    }
    ImGui::SameLine();
    if (ImGui::Button("Don't save")) {
      app_->modified = false;
      glfwSetWindowShouldClose(window_.handle(), GLFW_TRUE);
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
}

void GuiApp::writeTestDumps() {
  try {
    if (!options_.layout_dump.empty()) {
      nlohmann::json j;
      for (const auto& [key, r] : app_->widget_rects) j[key] = {r[0], r[1], r[2], r[3]};
      j["frame"] = frames_;  // lets a driving test wait for the app to see its input
      writeFileAtomic(options_.layout_dump, j.dump(1));
    }
    if (!options_.state_dump.empty()) {
      nlohmann::json j = nlohmann::json::parse(
          scenario::reportJson(app_->doc().scenario.inputs, session_->solution()).dump());
      j["shown"]["pelvic_tilt_deg"] = session_->shownMeasures().pelvic_tilt_deg;
      writeFileAtomic(options_.state_dump, j.dump(1));
    }
  } catch (const std::exception& e) {
    log::warning(std::string("could not write a test dump: ") + e.what());
  }
}

void GuiApp::updateRecording(const glm::ivec2& fb) {
  if (!recorder_) return;
  try {
    if (recorder_->exporting()) {
      recorder_->exportSome(*renderer_, *composer_, *session_, 1);
    } else {
      recorder_->captureLive(glfwGetTime(), *renderer_, *composer_, *session_, app_->camera, app_->doc().view,
                             scale_, *target_, fb, view_key_);
    }
    if (recorder_->finished()) {
      const record::RecordingResult r = recorder_->result();
      app_->info("Saved " + r.path.string() + ": " + std::to_string(r.frames_encoded) + " frames" +
                 (r.frames_dropped > 0
                      ? ", " + std::to_string(r.frames_dropped) + " dropped (the encoder fell behind)"
                      : ""));
      recorder_.reset();
    }
  } catch (const std::exception& e) {
    app_->error(std::string("Recording stopped: ") + e.what());
    recorder_.reset();
  }
}

void GuiApp::drawRecordingStatus() {
  if (!recorder_) return;
  const record::RecorderStats s = recorder_->stats();
  const ImGuiIO& io = ImGui::GetIO();
  const float em = ImGui::GetFontSize();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, ImGui::GetFrameHeight() + em * 0.5f),
                          ImGuiCond_Always, ImVec2(0.5f, 0.0f));
  ImGui::SetNextWindowBgAlpha(0.85f);
  if (ImGui::Begin("##recording", nullptr,
                   ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                       ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                       ImGuiWindowFlags_NoNav)) {
    const bool blink = std::fmod(glfwGetTime(), 1.0) < 0.6;
    ImGui::TextColored(ImVec4(1.0f, 0.25f, 0.2f, blink ? 1.0f : 0.35f), "●");
    ImGui::SameLine();
    if (recorder_->exporting()) {
      ImGui::Text("Exporting %s", recorder_->settings().path.filename().string().c_str());
      ImGui::SameLine();
      ImGui::ProgressBar(static_cast<float>(recorder_->progress()), ImVec2(em * 10.0f, 0));
    } else {
      const int secs = static_cast<int>(s.clip_seconds);
      ImGui::Text("REC %d:%02d  %.1f MB", secs / 60, secs % 60, static_cast<double>(s.bytes_written) / 1e6);
      if (s.frames_dropped > 0) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(1.0f, 0.7f, 0.3f, 1.0f), "%lld frames dropped",
                           static_cast<long long>(s.frames_dropped));
        if (ImGui::IsItemHovered())
          ImGui::SetTooltip("The encoder cannot keep up: try a smaller size, MP4, or a lower frame rate");
      }
    }
    ImGui::SameLine();
    if (ImGui::SmallButton("Stop")) recorder_->stop();
  }
  ImGui::End();
}

int GuiApp::run() {
  if (options_.stats != nullptr) options_.stats->gl = window_.glDescription();
  while (!window_.shouldClose()) {
    const auto frame_start = std::chrono::steady_clock::now();
    // 1. poll input; sleep while minimised (0×0 framebuffer) instead of drawing, and wait for
    // input while nothing moves (ImGui gets a few frames after each event to settle hovers)
    const bool busy = session_->animating() || recorder_ || app_->cycle.playing ||
                      options_.exit_after_frames > 0 || options_.orbit_rad_per_frame != 0.0f ||
                      timeline_panel_.playing();
    if (!busy && idle_frames_ > 4) {
      glfwWaitEventsTimeout(0.5);
      idle_frames_ = 0;
    } else {
      glfwPollEvents();
    }
    ++idle_frames_;
    const glm::ivec2 fb = window_.framebufferSize();
    if (fb.x <= 0 || fb.y <= 0) {
      glfwWaitEventsTimeout(0.1);
      last_time_ = glfwGetTime();
      continue;
    }
    const double now = glfwGetTime();
    const double dt = now - last_time_;
    last_time_ = now;

    // 2. mode changes adjust the interface scale; font rebuilds happen before the frame
    const scene::Mode mode = app_->doc().view.mode;
    if (mode != last_mode_) {
      if (mode == scene::Mode::kClassroom) {
        scale_before_classroom_ = scale_;
        settings_.ui_scale = std::max(scale_, 2.0f);  // readable from the back of the room
      } else if (last_mode_ == scene::Mode::kClassroom && scale_before_classroom_ > 0.0f) {
        settings_.ui_scale = scale_before_classroom_;
      }
      menu_.show_measures = mode == scene::Mode::kExpert;
      last_mode_ = mode;
    }
    scale_ = settings_.ui_scale > 0.0f ? settings_.ui_scale : scale_;
    applyScaleIfChanged();

    timer_.start();
    // 3. new frame and UI; panels change the document through named commands
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    app_->highlight = {};
    handleShortcuts();
    if (options_.panels) {
      drawMainMenu(*app_, menu_, settings_);
      layoutPanels();
    }
    const ViewportRect rect = viewportRect();
    last_rect_ = rect;
    const CameraCommands cmd = updateCamera(app_->camera, rect, session_->modelBounds());
    if (cmd.changed) camera_moved_ = true;
    const ImGuiIO& frame_io = ImGui::GetIO();
    if (frame_io.MouseDelta.x != 0.0f || frame_io.MouseDelta.y != 0.0f || frame_io.MouseWheel != 0.0f ||
        ImGui::IsAnyItemActive() || frame_io.InputQueueCharacters.Size > 0) {
      idle_frames_ = 0;
    }
    if (cmd.toggle_grid)
      app_->change("floor grid", "", [](scene::Document& d) { d.view.grid = !d.view.grid; });
    if (options_.orbit_rad_per_frame != 0.0f) app_->camera.orbit(options_.orbit_rad_per_frame, 0.0f);
    if (options_.panels) {
      drawStatusBar();
      drawHelpOverlay();
      drawClosePrompt();
      drawAboutAndEvidence(*app_);
      // file dialog, menu requests and the screenshot dialog
      if (menu_.request == MenuRequest::kQuit) {
        menu_.request = MenuRequest::kNone;
        if (app_->modified && options_.exit_after_frames == 0) {
          close_prompt_ = true;
        } else if (options_.exit_after_frames > 0) {
          quitting_ = true;  // a scripted run: one more frame, so --window-screenshot sees the last picture
        } else {
          glfwSetWindowShouldClose(window_.handle(), GLFW_TRUE);
        }
      }
      if (menu_.request == MenuRequest::kRecord) {
        menu_.request = MenuRequest::kNone;
        if (recorder_) {
          recorder_->stop();
        } else {
          record_dialog_.open();
        }
      }
      if (timeline_panel_.wantsExport()) record_dialog_.open();
      const glm::ivec2 view_px(static_cast<int>(rect.size().x * ImGui::GetIO().DisplayFramebufferScale.x),
                               static_cast<int>(rect.size().y * ImGui::GetIO().DisplayFramebufferScale.y));
      if (const auto request = record_dialog_.draw(*app_, view_px, timeline_panel_.hasTimeline(), false)) {
        try {
          if (request->from_timeline) {
            const float a =
                static_cast<float>(request->settings.width) / static_cast<float>(request->settings.height);
            recorder_ = std::make_unique<LiveRecorder>(
                request->settings,
                std::make_unique<scene::TimelinePlayer>(*session_, timeline_panel_.timeline(), a));
          } else {
            LiveRecordSettings live = request->settings;
            if (live.with_panels) {  // the window's own aspect, scaled to the chosen height
              live.width = std::max(
                  2, static_cast<int>(std::lround(live.height * static_cast<double>(fb.x) / fb.y)) / 2 * 2);
            }
            recorder_ = std::make_unique<LiveRecorder>(live, glfwGetTime());
          }
          app_->info("Recording to " + request->settings.path.string() + " (Ctrl+R stops)");
        } catch (const std::exception& e) {
          app_->error(e.what());
        }
      }
      drawRecordingStatus();
      handleMenuRequests(
          *app_, menu_, settings_, file_dialog_, [this](const std::filesystem::path& p) { openFile(p); },
          [this](const std::filesystem::path& p) {
            const bool ok = saveTo(p);
            if (ok && menu_.quit_after_save) glfwSetWindowShouldClose(window_.handle(), GLFW_TRUE);
            return ok;
          });
      screenshot_.draw(*app_, *renderer_, *composer_,
                       glm::vec2(rect.size()) * ImGui::GetIO().DisplayFramebufferScale.x, scale_);
      updateTitle();
    }
    ImGui::Render();
    timer_.lap("interface");

    // 4. the model moves toward its solved posture; the A/B cycle and the timeline advance
    stepCycle(now);
    const bool exporting = recorder_ && recorder_->exporting();
    if (!exporting && !timeline_panel_.advance(*app_, dt, rect.aspect())) session_->update(dt);

    timer_.lap("animation and timeline");
    // 5. the 3D view into its offscreen target, copied into the window
    renderViewport(rect);
    timer_.lap("3D view (GL)", true);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, fb.x, fb.y);
    glClearColor(0.05f, 0.06f, 0.08f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    presentViewport(rect, fb);

    // 6. panels on top, then present
    if (options_.panels) ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    const bool last_frame =
        quitting_ || (options_.exit_after_frames > 0 && frames_ + 1 >= options_.exit_after_frames);
    if (last_frame && !options_.window_screenshot.empty())
      writePng(options_.window_screenshot, readWindowPixels(fb));
    timer_.lap("present and panels", true);
    updateRecording(fb);  // after the panels are drawn, before the buffers swap
    timer_.lap("recording", true);
    window_.swapBuffers();
    timer_.lap("swap", true);
    timer_.frame();
    writeTestDumps();  // test aids: only with --layout-dump / --state-dump

    if (options_.stats != nullptr) {
      glFinish();  // count the GPU's (llvmpipe's) work in this frame, not the next
      const auto end = std::chrono::steady_clock::now();
      if (frames_ == 0) options_.stats->first_frame_s = secondsSinceProcessStart();
      options_.stats->frame_ms.push_back(
          std::chrono::duration<double, std::milli>(end - frame_start).count());
    }
    frame_ms_ = 0.9 * frame_ms_ + 0.1 * dt * 1000.0;
    if (last_frame) break;
    if (options_.exit_after_frames > 0 && ++frames_ >= options_.exit_after_frames) break;
    if (options_.exit_after_frames == 0) ++frames_;
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
