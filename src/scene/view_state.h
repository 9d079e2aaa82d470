// Everything about how the model is shown (not what the model is): mode, layers, overlays,
// X-ray, cutaway, ghost compare, background, camera, captions. Scenario files store it in
// their "mode", "view", "camera" and "captions" sections; timelines key-frame it. Every
// setting has a flat key ("view.xray", "camera.yaw_deg") with a type and range, so files,
// `--set`-style input, undo and timelines all go through one validated table.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "scene/camera.h"

namespace sagitta::scene {

enum class Mode : std::uint8_t { kClassroom, kPatient, kExpert };
enum class Ghost : std::uint8_t { kOff, kOverlay, kSideBySide };
enum class BackgroundChoice : std::uint8_t { kDark, kLight, kTransparent };

std::string_view modeName(Mode m);
std::optional<Mode> modeFromName(std::string_view name);

struct ViewState {
  Mode mode = Mode::kExpert;
  // layers
  bool bones = true;
  bool discs = true;
  bool muscles = true;
  bool nerves = true;
  bool body_outline = false;
  // pictures and overlays
  bool xray = false;
  bool labels = true;
  bool pelvic_angles = true;  // hip axis, S1 line, PI / PT / SS
  bool lordosis = true;       // Cobb lines and LL
  bool plumb_line = false;
  bool meyerding = true;
  bool shear_arrow = true;
  bool cutaway = false;       // midsagittal section (the left half removed)
  Ghost ghost = Ghost::kOff;  // neutral skeleton for comparison
  // the lesson a preset is about (scene/lesson_focus.h): "all", "alignment", "anterior-tilt",
  // "posterior-tilt", "slip", "hip-flexors"; the rest is faded unless `show_all`
  std::string focus = "all";
  bool show_all = false;
  bool show_numbers = false;  // patient mode: show the measured values too (other modes always do)
  BackgroundChoice background = BackgroundChoice::kDark;
  bool grid = true;
  bool shadows = true;
  // camera: a named view, or a free camera when `camera_view` is empty
  std::string camera_view = "lateral";
  // what a named view frames: "auto" (the slip level when there is a slip, whole legs for the
  // Thomas test and lunge, else the lumbar spine and pelvis), "lumbopelvic", "lumbosacral", "whole"
  std::string camera_focus = "auto";
  Camera camera;
  std::string caption;  // custom caption (patient mode shows its own sentences too)

  bool operator==(const ViewState&) const = default;
};

// One setting's key, kind and range, for documentation, the UI and validation.
struct ViewKeyInfo {
  std::string_view key;
  std::string_view kind;        // "bool", "number", "text" or "one of a|b|c"
  double min = 0.0, max = 0.0;  // for numbers
  std::string_view description;
};
const std::vector<ViewKeyInfo>& viewKeys();

// Sets one key from a JSON value; throws InputError naming the key when it is unknown or the
// value has the wrong type, is out of range or not finite. `where` prefixes the message (e.g.
// "scene.json:12").
void setViewKey(ViewState& state, std::string_view key, const nlohmann::json& value,
                std::string_view where = {});
nlohmann::json getViewKey(const ViewState& state, std::string_view key);
bool isViewKey(std::string_view key);

// The "mode", "view", "camera" and "captions" sections of a scenario file (a JSON object with
// any of those members). Unknown members inside them are errors.
void applyViewSections(ViewState& state, const nlohmann::json& scenario, std::string_view where = {});
// Writes those sections into `scenario` (other members are left as they are).
void writeViewSections(const ViewState& state, nlohmann::json& scenario);

// Whether measured values are shown: always, except in patient mode unless asked for
// (view.show_numbers). Overlays, labels, badges, legend and panels all follow it.
inline bool showsNumbers(const ViewState& state) {
  return state.mode != Mode::kPatient || state.show_numbers;
}

// X-ray mode as the user turns it on: a radiograph is a lateral or AP film, so a view from any
// other direction (oblique, superior, a free camera) turns to lateral. Session::cameraFor shows
// X-ray views orthographic, as a film is.
void setXray(ViewState& state, bool on);

}  // namespace sagitta::scene
