// The one registry of model parameter keys, shared by `--set KEY=VALUE`, scenario files, the UI
// sliders and timelines: each key's type, range, unit and description (the README's table and the
// UI are generated from it), and get / set on biomech::ModelInputs with validation.
//
// Keys (docs/biomechanics.md lists every one):
//   pose, pose_side
//   muscles.<group>.tightness | .tone             group: hip_flexors, hip_extensors, abdominals,
//                                                  back_extensors; sets every muscle of the group,
//                                                  both sides
//   muscles.<muscle>.tightness | .tone            both sides of one muscle
//   muscles.<muscle>.<left|right>.tightness | .tone
//   (tone is resting activation; files and --set that say "strength", its old name, are read as
//   tone with a one-line note: KeyMigration)
//   slip.level, slip.type, slip.percent
//   patient.pelvic_incidence_deg, .pelvic_tilt_deg, .sacral_slope_deg, .lumbar_lordosis_deg,
//   .slip_percent (optional: unset until given)
//   body.stature_m, body.mass_kg, body.sex
// Errors are InputError with one sentence naming the key; the caller adds where it came from
// ("FILE:LINE: ", "--set ").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "biomech/inputs.h"
#include "scenario/key_info.h"

namespace sagitta::scenario {

// One key's row of the key table (scenario/key_info.h): the model's parameter keys here and
// the view keys (scene/view_state.h) share it; scene::keyTable() lists both as one table.
using ParamType = KeyType;
using ParamInfo = KeyInfo;

// Every key, in documentation order.
const std::vector<ParamInfo>& parameters();
// nullptr when the key does not exist.
const ParamInfo* findParameter(std::string_view key);
// The registered key nearest to `key` (edit distance), or "" when none is close.
std::string nearestKey(std::string_view key);
// The current name of a key renamed since files were first written ("muscles.*.strength" is now
// "muscles.*.tone"), or nullopt when `key` is not an old name.
std::optional<std::string> renamedKey(std::string_view key);

// Reads old key names as new ones while one file (or one --set) is read, and says so once:
//   KeyMigration m; ... key = m.apply(key) ...; m.report(source);
class KeyMigration {
 public:
  // `key`, or its current name when it is an old one (remembered for the note).
  std::string apply(std::string_view key);
  bool empty() const { return renamed_.empty(); }
  // One line naming the source, the first renamed key and how many more; "" when none.
  std::string note(std::string_view source) const;
  // Logs note() as a warning when any key was renamed.
  void report(std::string_view source) const;

 private:
  std::vector<std::string> renamed_;
  std::string first_;
};

// "unknown parameter key "x" (did you mean "y"?)" as thrown for an unknown key.
std::string unknownKeyMessage(std::string_view key);

// Sets a number key. Throws InputError naming the key: unknown key, a choice key, not finite,
// out of range.
void setNumber(biomech::ModelInputs& inputs, std::string_view key, double value);
// Sets a choice key (case-insensitive for slip.level / slip.type). Throws InputError for an
// unknown key, a number key or a value that is not one of the choices.
void setChoice(biomech::ModelInputs& inputs, std::string_view key, std::string_view value);
// Sets any key from a JSON value (a file, a timeline): a number, a choice's text, or null to
// clear an optional key. Throws InputError naming the key (the key table's messages).
template <typename Json>
void setValue(biomech::ModelInputs& inputs, std::string_view key, const Json& value);
// Sets any key from text as typed on a command line: numbers parsed strictly (no trailing
// characters; "nan" and "inf" are refused as not finite).
void setFromText(biomech::ModelInputs& inputs, std::string_view key, std::string_view text);
// Clears an optional key (patient.*). Throws InputError for a key that is not optional.
void unset(biomech::ModelInputs& inputs, std::string_view key);

// Current value of a number key: a group or both-sides key reads the mean of its members (they
// are equal unless set apart); an unset optional key reads nullopt. Throws InputError for an
// unknown or choice key.
std::optional<double> getNumber(const biomech::ModelInputs& inputs, std::string_view key);
// Current value of any key as text (numbers with full precision, "" for unset).
std::string getText(const biomech::ModelInputs& inputs, std::string_view key);

// Parses "KEY=VALUE" (one --set argument) and applies it. Throws InputError naming the key.
void applyAssignment(biomech::ModelInputs& inputs, std::string_view assignment);

template <typename Json>
void setValue(biomech::ModelInputs& inputs, std::string_view key, const Json& value) {
  const KeyInfo* info = findParameter(key);
  if (info == nullptr) throw InputError(unknownKeyMessage(key));
  if (value.is_null() && info->optional) {
    unset(inputs, key);
  } else if (info->type == KeyType::kNumber) {
    setNumber(inputs, key, checkedNumber(*info, value));
  } else {
    setChoice(inputs, key, checkedText(*info, value));
  }
}

}  // namespace sagitta::scenario
