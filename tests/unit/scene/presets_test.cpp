// Every preset solves to what its name promises, measured on the posed geometry.
#include "scene/presets.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "anatomy/skeleton.h"
#include "biomech/slip_classification.h"
#include "biomech/types.h"
#include "core/error.h"
#include "scenario/parameters.h"
#include "scene/captions.h"
#include "scene/document.h"

using namespace sagitta;

namespace {

scene::Session& session() {
  static scene::Session s = [] {
    anatomy::Model m;
    m.skeleton = anatomy::buildSkeleton();
    return scene::Session(std::move(m));
  }();
  return s;
}

const biomech::Solution& solve(const std::string& name) {
  const scene::Preset* p = scene::findPreset(name);
  EXPECT_NE(p, nullptr) << name;
  session().show(p->document);
  return session().solution();
}

double psoasPct(const biomech::Solution& s, anatomy::Side side) {
  return s.muscles[biomech::muscleIndex(biomech::MuscleId::kPsoas)][biomech::sideIndex(side)]
      .length_pct_of_neutral;
}

}  // namespace

TEST(Presets, EveryPresetHasAUniqueNameATitleAndSolves) {
  std::set<std::string> names;
  for (const scene::Preset& p : scene::presets()) {
    EXPECT_TRUE(names.insert(p.name).second) << p.name;
    EXPECT_FALSE(p.title.empty());
    EXPECT_FALSE(p.description.empty());
    session().show(p.document);
    EXPECT_TRUE(session().solution().solver.converged) << p.name;
  }
  for (const char* n :
       {"neutral", "anterior-pelvic-tilt", "posterior-tilt-flat-back", "isthmic-l5s1-grade-1",
        "isthmic-l5s1-grade-2", "isthmic-l5s1-grade-3", "isthmic-l5s1-grade-4", "degenerative-l4l5",
        "thomas-negative", "thomas-positive", "kneeling-hip-flexor-stretch", "desk-sitter",
        "spondylolysis-l5", "dysplastic-high-grade-balanced", "dysplastic-high-grade-unbalanced"}) {
    EXPECT_TRUE(names.count(n)) << n;
  }
}

TEST(Presets, SpondylolisthesisPresetsLandInTheirSdsgClassAndPinchTheirRoot) {
  // SDSG / Labelle (Labelle, Mac-Thiong & Roussouly 2011, Eur Spine J 20 S5:641,
  // doi:10.1007/s00586-011-1932-1; types as in Mac-Thiong et al., Spine 2010 meeting abstract
  // and Spine 2012;37:E95; biomech/slip_classification.h): low grade (Meyerding I-II) by PI,
  // type 1 low, 2 normal, 3 high; high grade by pelvic balance and the C7 plumb line. Each
  // preset's PI and PT are typical of its grade (presets.cpp). The SDSG classifies L5-S1 slips
  // only, so the degenerative L4-L5 preset and the spondylolysis (no slip) report type 0.
  const std::array<std::pair<const char*, std::set<int>>, 8> cases = {
      {{"isthmic-l5s1-grade-1", {2}},
       {"isthmic-l5s1-grade-2", {3}},
       {"isthmic-l5s1-grade-3", {4}},
       {"isthmic-l5s1-grade-4", {4}},
       {"dysplastic-high-grade-balanced", {4}},
       {"dysplastic-high-grade-unbalanced", {5, 6}},
       {"degenerative-l4l5", {0}},
       {"spondylolysis-l5", {0}}}};
  for (const auto& [name, types] : cases) {
    const biomech::Solution& s = solve(name);
    EXPECT_TRUE(types.count(s.slip.sdsg_type)) << name << " is SDSG type " << s.slip.sdsg_type;
  }
  // The normal / high PI bound is 60 deg as recalled from Labelle 2011's figure [U] and 65 deg in
  // a teaching summary (Epomedicine 2024): the low-grade presets' PIs stay out of 60..65 so their
  // type does not hang on which is right (grade I PI 58: type 2 under both; grade II PI 66: type 3)
  for (const char* name : {"isthmic-l5s1-grade-1", "isthmic-l5s1-grade-2"}) {
    const double pi = solve(name).measures.pelvic_incidence_deg;
    EXPECT_TRUE(pi < biomech::kSdsgHighPi_deg || pi > 65.0) << name << " PI " << pi;
  }
  // The high-grade presets lie on the same side of both forms of the balanced / retroverted line
  // found: the model's SS - PT = 20 deg (slip_classification.h, a model approximation of Hresko's
  // chart) and a teaching summary's SS > PT (Epomedicine 2024), so their class does not hang on
  // which line is right: the balanced ones 7.5 deg or more above 20 (+28, +28, +35), the
  // retroverted one below 0 (PT 40, SS 39: the pelvis's reach in the model, which turns it back
  // at most 30 deg).
  for (const char* name : {"isthmic-l5s1-grade-3", "isthmic-l5s1-grade-4", "dysplastic-high-grade-balanced",
                           "dysplastic-high-grade-unbalanced"}) {
    const biomech::ClinicalMeasures& m = solve(name).measures;
    const double d = m.sacral_slope_deg - m.pelvic_tilt_deg;
    EXPECT_TRUE(d >= biomech::kBalancedPelvisSsMinusPt_deg + 7.5 || d < 0.0) << name << " SS - PT " << d;
  }
  const biomech::Solution& lysis = solve("spondylolysis-l5");
  EXPECT_TRUE(lysis.slip.pars_defect);
  EXPECT_EQ(lysis.measures.meyerding_grade, 0);
  // the root each type is known for (balance_and_slip.md [V, textbook])
  const biomech::Solution& isthmic = solve("isthmic-l5s1-grade-2");
  EXPECT_EQ(isthmic.slip.nerve_roots[isthmic.slip.most_compressed].name, "L5");
  EXPECT_EQ(isthmic.slip.nerve_roots[isthmic.slip.most_compressed].where, "foramen");
  const biomech::Solution& degenerative = solve("degenerative-l4l5");
  EXPECT_EQ(degenerative.slip.nerve_roots[degenerative.slip.most_compressed].name, "L5");
  EXPECT_EQ(degenerative.slip.nerve_roots[degenerative.slip.most_compressed].where, "lateral_recess");
}

// Regression (merge of issues 13 and 16): the label saying where the nerve is pinched was hidden
// as "behind bone", though the root runs inside the bones on purpose.
TEST(Session, ThePinchedNerveLabelIsNotHiddenByTheBonesAroundIt) {
  session().show(scene::findPreset("isthmic-l5s1-grade-2")->document);
  session().settle();
  scene::Camera cam;
  cam.setView(scene::ViewPreset::kLateralLeft);
  const scene::FrameContent f = session().frame(cam);
  bool shown = false;
  for (const scene::Label& l : f.list.labels)
    shown |= l.text.find("pinched") != std::string::npos && !l.hidden;
  EXPECT_TRUE(shown) << "the pinch label is drawn";
}

// Issue 13: the patient caption names the pinched root, where it is pinched and where a patient
// typically feels it (L5 the outer shin and the top of the foot; S1 the sole and the calf:
// Harrison's Table 48-1, scene/captions.cpp), labelled typical, not a diagnosis.
TEST(Captions, ThePinchedRootIsNamedWithWhereItIsTypicallyFelt) {
  auto caption = [](const char* preset, const char* level) {
    scene::Document d = scene::findPreset(preset)->document;
    if (level != nullptr) scene::setKey(d, "slip.level", level);
    d.view.mode = scene::Mode::kPatient;
    session().show(d);
    session().settle();
    scene::Camera cam;
    cam.setView(scene::ViewPreset::kLateralLeft);
    return session().frame(cam).captions.caption;
  };
  const std::string isthmic = caption("isthmic-l5s1-grade-2", nullptr);
  EXPECT_NE(isthmic.find("where the L5 nerve leaves the spine is squeezed"), std::string::npos) << isthmic;
  EXPECT_NE(isthmic.find("the outer shin and the top of the foot"), std::string::npos) << isthmic;
  EXPECT_NE(isthmic.find("typical, not a diagnosis"), std::string::npos) << isthmic;
  const std::string degenerative = caption("degenerative-l4l5", nullptr);
  EXPECT_NE(degenerative.find("The L5 nerve is squeezed in the side channel"), std::string::npos)
      << degenerative;
  EXPECT_NE(degenerative.find("the outer shin"), std::string::npos) << degenerative;
  // a degenerative slip one level down pinches the traversing S1 root in its recess
  const std::string s1 = caption("degenerative-l4l5", "L5-S1");
  EXPECT_NE(s1.find("The S1 nerve"), std::string::npos) << s1;
  EXPECT_NE(s1.find("the sole, the outer edge of the foot and the calf"), std::string::npos) << s1;
}

TEST(Presets, HighGradePresetsAreKyphoticAtTheSlip) {
  // "High grade: there is kyphosis at the listhesis level" (neurosurgerynotes, Meyerding
  // classification [V]): the slip angle is positive (kyphotic) in every high-grade preset.
  // Grade IV and the high-grade dysplastic presets (85-87 %, near Huang's high-grade mean slip of
  // 79.9 %) lie between the published high-grade means, +20.3 deg (Huang 2003) and +26 deg
  // (Hanson 2002) (Kunze 2021 Table 4, PMC4610322 [V]). Grade III (62 %) lies between Huang's
  // low-grade (29.5 % slip, -8.5 deg) and high-grade means, and is kyphotic: 0 .. +20.3 deg.
  const struct {
    const char* name;
    double lo, hi;
  } cases[] = {{"isthmic-l5s1-grade-3", 0.0, 20.3},
               {"isthmic-l5s1-grade-4", 20.3, 26.0},
               {"dysplastic-high-grade-balanced", 20.3, 26.0},
               {"dysplastic-high-grade-unbalanced", 20.3, 26.0}};
  for (const auto& c : cases) {
    const biomech::ClinicalMeasures& m = solve(c.name).measures;
    EXPECT_GT(m.slip_angle_deg, c.lo) << c.name;
    EXPECT_LT(m.slip_angle_deg, c.hi) << c.name;
  }
}

TEST(Presets, LumbosacralAngleIsNormalAtNeutralAndKyphoticInHighGradeSlips) {
  // Dubousset's lumbosacral angle (L5 superior endplate against the S1 posterior border): normal
  // about 100-110 deg, under 90 deg with lumbosacral kyphosis [U: commonly quoted, no stored numeric
  // source found; docs/biomechanics.md]. Model figures: neutral 112.5 (S1 posterior border taken
  // perpendicular to its endplate), isthmic grade III 80, grade IV 71, dysplastic 79 and 76. Not
  // tightened to 100-110 (issue 13): a real sacral table angle (~102 deg, Baker 2022) would raise
  // the neutral to ~124, and the generated sacrum's own S1 wall (model STA ~72 deg) gives 94.7;
  // docs/biomechanics.md "Dubousset's lumbosacral angle".
  EXPECT_GT(solve("neutral").slip.lumbosacral_angle_deg, 100.0);
  for (const char* name : {"isthmic-l5s1-grade-3", "isthmic-l5s1-grade-4", "dysplastic-high-grade-balanced",
                           "dysplastic-high-grade-unbalanced"}) {
    EXPECT_LT(solve(name).slip.lumbosacral_angle_deg, 90.0) << name;
  }
}

TEST(Presets, HighGradePresetsWithABalancedSpineStandUpright) {
  // Developmental L5-S1 slips stand with more lordosis, the lumbosacral kyphosis "compensated by
  // adjacent mobile segments in the upper lumbar spine, the pelvis orientation and the thoracic
  // spine" (244 patients, Eur Spine J 2007, PMC2078287 [V abstract]); the model's levels above a
  // high-grade slip rest in extension (kSlipAdaptedRestShare [D]). A balanced patient does not
  // stand with the trunk leaning forward: under 7 deg [D], where these presets leaned 16-22 deg
  // without the adaptation.
  for (const char* name : {"isthmic-l5s1-grade-3", "isthmic-l5s1-grade-4", "dysplastic-high-grade-balanced",
                           "dysplastic-high-grade-unbalanced"}) {
    const biomech::Solution& s = solve(name);
    EXPECT_GT(s.lumbar_adapted_rest_deg, 0.0) << name;
    EXPECT_LT(std::abs(s.trunk_inclination_deg), 7.0) << name;
  }
}

TEST(Presets, EverySlipPresetKeepsTheTrunkNearUprightAndC7OverThePelvis) {
  // Issue 12 audit: the whole-body balance of every slip preset, not only the high grades above.
  // The lower thorax within 7 deg of upright [D, the bound of the test above] for every slip
  // preset but grade II (below); and, for every balanced one, C7 within 6 deg of its neutral
  // place over the pelvis: global tilt less pelvic tilt (the angle at S1 between the hip axis
  // and C7) no more than 6 deg above the neutral person's [D, the bound of
  // WholeBodyBalance.ALordosisTwentyDegreesBelowIncidenceIsCompensatedNotLeanedInto]. The
  // SDSG-unbalanced preset is excluded from that: it is unbalanced by definition (SDSG; Labelle,
  // Mac-Thiong & Roussouly 2011).
  const biomech::ClinicalMeasures n = solve("neutral").measures;
  const double c7_neutral = n.global_tilt_deg - n.pelvic_tilt_deg;
  for (const char* name :
       {"spondylolysis-l5", "isthmic-l5s1-grade-1", "isthmic-l5s1-grade-2", "isthmic-l5s1-grade-3",
        "isthmic-l5s1-grade-4", "degenerative-l4l5", "dysplastic-high-grade-balanced"}) {
    const biomech::Solution& s = solve(name);
    ASSERT_TRUE(s.solver.converged) << name;
    const double c7_lean = s.measures.global_tilt_deg - s.measures.pelvic_tilt_deg - c7_neutral;
    EXPECT_LT(std::abs(c7_lean), 6.0) << name;
    // a gap left (docs/biomechanics.md, "Still off"): grade II's lower thorax leans 8.6 deg. Its
    // PT is held at 18 with PI 66 (SS 48), the 40 % slip's roll takes L5-S1 to ~4 deg of
    // lordosis, and the adaptation of the levels above (kSlipAdaptedRestShare) is only 3 % ramped
    // in at 40 %, so LL - SS is 11 deg against 19.6 at neutral; the upper thoracic column
    // flattens (TK ~17 deg; developmental slips stand with less kyphosis, PMC2078287 [V
    // abstract]) and C7 stays over the pelvis (checked above). Bounded here so it cannot grow.
    const double lean_bound = std::string(name) == "isthmic-l5s1-grade-2" ? 9.0 : 7.0;
    EXPECT_LT(std::abs(s.trunk_inclination_deg), lean_bound) << name;
  }
}

TEST(Presets, TiltPresetsTiltTheRightWay) {
  const double neutral_pt = solve("neutral").measures.pelvic_tilt_deg;
  const double neutral_ll = session().solution().measures.lumbar_lordosis_deg;
  const biomech::ClinicalMeasures apt = solve("anterior-pelvic-tilt").measures;
  EXPECT_LT(apt.pelvic_tilt_deg, neutral_pt - 1.0) << "anterior tilt makes PT smaller";
  EXPECT_GT(apt.lumbar_lordosis_deg, neutral_ll);
  const biomech::ClinicalMeasures flat = solve("posterior-tilt-flat-back").measures;
  EXPECT_GT(flat.pelvic_tilt_deg, neutral_pt + 1.0);
  EXPECT_LT(flat.lumbar_lordosis_deg, neutral_ll);
}

TEST(Presets, SpondylolisthesisGradesAreMeasuredFromTheGeometry) {
  for (int g = 1; g <= 4; ++g) {
    const biomech::ClinicalMeasures m = solve("isthmic-l5s1-grade-" + std::to_string(g)).measures;
    EXPECT_EQ(m.meyerding_grade, g);
    EXPECT_EQ(m.slip_level, biomech::SlipLevel::kL5S1);
    EXPECT_TRUE(session().solution().slip.pars_defect);
  }
  const biomech::Solution& d = solve("degenerative-l4l5");
  EXPECT_EQ(d.measures.slip_level, biomech::SlipLevel::kL4L5);
  EXPECT_EQ(d.measures.meyerding_grade, 1);
  EXPECT_FALSE(d.slip.pars_defect);
}

TEST(Presets, ThomasTestPositiveAndNegative) {
  const biomech::Solution& neg = solve("thomas-negative");
  ASSERT_TRUE(neg.thomas.has_value());
  // negative by both published criteria (BMC Sports Sci Med Rehabil 2021 Table 4 [V]): thigh at
  // or below the couch line, knee bent beyond 67 deg
  EXPECT_FALSE(neg.thomas->one_joint_flexors_short);
  EXPECT_FALSE(neg.thomas->two_joint_flexors_short);
  const biomech::Solution& pos = solve("thomas-positive");
  ASSERT_TRUE(pos.thomas.has_value());
  EXPECT_TRUE(pos.thomas->one_joint_flexors_short);
  EXPECT_GT(pos.thomas->thigh_above_horizontal_deg, 0.0);
  // the lesson is the thigh against the couch and the hip flexors (issue 16, focus): no spinal
  // angles and no lumbosacral load, which the View menu still turns on
  for (const char* name : {"thomas-negative", "thomas-positive"}) {
    const scene::Preset* p = scene::findPreset(name);
    ASSERT_NE(p, nullptr) << name;
    EXPECT_FALSE(p->document.view.shear_arrow) << name;
    EXPECT_FALSE(p->document.view.pelvic_angles) << name;
    EXPECT_FALSE(p->document.view.lordosis) << name;
  }
}

TEST(Presets, TheKneelingStretchLengthensTheBackLegsHipFlexors) {
  // about 10° of hip extension: a few percent longer (reference.md §3.3 straight-line estimates)
  const biomech::Solution& s = solve("kneeling-hip-flexor-stretch");
  EXPECT_GT(psoasPct(s, anatomy::Side::kRight), 100.5);
  const auto& iliacus = s.muscles[biomech::muscleIndex(biomech::MuscleId::kIliacus)];
  EXPECT_GT(iliacus[biomech::sideIndex(anatomy::Side::kRight)].length_pct_of_neutral, 101.5);
  EXPECT_LT(psoasPct(s, anatomy::Side::kLeft), 95.0) << "the front leg's hip is bent: its flexors are short";
}

TEST(Presets, TheDeskSitterFlattensTheLowerBack) {
  const double neutral_ll = solve("neutral").measures.lumbar_lordosis_deg;
  EXPECT_LT(solve("desk-sitter").measures.lumbar_lordosis_deg, neutral_ll - 5.0);
}

TEST(Session, AFrameCarriesTheMeasuredValuesAndPatientCaptions) {
  scene::Document d = scene::findPreset("anterior-pelvic-tilt")->document;
  d.view.mode = scene::Mode::kPatient;
  session().show(d);
  session().settle();
  scene::Camera cam;
  cam.setView(scene::ViewPreset::kLateralLeft);
  const scene::FrameContent f = session().frame(cam);
  EXPECT_NE(f.captions.caption.find("hip flexors are tight"), std::string::npos) << f.captions.caption;
  EXPECT_NE(f.captions.note.find("not a diagnosis"), std::string::npos);
  bool numbers = false;
  for (const scene::Label& l : f.list.labels) numbers |= l.text.rfind("PT ", 0) == 0;
  EXPECT_FALSE(numbers) << "patient mode hides numbers unless asked";
  EXPECT_TRUE(f.captions.badges.empty()) << "no change badges (numbers) unless asked";
  EXPECT_TRUE(f.list.lines.empty()) << "no measuring lines without their values";
  for (const scene::Label& l : f.list.labels) {
    EXPECT_EQ(l.text.find("°"), std::string::npos) << l.text;
    EXPECT_EQ(l.text.find(" N"), std::string::npos) << l.text;
    EXPECT_EQ(l.text.find('%'), std::string::npos) << l.text;
  }
  d.view.show_numbers = true;
  session().show(d);
  const scene::FrameContent g = session().frame(cam);
  EXPECT_FALSE(g.list.lines.empty()) << "with the numbers, the lines they are read on";
  const double pt = session().shownMeasures().pelvic_tilt_deg;
  bool found = false;
  for (const scene::Label& l : g.list.labels) {
    if (l.text.rfind("PT ", 0) == 0) {
      found = true;
      EXPECT_EQ(l.text, "PT " + std::to_string(static_cast<int>(std::lround(pt))) + "°");
    }
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(g.captions.badges.size(), 3u) << "ghost compare shows change badges";
}

TEST(Session, InvalidInputChangesNothing) {
  session().show(scene::findPreset("neutral")->document);
  const scene::Document before = session().shown();
  scene::Document bad = before;
  bad.scenario.inputs.slip.percent = -5.0;
  EXPECT_THROW(session().show(bad), sagitta::InputError);
  EXPECT_EQ(session().shown(), before);
}

TEST(Session, DocumentsRoundTripThroughScenarioFiles) {
  scene::Document d = scene::findPreset("isthmic-l5s1-grade-3")->document;
  d.view.mode = scene::Mode::kClassroom;
  const scene::Document back = scene::parseDocument(scene::documentToJson(d), "test.json");
  EXPECT_EQ(back.scenario.inputs, d.scenario.inputs);
  EXPECT_EQ(back.view, d.view);
}

// Issue 12: the caption says what the model does (more resting tone tips the pelvis back) and
// never that strengthening does: twelve sessions of strengthening did not change pelvic tilt
// (Shamsi et al. 2020, J Bodyw Mov Ther 24(3):15-20).
TEST(Captions, ToneTipsThePelvisBackWithoutClaimingThatStrengtheningDoes) {
  const biomech::Solution neutral = solve("neutral");
  scene::Document d = scene::findPreset("neutral")->document;
  scenario::setNumber(d.scenario.inputs, "muscles.gluteus_maximus.tone", 1.0);
  scenario::setNumber(d.scenario.inputs, "muscles.abdominals.tone", 1.0);
  session().show(d);
  const biomech::Solution now = session().solution();
  ASSERT_GT(now.measures.pelvic_tilt_deg, neutral.measures.pelvic_tilt_deg + 0.7) << "tone tips it back";
  const std::string caption = scene::patientCaptions(d.scenario.inputs, now, neutral, false).caption;
  EXPECT_NE(caption.find("resting tone"), std::string::npos) << caption;
  EXPECT_NE(caption.find("did not change pelvic tilt"), std::string::npos) << caption;
  for (const char* claim : {"Strong", "strong buttock", "stronger", "strength tips"})
    EXPECT_EQ(caption.find(claim), std::string::npos) << caption;
}

// Review (stop 32): the slip lessons' patient footnote said "Studies find that muscle tightness
// changes posture less than this", though their captions speak of a slipped vertebra, not of
// muscles: their pelvis tilts because it is the patient's (PI, PT). The footnote on the size of
// muscle effects goes with a caption that puts a tilt down to the muscles, and only there.
TEST(Captions, TheMuscleEffectFootnoteGoesWithAMuscleCaptionOnly) {
  const biomech::Solution neutral = solve("neutral");
  for (const char* name : {"anterior-pelvic-tilt", "posterior-tilt-flat-back", "isthmic-l5s1-grade-2",
                           "isthmic-l5s1-grade-4", "dysplastic-high-grade-unbalanced", "degenerative-l4l5"}) {
    const scene::Document d = scene::findPreset(name)->document;
    session().show(d);
    const biomech::Solution now = session().solution();
    const scene::Captions c = scene::patientCaptions(d.scenario.inputs, now, neutral, false);
    bool muscle_caption = false;
    for (const char* cause : {"are tight", "resting tone"})
      muscle_caption |= c.caption.find(cause) != std::string::npos;
    EXPECT_EQ(c.note.find("muscle tightness") != std::string::npos, muscle_caption)
        << name << ": " << c.caption << " | " << c.note;
    EXPECT_NE(c.note.find("not a diagnosis"), std::string::npos) << name;
    if (std::string(name).find("tilt") != std::string::npos) {
      EXPECT_TRUE(muscle_caption) << name << ": " << c.caption;
    }
  }
}

// Issue 16 review: the kneeling stretch was framed on both whole legs (a lunge's auto framing),
// its pelvis a fifth of the picture's height. It is framed on the pelvis the lesson is about, as
// large as the standing lessons' (at least 80 % of the anterior-tilt preset's pelvis height).
TEST(Presets, TheKneelingStretchIsFramedOnThePelvis) {
  constexpr float kAspect = 16.0f / 9.0f;
  auto pelvisHeight = [&](const std::string& name) {
    const scene::Preset* p = scene::findPreset(name);
    EXPECT_NE(p, nullptr) << name;
    if (p == nullptr) return 0.0f;
    session().show(p->document);
    session().settle();
    const scene::Camera cam = session().cameraFor(p->document.view, kAspect);
    const glm::mat4 vp = cam.projectionMatrix(kAspect) * cam.view();
    const anatomy::Skeleton& sk = session().model().skeleton;
    const auto world = anatomy::worldTransforms(sk, session().shownPose());
    float lo = 1e9f, hi = -1e9f;
    for (const char* lm : {"asis_l", "asis_r", "psis_l", "psis_r", "pubic_symphysis", "ischial_tuberosity_l",
                           "ischial_tuberosity_r", "iliac_crest_top_l", "iliac_crest_top_r"}) {
      const anatomy::Landmark* l = sk.findLandmark(lm);
      EXPECT_NE(l, nullptr) << lm;
      if (l == nullptr) continue;
      const glm::vec4 clip = vp * glm::vec4(glm::vec3(anatomy::worldPosition(*l, world)), 1.0f);
      const float y = clip.y / clip.w;  // -1 (bottom) .. 1 (top)
      lo = std::min(lo, y);
      hi = std::max(hi, y);
    }
    return 0.5f * (hi - lo);  // fraction of the picture's height
  };
  const float standing = pelvisHeight("anterior-pelvic-tilt");
  const float kneeling = pelvisHeight("kneeling-hip-flexor-stretch");
  EXPECT_GT(kneeling, 0.8f * standing) << "kneeling " << kneeling << ", standing " << standing;
  EXPECT_GT(kneeling, 0.3f);
}
