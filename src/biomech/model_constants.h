// The posture model's passive joint properties, postural control and pose definitions, each with
// its source or marked as a calibration / design choice. docs/biomechanics.md explains them.
//   [V] read in the cited source   [M] from a model file   [D] derived or chosen here
#pragma once

#include <array>

namespace sagitta::biomech::detail {

// --- lumbar spine -----------------------------------------------------------------------------
// Standing lordosis by level, L1-L2 .. L5-S1, share of LL (Sci Rep 2022 s41598-022-21840-x,
// Table 2, all 324 subjects) [V]. The issue asks the lordosis that compensates a pelvic tilt to
// be shared like this, so each level's bending compliance is proportional to its share [D].
inline constexpr std::array<double, 5> kStandingLordosisShare = {0.023, 0.117, 0.181, 0.252, 0.427};
// L5-S1, the most compliant level, gets 6 N m/deg: the lower end of the 6-11 N m/deg bending
// stiffness of lumbar motion segments under large loads (Miller, Schultz et al. 1986, J Biomech
// 19:79 [V abstract]); the levels above are stiffer in proportion to 1 / share [D].
inline constexpr double kL5S1BendingStiffness_Nm_per_deg = 6.0;

// Ranges from the neutral standing posture: Christophy 2012's global flexion-extension range
// -70..+26 deg shared over the levels by its coupler coefficients L1-L2 .. L5-S1 0.255, 0.231,
// 0.204, 0.185, 0.125 [M] (reference.md §1.4). Beyond a range the joint stiffens 20-fold [D].
inline constexpr double kLumbarFlexionRange_deg = -70.0;
inline constexpr double kLumbarExtensionRange_deg = 26.0;
inline constexpr std::array<double, 5> kLumbarMotionShare = {0.255, 0.231, 0.204, 0.185, 0.125};
inline constexpr double kRangeStiffnessFactor = 20.0;
// The extra stiffness beyond a range (lumbar levels, pelvis) builds up over its first 2 deg [D].
inline constexpr double kRangeRamp_deg = 2.0;

// --- hip and knee ligaments -------------------------------------------------------------------
// Passive moments of the non-muscular structures, Anderson FC (1999) PhD thesis, Table G.2 and
// eq. 4.4, as implemented in public OpenSim/MATLAB code (e.g. antoinefalisse/3dpredictsim
// PassiveMoments/PassiveMomentsData.m lists the same k values) [M]:
//   hip (q = flexion, rad):   M = -2.44 exp(5.05 (q - 1.81)) + 1.51 exp(-21.88 (q + 0.47))
//   knee (q = extension, rad, negative in flexion):
//                             M = -6.09 exp(33.94 (q - 0.13)) + 11.03 exp(-11.33 (q + 2.40))
struct ExpMoment {
  double k1, k2, theta1, k3, k4, theta2;  // M = k1 exp(k2 (q - theta1)) + k3 exp(k4 (q - theta2))
  double moment(double q) const;
  double energy(double q) const;  // -integral of M, zero-free constant dropped
};
inline constexpr ExpMoment kHipLigament{-2.44, 5.05, 1.81, 1.51, -21.88, -0.47};
inline constexpr ExpMoment kKneeLigament{-6.09, 33.94, 0.13, 11.03, -11.33, -2.40};

// --- pelvis and postural control --------------------------------------------------------------
// Quiet standing is actively balanced: passive tissues alone cannot hold the trunk over the hips
// (gravity's toppling stiffness exceeds them). The model's stand-in for that control is a spring
// on the horizontal offset of the centre of mass above the hips from its neutral place, with the
// thorax kept upright (a constraint). Its stiffness is a CALIBRATION, not a measurement: chosen
// so that tightening the hip flexors changes standing pelvic tilt by roughly half the change it
// makes in the Thomas-test hip angle, the ratio Preece et al. 2021 measured after stretching
// (anterior tilt -1.2 deg for +2.6 deg hip extension, reference.md §6 [V]). It scales with body
// weight over stature; k = kBalanceGain * m g / H.
inline constexpr double kBalanceGain = 24.0;
// The pelvis rotates no further than this from neutral standing before its soft limit [D].
inline constexpr double kPelvisAnteriorLimit_deg = 25.0;
inline constexpr double kPelvisPosteriorLimit_deg = 30.0;
inline constexpr double kPelvisLimitStiffness_Nm_per_rad = 20000.0;  // a firm stop [D]

// --- whole-body balance (issue 12) -----------------------------------------------------------
// Standing, the balance spring holds the WHOLE-BODY centre of mass over the feet (in front of
// the mid-ankle by its neutral distance); the trunk is no longer held upright at L1, so the
// lumbar shape and the pelvis answer gravity, muscles and the spring together. Compensations are
// whatever of pelvic retroversion, thoracic flattening and knee flexion brings the centre of mass
// back at the least energy [D: the order follows from the stiffnesses below, Le Huec 2019 and
// Cheng 2017 describe it]. Upper thoracic column (kUpperThorax): head and neck 8.1 %, both arms
// 10.0 % (upper arm 2.8, forearm 1.6, hand 0.6) and the upper half of the thorax (10.8 % of the
// 21.6 %) of body mass (Dempster via Winter 2009, Biomechanics and Motor Control of Human
// Movement, Table 4.1 [U]) ride on C7 and T1, moving with the whole of the column's bend
// [D: the arms and upper thorax hang from T1-T7, which bend part way; lumped at the top].
inline constexpr double kHeadNeckMassShare = 0.081;
inline constexpr double kArmsMassShare = 0.100;
inline constexpr double kUpperThoraxMassShare = 0.108;
// Thoracic extension stiffness: elastic-zone flexion/extension stiffness of human thoracic
// spines with the rib cage under a 400 N follower load, upper T1/T4 2.29, middle T4/T8 4.74 and
// lower T8/T12 2.97 N m/deg (PMC6016553 Table 2 [V]; anatomy/thoracic_column.h); in series,
// T1-T12 1.02 N m/deg. The column's turn carries that stiffness and is shared among the eleven
// discs by their compliance (anatomy::thoracicDiscShares), the T4-T12 discs taking 56 % of it
// (the T4-T12 Cobb angle changes by that part).
// The T4-T12 kyphosis stays within 30 deg either way of neutral (a flattened spine near
// straight, a rounded one near 70 deg Cobb) before the column stiffens like the lumbar levels
// [D]; the column's turn then is 30 deg / anatomy::thoracicKyphosisShare().
inline constexpr double kThoracicRange_deg = 30.0;
// Standing knees flex (the thigh tilting forward by half the flexion, the shank back by half,
// the ankle dorsiflexing) at a cost in quadriceps effort: knee flexion is the costliest
// compensation, since it needs continuous quadriceps work (Le Huec 2019 review; Obeid 2011)
// [D: the stiffness, kKneeEffortGain * body weight * leg length per rad, is a calibration so
// that knee flexion joins only after pelvic retroversion and thoracic flattening].
inline constexpr double kKneeEffortGain = 0.6;
// Holding the pelvis retroverted (or anteverted) takes hip muscle work too (Le Huec 2019) [D: a
// calibration, kPelvisEffortGain * body weight * leg length per rad, smaller than the knee's].
inline constexpr double kPelvisEffortGain = 0.2;
// The head is held over the feet (Dubousset's "cone of economy"; horizontal gaze, Le Huec 2019):
// a second spring, on the C7 plumb line's distance from its neutral place over the feet
// [D: a calibration, k = kHeadGain * m g / H, like kBalanceGain].
inline constexpr double kHeadGain = 100.0;

// --- poses ------------------------------------------------------------------------------------
// Lying supine, without the postural activity of standing, adults lose 26 % of their standing
// lordosis: T12-S1 36.8 +- 13.2 deg recumbent vs 49.8 +- 11.2 deg standing, 627 volunteers
// (PMC6680033 [V]). The model takes that flatter shape as the lumbar discs' and ligaments'
// passive rest shape; standing, the tonic baseline torques hold the rest [D].
inline constexpr double kLumbarRestLordosisLoss = 1.0 - 36.8 / 49.8;
// Sitting relaxed on a chair, the postural (tonic) activity of standing is not kept: lumbar
// erector spinae activity is lower in relaxed chair sitting than in relaxed standing (Phys Ther
// 1989;69:902, PubMed 2813518 [V abstract]) and slump sitting hangs on the passive structures
// (O'Sullivan et al. 2002, Spine 27:1238 [V introduction]). So sitting drops the baseline torques
// and the lumbar levels relax toward their rest shape [D]. This calibration (no free gain) gives
// standing -> sitting changes between the means of Endo 2012 and Moon 2018 (docs/biomechanics.md).
// The thoracic extensors keep their tone, though: sitting upright, iliocostalis lumborum pars
// thoracis is more active than in slumped sitting (Waongenngarm et al. 2015, J Phys Ther Sci
// 27:2183, PMC4540846 [V abstract]), and sitting flattens the thoracic kyphosis rather than
// rounding it (Tsagkaris et al. 2022 scoping review, PMC8924684 [V abstract]). So sitting keeps the thoracic
// column's baseline torque [D]; without it the column, relieved of the tone that held it standing, rounded on
// sitting.
inline constexpr bool kSittingKeepsThoracicTone = true;
// Thomas test: holding the other knee to the chest tilts the pelvis back until the lumbar spine
// lies flat. We take the lordosis lost lying supine (kLumbarRestLordosisLoss, 26 %) of the
// neutral LL as that retroversion [D]. The held leg: hip 120 deg, knee 120 deg of flexion [D].
inline constexpr double kThomasRetroversionShareOfLordosis = kLumbarRestLordosisLoss;
inline constexpr double kThomasHeldHipFlexion_deg = 120.0;
inline constexpr double kThomasHeldKneeFlexion_deg = 120.0;
inline constexpr double kCouchHeight_m = 0.70;  // a treatment couch [D]
// Lunge (half-kneeling hip-flexor stretch): the back thigh 10 deg behind vertical, a little more
// than the mean passive hip extension of healthy adults, 6.9 deg (Roach et al. 2015, IJSPT
// 10:13 [V]); back knee on the floor, the front foot flat [D].
inline constexpr double kLungeBackThighExtension_deg = 10.0;
inline constexpr double kKneeCentreAboveFloorKneeling_m = 0.045;  // knee centre over the kneecap [D]

// --- spondylolisthesis kinematics ---------------------------------------------------------------
// How closely the solved bones must measure the slider's slip before the slip translation is
// left alone (model_impl.h minimiseWithSlip). Readers measuring the same L5 olisthesis twice differ
// by 1.0 mm on average (SD 0.9; between readers 1.3 mm; Eur J Radiol 1994;18:227, 30 patients,
// three radiologists [V abstract]); 0.25 % of the slipping vertebra's endplate (about 0.1 mm on
// a 40 mm endplate) is a tenth of that, and the panels show whole percents. Within 0.5 % of a
// boundary where the reading changes class (kNoSlipBelowPercent and the Meyerding grades, 25, 50,
// 75 and 100 %), the grade shown must be the one asked for: there the solve corrects to
// kSlipToleranceAtGradePercent, inside measures.h's kGradeTolerancePercent.
inline constexpr double kSlipTolerancePercent = 0.25;
inline constexpr double kSlipToleranceAtGradePercent = 0.01;
inline constexpr double kSlipGradeMarginPercent = 0.5;
// The slip translation is set so that the posed bones measure the slider's Meyerding % (the
// solve corrects it, model_impl.h minimiseWithSlip); at 0 % it lines the posterior corners up.
// The slipping vertebra rolls into kyphosis as it slips (reference.md §2.1: lumbosacral kyphosis
// "always present" at 75 %): roll = kSlipRollMax * q^2 / (q^2 + kSlipRollHalf^2), q = p = slip/100
// up to 100 %, beyond it q = 1 + kSlipRollBeyondFullSlip (p - 1): a spondyloptotic vertebra hangs
// in front of the sacrum rather than rolling on (and the spine above can still take it up).
// kSlipRollMax is chosen [D] so that the measured slip angle of the high-grade presets (grade IV,
// 85-87 %, with their patients' PI and PT) lands in the published high-grade range, +20.3 deg
// (Huang 2003, mean slip 80 %) to +26 deg (Hanson 2002) (Kunze 2021 Table 4, PMC4610322 [V]),
// from about -15 deg in adult controls (Hanson); low grades stay within -8.5 (Huang) .. +9 deg
// (Hanson).
inline constexpr double kSlipRollMax_deg = 60.0;
inline constexpr double kSlipRollHalf = 0.5;
inline constexpr double kSlipRollBeyondFullSlip = 0.3;
// Restabilisation of a high-grade slip [D]: past grade II the slipped level's extension stop
// (kLumbarExtensionRange_deg's share, beyond which an ordinary level stiffens kRangeStiffnessFactor
// times) stiffens up to kSlipStopFactorMax times more by 100 % (smoothstep from kSlipStopStart),
// so the slipped level no longer takes its usual 43 % share of the extension that balances a high
// PI: "the local sagittal imbalance of the lumbosacral junction is compensated by adjacent mobile
// segments in the upper lumbar spine, the pelvis orientation and the thoracic spine" (244
// developmental L5-S1 slips, Eur Spine J 2007, PMC2078287 [V abstract]); a collapsed disc is a
// restabilising one (Simmonds 2015, below). Without it the high-grade presets measured +9 to
// +18 deg: their PI of 72-79 deg, with the patient's PT held, extended the slipped level 8-14 deg
// back out of its kyphosis (issue 13). Only the stop stiffens, not the level within its range, so
// the free-pelvis, PI-52 slips of the monotone-narrowing tests barely feel it.
inline constexpr double kSlipStopStart = 0.5;
inline constexpr double kSlipStopFactorMax = 20.0;
// The lumbar levels above a high-grade slip adapt [D, design choice]: they rest in extension,
// kSlipAdaptedRestShare of the slip's roll in all, shared like the standing lordosis
// (kStandingLordosisShare), ramped in (smoothstep) from kSlipAdaptedRestStart to
// kSlipAdaptedRestFull slip; each level's range moves with its rest. Patients with developmental
// L5-S1 slips "stand with an increased sacral slope, pelvic tilt and lumbar lordosis", the local
// lumbosacral kyphosis "compensated by adjacent mobile segments in the upper lumbar spine"
// (244 patients, Eur Spine J 2007, PMC2078287 [V abstract]): a compensatory hyperlordosis that
// holds the trunk upright. Without it the high-grade presets leaned the trunk 16-22 deg forward,
// as no balanced patient stands (issue 12/13).
inline constexpr double kSlipAdaptedRestShare = 0.8;
inline constexpr double kSlipAdaptedRestStart = 0.35;
inline constexpr double kSlipAdaptedRestFull = 0.80;
// The disc collapses as the slip grows [D, model choice]: its height falls by
// kDiscHeightLossRate of the neutral height per full slip up to kDiscHeightLossKnee (the start of
// grade III), kDiscHeightLossLateRate after it (42 % lost at 100 %), and the upper vertebra
// descends by that much. Loss of disc height is a restabilisation sign of a slip (Simmonds et al.
// 2015, J Neurosurg Spine 23:178 [V abstract]), severe collapse at high grades the textbook
// picture [U], and the index disc of an isthmic slip the most degenerated: Pfirrmann grade V
// (collapsed) significantly more often than in degenerative slips (Jeong et al. 2013, Asian Spine
// J 7:25, 95 patients [V abstract]). It used to fall 30 % linearly to 100 %, which left a grade II
// slip most of its disc; with the vertebral bodies at their measured height (dimensions.cpp,
// Junno 2009) that kept a grade II isthmic foramen at 15.9 mm, 17 % under its neutral 19.2 mm.
// Now the grade II preset's is 14.8 mm over a 3.5 mm posterior disc: under both critical heights
// of Hasegawa et al. (1995, J Bone Joint Surg Am 77:32, 100 cadaveric foramina [V abstract]), who
// found the root compressed in 4 of 5 foramina 15 mm high or less and in 8 of 10 with a posterior
// disc of 4 mm or less. The late rate is about the least that keeps the disc at the middle of
// the overlap thinning as the slip grows (as the vertebra rolls, that middle moves back under its
// tilted endplate); it is left there: 1.5 mm at 87 % before, 0.3 mm now on the free pelvis and
// closed (the report's 0.0) in the grade IV and balanced dysplastic presets.
inline constexpr double kDiscHeightLossRate = 0.5;
inline constexpr double kDiscHeightLossKnee = 0.6;
inline constexpr double kDiscHeightLossLateRate = 0.3;
// High grades ride over a rounding sacral dome: beyond kDomeStart the upper vertebra also drops
// kDomeDropGain * D * (p - kDomeStart)^2 (D: the lower endplate's AP length) [D]; beyond 100 %
// it falls in front of the lower vertebra: a further kSlipDropGain * D * (p - 1)^2 [D].
inline constexpr double kDomeStart = 0.5;
// 0.14 (was 0.1): with the larger roll, a smaller descent let the mid-overlap disc height rise
// again by 0.03 mm between 90 and 99 % (the overlap's mid-point moves back under the rolled
// endplate); 0.14 keeps it falling.
inline constexpr double kDomeDropGain = 0.14;
inline constexpr double kSlipDropGain = 0.8;
// Degenerative slips rarely pass Meyerding grade II, because the arch is intact (textbook level,
// balance_and_slip.md [V]; "rarely progresses past a grade 2 slip", Clinical Advisor 2017
// degenerative spondylolisthesis quiz [V]): the model caps them at the end of grade II. Another
// text puts it lower: "self-contained and rarely reaches grade II" (a spine-surgery textbook
// excerpt, mitchmedical.us "Degenerative spondylolisthesis" [V]), so 50 % is the generous reading;
// the presets stay at grade I (20 %). Near the cap the rigid intact arch closes the bony canal
// (docs/biomechanics.md "Neural geometry"): a model consequence, not a published value.
inline constexpr double kDegenerativeMaxSlipPercent = 50.0;
// Developmental (dysplastic) slips have a high pelvic incidence: 78.9 +- 12.1 deg (Hresko 2007;
// Labelle 2004; balance_and_slip.md [V]); without a patient PI the model morphs to it.
inline constexpr double kDysplasticPelvicIncidence_deg = 79.0;

// --- patient measurements ---------------------------------------------------------------------
// PT + SS must equal PI; the model accepts up to this disagreement silently [D]; beyond it the
// given PI (or, without one, PT + SS) wins and a warning says so.
inline constexpr double kPatientAngleTolerance_deg = 2.0;
// The PI morph rotates the sacrum about the sacroiliac joint by at most this much [D].
inline constexpr double kMaxSacrumMorph_deg = 65.0;

}  // namespace sagitta::biomech::detail
