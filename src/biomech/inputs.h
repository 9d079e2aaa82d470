// What the posture model is asked to solve: muscle tightness and tone (resting activation) per muscle and
// side, the pose, a spondylolisthesis, optional patient measurements and the body. Plain data; the parameter
// keys that set it (scenario files, --set, UI) live in src/scenario.
#pragma once

#include <array>
#include <optional>

#include "biomech/types.h"

namespace sagitta::biomech {

// Tone (resting activation) scales a low steady activation: a = kMaxToneActivation * tone. The default
// tone 0.3 gives 3 % of maximal activation, a "normal low tone" of the postural muscles,
// which are continuously active in relaxed standing (erector spinae, obliques, rectus
// abdominis: EMG study "Activity in torso muscles during relaxed standing", scilit abstract [V]).
// The 10 % ceiling and the 3 % default are our choice [D]; docs/biomechanics.md says so.
inline constexpr double kMaxToneActivation = 0.10;
inline constexpr double kDefaultTone = 0.3;
inline constexpr double kDefaultActivation = kMaxToneActivation * kDefaultTone;

// Tightness t in 0..1 shortens the resting musculotendon length: the tendon slack length drops
// by t * kMaxTightnessFibreStrain * l_opt, which raises the normalised fibre length by about
// that much at every joint angle (reference.md §4.3 option 2) [D]. Full scale is a severe
// contracture: with 0.30, the model's Thomas test puts the thigh about 20 deg above horizontal at
// t = 1 and near horizontal at t = 0.75 (reference.md §4.4 working grades: severe > 15 deg above,
// mild 0-5 deg); §4.3's "0.05-0.20 for mild to severe" spans t = 0.17-0.67.
inline constexpr double kMaxTightnessFibreStrain = 0.30;

inline constexpr double kMaxSlipPercent = 150.0;  // spondyloptosis shown up to 150 % [D]

struct MuscleSetting {
  double tightness = 0.0;      // 0..1
  double tone = kDefaultTone;  // 0..1, resting activation
  bool operator==(const MuscleSetting&) const = default;
};

struct SlipInput {
  SlipLevel level = SlipLevel::kL5S1;
  SlipType type = SlipType::kIsthmic;
  double percent = 0.0;  // 0..kMaxSlipPercent, Meyerding slip of the upper vertebra
  bool operator==(const SlipInput&) const = default;
};

// A patient's radiographic measurements (degrees, percent). Each is optional; the model takes
// on what is given (docs/biomechanics.md "Patient-specific posture").
struct PatientMeasures {
  std::optional<double> pelvic_incidence_deg;
  std::optional<double> pelvic_tilt_deg;
  std::optional<double> sacral_slope_deg;
  std::optional<double> lumbar_lordosis_deg;
  std::optional<double> slip_percent;
  bool any() const {
    return pelvic_incidence_deg || pelvic_tilt_deg || sacral_slope_deg || lumbar_lordosis_deg || slip_percent;
  }
  bool operator==(const PatientMeasures&) const = default;
};

// The body the skeleton is built for (anatomy::BodyParams). A PostureModel is built for one
// body; changing these needs a new model (the report command and scene::Session do that).
struct BodyInputs {
  double stature_m = 1.75;
  double mass_kg = 75.0;
  anatomy::Sex sex = anatomy::Sex::kMale;  // female: the female pelvis (docs/anatomy.md)
  // The body to build the skeleton for (age: the shipped 40 years).
  anatomy::BodyParams params() const { return {stature_m, mass_kg, sex, anatomy::BodyParams{}.age_years}; }
  bool operator==(const BodyInputs&) const = default;
};

// Accepted ranges, shared by validation and the parameter registry.
struct Range {
  double min = 0.0, max = 0.0;
};
inline constexpr Range kUnitRange{0.0, 1.0};
inline constexpr Range kSlipPercentRange{0.0, kMaxSlipPercent};
// Patient ranges span the published spread with room for pathology (PI 32-74 as mean +- 2 SD in
// Mac-Thiong 2011 [V], higher in high-grade slips, Labelle 2004 [V]; PI 30-110 deg, issue 12);
// outside them the numbers are more likely typing errors than radiographs [D].
inline constexpr Range kPatientPiRange{30.0, 110.0};
inline constexpr Range kPatientPtRange{-20.0, 60.0};
inline constexpr Range kPatientSsRange{-10.0, 80.0};
inline constexpr Range kPatientLlRange{-30.0, 110.0};
inline constexpr Range kStatureRange{1.30, 2.20};  // anatomy::BodyParams::validate
inline constexpr Range kMassRange{30.0, 250.0};

struct ModelInputs {
  std::array<std::array<MuscleSetting, kSideCount>, kMuscleCount> muscles{};
  PoseKind pose = PoseKind::kStanding;
  // Thomas test: the tested side (the leg hanging off the couch). Lunge: the back (kneeling) leg.
  Side pose_side = Side::kRight;
  SlipInput slip;
  PatientMeasures patient;
  BodyInputs body;

  MuscleSetting& muscle(MuscleId m, Side s) { return muscles[muscleIndex(m)][sideIndex(s)]; }
  const MuscleSetting& muscle(MuscleId m, Side s) const { return muscles[muscleIndex(m)][sideIndex(s)]; }

  // Throws InputError naming the field ("muscles.psoas.right.tightness = 1.5 is outside 0 to 1")
  // for a value out of range or not finite.
  void validate() const;
  bool operator==(const ModelInputs&) const = default;
};

}  // namespace sagitta::biomech
