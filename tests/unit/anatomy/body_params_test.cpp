// Bad body parameters are rejected with a message that names the field.
#include <cmath>
#include <limits>
#include <string>

#include <gtest/gtest.h>

#include "anatomy/dimensions.h"
#include "anatomy/skeleton.h"
#include "core/error.h"

namespace sagitta::anatomy {
namespace {

std::string errorOf(const BodyParams& p) {
  try {
    (void)buildSkeleton(p);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(BodyParams, DefaultsAreValid) {
  EXPECT_NO_THROW(BodyParams{}.validate());
}

TEST(BodyParams, OutOfRangeValuesNameTheirField) {
  BodyParams p;
  p.stature_m = 3.5;
  EXPECT_NE(errorOf(p).find("stature_m"), std::string::npos);
  p = {};
  p.stature_m = std::numeric_limits<double>::quiet_NaN();
  EXPECT_NE(errorOf(p).find("stature_m"), std::string::npos);
  p = {};
  p.stature_m = 0.0;
  EXPECT_NE(errorOf(p).find("stature_m"), std::string::npos);
  p = {};
  p.mass_kg = -70.0;
  EXPECT_NE(errorOf(p).find("mass_kg"), std::string::npos);
  p = {};
  p.mass_kg = std::numeric_limits<double>::infinity();
  EXPECT_NE(errorOf(p).find("mass_kg"), std::string::npos);
  p = {};
  p.age_years = 9.0;  // the regressions describe adults
  EXPECT_NE(errorOf(p).find("age_years"), std::string::npos);
  p = {};
  p.sex = static_cast<Sex>(7);
  EXPECT_NE(errorOf(p).find("sex"), std::string::npos);
}

TEST(BodyParams, ComputeDimensionsValidatesToo) {
  BodyParams p;
  p.age_years = 150.0;
  EXPECT_THROW((void)computeDimensions(p), InputError);
}

}  // namespace
}  // namespace sagitta::anatomy
