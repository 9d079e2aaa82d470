#include "ui/escape.h"

#include <imgui.h>
#include <imgui_internal.h>

namespace sagitta::ui {
namespace {

// the dialog this frame's Escape is for; nullptr when none
ImGuiWindow* g_escaped_dialog = nullptr;

}  // namespace

bool handleEscape(bool pressed) {
  g_escaped_dialog = nullptr;
  ImGuiContext& g = *ImGui::GetCurrentContext();
  if (!pressed || g.OpenPopupStack.Size == 0) return false;
  ImGuiWindow* top = g.OpenPopupStack.back().Window;
  // a popup opened since the last frame has no window yet: nothing of it is on screen to close
  if (top == nullptr) return true;
  if ((top->Flags & ImGuiWindowFlags_Modal) != 0) {
    g_escaped_dialog = top;
    return true;
  }
  // the innermost menu or list; the focus goes back to the window it was opened from
  ImGui::ClosePopupToLevel(g.OpenPopupStack.Size - 1, true);
  return true;
}

bool escapeCancelsDialog() {
  if (g_escaped_dialog == nullptr || g_escaped_dialog != ImGui::GetCurrentWindow()) return false;
  g_escaped_dialog = nullptr;
  return true;
}

}  // namespace sagitta::ui
