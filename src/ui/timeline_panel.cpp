#include "ui/timeline_panel.h"

#include <cmath>

#include <imgui.h>

#include "core/error.h"

namespace sagitta::ui {
namespace {

constexpr const char* kEaseNames[] = {"linear", "ease-in-out", "hold"};

}  // namespace

void TimelinePanel::open(AppState& app, const std::filesystem::path& path) {
  std::optional<scene::Timeline> loaded;
  if (!app.attempt([&] { loaded = scene::loadTimeline(path); })) return;  // the error is shown
  timeline_ = std::move(loaded);
  path_ = path;
  time_s_ = 0.0;
  playing_ = false;
  scrubbed_ = true;
  player_.reset();
  selected_ = -1;
  app.info("Opened the timeline " + path.string());
}

void TimelinePanel::addKeyframe(AppState& app) {
  if (!timeline_) {
    timeline_ = scene::Timeline{};
    timeline_->base = app.doc();
    timeline_->title = "My clip";
  }
  scene::Document current = app.doc();
  current.view.camera = app.camera;  // the camera as it is now, by its numbers
  current.view.camera_view = scene::CameraView::kFree;
  // keep only what differs from the starting state, so keyframes read like the change they make
  const auto now = scene::snapshotKeys(current);
  const auto base = scene::snapshotKeys(timeline_->base);
  scene::Keyframe k;
  k.time_s = std::round(time_s_ * 10.0) / 10.0;
  k.ease = timeline_->keyframes.empty() ? scene::Ease::kLinear : scene::Ease::kEaseInOut;
  for (const auto& [key, value] : now) {
    const bool camera = key.rfind("camera.", 0) == 0;
    const auto it = base.find(key);
    if (camera || it == base.end() || it->second != value) k.set[key] = value;
  }
  timeline_->setKeyframe(std::move(k));
  player_.reset();
  app.info("Added a keyframe at " + std::to_string(time_s_).substr(0, 4) + " s");
}

bool TimelinePanel::advance(AppState& app, double dt_s, float aspect) {
  if (!timeline_ || timeline_->keyframes.empty() || (!playing_ && !scrubbed_)) return false;
  if (playing_) {
    time_s_ += dt_s;
    if (time_s_ > timeline_->duration_s) {
      if (loop_) {
        time_s_ = 0.0;
        player_.reset();  // start again from a settled pose
      } else {
        time_s_ = timeline_->duration_s;
        playing_ = false;
      }
    }
  }
  scrubbed_ = false;
  if (!player_ || player_aspect_ != aspect) {
    player_ = std::make_unique<scene::TimelinePlayer>(app.session, *timeline_, aspect);
    player_aspect_ = aspect;
  }
  try {
    app.camera = player_->show(time_s_, playing_ ? dt_s : 1.0);
    app.play(app.session.shown());  // shown until the next edit; the edited document stays
  } catch (const InputError& e) {
    app.error(e.what());
    playing_ = false;
  }
  return true;
}

void TimelinePanel::draw(AppState& app, float x, float y, float width, float height) {
  ImGui::SetNextWindowPos(ImVec2(x, y));
  ImGui::SetNextWindowSize(ImVec2(width, height));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                 ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_NoTitleBar;
  if (ImGui::Begin("Timeline", nullptr, flags)) {
    const float em = ImGui::GetFontSize();
    if (ImGui::Button(playing_ ? "Pause" : "Play") && timeline_) {
      playing_ = !playing_;
      if (playing_ && time_s_ >= timeline_->duration_s) time_s_ = 0.0;
    }
    ImGui::SameLine();
    ImGui::Checkbox("loop", &loop_);
    ImGui::SameLine();
    if (ImGui::Button("Add keyframe")) addKeyframe(app);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Record the current state and camera at this time");
    ImGui::SameLine();
    ImGui::BeginDisabled(!timeline_ || selected_ < 0);
    if (ImGui::Button("Delete keyframe") && timeline_ && selected_ >= 0 &&
        selected_ < static_cast<int>(timeline_->keyframes.size())) {
      timeline_->keyframes.erase(timeline_->keyframes.begin() + selected_);
      selected_ = -1;
      player_.reset();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Open…")) {
      saving_ = false;
      dialog_.open(FileDialog::Kind::kOpen, "Open a timeline", ".json",
                   path_ ? *path_ : std::filesystem::current_path());
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(!timeline_);
    if (ImGui::Button("Save…")) {
      saving_ = true;
      dialog_.open(FileDialog::Kind::kSave, "Save the timeline", ".json",
                   path_ ? *path_ : std::filesystem::current_path() / "timeline.json");
    }
    ImGui::SameLine();
    if (ImGui::Button("Export clip…")) export_requested_ = true;
    ImGui::EndDisabled();

    // the scrub bar with keyframe ticks
    const double duration = timeline_ ? std::max(timeline_->duration_s, 1.0) : 10.0;
    float t = static_cast<float>(time_s_);
    ImGui::SetNextItemWidth(-em * 9.0f);
    if (ImGui::SliderFloat("##time", &t, 0.0f, static_cast<float>(std::max(duration, 10.0)), "%.1f s")) {
      time_s_ = static_cast<double>(t);
      scrubbed_ = true;
      playing_ = false;
    }
    const ImVec2 bmin = ImGui::GetItemRectMin(), bmax = ImGui::GetItemRectMax();
    if (timeline_) {
      ImDrawList* draw = ImGui::GetWindowDrawList();
      const double span = std::max(duration, 10.0);
      for (std::size_t i = 0; i < timeline_->keyframes.size(); ++i) {
        const float kx =
            bmin.x + static_cast<float>(timeline_->keyframes[i].time_s / span) * (bmax.x - bmin.x);
        draw->AddTriangleFilled(
            ImVec2(kx - 5, bmin.y), ImVec2(kx + 5, bmin.y), ImVec2(kx, bmin.y + 7),
            static_cast<int>(i) == selected_ ? IM_COL32(255, 200, 60, 255) : IM_COL32(110, 200, 210, 255));
      }
    }
    ImGui::SameLine();
    ImGui::Text("of %.1f s", timeline_ ? timeline_->duration_s : 0.0);

    // keyframes: time, easing, what they set
    if (timeline_ && ImGui::BeginChild("keys", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar)) {
      for (std::size_t i = 0; i < timeline_->keyframes.size(); ++i) {
        scene::Keyframe& k = timeline_->keyframes[i];
        ImGui::PushID(static_cast<int>(i));
        if (i > 0) ImGui::SameLine();
        ImGui::BeginGroup();
        char label[32];
        std::snprintf(label, sizeof label, "%.1f s", k.time_s);
        if (ImGui::Selectable(label, selected_ == static_cast<int>(i), 0, ImVec2(em * 6.5f, 0))) {
          selected_ = static_cast<int>(i);
          time_s_ = k.time_s;
          scrubbed_ = true;
        }
        if (ImGui::IsItemHovered() && !k.set.empty()) {
          std::string keys;
          for (const auto& [key, v] : k.set) keys += key + " = " + v.dump() + "\n";
          ImGui::SetTooltip("%s", keys.c_str());
        }
        if (selected_ == static_cast<int>(i)) {
          double time = k.time_s;
          ImGui::SetNextItemWidth(em * 6.5f);
          if (ImGui::InputDouble("##t", &time, 0.1, 1.0, "%.1f", ImGuiInputTextFlags_EnterReturnsTrue)) {
            scene::Keyframe moved = k;
            moved.time_s = std::clamp(time, 0.0, scene::kMaxTimelineSeconds);
            timeline_->keyframes.erase(timeline_->keyframes.begin() + static_cast<long>(i));
            timeline_->setKeyframe(std::move(moved));
            selected_ = -1;
            player_.reset();
            ImGui::EndGroup();
            ImGui::PopID();
            break;
          }
          int ease = static_cast<int>(k.ease);
          ImGui::SetNextItemWidth(em * 6.5f);
          if (ImGui::Combo("##ease", &ease, kEaseNames, 3)) {
            k.ease = static_cast<scene::Ease>(ease);
            player_.reset();
          }
        }
        ImGui::EndGroup();
        ImGui::PopID();
      }
    }
    if (timeline_) ImGui::EndChild();
  }
  ImGui::End();
  if (const auto chosen = dialog_.draw()) {
    if (saving_) {
      if (app.attempt([&] { scene::saveTimeline(*chosen, *timeline_); })) {
        path_ = *chosen;
        app.info("Saved the timeline " + chosen->string());
      }
    } else {
      open(app, *chosen);
    }
  }
}

}  // namespace sagitta::ui
