#include "anatomy/skeleton.h"

#include <algorithm>
#include <stdexcept>

namespace sagitta::anatomy {
namespace {

constexpr std::array<std::string_view, kSegmentCount> kNames = {
    "pelvis", "sacrum", "l5", "l4", "l3", "l2", "l1", "thorax", "femur_l", "femur_r", "shank_l", "shank_r"};

constexpr std::array<Segment, kSegmentCount> kParents = {Segment::kPelvis,  // root
                                                         Segment::kPelvis,  // sacrum
                                                         Segment::kSacrum,  // l5
                                                         Segment::kL5,      // l4
                                                         Segment::kL4,      // l3
                                                         Segment::kL3,      // l2
                                                         Segment::kL2,      // l1
                                                         Segment::kL1,      // thorax
                                                         Segment::kPelvis,  // femur_l
                                                         Segment::kPelvis,  // femur_r
                                                         Segment::kFemurLeft, Segment::kFemurRight};

}  // namespace

std::string_view sexName(Sex s) {
  return enumName(kSexes, s);
}

std::optional<Sex> sexFromName(std::string_view name) {
  return enumFromName(kSexes, name);
}

BodyParams averageWoman() {
  BodyParams b;
  b.stature_m = 1.63;
  b.mass_kg = 65.0;
  b.sex = Sex::kFemale;
  return b;
}

BodyParams averageAdult(Sex sex) {
  return sex == Sex::kFemale ? averageWoman() : BodyParams{};
}

bool sameMeshes(const BodyParams& a, const BodyParams& b) {
  return a.stature_m == b.stature_m && a.sex == b.sex && a.age_years == b.age_years;
}

std::string_view segmentName(Segment s) {
  return kNames.at(static_cast<std::size_t>(s));
}

std::optional<Segment> segmentFromName(std::string_view name) {
  for (std::size_t i = 0; i < kSegmentCount; ++i) {
    if (kNames[i] == name) return static_cast<Segment>(i);
  }
  return std::nullopt;
}

Segment parentOf(Segment s) {
  return kParents.at(static_cast<std::size_t>(s));
}

Skeleton::Skeleton(BodyParams params, std::array<SegmentDef, kSegmentCount> segments,
                   std::vector<Landmark> landmarks)
    : params_(params), segments_(segments), landmarks_(std::move(landmarks)) {}

const Landmark* Skeleton::findLandmark(std::string_view name) const {
  auto it =
      std::find_if(landmarks_.begin(), landmarks_.end(), [&](const Landmark& l) { return l.name == name; });
  return it == landmarks_.end() ? nullptr : &*it;
}

std::optional<std::size_t> Skeleton::landmarkIndex(std::string_view name) const {
  if (const Landmark* l = findLandmark(name)) return static_cast<std::size_t>(l - landmarks_.data());
  return std::nullopt;
}

const Landmark& Skeleton::landmark(std::string_view name) const {
  if (const Landmark* l = findLandmark(name)) return *l;
  throw std::out_of_range("the skeleton has no landmark named " + std::string(name));
}

void Skeleton::setLandmark(Landmark landmark) {
  auto it = std::find_if(landmarks_.begin(), landmarks_.end(),
                         [&](const Landmark& l) { return l.name == landmark.name; });
  if (it == landmarks_.end()) {
    landmarks_.push_back(std::move(landmark));
  } else {
    *it = std::move(landmark);
  }
}

std::array<glm::dmat4, kSegmentCount> worldTransforms(const Skeleton& skeleton, const Pose& pose) {
  std::array<glm::dmat4, kSegmentCount> world{};
  // parents come before children in the enum, so one pass suffices
  for (std::size_t i = 0; i < kSegmentCount; ++i) {
    const auto s = static_cast<Segment>(i);
    const SegmentDef& def = skeleton.segment(s);
    if (s == Segment::kPelvis) {
      world[i] = pose.root * def.neutral_in_parent * pose.joint[i];
    } else {
      world[i] = world[static_cast<std::size_t>(parentOf(s))] * def.neutral_in_parent * pose.joint[i];
    }
  }
  return world;
}

glm::dmat4 upperThoraxWorld(const std::array<glm::dmat4, kSegmentCount>& world, const Pose& pose) {
  return world[static_cast<std::size_t>(Segment::kThorax)] * pose.upper_thorax;
}

glm::dvec3 worldPosition(const Landmark& landmark, const std::array<glm::dmat4, kSegmentCount>& world) {
  return glm::dvec3(world[static_cast<std::size_t>(landmark.segment)] * glm::dvec4(landmark.position, 1.0));
}

}  // namespace sagitta::anatomy
