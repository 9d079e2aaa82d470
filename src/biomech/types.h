// The small vocabulary of the biomechanical model: which muscle, which group, which side, which
// pose, which slip. Names are the stable lower-case keys used in parameter keys, scenario files
// and the report (docs/biomechanics.md lists them).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "anatomy/skeleton.h"
#include "core/enum_table.h"

namespace sagitta::biomech {

using anatomy::Side;
inline constexpr std::size_t kSideCount = 2;
inline constexpr std::array<Side, kSideCount> kSides = {Side::kLeft, Side::kRight};
inline constexpr std::size_t sideIndex(Side s) {
  return static_cast<std::size_t>(s);
}
inline constexpr EnumTable<Side, kSideCount> kSideNames = {
    {{Side::kLeft, "left", "Left"}, {Side::kRight, "right", "Right"}}};
std::string_view sideName(Side s);    // "left" | "right"
std::string_view sideSuffix(Side s);  // "_l" | "_r" (landmark names)
std::optional<Side> sideFromName(std::string_view name);

// The modelled muscles, one entry per anatomical muscle (each side separately in the inputs).
enum class MuscleId : std::uint8_t {
  kPsoas,
  kIliacus,
  kRectusFemoris,
  kSartorius,
  kTfl,
  kGluteusMaximus,
  kSemimembranosus,
  kSemitendinosus,
  kBicepsFemoris,  // long head
  kRectusAbdominis,
  kExternalOblique,
  kInternalOblique,
  kIliocostalis,  // iliocostalis lumborum
  kLongissimus,   // longissimus thoracis pars lumborum (and its rib-12 slip)
  kMultifidus,
  kCount
};
inline constexpr std::size_t kMuscleCount = static_cast<std::size_t>(MuscleId::kCount);
inline constexpr std::size_t muscleIndex(MuscleId m) {
  return static_cast<std::size_t>(m);
}

// "psoas", "iliacus", "rectus_femoris", "sartorius", "tfl", "gluteus_maximus",
// "semimembranosus", "semitendinosus", "biceps_femoris", "rectus_abdominis", "external_oblique",
// "internal_oblique", "iliocostalis", "longissimus", "multifidus"
std::string_view muscleKey(MuscleId m);
std::optional<MuscleId> muscleFromKey(std::string_view key);

enum class MuscleGroup : std::uint8_t { kHipFlexors, kHipExtensors, kAbdominals, kBackExtensors, kCount };
inline constexpr std::size_t kGroupCount = static_cast<std::size_t>(MuscleGroup::kCount);
std::string_view groupKey(
    MuscleGroup g);  // "hip_flexors" | "hip_extensors" | "abdominals" | "back_extensors"
std::optional<MuscleGroup> groupFromKey(std::string_view key);
MuscleGroup groupOf(MuscleId m);

// Standing (default); supine modified Thomas test; half-kneeling hip-flexor stretch ("lunge");
// sitting on a chair.
enum class PoseKind : std::uint8_t { kStanding, kThomas, kLunge, kSitting };
inline constexpr EnumTable<PoseKind, 4> kPoses = {
    {{PoseKind::kStanding, "standing", "Standing"},
     {PoseKind::kThomas, "thomas", "Modified Thomas test"},
     {PoseKind::kLunge, "lunge", "Half-kneeling hip-flexor stretch"},
     {PoseKind::kSitting, "sitting", "Sitting"}}};
std::string_view poseName(PoseKind p);  // "standing" | "thomas" | "lunge" | "sitting"
std::optional<PoseKind> poseFromName(std::string_view name);

enum class SlipLevel : std::uint8_t { kL4L5, kL5S1 };
inline constexpr EnumTable<SlipLevel, 2> kSlipLevels = {
    {{SlipLevel::kL4L5, "L4-L5", "L4 on L5"}, {SlipLevel::kL5S1, "L5-S1", "L5 on S1"}}};
std::string_view slipLevelName(SlipLevel l);                        // "L4-L5" | "L5-S1"
std::optional<SlipLevel> slipLevelFromName(std::string_view name);  // case-insensitive

// isthmic: a pars defect, the body slips and the arch stays; degenerative: intact pars, the
// whole vertebra slips; dysplastic (developmental): a dysplastic arch, trapezoidal L5, domed
// sacrum and high PI; spondylolysis: a pars defect without any slip.
enum class SlipType : std::uint8_t { kIsthmic, kDegenerative, kDysplastic, kSpondylolysis };
inline constexpr EnumTable<SlipType, 4> kSlipTypes = {
    {{SlipType::kIsthmic, "isthmic", "Isthmic"},
     {SlipType::kDegenerative, "degenerative", "Degenerative"},
     {SlipType::kDysplastic, "dysplastic", "Dysplastic"},
     {SlipType::kSpondylolysis, "spondylolysis", "Spondylolysis (no slip)"}}};
// "isthmic" | "degenerative" | "dysplastic" | "spondylolysis"
std::string_view slipTypeName(SlipType t);
std::optional<SlipType> slipTypeFromName(std::string_view name);  // case-insensitive
// The pars is broken (or elongated) and the posterior arch stays with the vertebra below.
inline constexpr bool hasParsDefect(SlipType t) {
  return t != SlipType::kDegenerative;
}

}  // namespace sagitta::biomech
