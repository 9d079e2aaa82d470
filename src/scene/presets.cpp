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
    p.document.view.camera_view = CameraView::kLateral;
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
  // abdominals (reference.md §6: a clinical concept; the magnitudes are the model's). The model
  // has no strength, only tone (resting activation), so "weak" is drawn as low tone.
  all.push_back(
      Builder("anterior-pelvic-tilt", "Anterior pelvic tilt (tight hip flexors)",
              "Lower crossed pattern: tight hip flexors and lower-back muscles, low tone in the glutes and "
              "abdominals.")
          .set("muscles.hip_flexors.tightness", 0.75)
          .set("muscles.back_extensors.tightness", 0.45)
          .set("muscles.gluteus_maximus.tone", 0.1)
          .set("muscles.abdominals.tone", 0.1)
          .view("view.ghost", "overlay")
          .view("view.focus", "anterior-tilt")
          .done());
  all.push_back(
      Builder("posterior-tilt-flat-back", "Posterior tilt (tight hamstrings, flat back)",
              "Tight hamstrings and more resting tone in the glutes and abdominals tip the pelvis back and "
              "flatten the lower back (a model prediction).")
          .hamstrings(0.8)
          .set("muscles.gluteus_maximus.tone", 0.6)
          .set("muscles.abdominals.tone", 0.55)
          .view("view.ghost", "overlay")
          .view("view.focus", "posterior-tilt")
          .done());
  // spondylolisthesis: PI, PT and SS typical of each grade, rising with the slip (Labelle et al.
  // 2004, Spine 29:2049, PubMed 15371707, reference.md §2.2 [V: the differences grew linearly
  // with severity]; high-grade and developmental slips about PI 79 +- 12, Hresko 2007, Spine
  // 32:2208 [V via Kunze 2021 Table 4]); the per-grade values are our reading of those trends
  // [D]: the model's neutral PI 52 (asymptomatic adults 32-74 as mean +- 2 SD, Mac-Thiong 2011,
  // Eur Spine J 20 S5:572, PubMed 21833574) plus about 6.5 per grade, so 58, 66, 72, 78. The low-grade PIs
  // stay clear of the band 60-65 deg where the SDSG normal / high PI bound is uncertain (60 as recalled from
  // Labelle 2011, 65 in a teaching summary; biomech/slip_classification.h), so grade I lands in SDSG type 2
  // and grade II in type 3 whichever bound is right (tests/unit/scene/presets_test.cpp).
  all.push_back(Builder("spondylolysis-l5", "Spondylolysis of L5 (pars defect, no slip)",
                        "A stress fracture through the pars of L5; the vertebra has not slipped.")
                    .choose("slip.level", "L5-S1")
                    .choose("slip.type", "spondylolysis")
                    .set("slip.percent", 0.0)
                    .view("view.muscles", false)
                    .view("view.nerves", true)
                    .view("view.focus", "slip")
                    .view("view.cutaway", true)
                    .done());
  const struct {
    int grade;
    double percent, pi, pt;
  } grades[] = {{1, 15.0, 58.0, 15.0}, {2, 40.0, 66.0, 18.0}, {3, 62.0, 72.0, 22.0}, {4, 87.0, 78.0, 25.0}};
  static constexpr const char* kRoman[] = {"", "I", "II", "III", "IV"};
  for (const auto& g : grades) {
    Builder b("isthmic-l5s1-grade-" + std::to_string(g.grade),
              std::string("Isthmic L5–S1 spondylolisthesis, grade ") + kRoman[g.grade],
              "A pars defect lets L5 slide forward on S1; Meyerding grade " + std::string(kRoman[g.grade]) +
                  ", with a pelvis typical of it (PI " + std::to_string(static_cast<int>(g.pi)) + "°).");
    b.choose("slip.level", "L5-S1").choose("slip.type", "isthmic").set("slip.percent", g.percent);
    b.set("patient.pelvic_incidence_deg", g.pi).set("patient.pelvic_tilt_deg", g.pt);
    b.view("view.muscles", false)
        .view("view.nerves", true)
        .view("view.focus", "slip")
        .view("view.cutaway", true)
        .view("view.shear_arrow", false);
    all.push_back(b.done());
  }
  all.push_back(
      Builder("degenerative-l4l5", "Degenerative L4–L5 spondylolisthesis",
              "Wear of the disc and facet joints lets L4 slide forward on L5, with the pars intact.")
          .choose("slip.level", "L4-L5")
          .choose("slip.type", "degenerative")
          .set("slip.percent", 20.0)
          .view("view.shear_arrow", false)
          .view("view.muscles", false)
          .view("view.focus", "slip")
          .view("view.nerves", true)
          .view("view.cutaway", true)
          .done());
  // high-grade developmental slips: a balanced pelvis (high SS, low PT) and a retroverted one
  // (low SS, high PT), Hresko 2007's two groups [V: balance_and_slip.md]; PT values [D]
  const struct {
    const char* name;
    const char* title;
    const char* text;
    double pt;
  } dysplastic[] = {
      {"dysplastic-high-grade-balanced", "High-grade dysplastic L5–S1 slip, balanced pelvis",
       "A developmental slip: trapezoidal L5 on a domed sacrum, high pelvic incidence; the pelvis still "
       "stands upright.",
       22.0},
      {"dysplastic-high-grade-unbalanced", "High-grade dysplastic L5–S1 slip, retroverted pelvis",
       "The same slip with the pelvis tipped back (retroverted) to keep the trunk over the hips.", 40.0}};
  for (const auto& d : dysplastic) {
    all.push_back(Builder(d.name, d.title, d.text)
                      .choose("slip.level", "L5-S1")
                      .choose("slip.type", "dysplastic")
                      .set("slip.percent", 85.0)
                      .set("patient.pelvic_incidence_deg", 79.0)
                      .set("patient.pelvic_tilt_deg", d.pt)
                      .view("view.shear_arrow", false)
                      .view("view.muscles", false)
                      .view("view.nerves", true)
                      .view("view.focus", "slip")
                      .view("view.cutaway", true)
                      .done());
  }
  all.push_back(Builder("thomas-negative", "Thomas test, negative",
                        "Lying back with one knee to the chest, the other thigh rests on the couch: normal "
                        "hip-flexor length.")
                    .choose("pose", "thomas")
                    .choose("pose_side", "right")
                    .view("camera.view", "lateral-right")
                    .view("view.pelvic_angles", false)
                    .view("view.lordosis", false)
                    .view("view.shear_arrow", false)
                    .view("view.focus", "hip-flexors")
                    .done());
  all.push_back(Builder("thomas-positive", "Thomas test, positive",
                        "With short hip flexors the hanging thigh stays above the couch line.")
                    .choose("pose", "thomas")
                    .choose("pose_side", "right")
                    .set("muscles.hip_flexors.tightness", 0.85)
                    .view("camera.view", "lateral-right")
                    .view("view.pelvic_angles", false)
                    .view("view.lordosis", false)
                    .view("view.shear_arrow", false)
                    .view("view.focus", "hip-flexors")
                    .done());
  all.push_back(Builder("kneeling-hip-flexor-stretch", "Kneeling hip-flexor stretch",
                        "Half-kneeling with the right knee down: the right hip flexors lengthen (blue).")
                    .choose("pose", "lunge")
                    .choose("pose_side", "right")
                    .set("muscles.hip_flexors.tightness", 0.4)
                    .view("camera.view", "lateral-right")
                    // framed on the lumbar spine and pelvis the lesson is about: framed on both
                    // whole legs (the auto framing of a lunge) the pelvis was a fifth of the height
                    .view("camera.focus", "lumbopelvic")
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
