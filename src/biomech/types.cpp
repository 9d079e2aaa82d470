#include "biomech/types.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace sagitta::biomech {
namespace {

constexpr std::array<std::string_view, kMuscleCount> kMuscleKeys = {"psoas",
                                                                    "iliacus",
                                                                    "rectus_femoris",
                                                                    "sartorius",
                                                                    "tfl",
                                                                    "gluteus_maximus",
                                                                    "semimembranosus",
                                                                    "semitendinosus",
                                                                    "biceps_femoris",
                                                                    "rectus_abdominis",
                                                                    "external_oblique",
                                                                    "internal_oblique",
                                                                    "iliocostalis",
                                                                    "longissimus",
                                                                    "multifidus"};

constexpr std::array<MuscleGroup, kMuscleCount> kMuscleGroups = {
    MuscleGroup::kHipFlexors,    MuscleGroup::kHipFlexors,    MuscleGroup::kHipFlexors,
    MuscleGroup::kHipFlexors,    MuscleGroup::kHipFlexors,    MuscleGroup::kHipExtensors,
    MuscleGroup::kHipExtensors,  MuscleGroup::kHipExtensors,  MuscleGroup::kHipExtensors,
    MuscleGroup::kAbdominals,    MuscleGroup::kAbdominals,    MuscleGroup::kAbdominals,
    MuscleGroup::kBackExtensors, MuscleGroup::kBackExtensors, MuscleGroup::kBackExtensors};

constexpr std::array<std::string_view, kGroupCount> kGroupKeys = {"hip_flexors", "hip_extensors",
                                                                  "abdominals", "back_extensors"};

}  // namespace

std::string_view sideName(Side s) {
  return enumName(kSideNames, s);
}
std::string_view sideSuffix(Side s) {
  return s == Side::kLeft ? "_l" : "_r";
}
std::optional<Side> sideFromName(std::string_view name) {
  return enumFromName(kSideNames, name);
}

std::string_view muscleKey(MuscleId m) {
  return kMuscleKeys.at(muscleIndex(m));
}
std::optional<MuscleId> muscleFromKey(std::string_view key) {
  for (std::size_t i = 0; i < kMuscleCount; ++i) {
    if (kMuscleKeys[i] == key) return static_cast<MuscleId>(i);
  }
  return std::nullopt;
}

std::string_view groupKey(MuscleGroup g) {
  return kGroupKeys.at(static_cast<std::size_t>(g));
}
std::optional<MuscleGroup> groupFromKey(std::string_view key) {
  for (std::size_t i = 0; i < kGroupCount; ++i) {
    if (kGroupKeys[i] == key) return static_cast<MuscleGroup>(i);
  }
  return std::nullopt;
}
MuscleGroup groupOf(MuscleId m) {
  return kMuscleGroups.at(muscleIndex(m));
}

std::string_view poseName(PoseKind p) {
  return enumName(kPoses, p);
}
std::optional<PoseKind> poseFromName(std::string_view name) {
  return enumFromName(kPoses, name);
}

std::string_view slipLevelName(SlipLevel l) {
  return enumName(kSlipLevels, l);
}
std::optional<SlipLevel> slipLevelFromName(std::string_view name) {
  return enumFromName(kSlipLevels, name, NameCase::kIgnore);
}

std::string_view slipTypeName(SlipType t) {
  return enumName(kSlipTypes, t);
}
std::optional<SlipType> slipTypeFromName(std::string_view name) {
  return enumFromName(kSlipTypes, name, NameCase::kIgnore);
}

}  // namespace sagitta::biomech
