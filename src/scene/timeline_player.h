// Plays a timeline into a session at a fixed time step: the same timeline, fps and size give
// the same frames every time (headless `sagitta record`, and the GUI's timeline playback).
#pragma once

#include "scene/session.h"
#include "scene/timeline.h"

namespace sagitta::scene {

class TimelinePlayer {
 public:
  // `aspect` of the picture, for framing named camera views.
  TimelinePlayer(Session& session, Timeline timeline, float aspect);

  // Shows time t: the document at t, the pose moved on by dt toward it (the first call jumps
  // straight to it), and the camera. dt = 1 / fps when recording.
  Camera show(double t_s, double dt_s);
  const Timeline& timeline() const { return timeline_; }
  int frameCount(int fps) const;  // fps × duration, at least 1

 private:
  Session& session_;
  Timeline timeline_;
  float aspect_;
  bool started_ = false;
  std::optional<CameraView> framed_view_;  // the named view the camera was last framed for
  Camera framed_camera_;
};

}  // namespace sagitta::scene
