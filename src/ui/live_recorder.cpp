#include "ui/live_recorder.h"

#include <algorithm>

#include "core/error.h"
#include "render/gl.h"

namespace sagitta::ui {
namespace {

record::RecordOptions optionsFor(const LiveRecordSettings& s) {
  record::RecordOptions o;
  o.path = s.path;
  o.width = s.width;
  o.height = s.height;
  o.fps = s.fps;
  o.transparent = s.transparent;
  o.queue_capacity = 6;
  return o;
}

}  // namespace

LiveRecorder::LiveRecorder(const LiveRecordSettings& settings, double now_s)
    : settings_(settings),
      recorder_(std::make_unique<record::Recorder>(optionsFor(settings))),
      readback_(std::make_unique<render::AsyncReadback>(settings.width, settings.height, 3)),
      start_s_(now_s) {}

LiveRecorder::LiveRecorder(const LiveRecordSettings& settings, std::unique_ptr<scene::TimelinePlayer> player)
    : settings_(settings),
      recorder_(std::make_unique<record::Recorder>(optionsFor(settings))),
      readback_(std::make_unique<render::AsyncReadback>(settings.width, settings.height, 3)),
      player_(std::move(player)) {
  total_ = player_->frameCount(settings.fps);
}

LiveRecorder::~LiveRecorder() {
  if (!finished()) recorder_->abort();
}

void LiveRecorder::push(std::int64_t index, const std::uint8_t* pixels, std::size_t bytes) {
  record::Frame frame = recorder_->newFrame(index);
  frame.row_order = record::RowOrder::kBottomFirst;
  std::copy_n(pixels, bytes, frame.rgba.data());
  // live: never wait for the encoder (the UI must not stall); export: never drop
  recorder_->push(std::move(frame),
                  exporting() ? record::PushMode::kBlocking : record::PushMode::kDropWhenFull);
}

void LiveRecorder::captureLive(double now_s, render::Renderer& renderer, ViewComposer& composer,
                               scene::Session& session, const scene::Camera& camera,
                               const scene::ViewState& view, float ui_scale,
                               const render::RenderTarget& view_target, glm::ivec2 window_size,
                               std::uint64_t view_key) {
  if (stopping_ || exporting()) return;
  auto sink = [&](std::int64_t i, const std::uint8_t* p, std::size_t n) {
    if (!settings_.with_panels) last_picture_.assign(p, p + n);  // for still frames
    push(i, p, n);
  };
  readback_->collect(sink);
  const std::int64_t index = record::frameIndexAt(now_s - start_s_, settings_.fps);
  if (index <= last_index_) return;  // this display frame falls between two clip frames
  last_index_ = index;
  if (!settings_.with_panels && view_key != 0 && view_key == captured_key_) {
    // the view shows what the last clip frame showed: that picture again, without drawing or
    // reading back (a still view costs the GUI a copy, not a render)
    readback_->collect(sink, true);
    if (!last_picture_.empty()) {
      push(index, last_picture_.data(), last_picture_.size());
      return;
    }
  }
  captured_key_ = settings_.with_panels ? 0 : view_key;
  const render::RenderTarget* source = &view_target;
  if (settings_.with_panels) {
    // the window, scaled into the clip's size
    if (!target_) target_ = std::make_unique<render::RenderTarget>(settings_.width, settings_.height, 1);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    glReadBuffer(GL_BACK);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, target_->resolvedFramebuffer());
    glBlitFramebuffer(0, 0, window_size.x, window_size.y, 0, 0, settings_.width, settings_.height,
                      GL_COLOR_BUFFER_BIT, GL_LINEAR);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    source = target_.get();
  } else if (view_target.width() != settings_.width || view_target.height() != settings_.height) {
    // the clip has its own size: draw the view again at that size (text scaled to match)
    if (!target_) target_ = std::make_unique<render::RenderTarget>(settings_.width, settings_.height, 4);
    if (view_key == 0 || view_key != drawn_key_) {
      scene::ViewState v = view;
      if (settings_.transparent) v.background = scene::BackgroundChoice::kTransparent;
      const scene::FrameContent frame =
          scene::buildFrame(session.frameInputs(camera), session.frameScratch());
      composer.composeFrame(renderer, frame, session.meshes(), camera, v,
                            ui_scale * static_cast<float>(settings_.height) /
                                static_cast<float>(std::max(view_target.height(), 1)),
                            *target_);
      drawn_key_ = view_key;
    }
    source = target_.get();
  }
  readback_->start(*source, index);
}

bool LiveRecorder::exportSome(render::Renderer& renderer, ViewComposer& composer, scene::Session& session,
                              int budget) {
  if (!exporting() || stopping_) return true;
  if (!target_) target_ = std::make_unique<render::RenderTarget>(settings_.width, settings_.height, 4);
  auto sink = [&](std::int64_t i, const std::uint8_t* p, std::size_t n) { push(i, p, n); };
  const double dt = 1.0 / settings_.fps;
  const float aspect = static_cast<float>(settings_.width) / static_cast<float>(settings_.height);
  (void)aspect;
  for (int k = 0; k < budget && exported_ < total_; ++k, ++exported_) {
    const scene::Camera camera = player_->show(exported_ * dt, dt);
    scene::ViewState view = session.shown().view;
    if (settings_.transparent) view.background = scene::BackgroundChoice::kTransparent;
    const scene::FrameContent frame = scene::buildFrame(session.frameInputs(camera), session.frameScratch());
    composer.composeFrame(renderer, frame, session.meshes(), camera, view,
                          static_cast<float>(settings_.height) / 1080.0f, *target_);
    drawn_key_ = 0;  // target_ now holds an exported frame
    readback_->start(*target_, exported_);
    readback_->collect(sink);
  }
  if (exported_ < total_) return false;
  readback_->collect(sink, true);
  stop();
  return true;
}

void LiveRecorder::stop() {
  if (stopping_) return;
  auto sink = [&](std::int64_t i, const std::uint8_t* p, std::size_t n) { push(i, p, n); };
  readback_->collect(sink, true);
  recorder_->stop();
  stopping_ = true;
}

bool LiveRecorder::finished() const {
  const record::RecorderState s = recorder_->stats().state;
  return s == record::RecorderState::kFinished || s == record::RecorderState::kFailed ||
         s == record::RecorderState::kAborted;
}

record::RecordingResult LiveRecorder::result() {
  return recorder_->finish();
}

double LiveRecorder::progress() const {
  return total_ > 0 ? static_cast<double>(exported_) / total_ : 0.0;
}

}  // namespace sagitta::ui
