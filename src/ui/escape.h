// What Escape does in the window (issue 16): it closes what is open, innermost first, as in any
// desktop program. An open menu, submenu or drop-down list closes (one level a press); on a dialog
// Escape is the dialog's Cancel button. With nothing open it does nothing.
// ImGui 1.86 does this only with keyboard navigation on, which would also take the arrow keys,
// Space and Tab that Sagitta's shortcuts use; so it is done here, from ImGui's popup stack.
#pragma once

namespace sagitta::ui {

// Call once a frame, after ImGui::NewFrame and before any window is drawn, with whether Escape was
// pressed since the last frame (a tap between two frames counts: GuiApp's key callback keeps it).
// Returns true when the press went to an open popup: a menu or list it closed, or a dialog on
// top, which it leaves to close itself (escapeCancelsDialog); false when none was open.
bool handleEscape(bool pressed);

// Inside a dialog (a modal popup, between BeginPopupModal and EndPopup): true, once, when this
// frame's Escape is for this dialog (the innermost open one). The caller then does what its
// Cancel button does.
bool escapeCancelsDialog();

}  // namespace sagitta::ui
