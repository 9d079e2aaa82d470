#include "scene/presets.h"

#include <nlohmann/json.hpp>

#include "scenario/parameters.h"

namespace sagitta::scene {
namespace {

struct Builder {
  Preset p;
  Builder(std::string name, std::string title, std::string description) {
    p.name = std::move(name);
    p.title = std::move(title);
    p.description = std::move(description);
    p.document.view.camera_view = "lateral";
  }
  Builder& set(std::string_view key, double v) {
    scenario::setNumber(p.document.scenario.inputs, key, v);
    return *this;
  }
  Builder& choose(std::string_view key, std::string_view v) {
    scenario::setChoice(p.document.scenario.inputs, key, v);
    return *this;
  }
  Builder& view(std::string_view key, const nlohmann::json& v) {
    setViewKey(p.document.view, key, v);
    return *this;
  }
  Builder& hamstrings(double tightness) {
    for (const char* m : {"semimembranosus", "semitendinosus", "biceps_femoris"}) {
      set(std::string("muscles.") + m + ".tightness", tightness);
    }
    return *this;
  }
  Preset done() { return std::move(p); }
};

std::vector<Preset> build() {
  std::vector<Preset> all;
  all.push_back(Builder("neutral", "Neutral standing",
                        "A typical relaxed standing posture: the reference for every comparison.")
                    .view("view.focus", "alignment")
                    .done());
  // Janda's lower crossed pattern: short hip flexors and lumbar extensors, weak glutes and
  // abdominals (reference.md §6: a clinical concept; the magnitudes are the model's)
  all.push_back(
      Builder("anterior-pelvic-tilt", "Anterior pelvic tilt (tight hip flexors)",
              "Lower crossed pattern: tight hip flexors and lower-back muscles, weak glutes and abdominals.")
          .set("muscles.hip_flexors.tightness", 0.75)
          .set("muscles.back_extensors.tightness", 0.45)
          .set("muscles.gluteus_maximus.strength", 0.1)
          .set("muscles.abdominals.strength", 0.1)
          .view("view.ghost", "overlay")
          .view("view.focus", "anterior-tilt")
          .done());
  all.push_back(
      Builder(
          "posterior-tilt-flat-back", "Posterior tilt (tight hamstrings, flat back)",
          "Tight hamstrings and strong glutes and abdominals tip the pelvis back and flatten the lower back.")
          .hamstrings(0.8)
          .set("muscles.gluteus_maximus.strength", 0.6)
          .set("muscles.abdominals.strength", 0.55)
          .view("view.ghost", "overlay")
          .view("view.focus", "posterior-tilt")
          .done());
  const struct {
    int grade;
    double percent;
  } grades[] = {{1, 15.0}, {2, 37.0}, {3, 62.0}, {4, 87.0}};
  static constexpr const char* kRoman[] = {"", "I", "II", "III", "IV"};
  for (const auto& g : grades) {
    Builder b(
        "isthmic-l5s1-grade-" + std::to_string(g.grade),
        std::string("Isthmic L5–S1 spondylolisthesis, grade ") + kRoman[g.grade],
        "A pars defect lets L5 slide forward on S1; Meyerding grade " + std::string(kRoman[g.grade]) + ".");
    b.choose("slip.level", "L5-S1").choose("slip.type", "isthmic").set("slip.percent", g.percent);
    b.view("view.muscles", false).view("view.nerves", true).view("view.focus", "slip");
    if (g.grade >= 3) b.view("view.cutaway", true);
    all.push_back(b.done());
  }
  all.push_back(
      Builder("degenerative-l4l5", "Degenerative L4–L5 spondylolisthesis",
              "Wear of the disc and facet joints lets L4 slide forward on L5, with the pars intact.")
          .choose("slip.level", "L4-L5")
          .choose("slip.type", "degenerative")
          .set("slip.percent", 20.0)
          .view("view.muscles", false)
          .view("view.focus", "slip")
          .view("view.nerves", true)
          .done());
  all.push_back(Builder("thomas-negative", "Thomas test, negative",
                        "Lying back with one knee to the chest, the other thigh rests on the couch: normal "
                        "hip-flexor length.")
                    .choose("pose", "thomas")
                    .choose("pose_side", "right")
                    .view("camera.view", "lateral-right")
                    .view("view.pelvic_angles", false)
                    .view("view.lordosis", false)
                    .view("view.focus", "hip-flexors")
                    .done());
  all.push_back(
      Builder("thomas-positive", "Thomas test, positive",
              "With short hip flexors the hanging thigh stays above the couch and the knee straightens.")
          .choose("pose", "thomas")
          .choose("pose_side", "right")
          .set("muscles.hip_flexors.tightness", 0.85)
          .view("camera.view", "lateral-right")
          .view("view.pelvic_angles", false)
          .view("view.lordosis", false)
          .view("view.focus", "hip-flexors")
          .done());
  all.push_back(Builder("kneeling-hip-flexor-stretch", "Kneeling hip-flexor stretch",
                        "Half-kneeling with the right knee down: the right hip flexors lengthen (blue).")
                    .choose("pose", "lunge")
                    .choose("pose_side", "right")
                    .set("muscles.hip_flexors.tightness", 0.4)
                    .view("camera.view", "lateral-right")
                    .view("view.lordosis", false)
                    .view("view.focus", "hip-flexors")
                    .done());
  all.push_back(
      Builder("desk-sitter", "Desk sitter",
              "Long hours of sitting: hips bent, hip flexors short and slack, the lower back flattened.")
          .choose("pose", "sitting")
          .set("muscles.hip_flexors.tightness", 0.35)
          .view("view.lordosis", true)
          .view("view.focus", "hip-flexors")
          .done());
  return all;
}

}  // namespace

const std::vector<Preset>& presets() {
  static const std::vector<Preset> all = build();
  return all;
}

const Preset* findPreset(std::string_view name) {
  for (const Preset& p : presets()) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

}  // namespace sagitta::scene
