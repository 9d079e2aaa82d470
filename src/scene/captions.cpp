#include "scene/captions.h"

#include <cmath>
#include <cstdio>

namespace sagitta::scene {
namespace {

using biomech::MuscleGroup;
using biomech::MuscleId;

double groupTightness(const biomech::ModelInputs& in, MuscleGroup g) {
  double sum = 0.0;
  int n = 0;
  for (std::size_t m = 0; m < biomech::kMuscleCount; ++m) {
    if (biomech::groupOf(static_cast<MuscleId>(m)) != g) continue;
    for (const biomech::MuscleSetting& s : in.muscles[m]) {
      sum += s.tightness;
      ++n;
    }
  }
  return n > 0 ? sum / n : 0.0;
}

double hamstringTightness(const biomech::ModelInputs& in) {
  double sum = 0.0;
  for (MuscleId m : {MuscleId::kSemimembranosus, MuscleId::kSemitendinosus, MuscleId::kBicepsFemoris}) {
    for (const biomech::MuscleSetting& s : in.muscles[biomech::muscleIndex(m)]) sum += s.tightness;
  }
  return sum / 6.0;
}

double groupStrength(const biomech::ModelInputs& in, std::initializer_list<MuscleId> muscles) {
  double sum = 0.0;
  int n = 0;
  for (MuscleId m : muscles) {
    for (const biomech::MuscleSetting& s : in.muscles[biomech::muscleIndex(m)]) {
      sum += s.strength;
      ++n;
    }
  }
  return sum / n;
}

std::string signedValue(double v, const char* unit) {
  char buf[48];
  // a real minus sign reads better on a projector than a hyphen
  std::snprintf(buf, sizeof buf, "%s%.1f%s", v < 0 ? "−" : "+", std::abs(v), unit);
  return buf;
}

void add(std::string& text, const std::string& sentence) {
  if (!text.empty()) text += ' ';
  text += sentence;
}

}  // namespace

std::vector<std::string> changeBadges(const biomech::ClinicalMeasures& now,
                                      const biomech::ClinicalMeasures& neutral,
                                      const biomech::Solution& solution) {
  std::vector<std::string> badges;
  badges.push_back("ΔPT " + signedValue(now.pelvic_tilt_deg - neutral.pelvic_tilt_deg, "°"));
  badges.push_back("ΔLL " + signedValue(now.lumbar_lordosis_deg - neutral.lumbar_lordosis_deg, "°"));
  const auto& psoas = solution.muscles[biomech::muscleIndex(MuscleId::kPsoas)];
  const double pct = (psoas[0].length_pct_of_neutral + psoas[1].length_pct_of_neutral) * 0.5 - 100.0;
  badges.push_back("Psoas length " + signedValue(pct, " %"));
  return badges;
}

Captions patientCaptions(const biomech::ModelInputs& in, const biomech::Solution& now,
                         const biomech::Solution& neutral, bool show_numbers) {
  Captions c;
  const biomech::ClinicalMeasures& m = now.measures;
  // anterior tilt is a smaller PT (reference.md §1.1)
  const double forward_tilt = neutral.measures.pelvic_tilt_deg - m.pelvic_tilt_deg;
  const double more_arch = m.lumbar_lordosis_deg - neutral.measures.lumbar_lordosis_deg;
  const double flexors = groupTightness(in, MuscleGroup::kHipFlexors);
  const double back = groupTightness(in, MuscleGroup::kBackExtensors);
  const double hamstrings = hamstringTightness(in);
  const double glute_abs = groupStrength(in, {MuscleId::kGluteusMaximus, MuscleId::kRectusAbdominis});

  switch (in.pose) {
    case biomech::PoseKind::kThomas: {
      if (now.thomas && now.thomas->one_joint_flexors_short) {
        add(c.caption,
            "Lying back with the other knee held to the chest, this thigh stays above the couch: the hip "
            "flexors at the front of this hip are short.");
      } else {
        add(c.caption,
            "Lying back with the other knee held to the chest, this thigh rests at or below the couch: the "
            "hip flexors are long enough.");
      }
      if (now.thomas && now.thomas->two_joint_flexors_short) {
        add(c.caption,
            "The knee stays straighter than usual, which points to a short rectus femoris at the front of "
            "the thigh.");
      }
      break;
    }
    case biomech::PoseKind::kLunge:
      add(c.caption,
          "Kneeling with this leg behind you stretches the hip flexors at the front of the hip. Keeping "
          "the pelvis tucked under makes the stretch stronger.");
      break;
    case biomech::PoseKind::kSitting:
      add(c.caption,
          "Sitting bends the hips, so the hip flexors are short and slack, and the lower back flattens.");
      break;
    case biomech::PoseKind::kStanding:
      if (forward_tilt > 0.7 && flexors >= back && flexors > 0.1) {
        add(c.caption, "Your hip flexors are short, so they pull the front of your pelvis down.");
      } else if (forward_tilt > 0.7 && back > 0.1) {
        add(c.caption,
            "The muscles along your lower back are tight, so they arch it and tip your pelvis forward.");
      } else if (forward_tilt < -0.7 && hamstrings > 0.1) {
        add(c.caption, "Your hamstrings are tight, so they pull the back of your pelvis down.");
      } else if (forward_tilt < -0.7 && glute_abs > biomech::kDefaultStrength + 0.05) {
        add(c.caption, "Strong buttock and tummy muscles tip your pelvis back.");
      } else if (std::abs(forward_tilt) <= 0.7 && in.slip.percent <= 0.0) {
        add(c.caption, "This is a typical relaxed standing posture.");
      }
      if (more_arch > 0.7) add(c.caption, "Your lower back arches more to keep you upright.");
      if (more_arch < -0.7) add(c.caption, "Your lower back flattens to keep you upright.");
      break;
  }

  if (now.measures.meyerding_grade > 0) {
    const bool l5 = in.slip.level == biomech::SlipLevel::kL5S1;
    std::string s = std::string("The ") + (l5 ? "lowest lumbar vertebra (L5)" : "L4 vertebra") +
                    " has slid forward on the bone below it";
    if (show_numbers) {
      char buf[96];
      std::snprintf(buf, sizeof buf, " (grade %d, about %.0f %% of its depth)", now.measures.meyerding_grade,
                    now.measures.slip_percent);
      s += buf;
    }
    add(c.caption, s + ".");
    if (in.slip.type == biomech::SlipType::kIsthmic) {
      add(c.caption, "A thin bridge of bone at its back (the pars) has a gap, so the front part can move.");
    } else {
      add(c.caption, "Wear in the disc and the small joints behind it lets it move.");
    }
    const auto& slip = now.slip;
    const double before = slip.foraminal_height_neutral_mm[1], after = slip.foraminal_height_mm[1];
    if (after < before - 0.5) {
      std::string t = "The opening where the nerve leaves is narrower";
      if (show_numbers) {
        char buf[64];
        std::snprintf(buf, sizeof buf, " (%.0f mm instead of %.0f mm)", after, before);
        t += buf;
      }
      add(c.caption, t + ".");
    }
  }

  // honest about the size of the effect (reference.md §6): studies find small, variable changes
  const bool muscle_effect = std::abs(forward_tilt) > 3.0 && in.pose == biomech::PoseKind::kStanding;
  c.note = muscle_effect
               ? "Studies find that muscle tightness changes posture less than this, and differently from "
                 "person to person. " +
                     std::string(kNotADiagnosis)
               : std::string(kNotADiagnosis);
  return c;
}

}  // namespace sagitta::scene
