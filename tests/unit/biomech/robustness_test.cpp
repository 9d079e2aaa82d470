// Every slider combination converges to a finite posture within the joint ranges; small slider
// steps give small posture steps; the same inputs give the same answer.
#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "biomech/model_constants.h"
#include "biomech_test_support.h"
#include "core/units.h"

namespace sagitta::biomech {
namespace {

using test::defaultModel;

double jointAngleDeg(const Solution& s, anatomy::Segment seg) {
  const glm::dmat4& m = s.pose.joint[static_cast<std::size_t>(seg)];
  return radToDeg(std::atan2(m[0][1], m[0][0]));
}

// Lumbar joints stay within Christophy 2012's ranges (model_constants.h), give or take the
// stops' ramp; the slipping level carries the slip's roll and is checked by the slip tests.
// A patient's radiograph may ask for more than the ranges give (a very high PI with a low PT
// cannot be stood upright): then the model must say so in a warning.
void expectPhysiological(const Solution& s, const ModelInputs& in, const std::string& label) {
  ASSERT_TRUE(test::finite(s)) << label;
  EXPECT_TRUE(s.solver.converged) << label << " residual " << s.solver.residual;
  EXPECT_LT(s.solver.residual, 1e-3) << label;  // the solver's tolerance
  const anatomy::Segment slipping =
      in.slip.level == SlipLevel::kL5S1 ? anatomy::Segment::kL5 : anatomy::Segment::kL4;
  // the slipping level carries the slip's roll (a high-grade slip's lumbosacral kyphosis), so
  // it may be pressed against its range; any other level may not
  const std::string slipping_name = in.slip.level == SlipLevel::kL5S1 ? "L5-S1" : "L4-L5";
  bool range_warned = false;
  for (const std::string& w : s.warnings) {
    const bool at_slip = in.slip.percent > 0.0 && w.starts_with(slipping_name);
    range_warned = range_warned || (w.find("beyond its") != std::string::npos && !at_slip);
  }
  if (in.patient.any() && range_warned) return;
  EXPECT_FALSE(range_warned) << label << ": " << s.warnings.front();
  for (std::size_t k = 0; k < 5; ++k) {  // 0 = L1-L2 (joint of L1) .. 4 = L5-S1 (joint of L5)
    const auto seg = static_cast<anatomy::Segment>(static_cast<std::size_t>(anatomy::Segment::kL1) - k);
    if (seg == slipping && in.slip.percent > 0.0) continue;
    // above a high-grade slip the levels' ranges move with their adapted rest, shared like the
    // standing lordosis (model_constants.h kSlipAdaptedRestShare)
    double share_above = 0.0;
    for (std::size_t i = 0; i < (in.slip.level == SlipLevel::kL5S1 ? 4u : 3u); ++i)
      share_above += detail::kStandingLordosisShare[i];
    const bool above_slip = in.slip.percent > 0.0 && seg > slipping;
    const double rest =
        above_slip ? s.lumbar_adapted_rest_deg * detail::kStandingLordosisShare[k] / share_above : 0.0;
    const double a = jointAngleDeg(s, seg) - rest;
    const double give = detail::kRangeRamp_deg;  // the stops build up over their first degrees
    EXPECT_GT(a, detail::kLumbarFlexionRange_deg * detail::kLumbarMotionShare[k] - give)
        << label << " level " << k;
    EXPECT_LT(a, detail::kLumbarExtensionRange_deg * detail::kLumbarMotionShare[k] + give)
        << label << " level " << k;
  }
  if (in.pose != PoseKind::kThomas) {
    const double pelvis = jointAngleDeg(s, anatomy::Segment::kPelvis);
    EXPECT_GT(pelvis, -detail::kPelvisAnteriorLimit_deg - detail::kRangeRamp_deg) << label;
    EXPECT_LT(pelvis, detail::kPelvisPosteriorLimit_deg + detail::kRangeRamp_deg) << label;
  }
  // a high-grade slip's lumbosacral kyphosis counts in the L1-S1 Cobb angle (slip angle about
  // +20 to +26 deg, Huang 2003, Hanson 2002; balance_and_slip.md [V])
  EXPECT_GT(s.measures.lumbar_lordosis_deg, in.slip.percent >= 75.0 ? 0.0 : 10.0) << label;
  EXPECT_LT(s.measures.lumbar_lordosis_deg, 100.0) << label;
}

TEST(Robustness, DenseGridOfGroupSlidersConverges) {
  // every group's tightness and tone at 0, 0.5, 1: 3^8 = 6561 standing solves
  const std::array<double, 3> levels = {0.0, 0.5, 1.0};
  int count = 0;
  for (int code = 0; code < 6561; ++code) {
    ModelInputs in;
    int c = code;
    for (std::size_t g = 0; g < kGroupCount; ++g) {
      const double t = levels[static_cast<std::size_t>(c % 3)];
      c /= 3;
      const double st = levels[static_cast<std::size_t>(c % 3)];
      c /= 3;
      test::setGroup(in, static_cast<MuscleGroup>(g), t, st);
    }
    expectPhysiological(defaultModel().solve(in), in, "grid " + std::to_string(code));
    ++count;
    if (HasFailure()) break;
  }
  EXPECT_EQ(count, 6561);
}

TEST(Robustness, ExtremeCombinationsInEveryPoseAndSlipConverge) {
  int n = 0;
  for (PoseKind pose : {PoseKind::kStanding, PoseKind::kThomas, PoseKind::kLunge, PoseKind::kSitting}) {
    for (Side side : kSides) {
      for (int code = 0; code < 256; code += 3) {  // groups' tightness and tone at 0 or 1
        for (double slip : {0.0, 60.0, kMaxSlipPercent}) {
          ModelInputs in;
          in.pose = pose;
          in.pose_side = side;
          for (std::size_t g = 0; g < kGroupCount; ++g) {
            test::setGroup(in, static_cast<MuscleGroup>(g), (code >> (2 * g)) & 1, (code >> (2 * g + 1)) & 1);
          }
          in.slip.percent = slip;
          in.slip.level = (code & 1) != 0 ? SlipLevel::kL4L5 : SlipLevel::kL5S1;
          in.slip.type = (code & 2) != 0 ? SlipType::kDegenerative : SlipType::kIsthmic;
          expectPhysiological(defaultModel().solve(in), in,
                              std::string(poseName(pose)) + " code " + std::to_string(code) + " slip " +
                                  std::to_string(slip));
          ++n;
          if (HasFailure()) return;
        }
      }
    }
  }
  EXPECT_GT(n, 2000);
}

TEST(Robustness, RandomPerMuscleSettingsAndPatientsConverge) {
  std::uint32_t seed = 99;
  auto next = [&]() {
    seed = seed * 1664525u + 1013904223u;
    return static_cast<double>(seed >> 8) / static_cast<double>(1u << 24);
  };
  for (int i = 0; i < 1500; ++i) {
    ModelInputs in;
    for (auto& muscle : in.muscles) {
      for (auto& side : muscle) side = {next(), next()};
    }
    in.pose = static_cast<PoseKind>(static_cast<int>(next() * 3.999));
    in.slip.percent = next() < 0.5 ? 0.0 : kMaxSlipPercent * next();
    if (next() < 0.3) in.patient.pelvic_incidence_deg = 30.0 + 55.0 * next();
    if (next() < 0.2) in.patient.pelvic_tilt_deg = -5.0 + 40.0 * next();
    expectPhysiological(defaultModel().solve(in), in, "random " + std::to_string(i));
    if (HasFailure()) return;
  }
}

TEST(Robustness, SmallSliderStepsGiveSmallPostureSteps) {
  // no branch jumps: 1/1000 of a slider moves the pelvis and lordosis by a tiny amount
  struct Slider {
    const char* name;
    std::function<void(ModelInputs&, double)> set;
    double max_step_deg;
  };
  const std::vector<Slider> sliders = {
      {"hip flexor tightness",
       [](ModelInputs& in, double v) { test::setGroup(in, MuscleGroup::kHipFlexors, v); }, 0.05},
      {"hip extensor tone",
       [](ModelInputs& in, double v) { test::setGroupTone(in, MuscleGroup::kHipExtensors, v); }, 0.05},
      {"back extensor tightness",
       [](ModelInputs& in, double v) { test::setGroup(in, MuscleGroup::kBackExtensors, v); }, 0.05},
      {"slip percent / 150", [](ModelInputs& in, double v) { in.slip.percent = kMaxSlipPercent * v; }, 0.1},
  };
  for (const Slider& slider : sliders) {
    ModelInputs in;
    slider.set(in, 0.0);
    ClinicalMeasures last = defaultModel().solve(in).measures;
    for (int i = 1; i <= 1000; ++i) {
      slider.set(in, i / 1000.0);
      const ClinicalMeasures m = defaultModel().solve(in).measures;
      ASSERT_LT(std::abs(m.pelvic_tilt_deg - last.pelvic_tilt_deg), slider.max_step_deg)
          << slider.name << " " << i;
      ASSERT_LT(std::abs(m.lumbar_lordosis_deg - last.lumbar_lordosis_deg), slider.max_step_deg)
          << slider.name << " " << i;
      last = m;
    }
  }
}

TEST(Robustness, TheSameInputsGiveTheSameAnswer) {
  ModelInputs in;
  test::setGroup(in, MuscleGroup::kHipFlexors, 0.37, 0.81);
  in.slip.percent = 33.3;
  const Solution a = defaultModel().solve(in);
  // something else in between must not change the next answer
  ModelInputs other;
  other.pose = PoseKind::kThomas;
  defaultModel().solve(other);
  const Solution b = defaultModel().solve(in);
  EXPECT_EQ(a.measures.pelvic_tilt_deg, b.measures.pelvic_tilt_deg);
  EXPECT_EQ(a.measures.lumbar_lordosis_deg, b.measures.lumbar_lordosis_deg);
  EXPECT_EQ(a.l5s1_shear_N, b.l5s1_shear_N);
  EXPECT_EQ(a.solver.iterations, b.solver.iterations);
}

}  // namespace
}  // namespace sagitta::biomech
