#include "scene/captions.h"

#include <cmath>
#include <cstdio>

#include "biomech/slip_classification.h"

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

double groupTone(const biomech::ModelInputs& in, std::initializer_list<MuscleId> muscles) {
  double sum = 0.0;
  int n = 0;
  for (MuscleId m : muscles) {
    for (const biomech::MuscleSetting& s : in.muscles[biomech::muscleIndex(m)]) {
      sum += s.tone;
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

// Where the most compressed root is pinched, and where a patient with it typically feels it:
// L4 the front of the knee and inner shin, L5 the outer shin and the top of the foot, S1 the
// sole, the outer foot and the calf (pain and sensory distribution of lumbosacral
// radiculopathy: L4 knee and medial calf; L5 lateral calf and dorsal foot; S1 plantar surface and
// lateral aspect of the foot, posterior calf. Harrison's Principles of Internal Medicine, 19th
// ed., Table 48-1 [V]; typical, not a diagnosis: dermatomes vary between people); the cauda
// equina: both legs on walking (neurogenic claudication).
void addNerveCaption(Captions& c, const biomech::SlipResult& slip, bool show_numbers) {
  if (slip.nerve_roots.empty()) return;
  const biomech::NerveRoot& root = slip.nerve_roots[slip.most_compressed];
  if (root.where == "none") return;
  std::string t;
  if (root.where == "foramen") {
    t = "The opening where the " + std::string(root.name) + " nerve leaves the spine is squeezed";
  } else if (root.where == "lateral_recess") {
    t = "The " + std::string(root.name) + " nerve is squeezed in the side channel of the spinal canal";
  } else if (root.stretch_pct >= biomech::kStretchedPct &&
             root.narrowing_pct < biomech::kCompressedNarrowingPct) {
    t = "The lower nerves are stretched over the top of the sacrum";
  } else {
    t = "The spinal canal is narrower, squeezing the bundle of nerves inside it";
  }
  if (show_numbers) {
    char buf[64];
    std::snprintf(buf, sizeof buf, " (%.0f %% narrower)", root.narrowing_pct);
    if (root.narrowing_pct >= 1.0) t += buf;
  }
  add(c.caption, t + ".");
  std::string_view feel;
  if (root.name == "L5") feel = "the outer shin and the top of the foot";
  if (root.name == "S1") feel = "the sole, the outer edge of the foot and the calf";
  if (root.name == "L4") feel = "the front of the knee and the inner shin";
  if (!feel.empty() && root.where != "canal") {
    add(c.caption, "Typically this is felt as pain, tingling or numbness in " + std::string(feel) +
                       " (typical, not a diagnosis).");
  } else if (root.where == "canal") {
    add(c.caption,
        "Typically this is felt as heavy, aching legs on walking that ease on bending forward or sitting "
        "(typical, not a diagnosis).");
  }
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
  const double glute_abs = groupTone(in, {MuscleId::kGluteusMaximus, MuscleId::kRectusAbdominis});
  bool muscles_tilt = false;  // a caption says the muscles tip the pelvis

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
      muscles_tilt = true;
      if (forward_tilt > 0.7 && flexors >= back && flexors > 0.1) {
        add(c.caption, "Your hip flexors are tight, so they pull the front of your pelvis down.");
      } else if (forward_tilt > 0.7 && back > 0.1) {
        add(c.caption,
            "The muscles along your lower back are tight, so they arch it and tip your pelvis forward.");
      } else if (forward_tilt < -0.7 && hamstrings > 0.1) {
        add(c.caption, "Your hamstrings are tight, so they pull the back of your pelvis down.");
      } else if (forward_tilt < -0.7 && glute_abs > biomech::kDefaultTone + 0.05) {
        // Tone, not strength: 12 sessions of strengthening (or stretching) did not change pelvic
        // tilt in 45 people with low back pain (Shamsi, Shahsavari, Safari and Mirzaei 2020, J Bodyw
        // Mov Ther 24(3):15-20, doi:10.1016/j.jbmt.2020.02.001), so the caption says what the model
        // does (more resting activation) and claims nothing about strengthening.
        add(c.caption,
            "More resting tone in the buttock and tummy muscles tips your pelvis back (a model prediction; "
            "strengthening them did not change pelvic tilt in a trial).");
      } else {
        muscles_tilt = false;
        if (std::abs(forward_tilt) <= 0.7 && in.slip.percent <= 0.0)
          add(c.caption, "This is a typical relaxed standing posture.");
      }
      if (more_arch > 0.7) add(c.caption, "Your lower back arches more to keep you upright.");
      if (more_arch < -0.7) add(c.caption, "Your lower back flattens to keep you upright.");
      break;
  }

  const auto& slip = now.slip;
  if (in.slip.type == biomech::SlipType::kSpondylolysis && slip.pars_defect) {
    add(c.caption,
        "A thin bridge of bone at the back of the vertebra (the pars) has a crack, but the vertebra has not "
        "slipped.");
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
    if (in.slip.type == biomech::SlipType::kDegenerative) {
      add(c.caption, "Wear in the disc and the small joints behind it lets it move.");
    } else if (in.slip.type == biomech::SlipType::kDysplastic) {
      add(c.caption,
          "The bones here formed differently while growing, so the vertebra can slide and tip forward.");
    } else {
      add(c.caption, "A thin bridge of bone at its back (the pars) has a gap, so the front part can move.");
    }
    if (slip.disc_height_mm < slip.disc_height_neutral_mm - 1.0)
      add(c.caption, "The disc between the two bones is flatter.");
    addNerveCaption(c, slip, show_numbers);
  }

  // honest about the size of the effect (reference.md §6): studies find small, variable changes.
  // Only where the caption puts a tilt down to the muscles: a slip with a patient's pelvis (its
  // own PI and PT) tilts the pelvis too, and there "muscle tightness ... less than this" points at
  // nothing the patient was told
  const bool muscle_effect = muscles_tilt && std::abs(forward_tilt) > 3.0;
  c.note = muscle_effect
               ? "Studies find that muscle tightness changes posture less than this, and differently from "
                 "person to person. " +
                     std::string(kNotADiagnosis)
               : std::string(kNotADiagnosis);
  return c;
}

}  // namespace sagitta::scene
