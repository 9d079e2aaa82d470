// Reads rendered frames back to the CPU without stalling the render loop: each frame's pixels
// are copied into one of a ring of pixel buffer objects (the GPU does the copy in the
// background), and collected a frame or two later, when its fence says the copy is done.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "render/gl_objects.h"
#include "render/render_target.h"

namespace sagitta::render {

class AsyncReadback {
 public:
  // `depth`: how many frames may be in flight (2–4 is plenty).
  AsyncReadback(int width, int height, int depth = 3);
  ~AsyncReadback();
  AsyncReadback(const AsyncReadback&) = delete;
  AsyncReadback& operator=(const AsyncReadback&) = delete;

  int width() const { return width_; }
  int height() const { return height_; }

  // Starts copying the target's resolved image (same size) tagged with `tag`. When every slot
  // is busy, first waits for the oldest and delivers it (so nothing is ever lost).
  void start(const RenderTarget& target, std::int64_t tag);
  // Delivers finished copies, oldest first, as bottom-row-first RGBA8 rows. With `wait`, waits
  // for every copy in flight (at the end of a recording).
  using Sink = std::function<void(std::int64_t tag, const std::uint8_t* rgba_bottom_up, std::size_t bytes)>;
  void collect(const Sink& sink, bool wait = false);
  int inFlight() const;

 private:
  struct Slot {
    Buffer pbo;
    GLsync fence = nullptr;
    std::int64_t tag = 0;
    bool busy = false;
  };
  void deliver(Slot& slot, const Sink& sink);
  int width_, height_;
  std::vector<Slot> slots_;
  std::size_t next_ = 0;    // slot the next start() uses
  std::size_t oldest_ = 0;  // slot collect() looks at first
  Sink pending_sink_;       // used when start() must free a slot
};

}  // namespace sagitta::render
