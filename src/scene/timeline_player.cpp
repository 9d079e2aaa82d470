#include "scene/timeline_player.h"

#include <cmath>

namespace sagitta::scene {

TimelinePlayer::TimelinePlayer(Session& session, Timeline timeline, float aspect)
    : session_(session), timeline_(std::move(timeline)), aspect_(aspect) {
  // a camera key-framed by its numbers starts from the base view as framed on the model
  session_.show(timeline_.evaluate(0.0));
  session_.settle();
  if (timeline_.base.view.camera_view != CameraView::kFree) {
    timeline_.base.view.camera = session_.cameraFor(timeline_.base.view, aspect_);
  }
}

int TimelinePlayer::frameCount(int fps) const {
  return std::max(1, static_cast<int>(std::lround(timeline_.duration_s * fps)));
}

Camera TimelinePlayer::show(double t_s, double dt_s) {
  session_.show(timeline_.evaluate(t_s));
  if (!started_) {
    session_.settle();
    started_ = true;
  } else {
    session_.update(dt_s);
  }
  const ViewState& view = session_.shown().view;
  if (view.camera_view == CameraView::kFree) return view.camera;
  // a named view is framed when it is first shown, then held, so the camera does not drift
  // as the model moves
  if (view.camera_view != framed_view_) {
    framed_camera_ = session_.cameraFor(view, aspect_);
    framed_view_ = view.camera_view;
  }
  Camera c = framed_camera_;
  c.projection = view.camera.projection;
  return c;
}

}  // namespace sagitta::scene
