#include "anatomy/model.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <sstream>

#include <glm/gtc/matrix_transform.hpp>

#include "anatomy/builtin_provider.h"
#include "anatomy/gltf_writer.h"
#include "anatomy/mesh_import.h"
#include "anatomy/model_manifest.h"
#include "core/atomic_file.h"
#include "core/error.h"
#include "core/json_limits.h"
#include "core/paths.h"
#include "core/units.h"

namespace sagitta::anatomy {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr std::array<std::string_view, 5> kKindNames = {"bone", "disc", "nucleus", "cartilage",
                                                        "body_outline"};

std::string str(double v) {
  std::ostringstream o;
  o.precision(3);
  o << v;
  return o.str();
}

glm::dvec3 vec3(const json& j, const std::string& where) {
  if (!j.is_array() || j.size() != 3 || !j[0].is_number() || !j[1].is_number() || !j[2].is_number()) {
    throw InputError(where + " must be an array of three numbers");
  }
  const glm::dvec3 v(j[0].get<double>(), j[1].get<double>(), j[2].get<double>());
  if (!std::isfinite(v.x) || !std::isfinite(v.y) || !std::isfinite(v.z))
    throw InputError(where + " is not finite");
  return v;
}

// "transform": {"matrix": [16 numbers, column-major]} or {"translation": [x, y, z] (m),
// "rotation_deg": [rx, ry, rz] (about X, then Y, then Z, fixed axes), "scale": s}
glm::dmat4 transformFrom(const json& entry, const std::string& where) {
  if (!entry.contains("transform")) return glm::dmat4(1.0);
  const json& t = entry["transform"];
  if (!t.is_object()) throw InputError(where + ": field \"transform\" must be an object");
  if (t.contains("matrix")) {
    const json& m = t["matrix"];
    if (!m.is_array() || m.size() != 16)
      throw InputError(where + ": field \"transform.matrix\" must hold 16 numbers");
    glm::dmat4 out(1.0);
    for (int i = 0; i < 16; ++i) {
      if (!m[static_cast<std::size_t>(i)].is_number())
        throw InputError(where + ": field \"transform.matrix\" must hold numbers");
      out[i / 4][i % 4] = m[static_cast<std::size_t>(i)].get<double>();
    }
    const double det = glm::determinant(glm::dmat3(out));
    if (!std::isfinite(det) || std::abs(det) < 1e-12) {
      throw InputError(where +
                       ": field \"transform.matrix\" is not invertible (a zero, flat or infinite matrix)");
    }
    return out;
  }
  glm::dmat4 out(1.0);
  if (t.contains("translation"))
    out = glm::translate(out, vec3(t["translation"], where + ": field \"transform.translation\""));
  if (t.contains("rotation_deg")) {
    const glm::dvec3 r = vec3(t["rotation_deg"], where + ": field \"transform.rotation_deg\"");
    out = glm::rotate(out, degToRad(r.z), glm::dvec3(0, 0, 1));
    out = glm::rotate(out, degToRad(r.y), glm::dvec3(0, 1, 0));
    out = glm::rotate(out, degToRad(r.x), glm::dvec3(1, 0, 0));
  }
  if (t.contains("scale")) {
    if (!t["scale"].is_number() || !(t["scale"].get<double>() > 0.0) ||
        !std::isfinite(t["scale"].get<double>())) {
      throw InputError(where + ": field \"transform.scale\" must be a positive number");
    }
    out = glm::scale(out, glm::dvec3(t["scale"].get<double>()));
  }
  return out;
}

double unitScale(const json& entry, const std::string& where) {
  if (!entry.contains("unit")) return 1.0;
  const json& u = entry["unit"];
  if (u == "m") return 1.0;
  if (u == "cm") return 0.01;
  if (u == "mm") return 0.001;
  throw InputError(where + ": field \"unit\" must be \"m\", \"cm\" or \"mm\"");
}

// `<where>: field "landmarks.<name>"`; made for every landmark a manifest gives, so built in place
std::string landmarkField(const std::string& where, std::string_view name) {
  constexpr std::string_view kField = ": field \"landmarks.";
  std::string out;
  out.reserve(where.size() + kField.size() + name.size() + 1);
  out.append(where).append(kField).append(name).append("\"");
  return out;
}

std::string stringField(const json& entry, const char* key, const std::string& where) {
  if (!entry.contains(key) || !entry[key].is_string())
    throw InputError(where + ": field \"" + key + "\" (a string) is missing");
  return entry[key].get<std::string>();
}

struct LoadedPart {
  ModelPart part;
  std::vector<Landmark> landmarks;
};

LoadedPart loadPart(const json& entry, const fs::path& dir, const std::string& where,
                    const ModelPart* builtin, const Skeleton& skeleton) {
  LoadedPart out;
  ModelPart& part = out.part;
  part.name = stringField(entry, "name", where);
  const fs::path file = dir / stringField(entry, "file", where);
  const std::string at = file.string();  // messages name the mesh file
  if (entry.contains("kind")) {
    const auto kind =
        entry["kind"].is_string() ? partKindFromName(entry["kind"].get<std::string>()) : std::nullopt;
    if (!kind)
      throw InputError(where +
                       ": field \"kind\" must be one of bone, disc, nucleus, cartilage, body_outline");
    part.kind = *kind;
  } else if (builtin != nullptr) {
    part.kind = builtin->kind;
  } else {
    throw InputError(where + ": field \"kind\" is missing (the part is not a built-in one)");
  }
  if (entry.contains("segment")) {
    const auto seg =
        entry["segment"].is_string() ? segmentFromName(entry["segment"].get<std::string>()) : std::nullopt;
    if (!seg)
      throw InputError(
          where +
          ": field \"segment\" is not a segment name (pelvis, sacrum, l5 ... l1, thorax, femur_l, ...)");
    part.segment = *seg;
  } else if (builtin != nullptr) {
    part.segment = builtin->segment;
  } else {
    throw InputError(where + ": field \"segment\" is missing (the part is not a built-in one)");
  }
  const double unit = unitScale(entry, where);
  const glm::dmat4 transform = transformFrom(entry, where);
  const glm::dmat3 normal_matrix = glm::transpose(glm::inverse(glm::dmat3(transform)));

  ImportOptions opt;
  opt.scale_to_m = static_cast<float>(unit);
  opt.merge = true;
  ImportedScene scene = importScene(file, opt);
  part.mesh = std::move(scene.meshes.front());
  part.mesh.name = part.name;
  for (glm::vec3& p : part.mesh.positions) p = glm::vec3(transform * glm::dvec4(glm::dvec3(p), 1.0));
  for (glm::vec3& n : part.mesh.normals) n = glm::vec3(glm::normalize(normal_matrix * glm::dvec3(n)));
  // checked after the transform: a finite mesh times a huge, zero or infinite transform is not
  // finite (or its normals are not), and must not reach the renderer
  const auto finite = [](const glm::vec3& v) {
    return std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z);
  };
  if (!std::all_of(part.mesh.positions.begin(), part.mesh.positions.end(), finite) ||
      !std::all_of(part.mesh.normals.begin(), part.mesh.normals.end(), finite)) {
    throw InputError(where + ": field \"transform\" (with \"unit\") makes the mesh's vertices or normals " +
                     "infinite or undefined; give a finite transform that keeps the mesh's size");
  }

  // a mesh far bigger or smaller than the bone it replaces was almost surely given in the wrong unit
  const Bounds b = boundsOf(part.mesh);
  if (builtin != nullptr) {
    const double mine = glm::length(glm::dvec3(b.size())),
                 theirs = glm::length(glm::dvec3(boundsOf(builtin->mesh).size()));
    const double ratio = mine / std::max(theirs, 1e-9);
    if (ratio > 2.5 || ratio < 0.4) {
      throw InputError(at + ": the mesh is " + str(ratio) + " times the size of the built-in " + part.name +
                       " (" + str(mine) + " m across); check field \"unit\" (now " +
                       (entry.contains("unit") ? entry["unit"].dump() : "\"m\"") + ") and \"transform\"");
    }
  }

  // landmarks: the file's landmark nodes, then the manifest's (file units and frame)
  std::vector<Landmark>& marks = out.landmarks;
  auto put = [&](const std::string& name, const glm::dvec3& p) {
    const Landmark* known = skeleton.findLandmark(name);
    if (known != nullptr && known->segment != part.segment) {
      throw InputError(where + ": field \"landmarks." + name + "\" belongs to segment " +
                       std::string(segmentName(known->segment)) + ", not " +
                       std::string(segmentName(part.segment)));
    }
    for (Landmark& m : marks) {
      if (m.name == name) {
        m.position = p;
        return;
      }
    }
    marks.push_back({name, part.segment, p});
  };
  const std::string prefix = kLandmarkNodePrefix;
  for (const ImportedNode& n : scene.nodes) {
    if (n.name.rfind(prefix, 0) != 0) continue;
    put(n.name.substr(prefix.size()), glm::dvec3(transform * glm::dvec4(glm::dvec3(n.global[3]), 1.0)));
  }
  if (entry.contains("landmarks") && entry["landmarks"].is_object()) {
    for (auto it = entry["landmarks"].begin(); it != entry["landmarks"].end(); ++it) {
      const glm::dvec3 p = vec3(it.value(), landmarkField(where, it.key())) * unit;
      put(it.key(), glm::dvec3(transform * glm::dvec4(p, 1.0)));
    }
  }
  if (builtin != nullptr) {
    const std::vector<std::string> required = requiredLandmarks(part.name);
    const auto missing = std::find_if(required.begin(), required.end(), [&](const std::string& name) {
      return std::none_of(marks.begin(), marks.end(), [&](const Landmark& m) { return m.name == name; });
    });
    if (missing != required.end()) {
      throw InputError(landmarkField(where + " (" + at + ")", *missing) + " is missing; a replacement " +
                       part.name + " must give it");
    }
  }
  // a landmark well away from its mesh means a frame or unit mix-up
  if (!part.mesh.skinned()) {
    const auto off_mesh_m = [&](const Landmark& m) {
      return glm::distance(glm::clamp(m.position, glm::dvec3(b.min), glm::dvec3(b.max)), m.position);
    };
    const auto far =
        std::find_if(marks.begin(), marks.end(), [&](const Landmark& m) { return off_mesh_m(m) > 0.03; });
    if (far != marks.end()) {
      throw InputError(landmarkField(where + " (" + at + ")", far->name) + " lies " +
                       str(off_mesh_m(*far) * 100.0) +
                       " cm outside the mesh; check \"unit\" and \"transform\"");
    }
  }
  return out;
}

}  // namespace

std::string_view partKindName(PartKind kind) {
  return kKindNames.at(static_cast<std::size_t>(kind));
}

std::optional<PartKind> partKindFromName(std::string_view name) {
  for (std::size_t i = 0; i < kKindNames.size(); ++i) {
    if (kKindNames[i] == name) return static_cast<PartKind>(i);
  }
  return std::nullopt;
}

std::string lodFolder(const std::string& name, Lod lod) {
  return lod == Lod::kLow ? name + "_low" : name;
}

fs::path builtinManifestPath(Lod lod, Sex sex) {
  return paths::assetsDir() / "models" / lodFolder(sex == Sex::kFemale ? "female" : "default", lod) /
         "manifest.json";
}

namespace {
BuiltinModelProvider g_builtin_provider = nullptr;
}  // namespace

void setBuiltinModelProvider(BuiltinModelProvider provider) {
  g_builtin_provider = provider;
}

Model loadBuiltinModel(Lod lod, Sex sex) {
  if (g_builtin_provider != nullptr) {
    if (std::optional<Model> m = g_builtin_provider(lod, sex)) return std::move(*m);
  }
  return loadModel(builtinManifestPath(lod, sex));
}

Model loadModel(const fs::path& manifest) {
  const json j = parseManifestText(manifest, readFile(manifest, JsonLimits{}.max_bytes));
  const std::string where = "model manifest " + manifest.string();
  if (!j.is_object()) throw InputError(where + ": the top level must be a JSON object");
  if (!j.contains("schema") || j["schema"] != kManifestSchema) {
    throw InputError(where + ": field \"schema\" must be \"" + std::string(kManifestSchema) + "\"");
  }
  if (!j.contains("schema_version") || !j["schema_version"].is_number_integer()) {
    throw InputError(where + ": field \"schema_version\" (an integer) is missing");
  }
  // compared as the number written: get<int>() would wrap 4294967297 to 1
  if (!j["schema_version"].is_number_unsigned() ||
      j["schema_version"].get<std::uint64_t>() != static_cast<std::uint64_t>(kManifestSchemaVersion)) {
    throw InputError(where + ": field \"schema_version\" is " + j["schema_version"].dump() +
                     "; this Sagitta reads version " + std::to_string(kManifestSchemaVersion));
  }
  if (!j.contains("parts") || !j["parts"].is_array())
    throw InputError(where + ": field \"parts\" (an array) is missing");

  Model model;
  if (j.contains("base")) {
    const json& base = j["base"];
    if (base != "builtin" && base != "builtin_low")
      throw InputError(where + ": field \"base\" must be \"builtin\" or \"builtin_low\"");
    const BodyParams b = j.contains("body") ? bodyFromJson(j["body"], where) : BodyParams{};
    if (const BodyParams average = averageAdult(b.sex); !sameMeshes(b, average)) {
      std::ostringstream msg;
      msg << where << ": field \"body\" with \"base\" must be an average adult (" << sexName(b.sex)
          << ": stature_m " << average.stature_m << ", age_years " << average.age_years
          << "); the built-in meshes are made for it";
      throw InputError(msg.str());
    }
    model = loadBuiltinModel(base == "builtin_low" ? Lod::kLow : Lod::kDefault, b.sex);
    if (b.mass_kg != model.skeleton.params().mass_kg) model.skeleton = buildSkeleton(b);  // masses only
  } else {
    model.skeleton = buildSkeleton(j.contains("body") ? bodyFromJson(j["body"], where) : BodyParams{});
  }

  const fs::path dir = manifest.parent_path();
  std::vector<std::string> named, replaced;  // parts the manifest names; built-in parts it replaced
  for (std::size_t i = 0; i < j["parts"].size(); ++i) {
    const json& entry = j["parts"][i];
    std::string part_where = where;  // `<where>, parts[i]`, appended in place (one per part)
    part_where.append(", parts[").append(std::to_string(i)).append("]");
    if (!entry.is_object()) throw InputError(part_where + " must be an object");
    const std::string name = stringField(entry, "name", part_where);
    part_where.append(" \"").append(name).append("\"");  // from here on `<where>, parts[i] "name"`
    named.push_back(name);
    auto existing = std::find_if(model.parts.begin(), model.parts.end(),
                                 [&](const ModelPart& p) { return p.name == name; });
    const ModelPart* builtin = existing == model.parts.end() ? nullptr : &*existing;
    try {
      LoadedPart loaded = loadPart(entry, dir, part_where, builtin, model.skeleton);
      for (Landmark& l : loaded.landmarks) model.skeleton.setLandmark(std::move(l));
      if (builtin != nullptr) {
        *existing = std::move(loaded.part);
        replaced.push_back(name);
      } else {
        model.parts.push_back(std::move(loaded.part));
      }
    } catch (const InputError& e) {
      if (builtin == nullptr) throw;
      model.warnings.push_back(std::string(e.what()) + "; the built-in " + name + " is used instead");
    } catch (const IoError& e) {
      if (builtin == nullptr) throw;
      model.warnings.push_back(std::string(e.what()) + "; the built-in " + name + " is used instead");
    }
  }
  // A user's L4 or L5 is the whole vertebra: the built-in posterior arch split off it (l5_arch)
  // would be a second arch, so it goes, unless the manifest gives an arch of its own.
  for (const std::string& name : replaced) {
    const std::string arch = name + "_arch";
    if (std::find(named.begin(), named.end(), arch) != named.end()) continue;
    std::erase_if(model.parts, [&](const ModelPart& p) { return p.name == arch; });
  }
  return model;
}

}  // namespace sagitta::anatomy
