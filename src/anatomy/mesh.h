// A triangle mesh in memory, independent of any file format or graphics API.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include <glm/glm.hpp>

namespace sagitta::anatomy {

struct MeshData {
  std::string name;
  std::vector<glm::vec3> positions;    // metres
  std::vector<glm::vec3> normals;      // unit length, outward; same count as positions
  std::vector<std::uint32_t> indices;  // triangles, counter-clockwise seen from outside
  // Optional: a coarser triangle list over the same vertices, drawn while the view moves (the
  // moving frame, render::GpuMesh). Empty: the renderer clusters one itself for a big mesh.
  std::vector<std::uint32_t> low_indices;

  // Optional skinning (discs, body outline): when non-empty, vertex i follows up to four
  // segments (anatomy::Segment indices) with weights summing to 1, and positions are given in
  // the world frame at the neutral pose (the bind pose). When empty, positions are in the
  // frame of the segment the mesh is attached to.
  std::vector<glm::u8vec4> skin_segments;
  std::vector<glm::vec4> skin_weights;

  std::size_t triangleCount() const { return indices.size() / 3; }
  bool skinned() const { return !skin_segments.empty(); }
  bool empty() const { return indices.empty(); }
};

struct Bounds {
  glm::vec3 min{0.0f};
  glm::vec3 max{0.0f};
  bool valid = false;
  void add(const glm::vec3& p);
  glm::vec3 centre() const { return (min + max) * 0.5f; }
  glm::vec3 size() const { return max - min; }
};
Bounds boundsOf(const MeshData& mesh);

// Recomputes smooth (area-weighted) vertex normals from the triangles.
void computeSmoothNormals(MeshData& mesh);

// The point of the triangle abc nearest p (Ericson 2005, Real-Time Collision Detection, 5.1.5),
// and its distance from p.
glm::dvec3 closestPointOnTriangle(const glm::dvec3& p, const glm::dvec3& a, const glm::dvec3& b,
                                  const glm::dvec3& c);
double pointTriangleDistance(const glm::dvec3& p, const glm::dvec3& a, const glm::dvec3& b,
                             const glm::dvec3& c);

}  // namespace sagitta::anatomy
