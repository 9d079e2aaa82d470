// sagitta_bone_validate: measures the generated bones against real ones (CT/MRI surfaces in
// ../shared/reference/meshes, validation data only) by the method of that folder's README, for
// the shipped bodies and a sweep of statures. Prints a table; with --out, writes a colour-mapped
// distance picture per bone and reference.
//   sagitta_bone_validate                          (shipped man and woman, and four statures)
//   sagitta_bone_validate --shipped --bones sacrum,os_coxae --out validation/ --ellipsoid
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>

#include <CLI/CLI.hpp>

#include "anatomy/asset_writer.h"
#include "anatomy/body_layout.h"
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

// Named points of a generated bone (mm, its own frame) for the region table: where on the bone
// the distance comes from. Right-side points are mirrored for the left.
std::vector<std::pair<std::string, glm::dvec3>> regionsOf(const std::string& bone,
                                                          const anatomy::BodyParams& b) {
  std::vector<std::pair<std::string, glm::dvec3>> out;
  const anatomy::BodyLayout body = anatomy::layoutBody(b);
  auto both = [&](const std::string& name, const glm::dvec3& right) {
    out.push_back({name + "_r", right});
    out.push_back({name + "_l", glm::dvec3(right.x, right.y, -right.z)});
  };
  if (bone == "sacrum") {
    const anatomy::SacrumLayout& s = body.spine.sacrum;
    auto centre = [&](double t) {
      const double u = 1.0 - t;
      return u * u * u * s.centreline[0] + 3.0 * u * u * t * s.centreline[1] +
             3.0 * u * t * t * s.centreline[2] + t * t * t * s.centreline[3];
    };
    out = {{"s1_endplate", glm::dvec3(0.0)},
           {"promontory", s.promontory},
           {"s1_canal_roof", glm::dvec3(s.posterior_wall_x - s.canal_depth, -0.008, 0.0)},
           {"body_s2", centre(0.3)},
           {"body_s3", centre(0.55)},
           {"body_s4", centre(0.8)},
           {"apex", s.apex},
           {"coccyx", 0.5 * (s.apex + s.coccyx_tip)},
           {"coccyx_tip", s.coccyx_tip},
           {"median_crest_s2", s.median_crest_s2},
           {"hiatus", s.hiatus}};
    both("superior_process", s.superior_process);
    both("ala_tip", s.ala_tip);
    both("ala_front", glm::dvec3(0.3 * s.endplate_depth, -0.004, 0.6 * s.ala_tip.z + 0.2 * s.endplate_width));
    both("lateral_s2", centre(0.3) + glm::dvec3(-0.012, 0.0, 0.8 * s.ala_tip.z));
    both("lateral_s3", centre(0.55) + glm::dvec3(-0.010, 0.0, 0.55 * s.ala_tip.z));
    both("lateral_s4", centre(0.8) + glm::dvec3(-0.008, 0.0, 0.35 * s.ala_tip.z));
  } else if (bone.size() == 2 && bone[0] == 'l') {
    const anatomy::VertebraLayout& v = body.spine.lumbar[static_cast<std::size_t>(bone[1] - '1')];
    const double h = 0.5 * (v.dims.height_anterior + v.dims.height_posterior);
    out = {{"body_front", glm::dvec3(0.5 * v.dims.endplate_depth_inferior, 0.5 * h, 0.0)},
           {"body_back", glm::dvec3(v.posterior_wall_x, 0.5 * h, 0.0)},
           {"superior_endplate", glm::dvec3(v.superior_endplate[3])},
           {"inferior_endplate", glm::dvec3(0.0)},
           {"canal_roof", v.canal_posterior},
           {"spinous_root", v.spinous_root},
           {"spinous_tip", v.spinous_tip}};
    both("body_side", glm::dvec3(0.0, 0.5 * h, 0.5 * v.dims.endplate_width_inferior));
    both("pedicle", 0.5 * (v.pedicle_front + v.pedicle_back));
    both("superior_process", v.superior_process);
    both("inferior_process", v.inferior_process);
    both("transverse_root", v.transverse_root);
    both("transverse_tip", v.transverse_tip);
    both("lamina", glm::dvec3(v.canal_posterior.x + 0.004, v.pedicle_y - 0.006, 0.4 * v.superior_process.z));
  }
  if (bone != "os_coxae") {
    for (auto& [name, pos] : out) pos *= 1000.0;
    return out;
  }
  const anatomy::PelvisLayout& p = body.pelvis;
  out = {{"asis", p.asis},
         {"aiis", p.aiis},
         {"psis", p.psis},
         {"piis", p.piis},
         {"iliac_tubercle", p.iliac_tubercle},
         {"iliac_crest_top", p.iliac_crest_top},
         {"iliac_fossa", p.iliac_fossa},
         {"greater_sciatic_notch", p.sciatic_notch},
         {"ischial_spine", p.ischial_spine},
         {"lesser_sciatic_notch", p.lesser_sciatic_notch},
         {"ischial_tuberosity", p.ischial_tuberosity},
         {"pubic_tubercle", p.pubic_tubercle},
         {"symphysis", 0.5 * (p.symphysis_superior + p.symphysis_inferior)},
         {"iliopubic_eminence", p.iliopubic_eminence},
         {"inferior_pubic_ramus", p.inferior_pubic_ramus},
         {"obturator_centre", p.obturator_centre},
         {"acetabulum", p.acetabulum_centre},
         {"auricular_surface", p.auricular_centre}};
  for (std::size_t i = 1; i + 1 < p.crest.size(); ++i)
    out.push_back({"crest_" + std::to_string(i), p.crest[i]});
  for (auto& [name, pos] : out) pos *= 1000.0;
  return out;
}

// Per named region (nearest named point): the mean distance from the generated bone to the
// reference (bone it has that the real one lacks) and from the reference to it (bone it lacks).
void printRegions(const std::vector<std::pair<std::string, glm::dvec3>>& regions,
                  const bonecheck::Surface& gen, const bonecheck::Surface& ref,
                  const bonecheck::Comparison& c) {
  if (regions.empty()) return;
  const std::vector<glm::dvec3> g = bonecheck::sampleSurface(gen, 20000, 11);
  const std::vector<glm::dvec3> r = bonecheck::alignedReferenceSamples(ref, c, 20000);
  const bonecheck::TriangleTree ref_tree(bonecheck::transformedForRegions(ref, c));
  const bonecheck::TriangleTree gen_tree(gen);
  struct Acc {
    double sum_g = 0, sum_r = 0;
    int n_g = 0, n_r = 0;
    glm::dvec3 far_g{0.0}, far_r{0.0};  // sums of the points more than 4 mm off
    int nf_g = 0, nf_r = 0;
  };
  std::vector<Acc> acc(regions.size());
  auto nearest = [&](const glm::dvec3& p) {
    std::size_t best = 0;
    for (std::size_t i = 1; i < regions.size(); ++i)
      if (glm::distance(p, regions[i].second) < glm::distance(p, regions[best].second)) best = i;
    return best;
  };
  double total = 0.0;
  for (const glm::dvec3& p : g) {
    const double d = ref_tree.distance(p);
    Acc& a = acc[nearest(p)];
    a.sum_g += d, ++a.n_g, total += d;
    if (d > 4.0) a.far_g += p, ++a.nf_g;
  }
  for (const glm::dvec3& p : r) {
    const double d = gen_tree.distance(p);
    Acc& a = acc[nearest(p)];
    a.sum_r += d, ++a.n_r, total += d;
    if (d > 4.0) a.far_r += p, ++a.nf_r;
  }
  std::printf("  %-22s %6s %8s %6s %8s %7s  %s\n", "region (nearest point)", "n gen", "gen->ref", "n ref",
              "ref->gen", "share",
              "far (>4 mm) generated / reference points: count, mean offset from the point (mm)");
  for (std::size_t i = 0; i < regions.size(); ++i) {
    const Acc& a = acc[i];
    const glm::dvec3 og = a.nf_g ? a.far_g / double(a.nf_g) - regions[i].second : glm::dvec3(0.0);
    const glm::dvec3 orr = a.nf_r ? a.far_r / double(a.nf_r) - regions[i].second : glm::dvec3(0.0);
    std::printf(
        "  %-22s %6d %8.2f %6d %8.2f %6.1f%%  gen %4d (%5.0f %5.0f %5.0f)  ref %4d (%5.0f %5.0f %5.0f)\n",
        regions[i].first.c_str(), a.n_g, a.n_g ? a.sum_g / a.n_g : 0.0, a.n_r, a.n_r ? a.sum_r / a.n_r : 0.0,
        100.0 * (a.sum_g + a.sum_r) / total, a.nf_g, og.x, og.y, og.z, a.nf_r, orr.x, orr.y, orr.z);
  }
}

// bonecheck::textSection indented under the table
void printSection(const std::vector<glm::dvec3>& g, const std::vector<glm::dvec3>& r, double cell,
                  const std::function<bool(const glm::dvec3&)>& keep,
                  const std::function<glm::dvec2(const glm::dvec3&)>& plane) {
  const std::string text = bonecheck::textSection(g, r, cell, keep, plane);
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    std::printf("  %s\n", text.substr(start, end - start).c_str());
    start = end + 1;
  }
}

struct Samples {
  std::vector<glm::dvec3> gen, ref;
};

Samples samplesOf(const bonecheck::Surface& gen, const bonecheck::Surface& ref,
                  const bonecheck::Comparison& c) {
  return {bonecheck::sampleSurface(gen, 200000, 11), bonecheck::alignedReferenceSamples(ref, c, 200000)};
}

// Horizontal slices (bone frame y) of both surfaces: x (anterior) to the right, z (lateral) up.
void printSlices(const Samples& s) {
  double lo = 1e9, hi = -1e9;
  for (const glm::dvec3& p : s.gen) lo = std::min(lo, p.y), hi = std::max(hi, p.y);
  for (double y = hi - 10.0; y > lo; y -= 15.0) {
    std::printf("  slice y = %.0f mm: x (anterior) across, z (lateral) up\n", y);
    printSection(
        s.gen, s.ref, 2.0, [&](const glm::dvec3& p) { return std::abs(p.y - y) <= 1.0; },
        [](const glm::dvec3& p) { return glm::dvec2(p.x, p.z); });
  }
}

// The whole bones seen from the side (x across, y up) and from the front (z across, y up):
// where one is taller, longer or wider than the other.
void printViews(const Samples& s) {
  auto all = [](const glm::dvec3&) { return true; };
  std::printf("  side view: x (anterior) across, y up\n");
  printSection(s.gen, s.ref, 2.0, all, [](const glm::dvec3& p) { return glm::dvec2(p.x, p.y); });
  std::printf("  front view: z (lateral) across, y up\n");
  printSection(s.gen, s.ref, 2.0, all, [](const glm::dvec3& p) { return glm::dvec2(p.z, p.y); });
}

// A coronal slice (x = `x_mm`, 2 mm thick): z across, y up; through a vertebra's pedicles it
// shows the pedicles' heights and the notches between them.
void printCoronal(const Samples& s, double x_mm) {
  std::printf("  coronal slice x = %.0f mm: z (lateral) across, y up\n", x_mm);
  printSection(
      s.gen, s.ref, 1.5, [&](const glm::dvec3& p) { return std::abs(p.x - x_mm) <= 1.0; },
      [](const glm::dvec3& p) { return glm::dvec2(p.z, p.y); });
}

// A sagittal slice (z = `z_mm`, 2 mm thick): x across, y up; at z = 0 it shows a vertebral body's
// or the sacrum's midline outline: endplate heights and slopes, the canal, the spinous process.
void printSagittal(const Samples& s, double z_mm) {
  std::printf("  sagittal slice z = %.0f mm: x (anterior) across, y up\n", z_mm);
  printSection(
      s.gen, s.ref, 1.5, [&](const glm::dvec3& p) { return std::abs(p.z - z_mm) <= 1.0; },
      [](const glm::dvec3& p) { return glm::dvec2(p.x, p.y); });
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "Measure Sagitta's generated bones against real bone surfaces (mean / p95 surface distance, mm)"};
  std::string reference;
  std::string out;
  std::vector<std::string> bones;
  bool shipped_only = false, ellipsoid = false, regions = false, slices = false, views = false;
  std::vector<double> coronal, sagittal;
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
  app.add_flag("--regions", regions,
               "per named region of the bone (nearest named point): mean distance each way, and its share of "
               "the total");
  app.add_flag("--slices", slices,
               "horizontal slices of the generated bone and the aligned reference, as text");
  app.add_flag("--views", views,
               "the generated bone and the aligned reference seen from the side and the front, as text");
  app.add_option("--coronal", coronal,
                 "coronal slices of both at these x (mm, + anterior, in the generated bone's frame), as text")
      ->delimiter(',')
      ->check(CLI::Range(-500.0, 500.0));
  app.add_option("--sagittal", sagittal,
                 "sagittal slices of both at these z (mm, + right, in the generated bone's frame), as text")
      ->delimiter(',')
      ->check(CLI::Range(-500.0, 500.0));
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
        if (regions) printRegions(regionsOf(g.bone, b.params), g.surface, r.surface, c);
        if (slices || views || !coronal.empty() || !sagittal.empty()) {
          const Samples samples = samplesOf(g.surface, r.surface, c);
          if (slices) printSlices(samples);
          if (views) printViews(samples);
          for (double x : coronal) printCoronal(samples, x);
          for (double z : sagittal) printSagittal(samples, z);
        }
        std::fflush(stdout);
        if (!out.empty()) {
          const fs::path png = fs::path(out) / (fileSafe(b.name + "_" + g.bone + "_" + r.name) + ".png");
          if (!bonecheck::writeDistancePng(png, g.surface,
                                           bonecheck::vertexDistances(g.surface, r.surface, c), max_mm)) {
            std::fprintf(stderr, "sagitta_bone_validate: cannot write %s\n", png.string().c_str());
            return 1;
          }
          if (regions) {
            // the aligned reference coloured by its distance to the generated bone: where the
            // generated one lacks bone (same views, measured only)
            const bonecheck::Surface ra = bonecheck::transformedForRegions(r.surface, c);
            const bonecheck::TriangleTree gt(g.surface);
            std::vector<double> d;
            for (const glm::dvec3& p : ra.v) d.push_back(gt.distance(p));
            const fs::path rpng =
                fs::path(out) / (fileSafe(b.name + "_" + g.bone + "_" + r.name) + "_reference.png");
            bonecheck::writeDistancePng(rpng, ra, d, max_mm, 420, true, 130.0);
            const fs::path gpng =
                fs::path(out) / (fileSafe(b.name + "_" + g.bone + "_" + r.name) + "_generated.png");
            bonecheck::writeDistancePng(gpng, g.surface, bonecheck::vertexDistances(g.surface, r.surface, c),
                                        max_mm, 420, true, 130.0);
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
