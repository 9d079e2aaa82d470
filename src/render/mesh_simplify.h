// Fewer triangles for the same surface, for the moving frame's low level of detail (issue 16):
// vertex clustering. Vertices in one cell of a grid collapse onto the vertex nearest the cell's
// mean, an existing vertex, so the vertex buffer (positions, normals, skin weights) is shared
// with the full mesh and only the index list differs; triangles that collapse are dropped.
// Pure CPU, no GL.
#pragma once

#include <cstdint>
#include <vector>

#include "anatomy/mesh.h"

namespace sagitta::render {

// The index list of a simplified mesh, with cells of `cell_m` metres. Returns the mesh's own
// indices when there is nothing to gain, or when the simplified surface keeps less than
// kKeptAreaShare of the area (a bar thinner than the cells falls apart into holes).
inline constexpr double kKeptAreaShare = 0.9;
std::vector<std::uint32_t> clusteredIndices(const anatomy::MeshData& mesh, float cell_m);

// The cell size that keeps about `keep` (0..1) of the triangles, from the mesh's mean edge length.
float clusterCellFor(const anatomy::MeshData& mesh, float keep);

}  // namespace sagitta::render
