// The solver's analytic gradient (virtual work, including the brim and knee wraps, the
// detached isthmic arch and the balance control) against finite differences of its energy.
// A wrong gradient would still "converge" to a wrong posture, so this is checked directly.
#include <cmath>

#include <gtest/gtest.h>

#include "biomech/model_impl.h"
#include "biomech_test_support.h"

namespace sagitta::biomech {
namespace {

TEST(Gradient, MatchesFiniteDifferencesOfTheEnergy) {
  detail::Impl m;
  m.skeleton = anatomy::buildSkeleton();
  detail::buildModel(m);
  std::uint32_t seed = 4242;
  auto next = [&]() {
    seed = seed * 1664525u + 1013904223u;
    return static_cast<double>(seed >> 8) / static_cast<double>(1u << 24);
  };
  for (int i = 0; i < 60; ++i) {
    ModelInputs in;
    for (auto& muscle : in.muscles) {
      for (auto& side : muscle) side = {next(), next()};
    }
    in.pose = static_cast<PoseKind>(i % 4);
    in.pose_side = (i / 4) % 2 == 0 ? Side::kLeft : Side::kRight;
    in.slip.percent = i % 3 == 0 ? 0.0 : 120.0 * next();
    in.slip.type = i % 5 < 3 ? SlipType::kIsthmic : SlipType::kDegenerative;
    in.slip.level = i % 7 < 4 ? SlipLevel::kL5S1 : SlipLevel::kL4L5;
    const detail::Setup setup = detail::makeSetup(m, in);
    std::array<double, detail::kMaxDofs> q = setup.q0;
    for (int k = 0; k < setup.dofs; ++k) q[static_cast<std::size_t>(k)] += 0.1 * (next() - 0.5);
    std::array<double, detail::kMaxDofs> g{};
    detail::evaluate(m, setup, q.data(), g.data());
    for (int k = 0; k < setup.dofs; ++k) {
      const double h = 1e-6;
      auto qp = q, qm = q;
      qp[static_cast<std::size_t>(k)] += h;
      qm[static_cast<std::size_t>(k)] -= h;
      const double fd =
          (detail::evaluate(m, setup, qp.data(), nullptr) - detail::evaluate(m, setup, qm.data(), nullptr)) /
          (2 * h);
      EXPECT_NEAR(g[static_cast<std::size_t>(k)], fd, 1e-4 * (1.0 + std::abs(fd)))
          << "case " << i << " (" << poseName(in.pose) << ", slip " << in.slip.percent << ") dof " << k;
    }
  }
}

TEST(Gradient, WrappedPathLengthIsContinuousWhereTheLineTouchesTheCircle) {
  // move a point so the straight line sweeps across the circle: the length has no jump
  const glm::dvec2 centre(0.0, 0.0);
  const double r = 0.05;
  double last = -1.0;
  for (int step = 0; step < 320; ++step) {
    const double y = 0.08 - 0.0005 * step;
    const glm::dvec3 a(-0.1, y, 0.0), b(0.1, y, 0.01);
    const detail::SegmentPath p = detail::segmentPath(a, b, &centre, r);
    if (last > 0.0) {
      EXPECT_LT(std::abs(p.length - last), 0.002) << y;
    }
    EXPECT_GE(p.length, glm::length(b - a) - 1e-12);
    last = p.length;
  }
}

}  // namespace
}  // namespace sagitta::biomech
