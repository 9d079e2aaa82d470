// Every user command in one table: its name, menu place, shortcut, when it is enabled and what it
// does. The menu bar, the keyboard shortcuts, the help overlay (F1) and the panel buttons that
// mean the same thing are all drawn or dispatched from this table, so a shortcut is written once.
// No ImGui or GLFW here: the table is unit-tested without a window (tests/unit/ui).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace sagitta::ui {

// Runs `action`, something the user asked for (open, save, export, a screenshot, a preset, a
// recording). What the user can act on is passed to `report` as the error's message (one plain
// line) and returns false: bad input (InputError, and the JSON library's errors for a bad file),
// a file that cannot be read or written (IoError, std::filesystem's errors), an image larger than
// the graphics driver can draw (GraphicsError). The action must change nothing before it throws.
// Anything else is a bug and goes on to the frame loop's catch-all (GuiApp::run). True when the
// action returned.
bool runReportingErrors(const std::function<void()>& action,
                        const std::function<void(const std::string&)>& report);

// Key codes are GLFW's (gui_app.cpp checks them with static_assert), so this header needs no GLFW.
enum class Key : int {
  kSpace = 32,
  k0 = 48,
  k1 = 49,
  k3 = 51,
  k5 = 53,
  k7 = 55,
  kA = 65,
  kF = 70,
  kG = 71,
  kN = 78,
  kO = 79,
  kQ = 81,
  kR = 82,
  kS = 83,
  kT = 84,
  kX = 88,
  kY = 89,
  kZ = 90,
  kF1 = 290,
  kF12 = 301,
  kKp0 = 320,
  kKp1 = 321,
  kKp3 = 323,
  kKp5 = 325,
  kKp7 = 327,
};

// A key with its modifiers. `listed` chords are shown in menus and the help overlay; the keypad
// twins of the digit keys are not.
struct Chord {
  Key key;
  bool ctrl = false;
  bool shift = false;
  bool listed = true;
};

// "Ctrl+Shift+Z", "F12", "Space", "3".
std::string chordText(const Chord& chord);

// One key pressed this frame, with the modifiers held.
struct KeyPress {
  Key key;
  bool ctrl = false;
  bool shift = false;
};

// What the menu draws in place of an item that is not a plain command.
enum class MenuHook { kNone, kRecentFiles, kUiScale };

struct Command {
  std::string id;    // stable name: "file.save", "view.grid", "camera.lateral-left"
  std::string menu;  // where it sits in the menu bar: "File", "View/Camera"; empty: in no menu
  std::string label;
  std::string help;                        // help overlay text and tooltip; empty: the label
  std::vector<Chord> keys;                 // the first listed one is shown next to the menu item
  std::function<bool()> enabled;           // empty: always enabled
  std::function<bool()> checked;           // empty: not a checkable item
  std::function<std::string()> label_now;  // a label that changes ("Undo slider drag")
  std::function<void()> action;
  bool separator_before = false;
  bool tooltip = false;             // the menu shows `help` when the item is hovered
  MenuHook hook = MenuHook::kNone;  // drawn by the menu itself (no action)

  bool isEnabled() const { return !enabled || enabled(); }
  bool isChecked() const { return checked && checked(); }
  std::string currentLabel() const { return label_now ? label_now() : label; }
};

class CommandTable {
 public:
  // Adds a command; a repeated id or a chord another command already has is a programming error.
  void add(Command command);
  const std::vector<Command>& all() const { return commands_; }
  const Command* find(std::string_view id) const;
  // The command a key press means: the chord with exactly these modifiers, else (Shift held)
  // the same chord without Shift, so Shift+T still toggles the timeline.
  const Command* match(const KeyPress& press) const;
  // Runs the command when it exists and is enabled; returns whether it ran. Bad input or a
  // failed file is reported to the user (runReportingErrors) and counts as run; anything else
  // is a bug and goes on to the frame loop's catch-all.
  bool run(std::string_view id) const;
  // Where run() and press() report what runReportingErrors reports (the status bar); unset:
  // nothing is caught.
  void setErrorReporter(std::function<void(const std::string&)> report) { report_ = std::move(report); }
  // Runs what this frame's presses mean, each key at most once (the first press of a key wins).
  // Returns the ids of the commands that ran.
  std::vector<std::string> press(const std::vector<KeyPress>& presses) const;
  // Every key some chord uses (to ask the window which of them went down).
  std::vector<Key> keys() const;
  // The listed chords of a command, "Ctrl+Shift+Z / Ctrl+Y"; empty when it has none.
  static std::string shortcutText(const Command& command);

  struct HelpRow {
    std::string keys;
    std::string what;
  };
  // One row per command that has a listed chord, in table order.
  std::vector<HelpRow> helpRows() const;

 private:
  void execute(const Command& command) const;
  std::vector<Command> commands_;
  std::function<void(const std::string&)> report_;
};

// The windows and panels a command can show or hide.
enum class Window { kHelp, kAbout, kEvidence, kScreenshot, kControls, kMeasures, kTimeline };

// File operations carried out by the menu's request handler (dialogs, open, save, export).
enum class FileRequest { kNew, kOpen, kSave, kSaveAs, kExportReport, kRecord, kQuit };

// What commands act on. The application implements it over its state; tests use a fake.
class CommandHost {
 public:
  virtual ~CommandHost() = default;
  virtual void request(FileRequest r) = 0;
  virtual bool hasPath() const = 0;  // the document has a file: Save writes it without asking
  virtual bool canUndo() const = 0;
  virtual bool canRedo() const = 0;
  virtual std::string undoName() const = 0;
  virtual std::string redoName() const = 0;
  virtual void undo() = 0;
  virtual void redo() = 0;
  virtual bool& shown(Window w) = 0;
  // view keys (scene/view_state.h): read, and set as one undoable step called `name`
  virtual nlohmann::json viewValue(std::string_view key) const = 0;
  virtual void setView(const std::string& name, std::string_view key, const nlohmann::json& value) = 0;
  virtual void setXray(bool on) = 0;
  virtual void showView(const std::string& name, const char* view) = 0;  // a named camera view
  virtual bool orthographic() const = 0;
  virtual void toggleProjection() = 0;
  virtual void frameAll() = 0;
  virtual bool canCycle() const = 0;  // A and B are both set
  virtual bool cycling() const = 0;
  virtual void toggleCycle() = 0;
  virtual void applyPreset(std::size_t index) = 0;  // scene::presets()[index]
};

// The application's commands over `host` (which must outlive the table).
CommandTable makeCommands(CommandHost& host);

}  // namespace sagitta::ui
