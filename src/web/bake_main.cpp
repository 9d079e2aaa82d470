// sagitta_bake_assets: writes the shipped models and the muscle table as one baked binary for the
// web build (src/web/baked_assets.h).
//   sagitta_bake_assets --out build/web-assets/sagitta-assets.bin [--lod default|low|both]
#include <chrono>
#include <cstdio>

#include <CLI/CLI.hpp>

#include "core/atomic_file.h"
#include "core/error.h"
#include "web/baked_assets.h"

int main(int argc, char** argv) {
  CLI::App app{"Bake Sagitta's shipped models and muscle table into one binary for the web build"};
  std::string out;
  std::string lod = "default";
  app.add_option("--out", out, "the baked file to write")->required();
  app.add_option("--lod", lod, "levels of detail to bake: default, low or both")
      ->check(CLI::IsMember({"default", "low", "both"}))
      ->capture_default_str();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  try {
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<sagitta::anatomy::Lod> lods;
    if (lod != "low") lods.push_back(sagitta::anatomy::Lod::kDefault);
    if (lod != "default") lods.push_back(sagitta::anatomy::Lod::kLow);
    const sagitta::web::BakedAssets assets = sagitta::web::collectShippedAssets(lods);
    const std::vector<std::byte> bytes = sagitta::web::bakeAssets(assets);
    sagitta::writeFileAtomic(out, bytes);
    std::size_t triangles = 0;
    for (const auto& m : assets.models) {
      for (const auto& p : m.model.parts) triangles += p.mesh.triangleCount();
    }
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("baked %zu models (%zu triangles) and %zu muscles into %s: %zu bytes, format %u, in %.1f s\n",
                assets.models.size(), triangles, assets.muscles.size(), out.c_str(), bytes.size(),
                sagitta::web::kBakedFormatVersion, secs);
    return 0;
  } catch (const sagitta::InputError& e) {
    std::fprintf(stderr, "sagitta_bake_assets: %s\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "sagitta_bake_assets: %s\n", e.what());
    return 1;
  }
}
