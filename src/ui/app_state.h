// The GUI's state around the open document, and the one way panels change it: a named
// command that validates by solving, records an undo step (slider drags merge into one) and
// marks the document modified. Panels never touch the pose or the solution.
//
// The edited document and its undo history live here; what the 3D view shows is
// `shown()` = what plays (an A ⇄ B cycle, a timeline) or else the edited document, handed to
// the session each frame (present()). Edits, undo and save act on the edited document only.
#pragma once

#include <array>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/undo.h"
#include "scene/body_draw.h"
#include "scene/session.h"
#include "ui/settings.h"

namespace sagitta::ui {

struct StatusMessage {
  std::string text;
  bool error = false;
  double until_s = 0.0;  // shown until this time (glfwGetTime)
};

// A/B teaching cycle: play toggles between two saved states every `period_s`.
struct Cycle {
  std::optional<scene::Document> a, b;
  bool playing = false;
  bool showing_b = false;
  double period_s = 3.0;
  double next_switch_s = 0.0;
};

struct AppState {
  // The edited document starts as what the session shows (the model's body).
  explicit AppState(scene::Session& s) : session(s), edited_(s.shown()) {}

  scene::Session& session;
  UndoHistory<scene::Document> history;
  std::optional<std::filesystem::path> path;  // the open scenario file
  bool modified = false;
  scene::Camera camera;              // the live camera (orbiting is not an undoable change)
  scene::MuscleHighlight highlight;  // rebuilt each frame from hovered sliders
  std::string plot_key = "muscles.hip_flexors.tightness";  // what the measure plots sweep
  StatusMessage status;
  Cycle cycle;
  bool frame_camera = true;  // re-frame on the next frame (after loading, a preset, a view)
  bool show_help = false;
  bool show_about = false;
  bool show_screenshot = false;
  bool show_evidence = false;
  // screen rectangles of named widgets (x0, y0, x1, y1), for the GUI test that drives the real
  // window with xdotool
  std::map<std::string, std::array<float, 4>> widget_rects;

  // The edited document: what panels show in their controls, what Save writes.
  const scene::Document& doc() const { return edited_; }
  // What the 3D view shows: a document that plays over the edited one, or the edited one.
  const scene::Document& shown() const { return playing_ ? *playing_ : edited_; }
  // Shows `document` instead of the edited one until the next edit (a cycle, a timeline).
  void play(scene::Document document) { playing_ = std::move(document); }
  // Hands the session what is shown (once a frame). A document it cannot show (its body's
  // model cannot be made) stops playing, with the error in the status bar.
  void present();
  // The A ⇄ B cycle switches when its period is over (`now` in seconds, glfwGetTime).
  void stepCycle(double now);

  // Applies `edit` to a copy of the document; on success records an undo step called `name`
  // (consecutive calls with the same non-empty `merge_key` are one step) and returns true.
  // Invalid values are reported in the status bar and change nothing.
  bool change(const std::string& name, const std::string& merge_key,
              const std::function<void(scene::Document&)>& edit);
  // Ends the current merged step (a slider was released).
  void endDrag() { history.closeStep(); }
  // One view key (scene/view_state.h) as one undoable step called `name`.
  bool setView(const std::string& name, std::string_view key, const nlohmann::json& value);
  // A named camera view ("lateral", "oblique", ...), framed on the model even when it is the
  // one already set (the user may have orbited away from it).
  void showView(const std::string& name, const char* view);
  // X-ray on or off as one undoable step; turning it on frames a lateral film (scene::setXray).
  void setXray(bool on);
  // after undo / redo: a named view or the X-ray film changed, so the camera follows
  void reframeIfTheFilmChanged(const scene::ViewState& before);
  // Replaces the whole document (open, new, preset): one undo step. False (the error shown,
  // nothing changed) for invalid inputs or a body whose model cannot be made.
  bool replace(const std::string& name, scene::Document document);
  void undo() { travel(true); }
  void redo() { travel(false); }
  // Runs a command the user asked for (ui/commands.h, runReportingErrors): bad input or a file
  // that cannot be read or written is shown in the status bar and returns false; the command
  // must have changed nothing then. Anything else is a bug for the frame loop's catch-all.
  bool attempt(const std::function<void()>& action);
  // Opens a scenario file as one undo step. A file that cannot be read or is not a valid
  // document changes nothing: false, with its one-line message in the status bar.
  bool open(const std::filesystem::path& file);
  // Writes `document` to `file` (atomically) and makes `file` the document's; false, with the
  // message in the status bar, when it cannot be written.
  bool saveAs(const std::filesystem::path& file, const scene::Document& document);

  void info(const std::string& text);
  void error(const std::string& text);

 private:
  // Undo (back) or redo one step. A document that cannot be shown (its body's model cannot be
  // made) is stepped back over, so the history stays as it was.
  void travel(bool back);

  scene::Document edited_;
  std::optional<scene::Document> playing_;  // shown instead of the edited document
};

}  // namespace sagitta::ui
