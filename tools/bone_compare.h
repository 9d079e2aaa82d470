// Compares a generated bone with a real one, by the method of ../shared/reference/meshes/README.md:
// sample both surfaces uniformly by area, scale the reference to the generated bone's centroid
// size, align it by rigid ICP started from the 24 proper permutations of the principal axes and
// from their mirror images, and report the symmetric surface distance (mean and 95th percentile,
// pooled both ways, to the nearest point on the other surface's triangles). Millimetres throughout.
// Used by sagitta_bone_validate and by the anatomy tests; the program itself never reads the
// reference meshes.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <glm/glm.hpp>

namespace sagitta::bonecheck {

struct Surface {
  std::vector<glm::dvec3> v;                    // mm
  std::vector<std::array<std::uint32_t, 3>> f;  // triangles
  bool empty() const { return f.empty(); }
};

// Reads the vertices and faces of a Wavefront OBJ (polygons fanned into triangles), scaling
// positions by `to_mm`. Throws std::runtime_error naming the file when it is missing or holds
// no triangles.
Surface readObj(const std::filesystem::path& path, double to_mm = 1000.0);

// The part of a surface whose triangle centroids lie on the positive side of the plane through
// `point` with normal `normal` (e.g. one os coxae from a whole pelvis).
Surface cutByPlane(const Surface& s, const glm::dvec3& point, const glm::dvec3& normal);

// Area-uniform samples, deterministic for a given seed.
std::vector<glm::dvec3> sampleSurface(const Surface& s, std::size_t count, std::uint64_t seed = 1);

// RMS distance of the points from their centroid.
double centroidSize(const std::vector<glm::dvec3>& pts);

// Nearest points on a surface's triangles (bounding-volume hierarchy).
class TriangleTree {
 public:
  explicit TriangleTree(const Surface& s);
  double distance(const glm::dvec3& p) const;  // unsigned, mm

 private:
  struct Node {
    glm::dvec3 lo, hi;
    std::uint32_t first = 0, count = 0, left = 0;  // leaf: count > 0
  };
  std::vector<Node> nodes_;
  std::vector<std::array<glm::dvec3, 3>> tris_;
  std::uint32_t build(std::uint32_t first, std::uint32_t count);
};

struct Rigid {
  glm::dmat3 r{1.0};  // may include a reflection (the mirror image)
  glm::dvec3 t{0.0};
  glm::dvec3 apply(const glm::dvec3& p) const { return r * p + t; }
};

struct Comparison {
  double mean_mm = 0.0, p95_mm = 0.0;  // symmetric surface distance at the generated bone's size
  double size_ratio = 0.0;             // generated / reference centroid size (1 = same size)
  bool mirrored = false;               // the best fit used the reference's mirror image
  glm::dvec3 axis_ratio{1.0};    // generated / reference RMS extent along the principal axes (largest first)
  Rigid reference_to_generated;  // after scaling the reference about its centroid
  double scale = 1.0;            // applied to the reference (about the origin, before the fit)
};

struct CompareOptions {
  std::size_t samples = 20000;  // per surface, for the metric
  std::size_t icp_points = 1500;
  int icp_iterations = 40;
  bool allow_mirror = true;
};

Comparison compare(const Surface& generated, const Surface& reference, const CompareOptions& opt = {});

// Distance from each generated vertex to the aligned reference surface (mm), for the pictures.
std::vector<double> vertexDistances(const Surface& generated, const Surface& reference, const Comparison& c);

// The reference's area-uniform samples, scaled and aligned into the generated bone's frame by
// the fit `c` (mm): with a TriangleTree of the generated bone, where the reference has bone that
// the generated one lacks.
std::vector<glm::dvec3> alignedReferenceSamples(const Surface& reference, const Comparison& c,
                                                std::size_t count);

// The reference surface scaled and aligned into the generated bone's frame by the fit `c`.
Surface transformedForRegions(const Surface& reference, const Comparison& c);

// A moment-matched ellipsoid of a surface (same centroid, principal axes and surface second
// moments), as a triangle mesh: the baseline a generated bone must beat clearly.
Surface momentEllipsoid(const Surface& s);

// Writes a PNG of the generated bone in three orthographic views along its principal axes (or,
// with `bone_frame`, lateral, medial and anterior views in the bone's frame: x anterior,
// y superior, z lateral), shaded, coloured by `dist` per vertex (blue 0 .. red >= max_mm), with
// a colour bar; `extent_mm` (> 0) fixes the scale (half the view's width). Returns false if the file cannot
// be written.
bool writeDistancePng(const std::filesystem::path& path, const Surface& s, const std::vector<double>& dist,
                      double max_mm, int view_px = 420, bool bone_frame = false, double extent_mm = 0.0);

}  // namespace sagitta::bonecheck
