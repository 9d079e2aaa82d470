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
double slider(std::int64_t i) { return static_cast<double>(i % 1000) / 1000.0; }

void BM_SolveStandingHipFlexorSlider(benchmark::State& state) {
  std::int64_t i = 0;
  for (auto _ : state) {
    biomech::ModelInputs in;
    setGroup(in, biomech::MuscleGroup::kHipFlexors, slider(i++));
    benchmark::DoNotOptimize(model().solve(in));
  }
}
BENCHMARK(BM_SolveStandingHipFlexorSlider)->Unit(benchmark::kMicrosecond);

// the UI's way: one Solution reused frame after frame
void BM_SolveStandingHipFlexorSliderReusingTheSolution(benchmark::State& state) {
  std::int64_t i = 0;
  biomech::Solution out;
  for (auto _ : state) {
    biomech::ModelInputs in;
    setGroup(in, biomech::MuscleGroup::kHipFlexors, slider(i++));
    model().solve(in, out);
    benchmark::DoNotOptimize(out);
  }
}
BENCHMARK(BM_SolveStandingHipFlexorSliderReusingTheSolution)->Unit(benchmark::kMicrosecond);

void BM_SolveStandingAllGroups(benchmark::State& state) {
  std::int64_t i = 0;
  for (auto _ : state) {
    biomech::ModelInputs in;
    const double v = slider(i++);
    setGroup(in, biomech::MuscleGroup::kHipFlexors, v);
    setGroup(in, biomech::MuscleGroup::kHipExtensors, 1.0 - v);
    setGroup(in, biomech::MuscleGroup::kAbdominals, 0.5 * v);
    setGroup(in, biomech::MuscleGroup::kBackExtensors, 0.3);
    benchmark::DoNotOptimize(model().solve(in));
  }
}
BENCHMARK(BM_SolveStandingAllGroups)->Unit(benchmark::kMicrosecond);

void BM_SolveSlipSlider(benchmark::State& state) {
  std::int64_t i = 0;
  for (auto _ : state) {
    biomech::ModelInputs in;
    in.slip.percent = 150.0 * slider(i++);
    benchmark::DoNotOptimize(model().solve(in));
  }
}
BENCHMARK(BM_SolveSlipSlider)->Unit(benchmark::kMicrosecond);

void BM_SolveThomasTest(benchmark::State& state) {
  std::int64_t i = 0;
  for (auto _ : state) {
    biomech::ModelInputs in;
    in.pose = biomech::PoseKind::kThomas;
    setGroup(in, biomech::MuscleGroup::kHipFlexors, slider(i++));
    benchmark::DoNotOptimize(model().solve(in));
  }
}
BENCHMARK(BM_SolveThomasTest)->Unit(benchmark::kMicrosecond);

void BM_SolveSittingAndLunge(benchmark::State& state) {
  std::int64_t i = 0;
  for (auto _ : state) {
    biomech::ModelInputs in;
    in.pose = (i % 2) != 0 ? biomech::PoseKind::kSitting : biomech::PoseKind::kLunge;
    setGroup(in, biomech::MuscleGroup::kHipFlexors, slider(i++));
    benchmark::DoNotOptimize(model().solve(in));
  }
}
BENCHMARK(BM_SolveSittingAndLunge)->Unit(benchmark::kMicrosecond);

void BM_SolvePatient(benchmark::State& state) {
  std::int64_t i = 0;
  for (auto _ : state) {
    biomech::ModelInputs in;
    in.patient.pelvic_incidence_deg = 40.0 + 30.0 * slider(i++);
    in.patient.pelvic_tilt_deg = 15.0;
    benchmark::DoNotOptimize(model().solve(in));
  }
}
BENCHMARK(BM_SolvePatient)->Unit(benchmark::kMicrosecond);

void BM_BuildModel(benchmark::State& state) {
  const anatomy::Skeleton skeleton = anatomy::buildSkeleton();
  for (auto _ : state) benchmark::DoNotOptimize(biomech::PostureModel(skeleton));
}
BENCHMARK(BM_BuildModel)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
