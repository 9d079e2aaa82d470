#include "ui/gui_app.h"

// glad before GLFW so GLFW does not include the system GL header
#include "render/gl.h"
#define GLFW_INCLUDE_NONE
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdarg>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <GLFW/glfw3.h>
#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#include <emscripten/html5.h>
#endif
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <nlohmann/json.hpp>

#include "core/atomic_file.h"
#include "core/error.h"
#include "core/image.h"
#include "core/interrupt.h"
#include "core/log.h"
#include "core/paths.h"
#include "core/process_stats.h"
#include "core/version.h"
#include "render/render_target.h"
#include "render/renderer.h"
#include "render/window.h"
#include "scenario/parameters.h"
#include "scenario/report.h"
#include "scene/default_model.h"
#include "scene/presets.h"
#include "ui/app_state.h"
#include "ui/camera_controller.h"
#include "ui/commands.h"
#include "ui/escape.h"
#include "ui/file_dialog.h"
#include "ui/fluid_policy.h"
#include "ui/frame_hooks.h"
#include "ui/live_recorder.h"
#include "ui/menus.h"
#include "ui/panel_damage.h"
#include "ui/panels.h"
#include "ui/record_dialog.h"
#include "ui/screenshot.h"
#include "ui/settings.h"
#include "ui/theme.h"
#include "ui/timeline_panel.h"
#include "ui/view_composer.h"

namespace sagitta::ui {
namespace {

// Moving frames by default on software renderers (llvmpipe, softpipe, SwiftShader), where a
// full-quality 1080p frame takes hundreds of milliseconds; never on a GPU, where full quality is
// cheap; nor in scripted runs (--exit-after-frames: a GUI test's window PNG is exact) other than
// the benchmark's orbit. SAGITTA_FLUID=1 or 0 overrides.
bool softwareRenderer(const std::string& gl_description) {
  for (const char* software : {"llvmpipe", "softpipe", "SwiftShader", "Software Rasterizer"}) {
    if (gl_description.find(software) != std::string::npos) return true;
  }
  return false;
}
bool fluidByDefault(const std::string& gl_description, bool scripted) {
  if (const char* env = std::getenv("SAGITTA_FLUID"); env != nullptr && *env != '\0') return env[0] != '0';
  return !scripted && softwareRenderer(gl_description);
}

// A kept back buffer (render::Window::retainBackBuffer, ui/panel_damage.h) on software renderers,
// scripted runs included (the picture is the same pixel for pixel: a GUI test checks it); a GPU
// swaps as before. SAGITTA_RETAIN=1 or 0 overrides.
bool retainByDefault(const std::string& gl_description) {
  if (const char* env = std::getenv("SAGITTA_RETAIN"); env != nullptr && *env != '\0') return env[0] != '0';
  return softwareRenderer(gl_description);
}

#ifdef __EMSCRIPTEN__
// A start-up step for the page's timings (web/site/sagitta.js: window.sagittaTest.phases).
void webMark(const char* step) {
  EM_ASM(
      {
        if (Module['sagittaMark']) Module['sagittaMark'](UTF8ToString($0));
      },
      step);
}
#else
void webMark(const char* /*step*/) {}  // the desktop has no page to tell
#endif

render::WindowOptions windowOptions(const Settings& s, const GuiOptions& o) {
  render::WindowOptions w;
  w.width = o.window_size ? o.window_size->x : s.window_width;
  w.height = o.window_size ? o.window_size->y : s.window_height;
  w.vsync = o.vsync;
  w.title = "Sagitta";
  return w;
}

// Everything the GUI shows; one instance, destroyed in reverse order of creation so GL objects
// go before the context (the reason these live together, as in Polyscope).
class GuiApp final : public CommandHost {
 public:
  explicit GuiApp(const GuiOptions& options);
  ~GuiApp() override;
  int run();

  // CommandHost: what the command table (ui/commands.h) acts on
  void request(FileRequest r) override;
  bool hasPath() const override { return app_->path.has_value(); }
  bool canUndo() const override { return app_->history.canUndo(); }
  bool canRedo() const override { return app_->history.canRedo(); }
  std::string undoName() const override { return app_->history.undoName(); }
  std::string redoName() const override { return app_->history.redoName(); }
  void undo() override { app_->undo(); }
  void redo() override { app_->redo(); }
  bool& shown(Window w) override;
  nlohmann::json viewValue(std::string_view key) const override {
    return scene::getViewKey(app_->doc().view, key);
  }
  void setView(const std::string& name, std::string_view key, const nlohmann::json& value) override {
    app_->setView(name, key, value);
  }
  void setXray(bool on) override { app_->setXray(on); }
  void showView(const std::string& name, const char* view) override { app_->showView(name, view); }
  bool orthographic() const override { return app_->camera.projection == scene::Projection::kOrthographic; }
  void toggleProjection() override;
  void frameAll() override;
  bool canCycle() const override { return app_->cycle.a && app_->cycle.b; }
  bool cycling() const override { return app_->cycle.playing; }
  void toggleCycle() override;
  void applyPreset(std::size_t index) override;
#ifdef __EMSCRIPTEN__
  // the browser's frame (emscripten_set_main_loop) and the page's hooks (web/sagitta_web.cpp)
  void webFrame();
  bool webSetParameter(const std::string& assignment, std::string& error);
  bool webOpenScenario(const std::filesystem::path& path, std::string& error);
  void webSaveScenario(const std::filesystem::path& path) const;
  long webFramesDrawn() const {
    return web_frames_;
  }
  // a hook changed something: draw the next frames
  void webWake() {
    web_idle_frames_ = 0;
  }
  // at rest: nothing moves (no animation, no moving frame waiting for its full-quality one) and
  // the loop has gone idle, so the picture on the canvas is final (the tests' finish())
  bool webSettled() const {
    return web_frames_ > 0 && !moving() && web_idle_frames_ > kSettleFrames;
  }
  std::string webLastFrameProfile() const {
    return nlohmann::json(timer_.lastFrame()).dump();
  }
#endif

 private:
  void applyScaleIfChanged();
  void handleShortcuts();
  void updateTitle();
  ViewportRect viewportRect() const;
  void layoutPanels();
  void renderViewport(const ViewportRect& rect, const glm::ivec2& fb, bool window_kept);
  // what a frame draws into the window: all of it, or (windowKept: the back buffer holds last
  // frame's picture and the panels are the same) the 3D view's rectangle, or nothing new
  enum class WindowDraw : std::uint8_t { kAll, kView, kNothing };
  bool windowKept(const ViewportRect& rect, const glm::ivec2& fb);
  glm::ivec4 viewportPixels(const ViewportRect& rect, const glm::ivec2& fb) const;
  void clearWindow(const glm::ivec2& fb) const;
  void presentViewport(const ViewportRect& rect, const glm::ivec2& fb) const;
  void drawStatusBar();
  void drawHelpOverlay();
  void drawClosePrompt();
  // the frame loop's steps (run)
  bool moving() const;
  bool playing() const;
  std::optional<glm::ivec2> pollInput();
  void followMode();
  ViewportRect buildInterface(const glm::ivec2& fb);
  void carryOutRequests(const ViewportRect& rect, const glm::ivec2& fb);
  void animate(double now, double dt, const ViewportRect& rect);
  bool runFrame();
  void recoverFromFrameError(const std::exception& e);
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
  std::optional<render::RenderTarget> target_;         // the 3D view, full quality (4x MSAA)
  std::optional<render::RenderTarget> moving_target_;  // the moving frame (single sample)
  std::optional<ViewComposer> composer_;
  std::optional<scene::Session> session_;
  std::optional<AppState> app_;
  CommandTable commands_;
  MenuState menu_;
  ControlsPanel controls_panel_;
  MeasuresPanel measures_panel_;
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
  std::string title_;                             // the window title last set
  std::vector<std::pair<int, int>> key_presses_;  // (key, mods) pressed since the last frame
  bool camera_moved_ = false;
  double frame_ms_ = 0.0;
  double shown_frame_ms_ = 0.0;  // the status bar's, updated twice a second
  double shown_frame_ms_at_ = -1.0;
  double last_time_ = 0.0;
  FrameHooks hooks_;
  PhaseTimer timer_;
  std::uint64_t view_key_ = 0;     // what the 3D view last drew (see renderViewport)
  bool view_drawn_ = false;        // this frame drew the 3D view again
  bool view_in_window_ = false;    // ... straight into the window (a moving frame)
  bool moving_in_window_ = false;  // the moving frame on screen is in the window alone
  std::vector<std::byte> panel_bytes_, last_panel_bytes_;  // the panels' draw data (windowKept)
  glm::ivec2 last_fb_{0};
  glm::ivec4 last_view_px_{0};
  FluidPolicy fluid_;                      // moving frames while the view moves on a software renderer
  std::string last_frame_error_;           // the last unexpected error caught at the frame boundary
  static constexpr int kSettleFrames = 4;  // frames drawn after the last change before the loop idles
  int idle_frames_ = 0;
#ifdef __EMSCRIPTEN__
  long web_frames_ = 0;          // frames drawn in the browser
  bool web_full_drawn_ = false;  // a full-quality frame (and so the shadow map) has been drawn
  int web_idle_frames_ = 0;      // frames since the last input, hook or motion (webFrame)
  double web_last_frame_s_ = 0.0;
#endif
};

GuiApp::GuiApp(const GuiOptions& options)
    : options_(options),
      settings_(loadSettings()),
      window_(windowOptions(settings_, options)),
      hooks_(options) {
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
#if SAGITTA_GL_ES
  ImGui_ImplOpenGL3_Init("#version 300 es");
#else
  ImGui_ImplOpenGL3_Init("#version 330 core");
#endif
  glfwSetWindowCloseCallback(window_.handle(), [](GLFWwindow* w) {
    auto* self = static_cast<GuiApp*>(glfwGetWindowUserPointer(w));
    if (self->app_ && self->app_->modified && !self->hooks_.scripted()) {
      glfwSetWindowShouldClose(w, GLFW_FALSE);  // ask first
      self->close_prompt_ = true;
    }
  });

  scale_ = settings_.ui_scale > 0.0f
               ? settings_.ui_scale
               : std::clamp(window_.contentScale(), Settings::kMinScale, Settings::kMaxScale);
  webMark("gui: window, WebGL context, interface");
  renderer_.emplace();
  webMark("gui: renderer (shaders)");
  target_.emplace(1, 1, 4);
  moving_target_.emplace(1, 1, 1);
  // a scripted run (a GUI test's window PNG) is exact unless it is the benchmark's orbit
  fluid_.setEnabled(
      fluidByDefault(window_.glDescription(), hooks_.scripted() && options_.orbit_rad_per_frame == 0.0f));
  if (retainByDefault(window_.glDescription()) && window_.retainBackBuffer()) {
    // what the window showed is lost (uncovered, resized, restored): the next frame draws it all
    glfwSetWindowRefreshCallback(window_.handle(), [](GLFWwindow* w) {
      static_cast<GuiApp*>(glfwGetWindowUserPointer(w))->window_.markDamaged();
    });
  }
  composer_.emplace();
  webMark("gui: view composer (overlay fonts)");
  session_.emplace(scene::loadModelOrDefault(options_.model), scene::modelSourceFor(options_.model));
  app_.emplace(*session_);
  webMark("gui: model and session");
  commands_ = makeCommands(*this);
  commands_.setErrorReporter([this](const std::string& text) { app_->error(text); });
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
  hooks_.finish(*app_);
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
  moving_target_.reset();
  renderer_.reset();
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
}

void GuiApp::openFile(const std::filesystem::path& path) {
  if (!app_->open(path)) return;  // a newer or broken file changes nothing; the error is shown
  camera_moved_ = false;
  app_->attempt([&] { addRecentFile(settings_, std::filesystem::absolute(path).string()); });
}

bool GuiApp::saveTo(const std::filesystem::path& path) {
  scene::Document d = app_->doc();
  if (camera_moved_) {  // keep the picture the user is looking at
    d.view.camera = app_->camera;
    d.view.camera_view = scene::CameraView::kFree;
  }
  if (!app_->saveAs(path, d)) return false;
  app_->attempt([&] { addRecentFile(settings_, std::filesystem::absolute(path).string()); });
  return true;
}

void GuiApp::applyScaleIfChanged() {
  const bool contrast = session_->shown().view.mode == scene::Mode::kClassroom;
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
  if (title != title_) {
    glfwSetWindowTitle(window_.handle(), title.c_str());
    title_ = title;
  }
}

// The command table names keys by GLFW's codes (which ImGui 1.86's GLFW backend also uses).
static_assert(static_cast<int>(Key::kSpace) == GLFW_KEY_SPACE && static_cast<int>(Key::k0) == GLFW_KEY_0 &&
              static_cast<int>(Key::k7) == GLFW_KEY_7 && static_cast<int>(Key::kF) == GLFW_KEY_F &&
              static_cast<int>(Key::kA) == GLFW_KEY_A && static_cast<int>(Key::kZ) == GLFW_KEY_Z &&
              static_cast<int>(Key::kF1) == GLFW_KEY_F1 && static_cast<int>(Key::kF12) == GLFW_KEY_F12 &&
              static_cast<int>(Key::kKp0) == GLFW_KEY_KP_0 && static_cast<int>(Key::kKp7) == GLFW_KEY_KP_7);

void GuiApp::handleShortcuts() {
  const ImGuiIO& io = ImGui::GetIO();
  const std::vector<std::pair<int, int>> taps = std::exchange(key_presses_, {});
  // Escape closes the innermost menu or dialog, also from a dialog's text field
  bool escape = ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false);
  for (const auto& tap : taps) escape = escape || tap.first == GLFW_KEY_ESCAPE;
  if (escape && !handleEscape(escape)) app_->show_help = false;  // no popup open: the help window
  if (io.WantTextInput) return;
  // quick taps the key callback saw (with their own modifiers) first, then what ImGui saw
  std::vector<KeyPress> presses;
  presses.reserve(taps.size());
  for (const auto& [key, mods] : taps) {
    presses.push_back({static_cast<Key>(key), io.KeyCtrl || (mods & GLFW_MOD_CONTROL) != 0,
                       io.KeyShift || (mods & GLFW_MOD_SHIFT) != 0});
  }
  for (const Key key : commands_.keys()) {
    if (ImGui::IsKeyPressed(static_cast<int>(key), false)) presses.push_back({key, io.KeyCtrl, io.KeyShift});
  }
  commands_.press(presses);
}

void GuiApp::request(FileRequest r) {
  switch (r) {
    case FileRequest::kNew:
      menu_.request = MenuRequest::kNew;
      break;
    case FileRequest::kOpen:
      menu_.request = MenuRequest::kOpen;
      break;
    case FileRequest::kSave:
      menu_.request = MenuRequest::kSave;
      break;
    case FileRequest::kSaveAs:
      menu_.request = MenuRequest::kSaveAs;
      break;
    case FileRequest::kExportReport:
      menu_.request = MenuRequest::kExportReport;
      break;
    case FileRequest::kRecord:
      menu_.request = MenuRequest::kRecord;
      break;
    case FileRequest::kQuit:
      menu_.request = MenuRequest::kQuit;
      break;
  }
}

bool& GuiApp::shown(Window w) {
  switch (w) {
    case Window::kHelp:
      return app_->show_help;
    case Window::kAbout:
      return app_->show_about;
    case Window::kEvidence:
      return app_->show_evidence;
    case Window::kScreenshot:
      return app_->show_screenshot;
    case Window::kControls:
      return menu_.show_controls;
    case Window::kMeasures:
      return menu_.show_measures;
    case Window::kTimeline:
      return menu_.show_timeline;
  }
  return app_->show_help;  // unreachable: every window is listed above
}

void GuiApp::toggleProjection() {
  app_->camera.projection =
      orthographic() ? scene::Projection::kPerspective : scene::Projection::kOrthographic;
  camera_moved_ = true;
}

void GuiApp::frameAll() {
  const float aspect =
      viewportRect().aspect() * (app_->doc().view.ghost == scene::Ghost::kSideBySide ? 0.5f : 1.0f);
  app_->camera.frame(session_->modelBounds(), aspect);
  camera_moved_ = true;
}

void GuiApp::toggleCycle() {
  app_->cycle.playing = !app_->cycle.playing;
  app_->cycle.next_switch_s = glfwGetTime();
}

void GuiApp::applyPreset(std::size_t index) {
  const scene::Preset& p = scene::presets().at(index);
  scene::Document d = p.document;
  d.view.mode = app_->doc().view.mode;  // a preset does not change who is watching
  d.view.show_numbers = app_->doc().view.show_numbers;
  app_->replace("preset: " + p.title, std::move(d));
  app_->info(p.description);
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
  if (menu_.show_controls) controls_panel_.draw(*app_, commands_, {0.0f, top, r.min.x, height});
  if (menu_.show_measures)
    measures_panel_.draw(*app_, {r.max.x, top, ImGui::GetIO().DisplaySize.x - r.max.x, height});
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

void GuiApp::renderViewport(const ViewportRect& rect, const glm::ivec2& fb, bool window_kept) {
  view_drawn_ = false;
  view_in_window_ = false;
  const glm::ivec4 px = viewportPixels(rect, fb);
  const int w = px.z, h = px.w;
  target_->resize(w, h);
  if (target_->empty()) {
    view_key_ = 0;  // nothing drawn: a live recording of another size draws for itself
    fluid_.forget();
    return;
  }
  const scene::ViewState& view = session_->shown().view;
  const float aspect = rect.aspect() * (view.ghost == scene::Ghost::kSideBySide ? 0.5f : 1.0f);
  if (app_->frame_camera) {
    app_->camera = session_->cameraFor(view, aspect);
    app_->frame_camera = false;
    camera_moved_ = false;
  }
  // nothing the picture depends on changed: keep last frame's picture (saves the CPU that
  // llvmpipe would spend drawing it again)
  std::uint64_t key = 1469598103934665603ull;
  const std::uint64_t revision = session_->revision();  // the shown document, by revision
  hashInto(key, &revision, sizeof(revision));
  const anatomy::Pose& pose = session_->shownPose();
  hashInto(key, &pose.root, sizeof(pose.root));
  hashInto(key, pose.joint.data(), sizeof(pose.joint));
  hashInto(key, &pose.upper_thorax, sizeof(pose.upper_thorax));
  hashInto(key, &app_->camera, sizeof(app_->camera));
  hashInto(key, &app_->highlight, sizeof(app_->highlight));
  hashInto(key, &scale_, sizeof(scale_));
  const glm::ivec2 size(w, h);
  hashInto(key, &size, sizeof(size));
  // while it moves on a software renderer, the cheap moving frame; at rest, full quality
  // (FluidPolicy); a live recording of the view always gets full quality
  const bool exact = recorder_ != nullptr;
#ifdef __EMSCRIPTEN__
  // the browser: the first picture and a change that starts the posture's animation are motion
  // (the moving frame at once, full quality at rest; FluidPolicy::expectMotion)
  if (web_frames_ == 0 || session_->animating()) fluid_.expectMotion();
#endif
  FluidPolicy::Draw draw = fluid_.next(key, glfwGetTime(), exact);
  view_key_ = key;
  // the moving frame on screen went straight into the window, which is now drawn whole: draw it
  // again where the whole window's picture copies it from
  if (draw == FluidPolicy::Draw::kNothing && !window_kept && moving_in_window_ && fluid_.showingMovingFrame())
    draw = FluidPolicy::Draw::kMoving;
  if (draw == FluidPolicy::Draw::kNothing) return;
  view_drawn_ = true;
  const scene::FrameContent frame =
      scene::buildFrame(session_->frameInputs(app_->camera, app_->highlight, size), session_->frameScratch());
  timer_.lap("scene (solve, muscles)");
  float text_scale = scale_;
#ifdef __EMSCRIPTEN__
  // the 3D view alone (index.html#panels=0, an embedded figure) is a picture as `sagitta render`
  // draws it: its text scales with its height, 1080 p = 100 % (src/app/render_command.cpp)
  if (!options_.panels) text_scale = static_cast<float>(h) / 1080.0f;
#endif
  if (draw == FluidPolicy::Draw::kMoving) {
    moving_target_->resize(w, h);
#ifdef __EMSCRIPTEN__
    // a cheap first picture: before the first full frame there is no shadow map to reuse, and
    // drawing one (2048², every caster) costs SwiftShader 0.6-1 s: the shadows come with the
    // full frame at rest (docs/web.md)
    scene::ViewState first = view;
    if (!web_full_drawn_) first.shadows = false;
    composer_->composeFrame(*renderer_, frame, session_->meshes(), app_->camera, first, text_scale,
                            *moving_target_, kMovingFrame);
#else
    if (window_.retainsBackBuffer()) {
      // the window keeps its picture (runFrame cleared it first when it is drawn whole): upscale
      // straight into the window's rectangle, no full-size copy (4-6 ms of llvmpipe's time at
      // 1080p)
      render::RenderTarget window = render::RenderTarget::windowRegion(fb, px);
      composer_->composeFrame(*renderer_, frame, session_->meshes(), app_->camera, view, text_scale, window,
                              kMovingFrame);
      view_in_window_ = true;
    } else {
      composer_->composeFrame(*renderer_, frame, session_->meshes(), app_->camera, view, text_scale,
                              *moving_target_, kMovingFrame);
    }
    moving_in_window_ = view_in_window_;
#endif
  } else {
    moving_in_window_ = false;
#ifdef __EMSCRIPTEN__
    web_full_drawn_ = true;
#endif
    composer_->composeFrame(*renderer_, frame, session_->meshes(), app_->camera, view, text_scale, *target_);
  }
}

glm::ivec4 GuiApp::viewportPixels(const ViewportRect& rect, const glm::ivec2& fb) const {
  // the 3D view's rectangle of the window in pixels, bottom-left origin (GL's); its size is the
  // view's target's (renderViewport sizes the target by it)
  const ImGuiIO& io = ImGui::GetIO();
  const glm::vec2 scale(io.DisplayFramebufferScale.x, io.DisplayFramebufferScale.y);
  const int x0 = static_cast<int>(std::lround(rect.min.x * scale.x));
  const int y0 = fb.y - static_cast<int>(std::lround(rect.max.y * scale.y));
  return {x0, y0, static_cast<int>(std::lround(rect.size().x * scale.x)),
          static_cast<int>(std::lround(rect.size().y * scale.y))};
}

bool GuiApp::windowKept(const ViewportRect& rect, const glm::ivec2& fb) {
  // the panels as ImGui will draw them, against last frame's (kept only with a kept back buffer)
  if (!window_.retainsBackBuffer()) return false;
  std::swap(panel_bytes_, last_panel_bytes_);
  if (options_.panels) {
    drawDataBytes(*ImGui::GetDrawData(), panel_bytes_);
  } else {
    panel_bytes_.clear();
  }
  const glm::ivec4 view = viewportPixels(rect, fb);
  const bool damaged = window_.takeDamage();
  const bool same_frame =
      !damaged && fb == last_fb_ && view == last_view_px_ && panel_bytes_ == last_panel_bytes_;
  last_fb_ = fb;
  last_view_px_ = view;
  return same_frame && !options_.whole_window;
}

void GuiApp::clearWindow(const glm::ivec2& fb) const {
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glViewport(0, 0, fb.x, fb.y);
  glClearColor(0.05f, 0.06f, 0.08f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
}

void GuiApp::presentViewport(const ViewportRect& rect, const glm::ivec2& fb) const {
  if (target_->empty() || view_in_window_) return;  // drawn there already
  // copy the 3D view into its rectangle of the window (both are bottom-up in GL); it covers the
  // rectangle, so a frame that draws only the view (kView) needs no clear
  const glm::ivec4 px = viewportPixels(rect, fb);
  const render::RenderTarget& shown = fluid_.showingMovingFrame() ? *moving_target_ : *target_;
  glBindFramebuffer(GL_READ_FRAMEBUFFER, shown.resolvedFramebuffer());
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
  glBlitFramebuffer(0, 0, shown.width(), shown.height(), px.x, px.y, px.x + shown.width(),
                    px.y + shown.height(), GL_COLOR_BUFFER_BIT, GL_NEAREST);
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
        std::string(scene::modeName(session_->shown().view.mode)) + " mode  ·  " +
        (app_->camera.projection == scene::Projection::kPerspective ? "perspective" : "orthographic");
    // the frame time, updated twice a second: readable, and the panels stay the same between
    // (a frame that draws only the 3D view, ui/panel_damage.h); none in a scripted run, whose
    // window PNG is then the same from run to run
    if (glfwGetTime() - shown_frame_ms_at_ >= 0.5) {
      shown_frame_ms_ = frame_ms_;
      shown_frame_ms_at_ = glfwGetTime();
    }
    char fps[32] = "";
    if (!hooks_.scripted()) std::snprintf(fps, sizeof fps, "  ·  %.0f ms", shown_frame_ms_);
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
    // the mouse, then every command that has a key, from the command table
    std::vector<CommandTable::HelpRow> rows = {
        {"Left or middle drag", "Orbit"}, {"Right drag, Shift + drag", "Pan"}, {"Mouse wheel", "Zoom"}};
    for (CommandTable::HelpRow& r : commands_.helpRows()) rows.push_back(std::move(r));
    rows.push_back({"Escape", "Close the open menu, dialog or this help"});
    if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
      for (const CommandTable::HelpRow& r : rows) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(r.keys.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(r.what.c_str());
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
    if (ImGui::Button("Cancel") || escapeCancelsDialog()) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
}

void GuiApp::updateRecording(const glm::ivec2& fb) {
  if (!recorder_) return;
  try {
    if (recorder_->exporting()) {
      recorder_->exportSome(*renderer_, *composer_, *session_, 1);
    } else {
      recorder_->captureLive(glfwGetTime(), *renderer_, *composer_, *session_, app_->camera,
                             session_->shown().view, scale_, *target_, fb, view_key_);
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

// The frame loop, as a story (Dear ImGui's examples and MuJoCo's sample/basic.cc have this shape).
// Test and benchmark hooks live in FrameHooks; the steps are the methods below.
int GuiApp::run() {
  if (options_.stats != nullptr) options_.stats->gl = window_.glDescription();
  // Ctrl+C, SIGTERM or SIGHUP end the loop like closing the window: a live recording is finished
  // (the destructor closes the clip), settings are saved
  const InterruptGuard interrupts;
  while (!window_.shouldClose() && InterruptGuard::caught() == 0) {
    // the frame boundary, the one catch-all (STYLE.md's error levels): commands report bad input
    // and IO errors themselves; anything else that escapes a frame is reported and logged, and
    // the edited document and its history are kept
    try {
      if (!runFrame()) break;
    } catch (const std::exception& e) {
      recoverFromFrameError(e);
    }
  }
  return InterruptGuard::caught() != 0 ? InterruptGuard::exitCode() : 0;
}

#ifdef __EMSCRIPTEN__
void GuiApp::webFrame() {
  // the canvas fills the page (web/site/sagitta.css) in device pixels: sharp at any
  // devicePixelRatio (the interface scale starts at that ratio, Window::contentScale)
  double css_w = 0.0, css_h = 0.0;
  emscripten_get_element_css_size("#canvas", &css_w, &css_h);
  const double ratio = emscripten_get_device_pixel_ratio();
  const glm::ivec2 want(static_cast<int>(std::lround(css_w * ratio)),
                        static_cast<int>(std::lround(css_h * ratio)));
  const bool resized = want.x > 0 && want.y > 0 && want != window_.windowSize();
  if (resized) glfwSetWindowSize(window_.handle(), want.x, want.y);
  // The desktop's loop sleeps in glfwWaitEventsTimeout when nothing moves (pollInput); the
  // browser calls this every display frame regardless, and each frame cost SwiftShader and the
  // program about 85 ms of CPU (0.8 of a core for an unchanging page). So: with nothing moving
  // (pollInput's test) and no input (the page's listeners set Module.sagittaInput) for a few
  // frames, skip the frame, the canvas keeps its picture, and draw again on input, on a hook
  // (webWake) or after 0.5 s, as the desktop's timeout.
  const bool input = EM_ASM_INT({
                       const input = Module['sagittaInput'];
                       Module['sagittaInput'] = false;
                       return input ? 1 : 0;
                     }) != 0;
  const double now_s = glfwGetTime();
  if (input || resized || moving()) web_idle_frames_ = 0;
  if (web_frames_ > 0 && web_idle_frames_ > kSettleFrames && now_s - web_last_frame_s_ < 0.5) {
    last_time_ = now_s;  // the next frame's time step is one display frame, not the pause
    return;
  }
  ++web_idle_frames_;
  web_last_frame_s_ = now_s;
  try {
    runFrame();
    if (web_frames_ == 0) {
      // the page's load time ends when the first picture is drawn, not when it is sent: reading
      // a pixel back waits for the browser's GL (glFinish need not), once
      webMark("first frame: built and sent to WebGL");
      unsigned char pixel[4];
      glBindFramebuffer(GL_FRAMEBUFFER, 0);
      glReadPixels(0, 0, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, pixel);
      webMark("first frame: drawn (a pixel read back)");
    }
    ++web_frames_;
  } catch (const std::exception& e) {
    recoverFromFrameError(e);
  }
}

bool GuiApp::webSetParameter(const std::string& assignment, std::string& error) {
  webWake();
  std::string why;
  const std::string key = assignment.substr(0, assignment.find('='));
  app_->status = {};
  const bool changed = app_->change("set " + key, key, [&](scene::Document& d) {
    try {
      scenario::applyAssignment(d.scenario.inputs, assignment);
    } catch (const std::exception& e) {
      why = e.what();
      throw;
    }
  });
  app_->endDrag();
  if (!changed && (!why.empty() || app_->status.error)) {  // unchanged is fine: the same value again
    error = why.empty() ? app_->status.text : why;
    return false;
  }
  return true;
}

void GuiApp::webSaveScenario(const std::filesystem::path& path) const {
  scene::Document d = app_->doc();
  if (camera_moved_) {  // as saveTo: keep the picture the user is looking at
    d.view.camera = app_->camera;
    d.view.camera_view = scene::CameraView::kFree;
  }
  scene::saveDocument(path, d);
}

bool GuiApp::webOpenScenario(const std::filesystem::path& path, std::string& error) {
  webWake();
  app_->status = {};
  openFile(path);
  if (app_->status.error) {
    error = app_->status.text;
    return false;
  }
  return true;
}
#endif

// What ImGui closed for a frame an exception cut short (debug level: the error itself is logged).
void logImGuiRecovery(void* /*user*/, const char* fmt, ...) {
  char buf[256];
  va_list args;
  va_start(args, fmt);
  std::vsnprintf(buf, sizeof buf, fmt, args);
  va_end(args);
  log::debug(buf);
}

// One frame of the loop, as a story. False ends the loop (a scripted run is over).
bool GuiApp::runFrame() {
  hooks_.frameStarts();
  // 1. wait for input, or poll it while something moves; skip drawing while minimised
  const std::optional<glm::ivec2> fb = pollInput();
  if (!fb) return true;
  const double now = glfwGetTime();
  const double dt = now - last_time_;
  last_time_ = now;
  // 2. the interface scale follows the mode (fonts are rebuilt between frames, never in one)
  followMode();
  // 3. the interface: shortcuts, menus, panels and dialogs change the document through commands
  timer_.start();
  const ViewportRect rect = buildInterface(*fb);
  timer_.lap("interface");
  // 4. the model moves toward its solved posture; the A/B cycle and the timeline advance
  animate(now, dt, rect);
  timer_.lap("animation and timeline");
  // 5. the 3D view (only when what it shows changed): a full-quality frame into its offscreen
  // target; a moving frame too, or, when the window keeps its back buffer, straight into the
  // window's rectangle (ui/panel_damage.h)
  const bool kept = windowKept(rect, *fb);
  if (!kept) clearWindow(*fb);  // first: a moving frame may go straight into the window
  renderViewport(rect, *fb, kept);
  timer_.lap("3D view (GL)", true);
  // 6. the window: all of it, or the 3D view's rectangle alone, or nothing new
  const WindowDraw what = !kept ? WindowDraw::kAll : view_drawn_ ? WindowDraw::kView : WindowDraw::kNothing;
  if (options_.stats != nullptr) {
    options_.stats->full_quality.push_back(!fluid_.showingMovingFrame());
    options_.stats->window_parts.push_back(static_cast<char>(what));
  }
  if (what != WindowDraw::kNothing) presentViewport(rect, *fb);
  timer_.lap("3D view into the window", true);
  // the panels on top; a recording takes its frame before the window shows it
  if (options_.panels && what != WindowDraw::kNothing) {
    ImDrawData* panels = ImGui::GetDrawData();
    if (what == WindowDraw::kView)
      clipDrawData(*panels, ImVec4(rect.min.x, rect.min.y, rect.max.x, rect.max.y));
    ImGui_ImplOpenGL3_RenderDrawData(panels);
  }
  hooks_.pictureDrawn(*fb);
  timer_.lap("panels", true);
  updateRecording(*fb);
  timer_.lap("recording", true);
  if (what == WindowDraw::kAll) {
    window_.swapBuffers();
  } else if (what == WindowDraw::kView) {
    window_.present(viewportPixels(rect, *fb));
  }
  timer_.lap("swap", true);
  timer_.frame();
  frame_ms_ = 0.9 * frame_ms_ + 0.1 * dt * 1000.0;
  // 7. test dumps, timings, and the end of a scripted run
  return hooks_.frameEnds(*app_);
}

void GuiApp::recoverFromFrameError(const std::exception& e) {
  // the same error again next frame is not logged again (the status bar still shows it)
  if (e.what() != last_frame_error_) log::error(std::string("unexpected error in a frame: ") + e.what());
  last_frame_error_ = e.what();
  app_->status = {std::string("Unexpected error (the document is kept): ") + e.what(), true,
                  glfwGetTime() + 12.0};
  // the interface frame the exception cut short is closed, so the next one starts clean
  if (ImGui::GetCurrentContext() != nullptr && ImGui::GetCurrentContext()->WithinFrameScope) {
    ImGui::ErrorCheckEndFrameRecover(logImGuiRecovery, nullptr);
    ImGui::EndFrame();
  }
  view_key_ = 0;  // draw the 3D view again
}

// something on screen moves or plays, or a hook or a moving frame wants the next frame drawn
bool GuiApp::moving() const {
  return playing() || fluid_.pending();
}

// something draws a new picture every frame (everything moving() counts but a moving frame's
// wait for the view to rest)
bool GuiApp::playing() const {
  return session_->animating() || recorder_ || app_->cycle.playing || hooks_.keepsDrawing() ||
         timeline_panel_.playing();
}

std::optional<glm::ivec2> GuiApp::pollInput() {
  // ImGui gets a few frames (kSettleFrames) after each event to settle hovers, then the loop
  // sleeps until input
  if (!moving() && idle_frames_ > kSettleFrames) {
    glfwWaitEventsTimeout(0.5);
    idle_frames_ = 0;
  } else if (fluid_.pending() && idle_frames_ > kSettleFrames && !playing()) {
    // only a moving frame waits for the view to rest (frames in between draw nothing): sleep
    // until the full-quality frame is due, or input comes
    glfwWaitEventsTimeout(std::max(fluid_.restsAt() - glfwGetTime(), 0.001));
  } else {
    glfwPollEvents();
  }
  ++idle_frames_;
  const glm::ivec2 fb = window_.framebufferSize();
  if (fb.x <= 0 || fb.y <= 0) {  // minimised: sleep instead of drawing
    glfwWaitEventsTimeout(0.1);
    last_time_ = glfwGetTime();
    return std::nullopt;
  }
  return fb;
}

void GuiApp::followMode() {
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
}

ViewportRect GuiApp::buildInterface(const glm::ivec2& fb) {
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  app_->highlight = {};
  handleShortcuts();
  if (options_.panels) {
    drawMainMenu(commands_, menu_, settings_);
    layoutPanels();
  }
  const ViewportRect rect = viewportRect();
  if (updateCamera(app_->camera, rect)) camera_moved_ = true;
  const ImGuiIO& io = ImGui::GetIO();
  if (io.MouseDelta.x != 0.0f || io.MouseDelta.y != 0.0f || io.MouseWheel != 0.0f ||
      ImGui::IsAnyItemActive() || io.InputQueueCharacters.Size > 0) {
    idle_frames_ = 0;
  }
  hooks_.moveCamera(app_->camera);
  if (options_.panels) {
    drawStatusBar();
    drawHelpOverlay();
    drawClosePrompt();
    drawAboutAndEvidence(*app_);
    carryOutRequests(rect, fb);
    screenshot_.draw(*app_, *renderer_, *composer_, glm::vec2(rect.size()) * io.DisplayFramebufferScale.x,
                     scale_);
    updateTitle();
  }
  ImGui::Render();
  return rect;
}

void GuiApp::carryOutRequests(const ViewportRect& rect, const glm::ivec2& fb) {
  if (menu_.request == MenuRequest::kQuit) {
    menu_.request = MenuRequest::kNone;
    if (app_->modified && !hooks_.scripted()) {
      close_prompt_ = true;
    } else if (hooks_.scripted()) {
      hooks_.quitAfterThisFrame();
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
    const bool started = app_->attempt([&] {
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
    });
    if (started) app_->info("Recording to " + request->settings.path.string() + " (Ctrl+R stops)");
  }
  drawRecordingStatus();
  handleMenuRequests(
      *app_, menu_, settings_, file_dialog_, [this](const std::filesystem::path& p) { openFile(p); },
      [this](const std::filesystem::path& p) {
        const bool ok = saveTo(p);
        if (ok && menu_.quit_after_save) glfwSetWindowShouldClose(window_.handle(), GLFW_TRUE);
        return ok;
      });
}

void GuiApp::animate(double now, double dt, const ViewportRect& rect) {
  app_->stepCycle(now);
  const bool exporting = recorder_ && recorder_->exporting();
  if (!exporting && !timeline_panel_.advance(*app_, dt, rect.aspect())) {
    app_->present();  // the session shows what plays, or the edited document
    session_->update(dt);
  }
}

#ifdef __EMSCRIPTEN__
// The browser calls each frame (emscripten_set_main_loop): the app lives as long as the page.
GuiApp* webApp = nullptr;
#endif

}  // namespace

int runGui(const GuiOptions& options) {
#ifdef __EMSCRIPTEN__
  webApp = new GuiApp(options);
  emscripten_set_main_loop_arg([](void* app) { static_cast<GuiApp*>(app)->webFrame(); }, webApp, 0, false);
  return 0;
#else
  GuiApp app(options);
  return app.run();
#endif
}

#ifdef __EMSCRIPTEN__
bool webSetParameter(const std::string& assignment, std::string& error) {
  if (webApp == nullptr) {
    error = "the program has not started";
    return false;
  }
  return webApp->webSetParameter(assignment, error);
}
bool webOpenScenario(const std::filesystem::path& path, std::string& error) {
  if (webApp == nullptr) {
    error = "the program has not started";
    return false;
  }
  return webApp->webOpenScenario(path, error);
}
void webSaveScenario(const std::filesystem::path& path) {
  if (webApp == nullptr) throw InputError("the program has not started");
  webApp->webSaveScenario(path);
}
long webFramesDrawn() {
  return webApp != nullptr ? webApp->webFramesDrawn() : 0;
}
bool webSettled() {
  return webApp != nullptr && webApp->webSettled();
}
std::string webLastFrameProfile() {
  return webApp != nullptr ? webApp->webLastFrameProfile() : "{}";
}
#endif

}  // namespace sagitta::ui
