#include <cmath>
#include <cstdio>
#include <functional>
#include <string>

#include <imgui.h>

#include "biomech/muscle_table.h"
#include "scenario/parameters.h"
#include "scene/normal_ranges.h"
#include "scene/radiograph_overlay.h"
#include "ui/panels.h"
#include "ui/widgets.h"

namespace sagitta::ui {
namespace {

using biomech::ClinicalMeasures;
using biomech::MuscleId;

// One measure as a function of the solution, for the table and the sweeps.
struct MeasureRow {
  const char* label;
  const char* range_key;  // normal range (scene/normal_ranges.h), may be empty
  const char* format;
  std::function<double(const biomech::Solution&, const ClinicalMeasures&)> value;
  const char* tooltip;
};

double musclePct(const biomech::Solution& s, MuscleId m) {
  const auto& r = s.muscles[biomech::muscleIndex(m)];
  return (r[0].length_pct_of_neutral + r[1].length_pct_of_neutral) * 0.5;
}

const std::vector<MeasureRow>& rows() {
  static const std::vector<MeasureRow> r = {
      {"PI", "pelvic_incidence_deg", "%.1f°",
       [](const auto&, const auto& m) { return m.pelvic_incidence_deg; },
       "Pelvic incidence: a fixed property of each pelvis (PI = PT + SS)."},
      {"PT", "pelvic_tilt_deg", "%.1f°", [](const auto&, const auto& m) { return m.pelvic_tilt_deg; },
       "Pelvic tilt (Legaye): anterior tilt makes it smaller."},
      {"SS", "sacral_slope_deg", "%.1f°", [](const auto&, const auto& m) { return m.sacral_slope_deg; },
       "Sacral slope: the S1 endplate against the horizontal."},
      {"LL", "lumbar_lordosis_deg", "%.1f°", [](const auto&, const auto& m) { return m.lumbar_lordosis_deg; },
       "Lumbar lordosis: Cobb angle from the L1 to the S1 endplate."},
      {"PI − LL", "pi_minus_ll_deg", "%.1f°",
       [](const auto&, const auto& m) { return m.pelvic_incidence_deg - m.lumbar_lordosis_deg; },
       "Mismatch between pelvis and lordosis (SRS-Schwab)."},
      {"ASIS–PSIS", "asis_psis_tilt_deg", "%.1f°",
       [](const auto&, const auto& m) { return m.asis_psis_tilt_deg; },
       "Clinical pelvic tilt: positive when the ASIS is lower than the PSIS."},
      {"SVA", "", "%.0f mm", [](const auto&, const auto& m) { return m.sagittal_vertical_axis_mm; },
       "Sagittal vertical axis: C7 plumb line to the posterior-superior S1 corner, + in front "
       "(SRS-Schwab: under 40 mm normal)."},
      {"TK T4–T12", "", "%.1f°", [](const auto&, const auto& m) { return m.thoracic_kyphosis_deg; },
       "Thoracic kyphosis: Cobb angle from the T4 to the T12 endplate."},
      {"T1PA", "", "%.1f°", [](const auto&, const auto& m) { return m.t1_pelvic_angle_deg; },
       "T1 pelvic angle: at the hip axis, between the lines to T1 and to the S1 endplate."},
      {"Global tilt", "", "%.1f°", [](const auto&, const auto& m) { return m.global_tilt_deg; },
       "Global tilt: between S1→C7 and hip axis→S1."},
      {"Psoas length", "", "%.1f %%",
       [](const auto& s, const auto&) { return musclePct(s, MuscleId::kPsoas); },
       "Psoas major length as a percentage of its length in neutral standing."},
      {"Iliacus length", "", "%.1f %%",
       [](const auto& s, const auto&) { return musclePct(s, MuscleId::kIliacus); },
       "Iliacus length as a percentage of neutral."},
      {"Rectus femoris", "", "%.1f %%",
       [](const auto& s, const auto&) { return musclePct(s, MuscleId::kRectusFemoris); },
       "Rectus femoris length as a percentage of neutral."},
      {"L5–S1 shear", "", "%.0f N", [](const auto& s, const auto&) { return s.l5s1_shear_N; },
       "Force along the S1 endplate from gravity and the modelled muscles (no ligaments or facets)."},
  };
  return r;
}

void drawExpertExtras(AppState& app) {
  const biomech::Solution& s = app.session.solution();
  if (ImGui::CollapsingHeader("Segmental lordosis")) {
    const ClinicalMeasures m = app.session.shownMeasures();
    for (int i = 0; i < biomech::kLumbarLevels; ++i) {
      const std::string_view name = biomech::segmentLevelName(i);
      ImGui::Text("%.*s  %6.1f°", static_cast<int>(name.size()), name.data(),
                  m.segmental_lordosis_deg[static_cast<std::size_t>(i)]);
    }
  }
  if (ImGui::CollapsingHeader("Muscle forces")) {
    if (ImGui::BeginTable("forces", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
      ImGui::TableSetupColumn("muscle");
      ImGui::TableSetupColumn("side");
      ImGui::TableSetupColumn("length");
      ImGui::TableSetupColumn("passive N");
      ImGui::TableSetupColumn("active N");
      ImGui::TableHeadersRow();
      for (std::size_t m = 0; m < biomech::kMuscleCount; ++m) {
        for (biomech::Side side : biomech::kSides) {
          const biomech::MuscleResult& r = s.muscles[m][biomech::sideIndex(side)];
          ImGui::TableNextRow();
          ImGui::TableNextColumn();
          const std::string_view name = biomech::muscleDef(static_cast<MuscleId>(m)).display_name;
          ImGui::Text("%.*s", static_cast<int>(name.size()), name.data());
          ImGui::TableNextColumn();
          ImGui::TextUnformatted(side == biomech::Side::kLeft ? "L" : "R");
          ImGui::TableNextColumn();
          ImGui::Text("%.0f mm", r.length_m * 1000.0);
          ImGui::TableNextColumn();
          ImGui::Text("%.0f", r.passive_force_N);
          ImGui::TableNextColumn();
          ImGui::Text("%.0f", r.active_force_N);
        }
      }
      ImGui::EndTable();
    }
  }
  if (ImGui::CollapsingHeader("Spine loads and canal")) {
    ImGui::Text("L5–S1 shear %.0f N (gravity alone %.0f N)", s.l5s1_shear_N, s.l5s1_shear_gravity_only_N);
    ImGui::Text("L5–S1 compression %.0f N", s.l5s1_compression_N);
    ImGui::Text("Canal AP at %s: %.1f mm (neutral %.1f)",
                std::string(biomech::slipLevelName(s.slip.level)).c_str(), s.slip.canal_ap_mm,
                s.slip.canal_ap_neutral_mm);
    ImGui::Text("Foramen height R/L: %.1f / %.1f mm", s.slip.foraminal_height_mm[1],
                s.slip.foraminal_height_mm[0]);
  }
  ImGui::TextDisabled("solver: %s, %d iterations, residual %.1e N·m",
                      s.solver.converged ? "converged" : "limited", s.solver.iterations, s.solver.residual);
}

}  // namespace

void MeasuresPanel::draw(AppState& app, const PanelRect& rect) {
  ImGui::SetNextWindowPos(ImVec2(rect.x, rect.y));
  ImGui::SetNextWindowSize(ImVec2(rect.width, rect.height));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                 ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_NoTitleBar;
  if (ImGui::Begin("Measures", nullptr, flags)) {
    const scene::Mode mode = app.doc().view.mode;
    const bool numbers = scene::showsNumbers(app.doc().view);
    ImGui::TextDisabled("POSTURE & MEASURES");
    ImGui::SameLine();
    ImGui::TextDisabled("— model prediction");
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("Measured on the posed bones. Help > Evidence explains the limits.");
    ImGui::Separator();
    const biomech::Solution& solution = app.session.solution();
    const ClinicalMeasures shown = app.session.shownMeasures();
    const Sweep& sweep =
        sweep_.get(app.plot_key, app.doc().scenario.inputs, [&app](const biomech::ModelInputs& trial) {
          const biomech::Solution s = app.session.postureModel().solve(trial);
          std::vector<float> values;
          for (const MeasureRow& r : rows()) values.push_back(static_cast<float>(r.value(s, s.measures)));
          return values;
        });
    const scenario::ParamInfo* plot_info = scenario::findParameter(sweep.key);
    const std::optional<double> x_now =
        plot_info ? scenario::getNumber(app.doc().scenario.inputs, sweep.key) : std::nullopt;
    const float w = ImGui::GetContentRegionAvail().x;
    const float band_w = w * 0.22f, plot_w = w * 0.2f, h = ImGui::GetFrameHeight();
    if (ImGui::BeginTable("measures", 4, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg)) {
      ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch);
      ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, w * 0.17f);
      ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, band_w);
      ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, plot_w);
      for (std::size_t i = 0; i < rows().size(); ++i) {
        const MeasureRow& r = rows()[i];
        const double v = r.value(solution, shown);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(r.label);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", r.tooltip);
        ImGui::TableNextColumn();
        const scene::NormalRange* range = r.range_key[0] != '\0' ? scene::findRange(r.range_key) : nullptr;
        char text[32];
        std::snprintf(text, sizeof text, r.format, v);
        if (!numbers) {
          ImGui::TextDisabled("—");
        } else if (range != nullptr) {
          ImGui::PushStyleColor(ImGuiCol_Text, bandColour(scene::classify(*range, v)));
          ImGui::TextUnformatted(text);
          ImGui::PopStyleColor();
        } else {
          ImGui::TextUnformatted(text);
        }
        ImGui::TableNextColumn();
        if (range != nullptr) rangeBand(*range, numbers ? v : std::nan(""), band_w, h);
        ImGui::TableNextColumn();
        if (sweep.valid && i < sweep.ys.size()) {
          sweepPlot(r.label, sweep.xs, sweep.ys[i], static_cast<float>(x_now.value_or(0.0)),
                    static_cast<float>(v), plot_w, h);
          if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s against %s (model sweep)", r.label, sweep.key.c_str());
        }
      }
      ImGui::EndTable();
    }
    if (sweep.valid) ImGui::TextDisabled("plots: response to %s", sweep.key.c_str());
    // hip extension, Thomas test, slip
    ImGui::Spacing();
    if (numbers) {
      ImGui::Text("Hip extension  L %.1f°   R %.1f°", shown.hip_extension_deg[0], shown.hip_extension_deg[1]);
      ImGui::Text("Knee flexion  L %.1f°   R %.1f°", shown.knee_flexion_deg[0], shown.knee_flexion_deg[1]);
    }
    {
      // whole-body balance: classifications and compensations (biomech/global_balance.h)
      const biomech::GlobalBalance& gb = solution.balance;
      const std::string roussouly(gb.roussouly);
      const std::string pt(gb.schwab_pt), pill(gb.schwab_pi_ll), sva(gb.schwab_sva);
      ImGui::Text("Roussouly type %s   SRS-Schwab PT %s  PI−LL %s  SVA %s", roussouly.c_str(), pt.c_str(),
                  pill.c_str(), sva.c_str());
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", std::string(biomech::roussoulyRule()).c_str());
      const biomech::Compensation& c = gb.compensation;
      const bool any = c.pelvic_retroversion_deg > biomech::kCompensationActive_deg ||
                       c.thoracic_flattening_deg > biomech::kCompensationActive_deg ||
                       c.knee_flexion_deg > biomech::kCompensationActive_deg;
      if (!any) {
        ImGui::TextUnformatted("Compensation: none");
      } else if (numbers) {
        ImGui::Text("Compensation: pelvic retroversion %.0f°, thoracic flattening %.0f°, knee flexion %.0f°",
                    c.pelvic_retroversion_deg, c.thoracic_flattening_deg, c.knee_flexion_deg);
      } else {
        ImGui::TextUnformatted("Compensation: active (see the numbers)");
      }
    }
    if (solution.thomas) {
      const biomech::ThomasResult& t = *solution.thomas;
      const scene::NormalRange* r = scene::findRange("thigh_above_horizontal_deg");
      ImGui::PushStyleColor(ImGuiCol_Text, bandColour(scene::classify(*r, t.thigh_above_horizontal_deg)));
      ImGui::Text("Thomas test: %s",
                  t.one_joint_flexors_short ? "positive (short one-joint hip flexors)" : "negative");
      ImGui::PopStyleColor();
      if (numbers) {
        ImGui::Text("thigh %+.1f° from horizontal, knee flexion %.0f°", t.thigh_above_horizontal_deg,
                    t.knee_flexion_deg);
      }
      if (t.two_joint_flexors_short)
        ImGui::TextWrapped("Knee under 67°: short two-joint flexors (rectus femoris, TFL).");
    }
    if (shown.meyerding_grade > 0) {
      const scene::NormalRange* r = scene::findRange("slip_percent");
      ImGui::PushStyleColor(ImGuiCol_Text, bandColour(scene::classify(*r, shown.slip_percent)));
      const std::string level(biomech::slipLevelName(shown.slip_level));
      ImGui::Text(
          "%s: %s", level.c_str(),
          numbers ? scene::meyerdingText(shown.meyerding_grade, shown.slip_percent).c_str() : "slipped");
      ImGui::PopStyleColor();
    }
    if (mode == scene::Mode::kExpert) {
      ImGui::Spacing();
      drawExpertExtras(app);
    }
  }
  ImGui::End();
}

}  // namespace sagitta::ui
