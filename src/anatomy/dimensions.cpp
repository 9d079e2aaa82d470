// The table behind the built-in skeleton. Sources (full references in docs/anatomy.md):
//   Rajagopal2016  opensim-org/opensim-models @20a888b Models/Rajagopal/Rajagopal2016.osim and
//                  its meshes, as extracted in ../shared/reference/{opensim_muscles,anthropometry}.json [M]
//   LMG            Lavecchia CE et al., Lumbar Model Generator, averageModelInput.m: regressions on
//                  stature (Taylor spine height, Tibbetts body heights) and age (disc heights) [V code]
//   DiscMRI        "Measuring Dimensions of Lumbar Intervertebral Discs in Normal Subjects",
//                  Anatomical Sciences Journal A-10-159-1 (MRI, n = 14, 40-60 y) [V abstract]
//   Typical        Panjabi 1992 Spine 17:299 / Zhou 2000 Eur Spine J 9:242 as recalled [U]
//   Winter         Winter DA, Biomechanics and Motor Control of Human Movement: Dempster 1955
//                  segment masses [V]; Drillis & Contini 1966 segment lengths (Fig. 4.1) [U]
//   deLeva1996     de Leva P (1996) J Biomech 29:1223, male segment masses [V]
//   Spinopelvic    Mac-Thiong 2011 Eur Spine J 20 S5:572 [V]; Le Huec class III, PMC4303780 [V]
//   Femur          Toogood 2009 CORR 467:876 [V]; PMC4775021 (1070 CT femurs) [V]
//   Ali2020        Ali SHM et al. (2020) Anat Cell Biol 53:27, subpubic angle by CT [V abstract]
//   Hampel2018     Hampel F et al. (2018) Neurourol Urodyn, MRI pelvimetry of women [V abstract]
//   Junno2009      Junno J-A et al. (2009) PLoS ONE 4:e4836, doi:10.1371/journal.pone.0004836:
//                  L4 body height by MRI, modern Finnish men 30.5 +- 1.67 mm (n = 60), women
//                  28.7 +- 1.59 mm (n = 31) [V: table in the abstract page]
#include "anatomy/dimensions.h"

#include <cmath>

#include "core/units.h"

namespace sagitta::anatomy {
namespace {

constexpr double kMm = 1e-3;

// LMG regressions were evaluated for these reference subjects in anthropometry.json; disc heights
// (a function of age only in LMG) are scaled by stature relative to them [D].
constexpr double kLmgMaleStature_m = 1.75;
constexpr double kLmgFemaleStature_m = 1.63;

// LMG: vertebral body heights as % of the bony spine height, L1..L5 [V code]. Used for the
// level-to-level pattern only: their absolute value (about 24 mm for a 175 cm man with the 70 %
// bony share below) is 20 % short of measured bodies, so the height itself comes from Junno2009.
constexpr std::array<double, kLumbarCount> kLmgBodyHeightPct = {5.55, 5.60, 5.66, 5.63, 5.71};
// LMG: transverse-process span L1..L5, mm, constant in LMG [V code]
constexpr std::array<double, kLumbarCount> kLmgTransverseSpan_mm = {74.21, 88.84, 96.89, 96.79, 97.45};
// LMG: disc height age regressions, cm = a + b * age, L1-L2 .. L5-S1 [V code]
constexpr std::array<std::array<double, 2>, kLumbarCount> kLmgDiscMale = {
    {{0.680, 0.006201}, {0.832, 0.006687}, {1.105, 0.005455}, {1.076, 0.006952}, {0.973, 0.008630}}};
constexpr std::array<std::array<double, 2>, kLumbarCount> kLmgDiscFemale = {
    {{0.627, 0.004840}, {0.817, 0.004771}, {0.985, 0.004982}, {1.051, 0.005052}, {0.926, 0.008170}}};

// DiscMRI means, mm, L1-L2 .. L5-S1 [V]: they give each disc's wedge angle
constexpr std::array<double, kLumbarCount> kMriDiscAnterior_mm = {10.82, 13.09, 15.21, 18.14, 18.71};
constexpr std::array<double, kLumbarCount> kMriDiscPosterior_mm = {7.31, 8.58, 9.08, 10.14, 8.51};
constexpr std::array<double, kLumbarCount> kMriDiscLength_mm = {30.23, 32.03, 32.86, 33.08, 31.33};

// Junno2009 L4 body height, mm, and the cohort's stature it is scaled from: Finnish adults of
// about 1.78 m (men) and 1.65 m (women) [U: national means, not given in the abstract]. The
// Visible Human male's L3 and L4 (sagitta_bone_validate, scaled to our size) agree: ~30 mm.
constexpr double kJunnoL4HeightMale_mm = 30.5, kJunnoL4HeightFemale_mm = 28.7;
constexpr double kJunnoStatureMale_m = 1.78, kJunnoStatureFemale_m = 1.65;

// The LMG body height at which VertebraDims::size is 1 (a 175 cm man's L3), mm [D]
constexpr double kUnitSizeBodyHeight_mm = 24.5;

// Typical L1..L5 values [U], used only for the level-to-level trend (LMG barely varies by level)
constexpr std::array<double, kLumbarCount> kTypicalEndplateWidth_mm = {40, 42, 45, 47, 50};
constexpr std::array<double, kLumbarCount> kTypicalEndplateDepth_mm = {32, 34, 35, 35, 35};
constexpr std::array<double, kLumbarCount> kTypicalHeightAnterior_mm = {25, 26, 27, 27, 28};
constexpr std::array<double, kLumbarCount> kTypicalHeightPosterior_mm = {26, 27, 27, 26, 25};
constexpr std::array<double, kLumbarCount> kTypicalPedicleWidth_mm = {9, 9, 10, 13, 18};
constexpr std::array<double, kLumbarCount> kTypicalCanalWidth_mm = {23, 23, 24, 25, 26};
constexpr std::array<double, kLumbarCount> kTypicalSpinousLength_mm = {30, 32, 33, 32, 29};
// The spinous processes drawn at that length (from the canal's back, kTypicalSpinousLength_mm)
// reached 6-10 mm further back than the Visible Human's L1-L5 scaled to the same centroid size
// (sagitta_bone_validate --views): the typical lengths [U] are shortened by 15 % [D]
constexpr double kLumbarSpinousScale = 0.85;
// Spinous process height at the tip and pedicle length, typical adult lumbar [U]
constexpr std::array<double, kLumbarCount> kTypicalSpinousHeight_mm = {19, 21, 22, 21, 17};
constexpr double kTypicalPedicleLength_mm = 10.0;
// Superior facet angle to the sagittal plane, L1..L5 and S1: sagittal above, coronal at L5-S1 [U]
constexpr std::array<double, kLumbarCount> kFacetAngle_deg = {25, 30, 37, 44, 50};
constexpr double kFacetGap_mm = 1.5;  // facet joint space incl. cartilage [U]

struct LmgLevel {
  double body_height, epw_u, epd_u, epw_i, epd_i, pdh, pdw;  // mm
};

// LMG regressions on the level's body height hL (mm) [V code]
LmgLevel lmgLevel(double stature_m, int level) {
  const double spine_cm = (stature_m * 100.0 - 47.258) / 2.069;  // C-T-L spine height (Taylor)
  const double bony_mm = spine_cm * 10.0 * 0.70;                 // 70% bone, 30% disc
  const double h = bony_mm * kLmgBodyHeightPct[static_cast<std::size_t>(level)] / 100.0;
  return {h,
          1.6836 * h - 1.598,
          1.2326 * h + 2.838,
          1.7618 * h - 0.7654,
          1.1348 * h + 5.3909,
          0.5528 * h + 2.0493,
          0.3683 * h + 1.2182};
}

VertebraDims lumbarDims(const BodyParams& p, int level) {
  const auto i = static_cast<std::size_t>(level);
  const LmgLevel lmg = lmgLevel(p.stature_m, level);
  const LmgLevel l1 = lmgLevel(p.stature_m, 0);
  // LMG at L1 sets the size for this stature; the typical table sets the caudal growth [D]
  const double width_trend = kTypicalEndplateWidth_mm[i] / kTypicalEndplateWidth_mm[0];
  const double depth_trend = kTypicalEndplateDepth_mm[i] / kTypicalEndplateDepth_mm[0];
  const double size = lmg.body_height / 24.0;  // typical values are for a ~24 mm body (175 cm)
  // the body's mid height: Junno2009's L4 scaled by stature, with LMG's pattern across levels
  const bool female = p.sex == Sex::kFemale;
  const double body_height = (female ? kJunnoL4HeightFemale_mm * p.stature_m / kJunnoStatureFemale_m
                                     : kJunnoL4HeightMale_mm * p.stature_m / kJunnoStatureMale_m) *
                             kLmgBodyHeightPct[i] / kLmgBodyHeightPct[3];

  VertebraDims v;
  v.size = lmg.body_height / kUnitSizeBodyHeight_mm;
  v.endplate_width_superior = l1.epw_u * width_trend * kMm;
  v.endplate_depth_superior = l1.epd_u * depth_trend * kMm;
  v.endplate_width_inferior = l1.epw_i * width_trend * kMm;
  v.endplate_depth_inferior = l1.epd_i * depth_trend * kMm;
  // LMG body height is the mid height; the anterior-posterior difference (vertebral wedging,
  // kyphotic at L1-L2, lordotic at L4-L5) comes from the typical table [U], scaled [D]
  const double typical_mid = 0.5 * (kTypicalHeightAnterior_mm[i] + kTypicalHeightPosterior_mm[i]);
  const double wedge_mm =
      (kTypicalHeightAnterior_mm[i] - kTypicalHeightPosterior_mm[i]) * body_height / typical_mid;
  v.height_anterior = (body_height + 0.5 * wedge_mm) * kMm;
  v.height_posterior = (body_height - 0.5 * wedge_mm) * kMm;
  v.pedicle_width = l1.pdw * kTypicalPedicleWidth_mm[i] / kTypicalPedicleWidth_mm[0] * kMm;
  v.pedicle_height = lmg.pdh * kMm;
  v.pedicle_length = kTypicalPedicleLength_mm * size * kMm;
  v.canal_width = kTypicalCanalWidth_mm[i] * size * kMm;
  // LMG spinal canal depth (18.6-18.7 mm at 175 cm) [D]: keep it proportional to body height
  v.canal_depth = 18.65 * size * kMm;
  v.transverse_span = kLmgTransverseSpan_mm[i] * p.stature_m / kLmgMaleStature_m * kMm;
  v.spinous_length = kTypicalSpinousLength_mm[i] * kLumbarSpinousScale * size * kMm;
  v.spinous_height = kTypicalSpinousHeight_mm[i] * size * kMm;
  v.facet_angle = degToRad(kFacetAngle_deg[i]);
  v.stout_transverse = level == kLumbarCount - 1;
  return v;
}

// T12 is built like a slightly smaller L1 with thoracic (coronal) superior facets and short
// transverse processes [U: general anatomy; it is a visual hint, no measurement uses it].
VertebraDims t12Dims(const VertebraDims& l1) {
  VertebraDims v = l1;
  v.endplate_width_superior *= 0.93;
  v.endplate_depth_superior *= 0.95;
  v.endplate_width_inferior *= 0.95;
  v.endplate_depth_inferior *= 0.97;
  // T12 keeps the height it had before the lumbar bodies took Junno2009's: 97 % of LMG's L1
  // (about 23 mm at 175 cm; T12 is about 25 mm in adults [U]). The thoracic column above is
  // scaled from T12, so this also keeps the trunk's length [D].
  v.size = l1.size * 0.97;
  const double mid = kUnitSizeBodyHeight_mm * v.size * kMm;
  v.height_anterior = mid - 0.001;  // slight kyphotic wedge at the thoracolumbar junction [U]
  v.height_posterior = mid + 0.001;
  v.transverse_span = l1.transverse_span * 0.75;
  // T12 keeps the typical length [U] (the thoracic column's spinous processes are scaled from it)
  v.spinous_length = l1.spinous_length / kLumbarSpinousScale * 0.95;
  v.facet_angle = degToRad(70.0);
  return v;
}

DiscDims discDims(double middle_m, double depth_m, double wedge_rad) {
  DiscDims d;
  d.height_middle = middle_m;
  d.depth = depth_m;
  d.wedge = wedge_rad;
  const double half = 0.5 * depth_m * std::tan(wedge_rad);
  d.height_anterior = middle_m + half;
  d.height_posterior = middle_m - half;
  return d;
}

}  // namespace

BodyDimensions computeDimensions(const BodyParams& params) {
  params.validate();
  const bool female = params.sex == Sex::kFemale;
  BodyDimensions d;
  const double s = params.stature_m / kOpenSimStature_m;
  d.opensim_scale = s;

  // Female pelves are wider, with a rounder inlet and a wider subpubic arch. The true-pelvis
  // factor brings the intertuberous distance of a 1.63 m woman to ~118 mm (Hampel2018: 118.4 +-
  // 13.1 mm nulliparous) [D]; the iliac wings are nearly as wide as a man's in absolute terms [U].
  d.false_pelvis_width_factor = female ? 1.04 : 1.0;
  d.true_pelvis_width_factor = female ? 1.12 : 1.0;
  d.subpubic_angle = degToRad(female ? 87.4 : 68.6);  // Ali2020: F 87.4 +- 6.5, M 68.6 +- 7.6 [V]

  // Neutral standing targets, reference.md 1.2 / 7 (Mac-Thiong 2011, Le Huec class III) [D]:
  // PI 52 = PT 12 + SS 40. The pelvic radius (hip axis to S1 endplate centre) puts the S1
  // endplate inside the Rajagopal2016 sacrum mesh extent (x -0.156..-0.064, y up to +0.062 m)
  // [M], the true conjugate (promontory to symphysis) near 11.5 cm and the intercrestal line
  // at L4-L5 [U: textbook]; it is a design value [D].
  d.pelvic_tilt = degToRad(12.0);
  d.sacral_slope = degToRad(40.0);
  d.pelvic_radius = 0.115 * s;

  // Rajagopal2016 pelvis frame (origin mid-ASIS, anterior pelvic plane vertical) [M]
  const double wf = d.false_pelvis_width_factor;
  const double wt = d.true_pelvis_width_factor;
  d.hip_centre = glm::dvec3(-0.056276, -0.07849, 0.07726 * 0.5 * (wf + wt)) * s;  // hip_r joint
  d.asis = glm::dvec3(0.0, 0.0, 0.1208 * wf) * s;                                 // r_pelvis mesh ASIS vertex
  d.psis = glm::dvec3(-0.1379, 0.0168, 0.0406 * wt) * s;                          // mesh posterior ilium
  d.pubic_symphysis = glm::dvec3(0.0, -0.0837, 0.0) * s;                          // mesh symphysis region
  d.iliac_crest_top = glm::dvec3(-0.0758, 0.0810, 0.0764 * wf) * s;               // mesh highest crest point
  d.iliac_crest_lateral = glm::dvec3(-0.0221, 0.0171, 0.1322 * wf) * s;           // mesh widest point
  // Lowest-posterior point of the tuberosity, among the Rajagopal hamstring origins
  // (semimem -0.0987,-0.114,0.0614; semiten -0.1038,-0.1253,0.0515; bflh -0.104,-0.1191,0.0586)
  // and the mesh's lowest vertex (-0.0644,-0.1338,0.0317) [M/D]
  d.ischial_tuberosity = glm::dvec3(-0.088, -0.132, 0.053 * wt) * s;

  // spine
  for (int k = 0; k < kLumbarCount; ++k) d.lumbar[static_cast<std::size_t>(k)] = lumbarDims(params, k);
  d.t12 = t12Dims(d.lumbar[0]);
  const double disc_scale = params.stature_m / (female ? kLmgFemaleStature_m : kLmgMaleStature_m);
  const auto& disc_table = female ? kLmgDiscFemale : kLmgDiscMale;
  for (std::size_t k = 0; k < kLumbarCount; ++k) {
    const double middle = (disc_table[k][0] + disc_table[k][1] * params.age_years) * 10.0 * kMm * disc_scale;
    const double upper_depth = d.lumbar[k].endplate_depth_inferior;
    const double lower_depth = k + 1 < kLumbarCount ? d.lumbar[k + 1].endplate_depth_superior
                                                    : d.lumbar[k].endplate_depth_inferior;  // S1
    const double wedge = std::atan((kMriDiscAnterior_mm[k] - kMriDiscPosterior_mm[k]) / kMriDiscLength_mm[k]);
    d.discs[k] = discDims(middle, 0.5 * (upper_depth + lower_depth), wedge);
  }
  // T12-L1: no cited height; take the L1-L2 middle height and no wedge, the thoracolumbar
  // junction being the neutral turn between kyphosis and lordosis [D]
  d.disc_t12_l1 = discDims(d.discs[0].height_middle,
                           0.5 * (d.t12.endplate_depth_inferior + d.lumbar[0].endplate_depth_superior), 0.0);
  // S1 endplate matches the L5 inferior endplate it faces [D] (typical 35 x 48 mm [U])
  d.s1_endplate_depth = d.lumbar[4].endplate_depth_inferior;
  d.s1_endplate_width = d.lumbar[4].endplate_width_inferior * 0.97;
  // ala to ala: maximum sacral width 108.4 +- 6.1 mm (JOMPAC, 32 Anatolian sacra) [V]
  d.sacral_base_width = 0.109 * params.stature_m / kLmgMaleStature_m * wt;
  d.s1_facet_angle = degToRad(52.0);  // L5-S1 facets are the most coronal [U]
  d.facet_gap = kFacetGap_mm * kMm;

  // lower limb
  d.femur_length = 0.408 * s;                 // Rajagopal2016 hip to knee [M] (= 0.245 H)
  d.shank_length = 0.246 * params.stature_m;  // Drillis-Contini leg [U]
  d.ankle_height = 0.039 * params.stature_m;  // Drillis-Contini ankle height [U]
  d.foot_length = 0.152 * params.stature_m;   // Drillis-Contini foot length [U]
  d.foot_width = 0.055 * params.stature_m;    // Drillis-Contini foot breadth [U]
  const double limb_size = params.stature_m / (female ? kLmgFemaleStature_m : kLmgMaleStature_m);
  d.femoral_head_radius = 0.5 * (female ? 43.0 : 48.0) * kMm * limb_size;  // head diameter [U]
  d.femoral_offset = 0.043 * s;          // head centre to shaft axis [U]; fits Rajagopal's GT insertions
  d.neck_shaft_angle = degToRad(127.0);  // reference.md 5: 129.2 (Toogood), 133.0, 122.2 -> ~127 [D]
  d.anteversion = degToRad(female ? 16.4 : 12.1);  // PMC4775021 median torsion F 16.4, M 12.1 [V]
  d.bicondylar_width = (female ? 76.0 : 84.0) * kMm * limb_size;  // [U]
  d.shaft_radius = 0.0135 * s;                                    // mid-shaft diameter ~27 mm [U]

  // Segment masses: Dempster via Winter fractions of body mass [V]; the abdomen segment
  // (T12/L1-L4/L5, 0.139) is shared over L1..L5 in the Christophy2012 lumbar mass ratios [M];
  // the thorax segment carries thorax + head-neck + both arms; the sacrum is part of the
  // pelvis segment (0.142); shank + foot from de Leva 1996 male 4.33% + 1.37% [V].
  const double m = params.mass_kg;
  const std::array<double, kLumbarCount> christophy = {1.677, 1.689, 1.670, 1.799, 1.824};  // L1..L5 [M]
  double christophy_sum = 0.0;
  for (double c : christophy) christophy_sum += c;
  auto& mass = d.mass_kg;
  mass[static_cast<std::size_t>(Segment::kPelvis)] = 0.142 * m;
  mass[static_cast<std::size_t>(Segment::kSacrum)] = 0.0;
  for (int k = 0; k < kLumbarCount; ++k) {
    const auto seg = static_cast<std::size_t>(Segment::kL1) - static_cast<std::size_t>(k);  // L1..L5
    mass[seg] = 0.139 * m * christophy[static_cast<std::size_t>(k)] / christophy_sum;
  }
  mass[static_cast<std::size_t>(Segment::kThorax)] = (0.216 + 0.081 + 2.0 * 0.050) * m;
  mass[static_cast<std::size_t>(Segment::kFemurLeft)] = 0.100 * m;
  mass[static_cast<std::size_t>(Segment::kFemurRight)] = 0.100 * m;
  mass[static_cast<std::size_t>(Segment::kShankLeft)] = (0.0433 + 0.0137) * m;
  mass[static_cast<std::size_t>(Segment::kShankRight)] = (0.0433 + 0.0137) * m;
  return d;
}

}  // namespace sagitta::anatomy
