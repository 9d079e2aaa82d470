#include "scene/view_state.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "scene/lesson_focus.h"

namespace sagitta::scene {
namespace {

using nlohmann::json;
using scenario::KeyInfo;
using scenario::KeyType;

// A row of the key table with its accessor: `set` is given a value already checked against the
// row's type and range.
struct KeyDef {
  KeyInfo info;
  std::function<void(ViewState&, const json&)> set;
  std::function<json(const ViewState&)> get;
};

std::string prefix(std::string_view where, std::string_view key) {
  return where.empty() ? std::string(key) : std::string(where) + ": " + std::string(key);
}

template <typename E, std::size_t N>
std::vector<std::string> names(const EnumTable<E, N>& table) {
  std::vector<std::string> out;
  for (const EnumInfo<E>& e : table) out.emplace_back(e.name);
  return out;
}

// A choice key over an enum table: the value must be one of the table's names.
template <typename E, std::size_t N>
KeyDef enumKey(std::string_view key, const EnumTable<E, N>& table, E ViewState::*member,
               std::string_view description) {
  KeyDef d;
  d.info = {std::string(key), KeyType::kChoice, 0, 0, names(table), "", std::string(description)};
  const KeyInfo info = d.info;
  d.set = [info, &table, member](ViewState& s, const json& v) {
    const std::string name = scenario::checkedText(info, v);
    const auto e = enumFromName(table, name);
    if (!e) throw InputError(scenario::notAChoiceMessage(info, "\"" + name + "\""));
    s.*member = *e;
  };
  d.get = [&table, member](const ViewState& s) { return json(std::string(enumName(table, s.*member))); };
  return d;
}

KeyDef boolKey(std::string_view key, bool ViewState::*member, std::string_view description) {
  KeyDef d;
  d.info = {std::string(key), KeyType::kBool, 0, 0, {}, "", std::string(description)};
  const KeyInfo info = d.info;
  d.set = [info, member](ViewState& s, const json& v) { s.*member = scenario::checkedBool(info, v); };
  d.get = [member](const ViewState& s) { return json(s.*member); };
  return d;
}

KeyDef cameraNumber(std::string_view key, double lo, double hi, std::string_view unit,
                    std::string_view description, std::function<double(const Camera&)> get,
                    std::function<void(Camera&, double)> set) {
  KeyDef d;
  d.info = {std::string(key), KeyType::kNumber, lo, hi, {}, std::string(unit), std::string(description)};
  const KeyInfo info = d.info;
  d.set = [info, set](ViewState& s, const json& v) {
    set(s.camera, scenario::checkedNumber(info, v));
    s.camera_view = CameraView::kFree;  // a moved camera is a free camera
  };
  d.get = [get](const ViewState& s) { return json(get(s.camera)); };
  return d;
}

const std::vector<KeyDef>& table() {
  static const std::vector<KeyDef> keys = [] {
    std::vector<KeyDef> k;
    k.push_back(enumKey("mode", kModes, &ViewState::mode,
                        "classroom: large type and thick lines for a projector; patient: plain-language "
                        "captions, numbers on request; expert: every number"));
    k.push_back(boolKey("view.bones", &ViewState::bones, "draw the bones"));
    k.push_back(boolKey("view.discs", &ViewState::discs, "draw the intervertebral discs"));
    k.push_back(boolKey("view.muscles", &ViewState::muscles, "draw the muscles, coloured by length change"));
    k.push_back(boolKey("view.nerves", &ViewState::nerves, "draw the nerve roots at the slip level"));
    k.push_back(boolKey("view.body_outline", &ViewState::body_outline, "draw the translucent body outline"));
    k.push_back(boolKey("view.xray", &ViewState::xray, "lateral radiograph look"));
    k.push_back(boolKey("view.labels", &ViewState::labels, "labels for bones, landmarks and muscles"));
    k.push_back(boolKey("view.pelvic_angles", &ViewState::pelvic_angles,
                        "hip axis, S1 endplate line, PI, PT and SS"));
    k.push_back(
        boolKey("view.lordosis", &ViewState::lordosis, "L1 and S1 endplate lines and the lordosis angle"));
    k.push_back(boolKey("view.plumb_line", &ViewState::plumb_line,
                        "the C7 plumb line and the sagittal vertical axis (SVA)"));
    k.push_back(boolKey("view.meyerding", &ViewState::meyerding, "Meyerding lines at the slip level"));
    k.push_back(boolKey("view.shear_arrow", &ViewState::shear_arrow, "L5-S1 shear arrow"));
    k.push_back(
        boolKey("view.cutaway", &ViewState::cutaway, "midsagittal section: canal, discs, nerve root"));
    k.push_back(enumKey("view.ghost", kGhosts, &ViewState::ghost,
                        "compare with the neutral posture: translucent over it, or two views side by side"));
    {
      KeyDef d;
      d.info = {"view.focus",
                KeyType::kChoice,
                0,
                0,
                {"all", "alignment", "anterior-tilt", "posterior-tilt", "slip", "hip-flexors"},
                "",
                "what a lesson is about: its bones and muscles stay, the rest is faded or hidden"};
      const KeyInfo info = d.info;
      d.set = [info](ViewState& s, const json& v) {
        const std::string name = scenario::checkedText(info, v);
        if (!lessonFromName(name)) throw InputError(scenario::notAChoiceMessage(info, "\"" + name + "\""));
        s.focus = name;
      };
      d.get = [](const ViewState& s) { return json(s.focus); };
      k.push_back(d);
    }
    k.push_back(boolKey("view.show_all", &ViewState::show_all,
                        "show everything, not only what the lesson (view.focus) is about"));
    k.push_back(
        boolKey("view.show_numbers", &ViewState::show_numbers,
                "patient mode: show the measured values too (classroom and expert always show them)"));
    k.push_back(enumKey("view.background", kBackgrounds, &ViewState::background,
                        "background (transparent for slides)"));
    k.push_back(boolKey("view.grid", &ViewState::grid, "floor grid"));
    k.push_back(boolKey("view.shadows", &ViewState::shadows, "soft shadows"));
    {
      // a named view also turns the camera to it, so its numbers are right when it is freed
      KeyDef d = enumKey("camera.view", kCameraViews, &ViewState::camera_view,
                         "a standard view, framed on the model; free: use the numbers below");
      d.set = [set = d.set](ViewState& s, const json& v) {
        set(s, v);
        if (const auto preset = viewPresetOf(s.camera_view)) s.camera.setView(*preset);
      };
      k.push_back(d);
    }
    k.push_back(enumKey("camera.focus", kCameraFocuses, &ViewState::camera_focus,
                        "what a named view frames: auto picks the slip level, the whole legs (Thomas test, "
                        "lunge) or the lumbar spine and pelvis"));
    k.push_back(cameraNumber(
        "camera.yaw_deg", -360, 360, "deg", "turn about the vertical; 0 = seen from the patient's left",
        [](const Camera& c) { return static_cast<double>(glm::degrees(c.yaw_rad)); },
        [](Camera& c, double d) { c.yaw_rad = glm::radians(static_cast<float>(d)); }));
    k.push_back(cameraNumber(
        "camera.pitch_deg", -89, 89, "deg", "elevation of the eye",
        [](const Camera& c) { return static_cast<double>(glm::degrees(c.pitch_rad)); },
        [](Camera& c, double d) { c.pitch_rad = glm::radians(static_cast<float>(d)); }));
    k.push_back(cameraNumber(
        "camera.distance_m", 0.05, 50, "m", "eye to target distance",
        [](const Camera& c) { return static_cast<double>(c.distance_m); },
        [](Camera& c, double d) { c.distance_m = static_cast<float>(d); }));
    k.push_back(cameraNumber(
        "camera.fov_deg", 5, 120, "deg", "vertical field of view (perspective)",
        [](const Camera& c) { return static_cast<double>(glm::degrees(c.fov_y_rad)); },
        [](Camera& c, double d) { c.fov_y_rad = glm::radians(static_cast<float>(d)); }));
    for (int axis = 0; axis < 3; ++axis) {
      static constexpr std::string_view kNames[] = {"camera.target_x_m", "camera.target_y_m",
                                                    "camera.target_z_m"};
      k.push_back(cameraNumber(
          kNames[axis], -10, 10, "m", "point the camera looks at (world, metres)",
          [axis](const Camera& c) { return static_cast<double>(c.target[axis]); },
          [axis](Camera& c, double d) { c.target[axis] = static_cast<float>(d); }));
    }
    {
      KeyDef d;
      d.info = {"camera.projection", KeyType::kChoice, 0, 0, names(kProjections), "", "projection"};
      const KeyInfo info = d.info;
      d.set = [info](ViewState& s, const json& v) {
        const std::string name = scenario::checkedText(info, v);
        const auto p = enumFromName(kProjections, name);
        if (!p) throw InputError(scenario::notAChoiceMessage(info, "\"" + name + "\""));
        s.camera.projection = *p;
      };
      d.get = [](const ViewState& s) {
        return json(std::string(enumName(kProjections, s.camera.projection)));
      };
      k.push_back(d);
    }
    {
      KeyDef d;
      d.info = {"captions.custom",
                KeyType::kText,
                0,
                0,
                {},
                "",
                "your own caption under the picture (burned into recordings; at most 500 characters)"};
      const KeyInfo info = d.info;
      d.set = [info](ViewState& s, const json& v) {
        std::string text = scenario::checkedText(info, v);
        if (text.size() > 500) throw InputError(info.key + " is longer than 500 characters");
        s.caption = std::move(text);
      };
      d.get = [](const ViewState& s) { return json(s.caption); };
      k.push_back(d);
    }
    return k;
  }();
  return keys;
}

const KeyDef* find(std::string_view key) {
  for (const KeyDef& d : table()) {
    if (d.info.key == key) return &d;
  }
  return nullptr;
}

}  // namespace

std::string_view modeName(Mode m) {
  return enumName(kModes, m);
}

std::optional<Mode> modeFromName(std::string_view name) {
  return enumFromName(kModes, name);
}

std::optional<ViewPreset> viewPresetOf(CameraView view) {
  if (view == CameraView::kFree) return std::nullopt;
  return viewPresetFromName(enumName(kCameraViews, view));
}

const std::vector<ViewKeyInfo>& viewKeys() {
  static const std::vector<ViewKeyInfo> infos = [] {
    std::vector<ViewKeyInfo> v;
    for (const KeyDef& d : table()) v.push_back(d.info);
    return v;
  }();
  return infos;
}

bool isViewKey(std::string_view key) {
  return find(key) != nullptr;
}

void setViewKey(ViewState& state, std::string_view key, const json& value, std::string_view where) {
  const KeyDef* d = find(key);
  if (d == nullptr) throw InputError(prefix(where, key) + " is not a view setting");
  try {
    d->set(state, value);
  } catch (const InputError& e) {
    throw InputError(where.empty() ? std::string(e.what()) : std::string(where) + ": " + e.what());
  }
}

json getViewKey(const ViewState& state, std::string_view key) {
  const KeyDef* d = find(key);
  if (d == nullptr) throw InputError(std::string(key) + " is not a view setting");
  return d->get(state);
}

void applyViewSections(ViewState& state, const nlohmann::ordered_json& scenario, const KeyLocator& where) {
  if (!scenario.is_object()) return;
  ViewState next = state;  // all or nothing: a bad value changes nothing
  if (scenario.contains("overlays")) {
    throw InputError(prefix(where("overlays"), "overlays") +
                     " are set in the \"view\" section (e.g. view.pelvic_angles)");
  }
  // where a key is, looked up only for a message
  auto set = [&](const std::string& key, const nlohmann::ordered_json& value) {
    try {
      setViewKey(next, key, value);
    } catch (const InputError& e) {
      const std::string place = where(key);
      throw InputError(place.empty() ? std::string(e.what()) : place + ": " + e.what());
    }
  };
  if (scenario.contains("mode")) set("mode", scenario["mode"]);
  for (const char* section : {"view", "camera", "captions"}) {
    if (!scenario.contains(section)) continue;
    const nlohmann::ordered_json& obj = scenario[section];
    if (!obj.is_object()) throw InputError(prefix(where(section), section) + " must be an object");
    // camera.view first, so explicit numbers refine a named view
    if (std::string_view(section) == "camera" && obj.contains("view")) set("camera.view", obj["view"]);
    for (const auto& [name, value] : obj.items()) {
      const std::string key = std::string(section) + "." + name;
      if (key != "camera.view") set(key, value);
    }
  }
  state = next;
}

void applyViewSections(ViewState& state, const nlohmann::ordered_json& scenario, std::string_view where) {
  const std::string place(where);
  applyViewSections(state, scenario, [&place](std::string_view) { return place; });
}

void writeViewSections(const ViewState& state, nlohmann::ordered_json& scenario) {
  scenario["mode"] = getViewKey(state, "mode");
  for (const KeyDef& d : table()) {
    const std::string_view key = d.info.key;
    const auto dot = key.find('.');
    if (dot == std::string_view::npos) continue;
    const std::string section(key.substr(0, dot)), name(key.substr(dot + 1));
    // a named camera view is enough; numbers are written only for a free camera
    if (section == "camera" && name != "view" && name != "projection" && name != "focus" &&
        state.camera_view != CameraView::kFree)
      continue;
    scenario[section][name] = d.get(state);
  }
}

void setXray(ViewState& state, bool on) {
  state.xray = on;
  if (!on) return;
  constexpr std::array<CameraView, 5> kFilmViews{CameraView::kLateral, CameraView::kLateralLeft,
                                                 CameraView::kLateralRight, CameraView::kAnterior,
                                                 CameraView::kPosterior};
  if (std::find(kFilmViews.begin(), kFilmViews.end(), state.camera_view) == kFilmViews.end()) {
    state.camera_view = CameraView::kLateral;
  }
}

}  // namespace sagitta::scene
