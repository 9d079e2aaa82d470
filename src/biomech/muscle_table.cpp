// Muscle parameters. Sources (full references in docs/biomechanics.md):
//   [Raj]  Rajagopal et al. 2016, opensim-org/opensim-models @20a888b
//          Models/Rajagopal/Rajagopal2016.osim (Millard2012EquilibriumMuscle), right side [M]
//   [Uhl]  Uhlrich et al. 2022 passive fibre force-length curves calibrated to Silder 2007
//          passive joint moments, in Models/RajagopalLaiUhlrich2023/RajagopalLaiUhlrich2023.osim [M]
//   [Chr]  Christophy et al. 2012 lumbar model Lumbar_C_210 (Thelen2003Muscle), via
//          amir-abdi/artisynth-rl .../lumbarspine/geometry/ChristophyMuscle.txt [M]
//   [G23]  gait2392 (Delp 1990 / Anderson & Pandy; Thelen2003Muscle),
//          Models/Gait2392_Simbody/gait2392_thelen2003muscle.osim [M]
//   [Thl]  Thelen 2003 passive curve as in gait2392 / Christophy: FmaxMuscleStrain 0.6 [M]
// (all as extracted in ../shared/reference/opensim_muscles.json and summarised in reference.md §3-4)
//
// neutral_fibre_length_norm [D]: l_M/l_opt of the source model at its default pose, from a
// straight-line path through its points (no wrap surfaces), with the constant-thickness
// pennation model l_M = sqrt((L - l_ts)^2 + (l_opt sin a)^2):
//   Rajagopal: pelvis points in the pelvis frame, femur at the hip centre
//   (-0.056276, -0.07849, 0.07726), tibia at the knee offset (-0.0081, -0.4080, -0.0028) [M];
//   rectus femoris straight from the AIIS to the tibial tuberosity (its patellar points need the
//   knee splines, which were not extracted), so its value is approximate.
//   Christophy: body origins chained from its joint offsets, the pelvis welded 0.049 m above the
//   sacrum as in the file (reference.md §3.1 caveat). gait2392: torso at (-0.1007, 0.0815, 0).
#include "biomech/muscle_table.h"

namespace sagitta::biomech {
namespace {

constexpr std::string_view kRaj =
    "Rajagopal2016.osim [M]; passive curve Uhlrich 2022 (RajagopalLaiUhlrich2023.osim) [M]";
constexpr std::string_view kChr =
    "Christophy 2012 Lumbar_C_210 (ChristophyMuscle.txt) [M]; Thelen 2003 passive curve [M]";
constexpr std::string_view kG23 = "gait2392_thelen2003muscle.osim [M]; Thelen 2003 passive curve [M]";
constexpr std::string_view kPsoasSrc =
    "Rajagopal2016.osim psoas_r [M], Fmax shared over L1-L5 as Christophy 2012's fascicles [M]; Uhlrich 2022 "
    "passive curve [M]";

// Passive curves [Uhl]: strain_at_zero_force, strain_at_one_norm_force (reference.md §4.2)
constexpr double kPsoasZero = -0.0763, kPsoasOne = 0.5033;
constexpr double kIliacusZero = -0.1607, kIliacusOne = 0.5021;
// Thelen 2003 default in gait2392 / Christophy: zero force at optimal length, Fmax at +60 % [M]
constexpr double kThelenZero = 0.0, kThelenOne = 0.6;

// psoas major [Raj] psoas_r: Fmax 1426.79 N, l_opt 0.1169 m, l_ts 0.0995 m, pennation 12.35 deg,
// neutral l_M/l_opt 1.117 [D]. Our path starts on the vertebrae (one fascicle per level, as
// Christophy's Ps_Lk fascicles), so Fmax is shared in Christophy's per-level sums (VB + TP + IVD
// fascicles of each level, N): L1 180.2, L2 151.74, L3 63.02, L4 110.34, L5 167.44 of 672.74 [M].
constexpr double kPsoasFmax = 1426.79;
// Wrap cylinders [Raj]: PS_at_brim_r on the pelvis at (-0.074, -0.06), r 0.05 m, between
// psoas points 2 and 3; IL_at_brim_r at (-0.071, -0.065), r 0.0549 m, between iliacus points 2
// and 3; KnExt_at_fem_r on the femur at (0.00359, -0.40273), r 0.025 m (rectus femoris) [M]. The
// iliopsoas goes the shorter way round (it lifts off the brim in deep hip flexion); the knee
// extensor stays in front (the patella's groove) through the knee's whole range
constexpr WrapDef kPsoasWrap{1, -0.074, -0.06, 0.05, 0};
constexpr WrapDef kIliacusWrap{1, -0.071, -0.065, 0.0549, 0};
constexpr WrapDef kKneeExtensorWrap{1, 0.00359, -0.40273, 0.025, -1};
constexpr double kChrPsoasTotal = 672.74;
constexpr std::array<FascicleDef, 5> kPsoas = {{
    {"l1",
     {"psoas_origin_l1", "psoas_via1", "psoas_via2", "psoas_insertion"},
     4,
     kPsoasFmax * 180.2 / kChrPsoasTotal,
     0.1169,
     0.0995,
     12.35,
     1.117,
     kPsoasZero,
     kPsoasOne,
     kPsoasSrc,
     kPsoasWrap},
    {"l2",
     {"psoas_origin_l2", "psoas_via1", "psoas_via2", "psoas_insertion"},
     4,
     kPsoasFmax * 151.74 / kChrPsoasTotal,
     0.1169,
     0.0995,
     12.35,
     1.117,
     kPsoasZero,
     kPsoasOne,
     kPsoasSrc,
     kPsoasWrap},
    {"l3",
     {"psoas_origin_l3", "psoas_via1", "psoas_via2", "psoas_insertion"},
     4,
     kPsoasFmax * 63.02 / kChrPsoasTotal,
     0.1169,
     0.0995,
     12.35,
     1.117,
     kPsoasZero,
     kPsoasOne,
     kPsoasSrc,
     kPsoasWrap},
    {"l4",
     {"psoas_origin_l4", "psoas_via1", "psoas_via2", "psoas_insertion"},
     4,
     kPsoasFmax * 110.34 / kChrPsoasTotal,
     0.1169,
     0.0995,
     12.35,
     1.117,
     kPsoasZero,
     kPsoasOne,
     kPsoasSrc,
     kPsoasWrap},
    {"l5",
     {"psoas_origin_l5", "psoas_via1", "psoas_via2", "psoas_insertion"},
     4,
     kPsoasFmax * 167.44 / kChrPsoasTotal,
     0.1169,
     0.0995,
     12.35,
     1.117,
     kPsoasZero,
     kPsoasOne,
     kPsoasSrc,
     kPsoasWrap},
}};

// iliacus [Raj] iliacus_r: 1021.14 N, 0.1066 m, 0.0961 m, 16.04 deg; neutral 1.058 [D]
constexpr std::array<FascicleDef, 1> kIliacus = {{
    {"",
     {"iliacus_origin", "iliacus_via1", "iliacus_via2", "iliacus_insertion"},
     4,
     1021.14,
     0.1066,
     0.0961,
     16.04,
     1.058,
     kIliacusZero,
     kIliacusOne,
     kRaj,
     kIliacusWrap},
}};

// rectus femoris [Raj] recfem_r: 2191.74 N, 0.0759 m, 0.4485 m, 12.4 deg; [Uhl] passive 0.1998 /
// 0.8997. Neutral fibre length: the straight AIIS-tibia line of the source gives ~0.86, only
// approximate (the patellar path was not extracted); the model uses 0.70 [D, calibration], so
// that with normal muscles the hanging knee of the modified Thomas test rests beyond the 67 deg
// two-joint criterion (BMC Sports Sci Med Rehabil 2021 Table 4 [V]) by the test's measurement
// error, SEM 7 deg (Peeler & Anderson 2008, J Athl Train 43:470 [V]), toward the near right
// angle of the classic negative test (physiotutors "Kendall test" page [V]). At 0.86 the normal
// knee rested at 65 deg and the model flagged everyone two-joint short.
constexpr std::array<FascicleDef, 1> kRectusFemoris = {{
    {"",
     {"rectus_femoris_origin", "rectus_femoris_via1", "rectus_femoris_insertion", {}},
     3,
     2191.74,
     0.0759,
     0.4485,
     12.4,
     0.70,
     0.1998,
     0.8997,
     kRaj,
     kKneeExtensorWrap},
}};

// sartorius [Raj] sart_r: 249.41 N, 0.403 m, 0.124 m, 1.5 deg; neutral 1.159 [D]; [Uhl] -0.0729 / 0.7021
constexpr std::array<FascicleDef, 1> kSartorius = {{
    {"",
     {"sartorius_origin", "sartorius_via1", "sartorius_via2", "sartorius_insertion"},
     4,
     249.41,
     0.403,
     0.124,
     1.5,
     1.159,
     -0.0729,
     0.7021,
     kRaj},
}};

// tensor fasciae latae [Raj] tfl_r: 411.21 N, 0.095 m, 0.4495 m, 3.0 deg; neutral 1.079 [D];
// [Uhl] 0.1572 / 0.6394
constexpr std::array<FascicleDef, 1> kTfl = {{
    {"",
     {"tfl_origin", "tfl_via1", "tfl_via2", "tfl_insertion"},
     4,
     411.21,
     0.095,
     0.4495,
     3.0,
     1.079,
     0.1572,
     0.6394,
     kRaj},
}};

// gluteus maximus [Raj] glmax1..3_r: 983.78 / 1406.05 / 947.75 N; l_opt 0.147 / 0.157 / 0.167 m;
// l_ts 0.0488 / 0.0679 / 0.0697 m; pennation 20.28 / 21.05 / 21.91 deg; neutral 1.030 / 1.024 /
// 0.968 [D]; [Uhl] glmax1-2 default 0 / 0.70, glmax3 0.0398 / 0.7005
constexpr std::array<FascicleDef, 3> kGluteusMaximus = {{
    {"1",
     {"gluteus_maximus1_origin", "gluteus_maximus1_via1", "gluteus_maximus1_via2",
      "gluteus_maximus1_insertion"},
     4,
     983.78,
     0.147,
     0.0488,
     20.28,
     1.030,
     0.0,
     0.70,
     kRaj},
    {"2",
     {"gluteus_maximus2_origin", "gluteus_maximus2_via1", "gluteus_maximus2_via2",
      "gluteus_maximus2_insertion"},
     4,
     1406.05,
     0.157,
     0.0679,
     21.05,
     1.024,
     0.0,
     0.70,
     kRaj},
    {"3",
     {"gluteus_maximus3_origin", "gluteus_maximus3_via1", "gluteus_maximus3_via2",
      "gluteus_maximus3_insertion"},
     4,
     947.75,
     0.167,
     0.0697,
     21.91,
     0.968,
     0.0398,
     0.7005,
     kRaj},
}};

// hamstrings [Raj]: semimem_r 2200.99 N, 0.069 m, 0.3476 m, 14.59 deg, neutral 0.999 [D], [Uhl]
// 0.1537 / 0.7045; semiten_r 591.30 N, 0.193 m, 0.2472 m, 13.82 deg, neutral 1.108 [D], [Uhl]
// 0.1142 / 0.7136; bflh_r 1313.18 N, 0.0976 m, 0.3252 m, 10.08 deg, neutral 0.958 [D], [Uhl] 0.1368 / 0.7054
constexpr std::array<FascicleDef, 1> kSemimembranosus = {{
    {"",
     {"semimembranosus_origin", "semimembranosus_insertion", {}, {}},
     2,
     2200.99,
     0.069,
     0.3476,
     14.59,
     0.999,
     0.1537,
     0.7045,
     kRaj},
}};
constexpr std::array<FascicleDef, 1> kSemitendinosus = {{
    {"",
     {"semitendinosus_origin", "semitendinosus_via1", "semitendinosus_insertion", {}},
     3,
     591.30,
     0.193,
     0.2472,
     13.82,
     1.108,
     0.1142,
     0.7136,
     kRaj},
}};
constexpr std::array<FascicleDef, 1> kBicepsFemoris = {{
    {"",
     {"biceps_femoris_lh_origin", "biceps_femoris_lh_via1", "biceps_femoris_lh_insertion", {}},
     3,
     1313.18,
     0.0976,
     0.3252,
     10.08,
     0.958,
     0.1368,
     0.7054,
     kRaj},
}};

// rectus abdominis [Chr] rect_abd_r: 263 N, 0.2986 m, 0.081 m, 0 deg, neutral 1.011 [D]
constexpr std::array<FascicleDef, 1> kRectusAbdominis = {{
    {"",
     {"rectus_abdominis_origin", "rectus_abdominis_insertion", {}, {}},
     2,
     263.0,
     0.2986,
     0.081,
     0.0,
     1.011,
     kThelenZero,
     kThelenOne,
     kChr},
}};
// obliques [G23] lumped pelvis-to-torso muscles: extobl_r 900 N, 0.12 m, 0.14 m, neutral 1.117 [D];
// intobl_r 900 N, 0.10 m, 0.10 m, neutral 0.991 [D]
constexpr std::array<FascicleDef, 1> kExternalOblique = {{
    {"",
     {"external_oblique_origin", "external_oblique_insertion", {}, {}},
     2,
     900.0,
     0.12,
     0.14,
     0.0,
     1.117,
     kThelenZero,
     kThelenOne,
     kG23},
}};
constexpr std::array<FascicleDef, 1> kInternalOblique = {{
    {"",
     {"internal_oblique_origin", "internal_oblique_insertion", {}, {}},
     2,
     900.0,
     0.10,
     0.10,
     0.0,
     0.991,
     kThelenZero,
     kThelenOne,
     kG23},
}};

// iliocostalis lumborum [Chr] IL_L1..L4_r (N, m, m; pennation 13.8 deg; neutral [D]):
// 50 / 0.05149 / 0.10891 / 0.975; 71 / 0.03726 / 0.07892 / 0.857; 84 / 0.02516 / 0.05329 / 0.774;
// 87 / 0.01671 / 0.03539 / 0.872. Its thoracic part to rib 12: the eight IL_R5..R12 fascicles
// lumped (253 N), with IL_R12_r's lengths 0.089 / 0.03657, neutral 0.936 [D]
constexpr std::array<FascicleDef, 5> kIliocostalis = {{
    {"l1",
     {"iliocostalis_origin_l1", "iliocostalis_insertion_l1", {}, {}},
     2,
     50.0,
     0.05149,
     0.10891,
     13.8,
     0.975,
     kThelenZero,
     kThelenOne,
     kChr},
    {"l2",
     {"iliocostalis_origin_l2", "iliocostalis_insertion_l2", {}, {}},
     2,
     71.0,
     0.03726,
     0.07892,
     13.8,
     0.857,
     kThelenZero,
     kThelenOne,
     kChr},
    {"l3",
     {"iliocostalis_origin_l3", "iliocostalis_insertion_l3", {}, {}},
     2,
     84.0,
     0.02516,
     0.05329,
     13.8,
     0.774,
     kThelenZero,
     kThelenOne,
     kChr},
    {"l4",
     {"iliocostalis_origin_l4", "iliocostalis_insertion_l4", {}, {}},
     2,
     87.0,
     0.01671,
     0.03539,
     13.8,
     0.872,
     kThelenZero,
     kThelenOne,
     kChr},
    {"rib12",
     {"iliocostalis_origin_rib12", "iliocostalis_insertion_rib12", {}, {}},
     2,
     253.0,
     0.089,
     0.03657,
     13.8,
     0.936,
     kThelenZero,
     kThelenOne,
     kChr},
}};

// longissimus thoracis pars lumborum [Chr] LTpL_L1..L5_r (pennation 12.6 deg):
// 36 / 0.08127 / 0.0944 / 0.823; 42 / 0.06774 / 0.0744 / 0.825; 47 / 0.05487 / 0.0596 / 0.763;
// 51 / 0.03924 / 0.04240 / 0.825; 53 / 0.05147 / 0.001 / 0.825. Pars thoracis to rib 12: the 21
// LTpT fascicles lumped (511 N) with LTpT_R12_r's lengths 0.0633 / 0.123, neutral 1.034 [D]
constexpr std::array<FascicleDef, 6> kLongissimus = {{
    {"l1",
     {"longissimus_origin_l1", "longissimus_insertion_l1", {}, {}},
     2,
     36.0,
     0.08127,
     0.0944,
     12.6,
     0.823,
     kThelenZero,
     kThelenOne,
     kChr},
    {"l2",
     {"longissimus_origin_l2", "longissimus_insertion_l2", {}, {}},
     2,
     42.0,
     0.06774,
     0.0744,
     12.6,
     0.825,
     kThelenZero,
     kThelenOne,
     kChr},
    {"l3",
     {"longissimus_origin_l3", "longissimus_insertion_l3", {}, {}},
     2,
     47.0,
     0.05487,
     0.0596,
     12.6,
     0.763,
     kThelenZero,
     kThelenOne,
     kChr},
    {"l4",
     {"longissimus_origin_l4", "longissimus_insertion_l4", {}, {}},
     2,
     51.0,
     0.03924,
     0.04240,
     12.6,
     0.825,
     kThelenZero,
     kThelenOne,
     kChr},
    {"l5",
     {"longissimus_origin_l5", "longissimus_insertion_l5", {}, {}},
     2,
     53.0,
     0.05147,
     0.001,
     12.6,
     0.825,
     kThelenZero,
     kThelenOne,
     kChr},
    {"rib12",
     {"longissimus_origin_rib12", "longissimus_insertion_rib12", {}, {}},
     2,
     511.0,
     0.0633,
     0.123,
     12.6,
     1.034,
     kThelenZero,
     kThelenOne,
     kChr},
}};

// multifidus [Chr]: all fascicles inserting on Lk lumped per level (N): L1 90.79, L2 137.16,
// L3 107.455, L4 95.9, L5 58.0 (sum 489.3), with the lengths of each level's longest
// sacrum/pelvis fascicle (MF_m1t.3, m2t.3, m3t.1, m4t.3, m5t.1), pennation 0, neutral 0.811 [D]
constexpr std::array<FascicleDef, 5> kMultifidus = {{
    {"l1",
     {"multifidus_origin_l1", "multifidus_insertion_l1", {}, {}},
     2,
     90.79,
     0.103,
     0.03088,
     0.0,
     0.811,
     kThelenZero,
     kThelenOne,
     kChr},
    {"l2",
     {"multifidus_origin_l2", "multifidus_insertion_l2", {}, {}},
     2,
     137.16,
     0.09166,
     0.02787,
     0.0,
     0.811,
     kThelenZero,
     kThelenOne,
     kChr},
    {"l3",
     {"multifidus_origin_l3", "multifidus_insertion_l3", {}, {}},
     2,
     107.455,
     0.10282,
     0.03424,
     0.0,
     0.811,
     kThelenZero,
     kThelenOne,
     kChr},
    {"l4",
     {"multifidus_origin_l4", "multifidus_insertion_l4", {}, {}},
     2,
     95.9,
     0.08479,
     0.03437,
     0.0,
     0.811,
     kThelenZero,
     kThelenOne,
     kChr},
    {"l5",
     {"multifidus_origin_l5", "multifidus_insertion_l5", {}, {}},
     2,
     58.0,
     0.07592,
     0.03077,
     0.0,
     0.811,
     kThelenZero,
     kThelenOne,
     kChr},
}};

const std::array<MuscleDef, kMuscleCount> kTable = {{
    {MuscleId::kPsoas, "psoas major", kPsoas},
    {MuscleId::kIliacus, "iliacus", kIliacus},
    {MuscleId::kRectusFemoris, "rectus femoris", kRectusFemoris},
    {MuscleId::kSartorius, "sartorius", kSartorius},
    {MuscleId::kTfl, "tensor fasciae latae", kTfl},
    {MuscleId::kGluteusMaximus, "gluteus maximus", kGluteusMaximus},
    {MuscleId::kSemimembranosus, "semimembranosus", kSemimembranosus},
    {MuscleId::kSemitendinosus, "semitendinosus", kSemitendinosus},
    {MuscleId::kBicepsFemoris, "biceps femoris (long head)", kBicepsFemoris},
    {MuscleId::kRectusAbdominis, "rectus abdominis", kRectusAbdominis},
    {MuscleId::kExternalOblique, "external oblique", kExternalOblique},
    {MuscleId::kInternalOblique, "internal oblique", kInternalOblique},
    {MuscleId::kIliocostalis, "iliocostalis lumborum", kIliocostalis},
    {MuscleId::kLongissimus, "longissimus thoracis", kLongissimus},
    {MuscleId::kMultifidus, "multifidus", kMultifidus},
}};

}  // namespace

const std::array<MuscleDef, kMuscleCount>& muscleTable() {
  return kTable;
}
const MuscleDef& muscleDef(MuscleId id) {
  return kTable.at(muscleIndex(id));
}

}  // namespace sagitta::biomech
