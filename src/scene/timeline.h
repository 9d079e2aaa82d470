// Timelines for demo clips: keyframes over time of any scenario parameter (muscles, pose,
// slip, patient values), any view setting (overlays, mode, X-ray, captions) and the camera
// (yaw, pitch, distance, target, field of view). Between keyframes numbers move with the
// easing of the keyframe they move toward (linear, ease-in-out, or hold: stay, then jump);
// choices, switches and text change when their keyframe is reached. Evaluation is a pure
// function of time, so a recording is the same every time.
//
// File (JSON):
//   {"schema": "sagitta.timeline", "version": 1,
//    "title": "Anterior pelvic tilt explained",
//    "scenario": {...a scenario object, the starting state...}   (optional)
//    "duration_s": 12,                                            (optional: last keyframe)
//    "keyframes": [
//      {"time_s": 0, "set": {"muscles.hip_flexors.tightness": 0, "camera.yaw_deg": 0}},
//      {"time_s": 4, "ease": "ease-in-out", "set": {"muscles.hip_flexors.tightness": 0.8,
//                                                   "captions.custom": "Tight hip flexors..."}}]}
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "scene/session.h"

namespace sagitta::scene {

enum class Ease { kLinear, kEaseInOut, kHold };

struct Keyframe {
  double time_s = 0.0;
  Ease ease = Ease::kEaseInOut;               // how values move from the previous keyframe to this one
  std::map<std::string, nlohmann::json> set;  // key -> value (number, text or true/false)
};

struct Timeline {
  std::string title;
  Document base;                    // the state at time 0 before the first keyframe applies
  std::vector<Keyframe> keyframes;  // sorted by time, times distinct
  double duration_s = 0.0;

  // The document at time t (clamped to [0, duration]).
  Document evaluate(double t_s) const;
  // Adds or replaces the keyframe at `time_s` (within 1 ms), keeping the order.
  void setKeyframe(Keyframe keyframe);
  // Every key the timeline animates.
  std::vector<std::string> keys() const;
};

// Checks a key and value the way a timeline applies them; throws InputError naming the key.
void applyKey(Document& document, const std::string& key, const nlohmann::json& value,
              const std::string& where);
// The value of every model, view and camera key of a document (for "add a keyframe from the
// current state").
std::map<std::string, nlohmann::json> snapshotKeys(const Document& document);

// Throws IoError / InputError "FILE:LINE: ..." for a bad file (unknown key, wrong type, times
// not increasing, unknown easing, a newer version).
Timeline loadTimeline(const std::filesystem::path& path);
Timeline parseTimeline(std::string_view text, const std::string& source);
std::string timelineToJson(const Timeline& timeline);
void saveTimeline(const std::filesystem::path& path, const Timeline& timeline);

inline constexpr std::string_view kTimelineSchema = "sagitta.timeline";
inline constexpr int kTimelineVersion = 1;
inline constexpr double kMaxTimelineSeconds = 600.0;

}  // namespace sagitta::scene
