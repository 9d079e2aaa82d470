#include "anatomy/part_shapes.h"

namespace sagitta::anatomy {

std::vector<PartShape> builtinShapes(const BodyLayout& body) {
  std::vector<PartShape> out;
  for (auto* make : {&pelvisShapes, &sacrumShapes, &vertebraShapes, &discShapes, &femurShapes, &shankShapes, &thoraxShapes,
                     &outlineShapes}) {
    std::vector<PartShape> part = make(body);
    out.insert(out.end(), part.begin(), part.end());
  }
  return out;
}

}  // namespace sagitta::anatomy
