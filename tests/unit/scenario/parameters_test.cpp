// The parameter registry: every key of the issue exists with its type, range and description;
// setting and getting work from text and numbers; bad input is refused naming the key.
#include "scenario/parameters.h"

#include <cmath>
#include <limits>
#include <set>

#include <gtest/gtest.h>

#include "core/error.h"
#include "core/log.h"

namespace sagitta::scenario {
namespace {

using biomech::ModelInputs;
using biomech::MuscleId;
using biomech::Side;

std::string errorOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(Parameters, EveryKeyOfTheIssueIsRegisteredWithTypeRangeUnitAndDescription) {
  const std::vector<std::string> required = {"pose",
                                             "pose_side",
                                             "muscles.hip_flexors.tightness",
                                             "muscles.hip_flexors.tone",
                                             "muscles.hip_extensors.tightness",
                                             "muscles.abdominals.tone",
                                             "muscles.back_extensors.tightness",
                                             "muscles.psoas.right.tightness",
                                             "muscles.psoas.tightness",
                                             "muscles.biceps_femoris.left.tone",
                                             "muscles.multifidus.tone",
                                             "slip.level",
                                             "slip.type",
                                             "slip.percent",
                                             "patient.pelvic_incidence_deg",
                                             "patient.pelvic_tilt_deg",
                                             "patient.sacral_slope_deg",
                                             "patient.lumbar_lordosis_deg",
                                             "patient.slip_percent",
                                             "body.stature_m",
                                             "body.mass_kg"};
  for (const std::string& key : required) {
    const ParamInfo* p = findParameter(key);
    ASSERT_NE(p, nullptr) << key;
    EXPECT_FALSE(p->description.empty()) << key;
    if (p->type == ParamType::kNumber) {
      EXPECT_LT(p->min, p->max) << key;
    } else {
      EXPECT_GE(p->choices.size(), 2u) << key;
    }
  }
  // 4 groups + 15 muscles both sides + 15 x 2 sides, two fields each, and the rest
  std::set<std::string> keys;
  for (const ParamInfo& p : parameters()) EXPECT_TRUE(keys.insert(p.key).second) << "duplicate " << p.key;
  EXPECT_EQ(keys.size(), 2u + 2u * (4u + 15u + 30u) + 3u + 5u + 3u);
}

TEST(Parameters, GroupKeysSetEveryMemberOnBothSides) {
  ModelInputs in;
  setNumber(in, "muscles.hip_flexors.tightness", 0.7);
  for (MuscleId m : {MuscleId::kPsoas, MuscleId::kIliacus, MuscleId::kRectusFemoris, MuscleId::kSartorius,
                     MuscleId::kTfl}) {
    for (Side s : biomech::kSides) EXPECT_EQ(in.muscle(m, s).tightness, 0.7);
  }
  EXPECT_EQ(in.muscle(MuscleId::kGluteusMaximus, Side::kLeft).tightness, 0.0);
  EXPECT_EQ(getNumber(in, "muscles.hip_flexors.tightness"), 0.7);
  setNumber(in, "muscles.psoas.right.tightness", 0.4);  // specific after general
  EXPECT_EQ(in.muscle(MuscleId::kPsoas, Side::kRight).tightness, 0.4);
  EXPECT_EQ(in.muscle(MuscleId::kPsoas, Side::kLeft).tightness, 0.7);
  EXPECT_DOUBLE_EQ(*getNumber(in, "muscles.psoas.tightness"), 0.55);  // the mean of the sides
  setNumber(in, "muscles.psoas.tone", 0.9);
  EXPECT_EQ(in.muscle(MuscleId::kPsoas, Side::kLeft).tone, 0.9);
  EXPECT_EQ(in.muscle(MuscleId::kPsoas, Side::kRight).tone, 0.9);
}

// Issue 12: "strength" was renamed tone; a --set with the old name still works and says so.
TEST(Parameters, TheOldStrengthNameIsReadAsTone) {
  EXPECT_EQ(renamedKey("muscles.psoas.left.strength"), "muscles.psoas.left.tone");
  EXPECT_EQ(renamedKey("muscles.hip_flexors.strength"), "muscles.hip_flexors.tone");
  EXPECT_FALSE(renamedKey("muscles.psoas.tone").has_value());
  EXPECT_FALSE(renamedKey("muscles.nobody.strength").has_value());
  EXPECT_EQ(findParameter("muscles.psoas.strength"), nullptr) << "the registry lists only the new name";
  std::vector<std::string> warnings;
  log::setSink([&](log::Level level, std::string_view m) {
    if (level == log::Level::kWarning) warnings.emplace_back(m);
  });
  ModelInputs in;
  applyAssignment(in, "muscles.psoas.strength=0.9");
  log::setSink(nullptr);
  EXPECT_EQ(in.muscle(MuscleId::kPsoas, Side::kLeft).tone, 0.9);
  EXPECT_EQ(in.muscle(MuscleId::kPsoas, Side::kRight).tone, 0.9);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("--set: muscle \"strength\" is now called \"tone\""), std::string::npos)
      << warnings[0];
}

TEST(Parameters, TextValuesAreParsedStrictly) {
  ModelInputs in;
  setFromText(in, "slip.percent", " 37.5 ");
  EXPECT_EQ(in.slip.percent, 37.5);
  setFromText(in, "slip.percent", "+40");
  EXPECT_EQ(in.slip.percent, 40.0);
  setFromText(in, "slip.level", "l4-l5");
  EXPECT_EQ(in.slip.level, biomech::SlipLevel::kL4L5);
  EXPECT_EQ(getText(in, "slip.level"), "L4-L5");
  setFromText(in, "pose", "thomas");
  EXPECT_EQ(in.pose, biomech::PoseKind::kThomas);
  applyAssignment(in, "patient.pelvic_incidence_deg=65");
  EXPECT_EQ(in.patient.pelvic_incidence_deg, 65.0);
  EXPECT_EQ(getText(in, "patient.pelvic_tilt_deg"), "");  // unset
  unset(in, "patient.pelvic_incidence_deg");
  EXPECT_FALSE(in.patient.pelvic_incidence_deg.has_value());
  applyAssignment(in, "muscles.hip_flexors.tightness = 0.3");
  EXPECT_EQ(getText(in, "muscles.hip_flexors.tightness"), "0.3");
  EXPECT_EQ(getText(in, "body.sex"), "male");
  applyAssignment(in, "body.sex=female");
  EXPECT_EQ(in.body.sex, sagitta::anatomy::Sex::kFemale);
  EXPECT_EQ(getText(in, "body.sex"), "female");
}

TEST(Parameters, BadInputIsRefusedInOneSentenceNamingTheKey) {
  ModelInputs in;
  const std::string unknown = errorOf([&] { setFromText(in, "muscles.psoas.rigth.tightness", "0.4"); });
  EXPECT_NE(unknown.find("\"muscles.psoas.rigth.tightness\""), std::string::npos) << unknown;
  EXPECT_NE(unknown.find("did you mean \"muscles.psoas.right.tightness\""), std::string::npos) << unknown;
  EXPECT_EQ(errorOf([&] { setFromText(in, "completely.different", "1"); }).find("did you mean"),
            std::string::npos);

  const std::string range = errorOf([&] { setNumber(in, "muscles.hip_flexors.tightness", 1.5); });
  EXPECT_NE(range.find("muscles.hip_flexors.tightness = 1.5 is out of range (0 to 1)"), std::string::npos)
      << range;
  EXPECT_NE(errorOf([&] { setFromText(in, "slip.percent", "151"); }).find("out of range"), std::string::npos);
  EXPECT_NE(errorOf([&] { setFromText(in, "slip.percent", "-1"); }).find("slip.percent"), std::string::npos);
  for (const char* bad : {"nan", "NaN", "inf", "-inf", "1e999"}) {
    const std::string e = errorOf([&] { setFromText(in, "slip.percent", bad); });
    EXPECT_NE(e.find("not a finite number"), std::string::npos) << bad << ": " << e;
  }
  EXPECT_NE(errorOf([&] {
              setNumber(in, "slip.percent", std::numeric_limits<double>::quiet_NaN());
            }).find("not a finite number"),
            std::string::npos);
  const std::string type = errorOf([&] { setFromText(in, "slip.percent", "abc"); });
  EXPECT_NE(type.find("slip.percent expects a number, not \"abc\""), std::string::npos) << type;
  EXPECT_NE(errorOf([&] { setFromText(in, "slip.percent", "12abc"); }).find("expects a number"),
            std::string::npos);
  const std::string choice = errorOf([&] { setFromText(in, "slip.level", "L3-L4"); });
  EXPECT_NE(choice.find("slip.level expects one of L4-L5, L5-S1, not \"L3-L4\""), std::string::npos)
      << choice;
  EXPECT_NE(errorOf([&] { setNumber(in, "pose", 1.0); }).find("pose expects one of"), std::string::npos);
  const std::string sex = errorOf([&] { setFromText(in, "body.sex", "Female"); });
  EXPECT_NE(sex.find("body.sex expects one of male, female, not \"Female\""), std::string::npos) << sex;
  EXPECT_NE(errorOf([&] { applyAssignment(in, "slip.percent"); }).find("KEY=VALUE"), std::string::npos);
  EXPECT_NE(errorOf([&] { unset(in, "slip.percent"); }).find("cannot be unset"), std::string::npos);
  // refused values leave the inputs as they were
  EXPECT_EQ(in, ModelInputs{});
}

}  // namespace
}  // namespace sagitta::scenario
