// A small modal file dialog in ImGui (Dear ImGui has none): a folder listing filtered by
// extension, a path field, and Open / Save. Call draw() every frame while it is open.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace sagitta::ui {

class FileDialog {
 public:
  enum class Kind { kOpen, kSave };
  void open(Kind kind, std::string title, std::string extension, std::filesystem::path start);
  bool isOpen() const { return open_; }
  // The chosen path on the frame the user confirms; nullopt otherwise.
  std::optional<std::filesystem::path> draw();

 private:
  void list();
  Kind kind_ = Kind::kOpen;
  std::string title_, extension_;
  std::filesystem::path folder_;
  std::string name_;
  std::vector<std::pair<std::string, bool>> entries_;  // name, is folder
  std::string error_;
  bool open_ = false;
  bool just_opened_ = false;
  bool confirm_overwrite_ = false;
};

}  // namespace sagitta::ui
