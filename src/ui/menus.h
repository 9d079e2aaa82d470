// The main menu bar (File, Edit, View, Presets, Help) and the file commands it requests.
#pragma once

#include <filesystem>
#include <functional>

#include "ui/app_state.h"
#include "ui/commands.h"
#include "ui/file_dialog.h"
#include "ui/settings.h"

namespace sagitta::ui {

enum class MenuRequest { kNone, kNew, kOpen, kOpenRecent, kSave, kSaveAs, kExportReport, kRecord, kQuit };

struct MenuState {
  bool show_controls = true;
  bool show_measures = true;
  bool show_timeline = false;
  MenuRequest request = MenuRequest::kNone;
  std::filesystem::path recent;                     // with kOpenRecent
  MenuRequest pending_dialog = MenuRequest::kNone;  // what the open file dialog is for
  bool quit_after_save = false;
};

// The menu bar, drawn from the command table (ui/commands.h) in its order.
void drawMainMenu(const CommandTable& commands, MenuState& menu, Settings& settings);

// Carries out file requests: dialogs, open, save, export. `save` returns true on success.
void handleMenuRequests(AppState& app, MenuState& menu, Settings& settings, FileDialog& dialog,
                        const std::function<void(const std::filesystem::path&)>& open,
                        const std::function<bool(const std::filesystem::path&)>& save);

// Help > About and Help > Evidence windows.
void drawAboutAndEvidence(AppState& app);

}  // namespace sagitta::ui
