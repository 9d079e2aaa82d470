// Every number the built-in skeleton is generated from, in one table, with its source.
// Lengths are metres and angles radians (converted from the cited mm / degrees in dimensions.cpp).
//
// Status tags, as in ../shared/reference/reference.md:
//   [V] read in the cited source   [M] read from an OpenSim model file   [D] derived here
//   [U] textbook value recalled, not checked against the original: shapes may use it, tests
//       must not use it as an oracle.
#pragma once

#include <array>

#include <glm/glm.hpp>

#include "anatomy/skeleton.h"

namespace sagitta::anatomy {

// Stature the OpenSim generic-model coordinates represent [D]: Rajagopal2016 femur hip-to-knee
// 0.408 m [M] divided by the Drillis-Contini thigh fraction 0.245 of stature [U] = 1.665 m.
inline constexpr double kOpenSimStature_m = 0.408 / 0.245;

inline constexpr int kLumbarCount = 5;  // L1..L5; arrays below are indexed 0 = L1 .. 4 = L5

struct VertebraDims {
  double endplate_width_superior = 0.0;  // coronal width of the superior endplate
  double endplate_depth_superior = 0.0;  // sagittal (AP) depth of the superior endplate
  double endplate_width_inferior = 0.0;
  double endplate_depth_inferior = 0.0;
  double height_anterior = 0.0;   // body height at the anterior wall
  double height_posterior = 0.0;  // body height at the posterior wall
  double pedicle_width = 0.0;     // transverse
  double pedicle_height = 0.0;    // craniocaudal
  double pedicle_length = 0.0;    // posterior body wall to the articular pillar
  double canal_width = 0.0;       // interpedicular
  double canal_depth = 0.0;       // AP, posterior body wall to the laminae
  double transverse_span = 0.0;   // tip to tip
  // L5's transverse processes: short, stout cones joined to the pedicle and the body's side
  bool stout_transverse = false;
  double spinous_length = 0.0;  // posterior canal wall to the spinous tip
  double spinous_height = 0.0;  // craniocaudal height of the spinous process at its tip
  double facet_angle = 0.0;     // superior facet plane to the sagittal plane (0 sagittal, pi/2 coronal)
  // Scale of the posterior elements' design offsets and of the shape's small details (radii,
  // blends): the vertebra's size relative to a typical adult one (1 for a 175 cm man's L1-L3).
  double size = 1.0;
};

struct DiscDims {
  double height_anterior = 0.0;
  double height_posterior = 0.0;
  double height_middle = 0.0;
  double depth = 0.0;  // AP length (= mean of the two endplates it joins)
  double wedge = 0.0;  // angle between its two endplates, positive = taller in front (lordotic)
};

struct BodyDimensions {
  // isotropic scale of the OpenSim generic-model coordinates to this body
  double opensim_scale = 1.0;
  // mediolateral factors applied to pelvic landmarks (1 for men); female pelves are wider
  double false_pelvis_width_factor = 1.0;  // iliac wings, ASIS, crest
  double true_pelvis_width_factor = 1.0;   // inlet, ischial spines and tuberosities, pubic rami

  // spinopelvic design targets at the neutral standing pose
  double pelvic_tilt = 0.0;
  double sacral_slope = 0.0;
  double pelvic_radius = 0.0;  // hip axis to the S1 endplate mid-point

  // pelvis frame points (right side; the left side has z negated)
  glm::dvec3 hip_centre{0.0};
  glm::dvec3 asis{0.0};
  glm::dvec3 psis{0.0};
  glm::dvec3 pubic_symphysis{0.0};
  glm::dvec3 iliac_crest_top{0.0};
  glm::dvec3 iliac_crest_lateral{0.0};
  glm::dvec3 ischial_tuberosity{0.0};
  double subpubic_angle = 0.0;

  // spine
  VertebraDims t12;
  std::array<VertebraDims, kLumbarCount> lumbar;
  DiscDims disc_t12_l1;
  std::array<DiscDims, kLumbarCount> discs;  // 0 = L1-L2 .. 4 = L5-S1
  double s1_endplate_depth = 0.0;
  double s1_endplate_width = 0.0;
  double sacral_base_width = 0.0;  // ala tip to ala tip
  double s1_facet_angle = 0.0;     // S1 superior facet plane to the sagittal plane
  double facet_gap = 0.0;          // facet joint space

  // lower limb
  double femur_length = 0.0;  // hip centre to knee centre
  double shank_length = 0.0;  // knee centre to ankle centre
  double ankle_height = 0.0;  // ankle centre above the floor
  double foot_length = 0.0;
  double foot_width = 0.0;
  double femoral_head_radius = 0.0;
  double femoral_offset = 0.0;  // head centre to the shaft axis
  double neck_shaft_angle = 0.0;
  double anteversion = 0.0;
  double bicondylar_width = 0.0;
  double shaft_radius = 0.0;

  // segment masses (kg) by Segment index
  std::array<double, kSegmentCount> mass_kg{};
};

// Throws InputError (via BodyParams::validate) for bad parameters. Deterministic.
BodyDimensions computeDimensions(const BodyParams& params);

}  // namespace sagitta::anatomy
