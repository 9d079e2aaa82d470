// Turning a signed distance field into a good triangle mesh.
#pragma once

#include <cstddef>
#include <vector>

#include <glm/glm.hpp>

#include "anatomy/mesh.h"
#include "anatomy/sdf.h"

namespace sagitta::anatomy {

// An indexed triangle mesh in double precision, for the mesh pipeline.
struct TriMesh {
  std::vector<glm::dvec3> positions;
  std::vector<glm::uvec3> triangles;  // counter-clockwise seen from outside
};

// The zero level set of `field` inside `box`, sampled every `voxel` metres: marching tetrahedra
// on the Kuhn subdivision of the grid, which (unlike marching cubes) has no ambiguous cases, so
// the result is always a closed, consistently oriented 2-manifold. Only cells near the surface
// are evaluated. Deterministic.
TriMesh polygonise(const sdf::Node& field, const sdf::Box& box, double voxel);

struct RemeshOptions {
  double chord_error = 3e-5;  // largest distance between a triangle and the surface (m)
  double min_length = 5e-4;   // edge length bounds (m)
  double max_length = 4e-3;
  int iterations = 6;
};

// Adaptive isotropic remeshing onto the field's zero level set (Botsch & Kobbelt 2004): edge
// lengths follow the curvature (L = sqrt(6e/k - 3e^2) for chord error e), triangles come out
// nearly equilateral, vertices lie on the surface. Keeps the mesh a closed, oriented manifold of
// the same topology. Deterministic.
void remesh(TriMesh& mesh, const sdf::Node& field, const RemeshOptions& options);

// Drops unused vertices and renumbers, keeping the order of first use.
void compact(TriMesh& mesh);

// MeshData with normals from the field's gradient (smooth and outward).
MeshData toMeshData(const TriMesh& mesh, const sdf::Node& field, double gradient_step);

}  // namespace sagitta::anatomy
