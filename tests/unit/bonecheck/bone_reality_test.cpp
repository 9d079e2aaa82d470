// Each generated bone of the shipped bodies against the real bones of
// ../shared/reference/meshes, by that folder's method (tools/bone_compare.h). The limits are
// where the shapes are today, to be tightened as they improve toward issue 14's targets (os coxae
// mean <= 3.0 mm, sacrum <= 2.5 mm, L1-L5 <= 1.5 mm, p95 <= 2.5 x mean); a bone that drifts away
// from reality fails. Skipped, saying why, when the reference meshes are absent.
#include <cstdio>
#include <map>

#include <gtest/gtest.h>

#include "anatomy/asset_writer.h"
#include "bone_validation.h"

namespace sagitta::bonecheck {
namespace {

struct Limits {
  double mean_mm, p95_over_mean, min_size, max_size;
};
// today's figures for the shipped man and woman (README "Validation against real bones"). The
// sacrum is measured with its coccyx, as the reference carries one (tools/bone_validation.cpp):
// 2.78 mm, p95 2.8-3.0 x the mean, size 0.88-0.91 (cut at the apex it measured 3.0 mm, size
// 0.83-0.86, the reference's coccyx standing beyond it); what is left far off is local (the S1
// superior articular processes, the S1 body's posterior wall). L1-L5 were 1.8-2.2 mm until their
// bodies took their measured height (24.5 -> 30 mm, Junno 2009), 1.6-1.9 mm until their transverse
// processes stopped drooping (L5's became stout), their spinous processes shorter hatchets and their
// mammillary processes tubercles: 1.49-1.72 mm, p95 2.3-2.6 x the mean (L3 2.53, L5 2.56: pedicles
// 2.5-3 mm off keep the p95 up while the mean fell)
const std::map<std::string, Limits> kLimits = {
    {"os_coxae", {4.6, 2.5, 0.95, 1.06}}, {"sacrum", {2.9, 3.1, 0.86, 1.10}}, {"l1", {1.85, 2.5, 0.80, 1.10}},
    {"l2", {1.85, 2.5, 0.80, 1.10}},      {"l3", {1.85, 2.6, 0.80, 1.10}},    {"l4", {1.85, 2.5, 0.80, 1.10}},
    {"l5", {1.85, 2.6, 0.80, 1.10}},
};

const std::vector<NamedSurface>* references() {
  static const std::optional<std::filesystem::path> dir = findReferenceMeshes(SAGITTA_SOURCE_DIR);
  static const std::vector<NamedSurface> refs = [] {
    std::vector<NamedSurface> all = dir ? loadReferences(*dir) : std::vector<NamedSurface>{};
    // one os coxae is enough here (the two halves of the symmetrised pelvis agree within 0.05 mm)
    std::erase_if(all, [](const NamedSurface& r) { return r.name.find("(-Y half)") != std::string::npos; });
    return all;
  }();
  return dir ? &refs : nullptr;
}

class RealBones : public ::testing::TestWithParam<std::string> {};

TEST_P(RealBones, EveryBoneStaysCloseToTheRealOneAtItsSize) {
  const std::vector<NamedSurface>* refs = references();
  if (!refs)
    GTEST_SKIP() << "no reference meshes: ../shared/reference/meshes beside the source tree (or "
                    "$SAGITTA_REFERENCE_MESHES) is absent";
  anatomy::BodyParams body;
  for (const anatomy::ShippedModel& m : anatomy::shippedModels())
    if (m.name == GetParam()) body = m.body;
  const std::vector<Row> rows = validate(GetParam(), generatedBones(body), *refs);
  ASSERT_EQ(rows.size(), kLimits.size());
  for (const Row& r : rows) {
    const Limits& lim = kLimits.at(r.bone);
    SCOPED_TRACE(r.bone + " vs " + r.reference);
    std::printf("%s %s: size %.3f, mean %.2f mm, p95 %.2f mm\n", GetParam().c_str(), r.bone.c_str(),
                r.result.size_ratio, r.result.mean_mm, r.result.p95_mm);
    EXPECT_LE(r.result.mean_mm, lim.mean_mm);
    EXPECT_LE(r.result.p95_mm, lim.p95_over_mean * r.result.mean_mm);
    EXPECT_GE(r.result.size_ratio, lim.min_size);
    EXPECT_LE(r.result.size_ratio, lim.max_size);
  }
}

INSTANTIATE_TEST_SUITE_P(ShippedBodies, RealBones, ::testing::Values("default", "female"));

}  // namespace
}  // namespace sagitta::bonecheck
