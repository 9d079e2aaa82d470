// The comparison method itself: a shape against a moved, scaled or mirrored copy of itself is a
// perfect match at the right size ratio; a different shape is not.
#include "bone_compare.h"

#include <cmath>
#include <sstream>

#include <gtest/gtest.h>

#include "bone_validation.h"

namespace sagitta::bonecheck {
namespace {

// a lumpy, chiral closed surface (a distorted ellipsoid without a mirror plane), mm
Surface lumpy() {
  Surface s;
  const int nu = 64, nv = 32;
  auto at = [](double th, double ph) {
    glm::dvec3 p(std::sin(th) * std::cos(ph), std::sin(th) * std::sin(ph), std::cos(th));
    const double r = 1.0 + 0.3 * p.x + 0.2 * p.y * p.y + 0.15 * p.x * p.z + 0.2 * p.x * p.y +
                     0.25 * p.y * p.z + 0.1 * p.z + 0.12 * std::sin(3.0 * ph);
    return glm::dvec3(40.0, 25.0, 15.0) * p * r;
  };
  s.v.push_back(at(0.0, 0.0));
  for (int j = 1; j < nv; ++j)
    for (int i = 0; i < nu; ++i) s.v.push_back(at(M_PI * j / nv, 2.0 * M_PI * i / nu));
  s.v.push_back(at(M_PI, 0.0));
  auto ring = [&](int j, int i) { return static_cast<std::uint32_t>(1 + (j - 1) * nu + (i % nu)); };
  for (int i = 0; i < nu; ++i) s.f.push_back({0, ring(1, i), ring(1, i + 1)});
  for (int j = 1; j + 1 < nv; ++j)
    for (int i = 0; i < nu; ++i) {
      s.f.push_back({ring(j, i), ring(j + 1, i), ring(j + 1, i + 1)});
      s.f.push_back({ring(j, i), ring(j + 1, i + 1), ring(j, i + 1)});
    }
  const auto last = static_cast<std::uint32_t>(s.v.size() - 1);
  for (int i = 0; i < nu; ++i) s.f.push_back({last, ring(nv - 1, i + 1), ring(nv - 1, i)});
  return s;
}

Surface moved(Surface s, double scale, bool mirror) {
  const glm::dmat3 r =
      glm::dmat3(glm::dvec3(0.36, 0.48, -0.8), glm::dvec3(-0.8, 0.6, 0.0), glm::dvec3(0.48, 0.64, 0.6));
  for (glm::dvec3& p : s.v) {
    if (mirror) p.x = -p.x;
    p = r * (p * scale) + glm::dvec3(12.0, -30.0, 7.0);
  }
  if (mirror)
    for (auto& f : s.f) std::swap(f[1], f[2]);
  return s;
}

CompareOptions quick() {
  CompareOptions o;
  o.samples = 6000;
  return o;
}

TEST(BoneCompare, AMovedAndScaledCopyMatchesAtItsSizeRatio) {
  const Surface a = lumpy();
  const Comparison c = compare(a, moved(a, 1.3, false), quick());
  EXPECT_NEAR(c.size_ratio, 1.0 / 1.3, 0.01);
  EXPECT_LT(c.mean_mm, 0.15);
  EXPECT_LT(c.p95_mm, 0.4);
  EXPECT_FALSE(c.mirrored);
}

TEST(BoneCompare, AMirroredCopyMatchesOnlyThroughTheMirrorImage) {
  const Surface a = lumpy();
  const Comparison with = compare(a, moved(a, 0.8, true), quick());
  EXPECT_TRUE(with.mirrored);
  EXPECT_LT(with.mean_mm, 0.15);
  CompareOptions no_mirror = quick();
  no_mirror.allow_mirror = false;
  EXPECT_GT(compare(a, moved(a, 0.8, true), no_mirror).mean_mm, 0.5);
}

TEST(BoneCompare, ItsEllipsoidIsFarFromALumpyShape) {
  const Surface a = lumpy();
  const Comparison c = compare(a, momentEllipsoid(a), quick());
  EXPECT_NEAR(c.size_ratio, 1.0, 0.03);
  EXPECT_GT(c.mean_mm, 1.0);
}

TEST(BoneCompare, DistanceToTrianglesIsExact) {
  const Surface a = lumpy();
  const TriangleTree tree(a);
  for (const glm::dvec3& v : a.v) EXPECT_NEAR(tree.distance(v), 0.0, 1e-9);
  // points around the shape: the tree's answer is the nearest of all triangles (checked by
  // brute force, through the same point-to-triangle distance on one-triangle trees)
  std::vector<TriangleTree> single;
  for (const auto& f : a.f) single.emplace_back(Surface{{a.v[f[0]], a.v[f[1]], a.v[f[2]]}, {{0, 1, 2}}});
  for (int k = 0; k < 40; ++k) {
    const glm::dvec3 q(std::sin(k * 1.7) * 60.0, std::cos(k * 2.3) * 40.0, std::sin(k * 0.9) * 30.0);
    double brute = 1e300;
    for (const TriangleTree& t : single) brute = std::min(brute, t.distance(q));
    EXPECT_NEAR(tree.distance(q), brute, 1e-9);
  }
}

TEST(BoneCompare, TextSectionsShowWhereEachBoneHasMaterial) {
  // two bars along x, 1 mm cells: the generated one from 0 to 10 mm, the reference from 5 to 15,
  // both at y = 0; the reference also has a point 3 mm up at x = 15, and a point that `keep`
  // rejects (z = 5) above the generated bar's middle
  std::vector<glm::dvec3> gen, ref;
  for (double x = 0.25; x < 10.0; x += 0.5) gen.emplace_back(x, 0.2, 0.0);
  for (double x = 5.25; x < 15.0; x += 0.5) ref.emplace_back(x, 0.2, 0.0);
  ref.emplace_back(14.6, 3.2, 0.0);
  gen.emplace_back(5.0, 2.2, 5.0);
  const std::string text = textSection(
      gen, ref, 1.0, [](const glm::dvec3& p) { return p.z == 0.0; },
      [](const glm::dvec3& p) { return glm::dvec2(p.x, p.y); });
  std::istringstream in(text);
  std::string head, top, bottom, more;
  std::getline(in, head);
  std::getline(in, top);
  std::getline(in, bottom);
  EXPECT_FALSE(std::getline(in, more)) << text;  // the empty rows between them are left out
  EXPECT_NE(head.find("1.0 mm cells"), std::string::npos) << head;
  EXPECT_EQ(top, "..............r") << text;     // the lone reference point, top right
  EXPECT_EQ(bottom, "ggggg#####rrrrr") << text;  // generated only, both, reference only
  EXPECT_EQ(textSection(
                gen, ref, 1.0, [](const glm::dvec3&) { return false; },
                [](const glm::dvec3& p) { return glm::dvec2(p.x, p.y); }),
            "(nothing there)\n");
}

}  // namespace
}  // namespace sagitta::bonecheck
