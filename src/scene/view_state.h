// Everything about how the model is shown (not what the model is): mode, layers, overlays,
// X-ray, cutaway, ghost compare, background, camera, captions. Scenario files store it in
// their "mode", "view", "camera" and "captions" sections; timelines key-frame it. Every
// setting has a flat key ("view.xray", "camera.yaw_deg") with a type and range, so files,
// `--set`-style input, undo and timelines all go through one validated table.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/enum_table.h"
#include "scenario/key_info.h"
#include "scene/camera.h"

namespace sagitta::scene {

// The view's enums, each with its table of names (keys and files) and labels (UI); tests check
// that every table is complete.
enum class Mode : std::uint8_t { kClassroom, kPatient, kExpert };
inline constexpr EnumTable<Mode, 3> kModes = {{{Mode::kClassroom, "classroom", "Classroom"},
                                               {Mode::kPatient, "patient", "Patient"},
                                               {Mode::kExpert, "expert", "Expert"}}};
enum class Ghost : std::uint8_t { kOff, kOverlay, kSideBySide };
inline constexpr EnumTable<Ghost, 3> kGhosts = {{{Ghost::kOff, "off", "Off"},
                                                 {Ghost::kOverlay, "overlay", "Overlay"},
                                                 {Ghost::kSideBySide, "side-by-side", "Side by side"}}};
enum class BackgroundChoice : std::uint8_t { kDark, kLight, kTransparent };
inline constexpr EnumTable<BackgroundChoice, 3> kBackgrounds = {
    {{BackgroundChoice::kDark, "dark", "Dark"},
     {BackgroundChoice::kLight, "light", "Light"},
     {BackgroundChoice::kTransparent, "transparent", "Transparent"}}};
inline constexpr EnumTable<Projection, 2> kProjections = {
    {{Projection::kPerspective, "perspective", "Perspective"},
     {Projection::kOrthographic, "orthographic", "Orthographic"}}};
// A named camera view (framed on the model each frame) or a free camera (its own numbers).
// "lateral" is kept apart from "lateral-left" (the same picture) so a file keeps its spelling.
enum class CameraView : std::uint8_t {
  kFree,
  kLateral,
  kLateralLeft,
  kLateralRight,
  kAnterior,
  kPosterior,
  kSuperior,
  kOblique
};
inline constexpr EnumTable<CameraView, 8> kCameraViews = {
    {{CameraView::kFree, "free", "Free camera"},
     {CameraView::kLateral, "lateral", "Lateral"},
     {CameraView::kLateralLeft, "lateral-left", "Left"},
     {CameraView::kLateralRight, "lateral-right", "Right"},
     {CameraView::kAnterior, "anterior", "Front"},
     {CameraView::kPosterior, "posterior", "Back"},
     {CameraView::kSuperior, "superior", "Top"},
     {CameraView::kOblique, "oblique", "Oblique"}}};
// The camera's standard view for a named view; nullopt for a free camera.
std::optional<ViewPreset> viewPresetOf(CameraView view);
// What a named view frames: auto picks the slip level when there is a slip, the whole legs for
// the Thomas test and the lunge, else the lumbar spine and pelvis.
enum class CameraFocus : std::uint8_t { kAuto, kLumbopelvic, kLumbosacral, kWhole };
inline constexpr EnumTable<CameraFocus, 4> kCameraFocuses = {
    {{CameraFocus::kAuto, "auto", "Auto"},
     {CameraFocus::kLumbopelvic, "lumbopelvic", "Lumbar spine and pelvis"},
     {CameraFocus::kLumbosacral, "lumbosacral", "Lumbosacral junction"},
     {CameraFocus::kWhole, "whole", "Whole body"}}};

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
  // camera: a named view, or CameraView::kFree for a free camera (its numbers in `camera`)
  CameraView camera_view = CameraView::kLateral;
  CameraFocus camera_focus = CameraFocus::kAuto;  // what a named view frames
  Camera camera;
  std::string caption;  // custom caption (patient mode shows its own sentences too)

  bool operator==(const ViewState&) const = default;
};

// The view's rows of the key table (scenario/key_info.h; scene/document.h lists them with the
// model's keys as one table).
using ViewKeyInfo = scenario::KeyInfo;
const std::vector<ViewKeyInfo>& viewKeys();

// Sets one key from a JSON value; throws InputError naming the key when it is unknown or the
// value has the wrong type, is out of range or not finite (the key table's messages). `where`
// prefixes the message (e.g. "scene.json:12").
void setViewKey(ViewState& state, std::string_view key, const nlohmann::json& value,
                std::string_view where = {});
nlohmann::json getViewKey(const ViewState& state, std::string_view key);
bool isViewKey(std::string_view key);

// Where a key of a file is, for messages: "FILE:LINE" (scenario/json_lines.h), or "".
using KeyLocator = std::function<std::string(std::string_view key)>;
// The "mode", "view", "camera" and "captions" sections of a scenario file (a JSON object with
// any of those members), all or nothing. Unknown members inside them are errors, and so is an
// "overlays" section (overlays are set in "view"). Each message starts with where(key).
void applyViewSections(ViewState& state, const nlohmann::ordered_json& scenario, const KeyLocator& where);
void applyViewSections(ViewState& state, const nlohmann::ordered_json& scenario, std::string_view where = {});
// Writes those sections into `scenario` (other members are left as they are).
void writeViewSections(const ViewState& state, nlohmann::ordered_json& scenario);

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
