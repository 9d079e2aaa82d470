// Intervertebral discs L1-L2 .. L5-S1 (and T12-L1), in the world at the neutral pose, skinned
// to the two vertebrae they join. Each fills the wedge between the lower vertebra's superior
// endplate and the upper one's inferior endplate (so it touches both), bulging ~1 mm past their
// rims. The annulus fibrosus is hollow around the nucleus pulposus, which is its own part, so a
// cutaway shows the two apart. The nucleus sits a little behind the centre [U: general anatomy].
#include <cmath>
#include <string>

#include "anatomy/part_shapes.h"

namespace sagitta::anatomy {
namespace {

using sdf::NodePtr;

// The disc's solid: the endplates' mean oval between two planes, in the lower endplate's frame.
class DiscSolid final : public sdf::Node {
 public:
  DiscSolid(double rx, double rz, const glm::dvec3& up_point, const glm::dvec3& up_normal, double rim)
      : rx_(rx), rz_(rz), up_point_(up_point), up_normal_(glm::normalize(up_normal)), rim_(rim) {
    const double h = std::max(up_point.y, 0.0) + rx * std::abs(up_normal_.x) * 2.0 + 0.004;
    bounds_ = sdf::Box{{-rx - 0.003, -0.002, -rz - 0.003}, {rx + 0.003, h, rz + 0.003}};
  }
  double eval(const glm::dvec3& p) const override {
    const glm::dvec2 q(p.x, p.z);
    const double k0 = glm::length(q / glm::dvec2(rx_, rz_)),
                 k1 = glm::length(q / glm::dvec2(rx_ * rx_, rz_ * rz_));
    const double d = k1 < 1e-12 ? -std::min(rx_, rz_) : k0 * (k0 - 1.0) / k1;
    const double slab = std::max(-p.y, glm::dot(p - up_point_, up_normal_));
    const glm::dvec2 m(std::max(d + rim_, 0.0), std::max(slab + rim_, 0.0));
    return glm::length(m) + std::min(std::max(d + rim_, slab + rim_), 0.0) - rim_;
  }

 private:
  double rx_, rz_;
  glm::dvec3 up_point_, up_normal_;
  double rim_;
};

glm::u8vec4 segs(Segment a, Segment b) {
  return {static_cast<std::uint8_t>(a), static_cast<std::uint8_t>(b), 0, 0};
}

}  // namespace

std::vector<PartShape> discShapes(const BodyLayout& b) {
  const auto world = neutralWorld(b);
  const double s = b.dims.opensim_scale;
  struct Level {
    std::string name;
    Segment lower, upper;
    glm::dmat4 lower_top;  // lower endplate frame in the world
    double depth, width;
  };
  std::vector<Level> levels;
  auto w = [&](Segment seg) { return world[static_cast<std::size_t>(seg)]; };
  const VertebraLayout& l5 = b.spine.lumbar[4];
  levels.push_back({"l5_s1", Segment::kSacrum, Segment::kL5, w(Segment::kSacrum),
                    0.5 * (b.dims.s1_endplate_depth + l5.dims.endplate_depth_inferior),
                    0.5 * (b.dims.s1_endplate_width + l5.dims.endplate_width_inferior)});
  for (int k = 3; k >= 0; --k) {
    const VertebraLayout& lower = b.spine.lumbar[static_cast<std::size_t>(k) + 1];
    const VertebraLayout& upper = b.spine.lumbar[static_cast<std::size_t>(k)];
    levels.push_back({"l" + std::to_string(k + 1) + "_l" + std::to_string(k + 2), lumbarSegment(k + 1),
                      lumbarSegment(k), w(lumbarSegment(k + 1)) * lower.superior_endplate,
                      0.5 * (lower.dims.endplate_depth_superior + upper.dims.endplate_depth_inferior),
                      0.5 * (lower.dims.endplate_width_superior + upper.dims.endplate_width_inferior)});
  }
  const VertebraLayout& l1 = b.spine.lumbar[0];
  levels.push_back({"t12_l1", Segment::kL1, Segment::kThorax, w(Segment::kL1) * l1.superior_endplate,
                    0.5 * (l1.dims.endplate_depth_superior + b.spine.t12.dims.endplate_depth_inferior),
                    0.5 * (l1.dims.endplate_width_superior + b.spine.t12.dims.endplate_width_inferior)});

  std::vector<PartShape> out;
  for (const Level& lv : levels) {
    const glm::dmat4 to_local = glm::inverse(lv.lower_top);
    const glm::dmat4 upper_world = w(lv.upper);
    const glm::dvec3 up_point = transformPoint(to_local, glm::dvec3(upper_world[3]));
    const glm::dvec3 up_normal = glm::normalize(transformDirection(to_local, glm::dvec3(upper_world[1])));
    const double rx = 0.5 * lv.depth + 0.0010 * s, rz = 0.5 * lv.width + 0.0010 * s;
    NodePtr solid = std::make_shared<DiscSolid>(rx, rz, up_point, up_normal, 0.0022 * s);
    // the nucleus lies on the disc's mid-plane (tilted by half the wedge), a little behind centre
    const double xc = -0.08 * lv.depth;
    const double h_c = (glm::dot(up_point, up_normal) - up_normal.x * xc) / up_normal.y;  // local height
    const glm::dvec3 mid_n = glm::normalize(glm::dvec3(0, 1, 0) + up_normal);
    const sdf::Frame nucleus_frame =
        sdf::frameFromAxes({xc, 0.5 * h_c, 0.0}, glm::cross(mid_n, glm::dvec3(0, 0, 1)), mid_n);
    const glm::dvec3 nucleus_r(0.24 * lv.depth, 0.27 * h_c, 0.27 * lv.width);
    NodePtr nucleus = sdf::ellipsoid(nucleus_frame, nucleus_r);
    NodePtr cavity = sdf::ellipsoid(nucleus_frame, nucleus_r + glm::dvec3(0.0003 * s));
    const sdf::Frame place{glm::dvec3(lv.lower_top[3]), glm::dmat3(lv.lower_top)};

    // bind weights: the fraction of the way from the lower endplate to the upper one
    const glm::dvec3 lo_p(lv.lower_top[3]), lo_n = glm::normalize(glm::dvec3(lv.lower_top[1]));
    const glm::dvec3 up_p(upper_world[3]), up_n = glm::normalize(glm::dvec3(upper_world[1]));
    const Segment lower = lv.lower, upper = lv.upper;
    auto skin = [lo_p, lo_n, up_p, up_n, lower, upper](const glm::dvec3& p, glm::u8vec4& seg, glm::vec4& wt) {
      const double below = glm::dot(p - lo_p, lo_n), above = glm::dot(up_p - p, up_n);
      const double t = std::clamp(below / std::max(below + above, 1e-9), 0.0, 1.0);
      seg = segs(lower, upper);
      wt = glm::vec4(static_cast<float>(1.0 - t), static_cast<float>(t), 0.0f, 0.0f);
    };
    PartShape annulus;
    annulus.name = "disc_" + lv.name;
    annulus.kind = PartKind::kDisc;
    annulus.segment = lv.lower;
    annulus.field = sdf::moved(sdf::subtract(solid, cavity, 0.0), place);
    annulus.voxel = 0.0007 * s;
    annulus.chord_error = 1.0e-4 * s;
    annulus.min_edge = 0.0006 * s;
    annulus.max_edge = 0.004 * s;
    annulus.skin = skin;
    PartShape core = annulus;
    core.name = "nucleus_" + lv.name;
    core.kind = PartKind::kNucleus;
    core.field = sdf::moved(nucleus, place);
    out.push_back(annulus);
    out.push_back(core);
  }
  return out;
}

}  // namespace sagitta::anatomy
