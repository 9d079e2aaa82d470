// sagitta_bone_validate: measures the generated bones against real ones (CT/MRI surfaces in
// ../shared/reference/meshes, validation data only) by the method of that folder's README, for
// the shipped bodies and a sweep of statures. Prints a table; with --out, writes a colour-mapped
// distance picture per bone and reference.
//   sagitta_bone_validate                          (shipped man and woman, and four statures)
//   sagitta_bone_validate --shipped --bones sacrum,os_coxae --out validation/ --ellipsoid
#include <chrono>
#include <cstdio>
#include <filesystem>

#include <CLI/CLI.hpp>

#include "anatomy/asset_writer.h"
#include "bone_validation.h"
#include "core/error.h"

namespace fs = std::filesystem;
using namespace sagitta;

namespace {

struct NamedBody {
  std::string name;
  anatomy::BodyParams params;
};

std::string fileSafe(std::string s) {
  for (char& c : s)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "Measure Sagitta's generated bones against real bone surfaces (mean / p95 surface distance, mm)"};
  std::string reference;
  std::string out;
  std::vector<std::string> bones;
  bool shipped_only = false, ellipsoid = false;
  double max_mm = 8.0;
  app.add_option("--reference", reference,
                 "folder holding visible_human_artisynth/ (default: $SAGITTA_REFERENCE_MESHES or "
                 "../shared/reference/meshes beside the source tree)");
  app.add_option("--out", out, "folder for the distance pictures (PNG); none when empty");
  app.add_option("--bones", bones, "bones to measure: os_coxae, sacrum, l1 .. l5 (default: all)")
      ->delimiter(',')
      ->check(CLI::IsMember({"os_coxae", "sacrum", "l1", "l2", "l3", "l4", "l5"}));
  app.add_flag("--shipped", shipped_only, "only the shipped bodies (man, woman), not the stature sweep");
  app.add_flag("--ellipsoid", ellipsoid, "also measure each reference's moment-matched ellipsoid (baseline)");
  app.add_option("--max-mm", max_mm, "distance shown red in the pictures")->check(CLI::Range(0.5, 100.0));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }

  std::optional<fs::path> dir = reference.empty() ? bonecheck::findReferenceMeshes(SAGITTA_SOURCE_DIR)
                                                  : std::optional<fs::path>(reference);
  if (!dir) {
    std::fprintf(stderr,
                 "sagitta_bone_validate: no reference meshes (looked for $SAGITTA_REFERENCE_MESHES and "
                 "../shared/reference/meshes beside %s); give --reference\n",
                 SAGITTA_SOURCE_DIR);
    return 2;
  }
  std::vector<bonecheck::NamedSurface> refs;
  try {
    refs = bonecheck::loadReferences(*dir);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "sagitta_bone_validate: %s\n", e.what());
    return 1;
  }

  std::vector<NamedBody> bodies;
  for (const anatomy::ShippedModel& m : anatomy::shippedModels())
    bodies.push_back({m.name == "default" ? "man" : m.name == "female" ? "woman" : m.name, m.body});
  if (!shipped_only) {
    // the stature sweep: short and tall adults of each sex
    for (const auto& [sex, stature] :
         {std::pair{anatomy::Sex::kMale, 1.60}, std::pair{anatomy::Sex::kMale, 1.95},
          std::pair{anatomy::Sex::kFemale, 1.50}, std::pair{anatomy::Sex::kFemale, 1.80}}) {
      anatomy::BodyParams p = anatomy::averageAdult(sex);
      p.stature_m = stature;
      char name[64];
      std::snprintf(name, sizeof name, "%s %.2f m", sex == anatomy::Sex::kMale ? "man" : "woman", stature);
      bodies.push_back({name, p});
    }
  }
  if (!out.empty()) {
    std::error_code ec;
    fs::create_directories(out, ec);
    if (ec) {
      std::fprintf(stderr, "sagitta_bone_validate: cannot create %s: %s\n", out.c_str(),
                   ec.message().c_str());
      return 1;
    }
  }

  std::printf("reference meshes: %s\n", dir->string().c_str());
  std::printf("%-14s %-9s %-48s %6s %7s %7s %s\n", "body", "bone", "reference", "size", "mean", "p95", "fit");
  if (ellipsoid) {
    for (const bonecheck::NamedSurface& r : refs) {
      const bonecheck::Comparison c = bonecheck::compare(bonecheck::momentEllipsoid(r.surface), r.surface);
      std::printf("%-14s %-9s %-48s %6.3f %7.2f %7.2f (ellipsoid of the reference, at its own size)\n",
                  "ellipsoid", r.bone.c_str(), r.name.c_str(), c.size_ratio, c.mean_mm, c.p95_mm);
    }
  }
  for (const NamedBody& b : bodies) {
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<bonecheck::NamedSurface> gen;
    try {
      gen = bonecheck::generatedBones(b.params, bones);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "sagitta_bone_validate: %s: %s\n", b.name.c_str(), e.what());
      return 1;
    }
    for (const bonecheck::NamedSurface& g : gen) {
      for (const bonecheck::NamedSurface& r : refs) {
        if (r.bone != g.bone) continue;
        const bonecheck::Comparison c = bonecheck::compare(g.surface, r.surface);
        std::printf("%-14s %-9s %-48s %6.3f %7.2f %7.2f  axes %.2f %.2f %.2f%s\n", b.name.c_str(),
                    g.bone.c_str(), r.name.c_str(), c.size_ratio, c.mean_mm, c.p95_mm, c.axis_ratio.x,
                    c.axis_ratio.y, c.axis_ratio.z, c.mirrored ? " mirror" : "");
        std::fflush(stdout);
        if (!out.empty()) {
          const fs::path png = fs::path(out) / (fileSafe(b.name + "_" + g.bone + "_" + r.name) + ".png");
          if (!bonecheck::writeDistancePng(png, g.surface,
                                           bonecheck::vertexDistances(g.surface, r.surface, c), max_mm)) {
            std::fprintf(stderr, "sagitta_bone_validate: cannot write %s\n", png.string().c_str());
            return 1;
          }
        }
      }
    }
    std::fprintf(stderr, "%s: %.1f s\n", b.name.c_str(),
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  std::printf(
      "size: generated / reference centroid size; mean, p95: symmetric surface distance (mm) at the "
      "generated bone's size\n");
  return 0;
}
