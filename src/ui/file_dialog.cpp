#include "ui/file_dialog.h"

#include <algorithm>
#include <cstring>
#include <system_error>

#include <imgui.h>

#include "ui/escape.h"

namespace sagitta::ui {
namespace fs = std::filesystem;

void FileDialog::open(Kind kind, std::string title, std::string extension, fs::path start) {
  kind_ = kind;
  title_ = std::move(title);
  extension_ = std::move(extension);
  std::error_code ec;
  if (fs::is_directory(start, ec)) {
    folder_ = std::move(start);
    name_.clear();
  } else {
    folder_ = start.has_parent_path() ? start.parent_path() : fs::current_path(ec);
    name_ = start.filename().string();
  }
  error_.clear();
  confirm_overwrite_ = false;
  open_ = true;
  just_opened_ = true;
  list();
}

void FileDialog::list() {
  entries_.clear();
  std::error_code ec;
  for (const fs::directory_entry& e :
       fs::directory_iterator(folder_, fs::directory_options::skip_permission_denied, ec)) {
    const std::string name = e.path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    const bool dir = e.is_directory(ec);
    if (dir || e.path().extension() == extension_) entries_.emplace_back(name, dir);
  }
  if (ec) error_ = "cannot list " + folder_.string() + ": " + ec.message();
  std::sort(entries_.begin(), entries_.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second : a.first < b.first;  // folders first
  });
}

std::optional<fs::path> FileDialog::draw() {
  if (!open_) return std::nullopt;
  if (just_opened_) {
    ImGui::OpenPopup(title_.c_str());
    just_opened_ = false;
  }
  std::optional<fs::path> chosen;
  const float em = ImGui::GetFontSize();
  ImGui::SetNextWindowSize(ImVec2(em * 36.0f, em * 26.0f), ImGuiCond_Appearing);
  if (ImGui::BeginPopupModal(title_.c_str(), &open_)) {
    ImGui::TextDisabled("%s", folder_.string().c_str());
    if (ImGui::Button("Up") && folder_.has_parent_path()) {
      folder_ = folder_.parent_path();
      list();
    }
    ImGui::SameLine();
    if (ImGui::Button("Home")) {
      if (const char* home = std::getenv("HOME")) folder_ = home;
      list();
    }
    ImGui::BeginChild("entries", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() * 2.6f), true);
    for (const auto& [name, dir] : entries_) {
      const std::string label = dir ? name + "/" : name;
      if (ImGui::Selectable(label.c_str(), !dir && name == name_, ImGuiSelectableFlags_AllowDoubleClick)) {
        if (dir) {
          folder_ /= name;
          list();
          break;
        }
        name_ = name;
        if (ImGui::IsMouseDoubleClicked(0) && kind_ == Kind::kOpen) chosen = folder_ / name_;
      }
    }
    ImGui::EndChild();
    char buf[512];
    std::strncpy(buf, name_.c_str(), sizeof buf - 1);
    buf[sizeof buf - 1] = '\0';
    ImGui::SetNextItemWidth(-em * 9.0f);
    const bool enter = ImGui::InputText("##name", buf, sizeof buf, ImGuiInputTextFlags_EnterReturnsTrue);
    name_ = buf;
    ImGui::SameLine();
    const bool confirm = ImGui::Button(kind_ == Kind::kOpen ? "Open" : "Save", ImVec2(em * 4.0f, 0)) || enter;
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || escapeCancelsDialog()) open_ = false;
    if (!error_.empty()) ImGui::TextColored(ImVec4(1.0f, 0.5f, 0.4f, 1.0f), "%s", error_.c_str());
    if (confirm && !name_.empty()) {
      fs::path p = fs::path(name_).is_absolute() ? fs::path(name_) : folder_ / name_;
      if (kind_ == Kind::kSave && p.extension() != extension_) p += extension_;
      std::error_code ec;
      if (kind_ == Kind::kOpen && !fs::is_regular_file(p, ec)) {
        error_ = "no such file: " + p.string();
      } else if (kind_ == Kind::kSave && fs::exists(p, ec) && !confirm_overwrite_) {
        error_ = p.filename().string() + " exists: press Save again to replace it";
        confirm_overwrite_ = true;
      } else {
        chosen = p;
      }
    }
    if (chosen) {
      open_ = false;
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
  return chosen;
}

}  // namespace sagitta::ui
