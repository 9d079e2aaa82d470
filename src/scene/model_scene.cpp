#include "scene/model_scene.h"

#include "anatomy/thoracic_column.h"

namespace sagitta::scene {

ModelMeshes registerModel(const anatomy::Model& model, MeshLibrary& library) {
  ModelMeshes ids;
  for (const anatomy::ModelPart& part : model.parts) {
    ids.part_mesh.push_back(library.add(part.mesh));
    const int level =
        part.segment == anatomy::Segment::kThorax ? anatomy::thoracicColumnLevel(part.name) : -1;
    ids.thoracic_level.push_back(static_cast<std::int8_t>(level));
  }
  return ids;
}

PosedSkeleton poseSkeleton(const anatomy::Skeleton& skeleton, const anatomy::Pose& pose) {
  PosedSkeleton out;
  out.world = anatomy::worldTransforms(skeleton, pose);
  // the column of this body, kept while the body stays the same (a pose per frame, one body)
  thread_local anatomy::BodyParams cached_body;
  thread_local anatomy::ThoracicColumn cached_column = anatomy::thoracicColumn(cached_body);
  if (!(skeleton.params() == cached_body)) {
    cached_body = skeleton.params();
    cached_column = anatomy::thoracicColumn(cached_body);
  }
  out.thoracic_level = anatomy::thoracicLevelWorlds(
      cached_column, out.world[static_cast<std::size_t>(anatomy::Segment::kThorax)], pose.upper_thorax);
  out.upper_thorax = out.thoracic_level[0];
  const auto neutral = anatomy::worldTransforms(skeleton, anatomy::Pose{});
  for (std::size_t i = 0; i < anatomy::kSegmentCount; ++i) {
    out.skin[i] = glm::mat4(out.world[i] * glm::inverse(neutral[i]));
  }
  return out;
}

glm::vec3 partColour(const anatomy::ModelPart& part) {
  switch (part.kind) {
    case anatomy::PartKind::kBone:
      return {0.80f, 0.71f, 0.55f};  // aged ivory
    case anatomy::PartKind::kDisc:
      return {0.55f, 0.62f, 0.72f};  // bluish annulus
    case anatomy::PartKind::kNucleus:
      return {0.85f, 0.62f, 0.62f};  // pinkish gel
    case anatomy::PartKind::kCartilage:
      return {0.70f, 0.78f, 0.86f};  // hyaline blue-white
    case anatomy::PartKind::kBodyOutline:
      return {0.85f, 0.62f, 0.50f};  // skin
  }
  return {0.8f, 0.8f, 0.8f};
}

Material partMaterial(const anatomy::ModelPart& part) {
  switch (part.kind) {
    case anatomy::PartKind::kBone:
      return Material::kBone;
    case anatomy::PartKind::kDisc:
      return Material::kDisc;
    case anatomy::PartKind::kNucleus:
      return Material::kNucleus;
    case anatomy::PartKind::kCartilage:
      return Material::kCartilage;
    case anatomy::PartKind::kBodyOutline:
      return Material::kSkin;
  }
  return Material::kPlain;
}

namespace {

bool visible(const anatomy::ModelPart& part, const LayerOptions& layers) {
  switch (part.kind) {
    case anatomy::PartKind::kBone:
    case anatomy::PartKind::kCartilage:
      return layers.bones;
    case anatomy::PartKind::kDisc:
    case anatomy::PartKind::kNucleus:
      return layers.discs;
    case anatomy::PartKind::kBodyOutline:
      return layers.body_outline;
  }
  return true;
}

void addBounds(const anatomy::Bounds& local, const glm::mat4& transform, anatomy::Bounds& bounds) {
  // transforming the 8 corners of the local box is cheap and conservative
  if (!local.valid) return;
  for (int i = 0; i < 8; ++i) {
    const glm::vec3 c((i & 1) ? local.max.x : local.min.x, (i & 2) ? local.max.y : local.min.y,
                      (i & 4) ? local.max.z : local.min.z);
    bounds.add(glm::vec3(transform * glm::vec4(c, 1.0f)));
  }
}

}  // namespace

void addModel(const anatomy::Model& model, const ModelMeshes& meshes, const MeshLibrary& library,
              const PosedSkeleton& posed, const LayerOptions& layers, DrawList& list) {
  int skin_index = -1;
  for (std::size_t i = 0; i < model.parts.size(); ++i) {
    const anatomy::ModelPart& part = model.parts[i];
    if (!visible(part, layers)) continue;
    DrawItem item;
    item.mesh = meshes.part_mesh.at(i);
    item.part = static_cast<int>(i);
    item.material = partMaterial(part);
    item.colour = partColour(part);
    if (part.mesh.skinned()) {
      if (skin_index < 0) {
        list.skins.push_back(posed.skin);
        skin_index = static_cast<int>(list.skins.size() - 1);
      }
      item.skin = skin_index;
    } else {
      const int level = i < meshes.thoracic_level.size() ? meshes.thoracic_level[i] : -1;
      item.model = glm::mat4(level >= 0 ? posed.thoracic_level[static_cast<std::size_t>(level)]
                                        : posed.world[static_cast<std::size_t>(part.segment)]);
    }
    if (part.kind == anatomy::PartKind::kBodyOutline) {
      item.opacity = layers.body_outline_opacity;
      item.flags = kTwoSided;  // a translucent shell casts no shadow
    } else {
      // bounds of skinned parts: the bind pose moved by their first segment is close enough
      const glm::mat4 t = part.mesh.skinned() ? glm::mat4(1.0f) : item.model;
      addBounds(library.bounds(item.mesh), t, list.bounds);
    }
    list.items.push_back(item);
  }
}

}  // namespace sagitta::scene
