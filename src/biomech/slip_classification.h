// Classification rules of spondylolisthesis that take measured numbers only: the SDSG / Labelle
// type and when a nerve root counts as compressed. No model, no geometry: give it numbers.
#pragma once

#include <string_view>

namespace sagitta::biomech {

// SDSG classification of L5-S1 spondylolisthesis (Labelle, Mac-Thiong, Roussouly 2011, Eur
// Spine J 20 Suppl 5:641, PMC3175928; refined from Mac-Thiong et al. 2008, Scoliosis 3:19,
// PMC2614937 [V abstracts]): low grade (Meyerding I-II) by pelvic incidence, type 1 nutcracker
// (PI < 45 deg), 2 normal PI (45-60), 3 shear (PI >= 60); high grade (III-V) by sacro-pelvic
// balance (Hresko 2007's SS/PT chart), type 4 balanced pelvis (high SS, low PT), 5 retroverted
// pelvis with a balanced spine (C7 plumb line over or behind the femoral heads), 6 retroverted
// pelvis and unbalanced spine. The PI bounds are Labelle 2011's [U: recalled, check the paper].
inline constexpr double kSdsgLowPi_deg = 45.0;
inline constexpr double kSdsgHighPi_deg = 60.0;
// Hresko's chart separates a high-SS/low-PT cluster from a low-SS/high-PT one; the model draws
// the line at SS - PT = 20 deg, between the clusters [D: an approximation of the chart].
inline constexpr double kBalancedPelvisSsMinusPt_deg = 20.0;
// "over the femoral heads": within a femoral head's radius, about 24 mm (adult femoral head
// diameter ~48 mm [U]) in front of the hip axis.
inline constexpr double kFemoralHeadRadius_mm = 24.0;

// 0 for no slip (grade 0), else 1..6.
int sdsgType(int meyerding_grade, double pi_deg, double ss_deg, double pt_deg, double c7_plumb_offset_mm);
// Plain words for a type: "low grade, nutcracker (low PI)" etc.; "" for 0.
std::string_view sdsgName(int type);

// A root counts as compressed where its space narrowed by a fifth or more: the critical
// foraminal height of 15 mm (Hasegawa et al. 1995, JBJS 77-A:32 [V abstract]: roots compressed
// in 4 of 5 foramina at or under it) is about a fifth below a normal 19-20 mm lumbar foramen [D].
inline constexpr double kCompressedNarrowingPct = 20.0;
// Roots draped over the sacral dome in a high-grade slip (lumbosacral kyphosis, Wheeless'
// Textbook; reference.md §2.1) count as stretched once their path is 8 % longer [D].
inline constexpr double kStretchedPct = 8.0;
// 0 (free) .. 1 (severe) for colouring: half the space lost, or a path a tenth longer [D].
double rootCompression(double narrowing_pct, double stretch_pct);

}  // namespace sagitta::biomech
