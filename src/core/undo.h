// Undo / redo by snapshots of a small state (a scenario's parameters): every named change
// pushes the state before it. Consecutive changes with the same merge key (one slider drag)
// become a single step.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace sagitta {

template <typename State>
class UndoHistory {
 public:
  explicit UndoHistory(std::size_t limit = 200) : limit_(limit) {}

  // Record that `before` is being changed by an action called `name`. A non-empty
  // `merge_key` equal to the previous one (and no undo in between) extends that step instead.
  void record(const State& before, std::string name, const std::string& merge_key = {}) {
    redo_.clear();
    if (!merge_key.empty() && merge_key == last_merge_key_ && !undo_.empty()) return;
    undo_.push_back({before, std::move(name)});
    if (undo_.size() > limit_) undo_.erase(undo_.begin());
    last_merge_key_ = merge_key;
  }
  // Ends merging: the next change starts a new step even with the same key (slider released).
  void closeStep() { last_merge_key_.clear(); }

  bool canUndo() const { return !undo_.empty(); }
  bool canRedo() const { return !redo_.empty(); }
  const std::string& undoName() const { return undo_.back().name; }
  const std::string& redoName() const { return redo_.back().name; }

  // Returns the state to restore; `current` is kept for redo.
  State undo(const State& current) {
    Entry e = std::move(undo_.back());
    undo_.pop_back();
    redo_.push_back({current, e.name});
    last_merge_key_.clear();
    return std::move(e.state);
  }
  State redo(const State& current) {
    Entry e = std::move(redo_.back());
    redo_.pop_back();
    undo_.push_back({current, e.name});
    last_merge_key_.clear();
    return std::move(e.state);
  }
  void clear() {
    undo_.clear();
    redo_.clear();
    last_merge_key_.clear();
  }
  std::size_t undoDepth() const { return undo_.size(); }

 private:
  struct Entry {
    State state;
    std::string name;
  };
  std::vector<Entry> undo_;
  std::vector<Entry> redo_;
  std::string last_merge_key_;
  std::size_t limit_;
};

}  // namespace sagitta
