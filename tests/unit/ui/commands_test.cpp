#include "ui/commands.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "core/error.h"

namespace sagitta::ui {
namespace {

// Records what the commands ask of the application.
class FakeHost : public CommandHost {
 public:
  std::vector<std::string> calls;
  bool path = false;
  bool can_undo = false, can_redo = false;
  bool a_and_b = false, playing = false, ortho = false;
  std::map<Window, bool> windows;
  nlohmann::json view = {
      {"view.grid", true}, {"view.xray", false}, {"view.ghost", "off"}, {"mode", "expert"}};

  void request(FileRequest r) override { calls.push_back("request " + std::to_string(static_cast<int>(r))); }
  bool hasPath() const override { return path; }
  bool canUndo() const override { return can_undo; }
  bool canRedo() const override { return can_redo; }
  std::string undoName() const override { return "slider"; }
  std::string redoName() const override { return "grid"; }
  void undo() override { calls.push_back("undo"); }
  void redo() override { calls.push_back("redo"); }
  bool& shown(Window w) override { return windows[w]; }
  nlohmann::json viewValue(std::string_view key) const override {
    const auto it = view.find(std::string(key));
    return it == view.end() ? nlohmann::json(false) : *it;
  }
  void setView(const std::string& name, std::string_view key, const nlohmann::json& value) override {
    calls.push_back("setView " + name + " " + std::string(key) + "=" + value.dump());
    view[std::string(key)] = value;
  }
  void setXray(bool on) override { calls.push_back(on ? "xray on" : "xray off"); }
  void showView(const std::string& name, const char* v) override {
    calls.push_back("showView " + name + " " + v);
  }
  bool orthographic() const override { return ortho; }
  void toggleProjection() override { calls.push_back("projection"); }
  void frameAll() override { calls.push_back("frame all"); }
  bool canCycle() const override { return a_and_b; }
  bool cycling() const override { return playing; }
  void toggleCycle() override { calls.push_back("cycle"); }
  void applyPreset(std::size_t index) override { calls.push_back("preset " + std::to_string(index)); }
};

std::string requestCall(FileRequest r) {
  return "request " + std::to_string(static_cast<int>(r));
}

struct Fixture : ::testing::Test {
  FakeHost host;
  CommandTable table = makeCommands(host);
  std::string pressOnce(KeyPress p) {
    host.calls.clear();
    const std::vector<std::string> ran = table.press({p});
    return ran.empty() ? "" : ran.front();
  }
};

using CommandTableTest = Fixture;

TEST_F(CommandTableTest, EveryDocumentedKeyRunsItsCommand) {
  host.can_undo = host.can_redo = host.a_and_b = true;
  const std::vector<std::pair<KeyPress, std::string>> cases = {
      {{Key::kN, true}, "file.new"},
      {{Key::kO, true}, "file.open"},
      {{Key::kS, true}, "file.save"},
      {{Key::kS, true, true}, "file.save_as"},
      {{Key::kF12}, "file.screenshot"},
      {{Key::kR, true}, "file.record"},
      {{Key::kQ, true}, "file.quit"},
      {{Key::kZ, true}, "edit.undo"},
      {{Key::kZ, true, true}, "edit.redo"},
      {{Key::kY, true}, "edit.redo"},
      {{Key::kT}, "window.timeline"},
      {{Key::kX}, "view.xray"},
      {{Key::k3}, "camera.lateral-left"},
      {{Key::kKp3}, "camera.lateral-left"},
      {{Key::k3, true}, "camera.lateral-right"},
      {{Key::k1}, "camera.anterior"},
      {{Key::k1, true}, "camera.posterior"},
      {{Key::k7}, "camera.superior"},
      {{Key::k0}, "camera.oblique"},
      {{Key::k5}, "camera.orthographic"},
      {{Key::kF}, "camera.frame_all"},
      {{Key::kG}, "view.grid"},
      {{Key::kF1}, "window.help"},
      {{Key::kSpace}, "cycle.play"},
  };
  for (const auto& [press, id] : cases)
    EXPECT_EQ(pressOnce(press), id) << chordText({press.key, press.ctrl, press.shift});
}

TEST_F(CommandTableTest, ShiftFallsBackToTheChordWithoutItButCtrlDoesNot) {
  EXPECT_EQ(pressOnce({Key::kT, false, true}), "window.timeline");
  EXPECT_EQ(pressOnce({Key::kX, true}), "");  // Ctrl+X means nothing
  EXPECT_EQ(pressOnce({Key::kN}), "");        // N alone is not Ctrl+N
}

TEST_F(CommandTableTest, SaveAsksForANameOnlyWhenTheDocumentHasNoFile) {
  pressOnce({Key::kS, true});
  EXPECT_EQ(host.calls, std::vector<std::string>{requestCall(FileRequest::kSaveAs)});
  host.path = true;
  pressOnce({Key::kS, true});
  EXPECT_EQ(host.calls, std::vector<std::string>{requestCall(FileRequest::kSave)});
}

TEST_F(CommandTableTest, DisabledCommandsDoNotRun) {
  EXPECT_EQ(pressOnce({Key::kZ, true}), "");
  EXPECT_EQ(pressOnce({Key::kSpace}), "");  // no A and B yet
  EXPECT_TRUE(host.calls.empty());
  EXPECT_FALSE(table.run("edit.redo"));
  host.can_undo = true;
  EXPECT_EQ(pressOnce({Key::kZ, true}), "edit.undo");
  EXPECT_EQ(host.calls, std::vector<std::string>{"undo"});
}

TEST_F(CommandTableTest, AKeyRunsOncePerFrameHoweverOftenItArrives) {
  const std::vector<std::string> ran = table.press({{Key::kG}, {Key::kG}, {Key::kT}});
  EXPECT_EQ(ran, (std::vector<std::string>{"view.grid", "window.timeline"}));
  EXPECT_EQ(host.view["view.grid"], false);  // toggled once, not twice
}

TEST_F(CommandTableTest, ToggleAndChoiceCommandsAreNamedUndoSteps) {
  ASSERT_TRUE(table.run("view.grid"));
  ASSERT_TRUE(table.run("view.ghost=overlay"));
  EXPECT_EQ(host.calls, (std::vector<std::string>{"setView Floor grid off view.grid=false",
                                                  "setView Ghost over the model view.ghost=\"overlay\""}));
  EXPECT_FALSE(table.find("view.grid")->isChecked());
  EXPECT_TRUE(table.find("view.ghost=overlay")->isChecked());
  EXPECT_FALSE(table.find("view.ghost=off")->isChecked());
}

TEST_F(CommandTableTest, TheKeyAndTheMenuItemOfAViewAreOneCommand) {
  pressOnce({Key::k3});
  const std::vector<std::string> by_key = host.calls;
  host.calls.clear();
  ASSERT_TRUE(table.run("camera.lateral-left"));
  EXPECT_EQ(host.calls, by_key);
  EXPECT_EQ(by_key, std::vector<std::string>{"showView view: Lateral (from the left) lateral-left"});
}

TEST_F(CommandTableTest, UndoNamesTheStepItWillUndo) {
  EXPECT_EQ(table.find("edit.undo")->currentLabel(), "Undo");
  host.can_undo = true;
  EXPECT_EQ(table.find("edit.undo")->currentLabel(), "Undo slider");
}

TEST_F(CommandTableTest, MenusComeInTheirBarOrder) {
  std::vector<std::string> tops;
  for (const Command& c : table.all()) {
    if (c.menu.empty()) continue;
    const std::string top = c.menu.substr(0, c.menu.find('/'));
    if (tops.empty() || tops.back() != top) tops.push_back(top);
  }
  EXPECT_EQ(tops, (std::vector<std::string>{"File", "Edit", "View", "Presets", "Help"}));
}

TEST_F(CommandTableTest, TheHelpListsEveryShortcutOnceWithoutTheKeypadTwins) {
  std::set<std::string> keys;
  for (const CommandTable::HelpRow& r : table.helpRows()) {
    EXPECT_FALSE(r.what.empty());
    EXPECT_EQ(r.keys.find("Keypad"), std::string::npos) << r.keys;
    EXPECT_TRUE(keys.insert(r.keys).second) << r.keys;
  }
  EXPECT_TRUE(keys.count("Ctrl+Shift+Z / Ctrl+Y"));
  EXPECT_TRUE(keys.count("F1"));
  EXPECT_EQ(CommandTable::shortcutText(*table.find("file.save_as")), "Ctrl+Shift+S");
}

// README's "Keys and mouse" table and the command table name the same keys.
TEST_F(CommandTableTest, TheReadmeDocumentsExactlyTheKeysOfTheTable) {
  std::ifstream in(std::string(SAGITTA_SOURCE_DIR) + "/README.md");
  std::stringstream text;
  text << in.rdbuf();
  const std::string readme = text.str();
  const std::size_t start = readme.find("### Keys and mouse");
  ASSERT_NE(start, std::string::npos);
  const std::string section =
      readme.substr(start, readme.find("\n\n", readme.find("| input", start)) - start);
  std::set<std::string> documented;
  const std::regex code("`([^`]+)`");
  for (auto it = std::sregex_iterator(section.begin(), section.end(), code); it != std::sregex_iterator();
       ++it)
    documented.insert((*it)[1]);
  std::set<std::string> listed;
  for (const Command& c : table.all()) {
    for (const Chord& k : c.keys)
      if (k.listed) listed.insert(chordText(k));
  }
  listed.erase("Ctrl+Shift+S");  // README: "Ctrl+S" is save; the menu shows Save as
  listed.erase("Ctrl+Y");        // a second redo for Windows habits
  // Escape is no command: it closes whatever is open (ui/escape.h), and the README says so
  EXPECT_EQ(documented.erase("Escape"), 1u);
  EXPECT_EQ(documented, listed);
}

TEST(CommandTableDeathTest, TwoCommandsCannotShareAChord) {
  CommandTable t;
  Command a;
  a.id = "a";
  a.keys = {{Key::kG}};
  a.action = [] {};
  t.add(a);
  Command b = a;
  b.id = "b";
  EXPECT_DEATH(t.add(b), "a chord means one command");
}

TEST(CommandTableErrors, BadInputIsReportedAndABugIsNot) {
  CommandTable t;
  Command bad;
  bad.id = "bad";
  bad.action = [] { throw InputError("scene.json:3: view.xray must be true or false"); };
  t.add(bad);
  Command bug = bad;
  bug.id = "bug";
  bug.action = [] { throw std::logic_error("a bug"); };
  t.add(bug);
  EXPECT_THROW(t.run("bad"), InputError);  // no reporter: nothing is swallowed
  std::vector<std::string> shown;
  t.setErrorReporter([&](const std::string& text) { shown.push_back(text); });
  EXPECT_TRUE(t.run("bad"));
  EXPECT_EQ(shown, std::vector<std::string>{"scene.json:3: view.xray must be true or false"});
  EXPECT_THROW(t.run("bug"), std::logic_error);
}

TEST(CommandTableErrors, WhatTheLibrariesThrowForABadFileIsReportedToo) {
  std::vector<std::string> shown;
  const auto report = [&](const std::string& text) { shown.push_back(text); };
  EXPECT_FALSE(runReportingErrors([] { throw IoError("cannot write /x/y.png: Permission denied"); }, report));
  EXPECT_FALSE(
      runReportingErrors([] { const nlohmann::json j = nlohmann::json::parse("{\"a\": "); }, report));
  EXPECT_FALSE(runReportingErrors(
      [] {
        throw std::filesystem::filesystem_error("cannot open", "/x/y.json",
                                                std::make_error_code(std::errc::permission_denied));
      },
      report));
  ASSERT_EQ(shown.size(), 3u);
  EXPECT_EQ(shown[0], "cannot write /x/y.png: Permission denied");
  EXPECT_NE(shown[1].find("parse error"), std::string::npos) << shown[1];
  EXPECT_NE(shown[2].find("/x/y.json"), std::string::npos) << shown[2];
  EXPECT_TRUE(runReportingErrors([] {}, report));
  EXPECT_EQ(shown.size(), 3u);
  EXPECT_THROW(runReportingErrors([] { throw std::out_of_range("a bug"); }, report), std::out_of_range);
}

TEST(ChordText, SpellsKeysAsTheReadmeDoes) {
  EXPECT_EQ(chordText({Key::kZ, true, true}), "Ctrl+Shift+Z");
  EXPECT_EQ(chordText({Key::kF12}), "F12");
  EXPECT_EQ(chordText({Key::kSpace}), "Space");
  EXPECT_EQ(chordText({Key::k3, true}), "Ctrl+3");
  EXPECT_EQ(chordText({Key::kKp5}), "Keypad 5");
}

}  // namespace
}  // namespace sagitta::ui
