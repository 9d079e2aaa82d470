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

struct KeyDef {
  ViewKeyInfo info;
  std::function<void(ViewState&, const json&, const std::string&)> set;
  std::function<json(const ViewState&)> get;
};

std::string prefix(std::string_view where, std::string_view key) {
  return where.empty() ? std::string(key) : std::string(where) + ": " + std::string(key);
}

bool asBool(const json& v, const std::string& ctx) {
  if (!v.is_boolean()) throw InputError(ctx + " must be true or false");
  return v.get<bool>();
}

double asNumber(const json& v, const std::string& ctx, double lo, double hi) {
  if (!v.is_number()) throw InputError(ctx + " must be a number");
  const double d = v.get<double>();
  if (!std::isfinite(d)) throw InputError(ctx + " must be a finite number");
  if (d < lo || d > hi) {
    throw InputError(ctx + " is " + v.dump() + ", outside " + json(lo).dump() + " to " + json(hi).dump());
  }
  return d;
}

template <typename E, std::size_t N>
E asChoice(const json& v, const std::string& ctx,
           const std::array<std::pair<std::string_view, E>, N>& choices) {
  std::string all;
  for (const auto& [name, e] : choices) all += (all.empty() ? "" : ", ") + std::string(name);
  if (!v.is_string()) throw InputError(ctx + " must be one of " + all);
  const std::string s = v.get<std::string>();
  for (const auto& [name, e] : choices) {
    if (name == s) return e;
  }
  throw InputError(ctx + " is \"" + s + "\", not one of " + all);
}

template <typename E, std::size_t N>
std::string choiceName(E e, const std::array<std::pair<std::string_view, E>, N>& choices) {
  for (const auto& [name, value] : choices) {
    if (value == e) return std::string(name);
  }
  return {};
}

constexpr std::array<std::pair<std::string_view, Mode>, 3> kModes = {
    {{"classroom", Mode::kClassroom}, {"patient", Mode::kPatient}, {"expert", Mode::kExpert}}};
constexpr std::array<std::pair<std::string_view, Ghost>, 3> kGhosts = {
    {{"off", Ghost::kOff}, {"overlay", Ghost::kOverlay}, {"side-by-side", Ghost::kSideBySide}}};
constexpr std::array<std::pair<std::string_view, BackgroundChoice>, 3> kBackgrounds = {
    {{"dark", BackgroundChoice::kDark},
     {"light", BackgroundChoice::kLight},
     {"transparent", BackgroundChoice::kTransparent}}};
constexpr std::array<std::pair<std::string_view, Projection>, 2> kProjections = {
    {{"perspective", Projection::kPerspective}, {"orthographic", Projection::kOrthographic}}};

KeyDef boolKey(std::string_view key, bool ViewState::*member, std::string_view description) {
  return {{key, "bool", 0, 0, description},
          [member](ViewState& s, const json& v, const std::string& ctx) { s.*member = asBool(v, ctx); },
          [member](const ViewState& s) { return json(s.*member); }};
}

KeyDef cameraNumber(std::string_view key, double lo, double hi, std::string_view description,
                    std::function<double(const Camera&)> get, std::function<void(Camera&, double)> set) {
  return {{key, "number", lo, hi, description},
          [lo, hi, set](ViewState& s, const json& v, const std::string& ctx) {
            set(s.camera, asNumber(v, ctx, lo, hi));
            s.camera_view.clear();  // a moved camera is a free camera
          },
          [get](const ViewState& s) { return json(get(s.camera)); }};
}

const std::vector<KeyDef>& table() {
  static const std::vector<KeyDef> keys = [] {
    std::vector<KeyDef> k;
    k.push_back(
        {{"mode", "one of classroom|patient|expert", 0, 0,
          "classroom: large type and thick lines for a projector; patient: plain-language captions, numbers "
          "on "
          "request; expert: every number"},
         [](ViewState& s, const json& v, const std::string& ctx) { s.mode = asChoice(v, ctx, kModes); },
         [](const ViewState& s) { return json(choiceName(s.mode, kModes)); }});
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
    k.push_back(
        boolKey("view.plumb_line", &ViewState::plumb_line, "vertical line from the trunk's centre of mass"));
    k.push_back(boolKey("view.meyerding", &ViewState::meyerding, "Meyerding lines at the slip level"));
    k.push_back(boolKey("view.shear_arrow", &ViewState::shear_arrow, "L5-S1 shear arrow"));
    k.push_back(
        boolKey("view.cutaway", &ViewState::cutaway, "midsagittal section: canal, discs, nerve root"));
    k.push_back(
        {{"view.ghost", "one of off|overlay|side-by-side", 0, 0,
          "compare with the neutral posture: translucent over it, or two views side by side"},
         [](ViewState& s, const json& v, const std::string& ctx) { s.ghost = asChoice(v, ctx, kGhosts); },
         [](const ViewState& s) { return json(choiceName(s.ghost, kGhosts)); }});
    k.push_back({{"view.focus", "one of all|alignment|anterior-tilt|posterior-tilt|slip|hip-flexors", 0, 0,
                  "what a lesson is about: its bones and muscles stay, the rest is faded or hidden"},
                 [](ViewState& s, const json& v, const std::string& ctx) {
                   if (!v.is_string() || !lessonFromName(v.get<std::string>())) {
                     throw InputError(
                         ctx +
                         " must be one of all, alignment, anterior-tilt, posterior-tilt, slip, hip-flexors");
                   }
                   s.focus = v.get<std::string>();
                 },
                 [](const ViewState& s) { return json(s.focus); }});
    k.push_back(boolKey("view.show_all", &ViewState::show_all,
                        "show everything, not only what the lesson (view.focus) is about"));
    k.push_back(
        boolKey("view.show_numbers", &ViewState::show_numbers,
                "patient mode: show the measured values too (classroom and expert always show them)"));
    k.push_back(
        {{"view.background", "one of dark|light|transparent", 0, 0, "background (transparent for slides)"},
         [](ViewState& s, const json& v, const std::string& ctx) {
           s.background = asChoice(v, ctx, kBackgrounds);
         },
         [](const ViewState& s) { return json(choiceName(s.background, kBackgrounds)); }});
    k.push_back(boolKey("view.grid", &ViewState::grid, "floor grid"));
    k.push_back(boolKey("view.shadows", &ViewState::shadows, "soft shadows"));
    k.push_back(
        {{"camera.view", "one of lateral|lateral-left|lateral-right|anterior|posterior|superior|oblique|free",
          0, 0, "a standard view, framed on the model; free: use the numbers below"},
         [](ViewState& s, const json& v, const std::string& ctx) {
           if (!v.is_string()) throw InputError(ctx + " must be a view name");
           const std::string name = v.get<std::string>();
           if (name == "free") {
             s.camera_view.clear();
             return;
           }
           const auto preset = viewPresetFromName(name);
           if (!preset) throw InputError(ctx + " is \"" + name + "\", not a view name");
           s.camera_view = name;
           s.camera.setView(*preset);
         },
         [](const ViewState& s) { return json(s.camera_view.empty() ? "free" : s.camera_view); }});
    k.push_back({{"camera.focus", "one of auto|lumbopelvic|lumbosacral|whole", 0, 0,
                  "what a named view frames: auto picks the slip level, the whole legs (Thomas test, lunge) "
                  "or the lumbar "
                  "spine and pelvis"},
                 [](ViewState& s, const json& v, const std::string& ctx) {
                   static constexpr std::array<std::string_view, 4> kFocus = {"auto", "lumbopelvic",
                                                                              "lumbosacral", "whole"};
                   if (!v.is_string() ||
                       std::find(kFocus.begin(), kFocus.end(), v.get<std::string>()) == kFocus.end()) {
                     throw InputError(ctx + " must be one of auto, lumbopelvic, lumbosacral, whole");
                   }
                   s.camera_focus = v.get<std::string>();
                 },
                 [](const ViewState& s) { return json(s.camera_focus); }});
    k.push_back(cameraNumber(
        "camera.yaw_deg", -360, 360, "turn about the vertical; 0 = seen from the patient's left",
        [](const Camera& c) { return static_cast<double>(glm::degrees(c.yaw_rad)); },
        [](Camera& c, double d) { c.yaw_rad = glm::radians(static_cast<float>(d)); }));
    k.push_back(cameraNumber(
        "camera.pitch_deg", -89, 89, "elevation of the eye",
        [](const Camera& c) { return static_cast<double>(glm::degrees(c.pitch_rad)); },
        [](Camera& c, double d) { c.pitch_rad = glm::radians(static_cast<float>(d)); }));
    k.push_back(cameraNumber(
        "camera.distance_m", 0.05, 50, "eye to target distance",
        [](const Camera& c) { return static_cast<double>(c.distance_m); },
        [](Camera& c, double d) { c.distance_m = static_cast<float>(d); }));
    k.push_back(cameraNumber(
        "camera.fov_deg", 5, 120, "vertical field of view (perspective)",
        [](const Camera& c) { return static_cast<double>(glm::degrees(c.fov_y_rad)); },
        [](Camera& c, double d) { c.fov_y_rad = glm::radians(static_cast<float>(d)); }));
    for (int axis = 0; axis < 3; ++axis) {
      static constexpr std::string_view kNames[] = {"camera.target_x_m", "camera.target_y_m",
                                                    "camera.target_z_m"};
      k.push_back(cameraNumber(
          kNames[axis], -10, 10, "point the camera looks at (world, metres)",
          [axis](const Camera& c) { return static_cast<double>(c.target[axis]); },
          [axis](Camera& c, double d) { c.target[axis] = static_cast<float>(d); }));
    }
    k.push_back({{"camera.projection", "one of perspective|orthographic", 0, 0, "projection"},
                 [](ViewState& s, const json& v, const std::string& ctx) {
                   s.camera.projection = asChoice(v, ctx, kProjections);
                 },
                 [](const ViewState& s) { return json(choiceName(s.camera.projection, kProjections)); }});
    k.push_back(
        {{"captions.custom", "text", 0, 0, "your own caption under the picture (burned into recordings)"},
         [](ViewState& s, const json& v, const std::string& ctx) {
           if (!v.is_string()) throw InputError(ctx + " must be text");
           s.caption = v.get<std::string>();
           if (s.caption.size() > 500) throw InputError(ctx + " is longer than 500 characters");
         },
         [](const ViewState& s) { return json(s.caption); }});
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
  for (const auto& [name, e] : kModes) {
    if (e == m) return name;
  }
  return "expert";
}

std::optional<Mode> modeFromName(std::string_view name) {
  for (const auto& [n, e] : kModes) {
    if (n == name) return e;
  }
  return std::nullopt;
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
  d->set(state, value, prefix(where, key));
}

json getViewKey(const ViewState& state, std::string_view key) {
  const KeyDef* d = find(key);
  if (d == nullptr) throw InputError(std::string(key) + " is not a view setting");
  return d->get(state);
}

void applyViewSections(ViewState& state, const json& scenario, std::string_view where) {
  if (!scenario.is_object()) return;
  ViewState next = state;  // all or nothing: a bad value changes nothing
  if (scenario.contains("mode")) setViewKey(next, "mode", scenario["mode"], where);
  for (const char* section : {"view", "camera", "captions"}) {
    if (!scenario.contains(section)) continue;
    const json& obj = scenario[section];
    if (!obj.is_object()) throw InputError(prefix(where, section) + " must be an object");
    // camera.view first, so explicit numbers refine a named view
    if (std::string_view(section) == "camera" && obj.contains("view"))
      setViewKey(next, "camera.view", obj["view"], where);
    for (const auto& [name, value] : obj.items()) {
      const std::string key = std::string(section) + "." + name;
      if (key == "camera.view") continue;
      setViewKey(next, key, value, where);
    }
  }
  state = next;
}

void writeViewSections(const ViewState& state, json& scenario) {
  scenario["mode"] = getViewKey(state, "mode");
  for (const KeyDef& d : table()) {
    const std::string_view key = d.info.key;
    const auto dot = key.find('.');
    if (dot == std::string_view::npos) continue;
    const std::string section(key.substr(0, dot)), name(key.substr(dot + 1));
    // a named camera view is enough; numbers are written only for a free camera
    if (section == "camera" && name != "view" && name != "projection" && name != "focus" &&
        !state.camera_view.empty())
      continue;
    scenario[section][name] = d.get(state);
  }
}

void setXray(ViewState& state, bool on) {
  state.xray = on;
  if (!on) return;
  constexpr std::array<std::string_view, 5> kFilmViews{"lateral", "lateral-left", "lateral-right", "anterior",
                                                       "posterior"};
  if (std::find(kFilmViews.begin(), kFilmViews.end(), state.camera_view) == kFilmViews.end()) {
    state.camera_view = "lateral";
  }
}

}  // namespace sagitta::scene
