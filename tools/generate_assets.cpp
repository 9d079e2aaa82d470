// sagitta_generate_assets: builds the built-in skeleton's meshes for a body and writes them as
// glTF with a manifest per level of detail.
//   sagitta_generate_assets --all --out assets/models            (what the project ships)
//   sagitta_generate_assets --sex female --stature 1.70 --name tall_woman --out my_models
#include <chrono>
#include <cstdio>

#include <CLI/CLI.hpp>

#include "anatomy/asset_writer.h"
#include "core/error.h"

namespace {

void generate(const std::string& out, const std::string& name, const sagitta::anatomy::BodyParams& body,
              int threads) {
  const auto t0 = std::chrono::steady_clock::now();
  sagitta::anatomy::GenerateOptions opt;
  opt.threads = threads;
  const auto s = sagitta::anatomy::writeBuiltinAssets(out, body, opt, name);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf(
      "%s (%s, %.2f m, %.0f kg, %.0f years): wrote %zu files to %s/%s{,_low}: %zu triangles (default), %zu "
      "(low), in %.1f s\n",
      name.c_str(), std::string(sagitta::anatomy::sexName(body.sex)).c_str(), body.stature_m, body.mass_kg,
      body.age_years, s.files, out.c_str(), name.c_str(), s.triangles_default, s.triangles_low, secs);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Generate Sagitta's built-in skeleton assets (glTF + manifest) for a body"};
  std::string out = "assets/models";
  std::string name = "default";
  int threads = 2;
  bool all = false;
  std::string sex = "male";
  double stature = 0.0, mass = 0.0, age = 0.0;  // 0: the average adult of the sex
  app.add_option("--out", out, "folder that receives NAME/ and NAME_low/")->capture_default_str();
  app.add_option("--threads", threads, "worker threads (the output does not depend on it)")
      ->capture_default_str();
  CLI::Option* all_opt = app.add_flag(
      "--all", all, "every model the project ships: default (average man) and female (average woman)");
  app.add_option("--sex", sex, "male or female (female pelvis proportions, docs/anatomy.md)")
      ->check(CLI::IsMember({"male", "female"}))
      ->capture_default_str()
      ->excludes(all_opt);
  app.add_option("--stature", stature, "stature in metres, 1.30-2.20 (default: 1.75 male, 1.63 female)")
      ->excludes(all_opt);
  app.add_option("--mass", mass, "body mass in kg, 30-250 (default: 75 male, 65 female)")->excludes(all_opt);
  app.add_option("--age", age, "age in years, 18-100 (disc heights; default 40)")->excludes(all_opt);
  app.add_option("--name", name, "model folder name")->capture_default_str()->excludes(all_opt);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;  // usage errors exit 2 like sagitta's
  }
  try {
    if (all) {
      for (const auto& m : sagitta::anatomy::shippedModels()) generate(out, m.name, m.body, threads);
      return 0;
    }
    sagitta::anatomy::BodyParams body = sagitta::anatomy::averageAdult(*sagitta::anatomy::sexFromName(sex));
    if (stature != 0.0) body.stature_m = stature;
    if (mass != 0.0) body.mass_kg = mass;
    if (age != 0.0) body.age_years = age;
    body.validate();
    generate(out, name, body, threads);
  } catch (const sagitta::InputError& e) {
    std::fprintf(stderr, "sagitta_generate_assets: %s\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "sagitta_generate_assets: %s\n", e.what());
    return 1;
  }
  return 0;
}
