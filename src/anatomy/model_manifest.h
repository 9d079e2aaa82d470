// Model manifests: the JSON that lists a model's parts (format: docs/anatomy.md).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "anatomy/model.h"

namespace sagitta::anatomy {

inline constexpr const char* kManifestSchema = "sagitta.model";
inline constexpr int kManifestSchemaVersion = 1;

// Parses manifest text; throws InputError "model manifest <file>:N: ..." for malformed JSON, a
// number too large for a double, or JSON over the limits of core/json_limits.h.
nlohmann::json parseManifestText(const std::filesystem::path& file, const std::string& text);

// Landmarks a replacement for a built-in part must bring (the ones clinical measures use).
std::vector<std::string> requiredLandmarks(std::string_view part_name);

struct ManifestPart {
  std::string name;
  PartKind kind = PartKind::kBone;
  Segment segment = Segment::kPelvis;
  std::string file;  // relative to the manifest
  std::size_t triangles = 0;
  std::size_t landmarks = 0;
  bool skinned = false;
};

// The built-in model's manifest for the generated part files.
nlohmann::json builtinManifestJson(const BodyParams& body, Lod lod, const std::vector<ManifestPart>& parts);

// BodyParams <-> manifest "body" objects; fromJson throws InputError naming the field.
nlohmann::json bodyToJson(const BodyParams& body);
BodyParams bodyFromJson(const nlohmann::json& j, const std::string& where);

}  // namespace sagitta::anatomy
