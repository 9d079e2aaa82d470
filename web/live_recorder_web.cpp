// Recording in the browser is not done yet (docs/web.md): the desktop's recorder encodes MP4 and
// GIF with FFmpeg on a worker thread, neither of which this build has. The Record dialog stays
// in the menus; starting a recording says so in the status bar, and nothing else changes.
// Only the web build compiles this file, in place of src/ui/live_recorder.cpp; sagitta_record
// and render/async_readback.cpp are not linked, so the two destructors that LiveRecorder's
// members name (and the stats that LiveRecorder's header reads) are defined here (no Recorder or
// AsyncReadback is ever constructed).
#include "core/error.h"
// the desktop recorder's members, unused here
#pragma clang diagnostic ignored "-Wunused-private-field"
#include "ui/live_recorder.h"

namespace sagitta::record {
Recorder::~Recorder() = default;
RecorderStats Recorder::stats() const {
  return {};
}
}  // namespace sagitta::record

namespace sagitta::render {
AsyncReadback::~AsyncReadback() = default;
}  // namespace sagitta::render

namespace sagitta::ui {
namespace {
[[noreturn]] void notInTheBrowser() {
  throw InputError(
      "Recording needs the desktop program for now: the browser version has no video encoder yet "
      "(use Screenshot for a PNG).");
}
}  // namespace

LiveRecorder::LiveRecorder(const LiveRecordSettings& settings, double /*now_s*/) : settings_(settings) {
  notInTheBrowser();
}
LiveRecorder::LiveRecorder(const LiveRecordSettings& settings,
                           std::unique_ptr<scene::TimelinePlayer> /*player*/)
    : settings_(settings) {
  notInTheBrowser();
}
LiveRecorder::~LiveRecorder() = default;
void LiveRecorder::captureLive(double, render::Renderer&, ViewComposer&, scene::Session&,
                               const scene::Camera&, const scene::ViewState&, float,
                               const render::RenderTarget&, glm::ivec2, std::uint64_t) {}
bool LiveRecorder::exportSome(render::Renderer&, ViewComposer&, scene::Session&, int) {
  return true;
}
void LiveRecorder::stop() {}
bool LiveRecorder::finished() const {
  return true;
}
record::RecordingResult LiveRecorder::result() {
  notInTheBrowser();
}
double LiveRecorder::progress() const {
  return 0.0;
}
void LiveRecorder::push(std::int64_t, const std::uint8_t*, std::size_t) {}
}  // namespace sagitta::ui
