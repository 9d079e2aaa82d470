// Baked assets: the shipped models (meshes, skeleton, landmarks) and the muscle table in one
// compact, versioned binary that the web build loads without Assimp or a file system. The native
// build writes it with `sagitta_bake_assets` (src/web/bake_main.cpp); docs/web.md describes it.
//
// Layout (little-endian):
//   header  "SGTBAKE\0" (8 bytes), u32 format version (kBakedFormatVersion), u32 reserved (0),
//           u64 payload size, u64 FNV-1a 64 of the payload
//   payload u32 model count, then each model: string key ("default", "female"), u8 lod, u8 sex,
//           body (f64 stature, mass, age), kSegmentCount segments (f64 4x4 neutral_in_parent,
//           f64 mass, f64 3 centre of mass), u32 landmark count and each (string name,
//           u8 segment, f64 3 position), u32 part count and each (string name, u8 kind,
//           u8 segment, mesh: string name, u32 vertices, u32 indices, u8 index width 2|4,
//           f32 3 bounds min, f32 3 bounds max, positions as unorm16 over the bounds (all x,
//           then all y, then all z), normals octahedral as 2 snorm16 (all first, then all
//           second), indices, u8 skinned, then u8 4 segments and u16 4 weights (unorm) per
//           vertex when skinned);
//           then the muscle table: u32 muscle count, each (u8 id, string name, u32 fascicle
//           count, each fascicle: string label, u8 point count, strings points, f64 force,
//           optimal fibre length, tendon slack length, pennation, neutral fibre length,
//           passive strain at zero and at one, string source, i32 wrap point, f64 wrap centre
//           x y and radius, i32 wrap side).
//   Strings are u32 length + bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "anatomy/model.h"

namespace sagitta::web {

// Bump when the layout changes; a loader rejects any other version with one clear sentence.
inline constexpr std::uint32_t kBakedFormatVersion = 1;

struct BakedModel {
  std::string key;  // "default" (average man) or "female" (average woman)
  anatomy::Lod lod = anatomy::Lod::kDefault;
  anatomy::Model model;
};

// The muscle table as baked: enough to check that the baked file and the program agree.
struct BakedFascicle {
  std::string label;
  std::vector<std::string> points;
  double max_isometric_force_N = 0.0, optimal_fibre_length_m = 0.0, tendon_slack_length_m = 0.0;
  double pennation_deg = 0.0, neutral_fibre_length_norm = 0.0;
  double passive_strain_at_zero = 0.0, passive_strain_at_one = 0.0;
  std::string source;
  int wrap_after_point = -1;
  double wrap_centre_x_m = 0.0, wrap_centre_y_m = 0.0, wrap_radius_m = 0.0;
  int wrap_side = 0;
  bool operator==(const BakedFascicle&) const = default;
};
struct BakedMuscle {
  std::uint8_t id = 0;
  std::string display_name;
  std::vector<BakedFascicle> fascicles;
  bool operator==(const BakedMuscle&) const = default;
};

struct BakedAssets {
  std::vector<BakedModel> models;
  std::vector<BakedMuscle> muscles;

  // The model for (lod, sex), or nullptr.
  const BakedModel* find(anatomy::Lod lod, anatomy::Sex sex) const;
};

// The program's own muscle table (biomech::muscleTable()) in baked form.
std::vector<BakedMuscle> currentMuscleTable();

// Serialises `assets` into the layout above. Mesh positions are quantised to 1/65535 of the
// part's bounding box (under 30 um for the 1.8 m body outline, under 10 um for a bone), normals
// to octahedral snorm16 (under 1e-4) and skin weights to unorm16; skeletons, landmarks and the
// muscle table are exact.
std::vector<std::byte> bakeAssets(const BakedAssets& assets);

// Parses a baked file. Throws InputError, naming `what` (e.g. the file name), for a wrong magic,
// another format version, a checksum mismatch, a truncated payload or an out-of-range value.
BakedAssets readBakedAssets(std::span<const std::byte> bytes, const std::string& what = "baked assets");

// Throws InputError when the baked muscle table differs from the program's (the file was baked by
// another version of Sagitta and must be baked again).
void checkMuscleTable(const BakedAssets& assets, const std::string& what = "baked assets");

// Loads the shipped models (every `lods` for the average man and woman) from the assets folder
// through Assimp, with the program's muscle table: what `sagitta_bake_assets` writes.
BakedAssets collectShippedAssets(std::span<const anatomy::Lod> lods);

// Makes anatomy::loadBuiltinModel answer from `assets` (kept for the program's lifetime) for the
// models it holds; others still come from the assets folder.
void installBakedAssets(BakedAssets assets);

}  // namespace sagitta::web
