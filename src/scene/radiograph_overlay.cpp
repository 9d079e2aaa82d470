#include "scene/radiograph_overlay.h"

#include <cmath>
#include <cstdio>
#include <numbers>

namespace sagitta::scene {
namespace {

struct Colours {
  glm::vec4 incidence, tilt, slope, lordosis, plumb, slip, base;
};
Colours coloursFor(bool light) {
  // distinct hues that stay apart for the common colour-vision deficiencies; darker on white
  if (light) {
    return {{0.75f, 0.45f, 0.0f, 1}, {0.0f, 0.35f, 0.75f, 1}, {0.6f, 0.05f, 0.45f, 1}, {0.0f, 0.45f, 0.2f, 1},
            {0.2f, 0.2f, 0.25f, 1},  {0.8f, 0.15f, 0.0f, 1},  {0.15f, 0.15f, 0.2f, 1}};
  }
  return {{1.0f, 0.78f, 0.1f, 1},   {0.25f, 0.8f, 1.0f, 1},       {1.0f, 0.4f, 0.85f, 1},
          {0.35f, 0.95f, 0.45f, 1}, {0.92f, 0.92f, 0.95f, 0.85f}, {1.0f, 0.45f, 0.15f, 1},
          {0.92f, 0.94f, 0.97f, 1}};
}

std::string degrees(const char* name, double value) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s %.0f°", name, value);
  return buf;
}

class Pen {
 public:
  // Lines lie on the landmarks they join and are drawn over the bones without a depth test
  // (Line::on_top). They were once lifted 12 cm toward the viewer to clear the bones; in a
  // perspective view that moved them outward from the view's centre (L1's Cobb line drawn 15-35 px
  // above L1's endplate, review, stop 34).
  Pen(DrawList& list, const RadiographOptions& o) : list_(list), o_(o) {}
  void line(glm::vec3 a, glm::vec3 b, glm::vec4 colour, float width_scale = 1.0f, bool dashed = false) {
    Line l;
    l.a = a;
    l.b = b;
    l.colour = colour;
    l.width_px = o_.line_width_px * width_scale;
    l.dashed = dashed;
    l.on_top = true;
    list_.lines.push_back(l);
  }
  // an arc around `centre` from direction `from` to direction `to` (unit vectors in the plane)
  glm::vec3 arc(glm::vec3 centre, glm::vec3 from, glm::vec3 to, float radius, glm::vec4 colour) {
    const glm::vec3 normal = glm::cross(from, to);
    const float angle = std::atan2(glm::length(normal), glm::dot(from, to));
    const glm::vec3 axis = glm::length(normal) > 1e-6f ? glm::normalize(normal) : glm::vec3(0, 0, 1);
    const int steps = std::max(4, static_cast<int>(angle / 0.08f));
    glm::vec3 prev = centre + from * radius;
    for (int i = 1; i <= steps; ++i) {
      const float t = angle * static_cast<float>(i) / static_cast<float>(steps);
      // Rodrigues rotation of `from` about `axis` by t
      const glm::vec3 d = from * std::cos(t) + glm::cross(axis, from) * std::sin(t) +
                          axis * glm::dot(axis, from) * (1.0f - std::cos(t));
      const glm::vec3 p = centre + d * radius;
      line(prev, p, colour, 0.8f);
      prev = p;
    }
    const float h = angle * 0.5f;
    const glm::vec3 mid = from * std::cos(h) + glm::cross(axis, from) * std::sin(h) +
                          axis * glm::dot(axis, from) * (1.0f - std::cos(h));
    return centre + mid * radius;
  }
  // a name in the margin on a leader line to `at`, drawn over the bones like the lines (never
  // hidden behind one)
  void name(glm::vec3 at, std::string text, glm::vec4 colour, int priority) {
    Label l;
    l.anchor = at;
    l.text = std::move(text);
    l.colour = colour;
    l.priority = priority;
    l.inside_bone = true;
    list_.labels.push_back(std::move(l));
  }
  void value(glm::vec3 at, std::string text, glm::vec4 colour, int priority = 10,
             std::optional<glm::vec3> vertex = std::nullopt) {
    Label l;
    l.vertex = vertex;
    l.anchor = at;
    l.text = std::move(text);
    l.colour = colour;
    l.priority = priority;
    l.pinned = true;
    list_.labels.push_back(std::move(l));
  }

 private:
  DrawList& list_;
  const RadiographOptions& o_;
};

glm::vec3 safeNormalize(glm::vec3 v) {
  const float n = glm::length(v);
  return n > 1e-9f ? v / n : glm::vec3(1, 0, 0);
}

}  // namespace

std::string meyerdingText(int grade, double percent) {
  static constexpr const char* kRoman[] = {"", "I", "II", "III", "IV", "V"};
  if (grade <= 0) return "No slip";
  char buf[64];
  std::snprintf(buf, sizeof buf, "Grade %s (%.0f %%)", kRoman[std::min(grade, 5)], percent);
  return buf;
}

void addRadiographOverlay(const RadiographPoints& p, const RadiographValues& v, const RadiographOptions& o,
                          DrawList& list) {
  const Colours c = coloursFor(o.light_background);
  Pen pen(list, o);
  const glm::vec3 up(0, 1, 0);
  const glm::vec3 ha = (p.hip_left + p.hip_right) * 0.5f;
  const glm::vec3 m = (p.s1_anterior + p.s1_posterior) * 0.5f;
  const glm::vec3 s1_dir = safeNormalize(p.s1_anterior - p.s1_posterior);  // along the endplate, forward
  const float s1_len = glm::distance(p.s1_anterior, p.s1_posterior);
  // the endplate's normal pointing up out of the sacrum, in the sagittal plane
  glm::vec3 s1_normal = safeNormalize(glm::vec3(-s1_dir.y, s1_dir.x, 0.0f));
  if (s1_normal.y < 0.0f) s1_normal = -s1_normal;

  if (o.pelvic_angles) {
    // hip axis: a ring and cross at the femoral heads' mid-point, and the axis itself
    const float r = 0.012f;
    for (int i = 0; i < 16; ++i) {
      const float a0 = 2.0f * std::numbers::pi_v<float> * static_cast<float>(i) / 16.0f;
      const float a1 = 2.0f * std::numbers::pi_v<float> * static_cast<float>(i + 1) / 16.0f;
      pen.line(ha + glm::vec3(std::cos(a0), std::sin(a0), 0) * r,
               ha + glm::vec3(std::cos(a1), std::sin(a1), 0) * r, c.base, 0.8f);
    }
    pen.line(ha - glm::vec3(r * 1.6f, 0, 0), ha + glm::vec3(r * 1.6f, 0, 0), c.base, 0.6f);
    pen.line(ha - glm::vec3(0, r * 1.6f, 0), ha + glm::vec3(0, r * 1.6f, 0), c.base, 0.6f);
    pen.line(p.hip_left, p.hip_right, c.base, 0.6f, true);
    // S1 endplate line, extended both ways
    pen.line(p.s1_posterior - s1_dir * s1_len * 0.6f, p.s1_anterior + s1_dir * s1_len * 0.8f, c.base);
    // PI: perpendicular to the endplate at M, and M to the hip axis
    const glm::vec3 to_ha = safeNormalize(ha - m);
    const glm::vec3 perp_down = -s1_normal;  // toward the hip axis side
    pen.line(m + s1_normal * 0.03f, m + perp_down * glm::distance(m, ha) * 0.9f, c.incidence, 1.0f, true);
    pen.line(m, ha, c.incidence);
    const glm::vec3 pi_at = pen.arc(m, perp_down, to_ha, 0.045f, c.incidence);
    // PT: the vertical through the hip axis against the line to M
    const glm::vec3 to_m = safeNormalize(m - ha);
    pen.line(ha, ha + up * glm::distance(m, ha) * 1.05f, c.tilt, 1.0f, true);
    const glm::vec3 pt_at = pen.arc(ha, up, to_m, 0.06f, c.tilt);
    // SS: the horizontal through the posterior corner against the endplate
    const glm::vec3 fwd = glm::vec3(s1_dir.x >= 0.0f ? 1.0f : -1.0f, 0, 0);
    pen.line(p.s1_posterior, p.s1_posterior + fwd * s1_len * 1.6f, c.slope, 1.0f, true);
    const glm::vec3 ss_at = pen.arc(p.s1_posterior, fwd, s1_dir, s1_len * 1.2f, c.slope);
    // each value outside its arc on the bisector, PT just outside (it sat 36 mm beyond its 60 mm
    // arc, on S1 and the slipped L5 of a slip film); PT and PI moved off their place slide toward
    // their vertex, staying inside their own angle (SS's vertex is on the sacrum: it moves freely)
    pen.value(pi_at + (pi_at - m) * 0.9f, degrees("PI", v.pelvic_incidence_deg), c.incidence, 12, m);
    pen.value(pt_at + (pt_at - ha) * 0.25f, degrees("PT", v.pelvic_tilt_deg), c.tilt, 12, ha);
    pen.value(ss_at + (ss_at - p.s1_posterior) * 0.5f, degrees("SS", v.sacral_slope_deg), c.slope, 12);
  }

  if (o.lordosis) {
    // Cobb: both endplate lines extended posteriorly, where the angle between them opens
    const glm::vec3 l1_dir = safeNormalize(p.l1_anterior - p.l1_posterior);
    const float l1_len = glm::distance(p.l1_anterior, p.l1_posterior);
    pen.line(p.l1_anterior + l1_dir * l1_len * 0.3f, p.l1_posterior - l1_dir * l1_len * 1.6f, c.lordosis);
    pen.line(p.s1_anterior + s1_dir * s1_len * 0.3f, p.s1_posterior - s1_dir * s1_len * 1.6f, c.lordosis,
             1.0f, !o.pelvic_angles ? false : true);
    const glm::vec3 between =
        (p.l1_posterior - l1_dir * l1_len * 1.6f + p.s1_posterior - s1_dir * s1_len * 1.6f) * 0.5f;
    pen.value(between, degrees("LL", v.lumbar_lordosis_deg), c.lordosis, 11);
  }

  if (o.plumb_line) {
    // the C7 plumb line: a cross on the C7 body's centre, then straight down to the floor
    const float r = 0.008f;
    pen.line(p.plumb_top - glm::vec3(r, 0, 0), p.plumb_top + glm::vec3(r, 0, 0), c.plumb, 0.8f);
    pen.line(p.plumb_top - glm::vec3(0, r, 0), p.plumb_top + glm::vec3(0, r, 0), c.plumb, 0.8f);
    const glm::vec3 foot(p.plumb_top.x, 0.0f, p.plumb_top.z);
    pen.line(p.plumb_top, foot, c.plumb, 0.7f, true);
    // SVA: from the S1 posterior-superior corner across to the plumb line, at the corner's height
    const glm::vec3 on_plumb(p.plumb_top.x, p.s1_posterior.y, p.s1_posterior.z);
    pen.line(p.s1_posterior, on_plumb, c.plumb, 1.0f);
    char buf[64];
    std::snprintf(buf, sizeof buf, "SVA %.0f mm", v.sagittal_vertical_axis_mm);
    pen.value((p.s1_posterior + on_plumb) * 0.5f - up * 0.03f, buf, c.plumb, 11);
  }

  if (o.meyerding && v.meyerding_grade > 0) {
    // quarters of the lower endplate, the lower vertebra's posterior wall, and the slipped corner
    const glm::vec3 dir = p.lower_anterior - p.lower_posterior;
    const glm::vec3 wall = safeNormalize(p.lower_posterior - p.lower_posterior_wall);
    const float tick = glm::length(dir) * 0.18f;
    for (int q = 0; q <= 4; ++q) {
      const glm::vec3 at = p.lower_posterior + dir * (static_cast<float>(q) / 4.0f);
      pen.line(at - wall * tick * 0.3f, at + wall * tick, c.slip, q == 0 || q == 4 ? 1.0f : 0.7f);
    }
    pen.line(p.lower_posterior_wall, p.lower_posterior + wall * glm::length(dir) * 0.6f, c.slip, 0.9f, true);
    pen.line(p.upper_posterior_inferior - wall * tick * 0.2f, p.upper_posterior_inferior + wall * tick * 1.2f,
             c.slip, 1.2f);
    // named in the margin on a leader to the slipped corner, the step the grade is read at: a
    // value pinned in front of S1 covered the overhanging vertebra that shows the slip (review)
    pen.name(p.upper_posterior_inferior,
             v.slip_level + ": " + meyerdingText(v.meyerding_grade, v.slip_percent), c.slip, 13);
    // and no value box covers that corner (PT's sat on it in a high-grade slip, and the grade's
    // leader had nowhere to start)
    list.value_clear_points.push_back(p.upper_posterior_inferior);
  }
}

}  // namespace sagitta::scene
