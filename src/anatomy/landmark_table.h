// Internal to the built-in skeleton: collects landmarks, adding both sides of bilateral ones.
#pragma once

#include <string>
#include <vector>

#include "anatomy/body_layout.h"
#include "anatomy/skeleton.h"

namespace sagitta::anatomy {

class LandmarkTable {
 public:
  void add(std::string name, Segment segment, const glm::dvec3& position);
  // `base`_r at `right` on the right segment and `base`_l at its mirror image on the left one
  void addPair(const std::string& base, Segment right_segment, const glm::dvec3& right);
  void addPair(const std::string& base, const glm::dvec3& right_in_pelvis);  // both on the pelvis
  std::vector<Landmark> take() { return std::move(landmarks_); }

 private:
  std::vector<Landmark> landmarks_;
};

void addBoneLandmarks(const BodyLayout& body, LandmarkTable& table);
void addMuscleLandmarks(const BodyLayout& body, LandmarkTable& table);
// Lays landmarks placed by description onto the generated bone surfaces (landmark_snap.cpp).
void snapDescribedLandmarks(const BodyLayout& body, std::vector<Landmark>& landmarks);

}  // namespace sagitta::anatomy
