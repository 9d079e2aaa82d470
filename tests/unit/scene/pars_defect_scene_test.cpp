// The built-in L4 and L5 are drawn in two pieces, the vertebra and its posterior arch (split
// through the pars): an isthmic slip leaves the arch with the vertebra below while the body
// slides forward, opening the pars defect; a degenerative slip moves the whole vertebra.
#include <cmath>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "anatomy/model.h"
#include "scene/presets.h"
#include "scene/session.h"
#include "scene/slip_bones.h"

using namespace sagitta;

namespace {

scene::Session& session() {
  static scene::Session s(anatomy::loadBuiltinModel(anatomy::Lod::kLow));
  return s;
}

scene::FrameContent frameOf(const scene::Document& document) {
  session().show(document);
  session().settle();
  return session().frame(session().cameraFor(session().shown().view, 1.5f));
}

glm::mat4 drawnWith(const scene::FrameContent& frame, const std::string& part) {
  const auto& parts = session().model().parts;
  for (const scene::DrawItem& item : frame.list.items) {
    if (item.part >= 0 && parts[static_cast<std::size_t>(item.part)].name == part) return item.model;
  }
  ADD_FAILURE() << "nothing draws " << part;
  return glm::mat4(1.0f);
}

// where the back of the canal (on the arch) is drawn by a part's transform, world
glm::vec3 canalBack(const scene::FrameContent& frame, const std::string& part, const std::string& vertebra) {
  const glm::vec3 p(session().model().skeleton.landmark(vertebra + "_canal_posterior").position);
  return glm::vec3(drawnWith(frame, part) * glm::vec4(p, 1.0f));
}

scene::Document slip(biomech::SlipLevel level, biomech::SlipType type, double percent) {
  scene::Document d = scene::findPreset("isthmic-l5s1-grade-2")->document;
  d.scenario.inputs.slip = {level, type, percent};
  return d;
}

}  // namespace

TEST(ParsDefectScene, AnIsthmicSlipLeavesTheArchBehind) {
  const scene::FrameContent f = frameOf(scene::findPreset("isthmic-l5s1-grade-2")->document);
  // the body slid forward (anterior, +X) away from its arch by a Meyerding grade 2 (25-50 % of
  // the ~45 mm S1 endplate), along the sloping endplate
  const glm::vec3 shift = canalBack(f, "l5", "l5") - canalBack(f, "l5_arch", "l5");
  EXPECT_GT(shift.x, 0.006f);
  EXPECT_GT(glm::length(shift), 0.009f);
  EXPECT_LT(glm::length(shift), 0.030f);
  // L4 is intact: both its pieces move as one
  EXPECT_EQ(drawnWith(f, "l4"), drawnWith(f, "l4_arch"));
}

TEST(ParsDefectScene, AnIsthmicL4SlipLeavesTheL4ArchBehind) {
  const scene::FrameContent f = frameOf(slip(biomech::SlipLevel::kL4L5, biomech::SlipType::kIsthmic, 30.0));
  const glm::vec3 shift = canalBack(f, "l4", "l4") - canalBack(f, "l4_arch", "l4");
  EXPECT_GT(shift.x, 0.004f);
  EXPECT_EQ(drawnWith(f, "l5"), drawnWith(f, "l5_arch"));
}

TEST(ParsDefectScene, ADegenerativeSlipMovesTheWholeVertebra) {
  for (const biomech::SlipLevel level : {biomech::SlipLevel::kL4L5, biomech::SlipLevel::kL5S1}) {
    const scene::FrameContent f = frameOf(slip(level, biomech::SlipType::kDegenerative, 30.0));
    EXPECT_EQ(drawnWith(f, "l4"), drawnWith(f, "l4_arch"));
    EXPECT_EQ(drawnWith(f, "l5"), drawnWith(f, "l5_arch"));
  }
}

// A high-grade dysplastic slip is drawn with a trapezoidal L5 and a domed sacrum (issue 13): the
// frame draws L5, the sacrum and the discs between them with reshaped meshes, closed and finite;
// a neutral spine draws the model's own meshes.
TEST(ParsDefectScene, AHighGradeDysplasticSlipDrawsATrapezoidalL5OnADomedSacrum) {
  const auto& model = session().model();
  const scene::FrameContent f = frameOf(scene::findPreset("dysplastic-high-grade-balanced")->document);
  const biomech::SlipResult& slip = session().solution().slip;
  ASSERT_GT(slip.l5_wedge.drop_m, 0.0);
  ASSERT_GT(slip.sacral_dome.drop_m, 0.0);
  const std::vector<scene::ReshapedPart> parts = scene::reshapedSlipParts(model, slip);
  std::set<std::string> names;
  for (const scene::ReshapedPart& r : parts) {
    const anatomy::ModelPart& p = model.parts[static_cast<std::size_t>(r.part)];
    names.insert(p.name);
    ASSERT_EQ(r.mesh.positions.size(), p.mesh.positions.size()) << p.name;
    EXPECT_EQ(r.mesh.indices, p.mesh.indices) << p.name;  // same closed surface, moved
    double moved = 0.0;
    for (std::size_t i = 0; i < r.mesh.positions.size(); ++i) {
      ASSERT_TRUE(std::isfinite(r.mesh.positions[i].x + r.mesh.positions[i].y + r.mesh.positions[i].z));
      moved = std::max(moved, double(glm::length(r.mesh.positions[i] - p.mesh.positions[i])));
    }
    // L5's body and the sacral dome by millimetres; the arch (the wedge fades into the pedicles)
    // and the nuclei (in the middle of their discs) by less
    const bool body = p.name == "l5" || p.name == "sacrum";
    EXPECT_GT(moved, body ? 0.001 : 0.0001) << p.name;
    EXPECT_LT(moved, 0.012) << p.name;
    // the frame draws this part with the reshaped mesh, not the model's
    for (const scene::DrawItem& item : f.list.items) {
      if (item.part == r.part) {
        EXPECT_EQ(session().meshes().mesh(item.mesh).positions.size(), r.mesh.positions.size());
        EXPECT_EQ(session().meshes().mesh(item.mesh).positions[0], r.mesh.positions[0]) << p.name;
      }
    }
  }
  for (const char* n : {"l5", "l5_arch", "sacrum", "disc_l4_l5", "disc_l5_s1"})
    EXPECT_TRUE(names.count(n)) << n;
  // the neutral spine reshapes nothing
  biomech::SlipResult none;
  EXPECT_TRUE(scene::reshapedSlipParts(model, none).empty());
}
