// buildSkeleton: segment frames, masses, centres of mass and landmarks of the built-in body.
#include <cmath>
#include <sstream>

#include "anatomy/landmark_table.h"
#include "core/error.h"

namespace sagitta::anatomy {
namespace {

void checkRange(const char* field, double value, double lo, double hi, const char* unit) {
  if (!std::isfinite(value) || value < lo || value > hi) {
    std::ostringstream msg;
    msg << "body parameter " << field << " = " << value << " is outside the supported adult range " << lo
        << " to " << hi << " " << unit;
    throw InputError(msg.str());
  }
}

glm::dmat3 rotationOf(const glm::dmat4& m) {
  return glm::dmat3(m);
}

}  // namespace

void BodyParams::validate() const {
  // Adults only: the cited regressions (LMG, Dempster, Drillis-Contini) describe adults.
  checkRange("stature_m", stature_m, 1.30, 2.20, "m");
  checkRange("mass_kg", mass_kg, 30.0, 250.0, "kg");
  checkRange("age_years", age_years, 18.0, 100.0, "years");
  if (sex != Sex::kMale && sex != Sex::kFemale) {
    throw InputError("body parameter sex is neither male nor female");
  }
}

void LandmarkTable::add(std::string name, Segment segment, const glm::dvec3& position) {
  landmarks_.push_back(Landmark{std::move(name), segment, position});
}

void LandmarkTable::addPair(const std::string& base, Segment right_segment, const glm::dvec3& right) {
  add(base + "_l", leftOf(right_segment), mirrorZ(right));
  add(base + "_r", right_segment, right);
}

void LandmarkTable::addPair(const std::string& base, const glm::dvec3& right_in_pelvis) {
  addPair(base, Segment::kPelvis, right_in_pelvis);
}

Segment leftOf(Segment right) {
  if (right == Segment::kFemurRight) return Segment::kFemurLeft;
  if (right == Segment::kShankRight) return Segment::kShankLeft;
  return right;
}

Segment lumbarSegment(int index) {
  return static_cast<Segment>(static_cast<int>(Segment::kL1) - index);  // L1, L2, ... L5
}

Skeleton buildSkeleton(const BodyParams& params) {
  const BodyLayout b = layoutBody(params);
  const BodyDimensions& d = b.dims;
  const double s = d.opensim_scale;

  std::array<SegmentDef, kSegmentCount> segments{};
  for (std::size_t i = 0; i < kSegmentCount; ++i) {
    segments[i].id = static_cast<Segment>(i);
    segments[i].neutral_in_parent = b.neutral_in_parent[i];
    segments[i].mass_kg = d.mass_kg[i];
  }
  auto com = [&](Segment seg) -> glm::dvec3& {
    return segments[static_cast<std::size_t>(seg)].centre_of_mass;
  };
  com(Segment::kPelvis) = glm::dvec3(-0.0707, 0.0, 0.0) * s;  // Rajagopal2016 pelvis [M]
  com(Segment::kSacrum) = glm::dvec3(0.0);                    // massless: part of the pelvis segment
  // Christophy2012 lumbar bodies: COM offsets from each level's joint, upright axes, which put
  // the abdominal mass in front of the spine [M]; rotated into our tilted vertebra frames
  const std::array<glm::dvec3, kLumbarCount> christophy = {
      glm::dvec3(0.039, 0.017, 0.0), glm::dvec3(0.0245272, 0.018, 0.0), glm::dvec3(0.0136848, 0.018, 0.0),
      glm::dvec3(0.0170296, 0.018, 0.0), glm::dvec3(0.053744, 0.02, 0.0)};
  for (int k = 0; k < kLumbarCount; ++k) {
    const glm::dmat3 r = rotationOf(b.spine.lumbarInPelvis(k));
    com(lumbarSegment(k)) = glm::transpose(r) * (christophy[static_cast<std::size_t>(k)] * s);
  }
  // Thorax (head, arms, trunk above L1): at the height of the Rajagopal2016 torso COM, 0.32 m
  // above its back joint (-0.1007, 0.0815, 0) in the pelvis frame, which is ours [M]. Its AP
  // place is set so the mass above L5-S1 stands 2 cm behind the hip axis: in standing the
  // line of gravity lies "very slightly behind the femoral heads" (Le Huec et al. 2011, Eur
  // Spine J 20 S5:558 [V abstract]) and the upper body's behind the lumbar vertebrae
  // (barycentremetry, PMC2898950 [V abstract]) [D]. (Rajagopal's own torso COM, 7.5 cm behind
  // the hips, would put the trunk's centre of mass behind the thoracic vertebral bodies.)
  {
    const double target_x = b.spine.hip_axis.x - 0.020 * s;
    double lumbar_moment = 0.0, lumbar_mass = 0.0;
    for (int k = 0; k < kLumbarCount; ++k) {
      const SegmentDef& seg = segments[static_cast<std::size_t>(lumbarSegment(k))];
      lumbar_moment += seg.mass_kg * transformPoint(b.spine.lumbarInPelvis(k), seg.centre_of_mass).x;
      lumbar_mass += seg.mass_kg;
    }
    const double m_thorax = d.mass_kg[static_cast<std::size_t>(Segment::kThorax)];
    const double x = (target_x * (m_thorax + lumbar_mass) - lumbar_moment) / m_thorax;
    const glm::dvec3 in_pelvis(x, 0.4015 * s, 0.0);
    com(Segment::kThorax) = transformPoint(glm::inverse(b.spine.thoraxInPelvis()), in_pelvis);
  }
  com(Segment::kFemurLeft) = com(Segment::kFemurRight) = glm::dvec3(0.0, -0.17, 0.0) * s;  // Rajagopal [M]
  // shank + foot: Rajagopal tibia COM (0, -0.1867, 0) [M] for the leg share (4.33%) and the
  // middle of the foot (1.37%) (de Leva 1996 shares) [D]
  const glm::dvec3 foot_com(0.5 * (b.shank.heel.x + b.shank.toe_tip.x), b.shank.sole_y + 0.4 * d.ankle_height,
                            0.0);
  const glm::dvec3 shank_com =
      (0.0433 * glm::dvec3(0.0, -0.1867 * s, 0.0) + 0.0137 * foot_com) / (0.0433 + 0.0137);
  com(Segment::kShankRight) = shank_com;
  com(Segment::kShankLeft) = mirrorZ(shank_com);

  LandmarkTable table;
  addBoneLandmarks(b, table);
  addMuscleLandmarks(b, table);
  std::vector<Landmark> landmarks = table.take();
  snapDescribedLandmarks(b, landmarks);
  return Skeleton(params, segments, std::move(landmarks));
}

}  // namespace sagitta::anatomy
