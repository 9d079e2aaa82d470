// Musculotendon lengths follow the joints the way the cited model's do: iliacus and psoas
// lengthen in hip extension, gluteus maximus shortens (reference.md §3.3, from Rajagopal 2016's
// path points), hamstrings lengthen with hip flexion, rectus femoris with knee flexion.
#include <cmath>

#include <gtest/gtest.h>

#include "biomech_test_support.h"
#include "core/units.h"

namespace sagitta::biomech {
namespace {

glm::dmat4 rotZ(double deg) {
  const double a = degToRad(deg);
  glm::dmat4 r(1.0);
  r[0][0] = std::cos(a);
  r[0][1] = std::sin(a);
  r[1][0] = -std::sin(a);
  r[1][1] = std::cos(a);
  return r;
}

// Hip flexion (deg, negative = extension) and knee flexion on the right leg.
anatomy::Pose rightLeg(double hip_flexion_deg, double knee_flexion_deg = 0.0) {
  anatomy::Pose p;
  p.joint[static_cast<std::size_t>(anatomy::Segment::kFemurRight)] = rotZ(hip_flexion_deg);
  p.joint[static_cast<std::size_t>(anatomy::Segment::kShankRight)] = rotZ(-knee_flexion_deg);
  return p;
}

// Fmax-weighted mean length of a muscle's right-side fascicles.
double length(MuscleId id, const anatomy::Pose& pose, double* fibre_norm = nullptr) {
  const auto states = test::defaultModel().fascicleStates(pose, ModelInputs{});
  double sum = 0.0, weight = 0.0, fibre = 0.0;
  for (const FascicleResult& f : states) {
    if (f.muscle != id || f.side != Side::kRight) continue;
    const double w = muscleDef(id).fascicles[f.fascicle].max_isometric_force_N;
    sum += w * f.length_m;
    fibre += w * f.fibre_length_norm;
    weight += w;
  }
  if (fibre_norm != nullptr) *fibre_norm = fibre / weight;
  return sum / weight;
}

TEST(MuscleLengths, IliopsoasLengthensInHipExtensionAndGluteusMaximusShortens) {
  for (int step = 0; step < 18; ++step) {
    const double flexion = -30.0 + 5.0 * step;
    SCOPED_TRACE(flexion);
    EXPECT_GT(length(MuscleId::kIliacus, rightLeg(flexion)),
              length(MuscleId::kIliacus, rightLeg(flexion + 5.0)));
    EXPECT_GT(length(MuscleId::kPsoas, rightLeg(flexion)), length(MuscleId::kPsoas, rightLeg(flexion + 5.0)));
    EXPECT_LT(length(MuscleId::kGluteusMaximus, rightLeg(flexion)),
              length(MuscleId::kGluteusMaximus, rightLeg(flexion + 5.0)));
  }
}

TEST(MuscleLengths, NormalisedFibreLengthsMoveLikeRajagopalsAcrossHipFlexion) {
  // reference.md §3.3 [D, straight lines, Rajagopal 2016]: l_M/l_opt at hip flexion -20 / 0 / +30:
  // iliacus 1.13 / 1.06 / 0.91, psoas 1.16 / 1.12 / 1.01, glmax1 0.92 / 1.03 / 1.18. Our paths
  // wrap the brim (larger moment arms), so compare the change over the 50 deg with 40 % slack.
  struct Case {
    MuscleId id;
    double change;  // l(+30) - l(-20)
  };
  for (const Case c : {Case{MuscleId::kIliacus, 0.91 - 1.13}, Case{MuscleId::kPsoas, 1.01 - 1.16}}) {
    double at_minus20 = 0.0, at_0 = 0.0, at_30 = 0.0;
    length(c.id, rightLeg(-20.0), &at_minus20);
    length(c.id, rightLeg(0.0), &at_0);
    length(c.id, rightLeg(30.0), &at_30);
    SCOPED_TRACE(std::string(muscleKey(c.id)));
    EXPECT_GT(at_minus20, at_0);
    EXPECT_GT(at_0, at_30);
    EXPECT_NEAR(at_30 - at_minus20, c.change, 0.4 * std::abs(c.change) + 0.03);
  }
}

TEST(MuscleLengths, HamstringsLengthenWithHipFlexionAndRectusFemorisWithKneeFlexion) {
  for (MuscleId h : {MuscleId::kSemimembranosus, MuscleId::kSemitendinosus, MuscleId::kBicepsFemoris}) {
    EXPECT_LT(length(h, rightLeg(0.0)), length(h, rightLeg(30.0))) << muscleKey(h);
    EXPECT_LT(length(h, rightLeg(30.0)), length(h, rightLeg(60.0))) << muscleKey(h);
  }
  double last = 0.0;
  for (int step = 0; step <= 6; ++step) {
    const double knee = 20.0 * step;
    const double l = length(MuscleId::kRectusFemoris, rightLeg(0.0, knee));
    EXPECT_GT(l, last) << knee;
    last = l;
  }
}

TEST(MuscleLengths, TheNeutralPoseHasTheSourcesNormalisedFibreLengths) {
  // the ScaleTool rule (muscle_table.h): l_opt and l_ts scale so the neutral pose reproduces
  // the source's l_M / l_opt
  const auto states = test::defaultModel().fascicleStates(anatomy::Pose{}, ModelInputs{});
  for (const FascicleResult& f : states) {
    const FascicleDef& def = muscleDef(f.muscle).fascicles[f.fascicle];
    EXPECT_NEAR(f.fibre_length_norm, def.neutral_fibre_length_norm, 1e-9) << muscleKey(f.muscle);
    EXPECT_NEAR(f.length_m, f.neutral_length_m, 1e-12);
  }
}

TEST(MuscleLengths, TightnessShortensTheRestingLengthSoTheSameJointAngleStretchesMore) {
  ModelInputs tight;
  tight.muscle(MuscleId::kIliacus, Side::kRight).tightness = 0.5;
  const auto normal = test::defaultModel().fascicleStates(anatomy::Pose{}, ModelInputs{});
  const auto shortened = test::defaultModel().fascicleStates(anatomy::Pose{}, tight);
  for (std::size_t i = 0; i < normal.size(); ++i) {
    EXPECT_DOUBLE_EQ(normal[i].length_m, shortened[i].length_m);  // the path is the bones'
    if (normal[i].muscle == MuscleId::kIliacus && normal[i].side == Side::kRight) {
      EXPECT_NEAR(shortened[i].fibre_length_norm - normal[i].fibre_length_norm,
                  0.5 * kMaxTightnessFibreStrain, 0.02);
      EXPECT_GT(shortened[i].passive_force_N, normal[i].passive_force_N);
    } else {
      EXPECT_DOUBLE_EQ(shortened[i].passive_force_N, normal[i].passive_force_N);
    }
  }
}

}  // namespace
}  // namespace sagitta::biomech
