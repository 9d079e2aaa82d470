#include "anatomy/asset_writer.h"

#include <algorithm>
#include <limits>
#include <set>
#include <system_error>

#include "anatomy/gltf_writer.h"
#include "anatomy/model_manifest.h"
#include "core/atomic_file.h"
#include "core/error.h"

namespace sagitta::anatomy {
namespace fs = std::filesystem;

namespace {

// Distance from p to the mesh's surface
double surfaceDistance(const glm::dvec3& p, const MeshData& m) {
  double best = std::numeric_limits<double>::infinity();
  for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
    best = std::min(best, pointTriangleDistance(p, glm::dvec3(m.positions[m.indices[t]]),
                                                glm::dvec3(m.positions[m.indices[t + 1]]),
                                                glm::dvec3(m.positions[m.indices[t + 2]])));
  }
  return best;
}

}  // namespace

std::vector<std::vector<std::size_t>> assignLandmarks(const Skeleton& skeleton,
                                                      const std::vector<ModelPart>& parts) {
  // a part's nearest vertex can be a neighbour's (a rib's head one joint space off the costal
  // facet on its vertebra, whose coarse mesh has no vertex that close): the nearest vertex
  // picks the candidates, the nearest surface among them decides
  constexpr double kCandidateMargin = 0.008;  // m, beyond the nearest vertex: a long edge's length
  std::vector<std::vector<std::size_t>> out(parts.size());
  const auto& marks = skeleton.landmarks();
  std::vector<double> nearest_vertex(parts.size());
  for (std::size_t i = 0; i < marks.size(); ++i) {
    double best_vertex = std::numeric_limits<double>::infinity();
    for (std::size_t p = 0; p < parts.size(); ++p) {
      nearest_vertex[p] = std::numeric_limits<double>::infinity();
      if (parts[p].mesh.skinned() || parts[p].segment != marks[i].segment) continue;
      for (const glm::vec3& v : parts[p].mesh.positions)
        nearest_vertex[p] = std::min(nearest_vertex[p], glm::distance(glm::dvec3(v), marks[i].position));
      best_vertex = std::min(best_vertex, nearest_vertex[p]);
    }
    double best = std::numeric_limits<double>::infinity();
    std::size_t best_part = parts.size();
    for (std::size_t p = 0; p < parts.size(); ++p) {
      if (!(nearest_vertex[p] <= best_vertex + kCandidateMargin)) continue;
      const double d = surfaceDistance(marks[i].position, parts[p].mesh);
      if (d < best) {
        best = d;
        best_part = p;
      }
    }
    if (best_part < parts.size()) out[best_part].push_back(i);
  }
  return out;
}

std::vector<ShippedModel> shippedModels() {
  return {{"default", averageAdult(Sex::kMale)}, {"female", averageWoman()}};
}

AssetSummary writeBuiltinAssets(const fs::path& out, const BodyParams& body, const GenerateOptions& options,
                                const std::string& name) {
  const BodyLayout layout = layoutBody(body);
  const Skeleton skeleton = buildSkeleton(body);
  const GeneratedParts gen = generateBuiltinParts(layout, options);
  AssetSummary summary;
  for (const Lod lod : {Lod::kDefault, Lod::kLow}) {
    const std::vector<ModelPart>& parts = lod == Lod::kLow ? gen.lod_low : gen.lod_default;
    const fs::path dir = out / lodFolder(name, lod);
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw IoError("cannot create " + dir.string() + ": " + ec.message());
    const auto assigned = assignLandmarks(skeleton, parts);
    std::vector<ManifestPart> entries;
    std::set<std::string> written;
    for (std::size_t p = 0; p < parts.size(); ++p) {
      const ModelPart& part = parts[p];
      GlbPart glb;
      glb.name = part.name;
      glb.mesh = &part.mesh;
      glb.skeleton = &skeleton;
      glb.extras = {{"kind", std::string(partKindName(part.kind))},
                    {"segment", std::string(segmentName(part.segment))}};
      for (std::size_t i : assigned[p]) {
        const Landmark& l = skeleton.landmarks()[i];
        glb.landmarks.push_back({l.name, l.position});
      }
      const std::vector<std::uint8_t> bytes = writeGlb(glb);
      const std::string file = part.name + ".glb";
      writeFileAtomic(dir / file, std::span<const std::byte>(reinterpret_cast<const std::byte*>(bytes.data()),
                                                             bytes.size()));
      written.insert(file);
      entries.push_back({part.name, part.kind, part.segment, file, part.mesh.triangleCount(),
                         glb.landmarks.size(), part.mesh.skinned()});
      (lod == Lod::kLow ? summary.triangles_low : summary.triangles_default) += part.mesh.triangleCount();
      ++summary.files;
    }
    writeFileAtomic(dir / "manifest.json", builtinManifestJson(body, lod, entries).dump(1) + "\n");
    for (const fs::directory_entry& e : fs::directory_iterator(dir, ec)) {
      if (e.path().extension() == ".glb" && !written.count(e.path().filename().string()))
        fs::remove(e.path(), ec);
    }
  }
  return summary;
}

}  // namespace sagitta::anatomy
