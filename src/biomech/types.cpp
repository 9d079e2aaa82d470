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
constexpr std::array<std::string_view, 4> kPoseNames = {"standing", "thomas", "lunge", "sitting"};

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

std::string_view sideName(Side s) {
  return s == Side::kLeft ? "left" : "right";
}
std::string_view sideSuffix(Side s) {
  return s == Side::kLeft ? "_l" : "_r";
}
std::optional<Side> sideFromName(std::string_view name) {
  if (name == "left") return Side::kLeft;
  if (name == "right") return Side::kRight;
  return std::nullopt;
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
  return kPoseNames.at(static_cast<std::size_t>(p));
}
std::optional<PoseKind> poseFromName(std::string_view name) {
  for (std::size_t i = 0; i < kPoseNames.size(); ++i) {
    if (kPoseNames[i] == name) return static_cast<PoseKind>(i);
  }
  return std::nullopt;
}

std::string_view slipLevelName(SlipLevel l) {
  return l == SlipLevel::kL4L5 ? "L4-L5" : "L5-S1";
}
std::optional<SlipLevel> slipLevelFromName(std::string_view name) {
  if (equalsIgnoreCase(name, "L4-L5")) return SlipLevel::kL4L5;
  if (equalsIgnoreCase(name, "L5-S1")) return SlipLevel::kL5S1;
  return std::nullopt;
}

namespace {
constexpr std::array<std::string_view, 4> kSlipTypeNames = {"isthmic", "degenerative", "dysplastic",
                                                            "spondylolysis"};
}  // namespace

std::string_view slipTypeName(SlipType t) {
  return kSlipTypeNames.at(static_cast<std::size_t>(t));
}
std::optional<SlipType> slipTypeFromName(std::string_view name) {
  for (std::size_t i = 0; i < kSlipTypeNames.size(); ++i) {
    if (equalsIgnoreCase(name, kSlipTypeNames[i])) return static_cast<SlipType>(i);
  }
  return std::nullopt;
}

}  // namespace sagitta::biomech
