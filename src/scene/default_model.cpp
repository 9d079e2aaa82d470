#include "scene/default_model.h"

#include <chrono>
#include <cstdio>
#include <system_error>

#include <unistd.h>

#include "anatomy/asset_writer.h"
#include "core/error.h"
#include "core/log.h"
#include "core/paths.h"

namespace sagitta::scene {
namespace fs = std::filesystem;

anatomy::Model loadDefaultModel(anatomy::Lod lod) {
  return anatomy::loadBuiltinModel(lod);
}

fs::path modelCacheFolder(const anatomy::BodyParams& body) {
  char name[96];
  std::snprintf(name, sizeof name, "%s_%.4fm_%.2fy", std::string(anatomy::sexName(body.sex)).c_str(),
                body.stature_m, body.age_years);
  return paths::cacheDir() / "models" / name;
}

namespace {

// The cached model for `body`, or nullopt when there is none (or it is for another body or broken).
std::optional<anatomy::Model> loadCached(const fs::path& folder, const anatomy::BodyParams& body,
                                         anatomy::Lod lod) {
  const fs::path manifest = folder / anatomy::lodFolder("model", lod) / "manifest.json";
  std::error_code ec;
  if (!fs::exists(manifest, ec)) return std::nullopt;
  try {
    anatomy::Model m = anatomy::loadModel(manifest);
    if (anatomy::sameMeshes(m.skeleton.params(), body) && m.warnings.empty()) return m;
  } catch (const std::exception& e) {
    log::warning("the cached model " + manifest.string() + " is unusable (" + e.what() +
                 "); generating it again");
  }
  return std::nullopt;
}

// Generates the model for `body` into the cache (both levels of detail; renamed into place only
// when complete) and loads it; in memory only when the cache cannot be written.
anatomy::Model generate(const fs::path& folder, const anatomy::BodyParams& body, anatomy::Lod lod) {
  char what[128];
  std::snprintf(what, sizeof what, "%s of %.2f m, %.0f years",
                body.sex == anatomy::Sex::kFemale ? "woman" : "man", body.stature_m, body.age_years);
  log::info(std::string("Generating the built-in skeleton for a ") + what + " (once; about 10-30 s)...");
  const auto t0 = std::chrono::steady_clock::now();
  anatomy::GenerateOptions options;
  options.threads = 2;
  std::error_code ec;
  const fs::path tmp =
      folder.parent_path() / (folder.filename().string() + ".tmp" + std::to_string(::getpid()));
  fs::remove_all(tmp, ec);
  bool cached = false;
  try {
    anatomy::writeBuiltinAssets(tmp, body, options, "model");
    fs::remove_all(folder, ec);
    fs::rename(tmp, folder, ec);
    cached = !ec;
  } catch (const IoError& e) {
    log::warning(std::string("cannot cache the generated model: ") + e.what());
  }
  const fs::path from = cached ? folder : tmp;
  anatomy::Model m = anatomy::loadModel(from / anatomy::lodFolder("model", lod) / "manifest.json");
  fs::remove_all(tmp, ec);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  char done[160];
  std::snprintf(done, sizeof done, "Generated in %.1f s%s", secs, cached ? "; cached in " : " (not cached)");
  log::info(std::string(done) + (cached ? folder.string() : std::string()));
  return m;
}

}  // namespace

anatomy::Model builtinModelFor(const anatomy::BodyParams& body, anatomy::Lod lod) {
  body.validate();
  const anatomy::BodyParams shipped = anatomy::averageAdult(body.sex);
  std::optional<anatomy::Model> model;
  if (anatomy::sameMeshes(body, shipped)) {
    model = anatomy::loadBuiltinModel(lod, body.sex);
  } else {
    const fs::path folder = modelCacheFolder(body);
    model = loadCached(folder, body, lod);
    if (!model) model = generate(folder, body, lod);
  }
  if (!(model->skeleton.params() == body)) model->skeleton = anatomy::buildSkeleton(body);  // segment masses
  return std::move(*model);
}

ModelSource modelSourceFor(const fs::path& manifest) {
  if (!manifest.empty()) return {};
  return [](const anatomy::BodyParams& body) { return builtinModelFor(body); };
}

anatomy::Model loadModelOrDefault(const fs::path& manifest, const anatomy::BodyParams& body) {
  if (manifest.empty()) return builtinModelFor(body);
  anatomy::Model model = anatomy::loadModel(manifest);
  for (const std::string& w : model.warnings) log::warning(w);
  return model;
}

}  // namespace sagitta::scene
