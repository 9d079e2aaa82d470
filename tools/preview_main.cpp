// sagitta_preview: generate built-in parts and look at them (CPU renderer, PNG out).
//   sagitta_preview --parts l4,l5 --view all --out /tmp/spine [--size 900] [--landmarks] [--lod low]
//   sagitta_preview --parts l5,l5_arch --arch-colour --slip-mm 6   (the pars defect opened)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include <CLI/CLI.hpp>

#include "anatomy/mesh_generator.h"
#include "anatomy/model.h"
#include "anatomy/spine_layout.h"
#include "preview_render.h"

namespace {

std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  for (std::string item; std::getline(ss, item, ',');) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

glm::vec3 colourOf(sagitta::anatomy::PartKind kind) {
  using sagitta::anatomy::PartKind;
  switch (kind) {
    case PartKind::kBone:
      return {0.93f, 0.89f, 0.80f};
    case PartKind::kDisc:
      return {0.55f, 0.72f, 0.85f};
    case PartKind::kNucleus:
      return {0.95f, 0.75f, 0.35f};
    case PartKind::kCartilage:
      return {0.7f, 0.85f, 0.9f};
    case PartKind::kBodyOutline:
      return {0.9f, 0.7f, 0.6f};
  }
  return {1, 1, 1};
}

// Euler characteristic and edge sharing of a mesh
std::string topology(const sagitta::anatomy::MeshData& m) {
  std::map<std::pair<std::uint32_t, std::uint32_t>, int> edges;
  for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
    for (int c = 0; c < 3; ++c) {
      std::uint32_t a = m.indices[t + c], b = m.indices[t + (c + 1) % 3];
      if (a > b) std::swap(a, b);
      ++edges[{a, b}];
    }
  }
  int bad = 0;
  for (const auto& [e, n] : edges) bad += n != 2;
  const long chi = static_cast<long>(m.positions.size()) - static_cast<long>(edges.size()) +
                   static_cast<long>(m.triangleCount());
  return "chi " + std::to_string(chi) + (bad ? " NON-MANIFOLD EDGES " + std::to_string(bad) : "");
}

}  // namespace

int main(int argc, char** argv) {
  using namespace sagitta;
  CLI::App app{"Generate built-in parts and render previews"};
  std::string parts, view = "all", out = "/tmp/preview", lod = "default", body = "male", manifest;
  int size = 600, per_row = 3;
  double tilt_deg = 0.0;
  bool landmarks = false, outline = false, wire = false, arch_colour = false;
  double slip_mm = 0.0;
  app.add_option("--parts", parts, "comma-separated part names (default: all)");
  app.add_option("--view", view, "lateral, anterior, posterior, superior, inferior, medial, oblique or all");
  app.add_option("--out", out, "output path prefix");
  app.add_option("--size", size, "image size in pixels");
  app.add_option("--lod", lod, "default or low");
  app.add_option("--per-row", per_row, "views per row in the output image");
  app.add_option("--body", body, "male or female");
  app.add_option("--manifest", manifest,
                 "render a model manifest (loaded through Assimp) instead of generating");
  app.add_flag("--landmarks", landmarks, "draw landmarks (red bony, green muscle)");
  app.add_flag("--outline", outline, "draw the body outline translucent");
  app.add_flag("--wire", wire, "show the triangles");
  app.add_flag("--arch-colour", arch_colour, "draw the posterior arches (parts named *_arch) blue");
  app.add_option("--slip-mm", slip_mm,
                 "move vertebrae that have an *_arch part forward in their own frame, the arch staying: the "
                 "pars defect opened");
  app.add_option("--tilt", tilt_deg,
                 "pelvic tilt about the hip axis, degrees (negative: anterior), femora kept still");
  CLI11_PARSE(app, argc, argv);

  anatomy::BodyParams params;
  if (body == "female") {
    params.sex = anatomy::Sex::kFemale;
    params.stature_m = 1.63;
  }
  const anatomy::BodyLayout layout = anatomy::layoutBody(params);
  anatomy::Skeleton skeleton = anatomy::buildSkeleton(params);
  anatomy::GenerateOptions opt;
  opt.only = split(parts);
  const auto t0 = std::chrono::steady_clock::now();
  anatomy::GeneratedParts gen;
  if (manifest.empty()) {
    gen = anatomy::generateBuiltinParts(layout, opt);
  } else {
    anatomy::Model model = anatomy::loadModel(manifest);
    for (const std::string& w : model.warnings) std::printf("warning: %s\n", w.c_str());
    skeleton = model.skeleton;
    for (anatomy::ModelPart& p : model.parts) {
      if (opt.only.empty() || std::find(opt.only.begin(), opt.only.end(), p.name) != opt.only.end()) {
        gen.lod_default.push_back(std::move(p));
      }
    }
    lod = "default";
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const auto& list = lod == "low" ? gen.lod_low : gen.lod_default;
  // an optional pelvic tilt: the pelvis and spine rotate about the hip axis, the legs stay
  anatomy::Pose pose;
  if (tilt_deg != 0.0) {
    const glm::dvec3 hip = 0.5 * (skeleton.landmark("acetabulum_centre_l").position +
                                  skeleton.landmark("acetabulum_centre_r").position);
    const double a = tilt_deg * 3.14159265358979 / 180.0;
    pose.joint[0] = anatomy::translation(hip) * anatomy::rotationZ(a) * anatomy::translation(-hip);
    pose.joint[static_cast<std::size_t>(anatomy::Segment::kFemurLeft)] = anatomy::rotationZ(-a);
    pose.joint[static_cast<std::size_t>(anatomy::Segment::kFemurRight)] = anatomy::rotationZ(-a);
  }
  const auto world = anatomy::worldTransforms(skeleton, pose);
  const auto bind = anatomy::worldTransforms(skeleton, anatomy::Pose{});
  // skinned meshes follow the pose (linear blend skinning)
  for (anatomy::ModelPart& p : (lod == "low" ? gen.lod_low : gen.lod_default)) {
    if (!p.mesh.skinned() || tilt_deg == 0.0) continue;
    for (std::size_t v = 0; v < p.mesh.positions.size(); ++v) {
      glm::dvec3 q(0.0);
      for (int k = 0; k < 4; ++k) {
        const std::size_t seg = p.mesh.skin_segments[v][k];
        q += double(p.mesh.skin_weights[v][k]) * glm::dvec3(world[seg] * glm::inverse(bind[seg]) *
                                                            glm::dvec4(glm::dvec3(p.mesh.positions[v]), 1.0));
      }
      p.mesh.positions[v] = glm::vec3(q);
    }
    anatomy::computeSmoothNormals(p.mesh);
  }
  std::set<std::string> with_arch;  // vertebrae whose arch is a part of its own
  for (const anatomy::ModelPart& p : list) {
    if (p.name.size() > 5 && p.name.ends_with("_arch")) with_arch.insert(p.name.substr(0, p.name.size() - 5));
  }
  std::size_t total = 0;
  std::vector<tools::PreviewItem> items;
  std::set<anatomy::Segment> segs;
  for (const anatomy::ModelPart& p : list) {
    std::printf("%-22s %7zu triangles  %s\n", p.name.c_str(), p.mesh.triangleCount(),
                topology(p.mesh).c_str());
    total += p.mesh.triangleCount();
    if (p.kind == anatomy::PartKind::kBodyOutline && !outline && list.size() > 1) continue;
    tools::PreviewItem it;
    it.mesh = &p.mesh;
    it.to_world = p.mesh.skinned() ? glm::dmat4(1.0) : world[static_cast<std::size_t>(p.segment)];
    it.colour = colourOf(p.kind);
    if (arch_colour && p.name.ends_with("_arch")) it.colour = {0.55f, 0.7f, 0.95f};
    if (slip_mm != 0.0 && with_arch.count(p.name))
      it.to_world = it.to_world * anatomy::translation({slip_mm * 1e-3, 0.0, 0.0});
    it.wire = wire;
    it.alpha = p.kind == anatomy::PartKind::kBodyOutline && list.size() > 1 ? 0.35f : 1.0f;
    items.push_back(it);
    segs.insert(p.segment);
  }
  std::printf("total %zu triangles, generated in %.2f s\n", total, secs);
  std::vector<tools::PreviewDot> dots;
  if (landmarks) {
    for (const anatomy::Landmark& l : skeleton.landmarks()) {
      if (!segs.count(l.segment)) continue;
      const bool muscle = l.name.find("_origin") != std::string::npos ||
                          l.name.find("_insertion") != std::string::npos ||
                          l.name.find("_via") != std::string::npos;
      dots.push_back({anatomy::worldPosition(l, world),
                      muscle ? glm::vec3(0.1f, 0.8f, 0.2f) : glm::vec3(0.95f, 0.1f, 0.1f)});
    }
  }
  const std::vector<std::string> views =
      view == "all"
          ? std::vector<std::string>{"lateral", "anterior", "posterior", "superior", "oblique", "medial"}
          : split(view);
  std::vector<Image> images;
  for (const std::string& v : views)
    images.push_back(tools::renderPreview(items, dots, tools::namedView(v), size, size));
  const std::string file = out + ".png";
  writePng(file, tools::tile(images, per_row));
  std::printf("wrote %s\n", file.c_str());
  return 0;
}
