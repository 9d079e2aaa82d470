// Posture solves as the UI makes them, one per frame while a slider moves: the budget is 50 us a
// solve (issue 4). Each benchmark varies its input a little every iteration, as a dragged slider
// does, so no two solves are the same.
#include <benchmark/benchmark.h>

#include "anatomy/skeleton.h"
#include "biomech/measures.h"
#include "biomech/posture_model.h"

namespace {

using namespace sagitta;

const biomech::PostureModel& model() {
  static const biomech::PostureModel kModel(anatomy::buildSkeleton());
  return kModel;
}

void setGroup(biomech::ModelInputs& in, biomech::MuscleGroup g, double t) {
  for (std::size_t m = 0; m < biomech::kMuscleCount; ++m) {
    if (biomech::groupOf(static_cast<biomech::MuscleId>(m)) != g) continue;
    for (biomech::Side s : biomech::kSides) in.muscle(static_cast<biomech::MuscleId>(m), s).tightness = t;
  }
}

// slider position in [0, 1), moving a little every call
double slider(std::int64_t i) {
  return static_cast<double>(i % 1000) / 1000.0;
}

void solveStandingHipFlexorSlider(benchmark::State& state) {
  std::int64_t i = 0;
  while (state.KeepRunning()) {
    biomech::ModelInputs in;
    setGroup(in, biomech::MuscleGroup::kHipFlexors, slider(i++));
    benchmark::DoNotOptimize(model().solve(in));
  }
}
BENCHMARK(solveStandingHipFlexorSlider)->Unit(benchmark::kMicrosecond);

// the UI's way: one Solution reused frame after frame
void solveStandingHipFlexorSliderReusingTheSolution(benchmark::State& state) {
  std::int64_t i = 0;
  biomech::Solution out;
  while (state.KeepRunning()) {
    biomech::ModelInputs in;
    setGroup(in, biomech::MuscleGroup::kHipFlexors, slider(i++));
    model().solve(in, out);
    benchmark::DoNotOptimize(out);
  }
}
BENCHMARK(solveStandingHipFlexorSliderReusingTheSolution)->Unit(benchmark::kMicrosecond);

void solveStandingAllGroups(benchmark::State& state) {
  std::int64_t i = 0;
  while (state.KeepRunning()) {
    biomech::ModelInputs in;
    const double v = slider(i++);
    setGroup(in, biomech::MuscleGroup::kHipFlexors, v);
    setGroup(in, biomech::MuscleGroup::kHipExtensors, 1.0 - v);
    setGroup(in, biomech::MuscleGroup::kAbdominals, 0.5 * v);
    setGroup(in, biomech::MuscleGroup::kBackExtensors, 0.3);
    benchmark::DoNotOptimize(model().solve(in));
  }
}
BENCHMARK(solveStandingAllGroups)->Unit(benchmark::kMicrosecond);

void solveSlipSlider(benchmark::State& state) {
  std::int64_t i = 0;
  while (state.KeepRunning()) {
    biomech::ModelInputs in;
    in.slip.percent = 150.0 * slider(i++);
    benchmark::DoNotOptimize(model().solve(in));
  }
}
BENCHMARK(solveSlipSlider)->Unit(benchmark::kMicrosecond);

void solveThomasTest(benchmark::State& state) {
  std::int64_t i = 0;
  while (state.KeepRunning()) {
    biomech::ModelInputs in;
    in.pose = biomech::PoseKind::kThomas;
    setGroup(in, biomech::MuscleGroup::kHipFlexors, slider(i++));
    benchmark::DoNotOptimize(model().solve(in));
  }
}
BENCHMARK(solveThomasTest)->Unit(benchmark::kMicrosecond);

void solveSittingAndLunge(benchmark::State& state) {
  std::int64_t i = 0;
  while (state.KeepRunning()) {
    biomech::ModelInputs in;
    in.pose = (i % 2) != 0 ? biomech::PoseKind::kSitting : biomech::PoseKind::kLunge;
    setGroup(in, biomech::MuscleGroup::kHipFlexors, slider(i++));
    benchmark::DoNotOptimize(model().solve(in));
  }
}
BENCHMARK(solveSittingAndLunge)->Unit(benchmark::kMicrosecond);

void solvePatient(benchmark::State& state) {
  std::int64_t i = 0;
  while (state.KeepRunning()) {
    biomech::ModelInputs in;
    in.patient.pelvic_incidence_deg = 40.0 + 30.0 * slider(i++);
    in.patient.pelvic_tilt_deg = 15.0;
    benchmark::DoNotOptimize(model().solve(in));
  }
}
BENCHMARK(solvePatient)->Unit(benchmark::kMicrosecond);

void buildModel(benchmark::State& state) {
  const anatomy::Skeleton skeleton = anatomy::buildSkeleton();
  while (state.KeepRunning()) benchmark::DoNotOptimize(biomech::PostureModel(skeleton));
}
BENCHMARK(buildModel)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
