// Lower rib cage hint: ribs 10-12 and the costal margin up to the xiphoid. No measurement uses
// these points; they are a visual cue and anchor the abdominal-wall muscles. Designed upright
// (pelvis-frame axes at the neutral pose) around the centre C of T12's inferior endplate, then
// expressed in the thorax frame, which leans back with the end of the lordosis.
// Proportions [U]: lowest costal margin (rib 10, midaxillary line) near L2-L3 (subcostal
// plane), chest ~27 cm wide at rib 10, xiphoid ~13 cm in front of the vertebral bodies at T10.
// Where the ribs meet the spine is not designed here: each head sits on the full costal facet of
// its own vertebra (T10, T11, T12) and rib 10's tubercle on T10's transverse costal facet, read
// from the thoracic column (anatomy::ribArticulation), the geometry the drawn vertebrae and their
// facet landmarks are made from.
#include <cmath>
#include <numbers>

#include "anatomy/body_layout.h"
#include "anatomy/sdf.h"
#include "anatomy/thoracic_column.h"

namespace sagitta::anatomy {
namespace {

// The rest of the rib cage: the sternum and ribs 1-9 with their costal cartilages. A drawing of
// the standard anatomy [U: Gray's Anatomy, 41st ed., thoracic wall], sized by stature, with these
// anchors:
// - the thoracic inlet is ~5 cm deep from the front of T1 to the back of the manubrium, whose top
//   (the jugular notch) lies at the T2-T3 disc; the sternal angle at the T4-T5 disc, ~5 cm below
//   the notch (the manubrium), and the body ~10 cm on to the xiphisternal joint (the lower thorax
//   hint's, at T9-T10) [U: Gray's];
// - ribs 1 and 2 join the manubrium (2 at the sternal angle), 3-7 the body down to the
//   xiphisternal joint; the cartilages of 8, 9 and 10 each run up the costal margin into the one
//   above, so seven reach the sternum and the margin is the lower border of 7-10 [U];
// - each head on its demifacets, each tubercle on its transverse costal facet, one joint space
//   off (anatomy::ribArticulation, as ribs 10-12);
// - the chest's half-width at each rib, the rib's angle ~2 cm lateral of its tubercle, the
//   costochondral junction at 60 % of the half-width, and how far each rib's front end lies
//   below the sternum where its cartilage meets it: drawing values [D], widest (~28 cm across) at
//   ribs 7-9 [U], the side of each rib an ellipse through the angle and the sternum.
// The sternum and cartilages are drawn with T6 (part "t6_sternum"), each rib with its own
// vertebra: a bend of the column moves them apart a little at the cartilages (docs/anatomy.md).
void layoutUpperRibs(const BodyDimensions& d, const SpineLayout& spine, const ThoracicColumn& column,
                     ThoraxLayout& t) {
  const double s = d.opensim_scale;
  const glm::dmat4 thorax_in_pelvis = spine.thoraxInPelvis();
  const glm::dmat4 pelvis_in_thorax = glm::inverse(thorax_in_pelvis);
  const glm::dvec3 c = transformPoint(thorax_in_pelvis, glm::dvec3(0.0));
  // upright (pelvis-frame axes at the neutral pose, x anterior, y up, z right) about T12's
  // inferior endplate centre, in metres; and back to the thorax frame
  auto up = [&](const glm::dvec3& p) { return transformPoint(thorax_in_pelvis, p) - c; };
  auto back = [&](const glm::dvec3& u) { return transformPoint(pelvis_in_thorax, c + u); };

  // the sternum's front midline
  const glm::dvec3 x_joint = up(t.xiphisternal_joint);
  const glm::dvec3 t1_front = up(column.superior_anterior[1]);
  const double notch_y =
      0.5 * (up(column.inferior_anterior[2]).y + up(column.superior_anterior[3]).y);  // T2-T3 disc
  const glm::dvec3 notch(t1_front.x + 0.055 * s, notch_y, 0.0);
  // the manubrium and the body meet at the sternal angle, open forward (~160-165 deg [U]): the
  // joint lies 11 mm in front of the line from the notch to the xiphisternal joint (164-165 deg) [D]
  const glm::dvec3 angle = notch + (x_joint - notch) * (0.05 / 0.15) + glm::dvec3(0.011 * s, 0.0, 0.0);
  t.jugular_notch = back(notch);
  t.sternal_angle = back(angle);
  // where each cartilage meets the sternum's side (1-7) or the one above on the margin (8, 9: below), upright
  std::array<glm::dvec3, 9> meet{};
  const glm::dvec3 side(-0.006 * s, 0.0, 0.0);  // the cartilages meet the sternum behind its front
  meet[0] = notch + (angle - notch) * 0.35 + side + glm::dvec3(0, 0, 0.022 * s);
  // ribs 2-7 meet the body's side within its plate (2 mm behind its front line, 12-14 mm from the
  // midline), so their ends enter it: 6 mm behind and 15-17 mm out, their ends' centres lay 1-3 mm
  // outside the sternum and the cartilages seemed to end free beside it (a review, issue 14)
  const glm::dvec3 body_side(-0.002 * s, 0.0, 0.0);
  // the sternal body's side at rib k (2-7), `depth` behind its front line
  constexpr std::array<double, 6> kBodyShare = {0.0, 0.17, 0.38, 0.58, 0.78, 0.95};
  auto on_body = [&](std::size_t k, const glm::dvec3& depth) {
    return angle + (x_joint - angle) * kBodyShare[k - 2] + depth +
           glm::dvec3(0, 0, (k == 2 ? 0.014 : 0.012) * s);
  };
  for (std::size_t k = 2; k <= 7; ++k) meet[k - 1] = on_body(k, body_side);
  // where the side of ribs 1-7 is drawn to (the front's depth, and the height its junction drops
  // from): for rib 1 where its cartilage meets the manubrium, for ribs 2-7 the sternum's side at
  // the depth the cartilages met it before they were moved into its plate (the ribs kept their
  // fronts); for ribs 8 and 9 a point on the line of the costal margin [D]
  std::array<glm::dvec3, 9> rib_front{};
  rib_front[0] = meet[0];
  for (std::size_t k = 2; k <= 7; ++k) rib_front[k - 1] = on_body(k, side);
  rib_front[7] = up(0.5 * (t.costal_margin[3] + t.costal_margin[4]));
  rib_front[8] = up(0.5 * (t.costal_margin[2] + t.costal_margin[3]));
  // The costal margin is the lower border of cartilages 7-10 [U: Gray's]: each of them runs
  // medially from its rib onto the margin's line and up along it into the one above (7 to the
  // sternum), so the margin keeps its steep line (the infrasternal angle) and seven cartilages
  // reach the sternum. kOntoMargin: where along the line (rib 10's end 0, the xiphoid 1) the
  // cartilages of ribs 7, 8, 9 and 10 come onto it [D]; each of 8-10 ends just past where the one above
  // came on.
  std::vector<glm::dvec3> margin_up;
  for (const glm::dvec3& p : t.costal_margin) margin_up.push_back(up(p));
  const std::vector<glm::dvec3> margin_line = sdf::smoothCurve(margin_up, 8);
  auto onMargin = [&](double u) {
    double total = 0.0;
    for (std::size_t j = 0; j + 1 < margin_line.size(); ++j)
      total += glm::distance(margin_line[j], margin_line[j + 1]);
    double left = u * total;
    for (std::size_t j = 0; j + 1 < margin_line.size(); ++j) {
      const double len = glm::distance(margin_line[j], margin_line[j + 1]);
      if (left <= len) return margin_line[j] + (margin_line[j + 1] - margin_line[j]) * (left / len);
      left -= len;
    }
    return margin_line.back();
  };
  constexpr std::array<double, 4> kOntoMargin = {0.80, 0.60, 0.40, 0.0};  // ribs 7, 8, 9, 10
  // each of 8-10 runs on a little past where the one above comes onto the line, inside it, so the
  // joins are not seams
  constexpr double kOverlap = 0.05;
  meet[7] = onMargin(kOntoMargin[0] + kOverlap);
  meet[8] = onMargin(kOntoMargin[1] + kOverlap);
  // rib 7's cartilage meets the sternum where it narrows to the xiphisternal joint: 3 mm nearer
  // the midline than the others, so the tube enters it
  meet[6].z -= 0.003 * s;

  // the chest's half-width at each rib's side and how far the costochondral junction lies below
  // where its cartilage meets the sternum [D]
  constexpr std::array<double, 9> kHalfWidth = {0.058, 0.084, 0.102, 0.116, 0.126,
                                                0.133, 0.137, 0.139, 0.139};
  constexpr std::array<double, 9> kJunctionDrop = {0.000, 0.002, 0.010, 0.020, 0.032,
                                                   0.045, 0.056, 0.035, 0.040};
  for (int rib = 1; rib <= 9; ++rib) {
    const auto i = static_cast<std::size_t>(rib - 1);
    // rib 1 short, broad and flat (its surfaces face up and down, shapes_thorax.cpp) [U]
    RibRadii r = rib == 1 ? RibRadii{0.0048 * s, 0.0080 * s, 0.0072 * s}
                          : RibRadii{0.0048 * s, 0.0058 * s, 0.0052 * s};
    t.upper_rib_radii[i] = r;
    const RibArticulation a = ribArticulation(d, spine.t12, column, rib);
    const glm::dvec3 head = a.head + a.head_normal * (r.head + d.facet_gap);
    // the rib's back faces the facet: its thin side, but rib 1's broad one (flat the other way)
    const double back_half = (rib == 1 ? 1.0 : kRibFlatten) * r.shaft;
    const glm::dvec3 tubercle =
        a.tubercle_facet + a.tubercle_normal * (back_half + d.facet_gap + a.tubercle_facet_depth);
    const glm::dvec3 tu = up(tubercle);
    const double w = kHalfWidth[i] * s;
    // the angle: behind and lateral of the tubercle (rib 1 has hardly any)
    const glm::dvec3 corner = tu + glm::dvec3(-0.010 * s, -0.006 * s, (rib == 1 ? 0.008 : 0.022) * s);
    // the side: an ellipse from the angle (at 140 degrees from the front) round to the front, the
    // sternum's depth at the front
    const double front = rib_front[i].x;
    const double deg = std::numbers::pi / 180.0;
    const double semi = (front - corner.x) / (1.0 - std::cos(140.0 * deg));
    const double centre = front - semi;
    const double end_angle = std::asin(0.6);
    const double end_y = rib_front[i].y - kJunctionDrop[i] * s;
    auto onSide = [&](double theta) {
      const double f = (140.0 * deg - theta) / (140.0 * deg - end_angle);
      return glm::dvec3(centre + semi * std::cos(theta), corner.y + (end_y - corner.y) * f,
                        w * std::sin(theta));
    };
    std::vector<glm::dvec3> pts = {head, tubercle, back(corner)};
    for (const double theta : {115.0, 90.0, 65.0}) pts.push_back(back(onSide(theta * deg)));
    const glm::dvec3 junction = onSide(end_angle);
    pts.push_back(back(junction));
    t.upper_ribs[i] = std::move(pts);
    // the cartilage: on from the junction to the sternum or the margin, in line with the rib for
    // ribs 1-3, bowing a little forward and rising from 4 down
    // (7-9: through the point where they come onto the margin's line)
    const glm::dvec3 mid = rib >= 7
                               ? onMargin(kOntoMargin[i - 6])
                               : 0.5 * (junction + meet[i]) + glm::dvec3(rib < 4 ? 0.0 : 0.004 * s, 0.0, 0.0);
    t.upper_cartilages[i] = {back(junction), back(mid), back(meet[i])};
  }
  // rib 10's cartilage: from its end (the margin's start) along the line into rib 9's
  t.tenth_cartilage = {t.ribs[0].back(), back(onMargin(0.5 * kOntoMargin[2])),
                       back(onMargin(kOntoMargin[2] + kOverlap))};
}

}  // namespace

ThoraxLayout layoutThorax(const BodyDimensions& d, const SpineLayout& spine) {
  const double s = d.opensim_scale;
  // upright offsets from C -> thorax frame
  const glm::dmat4 thorax_in_pelvis = spine.thoraxInPelvis();
  const glm::dmat4 pelvis_in_thorax = glm::inverse(thorax_in_pelvis);
  const glm::dvec3 c = transformPoint(thorax_in_pelvis, glm::dvec3(0.0));
  auto at = [&](double x, double y, double z) {
    return transformPoint(pelvis_in_thorax, c + glm::dvec3(x, y, z) * s);
  };

  ThoraxLayout t;
  t.ribs[0] = {at(-0.016, 0.072, 0.020), at(-0.044, 0.068, 0.045), at(-0.050, 0.050, 0.085),
               at(-0.030, 0.020, 0.120), at(0.008, -0.020, 0.136), at(0.045, -0.050, 0.138),
               at(0.075, -0.065, 0.126), at(0.097, -0.060, 0.110)};
  // the floating ribs end free, the lower border of the cage rising from rib 10 to rib 12 [U: Gray's]:
  // rib 11 (~19 cm along its curve) at the midaxillary line, above and behind rib 10's lowest
  // point; rib 12 (~9.5 cm, about half of rib 11) behind, at L1 [D]
  t.ribs[1] = {at(-0.012, 0.045, 0.020),  at(-0.038, 0.040, 0.042), at(-0.042, 0.020, 0.075),
               at(-0.024, -0.010, 0.108), at(0.000, -0.036, 0.126), at(0.016, -0.050, 0.130)};
  t.ribs[2] = {at(-0.008, 0.018, 0.020), at(-0.030, 0.012, 0.040), at(-0.036, -0.004, 0.062),
               at(-0.030, -0.026, 0.084)};
  // the section of each rib (shapes_thorax.cpp), drawing values [D]
  t.rib_radii = {{RibRadii{0.0052 * s, 0.0060 * s, 0.0052 * s}, RibRadii{0.0050 * s, 0.0056 * s, 0.0036 * s},
                  RibRadii{0.0048 * s, 0.0052 * s, 0.0030 * s}}};
  t.rib12_longissimus = 0.5 * (t.ribs[2][0] + t.ribs[2][1]);
  // The costovertebral and costotransverse joints are synovial joints like the facet joints
  // (Radiopaedia, "Costovertebral joint" [V]): the drawn bones keep the same joint space apart
  // as the model's facets (BodyDimensions::facet_gap, 1.5 mm [U]).
  const ThoracicColumn column = layoutThoracicColumn(d, spine.t12);
  for (std::size_t i = 0; i < t.ribs.size(); ++i) {
    const RibArticulation a = ribArticulation(d, spine.t12, column, 10 + static_cast<int>(i));
    // the head's knob touches the facet's centre across the joint space
    t.ribs[i].front() = a.head + a.head_normal * (t.rib_radii[i].head + d.facet_gap);
    // the tubercle: the rib's back (its thin side, at most the shaft's thickness) faces the
    // transverse costal facet across the joint space from the hollow's rim; it replaces the
    // designed second point
    if (a.tubercle) {
      t.ribs[i][1] = a.tubercle_facet + a.tubercle_normal * (kRibFlatten * t.rib_radii[i].shaft +
                                                             d.facet_gap + a.tubercle_facet_depth);
    }
  }
  t.costal_margin = {at(0.097, -0.060, 0.110), at(0.112, -0.034, 0.092), at(0.122, -0.004, 0.068),
                     at(0.129, 0.036, 0.040), at(0.133, 0.074, 0.014)};
  t.xiphisternal_joint = at(0.135, 0.085, 0.0);
  t.xiphoid_tip = at(0.130, 0.045, 0.0);
  layoutUpperRibs(d, spine, column, t);
  return t;
}

}  // namespace sagitta::anatomy
