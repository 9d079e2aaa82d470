// The project's own muscle table: for each modelled muscle its fascicles, each a path of
// skeleton landmarks (origin, via points, insertion) with Hill-type parameters from a cited
// model. Every number is in muscle_table.cpp next to its source. Right and left use the same
// numbers (the sources are right-side models; the skeleton mirrors the landmarks).
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "biomech/types.h"

namespace sagitta::biomech {

inline constexpr std::size_t kMaxPathPoints = 4;

// A wrap surface between two path points, as a circle in the sagittal plane: a Rajagopal 2016
// WrapCylinder whose axis runs within about 20 deg of mediolateral, projected on x-y. It is fixed
// to the segment of the path point it follows; the path goes round it when the straight line
// would cut it. Coordinates are Rajagopal's (metres, its pelvis or femur frame), scaled with the
// body like every Rajagopal point.
// side -1: the path always goes clockwise round (+X anterior, +Y up: in front of the circle
// going down), as a tendon held against a bone (the patella's groove); 0: the shorter way round,
// continuous even when the line sweeps across the circle (both ways are equally long there).
struct WrapDef {
  int after_point = -1;  // wraps the path segment from point after_point to after_point + 1; -1: none
  double centre_x_m = 0.0, centre_y_m = 0.0, radius_m = 0.0;
  int side = 0;
};

// A fascicle as the source model describes it. Lengths are the source model's (metres, at the
// source's own body size); PostureModel rescales l_opt and l_ts to our skeleton so that the
// fascicle has the source's normalised fibre length at the neutral standing pose (the rule
// OpenSim's ScaleTool applies: both scale with the musculotendon length).
struct FascicleDef {
  std::string_view label;  // "" for a single-fascicle muscle; "l1".."l5", "rib12", "1".."3"
  // landmark names without the side suffix, origin first, insertion last
  std::array<std::string_view, kMaxPathPoints> points{};
  std::uint8_t point_count = 0;
  double max_isometric_force_N = 0.0;
  double optimal_fibre_length_m = 0.0;
  double tendon_slack_length_m = 0.0;
  double pennation_deg = 0.0;  // at optimal fibre length
  // normalised fibre length l_M / l_opt of the source model at its neutral pose (straight-line
  // path through its points; see muscle_table.cpp)
  double neutral_fibre_length_norm = 1.0;
  // passive fibre force-length curve: zero force at 1 + strain_at_zero, Fmax at 1 + strain_at_one
  double passive_strain_at_zero = 0.0;
  double passive_strain_at_one = 0.6;
  std::string_view source;  // model and file the numbers come from
  WrapDef wrap{};
};

struct MuscleDef {
  MuscleId id = MuscleId::kPsoas;
  std::string_view display_name;  // "psoas major", "iliacus", ...
  std::span<const FascicleDef> fascicles;
};

// The table, indexed by MuscleId.
const std::array<MuscleDef, kMuscleCount>& muscleTable();
const MuscleDef& muscleDef(MuscleId id);

}  // namespace sagitta::biomech
