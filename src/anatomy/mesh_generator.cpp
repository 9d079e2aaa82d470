#include "anatomy/mesh_generator.h"

#include <atomic>
#include <map>
#include <thread>

#include "anatomy/isosurface.h"
#include "anatomy/part_shapes.h"

namespace sagitta::anatomy {
namespace {

struct Meshed {
  MeshData full, low;
};

// A mesh made directly (a thin bar's swept sections) with normals from its own triangles: the
// bar's field is the union of flattened segments, whose gradient turns abruptly where the nearest
// segment changes, and drew small dark pits along a rib
MeshData withOwnNormals(const TriMesh& mesh) {
  MeshData out;
  out.positions.reserve(mesh.positions.size());
  for (const glm::dvec3& p : mesh.positions) out.positions.emplace_back(glm::vec3(p));
  out.indices.reserve(mesh.triangles.size() * 3);
  for (const glm::uvec3& t : mesh.triangles) {
    out.indices.push_back(t.x);
    out.indices.push_back(t.y);
    out.indices.push_back(t.z);
  }
  computeSmoothNormals(out);
  return out;
}

Meshed meshPart(const PartShape& shape) {
  if (shape.swept) return {withOwnNormals(shape.swept->full), withOwnNormals(shape.swept->low)};
  TriMesh tri = polygonise(*shape.field, shape.field->bounds(), shape.voxel);
  RemeshOptions opt;
  opt.chord_error = shape.chord_error;
  opt.min_length = shape.min_edge;
  opt.max_length = shape.max_edge;
  remesh(tri, *shape.field, opt);
  Meshed out;
  out.full = toMeshData(tri, *shape.field, 0.25 * shape.min_edge);
  // the low level of detail: the same surface at a looser chord error and longer edges
  opt.chord_error = shape.chord_error * kLowLodErrorFactor * shape.low_lod_coarsening;
  opt.min_length = shape.min_edge * kLowLodLengthFactor * shape.low_lod_coarsening;
  opt.max_length = shape.max_edge * kLowLodLengthFactor * shape.low_lod_coarsening;
  opt.iterations = 4;
  remesh(tri, *shape.field, opt);
  out.low = toMeshData(tri, *shape.field, 0.25 * shape.min_edge);
  return out;
}

MeshData mirrored(const MeshData& m, const std::string& name) {
  MeshData out = m;
  out.name = name;
  for (glm::vec3& p : out.positions) p.z = -p.z;
  for (glm::vec3& n : out.normals) n.z = -n.z;
  for (std::size_t t = 0; t + 2 < out.indices.size(); t += 3)
    std::swap(out.indices[t + 1], out.indices[t + 2]);
  return out;
}

void skin(MeshData& m, const PartShape& shape) {
  if (!shape.skin) return;
  m.skin_segments.resize(m.positions.size());
  m.skin_weights.resize(m.positions.size());
  for (std::size_t i = 0; i < m.positions.size(); ++i) {
    shape.skin(glm::dvec3(m.positions[i]), m.skin_segments[i], m.skin_weights[i]);
  }
}

ModelPart makePart(const PartShape& shape, MeshData mesh) {
  ModelPart p;
  p.name = shape.name;
  p.kind = shape.kind;
  p.segment = shape.segment;
  mesh.name = shape.name;
  skin(mesh, shape);
  p.mesh = std::move(mesh);
  return p;
}

}  // namespace

GeneratedParts generateBuiltinParts(const BodyLayout& body, const GenerateOptions& options) {
  std::vector<PartShape> shapes = builtinShapes(body);
  if (!options.only.empty()) {
    std::erase_if(shapes, [&](const PartShape& s) {
      const std::string& key = s.mirror_of.empty() ? s.name : s.mirror_of;
      return std::find(options.only.begin(), options.only.end(), s.name) == options.only.end() &&
             std::find(options.only.begin(), options.only.end(), key) == options.only.end();
    });
    // a mirrored part needs its right-hand original
    for (const PartShape& s : std::vector<PartShape>(shapes)) {
      if (s.mirror_of.empty()) continue;
      const bool have = std::any_of(shapes.begin(), shapes.end(),
                                    [&](const PartShape& o) { return o.name == s.mirror_of; });
      if (!have) {
        for (const PartShape& o : builtinShapes(body)) {
          if (o.name == s.mirror_of) shapes.insert(shapes.begin(), o);
        }
      }
    }
  }

  // sample the fields on worker threads; results land by index, so order never depends on timing
  std::vector<std::size_t> work;
  for (std::size_t i = 0; i < shapes.size(); ++i) {
    if (shapes[i].mirror_of.empty()) work.push_back(i);
  }
  // biggest first keeps both threads busy to the end
  std::stable_sort(work.begin(), work.end(), [&](std::size_t a, std::size_t b) {
    const sdf::Box& ba = shapes[a].field->bounds();
    const sdf::Box& bb = shapes[b].field->bounds();
    const glm::dvec3 sa = (ba.hi - ba.lo) / shapes[a].voxel, sb = (bb.hi - bb.lo) / shapes[b].voxel;
    return sa.x * sa.y * sa.z > sb.x * sb.y * sb.z;
  });
  std::vector<Meshed> meshed(shapes.size());
  std::atomic<std::size_t> next{0};
  auto worker = [&]() {
    for (std::size_t w = next++; w < work.size(); w = next++) meshed[work[w]] = meshPart(shapes[work[w]]);
  };
  const int n = std::max(1, std::min(options.threads, static_cast<int>(work.size())));
  std::vector<std::thread> pool;
  for (int t = 1; t < n; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();

  std::map<std::string, std::size_t> by_name;
  for (std::size_t i = 0; i < shapes.size(); ++i) by_name[shapes[i].name] = i;
  GeneratedParts out;
  for (std::size_t i = 0; i < shapes.size(); ++i) {
    const PartShape& s = shapes[i];
    if (!s.mirror_of.empty()) {
      const Meshed& src = meshed[by_name.at(s.mirror_of)];
      meshed[i] = Meshed{mirrored(src.full, s.name), mirrored(src.low, s.name)};
    }
    out.lod_default.push_back(makePart(s, meshed[i].full));
    out.lod_low.push_back(makePart(s, meshed[i].low));
  }
  return out;
}

}  // namespace sagitta::anatomy
