// The muscle table: every muscle of the issue, both sides, paths on real landmarks, parameters
// present and plausible, groups as documented.
#include "biomech/muscle_table.h"

#include <set>
#include <string>

#include <gtest/gtest.h>

#include "anatomy/skeleton.h"

namespace sagitta::biomech {
namespace {

TEST(MuscleTable, HasEveryMuscleWithPlausibleCitedParameters) {
  for (const MuscleDef& m : muscleTable()) {
    SCOPED_TRACE(std::string(muscleKey(m.id)));
    ASSERT_FALSE(m.fascicles.empty());
    EXPECT_FALSE(m.display_name.empty());
    for (const FascicleDef& f : m.fascicles) {
      EXPECT_GE(f.point_count, 2);
      EXPECT_LE(f.point_count, kMaxPathPoints);
      EXPECT_GT(f.max_isometric_force_N, 0.0);
      EXPECT_LT(f.max_isometric_force_N, 3000.0);
      EXPECT_GT(f.optimal_fibre_length_m, 0.01);
      EXPECT_LT(f.optimal_fibre_length_m, 0.6);
      EXPECT_GE(f.tendon_slack_length_m, 0.0);
      EXPECT_GE(f.pennation_deg, 0.0);
      EXPECT_LT(f.pennation_deg, 30.0);
      EXPECT_GT(f.neutral_fibre_length_norm, 0.5);
      EXPECT_LT(f.neutral_fibre_length_norm, 1.5);
      EXPECT_LT(f.passive_strain_at_zero, f.passive_strain_at_one);
      EXPECT_FALSE(f.source.empty());
    }
  }
}

TEST(MuscleTable, PsoasHasAFasciclePerLumbarLevel) {
  const MuscleDef& psoas = muscleDef(MuscleId::kPsoas);
  ASSERT_EQ(psoas.fascicles.size(), 5u);
  double total = 0.0;
  for (std::size_t k = 0; k < 5; ++k) {
    EXPECT_EQ(psoas.fascicles[k].points[0], "psoas_origin_l" + std::to_string(k + 1));
    total += psoas.fascicles[k].max_isometric_force_N;
  }
  EXPECT_NEAR(total, 1426.79, 0.01);  // Rajagopal2016 psoas_r, shared over the levels
}

TEST(MuscleTable, GroupsAreTheIssuesGroups) {
  const std::set<MuscleId> flexors = {MuscleId::kPsoas, MuscleId::kIliacus, MuscleId::kRectusFemoris,
                                      MuscleId::kSartorius, MuscleId::kTfl};
  const std::set<MuscleId> extensors = {MuscleId::kGluteusMaximus, MuscleId::kSemimembranosus,
                                        MuscleId::kSemitendinosus, MuscleId::kBicepsFemoris};
  const std::set<MuscleId> abdominals = {MuscleId::kRectusAbdominis, MuscleId::kExternalOblique,
                                         MuscleId::kInternalOblique};
  const std::set<MuscleId> back = {MuscleId::kIliocostalis, MuscleId::kLongissimus, MuscleId::kMultifidus};
  for (std::size_t i = 0; i < kMuscleCount; ++i) {
    const auto m = static_cast<MuscleId>(i);
    const MuscleGroup g = groupOf(m);
    EXPECT_EQ(flexors.count(m), g == MuscleGroup::kHipFlexors ? 1u : 0u) << muscleKey(m);
    EXPECT_EQ(extensors.count(m), g == MuscleGroup::kHipExtensors ? 1u : 0u) << muscleKey(m);
    EXPECT_EQ(abdominals.count(m), g == MuscleGroup::kAbdominals ? 1u : 0u) << muscleKey(m);
    EXPECT_EQ(back.count(m), g == MuscleGroup::kBackExtensors ? 1u : 0u) << muscleKey(m);
  }
}

TEST(MuscleTable, KeysRoundTripAndUnknownNamesAreRefused) {
  for (std::size_t i = 0; i < kMuscleCount; ++i) {
    const auto m = static_cast<MuscleId>(i);
    EXPECT_EQ(muscleFromKey(muscleKey(m)), m);
  }
  EXPECT_FALSE(muscleFromKey("psoas_major").has_value());
  EXPECT_EQ(slipLevelFromName("l5-s1"), SlipLevel::kL5S1);
  EXPECT_FALSE(slipLevelFromName("L3-L4").has_value());
}

TEST(MuscleTable, EveryPathPointIsALandmarkOfTheBuiltInSkeletonOnBothSides) {
  const anatomy::Skeleton sk = anatomy::buildSkeleton();
  for (const MuscleDef& m : muscleTable()) {
    for (const FascicleDef& f : m.fascicles) {
      for (std::size_t k = 0; k < f.point_count; ++k) {
        for (Side s : kSides) {
          const std::string name = std::string(f.points[k]) + std::string(sideSuffix(s));
          EXPECT_NE(sk.findLandmark(name), nullptr) << name;
        }
      }
    }
  }
}

}  // namespace
}  // namespace sagitta::biomech
