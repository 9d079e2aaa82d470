#include "ui/menus.h"

#include <cmath>

#include <imgui.h>
#include <nlohmann/json.hpp>

#include "core/atomic_file.h"
#include "core/version.h"
#include "scenario/report.h"
#include "scene/presets.h"

namespace sagitta::ui {
namespace {

// A view setting as a checkable menu item: one undoable step.
void viewToggle(AppState& app, const char* label, const char* key, const char* shortcut = nullptr) {
  const bool on = scene::getViewKey(app.doc().view, key).get<bool>();
  if (ImGui::MenuItem(label, shortcut, on)) {
    app.setView(std::string(label) + (on ? " off" : " on"), key, !on);
  }
}

void viewChoice(AppState& app, const char* label, const char* key, const char* value) {
  const bool on = scene::getViewKey(app.doc().view, key).get<std::string>() == value;
  if (ImGui::MenuItem(label, nullptr, on)) {
    app.setView(label, key, value);
  }
}

void cameraView(AppState& app, const char* label, const char* shortcut, const char* name) {
  if (ImGui::MenuItem(label, shortcut)) {
    app.showView(std::string("view: ") + label, name);
  }
}

std::filesystem::path startFolder(const AppState& app) {
  if (app.path) return *app.path;
  std::error_code ec;
  return std::filesystem::current_path(ec);
}

}  // namespace

void drawMainMenu(AppState& app, MenuState& menu, Settings& settings) {
  if (!ImGui::BeginMainMenuBar()) return;
  if (ImGui::BeginMenu("File")) {
    if (ImGui::MenuItem("New", "Ctrl+N")) menu.request = MenuRequest::kNew;
    if (ImGui::MenuItem("Open…", "Ctrl+O")) menu.request = MenuRequest::kOpen;
    if (ImGui::BeginMenu("Open recent", !settings.recent_files.empty())) {
      for (const std::string& f : settings.recent_files) {
        if (ImGui::MenuItem(f.c_str())) {
          menu.request = MenuRequest::kOpenRecent;
          menu.recent = f;
        }
      }
      ImGui::EndMenu();
    }
    if (ImGui::MenuItem("Save", "Ctrl+S"))
      menu.request = app.path ? MenuRequest::kSave : MenuRequest::kSaveAs;
    if (ImGui::MenuItem("Save as…", "Ctrl+Shift+S")) menu.request = MenuRequest::kSaveAs;
    ImGui::Separator();
    if (ImGui::MenuItem("Screenshot…", "F12")) app.show_screenshot = true;
    if (ImGui::MenuItem("Record a clip…", "Ctrl+R")) menu.request = MenuRequest::kRecord;
    if (ImGui::MenuItem("Export report (JSON)…")) menu.request = MenuRequest::kExportReport;
    ImGui::Separator();
    if (ImGui::MenuItem("Quit", "Ctrl+Q")) menu.request = MenuRequest::kQuit;
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Edit")) {
    const std::string undo = app.history.canUndo() ? "Undo " + app.history.undoName() : "Undo";
    const std::string redo = app.history.canRedo() ? "Redo " + app.history.redoName() : "Redo";
    if (ImGui::MenuItem(undo.c_str(), "Ctrl+Z", false, app.history.canUndo())) app.undo();
    if (ImGui::MenuItem(redo.c_str(), "Ctrl+Shift+Z", false, app.history.canRedo())) app.redo();
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    if (ImGui::BeginMenu("Mode")) {
      viewChoice(app, "Classroom / projector", "mode", "classroom");
      viewChoice(app, "Patient", "mode", "patient");
      viewChoice(app, "Expert", "mode", "expert");
      ImGui::EndMenu();
    }
    ImGui::MenuItem("Controls panel", nullptr, &menu.show_controls);
    ImGui::MenuItem("Measures panel", nullptr, &menu.show_measures);
    ImGui::MenuItem("Timeline", "T", &menu.show_timeline);
    ImGui::Separator();
    if (ImGui::BeginMenu("Layers")) {
      viewToggle(app, "Bones", "view.bones");
      viewToggle(app, "Discs", "view.discs");
      viewToggle(app, "Muscles", "view.muscles");
      viewToggle(app, "Nerve roots", "view.nerves");
      viewToggle(app, "Body outline", "view.body_outline");
      ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Overlays")) {
      viewToggle(app, "Pelvic angles (PI, PT, SS)", "view.pelvic_angles");
      viewToggle(app, "Lordosis (Cobb)", "view.lordosis");
      viewToggle(app, "Plumb line", "view.plumb_line");
      viewToggle(app, "Meyerding lines", "view.meyerding");
      viewToggle(app, "L5–S1 shear arrow", "view.shear_arrow");
      viewToggle(app, "Labels", "view.labels");
      ImGui::Separator();
      viewToggle(app, "Numbers in patient mode", "view.show_numbers");
      ImGui::EndMenu();
    }
    if (ImGui::MenuItem("X-ray (lateral film)", "X", app.doc().view.xray)) app.setXray(!app.doc().view.xray);
    viewToggle(app, "Cutaway (midsagittal)", "view.cutaway");
    viewToggle(app, "Show everything (not only the lesson)", "view.show_all", "A");
    if (ImGui::BeginMenu("Compare with neutral")) {
      viewChoice(app, "Off", "view.ghost", "off");
      viewChoice(app, "Ghost over the model", "view.ghost", "overlay");
      viewChoice(app, "Side by side", "view.ghost", "side-by-side");
      ImGui::EndMenu();
    }
    ImGui::Separator();
    if (ImGui::BeginMenu("Camera")) {
      cameraView(app, "Lateral (from the left)", "3", "lateral-left");
      cameraView(app, "Lateral (from the right)", "Ctrl+3", "lateral-right");
      cameraView(app, "Anterior", "1", "anterior");
      cameraView(app, "Posterior", "Ctrl+1", "posterior");
      cameraView(app, "Superior", "7", "superior");
      cameraView(app, "Oblique", "0", "oblique");
      ImGui::Separator();
      bool ortho = app.camera.projection == scene::Projection::kOrthographic;
      if (ImGui::MenuItem("Orthographic", "5", &ortho)) {
        app.camera.projection = ortho ? scene::Projection::kOrthographic : scene::Projection::kPerspective;
      }
      if (ImGui::MenuItem("Frame all", "F")) app.frame_camera = true;
      ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Background")) {
      viewChoice(app, "Dark", "view.background", "dark");
      viewChoice(app, "Light", "view.background", "light");
      viewChoice(app, "Transparent (for slides)", "view.background", "transparent");
      ImGui::EndMenu();
    }
    viewToggle(app, "Floor grid", "view.grid", "G");
    viewToggle(app, "Shadows", "view.shadows");
    ImGui::Separator();
    float scale = settings.ui_scale > 0.0f ? settings.ui_scale : 1.0f;
    int percent = static_cast<int>(std::lround(scale * 100.0f));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10.0f);
    if (ImGui::SliderInt("UI scale", &percent, 100, 300, "%d %%")) {
      // applied between frames: rebuilding fonts mid-frame is not allowed
      settings.ui_scale =
          std::clamp(static_cast<float>(percent) / 100.0f, Settings::kMinScale, Settings::kMaxScale);
    }
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Presets")) {
    for (const scene::Preset& p : scene::presets()) {
      if (ImGui::MenuItem(p.title.c_str())) {
        scene::Document d = p.document;
        d.view.mode = app.doc().view.mode;  // a preset does not change who is watching
        d.view.show_numbers = app.doc().view.show_numbers;
        app.replace("preset: " + p.title, std::move(d));
        app.info(p.description);
      }
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", p.description.c_str());
    }
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Help")) {
    ImGui::MenuItem("Keyboard and mouse", "F1", &app.show_help);
    ImGui::MenuItem("What the model can and cannot say", nullptr, &app.show_evidence);
    ImGui::MenuItem("About Sagitta", nullptr, &app.show_about);
    ImGui::EndMenu();
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
        try {
          writeFileAtomic(
              *chosen,
              scenario::reportJson(app.doc().scenario.inputs, app.session.solution()).dump(2) + "\n");
          app.info("Exported the report to " + chosen->string());
        } catch (const std::exception& e) {
          app.error(e.what());
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
