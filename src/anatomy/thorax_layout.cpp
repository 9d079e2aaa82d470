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
#include "anatomy/body_layout.h"
#include "anatomy/thoracic_column.h"

namespace sagitta::anatomy {

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
  t.ribs[1] = {at(-0.012, 0.045, 0.020),  at(-0.038, 0.040, 0.042), at(-0.042, 0.020, 0.075),
               at(-0.022, -0.012, 0.108), at(0.006, -0.044, 0.126), at(0.030, -0.064, 0.130)};
  t.ribs[2] = {at(-0.008, 0.018, 0.020), at(-0.030, 0.012, 0.040), at(-0.032, -0.006, 0.065),
               at(-0.020, -0.032, 0.090), at(-0.006, -0.054, 0.103)};
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
  return t;
}

}  // namespace sagitta::anatomy
