// One row of the key table: a settable key (a model parameter such as "slip.percent" or a view
// setting such as "camera.fov_deg") with its type, range, unit and help. The model's rows are in
// scenario/parameters.h, the view's in scene/view_state.h; scene::keyTable() (scene/document.h)
// lists them as one table that files, --set, timelines, the UI and the docs are read from.
//
// Values are checked here, the same way for every key, so every bad value gets the same kind of
// one-line message naming the key (the caller adds where it came from: "FILE:LINE: "):
//   KEY expects a number, not the text "far"
//   KEY = 500 is out of range (5 to 120 deg)
//   KEY expects one of a, b, c, not "x"
#pragma once

#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "core/error.h"

namespace sagitta::scenario {

enum class KeyType { kNumber, kChoice, kBool, kText };

struct KeyInfo {
  std::string key;
  KeyType type = KeyType::kNumber;
  double min = 0.0, max = 0.0;       // numbers
  std::vector<std::string> choices;  // choices (canonical spelling)
  std::string unit;                  // "", "%", "deg", "m", "kg"
  std::string description;           // the help text
  bool optional = false;             // patient.*: may be unset (null)
};

// "number", "one of a|b|c", "true / false", "text": the type as the docs write it.
std::string typeText(const KeyInfo& key);
// "a, b, c"
std::string choicesText(const KeyInfo& key);
// Shortest text that reads back as the same double.
std::string exactNumber(double v);
// "the text "x"", "an object", "a list", "null", or the value itself: for messages.
template <typename Json>
std::string describeValue(const Json& v) {
  if (v.is_string()) return "the text \"" + v.template get<std::string>() + "\"";
  if (v.is_object()) return "an object";
  if (v.is_array()) return "a list";
  if (v.is_null()) return "null";
  return v.dump();
}

// The messages, for callers that check a value some other way.
std::string outOfRangeMessage(const KeyInfo& key, double value);
std::string notFiniteMessage(const KeyInfo& key, const std::string& value);
std::string notAChoiceMessage(const KeyInfo& key, const std::string& value_text);

// A number in range. Throws InputError: not a number, not finite, out of range.
double checkedNumber(const KeyInfo& key, double value);
template <typename Json>
double checkedNumber(const KeyInfo& key, const Json& v) {
  if (!v.is_number()) throw InputError(key.key + " expects a number, not " + describeValue(v));
  return checkedNumber(key, v.template get<double>());
}
template <typename Json>
bool checkedBool(const KeyInfo& key, const Json& v) {
  if (!v.is_boolean()) throw InputError(key.key + " expects true or false, not " + describeValue(v));
  return v.template get<bool>();
}
// Text for a text or choice key (a choice's membership is checked by its setter, which knows
// which spellings it accepts).
template <typename Json>
std::string checkedText(const KeyInfo& key, const Json& v) {
  if (v.is_string()) return v.template get<std::string>();
  if (key.type == KeyType::kChoice) throw InputError(notAChoiceMessage(key, describeValue(v)));
  throw InputError(key.key + " expects text, not " + describeValue(v));
}

}  // namespace sagitta::scenario
