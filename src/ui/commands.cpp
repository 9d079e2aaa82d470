#include "ui/commands.h"

#include <algorithm>
#include <deque>
#include <filesystem>
#include <utility>

#include "core/assert.h"
#include "core/error.h"
#include "scene/presets.h"

namespace sagitta::ui {

bool runReportingErrors(const std::function<void()>& action,
                        const std::function<void(const std::string&)>& report) {
  try {
    action();
    return true;
  } catch (const InputError& e) {
    report(e.what());
  } catch (const IoError& e) {
    report(e.what());
  } catch (const GraphicsError& e) {
    report(e.what());
  } catch (const nlohmann::json::exception& e) {
    report(e.what());
  } catch (const std::filesystem::filesystem_error& e) {
    report(e.what());
  }
  return false;
}

std::string chordText(const Chord& chord) {
  std::string key;
  const int code = static_cast<int>(chord.key);
  if (chord.key == Key::kSpace) {
    key = "Space";
  } else if (code >= static_cast<int>(Key::kF1) && code <= static_cast<int>(Key::kF12)) {
    key = "F" + std::to_string(code - static_cast<int>(Key::kF1) + 1);
  } else if (code >= static_cast<int>(Key::kKp0) && code <= static_cast<int>(Key::kKp0) + 9) {
    key = "Keypad " + std::to_string(code - static_cast<int>(Key::kKp0));
  } else {
    key = std::string(1, static_cast<char>(code));  // digits and letters are their ASCII codes
  }
  return std::string(chord.ctrl ? "Ctrl+" : "") + (chord.shift ? "Shift+" : "") + key;
}

void CommandTable::add(Command command) {
  SAGITTA_ASSERT(find(command.id) == nullptr, "command ids are unique");
  for (const Chord& c : command.keys) {
    const Command* other = match({c.key, c.ctrl, c.shift});
    const bool same_chord =
        other != nullptr && std::any_of(other->keys.begin(), other->keys.end(), [&](const Chord& o) {
          return o.key == c.key && o.ctrl == c.ctrl && o.shift == c.shift;
        });
    SAGITTA_ASSERT(!same_chord, "a chord means one command");
  }
  SAGITTA_ASSERT(command.action || command.hook != MenuHook::kNone, "a command does something");
  commands_.push_back(std::move(command));
}

const Command* CommandTable::find(std::string_view id) const {
  for (const Command& c : commands_)
    if (c.id == id) return &c;
  return nullptr;
}

const Command* CommandTable::match(const KeyPress& press) const {
  auto exact = [&](bool shift) -> const Command* {
    for (const Command& c : commands_) {
      for (const Chord& k : c.keys)
        if (k.key == press.key && k.ctrl == press.ctrl && k.shift == shift) return &c;
    }
    return nullptr;
  };
  if (const Command* c = exact(press.shift)) return c;
  return press.shift ? exact(false) : nullptr;
}

bool CommandTable::run(std::string_view id) const {
  const Command* c = find(id);
  if (c == nullptr || !c->action || !c->isEnabled()) return false;
  execute(*c);
  return true;
}

void CommandTable::execute(const Command& command) const {
  if (report_) {
    runReportingErrors(command.action, report_);
  } else {
    command.action();
  }
}

std::vector<std::string> CommandTable::press(const std::vector<KeyPress>& presses) const {
  std::vector<std::string> ran;
  std::vector<Key> seen;
  for (const KeyPress& p : presses) {
    if (std::find(seen.begin(), seen.end(), p.key) != seen.end()) continue;
    seen.push_back(p.key);
    const Command* c = match(p);
    if (c != nullptr && c->action && c->isEnabled()) {
      execute(*c);
      ran.push_back(c->id);
    }
  }
  return ran;
}

std::vector<Key> CommandTable::keys() const {
  std::vector<Key> out;
  for (const Command& c : commands_) {
    for (const Chord& k : c.keys)
      if (std::find(out.begin(), out.end(), k.key) == out.end()) out.push_back(k.key);
  }
  return out;
}

std::string CommandTable::shortcutText(const Command& command) {
  std::string out;
  for (const Chord& k : command.keys) {
    if (!k.listed) continue;
    if (!out.empty()) out += " / ";
    out += chordText(k);
  }
  return out;
}

std::vector<CommandTable::HelpRow> CommandTable::helpRows() const {
  std::vector<HelpRow> rows;
  for (const Command& c : commands_) {
    std::string keys = shortcutText(c);
    if (!keys.empty()) rows.push_back({std::move(keys), c.help.empty() ? c.label : c.help});
  }
  return rows;
}

namespace {

// Builds the table in menu order; `menu` and `separator` apply to the commands that follow. The
// returned command may be completed (help, enabled, checked) until take().
class Builder {
 public:
  explicit Builder(CommandHost& host) : host_(host) {}

  void menu(std::string path) { menu_ = std::move(path); }
  void separator() { separator_ = true; }

  Command& add(std::string id, std::string label, std::vector<Chord> keys, std::function<void()> action) {
    Command c;
    c.id = std::move(id);
    c.menu = menu_;
    c.label = std::move(label);
    c.keys = std::move(keys);
    c.action = std::move(action);
    c.separator_before = std::exchange(separator_, false);
    pending_.push_back(std::move(c));
    return pending_.back();
  }

  void hook(std::string id, std::string label, MenuHook hook) {
    Command c;
    c.id = std::move(id);
    c.menu = menu_;
    c.label = std::move(label);
    c.hook = hook;
    c.separator_before = std::exchange(separator_, false);
    pending_.push_back(std::move(c));
  }

  // A window or panel shown or hidden.
  Command& window(std::string id, std::string label, Window w, std::vector<Chord> keys = {}) {
    CommandHost& h = host_;
    Command& c = add(std::move(id), std::move(label), std::move(keys), [&h, w] { h.shown(w) = !h.shown(w); });
    c.checked = [&h, w] { return h.shown(w); };
    return c;
  }

  // An on/off view key as one undoable step ("Bones off").
  Command& toggle(std::string label, const char* key, std::vector<Chord> keys = {}) {
    CommandHost& h = host_;
    const std::string name = label;
    Command& c = add(key, std::move(label), std::move(keys), [&h, key, name] {
      const bool on = h.viewValue(key).get<bool>();
      h.setView(name + (on ? " off" : " on"), key, !on);
    });
    c.checked = [&h, key] { return h.viewValue(key).get<bool>(); };
    return c;
  }

  // One value of a choice view key ("view.ghost" = "overlay").
  Command& choice(std::string label, const char* key, const char* value) {
    CommandHost& h = host_;
    const std::string name = label;
    Command& c = add(std::string(key) + "=" + value, std::move(label), {},
                     [&h, key, value, name] { h.setView(name, key, value); });
    c.checked = [&h, key, value] { return h.viewValue(key).get<std::string>() == value; };
    return c;
  }

  // A named camera view, framed on the model.
  Command& camera(std::string label, const char* view, std::vector<Chord> keys) {
    CommandHost& h = host_;
    const std::string name = "view: " + label;
    return add(std::string("camera.") + view, std::move(label), std::move(keys),
               [&h, view, name] { h.showView(name, view); });
  }

  CommandTable take() {
    CommandTable table;
    for (Command& c : pending_) table.add(std::move(c));
    pending_.clear();
    return table;
  }

 private:
  CommandHost& host_;
  std::deque<Command> pending_;  // a deque: references returned by add stay valid
  std::string menu_;
  bool separator_ = false;
};

Chord ctrl(Key k) {
  return {k, true};
}
Chord ctrlShift(Key k) {
  return {k, true, true};
}
Chord keypad(Key k) {
  return {k, false, false, false};
}
Chord keypadCtrl(Key k) {
  return {k, true, false, false};
}

}  // namespace

CommandTable makeCommands(CommandHost& host) {
  CommandHost& h = host;
  Builder b(host);

  b.menu("File");
  b.add("file.new", "New", {ctrl(Key::kN)}, [&h] { h.request(FileRequest::kNew); }).help = "New scenario";
  b.add("file.open", "Open…", {ctrl(Key::kO)}, [&h] { h.request(FileRequest::kOpen); }).help =
      "Open a scenario";
  b.hook("file.open_recent", "Open recent", MenuHook::kRecentFiles);
  b.add("file.save", "Save", {ctrl(Key::kS)}, [&h] {
     h.request(h.hasPath() ? FileRequest::kSave : FileRequest::kSaveAs);
   }).help = "Save the scenario";
  b.add("file.save_as", "Save as…", {ctrlShift(Key::kS)}, [&h] { h.request(FileRequest::kSaveAs); }).help =
      "Save the scenario under another name";
  b.separator();
  b.add("file.screenshot", "Screenshot…", {{Key::kF12}}, [&h] { h.shown(Window::kScreenshot) = true; }).help =
      "Screenshot of the 3D view";
  b.add("file.record", "Record a clip…", {ctrl(Key::kR)}, [&h] { h.request(FileRequest::kRecord); }).help =
      "Record a clip (start / stop)";
  b.add("file.export_report", "Export report (JSON)…", {}, [&h] { h.request(FileRequest::kExportReport); });
  b.separator();
  b.add("file.quit", "Quit", {ctrl(Key::kQ)}, [&h] { h.request(FileRequest::kQuit); });

  b.menu("Edit");
  Command& undo = b.add("edit.undo", "Undo", {ctrl(Key::kZ)}, [&h] { h.undo(); });
  undo.enabled = [&h] { return h.canUndo(); };
  undo.label_now = [&h] { return h.canUndo() ? "Undo " + h.undoName() : std::string("Undo"); };
  Command& redo = b.add("edit.redo", "Redo", {ctrlShift(Key::kZ), ctrl(Key::kY)}, [&h] { h.redo(); });
  redo.enabled = [&h] { return h.canRedo(); };
  redo.label_now = [&h] { return h.canRedo() ? "Redo " + h.redoName() : std::string("Redo"); };

  b.menu("View/Mode");
  b.choice("Classroom / projector", "mode", "classroom");
  b.choice("Patient", "mode", "patient");
  b.choice("Expert", "mode", "expert");
  b.menu("View");
  b.window("window.controls", "Controls panel", Window::kControls);
  b.window("window.measures", "Measures panel", Window::kMeasures);
  b.window("window.timeline", "Timeline", Window::kTimeline, {{Key::kT}}).help =
      "Timeline: keyframes, scrub, play, export";
  b.menu("View/Layers");
  b.toggle("Bones", "view.bones");
  b.toggle("Discs", "view.discs");
  b.toggle("Muscles", "view.muscles");
  b.toggle("Nerve roots", "view.nerves");
  b.toggle("Body outline", "view.body_outline");
  b.menu("View/Overlays");
  b.toggle("Pelvic angles (PI, PT, SS)", "view.pelvic_angles");
  b.toggle("Lordosis (Cobb)", "view.lordosis");
  b.toggle("Plumb line", "view.plumb_line");
  b.toggle("Meyerding lines", "view.meyerding");
  b.toggle("L5–S1 shear arrow", "view.shear_arrow");
  b.toggle("Labels", "view.labels");
  b.separator();
  b.toggle("Numbers in patient mode", "view.show_numbers");
  b.menu("View");
  b.separator();
  Command& xray = b.add("view.xray", "X-ray (lateral film)", {{Key::kX}},
                        [&h] { h.setXray(!h.viewValue("view.xray").get<bool>()); });
  xray.checked = [&h] { return h.viewValue("view.xray").get<bool>(); };
  xray.help = "X-ray view";
  b.toggle("Cutaway (midsagittal)", "view.cutaway");
  b.toggle("Show everything (not only the lesson)", "view.show_all", {{Key::kA}}).help =
      "Show everything / only the lesson";
  b.menu("View/Compare with neutral");
  b.choice("Off", "view.ghost", "off");
  b.choice("Ghost over the model", "view.ghost", "overlay");
  b.choice("Side by side", "view.ghost", "side-by-side");
  b.menu("View/Camera");
  b.camera("Lateral (from the left)", "lateral-left", {{Key::k3}, keypad(Key::kKp3)}).help =
      "Lateral view from the left";
  b.camera("Lateral (from the right)", "lateral-right", {ctrl(Key::k3), keypadCtrl(Key::kKp3)}).help =
      "Lateral view from the right";
  b.camera("Anterior", "anterior", {{Key::k1}, keypad(Key::kKp1)}).help = "Anterior view";
  b.camera("Posterior", "posterior", {ctrl(Key::k1), keypadCtrl(Key::kKp1)}).help = "Posterior view";
  b.camera("Superior", "superior", {{Key::k7}, keypad(Key::kKp7)}).help = "Superior view";
  b.camera("Oblique", "oblique", {{Key::k0}, keypad(Key::kKp0)}).help = "Oblique view";
  b.separator();
  Command& ortho = b.add("camera.orthographic", "Orthographic", {{Key::k5}, keypad(Key::kKp5)},
                         [&h] { h.toggleProjection(); });
  ortho.checked = [&h] { return h.orthographic(); };
  ortho.help = "Perspective / orthographic";
  b.add("camera.frame_all", "Frame all", {{Key::kF}}, [&h] { h.frameAll(); });
  b.menu("View/Background");
  b.choice("Dark", "view.background", "dark");
  b.choice("Light", "view.background", "light");
  b.choice("Transparent (for slides)", "view.background", "transparent");
  b.menu("View");
  b.toggle("Floor grid", "view.grid", {{Key::kG}});
  b.toggle("Shadows", "view.shadows");
  b.separator();
  b.hook("view.ui_scale", "UI scale", MenuHook::kUiScale);

  b.menu("Presets");
  const std::vector<scene::Preset>& presets = scene::presets();
  for (std::size_t i = 0; i < presets.size(); ++i) {
    Command& c = b.add("preset." + presets[i].name, presets[i].title, {}, [&h, i] { h.applyPreset(i); });
    c.help = presets[i].description;
    c.tooltip = true;
  }

  b.menu("Help");
  b.window("window.help", "Keyboard and mouse", Window::kHelp, {{Key::kF1}}).help = "This help";
  b.window("window.evidence", "What the model can and cannot say", Window::kEvidence);
  b.window("window.about", "About Sagitta", Window::kAbout);

  // in no menu: the panel's Play button and Space
  b.menu("");
  Command& cycle = b.add("cycle.play", "Play A ⇄ B", {{Key::kSpace}}, [&h] { h.toggleCycle(); });
  cycle.enabled = [&h] { return h.canCycle(); };
  cycle.checked = [&h] { return h.cycling(); };
  cycle.help = "Play / pause the A ⇄ B cycle";
  return b.take();
}

}  // namespace sagitta::ui
