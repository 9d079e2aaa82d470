// L4 and L5 come in two pieces, split through both pars interarticulares, so an isthmic slip can
// leave the posterior arch behind: the pieces exist on one segment, a thin gap apart everywhere
// and close across the pars, the arch holds the laminae, spinous and inferior articular
// processes, and together they are the whole vertebra.
#include <map>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "anatomy/isosurface.h"
#include "anatomy/model.h"
#include "anatomy/part_shapes.h"
#include "mesh_checks.h"

namespace sagitta::anatomy {
namespace {

const Model& model(Lod lod = Lod::kDefault) {
  static const Model full = loadBuiltinModel(Lod::kDefault);
  static const Model low = loadBuiltinModel(Lod::kLow);
  return lod == Lod::kLow ? low : full;
}
const ModelPart& part(const std::string& name, Lod lod = Lod::kDefault) {
  for (const ModelPart& p : model(lod).parts) {
    if (p.name == name) return p;
  }
  throw std::out_of_range("no part " + name);
}
// distance queries in the segment frame (both pieces are in it)
const test::MeshDistance& distances(const std::string& name) {
  static std::map<std::string, std::unique_ptr<test::MeshDistance>> cache;
  auto& d = cache[name];
  if (!d) d = std::make_unique<test::MeshDistance>(part(name).mesh, glm::dmat4(1.0), 0.004);
  return *d;
}
glm::dvec3 mark(const std::string& name) {
  return model().skeleton.landmark(name).position;
}

class ParsDefect : public ::testing::TestWithParam<std::string> {};

TEST_P(ParsDefect, BothPiecesAreBonesOfTheVertebrasSegment) {
  const std::string v = GetParam();
  for (const Lod lod : {Lod::kDefault, Lod::kLow}) {
    const ModelPart& body = part(v, lod);
    const ModelPart& arch = part(v + "_arch", lod);
    EXPECT_EQ(body.kind, PartKind::kBone);
    EXPECT_EQ(arch.kind, PartKind::kBone);
    EXPECT_EQ(body.segment, arch.segment);
    EXPECT_EQ(std::string(segmentName(body.segment)), v);
    // one piece each, with no hole left: the vertebral foramen is open behind the cut
    for (const ModelPart* p : {&body, &arch}) {
      const test::Topology t = test::topologyOf(p->mesh);
      EXPECT_EQ(t.components, 1) << p->name;
      EXPECT_EQ(t.euler, 2) << p->name;
    }
  }
}

TEST_P(ParsDefect, AThinGapSeparatesThePiecesAcrossBothPars) {
  const std::string v = GetParam();
  const test::MeshDistance& body = distances(v);
  const test::MeshDistance& arch = distances(v + "_arch");
  // no vertex of one piece touches or enters the other
  double closest = 1.0;
  for (const auto& [mine, other] : {std::pair{&body, &arch}, std::pair{&arch, &body}}) {
    for (const glm::dvec3& p : mine->positions()) {
      const double d = other->distance(p, 0.002);
      closest = std::min(closest, d);
      if (d < 0.002) {
        ASSERT_LT(other->winding(p), 0.5) << "a vertex inside the other piece";
      }
    }
  }
  EXPECT_GT(closest, 0.0002);
  // ... while at each pars (the defect runs from the inferior vertebral notch, next to the
  // `pars` landmark on the pars's lateral face, up along the back of the pedicle) the two face
  // each other about one gap apart
  for (const char* side : {"_l", "_r"}) {
    SCOPED_TRACE(side);
    const glm::dvec3 pars = mark(v + "_pars" + side);
    EXPECT_LT(arch.distance(pars, 0.02), 0.0015);
    EXPECT_LT(body.distance(pars, 0.02), 0.006);
    double across = 1.0;
    for (const glm::dvec3& p : arch.positions()) {
      if (glm::distance(p, pars) < 0.006) across = std::min(across, body.distance(p, 0.01));
    }
    EXPECT_GT(across, 0.0002);
    EXPECT_LT(across, 0.0015);
    EXPECT_LT(across, 1.5 * kParsGap);
  }
}

TEST_P(ParsDefect, TheLowDetailPiecesDoNotOverlapEither) {
  // coarser triangles (4x the chord error) eat into the gap but never close it
  const std::string v = GetParam();
  const test::MeshDistance body(part(v, Lod::kLow).mesh, glm::dmat4(1.0), 0.004);
  const test::MeshDistance arch(part(v + "_arch", Lod::kLow).mesh, glm::dmat4(1.0), 0.004);
  for (const auto& [mine, other] : {std::pair{&body, &arch}, std::pair{&arch, &body}}) {
    for (const glm::dvec3& p : mine->positions()) {
      const double d = other->distance(p, 0.002);
      ASSERT_GT(d, 0.00005);
      if (d < 0.002) {
        ASSERT_LT(other->winding(p), 0.5) << "a vertex inside the other piece";
      }
    }
  }
}

TEST_P(ParsDefect, TheArchHoldsTheProcessesBehindThePars) {
  const std::string v = GetParam();
  const test::MeshDistance& body = distances(v);
  const test::MeshDistance& arch = distances(v + "_arch");
  // behind the cut: spinous process, inferior articular facets, the lamina at the midline
  for (const std::string& name : {v + "_spinous_tip", v + "_inferior_articular_l",
                                  v + "_inferior_articular_r", "multifidus_insertion_" + v + "_r"}) {
    SCOPED_TRACE(name);
    EXPECT_LT(arch.distance(mark(name), 0.02), 0.003);
    EXPECT_GT(body.distance(mark(name), 0.03), 0.005);
  }
  // the back of the canal (a designed point in front of the laminae) is the arch's: a slip
  // narrows the canal between it and the body that slides forward
  EXPECT_LT(arch.distance(mark(v + "_canal_posterior"), 0.02), 0.005);
  EXPECT_GT(body.distance(mark(v + "_canal_posterior"), 0.03), 0.01);
  // in front of it: the endplate corners, pedicles, superior articular and transverse processes
  for (const std::string& name :
       {v + "_superior_endplate_anterior", v + "_superior_endplate_posterior",
        v + "_inferior_endplate_anterior", v + "_inferior_endplate_posterior", v + "_pedicle_inferior_r",
        v + "_superior_articular_r", v + "_transverse_tip_l"}) {
    SCOPED_TRACE(name);
    EXPECT_LT(body.distance(mark(name), 0.02), 0.003);
    EXPECT_GT(arch.distance(mark(name), 0.03), 0.005);
  }
  // the spinous process tip is the arch's most posterior point
  double back = 0.0;
  for (const glm::dvec3& p : arch.positions()) back = std::min(back, p.x);
  EXPECT_NEAR(back, mark(v + "_spinous_tip").x, 0.004);
}

TEST_P(ParsDefect, TogetherThePiecesAreTheWholeVertebra) {
  const std::string v = GetParam();
  // the uncut vertebra, straight from its field (not carved back from its neighbours, which
  // takes ~1% off at the facet and spinous contacts)
  double whole = 0.0;
  for (const PartShape& s : vertebraShapes(layoutBody(model().skeleton.params()))) {
    if (s.name != v) continue;
    const TriMesh t = polygonise(*s.field, s.field->bounds(), 0.0007);
    for (const glm::uvec3& f : t.triangles) {
      whole += glm::dot(t.positions[f.x], glm::cross(t.positions[f.y], t.positions[f.z])) / 6.0;
    }
  }
  ASSERT_GT(whole, 3e-5);  // ~50 cm3
  const double pieces = test::signedVolume(part(v).mesh) + test::signedVolume(part(v + "_arch").mesh);
  EXPECT_NEAR(pieces / whole, 1.0, 0.03);
  // the arch is a real part of it (laminae, spinous and inferior articular processes)
  EXPECT_GT(test::signedVolume(part(v + "_arch").mesh) / whole, 0.1);
  EXPECT_LT(test::signedVolume(part(v + "_arch").mesh) / whole, 0.35);
}

INSTANTIATE_TEST_SUITE_P(SlipLevels, ParsDefect, ::testing::Values("l4", "l5"));

TEST(ParsDefectShapes, OnlyTheSlippingVertebraeAreSplit) {
  std::map<std::string, int> names;
  for (const PartShape& s : builtinShapes(layoutBody(BodyParams{}))) ++names[s.name];
  for (const char* v : {"l4", "l5"}) {
    EXPECT_EQ(names[v], 1);
    EXPECT_EQ(names[std::string(v) + "_arch"], 1);
  }
  for (const char* v : {"t12", "l1", "l2", "l3", "sacrum"}) {
    EXPECT_EQ(names[v], 1);
    EXPECT_EQ(names.count(std::string(v) + "_arch"), 0u);
  }
}

}  // namespace
}  // namespace sagitta::anatomy
