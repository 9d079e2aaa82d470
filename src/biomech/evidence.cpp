#include "biomech/evidence.h"

#include <array>

namespace sagitta::biomech {

std::string_view evidenceNote() {
  // reference.md §6, in our words
  return "The changes in pelvic tilt, sacral slope and lordosis shown for muscle tightness and tone are "
         "predictions of a simplified quasi-static model, not measurements. Studies find small and variable "
         "effects in people: hip extension range was not related to standing pelvic tilt or lordosis in 25 "
         "healthy adults (Heino, Godges and Carter 1990, JOSPT 12:243); one session of hip-flexor stretching "
         "raised passive hip extension by 2.6 deg and lowered anterior pelvic tilt by 1.2 deg, without "
         "changing "
         "lordosis (Preece et al. 2021, J Manipulative Physiol Ther 44:289); twelve sessions of hamstring "
         "stretching or strengthening did not change pelvic tilt in low back pain (Shamsi et al. 2020, J "
         "Bodyw "
         "Mov Ther 24:15). The 'lower crossed syndrome' (Janda) is a clinical concept without a measured "
         "degree-for-degree relation. The model's postural strategy is the least energy that keeps the body "
         "and head over the feet; in it the lordosis follows a hip-flexor tilt about degree for degree, more "
         "than Preece 2021 saw, so read its numbers as the direction and rough size of an effect.";
}

std::span<const Convention> signConventions() {
  static constexpr std::array<Convention, 24> kConventions = {{
      {"pelvic_tilt_deg",
       "Legaye pelvic tilt: angle between the vertical and the line from the hip axis to the S1 "
       "endplate mid-point; positive when the hip axis is in front of it. Anterior pelvic tilt "
       "makes it smaller."},
      {"asis_psis_tilt_deg",
       "Clinical pelvic tilt: the PSIS-to-ASIS line below the horizontal, positive when the "
       "ASIS is lower (anterior tilt); mean of both sides."},
      {"sacral_slope_deg",
       "Angle between the S1 endplate and the horizontal, positive when its front is lower."},
      {"pelvic_incidence_deg",
       "Angle between the perpendicular to the S1 endplate at its mid-point and the line to "
       "the hip axis; measured on its own, it equals PT + SS."},
      {"lumbar_lordosis_deg",
       "Cobb angle from the L1 superior endplate to the S1 endplate; positive = lordosis."},
      {"segmental_lordosis_deg",
       "Angle between the superior endplates of adjacent levels (L5-S1: L5 to S1); "
       "positive = lordosis; the five add up to lumbar_lordosis_deg."},
      {"hip_extension_deg",
       "Femoral axis (knee centre to head centre) against the anterior pelvic plane line "
       "(mid-ASIS to pubic symphysis); positive = extension, negative = flexion."},
      {"sagittal_vertical_axis_mm",
       "C7 plumb line (from the C7 body centroid) to the posterior-superior corner of S1, horizontal; "
       "positive = C7 in front."},
      {"t1_pelvic_angle_deg",
       "At the hip axis, between the lines to the T1 centroid and to the S1 endplate mid-point; positive = "
       "T1 ahead of that line."},
      {"thoracic_kyphosis_deg", "Cobb angle T4 superior to T12 inferior endplate; positive = kyphosis."},
      {"global_tilt_deg",
       "Between the line S1 endplate mid-point to C7 centroid and the line hip axis to S1 endplate "
       "mid-point; positive = C7 forward."},
      {"knee_flexion_deg", "Femoral axis against the shank axis (knee to ankle centre); positive = flexion."},
      {"slip.percent",
       "Meyerding: forward displacement of the upper vertebra's posterior-inferior corner along "
       "the lower endplate, as a percentage of that endplate's length."},
      {"slip.meyerding_grade", "0 none (under 5 %), 1-5 for grades I-V (25 / 50 / 75 / 100 % boundaries)."},
      {"slip.slip_angle_deg",
       "Upper vertebra's inferior endplate against the perpendicular to the lower vertebra's "
       "posterior border; positive = kyphotic (rolled forward)."},
      {"slip.nerve_roots",
       "Each root at the slip level (exiting, traversing, cauda equina): where its space is "
       "narrowed (foramen, lateral_recess, canal; canal also when stretched over the sacral dome) "
       "and by how much against the neutral skeleton; compressed from 20 % narrowing (Hasegawa "
       "1995) or 8 % stretch [D]."},
      {"slip.foraminal_height_mm",
       "Cranio-caudal: from the upper pedicle's notch down to the floor of the foramen, "
       "perpendicular to the lower endplate."},
      {"slip.lumbosacral_angle_deg",
       "Dubousset: the upper vertebra's superior endplate against the lower vertebra's posterior "
       "border; smaller = more kyphotic."},
      {"slip.l5_lumbar_index",
       "L5's posterior over anterior body height as drawn (L5-S1 slips; 0 at L4-L5); a dysplastic "
       "L5 becomes trapezoidal as it slips (model choice, slip_classification.h)."},
      {"slip.sacral_doming_pct",
       "Height the model adds to the S1 dome, % of the S1 endplate length (SDSG doming index "
       "difference from controls, Spine 2007;32:1888)."},
      {"slip.sdsg_type",
       "SDSG / Labelle 2011 (L5-S1): 1-3 low grade by PI (<45, 45-60, >=60; bounds unverified), "
       "4 high grade balanced pelvis, 5 retroverted pelvis with balanced spine (C7 plumb line over "
       "or behind the femoral heads), 6 retroverted pelvis and unbalanced spine."},
      {"l5s1_shear_N",
       "Load of everything above L5-S1 on the S1 endplate, along the endplate; positive = forward."},
      {"l5s1_compression_N", "The same load normal to the S1 endplate; positive = pressing into S1."},
      {"muscles",
       "length_mm: musculotendon path length; length_pct_of_neutral: against the neutral standing "
       "pose; passive_force_N / active_force_N: along the tendon."},
  }};
  return kConventions;
}

}  // namespace sagitta::biomech
