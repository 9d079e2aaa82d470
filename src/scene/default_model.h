// The model Sagitta shows when no other is asked for: the built-in procedural anatomy, made for
// the scenario's body (stature, sex, age; docs/anatomy.md "Body parameters and scaling").
#pragma once

#include <filesystem>
#include <functional>

#include "anatomy/model.h"

namespace sagitta::scene {

// Throws IoError / InputError when the assets are missing or broken.
anatomy::Model loadDefaultModel(anatomy::Lod lod = anatomy::Lod::kDefault);

// The built-in model for a body. The average man and woman are shipped (assets/models/default,
// female); any other stature or age is generated once (about 10-30 s on two cores, logged) and
// cached in paths::cacheDir()/models, or kept in memory only when the cache cannot be written.
// Mass changes no mesh: the meshes are reused with the skeleton's segment masses rebuilt.
// Throws InputError for a body outside the adult ranges, IoError for missing assets.
anatomy::Model builtinModelFor(const anatomy::BodyParams& body, anatomy::Lod lod = anatomy::Lod::kDefault);
// Where builtinModelFor caches a generated body (a folder per body).
std::filesystem::path modelCacheFolder(const anatomy::BodyParams& body);

// Makes the model for a body (scene::Session asks when the document's body changes).
using ModelSource = std::function<anatomy::Model(const anatomy::BodyParams&)>;
// builtinModelFor when `manifest` is empty (the built-in anatomy follows the body); none for a
// user's manifest, whose meshes are made for one body.
ModelSource modelSourceFor(const std::filesystem::path& manifest);

// The model a user's manifest names (bring your own mesh, docs/anatomy.md), or the built-in one
// for `body` when `manifest` is empty. Parts that fail stay built-in; each warning is logged,
// naming the file and field. Throws InputError / IoError for a missing or malformed manifest.
anatomy::Model loadModelOrDefault(const std::filesystem::path& manifest,
                                  const anatomy::BodyParams& body = {});

}  // namespace sagitta::scene
