#include "scene/timeline.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "core/atomic_file.h"
#include "core/error.h"
#include "core/json_limits.h"
#include "scenario/json_lines.h"
#include "scenario/parameters.h"

namespace sagitta::scene {
namespace {

// A message from its pieces, appended in turn (no chain of temporary strings per keyframe).
std::string joined(std::initializer_list<std::string_view> parts) {
  std::string s;
  for (const std::string_view p : parts) s += p;
  return s;
}

using nlohmann::json;

constexpr std::array<std::pair<std::string_view, Ease>, 3> kEases = {
    {{"linear", Ease::kLinear}, {"ease-in-out", Ease::kEaseInOut}, {"hold", Ease::kHold}}};

std::string_view easeName(Ease e) {
  for (const auto& [name, value] : kEases) {
    if (value == e) return name;
  }
  return "linear";
}

double shape(Ease e, double u) {
  u = std::clamp(u, 0.0, 1.0);
  switch (e) {
    case Ease::kLinear:
      return u;
    case Ease::kEaseInOut:
      return u * u * (3.0 - 2.0 * u);  // smoothstep: starts and stops gently
    case Ease::kHold:
      return u >= 1.0 ? 1.0 : 0.0;
  }
  return u;
}

}  // namespace

void applyKey(Document& d, const std::string& key, const json& value, const std::string& where) {
  try {
    setKey(d, key, value);
  } catch (const InputError& e) {
    throw InputError(where.empty() ? std::string(e.what()) : where + ": " + e.what());
  }
}

std::map<std::string, json> snapshotKeys(const Document& d) {
  std::map<std::string, json> out;
  for (const scenario::KeyInfo& k : keyTable()) {
    // muscle group and both-sides keys are summaries of the per-side keys: record the sides
    const bool summary = k.key.rfind("muscles.", 0) == 0 && k.key.find(".left.") == std::string::npos &&
                         k.key.find(".right.") == std::string::npos;
    // a clip shows one body: it is part of the timeline's scenario, not of a keyframe
    if (summary || k.key.rfind("body.", 0) == 0) continue;
    if (k.key == "camera.view") continue;  // the camera is recorded by its numbers
    out[k.key] = getKey(d, k.key);
  }
  return out;
}

Document Timeline::evaluate(double t) const {
  t = std::clamp(std::isfinite(t) ? t : 0.0, 0.0, duration_s);
  Document d = base;
  for (const std::string& key : keys()) {
    // the keyframes that set this key, in time order
    const Keyframe* before = nullptr;
    const Keyframe* after = nullptr;
    for (const Keyframe& k : keyframes) {
      if (!k.set.count(key)) continue;
      if (k.time_s <= t) {
        before = &k;
      } else {
        after = &k;
        break;
      }
    }
    if (before == nullptr) continue;  // not set yet: the base value
    const json& a = before->set.at(key);
    json value = a;
    if (after != nullptr && a.is_number() && after->set.at(key).is_number()) {
      const double u = shape(after->ease, (t - before->time_s) / (after->time_s - before->time_s));
      value = a.get<double>() + (after->set.at(key).get<double>() - a.get<double>()) * u;
    }
    applyKey(d, key, value, "");
  }
  return d;
}

void Timeline::setKeyframe(Keyframe k) {
  auto it = std::find_if(keyframes.begin(), keyframes.end(),
                         [&](const Keyframe& x) { return std::abs(x.time_s - k.time_s) < 1e-3; });
  if (it != keyframes.end()) {
    *it = std::move(k);
  } else {
    keyframes.push_back(std::move(k));
    std::sort(keyframes.begin(), keyframes.end(),
              [](const Keyframe& a, const Keyframe& b) { return a.time_s < b.time_s; });
  }
  duration_s = std::max(duration_s, keyframes.back().time_s);
}

std::vector<std::string> Timeline::keys() const {
  std::vector<std::string> out;
  for (const Keyframe& k : keyframes) {
    for (const auto& [key, v] : k.set) {
      if (std::find(out.begin(), out.end(), key) == out.end()) out.push_back(key);
    }
  }
  // general muscle keys before specific ones, as in scenario files
  std::stable_sort(out.begin(), out.end(), [](const std::string& a, const std::string& b) {
    auto depth = [](const std::string& k) { return std::count(k.begin(), k.end(), '.'); };
    const bool ma = a.rfind("muscles.", 0) == 0, mb = b.rfind("muscles.", 0) == 0;
    return ma && mb && depth(a) < depth(b);
  });
  return out;
}

Timeline parseTimeline(std::string_view text, const std::string& source) {
  checkJsonLimits(text, source);
  json j;
  try {
    j = json::parse(text);
  } catch (const json::exception& e) {  // a syntax error, or a number too large (1e400)
    throw InputError(scenario::jsonErrorMessage(text, source, e));
  }
  // the line of a key, looked up only for a message
  auto at = [&](const std::string& path) {
    const int line = scenario::lineOfKey(text, path);
    return line == 0 ? source : source + ":" + std::to_string(line);
  };
  if (!j.is_object() || !j.contains("schema") || !j["schema"].is_string() ||
      j["schema"].get<std::string>() != kTimelineSchema) {
    throw InputError((j.is_object() && j.contains("schema") ? at("schema") : source) +
                     ": not a Sagitta timeline (\"schema\" must be \"sagitta.timeline\")");
  }
  // read as unsigned 64 bits: a narrower read would wrap 4294967297 to 1; a negative number is
  // stored signed by the parser and is refused here
  if (!j.contains("version") || !j["version"].is_number_unsigned() || j["version"].get<std::uint64_t>() < 1)
    throw InputError(at("version") + ": version must be a whole number from 1");
  if (j["version"].get<std::uint64_t>() > static_cast<std::uint64_t>(kTimelineVersion)) {
    throw InputError(at("version") + ": this timeline was written by a newer Sagitta (version " +
                     j["version"].dump() + ")");
  }
  if (j.contains("title") && !j["title"].is_string()) throw InputError(at("title") + ": title must be text");
  for (const auto& [name, v] : j.items()) {
    if (name != "schema" && name != "version" && name != "title" && name != "scenario" &&
        name != "duration_s" && name != "keyframes") {
      throw InputError(at(name) + ": " + name + " is not part of a timeline");
    }
  }
  Timeline t;
  t.title = j.value("title", std::string());
  if (j.contains("scenario")) {
    const json& s = j["scenario"];
    if (!s.is_object()) throw InputError(at("scenario") + ": scenario must be an object");
    json copy = s;
    if (!copy.contains("schema")) copy["schema"] = "sagitta.scenario";
    if (!copy.contains("version")) copy["version"] = 1;
    t.base = parseDocument(copy.dump(), source + " (scenario)");
  }
  if (!j.contains("keyframes") || !j["keyframes"].is_array() || j["keyframes"].empty()) {
    throw InputError(at("keyframes") + ": a timeline needs a list of keyframes");
  }
  double last = -1.0;
  scenario::KeyMigration migration;
  for (std::size_t i = 0; i < j["keyframes"].size(); ++i) {
    const json& k = j["keyframes"][i];
    const std::string path = "keyframes[" + std::to_string(i) + "]";
    if (!k.is_object()) throw InputError(at(path) + ": a keyframe must be an object");
    Keyframe kf;
    if (!k.contains("time_s") || !k["time_s"].is_number())
      throw InputError(at(path) + ": keyframe needs a number time_s");
    kf.time_s = k["time_s"].get<double>();
    if (!std::isfinite(kf.time_s) || kf.time_s < 0.0 || kf.time_s > kMaxTimelineSeconds) {
      throw InputError(at(path + ".time_s") + ": time_s must be between 0 and 600 seconds");
    }
    if (kf.time_s <= last) throw InputError(at(path + ".time_s") + ": keyframe times must increase");
    last = kf.time_s;
    if (k.contains("ease")) {
      const std::string e = k["ease"].is_string() ? k["ease"].get<std::string>() : k["ease"].dump();
      const auto it = std::find_if(kEases.begin(), kEases.end(), [&](const auto& p) { return p.first == e; });
      if (it == kEases.end())
        throw InputError(
            joined({at(path + ".ease"), ": ease is \"", e, "\", not linear, ease-in-out or hold"}));
      kf.ease = it->second;
    }
    for (const auto& [name, v] : k.items()) {
      if (name != "time_s" && name != "ease" && name != "set")
        throw InputError(joined({at(joined({path, ".", name})), ": ", name, " is not part of a keyframe"}));
    }
    if (k.contains("set")) {
      if (!k["set"].is_object())
        throw InputError(at(path + ".set") + ": set must be an object of key: value");
      for (const auto& [file_key, value] : k["set"].items()) {
        const std::string key = migration.apply(file_key);  // old names read as current ones
        if (key.rfind("body.", 0) == 0 && kf.time_s > 0.0) {
          throw InputError(joined({at(joined({path, ".set.", file_key})), ": ", key,
                                   " cannot change during a clip (one body is shown); set it in "
                                   "\"scenario\" or at time_s 0"}));
        }
        Document probe = t.base;
        try {
          applyKey(probe, key, value, "");  // validates now, not mid-recording
        } catch (const InputError& e) {
          // the line and the keyframe's index, looked up only now that they are needed
          throw InputError(joined({at(joined({path, ".set.", file_key})), ": ", path, ": ", e.what()}));
        }
        kf.set[key] = value;
      }
    }
    t.keyframes.push_back(std::move(kf));
  }
  t.duration_s = t.keyframes.back().time_s;
  if (j.contains("duration_s")) {
    if (!j["duration_s"].is_number() || !std::isfinite(j["duration_s"].get<double>()) ||
        j["duration_s"].get<double>() < t.duration_s || j["duration_s"].get<double>() > kMaxTimelineSeconds) {
      throw InputError(at("duration_s") +
                       ": duration_s must be a number of seconds, at least the last keyframe's time");
    }
    t.duration_s = j["duration_s"].get<double>();
  }
  if (!(t.duration_s > 0.0))
    throw InputError(source + ": the timeline lasts no time at all (the last keyframe is at 0 s)");
  migration.report(source);
  return t;
}

Timeline loadTimeline(const std::filesystem::path& path) {
  return parseTimeline(readFile(path, JsonLimits{}.max_bytes), path.string());
}

std::string timelineToJson(const Timeline& t) {
  nlohmann::ordered_json j;
  j["schema"] = kTimelineSchema;
  j["version"] = kTimelineVersion;
  if (!t.title.empty()) j["title"] = t.title;
  nlohmann::ordered_json base = nlohmann::ordered_json::parse(documentToJson(t.base));
  base.erase("schema");
  base.erase("version");
  j["scenario"] = base;
  j["duration_s"] = t.duration_s;
  j["keyframes"] = nlohmann::ordered_json::array();
  for (const Keyframe& k : t.keyframes) {
    nlohmann::ordered_json kj;
    kj["time_s"] = k.time_s;
    kj["ease"] = easeName(k.ease);
    for (const auto& [key, v] : k.set) kj["set"][key] = v;
    j["keyframes"].push_back(kj);
  }
  return j.dump(2) + "\n";
}

void saveTimeline(const std::filesystem::path& path, const Timeline& t) {
  writeFileAtomic(path, timelineToJson(t));
}

}  // namespace sagitta::scene
