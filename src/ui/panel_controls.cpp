#include <array>
#include <cmath>
#include <cstdio>

#include <imgui.h>

#include "biomech/muscle_table.h"
#include "scenario/parameters.h"
#include "scene/radiograph_overlay.h"
#include "ui/panels.h"
#include "ui/widgets.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

namespace sagitta::ui {
namespace {

using biomech::MuscleGroup;
using biomech::MuscleId;

struct GroupText {
  MuscleGroup group;
  const char* title;  // expert / classroom
  const char* plain;  // patient mode
  const char* tooltip;
};
constexpr std::array<GroupText, 4> kGroups = {{
    {MuscleGroup::kHipFlexors, "Hip flexors", "Front of the hip",
     "Psoas, iliacus, rectus femoris, sartorius, TFL"},
    {MuscleGroup::kHipExtensors, "Hip extensors", "Buttocks and back of the thigh",
     "Gluteus maximus and the hamstrings (semimembranosus, semitendinosus, biceps femoris long head)"},
    {MuscleGroup::kAbdominals, "Abdominals", "Tummy muscles",
     "Rectus abdominis, external and internal obliques"},
    {MuscleGroup::kBackExtensors, "Back extensors", "Lower back muscles",
     "Erector spinae (iliocostalis and longissimus lumborum) and multifidus"},
}};

std::vector<MuscleId> membersOf(MuscleGroup g) {
  std::vector<MuscleId> out;
  for (std::size_t m = 0; m < biomech::kMuscleCount; ++m) {
    if (biomech::groupOf(static_cast<MuscleId>(m)) == g) out.push_back(static_cast<MuscleId>(m));
  }
  return out;
}

std::string displayName(MuscleId m) {
  std::string s(biomech::muscleDef(m).display_name);
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

void sectionTitle(const char* text) {
  ImGui::Spacing();
  ImGui::TextDisabled("%s", text);
  ImGui::Separator();
}

// A checkable command (ui/commands.h) as a checkbox: the same step as its menu item and key.
void commandCheckbox(const CommandTable& commands, const char* label, std::string_view id) {
  const Command* c = commands.find(id);
  if (c == nullptr) return;
  bool on = c->isChecked();
  if (ImGui::Checkbox(label, &on)) commands.run(id);
  if (!c->keys.empty() && ImGui::IsItemHovered())
    ImGui::SetTooltip("%s: %s", CommandTable::shortcutText(*c).c_str(), c->help.c_str());
}

// Layers, pictures, camera and background: what the View menu holds, one click away, through
// the same commands.
void drawView(const CommandTable& commands) {
  const float column = ImGui::GetContentRegionAvail().x * 0.5f;
  auto pair = [&](const char* a, const char* id_a, const char* b, const char* id_b) {
    commandCheckbox(commands, a, id_a);
    if (b == nullptr) return;
    ImGui::SameLine(column);
    commandCheckbox(commands, b, id_b);
  };
  ImGui::TextDisabled("Layers");
  pair("Bones", "view.bones", "Discs", "view.discs");
  pair("Muscles", "view.muscles", "Nerve roots", "view.nerves");
  pair("Body outline", "view.body_outline", "Labels", "view.labels");
  ImGui::TextDisabled("Pictures");
  pair("X-ray film", "view.xray", "Cutaway", "view.cutaway");
  pair("Pelvic angles", "view.pelvic_angles", "Lordosis", "view.lordosis");
  pair("Meyerding", "view.meyerding", "Plumb line", "view.plumb_line");
  commandCheckbox(commands, "L5–S1 shear arrow", "view.shear_arrow");
  ImGui::TextDisabled("Camera");
  static constexpr std::array<std::pair<const char*, const char*>, 5> kViews = {
      {{"Lateral", "camera.lateral-left"},
       {"Front", "camera.anterior"},
       {"Back", "camera.posterior"},
       {"Top", "camera.superior"},
       {"Oblique", "camera.oblique"}}};
  for (std::size_t i = 0; i < kViews.size(); ++i) {
    if (i > 0) ImGui::SameLine();
    if (ImGui::SmallButton(kViews[i].first)) commands.run(kViews[i].second);
  }
  ImGui::TextDisabled("Background");
  static constexpr std::array<std::pair<const char*, const char*>, 3> kBackgrounds = {
      {{"Dark", "view.background=dark"},
       {"Light", "view.background=light"},
       {"Transparent", "view.background=transparent"}}};
  for (std::size_t i = 0; i < kBackgrounds.size(); ++i) {
    if (i > 0) ImGui::SameLine();
    const Command* c = commands.find(kBackgrounds[i].second);
    if (ImGui::RadioButton(kBackgrounds[i].first, c != nullptr && c->isChecked()) && c != nullptr)
      commands.run(c->id);
  }
}

void drawPose(AppState& app) {
  const biomech::ModelInputs& in = app.doc().scenario.inputs;
  static constexpr std::array<std::pair<const char*, const char*>, 4> kPoses = {
      {{"standing", "Standing"},
       {"thomas", "Thomas test (lying)"},
       {"lunge", "Kneeling hip-flexor stretch"},
       {"sitting", "Sitting"}}};
  const std::string current(biomech::poseName(in.pose));
  const char* shown = "Standing";
  for (const auto& [key, text] : kPoses) {
    if (current == key) shown = text;
  }
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo("##pose", shown)) {
    for (const auto& [key, text] : kPoses) {
      if (ImGui::Selectable(text, current == key)) {
        app.change(
            std::string("pose: ") + text, "",
            // an init-capture: clang < 16 cannot capture a structured binding
            [pose = key](scene::Document& d) { scenario::setChoice(d.scenario.inputs, "pose", pose); });
        app.frame_camera = true;
      }
    }
    ImGui::EndCombo();
  }
  if (in.pose == biomech::PoseKind::kThomas || in.pose == biomech::PoseKind::kLunge) {
    const bool right = in.pose_side == biomech::Side::kRight;
    ImGui::TextUnformatted(in.pose == biomech::PoseKind::kThomas ? "Tested leg:" : "Back (kneeling) leg:");
    ImGui::SameLine();
    if (ImGui::RadioButton("Left", !right)) {
      app.change("side: left", "",
                 [](scene::Document& d) { scenario::setChoice(d.scenario.inputs, "pose_side", "left"); });
    }
    ImGui::SameLine();
    if (ImGui::RadioButton("Right", right)) {
      app.change("side: right", "",
                 [](scene::Document& d) { scenario::setChoice(d.scenario.inputs, "pose_side", "right"); });
    }
  }
}

void drawMuscle(AppState& app, MuscleId m, bool& link) {
  const std::string key = "muscles." + std::string(biomech::muscleKey(m));
  const std::string name = displayName(m);
  ImGui::PushID(key.c_str());
  ImGui::TextUnformatted(name.c_str());
  ImGui::SameLine(ImGui::GetContentRegionAvail().x - ImGui::GetFrameHeight() * 3.2f);
  ImGui::Checkbox("L=R", &link);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Left and right linked");
  if (link) {
    parameterSlider(app, "tightness", key + ".tightness", name + " tightness", {m});
    parameterSlider(app, "tone", key + ".tone", name + " tone", {m});
  } else {
    for (biomech::Side s : biomech::kSides) {
      const std::string side(biomech::sideName(s));
      // the key and the undo step's name for this side, each built once for both sliders
      const std::string side_key = std::string(key).append(".").append(side);
      const std::string side_name = std::string(name).append(" ").append(side);
      parameterSlider(app, (side + " tightness").c_str(), side_key + ".tightness", side_name + " tightness",
                      {m}, s);
      parameterSlider(app, (side + " tone").c_str(), side_key + ".tone", side_name + " tone", {m}, s);
    }
  }
  ImGui::PopID();
}

void drawMuscles(AppState& app, bool detailed, bool plain, std::array<bool, biomech::kMuscleCount>& linked) {
  for (const GroupText& g : kGroups) {
    const std::vector<MuscleId> members = membersOf(g.group);
    const std::string key = "muscles." + std::string(biomech::groupKey(g.group));
    ImGui::PushID(key.c_str());
    ImGui::TextUnformatted(plain ? g.plain : g.title);
    if (!plain) helpMarker(g.tooltip);
    parameterSlider(app, "tightness", key + ".tightness", std::string(g.title) + " tightness", members,
                    std::nullopt,
                    "How short the muscles are at rest: they pull sooner and harder as they stretch.");
    parameterSlider(app, "tone", key + ".tone", std::string(g.title) + " tone", members, std::nullopt,
                    "Tone (resting activation): a low steady background activation, not a contraction "
                    "and not the muscle's strength.");
    if (detailed && ImGui::TreeNode("single muscles")) {
      for (MuscleId m : members) drawMuscle(app, m, linked[biomech::muscleIndex(m)]);
      ImGui::TreePop();
    }
    ImGui::PopID();
    ImGui::Spacing();
  }
}

void drawSlip(AppState& app, bool plain) {
  const biomech::ModelInputs& in = app.doc().scenario.inputs;
  const std::string level(biomech::slipLevelName(in.slip.level));
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.0f);
  if (ImGui::BeginCombo("level", level.c_str())) {
    for (const char* l : {"L4-L5", "L5-S1"}) {
      if (ImGui::Selectable(l, level == l)) {
        app.change(std::string("slip level ") + l, "",
                   [&](scene::Document& d) { scenario::setChoice(d.scenario.inputs, "slip.level", l); });
      }
    }
    ImGui::EndCombo();
  }
  // the four types, two to a row, each with what it means on hover
  const struct {
    const char* key;
    biomech::SlipType type;
    const char* tip;
  } types[] = {{"isthmic", biomech::SlipType::kIsthmic,
                "A defect of the pars interarticularis: the posterior arch stays behind."},
               {"degenerative", biomech::SlipType::kDegenerative,
                "Disc and facet joint wear; the pars is intact. Rarely passes grade II (about 50 %)."},
               {"dysplastic", biomech::SlipType::kDysplastic,
                "Developmental: trapezoidal L5, domed sacrum, high pelvic incidence."},
               {"spondylolysis", biomech::SlipType::kSpondylolysis, "A pars defect without any slip."}};
  for (std::size_t i = 0; i < std::size(types); ++i) {
    if (i % 2 == 1) ImGui::SameLine();
    const char* key = types[i].key;
    if (ImGui::RadioButton(key, in.slip.type == types[i].type)) {
      app.change(std::string(key) + " slip", "",
                 [key](scene::Document& d) { scenario::setChoice(d.scenario.inputs, "slip.type", key); });
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", types[i].tip);
  }
  const scenario::ParamInfo* info = scenario::findParameter("slip.percent");
  float percent = static_cast<float>(in.slip.percent);
  if (ImGui::SliderFloat("slip", &percent, 0.0f, static_cast<float>(info ? info->max : 150.0), "%.0f %%",
                         ImGuiSliderFlags_AlwaysClamp)) {
    app.change("slip", "slip.percent", [&](scene::Document& d) {
      scenario::setNumber(d.scenario.inputs, "slip.percent", static_cast<double>(percent));
    });
  }
  if (ImGui::IsItemActive()) app.plot_key = "slip.percent";
  if (ImGui::IsItemDeactivatedAfterEdit()) app.endDrag();
  // the grade measured back from the geometry being shown, as the slider moves
  const biomech::ClinicalMeasures m = app.session.shownMeasures();
  const std::string grade = scene::meyerdingText(m.meyerding_grade, m.slip_percent);
  const bool show_numbers = scene::showsNumbers(app.doc().view);
  ImGui::Text("Meyerding: %s",
              show_numbers ? grade.c_str() : (m.meyerding_grade > 0 ? "slipped" : "no slip"));
  if (!plain && m.meyerding_grade > 0) {
    ImGui::TextDisabled("slip angle %.0f°  (measured on the bones)", m.slip_angle_deg);
  }
}

void drawPatient(AppState& app) {
  ImGui::TextWrapped(
      "Type a patient's radiograph measurements; the model takes them on within physiological limits.");
  struct Row {
    const char* key;
    const char* label;
    double fallback;
  };
  static constexpr Row kRows[] = {{"patient.pelvic_incidence_deg", "PI (°)", 52.0},
                                  {"patient.pelvic_tilt_deg", "PT (°)", 12.0},
                                  {"patient.sacral_slope_deg", "SS (°)", 40.0},
                                  {"patient.lumbar_lordosis_deg", "LL (°)", 60.0},
                                  {"patient.slip_percent", "slip (%)", 0.0}};
  for (const Row& r : kRows) {
    ImGui::PushID(r.key);
    const std::optional<double> v = scenario::getNumber(app.doc().scenario.inputs, r.key);
    bool on = v.has_value();
    if (ImGui::Checkbox("##on", &on)) {
      const std::string key = r.key;
      const double fallback = r.fallback;
      app.change(std::string(on ? "use " : "clear ") + r.label, "", [&](scene::Document& d) {
        if (on) {
          scenario::setNumber(d.scenario.inputs, key, fallback);
        } else {
          scenario::unset(d.scenario.inputs, key);
        }
      });
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(!on);
    double value = v.value_or(r.fallback);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.0f);
    if (ImGui::InputDouble(r.label, &value, 1.0, 5.0, "%.1f", ImGuiInputTextFlags_EnterReturnsTrue)) {
      const std::string key = r.key;
      app.change(std::string("patient ") + r.label, "",
                 [&](scene::Document& d) { scenario::setNumber(d.scenario.inputs, key, value); });
    }
    ImGui::EndDisabled();
    ImGui::PopID();
  }
  for (const std::string& w : app.session.solution().warnings) {
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(235, 180, 60, 255));
    ImGui::TextWrapped("%s", w.c_str());
    ImGui::PopStyleColor();
  }
}

void drawBody(AppState& app) {
  const biomech::BodyInputs& body = app.doc().scenario.inputs.body;
  auto average = [&](const char* label, anatomy::Sex sex) {
    const anatomy::BodyParams a = anatomy::averageAdult(sex);
    const bool is = body.sex == sex && body.stature_m == a.stature_m && body.mass_kg == a.mass_kg;
    char text[96];
    std::snprintf(text, sizeof text, "%s (%.2f m, %.0f kg)", label, a.stature_m, a.mass_kg);
    if (ImGui::RadioButton(text, is) && !is) {
      app.change(std::string("body: ") + label, "", [&](scene::Document& d) {
        d.scenario.inputs.body = {a.stature_m, a.mass_kg, sex};
      });
    }
  };
  average("Average man", anatomy::Sex::kMale);
  average("Average woman", anatomy::Sex::kFemale);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("A woman's pelvis is wider and rounder, with a wider pubic arch.");
  ImGui::PopStyleColor();
  double stature_cm = body.stature_m * 100.0;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.0f);
  if (ImGui::InputDouble("stature (cm)", &stature_cm, 1.0, 5.0, "%.0f",
                         ImGuiInputTextFlags_EnterReturnsTrue)) {
    app.change("stature", "", [&](scene::Document& d) {
      scenario::setNumber(d.scenario.inputs, "body.stature_m", stature_cm / 100.0);
    });
  }
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip(
        "Press Enter to rebuild the skeleton. A stature other than the averages is generated once\n"
        "(10-30 s, the window waits) and then kept in the cache.");
  }
  double mass = body.mass_kg;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.0f);
  if (ImGui::InputDouble("mass (kg)", &mass, 1.0, 5.0, "%.0f", ImGuiInputTextFlags_EnterReturnsTrue)) {
    app.change("mass", "",
               [&](scene::Document& d) { scenario::setNumber(d.scenario.inputs, "body.mass_kg", mass); });
  }
}

void drawCompare(AppState& app, const CommandTable& commands) {
  auto set = [&](const char* label, const char* id) {
    const Command* c = commands.find(id);
    if (ImGui::RadioButton(label, c != nullptr && c->isChecked())) commands.run(id);
  };
  set("off", "view.ghost=off");
  ImGui::SameLine();
  set("ghost", "view.ghost=overlay");
  ImGui::SameLine();
  set("side by side", "view.ghost=side-by-side");
  ImGui::TextDisabled("against neutral muscles in the same pose");

  Cycle& c = app.cycle;
  if (ImGui::Button("Set A")) c.a = app.doc();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remember the current state as A");
  ImGui::SameLine();
  if (ImGui::Button("Set B")) c.b = app.doc();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remember the current state as B");
  ImGui::SameLine();
  const Command* play = commands.find("cycle.play");
  ImGui::BeginDisabled(play == nullptr || !play->isEnabled());
  if (ImGui::Button(c.playing ? "Pause" : "Play A ⇄ B")) commands.run("cycle.play");
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("Space: cycle between A and B for teaching");
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7.0f);
  float period = static_cast<float>(c.period_s);
  if (ImGui::SliderFloat("seconds each", &period, 1.0f, 10.0f, "%.1f s"))
    c.period_s = static_cast<double>(period);
}

}  // namespace

void ControlsPanel::draw(AppState& app, const CommandTable& commands, const PanelRect& rect) {
  ImGui::SetNextWindowPos(ImVec2(rect.x, rect.y));
  ImGui::SetNextWindowSize(ImVec2(rect.width, rect.height));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                 ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_NoTitleBar;
  if (ImGui::Begin("Controls", nullptr, flags)) {
    const scene::Mode mode = app.doc().view.mode;
    const bool patient = mode == scene::Mode::kPatient, expert = mode == scene::Mode::kExpert;
    ImGui::PushItemWidth(-ImGui::GetFontSize() * 5.5f);
    sectionTitle("POSE");
    drawPose(app);
    sectionTitle(patient ? "MUSCLES  (how tight, how strong)" : "MUSCLES");
    drawMuscles(app, !patient, patient, linked_);
    if (ImGui::CollapsingHeader("Spondylolisthesis", expert || app.doc().scenario.inputs.slip.percent > 0.0
                                                         ? ImGuiTreeNodeFlags_DefaultOpen
                                                         : 0)) {
      drawSlip(app, patient);
    }
    if (!patient && ImGui::CollapsingHeader("Patient measurements")) drawPatient(app);
    if (!patient && ImGui::CollapsingHeader("Body")) drawBody(app);
    if (ImGui::CollapsingHeader("Compare and animate", ImGuiTreeNodeFlags_DefaultOpen))
      drawCompare(app, commands);
    if (ImGui::CollapsingHeader("View", patient ? 0 : ImGuiTreeNodeFlags_DefaultOpen)) drawView(commands);
    ImGui::PopItemWidth();
  }
  ImGui::End();
}

}  // namespace sagitta::ui
