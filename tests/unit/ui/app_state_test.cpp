// The edited document and what is shown are two things: an A ⇄ B cycle or a timeline playback
// shows other documents, but edits, undo and save act on the edited one (issue 11: after a
// playback the next edit recorded the shown state as its "before", and Save wrote it).
#include "ui/app_state.h"

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>
#include <unistd.h>

#include "anatomy/skeleton.h"
#include "scenario/parameters.h"
#include "scene/presets.h"
#include "scene/timeline.h"
#include "scene/timeline_player.h"

namespace sagitta::ui {
namespace {

scene::Session makeSession() {
  anatomy::Model m;
  m.skeleton = anatomy::buildSkeleton();
  return scene::Session(std::move(m));
}

scene::Document withTightness(scene::Document d, double tightness) {
  scene::applyKey(d, "muscles.hip_flexors.tightness", tightness, "test");
  return d;
}

double tightness(const scene::Document& d) {
  return scenario::getNumber(d.scenario.inputs, "muscles.hip_flexors.tightness").value_or(-1.0);
}

TEST(ShownDocumentRegression, ATimelinePlaybackIsNotWhatTheNextEditChangesOrUndoRestores) {
  scene::Session session = makeSession();
  AppState app(session);
  const scene::Document edited = scene::findPreset("neutral")->document;
  ASSERT_TRUE(app.replace("open", edited));

  // a timeline that tightens the hip flexors, played to its end
  scene::Timeline timeline;
  timeline.base = edited;
  timeline.keyframes.push_back({0.0, scene::Ease::kLinear, {{"muscles.hip_flexors.tightness", 0.0}}});
  timeline.keyframes.push_back({2.0, scene::Ease::kLinear, {{"muscles.hip_flexors.tightness", 0.9}}});
  timeline.duration_s = 2.0;
  scene::TimelinePlayer player(session, timeline, 1.5f);
  player.show(2.0, 0.1);
  ASSERT_DOUBLE_EQ(tightness(session.shown()), 0.9);  // it is shown

  // an edit changes the edited document, not the shown one
  ASSERT_TRUE(app.change("floor grid", "", [](scene::Document& d) { d.view.grid = !d.view.grid; }));
  EXPECT_DOUBLE_EQ(tightness(app.doc()), 0.0);
  EXPECT_NE(app.doc().view.grid, edited.view.grid);
  // and undo restores what was edited before it
  app.undo();
  EXPECT_EQ(app.doc(), edited);
}

TEST(ShownDocumentRegression, AnABCycleIsNotWhatTheNextEditChangesOrSaveWrites) {
  scene::Session session = makeSession();
  AppState app(session);
  const scene::Document edited = scene::findPreset("neutral")->document;
  ASSERT_TRUE(app.replace("open", edited));
  app.cycle.a = edited;
  app.cycle.b = withTightness(edited, 0.8);
  app.cycle.playing = true;
  app.stepCycle(0.0);  // switches to B
  ASSERT_DOUBLE_EQ(tightness(app.shown()), 0.8);
  ASSERT_DOUBLE_EQ(tightness(session.shown()), 0.8);
  EXPECT_EQ(app.doc(), edited);  // showing B changes nothing the user edits

  ASSERT_TRUE(app.change("pelvic angles", "",
                         [](scene::Document& d) { d.view.pelvic_angles = !d.view.pelvic_angles; }));
  EXPECT_DOUBLE_EQ(tightness(app.doc()), 0.0);
  EXPECT_NE(app.doc().view.pelvic_angles, edited.view.pelvic_angles);
  // the edit is what is shown now, until the cycle switches again
  EXPECT_EQ(session.shown(), app.doc());
  // what Save writes is the edited document (GuiApp::saveTo writes app.doc())
  const scene::Document back = scene::parseDocument(scene::documentToJson(app.doc()), "saved.json");
  EXPECT_DOUBLE_EQ(tightness(back), 0.0);
  EXPECT_EQ(back.view.pelvic_angles, app.doc().view.pelvic_angles);

  app.undo();
  EXPECT_EQ(app.doc(), edited);
  EXPECT_EQ(session.shown(), edited);
  // the cycle goes on showing A and B
  app.stepCycle(app.cycle.next_switch_s);
  app.stepCycle(app.cycle.next_switch_s);
  EXPECT_DOUBLE_EQ(tightness(session.shown()), 0.8);
  EXPECT_EQ(app.doc(), edited);
}

TEST(ShownDocumentRevision, ChangesWhenTheShownDocumentChangesAndNotWhenItIsShownAgain) {
  scene::Session session = makeSession();
  AppState app(session);
  const std::uint64_t start = session.revision();
  app.present();  // the same document again: nothing to redraw
  EXPECT_EQ(session.revision(), start);
  ASSERT_TRUE(app.change("floor grid", "", [](scene::Document& d) { d.view.grid = !d.view.grid; }));
  const std::uint64_t edited = session.revision();
  EXPECT_NE(edited, start);
  app.present();
  EXPECT_EQ(session.revision(), edited);
  app.play(withTightness(app.doc(), 0.7));
  app.present();
  EXPECT_NE(session.revision(), edited);
}

// Issue 11 (STYLE.md's error levels): a command the user asked for that fails on bad input or a
// file it cannot read or write says so in one line and loses nothing; a bug is not swallowed.
TEST(FailingCommand, ReportsItsOneLineMessageAndLeavesTheDocumentUntouched) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("sagitta_failing_command_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path broken = dir / "broken.json";
  std::ofstream(broken) << "{\"schema\": \"sagitta.scenario\",\n  \"inputs\": [1, 2,\n";

  scene::Session session = makeSession();
  AppState app(session);
  ASSERT_TRUE(app.replace("open", scene::findPreset("neutral")->document));
  ASSERT_TRUE(app.change("floor grid", "", [](scene::Document& d) { d.view.grid = !d.view.grid; }));
  app.path = dir / "mine.json";
  const scene::Document before = app.doc();
  const std::string undo_name = app.history.undoName();

  auto expectUntouched = [&](const std::string& what) {
    SCOPED_TRACE(what);
    EXPECT_TRUE(app.status.error);
    EXPECT_FALSE(app.status.text.empty());
    EXPECT_EQ(app.status.text.find('\n'), std::string::npos) << app.status.text;
    EXPECT_EQ(app.doc(), before);
    EXPECT_EQ(session.shown(), before);
    EXPECT_EQ(app.path, dir / "mine.json");
    EXPECT_TRUE(app.modified);
    EXPECT_EQ(app.history.undoName(), undo_name);
    app.status = {};
  };
  // a file that is not valid JSON: the message names it
  EXPECT_FALSE(app.open(broken));
  EXPECT_NE(app.status.text.find("broken.json"), std::string::npos) << app.status.text;
  expectUntouched("open a broken file");
  // a file that is not there
  EXPECT_FALSE(app.open(dir / "missing.json"));
  EXPECT_NE(app.status.text.find("missing.json"), std::string::npos) << app.status.text;
  expectUntouched("open a missing file");
  // a save into a folder that does not exist writes nothing and keeps the document's file
  EXPECT_FALSE(app.saveAs(dir / "no-such-folder" / "saved.json", app.doc()));
  EXPECT_FALSE(fs::exists(dir / "no-such-folder" / "saved.json"));
  expectUntouched("save into a missing folder");

  // a bug goes on to the frame loop's catch-all
  EXPECT_THROW(app.attempt([] { throw std::logic_error("a bug"); }), std::logic_error);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace sagitta::ui
