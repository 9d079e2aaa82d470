#include "ui/menus.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <imgui.h>
#include <nlohmann/json.hpp>

#include "core/atomic_file.h"
#include "core/version.h"
#include "scenario/report.h"
#include "scene/presets.h"

namespace sagitta::ui {
namespace {

std::filesystem::path startFolder(const AppState& app) {
  if (app.path) return *app.path;
  std::error_code ec;
  return std::filesystem::current_path(ec);
}

// Opens and closes the nested menus ("View/Camera") as the table's commands walk through them.
class MenuWalker {
 public:
  // Whether the items of `path` are to be drawn (every menu on the way is open).
  bool enter(std::string_view path) {
    std::vector<std::string> want;
    for (std::size_t start = 0; start <= path.size();) {
      const std::size_t slash = std::min(path.find('/', start), path.size());
      want.emplace_back(path.substr(start, slash - start));
      start = slash + 1;
    }
    std::size_t common = 0;
    while (common < open_.size() && common < want.size() && open_[common].first == want[common]) ++common;
    while (open_.size() > common) leave();
    for (std::size_t i = common; i < want.size(); ++i) {
      const bool parent_open = open_.empty() || open_.back().second;
      open_.emplace_back(want[i], parent_open && ImGui::BeginMenu(want[i].c_str()));
    }
    return !open_.empty() && open_.back().second;
  }
  ~MenuWalker() {
    while (!open_.empty()) leave();
  }

 private:
  void leave() {
    if (open_.back().second) ImGui::EndMenu();
    open_.pop_back();
  }
  std::vector<std::pair<std::string, bool>> open_;  // (name, whether BeginMenu opened it)
};

void drawHook(const Command& c, MenuState& menu, Settings& settings) {
  switch (c.hook) {
    case MenuHook::kRecentFiles:
      if (ImGui::BeginMenu(c.label.c_str(), !settings.recent_files.empty())) {
        for (const std::string& f : settings.recent_files) {
          if (ImGui::MenuItem(f.c_str())) {
            menu.request = MenuRequest::kOpenRecent;
            menu.recent = f;
          }
        }
        ImGui::EndMenu();
      }
      break;
    case MenuHook::kUiScale: {
      float scale = settings.ui_scale > 0.0f ? settings.ui_scale : 1.0f;
      int percent = static_cast<int>(std::lround(scale * 100.0f));
      ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10.0f);
      if (ImGui::SliderInt(c.label.c_str(), &percent, 100, 300, "%d %%")) {
        // applied between frames: rebuilding fonts mid-frame is not allowed
        settings.ui_scale =
            std::clamp(static_cast<float>(percent) / 100.0f, Settings::kMinScale, Settings::kMaxScale);
      }
      break;
    }
    case MenuHook::kNone:
      break;
  }
}

}  // namespace

void drawMainMenu(const CommandTable& commands, MenuState& menu, Settings& settings) {
  if (!ImGui::BeginMainMenuBar()) return;
  {
    MenuWalker walk;
    for (const Command& c : commands.all()) {
      if (c.menu.empty() || !walk.enter(c.menu)) continue;
      if (c.separator_before) ImGui::Separator();
      if (c.hook != MenuHook::kNone) {
        drawHook(c, menu, settings);
        continue;
      }
      const std::string label = c.currentLabel();
      const std::string keys = CommandTable::shortcutText(c);
      if (ImGui::MenuItem(label.c_str(), keys.empty() ? nullptr : keys.c_str(), c.isChecked(), c.isEnabled()))
        c.action();
      if (c.tooltip && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", c.help.c_str());
    }
  }
  ImGui::EndMainMenuBar();
}

void handleMenuRequests(AppState& app, MenuState& menu, Settings& settings, FileDialog& dialog,
                        const std::function<void(const std::filesystem::path&)>& open,
                        const std::function<bool(const std::filesystem::path&)>& save) {
  switch (menu.request) {
    case MenuRequest::kNew:
      app.replace("new scenario", scene::Document{});
      app.path.reset();
      app.modified = false;
      break;
    case MenuRequest::kOpen:
      dialog.open(FileDialog::Kind::kOpen, "Open a scenario", ".json", startFolder(app));
      menu.pending_dialog = MenuRequest::kOpen;
      break;
    case MenuRequest::kOpenRecent:
      open(menu.recent);
      break;
    case MenuRequest::kSave:
      if (app.path) save(*app.path);
      break;
    case MenuRequest::kSaveAs:
      dialog.open(FileDialog::Kind::kSave, "Save the scenario", ".json",
                  app.path ? *app.path : startFolder(app) / "scenario.json");
      menu.pending_dialog = MenuRequest::kSaveAs;
      break;
    case MenuRequest::kExportReport:
      dialog.open(FileDialog::Kind::kSave, "Export the report", ".json", startFolder(app) / "report.json");
      menu.pending_dialog = MenuRequest::kExportReport;
      break;
    case MenuRequest::kNone:
    case MenuRequest::kRecord:
    case MenuRequest::kQuit:
      break;
  }
  if (menu.request != MenuRequest::kRecord) menu.request = MenuRequest::kNone;
  (void)settings;

  if (const auto chosen = dialog.draw()) {
    switch (menu.pending_dialog) {
      case MenuRequest::kOpen:
        open(*chosen);
        break;
      case MenuRequest::kSaveAs:
        save(*chosen);
        break;
      case MenuRequest::kExportReport:
        if (app.attempt([&] {
              writeFileAtomic(
                  *chosen,
                  scenario::reportJson(app.doc().scenario.inputs, app.session.solution()).dump(2) + "\n");
            })) {
          app.info("Exported the report to " + chosen->string());
        }
        break;
      default:
        break;
    }
    menu.pending_dialog = MenuRequest::kNone;
  }
  if (!dialog.isOpen() && menu.pending_dialog != MenuRequest::kNone) {  // cancelled
    menu.pending_dialog = MenuRequest::kNone;
    menu.quit_after_save = false;
  }
}

void drawAboutAndEvidence(AppState& app) {
  const float em = ImGui::GetFontSize();
  if (app.show_about) {
    ImGui::SetNextWindowSize(ImVec2(em * 30.0f, 0.0f), ImGuiCond_Appearing);
    if (ImGui::Begin("About Sagitta", &app.show_about, ImGuiWindowFlags_NoCollapse)) {
      ImGui::Text("Sagitta %s", kVersion);
      ImGui::TextWrapped(
          "A biomechanics visualizer: how muscle tightness changes pelvic tilt, hip-flexor length and "
          "spondylolisthesis. Anatomy is generated from published dimensions; muscle parameters come from "
          "the OpenSim models of Rajagopal 2016, gait2392 (Delp, Thelen) and Christophy 2012. Sources "
          "are listed in docs/anatomy.md and docs/biomechanics.md.");
    }
    ImGui::End();
  }
  if (app.show_evidence) {
    ImGui::SetNextWindowSize(ImVec2(em * 34.0f, 0.0f), ImGuiCond_Appearing);
    if (ImGui::Begin("What the model can and cannot say", &app.show_evidence, ImGuiWindowFlags_NoCollapse)) {
      const nlohmann::ordered_json report =
          scenario::reportJson(app.doc().scenario.inputs, app.session.solution());
      ImGui::TextWrapped("%s", report.value("evidence_note", std::string()).c_str());
      ImGui::Spacing();
      ImGui::TextWrapped(
          "Angles and grades are measured on the posed model's bones, the way a clinician measures a "
          "radiograph. The picture shows mechanics, not a diagnosis.");
    }
    ImGui::End();
  }
}

}  // namespace sagitta::ui
