// sagitta_generate_assets: builds the built-in skeleton's meshes and writes them as glTF with a
// manifest per level of detail.  Usage: sagitta_generate_assets --out assets/models
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>

#include "anatomy/asset_writer.h"
#include "core/error.h"

int main(int argc, char** argv) {
  CLI::App app{"Generate Sagitta's built-in skeleton assets (glTF + manifest)"};
  std::string out = "assets/models";
  int threads = 2;
  app.add_option("--out", out, "folder that receives default/ and default_low/")->capture_default_str();
  app.add_option("--threads", threads, "worker threads (the output does not depend on it)")->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  try {
    const auto t0 = std::chrono::steady_clock::now();
    sagitta::anatomy::GenerateOptions opt;
    opt.threads = threads;
    const auto s = sagitta::anatomy::writeBuiltinAssets(out, {}, opt);
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("wrote %zu files to %s: %zu triangles (default), %zu (low), in %.1f s\n", s.files, out.c_str(),
                s.triangles_default, s.triangles_low, secs);
  } catch (const sagitta::InputError& e) {
    std::fprintf(stderr, "sagitta_generate_assets: %s\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "sagitta_generate_assets: %s\n", e.what());
    return 1;
  }
  return 0;
}
