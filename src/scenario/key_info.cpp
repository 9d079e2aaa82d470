#include "scenario/key_info.h"

#include <charconv>

namespace sagitta::scenario {

std::string choicesText(const KeyInfo& key) {
  std::string out;
  for (const std::string& c : key.choices) out += (out.empty() ? "" : ", ") + c;
  return out;
}

std::string typeText(const KeyInfo& key) {
  switch (key.type) {
    case KeyType::kNumber:
      return "number";
    case KeyType::kBool:
      return "true / false";
    case KeyType::kText:
      return "text";
    case KeyType::kChoice: {
      std::string out = "one of ";
      for (std::size_t i = 0; i < key.choices.size(); ++i) out += (i == 0 ? "" : "|") + key.choices[i];
      return out;
    }
  }
  return "";
}

std::string exactNumber(double v) {
  for (int precision = 6; precision <= 17; ++precision) {
    std::ostringstream o;
    o.precision(precision);
    o << v;
    double back = 0.0;
    std::string s = o.str();
    std::from_chars(s.data(), s.data() + s.size(), back);
    if (back == v) return s;
  }
  std::ostringstream o;
  o.precision(17);
  o << v;
  return o.str();
}

std::string outOfRangeMessage(const KeyInfo& key, double value) {
  return key.key + " = " + exactNumber(value) + " is out of range (" + exactNumber(key.min) + " to " +
         exactNumber(key.max) + (key.unit.empty() ? "" : " " + key.unit) + ")";
}

std::string notFiniteMessage(const KeyInfo& key, const std::string& value) {
  return key.key + " = " + value + " is not a finite number";
}

std::string notAChoiceMessage(const KeyInfo& key, const std::string& value_text) {
  return key.key + " expects one of " + choicesText(key) + ", not " + value_text;
}

double checkedNumber(const KeyInfo& key, double value) {
  if (key.type != KeyType::kNumber) {
    if (key.type == KeyType::kChoice)
      throw InputError(notAChoiceMessage(key, "the number " + exactNumber(value)));
    throw InputError(key.key + " expects " + typeText(key) + ", not the number " + exactNumber(value));
  }
  if (!std::isfinite(value)) throw InputError(notFiniteMessage(key, exactNumber(value)));
  if (value < key.min || value > key.max) throw InputError(outOfRangeMessage(key, value));
  return value;
}

}  // namespace sagitta::scenario
