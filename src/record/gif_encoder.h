// GIF: an animated, endlessly looping GIF whose 256-colour palettes come from libavfilter
// (palettegen + paletteuse), not from hand-written quantisation.
//
// Palette: one per frame (palettegen stats_mode=single, paletteuse new=1). A single palette for
// the whole clip would be steadier and smaller, but needs every frame before the first can be
// written, which does not stream (a 30 s 1080p clip is 7 GB of RGBA). A palette per frame streams
// with constant memory and follows the scene as it changes (overlays and captions appearing in new
// colours get exact palette entries at once). The cost: when the palette shifts, still areas are
// re-dithered a little, so frames differ slightly even where the picture holds and the GIF
// compresses less. Identical frames give identical palettes and pixels, so a held picture stays
// exactly still.
// Dithering: Floyd-Steinberg. Measured on a shaded, moving 3D-like scene (bench/record): the
// smallest files and the lowest error of paletteuse's modes; Bayer (ordered) is about 25 % faster
// but its pattern is visible on smooth shading and its files are three times larger; Sierra-2-4A
// is slower and larger for the same error.
// Timing: GIF delays are whole hundredths of a second. Frame i is shown at round(100 * i / fps)
// hundredths, so 30 fps plays as delays of 3, 4, 3, 3, 4, 3, ... cs: the clip never drifts (30
// frames last exactly 1 s) and no single delay is off by more than half a hundredth. fps is
// limited to 50 (record_options.h). The last frame lasts up to (last index + 1) / fps.
// Transparency: with RecordOptions::transparent, pixels with alpha < 128 become the palette's
// transparent entry (GIF has no partial transparency); otherwise alpha is ignored.
#pragma once

#include <string>

#include "record/av_handles.h"
#include "record/frame_encoder.h"
#include "record/pending_output.h"

namespace sagitta::record {

struct GifTuning {
  std::string dither =
      "floyd_steinberg";  // a paletteuse dither mode: floyd_steinberg, sierra2_4a, bayer, none
  int bayer_scale = 2;    // 0..5: higher shows less pattern but more banding
};

class GifEncoder final : public FrameEncoder {
 public:
  // Throws InputError for invalid options, IoError when the output cannot be created.
  explicit GifEncoder(const RecordOptions& options, const GifTuning& tuning = {});
  ~GifEncoder() override;

  void encode(const Frame& frame) override;
  void finish() override;
  void abort() noexcept override;
  std::uint64_t bytesWritten() const override { return bytes_; }
  std::int64_t framesEncoded() const override { return frames_; }

 private:
  void buildFilterGraph(const GifTuning& tuning);
  void drainFilter();   // palettises every frame the graph has ready and encodes it
  void drainPackets();  // writes every packet the GIF encoder has ready
  [[noreturn]] void fail(const std::string& what, int err);

  RecordOptions options_;
  PendingFile file_;  // declared first: destroyed last, after the file is closed
  av::OutputFormatPtr format_;
  av::CodecContextPtr codec_;
  AVStream* stream_ = nullptr;  // owned by format_
  av::FilterGraphPtr graph_;
  AVFilterContext* source_ = nullptr;  // owned by graph_
  AVFilterContext* sink_ = nullptr;    // owned by graph_
  av::FramePtr input_;
  av::FramePtr palettised_;
  av::PacketPtr packet_;
  std::int64_t last_index_ = -1;
  std::int64_t frames_ = 0;
  std::uint64_t bytes_ = 0;
  bool closed_ = false;
  bool trailer_pending_ = false;  // the header is written and the trailer is not
};

}  // namespace sagitta::record
