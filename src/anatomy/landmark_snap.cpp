// Landmarks placed by anatomical description rather than by a cited coordinate are laid onto the
// generated bone surface of their segment, so they sit on the bone a teacher sees: the trunk
// muscles' attachments (psoas origins, erector spinae, multifidus, rectus abdominis, obliques)
// and descriptive bony points (tubercles, processes, the fossa). Landmarks that define a
// measurement (ASIS, PSIS, symphysis, hip/knee/ankle centres, endplate corners, facets, pedicles,
// canal, the subpubic arch, ischial spines and tuberosities) and the Rajagopal hip-muscle points
// keep their cited or designed coordinates.
#include <map>
#include <string>

#include "anatomy/landmark_table.h"
#include "anatomy/part_shapes.h"
#include "anatomy/thoracic_column.h"

namespace sagitta::anatomy {
namespace {

bool described(const std::string& name) {
  for (const char* key : {"iliac_fossa",
                          "iliopubic_eminence",
                          "acetabulum_rim_superior",
                          "pubic_symphysis_superior",
                          "pubic_symphysis_inferior",
                          "sacral_apex",
                          "median_sacral_crest",
                          "sacral_hiatus",
                          "sacral_ala",
                          "greater_trochanter",
                          "lesser_trochanter",
                          "fovea_capitis",
                          "femoral_neck_anterior",
                          "intertrochanteric_crest",
                          "intertrochanteric_line",
                          "linea_aspera",
                          "first_metatarsal_head",
                          "fifth_metatarsal_head",
                          "xiphisternal_joint",
                          "xiphoid_tip",
                          "tibial_tuberosity",
                          "lateral_malleolus",
                          "medial_malleolus",
                          "heel",
                          "toe_tip",
                          "rib1",
                          "greater_sciatic_notch",
                          "iliac_tubercle",
                          "iliac_crest_top",
                          "aiis",
                          "piis",
                          "auricular_surface",
                          "sacral_auricular_surface",
                          "coccyx_tip",
                          "tibial_plateau"}) {
    if (name.rfind(key, 0) == 0) return true;
  }
  for (const char* key : {"_transverse_tip_", "_accessory_", "_mammillary_", "_spinous_tip",
                          "_condyle_posterior_", "inferior_pubic_ramus", "costal_facet_"}) {
    if (name.find(key) != std::string::npos) return true;
  }
  // the thoracic column's articular facets (no joint space is measured on them)
  return thoracicColumnLevel(name) >= 0 && name.find("_articular_") != std::string::npos;
}

}  // namespace

void snapDescribedLandmarks(const BodyLayout& body, std::vector<Landmark>& landmarks) {
  // one field per segment: the union of its rigid parts (left parts mirrored from the right)
  std::map<Segment, std::vector<sdf::NodePtr>> fields;
  std::map<std::string, sdf::NodePtr> by_name;
  const std::vector<PartShape> shapes = builtinShapes(body);
  for (const PartShape& s : shapes) {
    if (s.field) by_name[s.name] = s.field;
  }
  for (const PartShape& s : shapes) {
    if (s.skin) continue;
    const sdf::NodePtr f = s.field ? s.field : sdf::mirrorZ(by_name.at(s.mirror_of));
    fields[s.segment].push_back(f);
  }
  std::map<Segment, sdf::NodePtr> segment_field;
  for (auto& [seg, list] : fields) segment_field[seg] = sdf::unite(list);
  for (Landmark& l : landmarks) {
    if (!described(l.name)) continue;
    const auto it = segment_field.find(l.segment);
    if (it == segment_field.end()) continue;
    const glm::dvec3 p = sdf::snapToSurface(*it->second, l.position, 2e-4);
    if (glm::distance(p, l.position) < 0.03 && std::abs(it->second->eval(p)) < 1e-5) l.position = p;
  }
}

}  // namespace sagitta::anatomy
