// Sagitta's skeletal model as data: rigid segments, the joints between them, and named landmarks.
// No meshes and no OpenGL here: the mesh generator, the muscle model, the posture solver and
// the clinical measures all read the same Skeleton, so they cannot disagree about where a bone is.
//
// Frames (all right-handed, metres, OpenSim convention so cited model coordinates carry over):
//   world:   +X anterior, +Y up, +Z to the subject's right; the floor is y = 0.
//   pelvis:  origin at the mid-point of the two ASIS, axes as world when the anterior pelvic
//            plane (ASIS-pubic symphysis) is vertical; this is the Rajagopal 2016 pelvis frame
//            (opensim-models Models/Rajagopal, see ../shared/reference/opensim_muscles.json).
//   sacrum:  rigid on the pelvis in the built-in model; origin at the S1 endplate mid-point,
//            +Y along the endplate normal (cranial), +X along the endplate toward its anterior
//            corner. Its transform in the pelvis frame is what a PI morph changes.
//   L5..L1:  origin at the centre of the vertebra's own inferior endplate, +Y along the body's
//            axis (normal of the inferior endplate, cranial), +X anterior in the sagittal plane.
//   thorax:  origin at the centre of T12's inferior endplate, axes like the vertebrae.
//   femur:   origin at the hip joint centre (= femoral head centre = acetabulum centre),
//            +Y from the knee centre toward the hip centre, +X anterior, +Z right (Rajagopal).
//   shank:   origin at the knee joint centre, +Y from the ankle toward the knee, +X anterior.
// Every segment frame is given at the neutral standing pose as a transform in its parent's
// frame (`SegmentDef::neutral_in_parent`). A Pose adds a motion at each joint.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <glm/glm.hpp>

#include "core/enum_table.h"

namespace sagitta::anatomy {

enum class Sex : std::uint8_t { kMale, kFemale };
inline constexpr EnumTable<Sex, 2> kSexes = {
    {{Sex::kMale, "male", "Male"}, {Sex::kFemale, "female", "Female"}}};
std::string_view sexName(Sex s);                        // "male" | "female"
std::optional<Sex> sexFromName(std::string_view name);  // exact spelling

// What the built-in model is generated from. Defaults: an average adult man of 1.75 m and
// 75 kg, matching the reference subjects of the cited sources (LMG regressions evaluated at
// 175 cm; Rajagopal 2016 subject 75.3 kg).
struct BodyParams {
  double stature_m = 1.75;
  double mass_kg = 75.0;
  Sex sex = Sex::kMale;
  double age_years = 40.0;  // disc heights follow an age regression (LMG)

  // Throws InputError (naming the field) when a value is outside adult ranges or not finite.
  void validate() const;
  bool operator==(const BodyParams&) const = default;
};

// The average adult woman the female built-in model is made for: 1.63 m, the LMG regressions'
// female reference subject (anthropometry.json "female_163cm_40y"), and 65 kg, the default man's
// body-mass index (75 kg / 1.75 m^2 = 24.5) at her stature [D]; age 40 like the man.
BodyParams averageWoman();
// The shipped average adult of a sex: BodyParams{} for a man, averageWoman() for a woman.
BodyParams averageAdult(Sex sex);
// True when two bodies give the same meshes: stature, sex and age shape the bones; mass only
// sets segment masses (Dempster via Winter), so it does not change a mesh.
bool sameMeshes(const BodyParams& a, const BodyParams& b);

enum class Side : std::uint8_t { kLeft, kRight };

// The rigid segments, parents before children.
enum class Segment : std::uint8_t {
  kPelvis,  // both ossa coxae; root of the model
  kSacrum,  // sacrum and coccyx; child of pelvis (fixed joint)
  kL5,      // child of sacrum (L5-S1 disc)
  kL4,      // child of L5
  kL3,
  kL2,
  kL1,
  kThorax,     // T12, lower ribs and everything above (head-arms-trunk); child of L1
  kFemurLeft,  // child of pelvis (hip)
  kFemurRight,
  kShankLeft,  // tibia, fibula and foot, simplified; child of femur (knee)
  kShankRight,
  kCount
};
inline constexpr std::size_t kSegmentCount = static_cast<std::size_t>(Segment::kCount);

// Stable lower-case names used in files, glTF nodes and reports: "pelvis", "sacrum", "l5",
// ..., "l1", "thorax", "femur_l", "femur_r", "shank_l", "shank_r".
std::string_view segmentName(Segment s);
std::optional<Segment> segmentFromName(std::string_view name);
Segment parentOf(Segment s);  // kPelvis is its own parent (the root)

struct SegmentDef {
  Segment id = Segment::kPelvis;
  // This segment's frame in its parent's frame at the neutral standing pose (for the pelvis:
  // in the world, with the feet on the floor).
  glm::dmat4 neutral_in_parent{1.0};
  double mass_kg = 0.0;            // cited segment mass (see skeleton.cpp)
  glm::dvec3 centre_of_mass{0.0};  // in this segment's frame
};

// A named point fixed in a segment frame. Names are snake_case with a side suffix `_l` / `_r`
// where there are two (e.g. "asis_r", "l5_inferior_endplate_posterior", "psoas_origin_l3_r").
struct Landmark {
  std::string name;
  Segment segment = Segment::kPelvis;
  glm::dvec3 position{0.0};  // metres, in the segment's frame
};

class Skeleton {
 public:
  Skeleton() = default;
  Skeleton(BodyParams params, std::array<SegmentDef, kSegmentCount> segments,
           std::vector<Landmark> landmarks);

  const BodyParams& params() const { return params_; }
  const SegmentDef& segment(Segment s) const { return segments_[static_cast<std::size_t>(s)]; }
  SegmentDef& segment(Segment s) { return segments_[static_cast<std::size_t>(s)]; }
  const std::vector<Landmark>& landmarks() const { return landmarks_; }

  // Throws std::out_of_range naming the landmark when it does not exist.
  const Landmark& landmark(std::string_view name) const;
  const Landmark* findLandmark(std::string_view name) const;
  // Index into landmarks() of a named landmark, for code that resolves names once (when a
  // model is loaded) and reads positions by index every frame; nullopt when it does not exist.
  std::optional<std::size_t> landmarkIndex(std::string_view name) const;
  // Adds or replaces a landmark (used by a model manifest that brings its own bone).
  void setLandmark(Landmark landmark);

 private:
  BodyParams params_;
  std::array<SegmentDef, kSegmentCount> segments_{};
  std::vector<Landmark> landmarks_;
};

// The built-in skeleton for a body: segment frames, masses and every landmark, from the
// published dimensions cited in skeleton.cpp. Deterministic. Throws InputError for bad params.
Skeleton buildSkeleton(const BodyParams& params = {});

// Motion at each joint relative to the neutral pose, plus where the body is in the world.
// world(pelvis) = root * neutral_in_parent(pelvis) * joint[pelvis];
// world(s)      = world(parent) * neutral_in_parent(s) * joint[s].
// `joint[s]` is a rigid motion in the segment's own frame (rotation about a joint centre is
// T(c) R T(-c)); a spondylolisthesis slip is a translation in it.
// The pelvis's own `neutral_in_parent` is its neutral placement in the world (standing, feet on
// the floor), so a Pose with identity everywhere is the neutral standing pose.
struct Pose {
  // Where the whole body is placed in the world, applied before the pelvis's neutral placement:
  // identity = standing on the floor; the supine Thomas test lays the body on a couch with it.
  glm::dmat4 root{1.0};
  std::array<glm::dmat4, kSegmentCount> joint = identityJoints();
  // The thoracic column's bend: the motion of C7 and T1 (with the head, neck and arms) on the
  // thorax (T12), a rigid motion in the thorax frame, how the posture solve flattens or deepens
  // the thoracic kyphosis (biomech/model_constants.h). Its turn is shared among the T1-T2 ..
  // T11-T12 discs (anatomy::thoracicDiscShares), so the levels between bend part way: what is
  // drawn and measured on the column follows anatomy::thoracicLevelWorlds (thoracic_column.h),
  // which reads only the turn of this motion.
  glm::dmat4 upper_thorax{1.0};
  bool operator==(const Pose&) const = default;

  static std::array<glm::dmat4, kSegmentCount> identityJoints() {
    std::array<glm::dmat4, kSegmentCount> a{};
    a.fill(glm::dmat4(1.0));
    return a;
  }
};

// World transform of every segment for a pose (forward kinematics).
std::array<glm::dmat4, kSegmentCount> worldTransforms(const Skeleton& skeleton, const Pose& pose);

// World transform of the top of the thoracic column (C7, T1): the thorax's world transform times
// pose.upper_thorax (at rest the same as anatomy::thoracicLevelWorlds' C7 and T1).
glm::dmat4 upperThoraxWorld(const std::array<glm::dmat4, kSegmentCount>& world, const Pose& pose);

// A landmark's position in the world for given segment world transforms.
glm::dvec3 worldPosition(const Landmark& landmark, const std::array<glm::dmat4, kSegmentCount>& world);

}  // namespace sagitta::anatomy
