#include "scenario/parameters.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <sstream>
#include <unordered_map>

#include "biomech/muscle_table.h"
#include "core/error.h"
#include "core/log.h"

namespace sagitta::scenario {
namespace {

using biomech::ModelInputs;
using biomech::MuscleGroup;
using biomech::MuscleId;
using biomech::Side;

enum class Kind {
  kPose,
  kPoseSide,
  kGroup,
  kMuscleBoth,
  kMuscleSide,
  kSlipLevel,
  kSlipType,
  kSlipPercent,
  kPatient,
  kStature,
  kMass,
  kSex
};
enum Field { kTightness = 0, kTone = 1 };

struct Entry {
  ParamInfo info;
  Kind kind = Kind::kPose;
  int index = 0;  // group, muscle, patient measure
  Side side = Side::kRight;
  Field field = kTightness;
};

// A choice key's spellings: its enum table's names.
template <typename E, std::size_t N>
std::vector<std::string> choiceNames(const EnumTable<E, N>& table) {
  std::vector<std::string> out;
  for (const EnumInfo<E>& e : table) out.emplace_back(e.name);
  return out;
}

std::string fieldText(Field f) {
  return f == kTightness ? "tightness" : "tone";
}

std::string tightnessText() {
  return "0 = normal resting length, 1 = severe: the resting musculotendon length is " +
         std::string(
             "shortened by up to 0.30 optimal fibre lengths (reference.md §4.3; 1 = a severe contracture)");
}
std::string toneText() {
  return "resting activation: 0 = no tone, 1 = a steady 10 % activation; default 0.3 (3 %, a normal low "
         "tone). Not strength: strengthening did not change pelvic tilt in a trial "
         "(Shamsi et al. 2020, J Bodyw Mov Ther 24(3):15)";
}

struct PatientDef {
  const char* key;
  biomech::Range range;
  const char* unit;
  const char* text;
};
const std::array<PatientDef, 5> kPatient = {{
    {"patient.pelvic_incidence_deg", biomech::kPatientPiRange, "deg",
     "A patient's pelvic incidence from a radiograph: the sacrum is morphed (turned about the sacroiliac "
     "joints) "
     "until the model's PI matches"},
    {"patient.pelvic_tilt_deg", biomech::kPatientPtRange, "deg",
     "A patient's pelvic tilt (Legaye PT): the pelvis is posed to it instead of solved"},
    {"patient.sacral_slope_deg", biomech::kPatientSsRange, "deg",
     "A patient's sacral slope: poses the pelvis when no PT is given; with PT and PI it must agree (PI = PT "
     "+ SS "
     "within 2 deg)"},
    {"patient.lumbar_lordosis_deg", biomech::kPatientLlRange, "deg",
     "A patient's lumbar lordosis (Cobb L1-S1): the lumbar spine is posed to it and the trunk leans as it "
     "must"},
    {"patient.slip_percent", biomech::kSlipPercentRange, "%",
     "A patient's measured slip (Meyerding %); replaces slip.percent"},
}};

std::vector<Entry> buildEntries() {
  std::vector<Entry> out;
  auto add = [&](Entry e) { out.push_back(std::move(e)); };
  {
    Entry e;
    e.info = {
        "pose",
        ParamType::kChoice,
        0,
        0,
        choiceNames(biomech::kPoses),
        "",
        "Posture to solve: standing; supine modified Thomas test; half-kneeling hip-flexor stretch (lunge); "
        "sitting",
        false};
    e.kind = Kind::kPose;
    add(e);
    e.info = {"pose_side",
              ParamType::kChoice,
              0,
              0,
              choiceNames(biomech::kSideNames),
              "",
              "Thomas test: the tested leg (hanging off the couch); lunge: the back (kneeling) leg",
              false};
    e.kind = Kind::kPoseSide;
    add(e);
  }
  for (std::size_t g = 0; g < biomech::kGroupCount; ++g) {
    const auto group = static_cast<MuscleGroup>(g);
    std::string members;
    for (std::size_t m = 0; m < biomech::kMuscleCount; ++m) {
      if (biomech::groupOf(static_cast<MuscleId>(m)) != group) continue;
      if (!members.empty()) members += ", ";
      members += biomech::muscleKey(static_cast<MuscleId>(m));
    }
    for (Field f : {kTightness, kTone}) {
      Entry e;
      e.info = {"muscles." + std::string(biomech::groupKey(group)) + "." + fieldText(f),
                ParamType::kNumber,
                0.0,
                1.0,
                {},
                "",
                (f == kTightness ? "Tightness" : "Tone") + std::string(" of every muscle of the group (") +
                    members + "), both sides: " + (f == kTightness ? tightnessText() : toneText()),
                false};
      e.kind = Kind::kGroup;
      e.index = static_cast<int>(g);
      e.field = f;
      add(e);
    }
  }
  for (std::size_t m = 0; m < biomech::kMuscleCount; ++m) {
    const auto id = static_cast<MuscleId>(m);
    const std::string name(biomech::muscleKey(id));
    const std::string display(biomech::muscleDef(id).display_name);
    for (Field f : {kTightness, kTone}) {
      Entry e;
      e.info = {"muscles." + name + "." + fieldText(f),
                ParamType::kNumber,
                0.0,
                1.0,
                {},
                "",
                (f == kTightness ? "Tightness" : "Tone") + std::string(" of ") + display +
                    ", both sides: " + (f == kTightness ? tightnessText() : toneText()),
                false};
      e.kind = Kind::kMuscleBoth;
      e.index = static_cast<int>(m);
      e.field = f;
      add(e);
    }
  }
  for (std::size_t m = 0; m < biomech::kMuscleCount; ++m) {
    const auto id = static_cast<MuscleId>(m);
    const std::string name(biomech::muscleKey(id));
    const std::string display(biomech::muscleDef(id).display_name);
    for (Side s : biomech::kSides) {
      for (Field f : {kTightness, kTone}) {
        Entry e;
        e.info = {"muscles." + name + "." + std::string(biomech::sideName(s)) + "." + fieldText(f),
                  ParamType::kNumber,
                  0.0,
                  1.0,
                  {},
                  "",
                  (f == kTightness ? "Tightness" : "Tone") + std::string(" of the ") +
                      std::string(biomech::sideName(s)) + " " + display + ": " +
                      (f == kTightness ? tightnessText() : toneText()),
                  false};
        e.kind = Kind::kMuscleSide;
        e.index = static_cast<int>(m);
        e.side = s;
        e.field = f;
        add(e);
      }
    }
  }
  {
    Entry e;
    e.info = {"slip.level",
              ParamType::kChoice,
              0,
              0,
              choiceNames(biomech::kSlipLevels),
              "",
              "Level of the spondylolisthesis: the upper vertebra (L4 or L5) slips on the one below",
              false};
    e.kind = Kind::kSlipLevel;
    add(e);
    e.info = {"slip.type",
              ParamType::kChoice,
              0,
              0,
              choiceNames(biomech::kSlipTypes),
              "",
              "isthmic: a pars interarticularis defect, the posterior arch stays behind; degenerative: "
              "intact pars, the whole vertebra slips (capped at the published maximum, about 50 %); "
              "dysplastic: developmental, with a trapezoidal L5, a domed sacrum and a high pelvic "
              "incidence; spondylolysis: a pars defect without any slip",
              false};
    e.kind = Kind::kSlipType;
    add(e);
    e.info = {"slip.percent",
              ParamType::kNumber,
              biomech::kSlipPercentRange.min,
              biomech::kSlipPercentRange.max,
              {},
              "%",
              "Forward slip of the upper vertebra over the lower endplate (Meyerding %; above 100 % is "
              "spondyloptosis): the slip the posed bones measure",
              false};
    e.kind = Kind::kSlipPercent;
    add(e);
  }
  for (std::size_t i = 0; i < kPatient.size(); ++i) {
    Entry e;
    e.info = {kPatient[i].key,
              ParamType::kNumber,
              kPatient[i].range.min,
              kPatient[i].range.max,
              {},
              kPatient[i].unit,
              kPatient[i].text,
              true};
    e.kind = Kind::kPatient;
    e.index = static_cast<int>(i);
    add(e);
  }
  {
    Entry e;
    e.info = {"body.stature_m",
              ParamType::kNumber,
              biomech::kStatureRange.min,
              biomech::kStatureRange.max,
              {},
              "m",
              "Stature the skeleton is built for (adult range of the cited regressions)",
              false};
    e.kind = Kind::kStature;
    add(e);
    e.info = {"body.mass_kg",
              ParamType::kNumber,
              biomech::kMassRange.min,
              biomech::kMassRange.max,
              {},
              "kg",
              "Body mass (segment masses are fractions of it: Dempster via Winter)",
              false};
    e.kind = Kind::kMass;
    add(e);
    e.info = {
        "body.sex",
        ParamType::kChoice,
        0,
        0,
        choiceNames(anatomy::kSexes),
        "",
        "Sex of the skeleton: female has the wider, rounder pelvis and wider subpubic angle "
        "(docs/anatomy.md). "
        "Built-in models ship for the average man (1.75 m) and woman (1.63 m); other statures are generated "
        "once and cached",
        false};
    e.kind = Kind::kSex;
    add(e);
  }
  return out;
}

const std::vector<Entry>& entries() {
  static const std::vector<Entry> kEntries = buildEntries();
  return kEntries;
}

const Entry* findEntry(std::string_view key) {
  static const std::unordered_map<std::string, std::size_t> kIndex = [] {
    std::unordered_map<std::string, std::size_t> idx;
    for (std::size_t i = 0; i < entries().size(); ++i) idx.emplace(entries()[i].info.key, i);
    return idx;
  }();
  const auto it = kIndex.find(std::string(key));
  return it == kIndex.end() ? nullptr : &entries()[it->second];
}

const Entry& requireEntry(std::string_view key) {
  const Entry* e = findEntry(key);
  if (e == nullptr) throw InputError(unknownKeyMessage(key));
  return *e;
}

std::optional<double>& patientField(ModelInputs& in, int index) {
  biomech::PatientMeasures& p = in.patient;
  switch (index) {
    case 0:
      return p.pelvic_incidence_deg;
    case 1:
      return p.pelvic_tilt_deg;
    case 2:
      return p.sacral_slope_deg;
    case 3:
      return p.lumbar_lordosis_deg;
    default:
      return p.slip_percent;
  }
}

double& field(biomech::MuscleSetting& s, Field f) {
  return f == kTightness ? s.tightness : s.tone;
}
double field(const biomech::MuscleSetting& s, Field f) {
  return f == kTightness ? s.tightness : s.tone;
}

std::optional<double> patientValue(const ModelInputs& in, int index) {
  const biomech::PatientMeasures& p = in.patient;
  switch (index) {
    case 0:
      return p.pelvic_incidence_deg;
    case 1:
      return p.pelvic_tilt_deg;
    case 2:
      return p.sacral_slope_deg;
    case 3:
      return p.lumbar_lordosis_deg;
    default:
      return p.slip_percent;
  }
}

std::size_t editDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return "";
  const auto last = s.find_last_not_of(" \t");
  return std::string(s.substr(first, last - first + 1));
}

}  // namespace

const std::vector<ParamInfo>& parameters() {
  static const std::vector<ParamInfo> kInfos = [] {
    std::vector<ParamInfo> v;
    for (const Entry& e : entries()) v.push_back(e.info);
    return v;
  }();
  return kInfos;
}

const ParamInfo* findParameter(std::string_view key) {
  const Entry* e = findEntry(key);
  return e == nullptr ? nullptr : &e->info;
}

std::string nearestKey(std::string_view key) {
  std::string best;
  std::size_t best_distance = std::string::npos;
  for (const Entry& e : entries()) {
    const std::size_t d = editDistance(key, e.info.key);
    if (d < best_distance) {
      best_distance = d;
      best = e.info.key;
    }
  }
  // close enough to be a typo: a few edits, relative to the key's length
  const std::size_t limit = std::max<std::size_t>(3, key.size() / 4);
  return best_distance <= limit ? best : "";
}

std::optional<std::string> renamedKey(std::string_view key) {
  constexpr std::string_view kOld = ".strength";
  if (key.rfind("muscles.", 0) != 0 || key.size() <= kOld.size() ||
      key.substr(key.size() - kOld.size()) != kOld)
    return std::nullopt;
  std::string now = std::string(key.substr(0, key.size() - kOld.size())) + ".tone";
  if (findEntry(now) == nullptr) return std::nullopt;
  return now;
}

std::string KeyMigration::apply(std::string_view key) {
  const std::optional<std::string> now = renamedKey(key);
  if (!now) return std::string(key);
  if (renamed_.empty()) first_ = std::string(key) + " as " + *now;
  renamed_.push_back(std::string(key));
  return *now;
}

std::string KeyMigration::note(std::string_view source) const {
  if (renamed_.empty()) return "";
  std::string more;
  if (renamed_.size() > 1) more = " (and " + std::to_string(renamed_.size() - 1) + " more)";
  return std::string(source) + ": muscle \"strength\" is now called \"tone\" (resting activation): read " +
         first_ + more + "; saving writes tone";
}

void KeyMigration::report(std::string_view source) const {
  if (!renamed_.empty()) log::warning(note(source));
}

std::string unknownKeyMessage(std::string_view key) {
  std::string msg = "unknown parameter key \"" + std::string(key) + "\"";
  const std::string near = nearestKey(key);
  if (!near.empty()) msg += " (did you mean \"" + near + "\"?)";
  return msg;
}

void setNumber(ModelInputs& in, std::string_view key, double value) {
  const Entry& e = requireEntry(key);
  checkedNumber(e.info, value);  // the key table's check: type, finite, range
  switch (e.kind) {
    case Kind::kGroup:
      for (std::size_t m = 0; m < biomech::kMuscleCount; ++m) {
        if (static_cast<int>(biomech::groupOf(static_cast<MuscleId>(m))) != e.index) continue;
        for (Side s : biomech::kSides) field(in.muscle(static_cast<MuscleId>(m), s), e.field) = value;
      }
      break;
    case Kind::kMuscleBoth:
      for (Side s : biomech::kSides) field(in.muscle(static_cast<MuscleId>(e.index), s), e.field) = value;
      break;
    case Kind::kMuscleSide:
      field(in.muscle(static_cast<MuscleId>(e.index), e.side), e.field) = value;
      break;
    case Kind::kSlipPercent:
      in.slip.percent = value;
      break;
    case Kind::kPatient:
      patientField(in, e.index) = value;
      break;
    case Kind::kStature:
      in.body.stature_m = value;
      break;
    case Kind::kMass:
      in.body.mass_kg = value;
      break;
    default:
      break;  // choices handled above
  }
}

void setChoice(ModelInputs& in, std::string_view key, std::string_view value) {
  const Entry& e = requireEntry(key);
  if (e.info.type != ParamType::kChoice) {
    throw InputError(e.info.key + " expects a number, not \"" + std::string(value) + "\"");
  }
  auto refuse = [&]() -> InputError {
    return InputError(notAChoiceMessage(e.info, "\"" + std::string(value) + "\""));
  };
  switch (e.kind) {
    case Kind::kPose: {
      const auto p = biomech::poseFromName(value);
      if (!p) throw refuse();
      in.pose = *p;
      break;
    }
    case Kind::kPoseSide: {
      const auto s = biomech::sideFromName(value);
      if (!s) throw refuse();
      in.pose_side = *s;
      break;
    }
    case Kind::kSlipLevel: {
      const auto l = biomech::slipLevelFromName(value);
      if (!l) throw refuse();
      in.slip.level = *l;
      break;
    }
    case Kind::kSlipType: {
      const auto t = biomech::slipTypeFromName(value);
      if (!t) throw refuse();
      in.slip.type = *t;
      break;
    }
    case Kind::kSex: {
      const auto s = anatomy::sexFromName(value);
      if (!s) throw refuse();
      in.body.sex = *s;
      break;
    }
    default:
      break;
  }
}

void setFromText(ModelInputs& in, std::string_view key, std::string_view text) {
  const Entry& e = requireEntry(key);
  const std::string value = trim(text);
  if (e.info.type == ParamType::kChoice) {
    setChoice(in, key, value);
    return;
  }
  double v = 0.0;
  const char* begin = value.data();
  const char* end = value.data() + value.size();
  if (begin != end && *begin == '+') ++begin;
  const auto [ptr, ec] = std::from_chars(begin, end, v);
  if (value.empty() || ec != std::errc() || ptr != end) {
    if (ec == std::errc::result_out_of_range) {
      throw InputError(notFiniteMessage(e.info, value));
    }
    throw InputError(e.info.key + " expects a number, not \"" + value + "\"");
  }
  setNumber(in, key, v);
}

void unset(ModelInputs& in, std::string_view key) {
  const Entry& e = requireEntry(key);
  if (!e.info.optional) throw InputError(e.info.key + " cannot be unset: it always has a value");
  patientField(in, e.index).reset();
}

std::optional<double> getNumber(const ModelInputs& in, std::string_view key) {
  const Entry& e = requireEntry(key);
  if (e.info.type != ParamType::kNumber) throw InputError(e.info.key + " is not a number key");
  switch (e.kind) {
    case Kind::kGroup:
    case Kind::kMuscleBoth: {
      // the members' common value, or their mean when they have been set apart
      std::vector<double> values;
      for (std::size_t m = 0; m < biomech::kMuscleCount; ++m) {
        const bool member = e.kind == Kind::kGroup
                                ? static_cast<int>(biomech::groupOf(static_cast<MuscleId>(m))) == e.index
                                : static_cast<int>(m) == e.index;
        if (!member) continue;
        for (Side s : biomech::kSides)
          values.push_back(field(in.muscle(static_cast<MuscleId>(m), s), e.field));
      }
      if (std::all_of(values.begin(), values.end(), [&](double v) { return v == values.front(); }))
        return values.front();
      double sum = 0.0;
      for (double v : values) sum += v;
      return sum / static_cast<double>(values.size());
    }
    case Kind::kMuscleSide:
      return field(in.muscle(static_cast<MuscleId>(e.index), e.side), e.field);
    case Kind::kSlipPercent:
      return in.slip.percent;
    case Kind::kPatient:
      return patientValue(in, e.index);
    case Kind::kStature:
      return in.body.stature_m;
    case Kind::kMass:
      return in.body.mass_kg;
    default:
      return std::nullopt;
  }
}

std::string getText(const ModelInputs& in, std::string_view key) {
  const Entry& e = requireEntry(key);
  switch (e.kind) {
    case Kind::kPose:
      return std::string(biomech::poseName(in.pose));
    case Kind::kPoseSide:
      return std::string(biomech::sideName(in.pose_side));
    case Kind::kSlipLevel:
      return std::string(biomech::slipLevelName(in.slip.level));
    case Kind::kSlipType:
      return std::string(biomech::slipTypeName(in.slip.type));
    case Kind::kSex:
      return std::string(anatomy::sexName(in.body.sex));
    default: {
      const std::optional<double> v = getNumber(in, key);
      return v ? exactNumber(*v) : "";
    }
  }
}

void applyAssignment(ModelInputs& in, std::string_view assignment) {
  const auto eq = assignment.find('=');
  if (eq == std::string_view::npos) {
    throw InputError("--set expects KEY=VALUE, not \"" + std::string(assignment) + "\"");
  }
  const std::string key = trim(assignment.substr(0, eq));
  if (key.empty()) throw InputError("--set expects KEY=VALUE, not \"" + std::string(assignment) + "\"");
  KeyMigration migration;
  const std::string now = migration.apply(key);
  migration.report("--set");
  setFromText(in, now, assignment.substr(eq + 1));
}

}  // namespace sagitta::scenario
