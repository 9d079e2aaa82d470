#include "ui/widgets.h"

#include <algorithm>
#include <cmath>

#include <imgui.h>

#include "scenario/parameters.h"

namespace sagitta::ui {

unsigned bandColour(scene::Band band) {
  switch (band) {
    case scene::Band::kNormal:
      return IM_COL32(90, 200, 120, 255);
    case scene::Band::kBorderline:
      return IM_COL32(235, 180, 60, 255);
    case scene::Band::kOutside:
      return IM_COL32(235, 90, 80, 255);
  }
  return IM_COL32_WHITE;
}

void helpMarker(const char* text) {
  ImGui::SameLine();
  ImGui::TextDisabled("(?)");
  if (ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

bool parameterSlider(AppState& app, const char* label, const std::string& key, const std::string& undo_name,
                     const std::vector<biomech::MuscleId>& muscles, std::optional<biomech::Side> side,
                     const char* tooltip) {
  const std::optional<double> current = scenario::getNumber(app.doc().scenario.inputs, key);
  int percent = static_cast<int>(std::lround(current.value_or(0.0) * 100.0));
  ImGui::PushID(key.c_str());
  const bool changed = ImGui::SliderInt(label, &percent, 0, 100, "%d %%", ImGuiSliderFlags_AlwaysClamp);
  const bool hovered = ImGui::IsItemHovered(), active = ImGui::IsItemActive();
  const ImVec2 rmin = ImGui::GetItemRectMin(), rmax = ImGui::GetItemRectMax();
  app.widget_rects[key] = {rmin.x, rmin.y, rmax.x, rmax.y};
  if (changed) {
    const double value = std::clamp(percent / 100.0, 0.0, 1.0);
    app.change(undo_name, key,
               [&](scene::Document& d) { scenario::setNumber(d.scenario.inputs, key, value); });
  }
  if (ImGui::IsItemDeactivatedAfterEdit()) app.endDrag();
  if (hovered || active) {
    for (biomech::MuscleId m : muscles) {
      for (biomech::Side s : biomech::kSides) {
        if (!side || *side == s) app.highlight.on[biomech::muscleIndex(m)][biomech::sideIndex(s)] = true;
      }
    }
    if (active) app.plot_key = key;
  }
  if (tooltip != nullptr && hovered && !active) ImGui::SetTooltip("%s", tooltip);
  ImGui::PopID();
  return changed;
}

void rangeBand(const scene::NormalRange& r, double value, float width, float height) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const double span = r.borderline_hi - r.borderline_lo;
  const double lo = r.borderline_lo - span * 0.25, hi = r.borderline_hi + span * 0.25;
  auto x = [&](double v) {
    return p.x + static_cast<float>((std::clamp(v, lo, hi) - lo) / (hi - lo)) * width;
  };
  const float y0 = p.y + height * 0.3f, y1 = p.y + height * 0.7f;
  draw->AddRectFilled(ImVec2(p.x, y0), ImVec2(p.x + width, y1), IM_COL32(200, 80, 70, 150), 2.0f);
  draw->AddRectFilled(ImVec2(x(r.borderline_lo), y0), ImVec2(x(r.borderline_hi), y1),
                      IM_COL32(220, 170, 60, 170));
  draw->AddRectFilled(ImVec2(x(r.normal_lo), y0), ImVec2(x(r.normal_hi), y1), IM_COL32(80, 180, 110, 200));
  if (std::isfinite(value)) {
    const float vx = x(value);
    draw->AddTriangleFilled(ImVec2(vx - height * 0.3f, p.y), ImVec2(vx + height * 0.3f, p.y),
                            ImVec2(vx, y0 + 1.0f), IM_COL32_WHITE);
    draw->AddLine(ImVec2(vx, y0), ImVec2(vx, p.y + height), IM_COL32_WHITE, 2.0f);
  }
  ImGui::Dummy(ImVec2(width, height));
  if (ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
    ImGui::Text("Normal %.0f to %.0f%.*s; borderline %.0f to %.0f.", r.normal_lo, r.normal_hi,
                static_cast<int>(r.unit.size()), r.unit.data(), r.borderline_lo, r.borderline_hi);
    ImGui::TextDisabled("%.*s", static_cast<int>(r.source.size()), r.source.data());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

void sweepPlot(const char* id, const std::vector<float>& xs, const std::vector<float>& ys, float x_now,
               float y_now, float width, float height) {
  ImGui::PushID(id);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  draw->AddRectFilled(p, ImVec2(p.x + width, p.y + height), IM_COL32(255, 255, 255, 14), 2.0f);
  if (xs.size() >= 2 && xs.size() == ys.size()) {
    float lo = *std::min_element(ys.begin(), ys.end()), hi = *std::max_element(ys.begin(), ys.end());
    if (std::isfinite(y_now)) {
      lo = std::min(lo, y_now);
      hi = std::max(hi, y_now);
    }
    if (hi - lo < 1.0f) {  // a flat response still reads as flat, not as noise
      const float mid = (hi + lo) * 0.5f;
      lo = mid - 0.5f;
      hi = mid + 0.5f;
    }
    auto px = [&](float x, float y) {
      const float fx = (x - xs.front()) / std::max(xs.back() - xs.front(), 1e-6f);
      return ImVec2(p.x + 2.0f + fx * (width - 4.0f),
                    p.y + height - 2.0f - (y - lo) / (hi - lo) * (height - 4.0f));
    };
    std::vector<ImVec2> pts;
    for (std::size_t i = 0; i < xs.size(); ++i) pts.push_back(px(xs[i], ys[i]));
    draw->AddPolyline(pts.data(), static_cast<int>(pts.size()), IM_COL32(110, 200, 210, 255), 0, 1.5f);
    if (std::isfinite(x_now) && std::isfinite(y_now))
      draw->AddCircleFilled(px(x_now, y_now), 3.0f, IM_COL32_WHITE);
  }
  ImGui::Dummy(ImVec2(width, height));
  ImGui::PopID();
}

}  // namespace sagitta::ui
