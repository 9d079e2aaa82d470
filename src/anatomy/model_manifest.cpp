#include "anatomy/model_manifest.h"

#include <algorithm>

#include "core/error.h"
#include "core/json_limits.h"

namespace sagitta::anatomy {

using nlohmann::json;

nlohmann::json parseManifestText(const std::filesystem::path& file, const std::string& text) {
  checkJsonLimits(text, "model manifest " + file.string());
  try {
    return json::parse(text);
  } catch (const json::out_of_range& e) {
    // "number overflow parsing '1e400'": the number's line, for a message a person can act on
    std::string why = e.what();
    std::size_t at = 0;
    const auto q1 = why.find('\'');
    const auto q2 = q1 == std::string::npos ? std::string::npos : why.find('\'', q1 + 1);
    if (q2 != std::string::npos) at = std::min(text.find(why.substr(q1 + 1, q2 - q1 - 1)), text.size());
    const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n');
    if (const auto bracket = why.find("] "); bracket != std::string::npos) why = why.substr(bracket + 2);
    throw InputError("model manifest " + file.string() + ":" + std::to_string(line) + ": " + why +
                     " (not a finite number)");
  } catch (const json::parse_error& e) {
    // byte offset -> line number, for a message a person can act on
    const std::size_t at = std::min<std::size_t>(e.byte > 0 ? e.byte - 1 : 0, text.size());
    const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n');
    std::string why = e.what();
    const std::size_t colon = why.find("parse error");
    if (colon != std::string::npos) why = why.substr(colon);
    throw InputError("model manifest " + file.string() + ":" + std::to_string(line) + ": not valid JSON (" +
                     why + ")");
  }
}

std::vector<std::string> requiredLandmarks(std::string_view part) {
  const std::string name(part);
  auto side = [&](const std::vector<std::string>& base) {
    std::vector<std::string> out;
    out.reserve(base.size());
    const std::string suffix = name.substr(name.size() - 2);
    for (const std::string& b : base) out.push_back(b + suffix);
    return out;
  };
  if (name == "os_coxae_l" || name == "os_coxae_r") {
    return side({"asis", "psis", "acetabulum_centre", "pubic_tubercle", "ischial_tuberosity"});
  }
  if (name == "sacrum") return {"s1_endplate_anterior", "s1_endplate_posterior", "sacral_promontory"};
  if (name.size() == 2 && name[0] == 'l' && name[1] >= '1' && name[1] <= '5') {
    return {name + "_superior_endplate_anterior", name + "_superior_endplate_posterior",
            name + "_inferior_endplate_anterior", name + "_inferior_endplate_posterior"};
  }
  if (name == "t12") return {"t12_inferior_endplate_anterior", "t12_inferior_endplate_posterior"};
  if (name == "femur_l" || name == "femur_r") {
    return side({"femoral_head_centre", "knee_centre", "greater_trochanter", "lesser_trochanter"});
  }
  if (name == "tibia_l" || name == "tibia_r") return side({"tibial_tuberosity", "medial_malleolus"});
  return {};
}

nlohmann::json bodyToJson(const BodyParams& b) {
  return {{"stature_m", b.stature_m},
          {"mass_kg", b.mass_kg},
          {"sex", std::string(sexName(b.sex))},
          {"age_years", b.age_years}};
}

BodyParams bodyFromJson(const nlohmann::json& j, const std::string& where) {
  if (!j.is_object()) throw InputError(where + ": field \"body\" must be an object");
  BodyParams b;
  auto number = [&](const char* key, double& out) {
    if (!j.contains(key)) return;
    if (!j[key].is_number()) throw InputError(where + ": field \"body." + key + "\" must be a number");
    out = j[key].get<double>();
  };
  number("stature_m", b.stature_m);
  number("mass_kg", b.mass_kg);
  number("age_years", b.age_years);
  if (j.contains("sex")) {
    const json& s = j["sex"];
    const std::optional<Sex> sex = s.is_string() ? sexFromName(s.get<std::string>()) : std::nullopt;
    if (!sex) throw InputError(where + ": field \"body.sex\" must be \"male\" or \"female\"");
    b.sex = *sex;
  }
  try {
    b.validate();
  } catch (const InputError& e) {
    throw InputError(where + ": " + e.what());
  }
  return b;
}

nlohmann::json builtinManifestJson(const BodyParams& body, Lod lod, const std::vector<ManifestPart>& parts) {
  json list = json::array();
  for (const ManifestPart& p : parts) {
    json e = {{"name", p.name},
              {"kind", std::string(partKindName(p.kind))},
              {"segment", std::string(segmentName(p.segment))},
              {"file", p.file},
              {"unit", "m"},
              {"triangles", p.triangles}};
    if (p.skinned) {
      e["frame"] = "world_neutral_skinned";
    } else {
      e["frame"] = "segment";
      e["landmarks"] = "nodes";
      e["landmark_count"] = p.landmarks;
    }
    list.push_back(e);
  }
  return {{"schema", kManifestSchema},
          {"schema_version", kManifestSchemaVersion},
          {"name", lod == Lod::kLow ? "Sagitta built-in skeleton, low detail" : "Sagitta built-in skeleton"},
          {"generator", "sagitta_generate_assets (src/anatomy, docs/anatomy.md)"},
          {"units", "m"},
          {"axes",
           "+X anterior, +Y up, +Z right (OpenSim); rigid parts in their segment frame, skinned parts in the "
           "world at the neutral pose"},
          {"body", bodyToJson(body)},
          {"parts", list}};
}

}  // namespace sagitta::anatomy
