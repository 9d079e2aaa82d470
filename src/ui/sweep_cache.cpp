#include "ui/sweep_cache.h"

#include "scenario/parameters.h"

namespace sagitta::ui {

const Sweep& SweepCache::get(const std::string& key, const biomech::ModelInputs& inputs,
                             const Sample& sample) {
  const scenario::ParamInfo* info = scenario::findParameter(key);
  if (info == nullptr || info->type != scenario::ParamType::kNumber || info->optional) return sweep_;
  // every sample sets `key`, so its current value is no part of what the sweep depends on
  biomech::ModelInputs basis = inputs;
  scenario::setNumber(basis, key, info->min);
  if (sweep_.valid && sweep_.key == key && basis_ == basis) return sweep_;
  Sweep next{key, {}, {}, true};
  for (int i = 0; i < kSamples; ++i) {
    const double x = info->min + (info->max - info->min) * i / (kSamples - 1);
    biomech::ModelInputs trial = basis;
    scenario::setNumber(trial, key, x);
    const std::vector<float> values = sample(trial);
    ++solves_;
    if (next.ys.empty()) next.ys.resize(values.size());
    next.xs.push_back(static_cast<float>(x));
    for (std::size_t r = 0; r < values.size() && r < next.ys.size(); ++r) next.ys[r].push_back(values[r]);
  }
  sweep_ = std::move(next);
  basis_ = basis;  // plain numbers: a copy
  return sweep_;
}

}  // namespace sagitta::ui
