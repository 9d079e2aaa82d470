#include "ui/app_state.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include "core/error.h"
#include "core/log.h"

namespace sagitta::ui {

bool AppState::change(const std::string& name, const std::string& merge_key,
                      const std::function<void(scene::Document&)>& edit) {
  scene::Document next = doc();
  try {
    edit(next);
    if (next == doc()) return false;
    const scene::Document before = doc();
    session.setDocument(next);  // solves; throws InputError for invalid values, IoError for a missing model
    history.record(before, name, merge_key);
    modified = true;
    return true;
  } catch (const InputError& e) {
    error(e.what());
  } catch (const IoError& e) {
    error(e.what());
  }
  return false;
}

bool AppState::replace(const std::string& name, scene::Document document) {
  const scene::Document before = doc();
  try {
    session.setDocument(std::move(document));
  } catch (const InputError& e) {
    error(e.what());
    return false;
  } catch (const IoError& e) {
    error(e.what());
    return false;
  }
  history.record(before, name);
  history.closeStep();
  frame_camera = true;
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
  const scene::Document current = doc();
  try {
    session.setDocument(back ? history.undo(current) : history.redo(current));
  } catch (
      const IoError& e) {  // the body's model cannot be made: the document stays, and so does the history
    back ? history.redo(current) : history.undo(current);
    error(e.what());
    return;
  }
  reframeIfTheFilmChanged(current.view);
  modified = true;
  info((back ? "Undid " : "Redid ") + name);
}

void AppState::info(const std::string& text) {
  status = {text, false, glfwGetTime() + 6.0};
}

void AppState::error(const std::string& text) {
  status = {text, true, glfwGetTime() + 12.0};
  log::warning(text);
}

}  // namespace sagitta::ui
