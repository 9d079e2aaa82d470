#include "ui/app_state.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include "core/error.h"
#include "core/log.h"
#include "scene/document.h"
#include "ui/commands.h"

namespace sagitta::ui {

bool AppState::change(const std::string& name, const std::string& merge_key,
                      const std::function<void(scene::Document&)>& edit) {
  scene::Document next = edited_;
  bool changed = false;
  attempt([&] {
    edit(next);
    if (next == edited_) return;
    session.show(next);  // solves; throws InputError for invalid values, IoError for a missing model
    history.record(edited_, name, merge_key);
    edited_ = std::move(next);
    playing_.reset();  // the edit is what is shown
    modified = true;
    changed = true;
  });
  return changed;
}

bool AppState::replace(const std::string& name, scene::Document document) {
  if (!attempt([&] { session.show(document); })) return false;
  history.record(edited_, name);
  history.closeStep();
  edited_ = std::move(document);
  playing_.reset();
  frame_camera = true;
  return true;
}

bool AppState::attempt(const std::function<void()>& action) {
  return runReportingErrors(action, [this](const std::string& text) { error(text); });
}

bool AppState::open(const std::filesystem::path& file) {
  bool opened = false;
  attempt([&] {
    scene::Document d = scene::loadDocument(file);
    if (!replace("open " + file.filename().string(), std::move(d))) return;  // the error is shown
    path = file;
    modified = false;
    info("Opened " + file.string());
    opened = true;
  });
  return opened;
}

bool AppState::saveAs(const std::filesystem::path& file, const scene::Document& document) {
  if (!attempt([&] { scene::saveDocument(file, document); })) return false;
  path = file;
  modified = false;
  info("Saved " + file.string());
  return true;
}

bool AppState::setView(const std::string& name, std::string_view key, const nlohmann::json& value) {
  return change(name, "", [&](scene::Document& d) { scene::setViewKey(d.view, key, value); });
}

void AppState::showView(const std::string& name, const char* view) {
  setView(name, "camera.view", view);
  frame_camera = true;
}

void AppState::reframeIfTheFilmChanged(const scene::ViewState& before) {
  const scene::ViewState& now = doc().view;
  if (now.xray != before.xray || now.camera_view != before.camera_view) frame_camera = true;
}

void AppState::setXray(bool on) {
  if (change(on ? "X-ray on" : "X-ray off", "", [on](scene::Document& d) { scene::setXray(d.view, on); })) {
    frame_camera = true;
  }
}

void AppState::travel(bool back) {
  if (back ? !history.canUndo() : !history.canRedo()) return;
  const std::string name = back ? history.undoName() : history.redoName();
  const scene::Document current = edited_;
  scene::Document next = back ? history.undo(current) : history.redo(current);
  try {
    session.show(next);
  } catch (
      const IoError& e) {  // the body's model cannot be made: the document stays, and so does the history
    back ? history.redo(next) : history.undo(next);
    error(e.what());
    return;
  }
  edited_ = std::move(next);
  playing_.reset();
  reframeIfTheFilmChanged(current.view);
  modified = true;
  info((back ? "Undid " : "Redid ") + name);
}

void AppState::present() {
  if (!attempt([&] { session.show(shown()); })) {  // the error is shown; so is the edited document again
    playing_.reset();
    cycle.playing = false;
  }
}

void AppState::stepCycle(double now) {
  Cycle& c = cycle;
  if (!c.playing || !c.a || !c.b || now < c.next_switch_s) return;
  c.showing_b = !c.showing_b;
  // cycling is a way of showing, not an edit: no undo step, the edited document stays
  play(c.showing_b ? *c.b : *c.a);
  present();
  c.next_switch_s = now + c.period_s;
}

void AppState::info(const std::string& text) {
  status = {text, false, glfwGetTime() + 6.0};
}

void AppState::error(const std::string& text) {
  status = {text, true, glfwGetTime() + 12.0};
  log::warning(text);
}

}  // namespace sagitta::ui
