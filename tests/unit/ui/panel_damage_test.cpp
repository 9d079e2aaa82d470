// The panels' part of a frame that redraws only the 3D view (issue 16, ui/panel_damage.h): two
// frames' draw data compare equal exactly when they draw the same, and clipping keeps every
// command inside the view's rectangle.
#include "ui/panel_damage.h"

#include <gtest/gtest.h>

namespace sagitta::ui {
namespace {

// One window's draw list: a triangle per command, each command with its clip rectangle.
struct Panels {
  ImDrawList list{nullptr};
  ImDrawList* lists[1] = {&list};
  ImDrawData data;
  explicit Panels(std::initializer_list<ImVec4> clips) {
    for (const ImVec4& clip : clips) {
      ImDrawCmd cmd;
      cmd.ClipRect = clip;
      cmd.IdxOffset = static_cast<unsigned>(list.IdxBuffer.Size);
      cmd.ElemCount = 3;
      list.CmdBuffer.push_back(cmd);
      for (int i = 0; i < 3; ++i) {
        ImDrawVert v{};
        v.pos = ImVec2(clip.x + static_cast<float>(i), clip.y);
        v.col = IM_COL32(200, 200, 200, 255);
        list.IdxBuffer.push_back(static_cast<ImDrawIdx>(list.VtxBuffer.Size));
        list.VtxBuffer.push_back(v);
      }
    }
    data.Valid = true;
    data.CmdLists = lists;
    data.CmdListsCount = 1;
    data.DisplaySize = ImVec2(1000, 600);
    data.FramebufferScale = ImVec2(1, 1);
  }
};

std::vector<std::byte> bytes(const ImDrawData& d) {
  std::vector<std::byte> out;
  drawDataBytes(d, out);
  return out;
}

TEST(PanelDamage, DrawDataComparesEqualOnlyWhenItDrawsTheSame) {
  Panels a({{0, 0, 300, 600}, {700, 0, 1000, 600}});
  Panels b({{0, 0, 300, 600}, {700, 0, 1000, 600}});
  EXPECT_EQ(bytes(a.data), bytes(b.data));
  b.list.VtxBuffer[4].col = IM_COL32(255, 0, 0, 255);  // a slider's colour
  EXPECT_NE(bytes(a.data), bytes(b.data));
  Panels c({{0, 0, 300, 600}, {700, 0, 1000, 599}});  // a clip rectangle
  EXPECT_NE(bytes(a.data), bytes(c.data));
  Panels d({{0, 0, 300, 600}});  // a window fewer
  EXPECT_NE(bytes(a.data), bytes(d.data));
  Panels e({{0, 0, 300, 600}, {700, 0, 1000, 600}});
  e.data.DisplaySize = ImVec2(1000, 601);  // the window's size
  EXPECT_NE(bytes(a.data), bytes(e.data));
}

TEST(PanelDamage, ClippedCommandsStayInsideTheViewAndOnesOutsideItDrawNothing) {
  Panels p({{0, 0, 300, 600}, {250, 100, 500, 200}, {700, 0, 1000, 600}});
  const ImVec4 view(280, 20, 720, 580);
  clipDrawData(p.data, view);
  const auto& cmds = p.list.CmdBuffer;
  // the left panel overlaps the view by 20 px; the tooltip-like box is inside it; the right
  // panel overlaps by 20 px
  EXPECT_FLOAT_EQ(cmds[0].ClipRect.x, 280);
  EXPECT_FLOAT_EQ(cmds[0].ClipRect.z, 300);
  EXPECT_FLOAT_EQ(cmds[0].ClipRect.y, 20);
  EXPECT_FLOAT_EQ(cmds[0].ClipRect.w, 580);
  EXPECT_FLOAT_EQ(cmds[1].ClipRect.x, 280);
  EXPECT_FLOAT_EQ(cmds[1].ClipRect.y, 100);
  EXPECT_FLOAT_EQ(cmds[1].ClipRect.z, 500);
  EXPECT_FLOAT_EQ(cmds[1].ClipRect.w, 200);
  EXPECT_FLOAT_EQ(cmds[2].ClipRect.x, 700);
  EXPECT_FLOAT_EQ(cmds[2].ClipRect.z, 720);
  // a command wholly outside: an empty rectangle, which ImGui's renderer skips
  Panels outside({{0, 0, 200, 600}});
  clipDrawData(outside.data, view);
  const ImVec4& c = outside.list.CmdBuffer[0].ClipRect;
  EXPECT_TRUE(c.z <= c.x || c.w <= c.y);
}

}  // namespace
}  // namespace sagitta::ui
