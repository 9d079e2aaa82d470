#include "scene/draw_list.h"

#include <glm/gtc/matrix_transform.hpp>
#include <gtest/gtest.h>

#include "scene/model_scene.h"

using namespace sagitta;

namespace {

anatomy::MeshData triangle() {
  anatomy::MeshData m;
  m.positions = {{0, 0, 0}, {0.1f, 0, 0}, {0, 0.1f, 0}};
  m.normals.assign(3, {0, 0, 1});
  m.indices = {0, 1, 2};
  return m;
}

anatomy::Model twoPartModel() {
  anatomy::Model model;
  anatomy::ModelPart bone{"femur_r", anatomy::PartKind::kBone, anatomy::Segment::kFemurRight, triangle()};
  anatomy::ModelPart skin{"body_outline", anatomy::PartKind::kBodyOutline, anatomy::Segment::kPelvis,
                          triangle()};
  skin.mesh.skin_segments.assign(3, glm::u8vec4(0));
  skin.mesh.skin_weights.assign(3, glm::vec4(1, 0, 0, 0));
  model.parts = {bone, skin};
  return model;
}

}  // namespace

TEST(MeshLibrary, ReplacingAMeshChangesItsVersion) {
  scene::MeshLibrary lib;
  const scene::MeshId id = lib.add(triangle());
  const auto v = lib.version(id);
  lib.replace(id, triangle());
  EXPECT_NE(lib.version(id), v);
}

TEST(ModelScene, RigidPartsFollowTheirSegmentAndSkinnedPartsGetSkinMatrices) {
  const anatomy::Model model = twoPartModel();
  scene::MeshLibrary lib;
  const scene::ModelMeshes ids = scene::registerModel(model, lib);
  anatomy::Pose pose;
  pose.root = glm::translate(glm::dmat4(1.0), glm::dvec3(0.0, 0.5, 0.0));
  const scene::PosedSkeleton posed = scene::poseSkeleton(model.skeleton, pose);
  scene::DrawList list;
  scene::addModel(model, ids, lib, posed, scene::LayerOptions{}, list);
  ASSERT_EQ(list.items.size(), 2u);
  EXPECT_NEAR(list.items[0].model[3].y, 0.5f, 1e-6f);
  EXPECT_EQ(list.items[1].skin, 0);
  ASSERT_EQ(list.skins.size(), 1u);
  EXPECT_NEAR(list.skins[0][0][3].y, 0.5f, 1e-6f) << "skin matrix = posed * inverse(neutral)";
  EXPECT_LT(list.items[1].opacity, 1.0f) << "the body outline is translucent";
  EXPECT_EQ(list.items[1].flags & scene::kCastsShadow, 0u);
  EXPECT_TRUE(list.bounds.valid);
  EXPECT_NEAR(list.bounds.min.y, 0.5f, 1e-6f) << "bounds come from the posed bone, not the outline";
}

TEST(ModelScene, LayersHideParts) {
  const anatomy::Model model = twoPartModel();
  scene::MeshLibrary lib;
  const scene::ModelMeshes ids = scene::registerModel(model, lib);
  const scene::PosedSkeleton posed = scene::poseSkeleton(model.skeleton, anatomy::Pose{});
  scene::LayerOptions layers;
  layers.body_outline = false;
  scene::DrawList list;
  scene::addModel(model, ids, lib, posed, layers, list);
  ASSERT_EQ(list.items.size(), 1u);
  EXPECT_EQ(list.items[0].material, scene::Material::kBone);
}
