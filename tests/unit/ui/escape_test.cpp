// Escape closes what is open, innermost first (issue 16, ui/escape.h), run on ImGui's own popup
// stack in a real ImGui context (no window: the frames are built and never drawn).
#include "ui/escape.h"

#include <gtest/gtest.h>
#include <imgui.h>

namespace sagitta::ui {
namespace {

struct Context {
  Context() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(800, 600);
    io.DeltaTime = 1.0f / 60.0f;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // builds the font atlas NewFrame needs
  }
  ~Context() { ImGui::DestroyContext(); }
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;
};

// What one frame shows of a window with a menu that holds a submenu, and a dialog.
struct Shown {
  bool menu = false, submenu = false, dialog = false, dialog_cancelled = false;
  bool escape_taken = false;  // handleEscape: the press went to an open popup (else: the help)
};

struct Frame {
  bool escape = false;
  bool open_menu = false, open_submenu = false, open_dialog = false;
};

Shown frame(const Frame& f) {
  ImGui::NewFrame();
  Shown shown;
  shown.escape_taken = handleEscape(f.escape);
  ImGui::Begin("panel");
  if (f.open_menu) ImGui::OpenPopup("menu");
  if (ImGui::BeginPopup("menu")) {
    shown.menu = true;
    if (f.open_submenu) ImGui::OpenPopup("submenu");
    if (ImGui::BeginPopup("submenu")) {
      shown.submenu = true;
      ImGui::EndPopup();
    }
    ImGui::EndPopup();
  }
  if (f.open_dialog) ImGui::OpenPopup("dialog");
  if (ImGui::BeginPopupModal("dialog", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    shown.dialog = true;
    if (escapeCancelsDialog()) {
      shown.dialog_cancelled = true;
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
  ImGui::End();
  ImGui::Render();
  return shown;
}

TEST(Escape, ClosesTheInnermostMenuOnePressAtATime) {
  Context context;
  frame({.open_menu = true});
  const Shown open = frame({.open_submenu = true});
  ASSERT_TRUE(open.menu);
  ASSERT_TRUE(frame({}).submenu);
  EXPECT_TRUE(frame({}).submenu) << "without Escape the menus stay open";
  Shown s = frame({.escape = true});
  EXPECT_TRUE(s.escape_taken);
  EXPECT_TRUE(s.menu);
  EXPECT_FALSE(s.submenu) << "the first press closes the submenu only";
  s = frame({.escape = true});
  EXPECT_TRUE(s.escape_taken);
  EXPECT_FALSE(s.menu);
  s = frame({.escape = true});  // nothing open: nothing happens, and the press is left over
  EXPECT_FALSE(s.escape_taken);
  EXPECT_FALSE(s.menu || s.dialog);
}

TEST(Escape, IsTheCancelOfTheDialogOnTop) {
  Context context;
  frame({.open_menu = true});
  ASSERT_TRUE(frame({}).menu);
  ASSERT_TRUE(frame({.open_dialog = true}).dialog);
  Shown s = frame({});
  EXPECT_TRUE(s.dialog);
  EXPECT_FALSE(s.dialog_cancelled) << "no Escape, no cancel";
  s = frame({.escape = true});
  EXPECT_TRUE(s.escape_taken) << "the dialog takes the press, not the help behind it";
  EXPECT_TRUE(s.dialog_cancelled) << "Escape reaches the dialog on top";
  s = frame({});
  EXPECT_FALSE(s.dialog);
  EXPECT_FALSE(s.dialog_cancelled);
}

TEST(Escape, ADialogCancelsOnlyOnTheFrameEscapeWasPressed) {
  Context context;
  frame({.open_dialog = true});
  Shown s = frame({.escape = true});
  ASSERT_TRUE(s.dialog_cancelled);
  s = frame({.open_dialog = true});  // opened again
  s = frame({});
  EXPECT_TRUE(s.dialog);
  EXPECT_FALSE(s.dialog_cancelled) << "an old Escape must not close a dialog opened since";
}

}  // namespace
}  // namespace sagitta::ui
