// The built-in L4 and L5 are drawn in two pieces, the vertebra and its posterior arch (split
// through the pars): an isthmic slip leaves the arch with the vertebra below while the body
// slides forward, opening the pars defect; a degenerative slip moves the whole vertebra.
#include <string>

#include <gtest/gtest.h>

#include "anatomy/model.h"
#include "scene/presets.h"
#include "scene/session.h"

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
