#include "ui/panel_damage.h"

#include <algorithm>
#include <cstring>

namespace sagitta::ui {
namespace {

template <typename T>
void append(std::vector<std::byte>& out, const T& value) {
  const std::size_t at = out.size();
  out.resize(at + sizeof(T));
  std::memcpy(out.data() + at, &value, sizeof(T));
}

void appendBytes(std::vector<std::byte>& out, const void* data, std::size_t n) {
  if (n == 0) return;
  const std::size_t at = out.size();
  out.resize(at + n);
  std::memcpy(out.data() + at, data, n);
}

}  // namespace

void drawDataBytes(const ImDrawData& data, std::vector<std::byte>& out) {
  out.clear();
  append(out, data.Valid);
  append(out, data.DisplayPos);
  append(out, data.DisplaySize);
  append(out, data.FramebufferScale);
  append(out, data.CmdListsCount);
  for (int i = 0; i < data.CmdListsCount; ++i) {
    const ImDrawList& list = *data.CmdLists[i];
    append(out, list.CmdBuffer.Size);
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
      // field by field: the struct's padding holds no meaning
      append(out, cmd.ClipRect);
      append(out, cmd.TextureId);
      append(out, cmd.VtxOffset);
      append(out, cmd.IdxOffset);
      append(out, cmd.ElemCount);
      append(out, cmd.UserCallback);
      append(out, cmd.UserCallbackData);
    }
    append(out, list.VtxBuffer.Size);
    appendBytes(out, list.VtxBuffer.Data, static_cast<std::size_t>(list.VtxBuffer.Size) * sizeof(ImDrawVert));
    append(out, list.IdxBuffer.Size);
    appendBytes(out, list.IdxBuffer.Data, static_cast<std::size_t>(list.IdxBuffer.Size) * sizeof(ImDrawIdx));
  }
}

void clipDrawData(ImDrawData& data, const ImVec4& rect) {
  for (int i = 0; i < data.CmdListsCount; ++i) {
    for (ImDrawCmd& cmd : data.CmdLists[i]->CmdBuffer) {
      ImVec4& c = cmd.ClipRect;
      c.x = std::max(c.x, rect.x);
      c.y = std::max(c.y, rect.y);
      c.z = std::min(c.z, rect.z);
      c.w = std::min(c.w, rect.w);
      // an empty rectangle: ImGui's renderer skips the command
      c.z = std::max(c.z, c.x);
      c.w = std::max(c.w, c.y);
    }
  }
}

}  // namespace sagitta::ui
