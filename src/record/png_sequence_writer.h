// PNG sequence: one lossless PNG per frame, frame_000001.png, frame_000002.png, ... (frame index
// i is file number i + 1; past 999999 the number simply grows a digit). RGBA when recording with
// transparency, RGB otherwise. Encoded with stb_image_write, which gives the same bytes every run.
//
// Atomicity: the frames go into a hidden temporary folder beside the target and the whole folder
// is renamed into place by finish() (pending_output.h), so the target never holds a partial or
// mixed sequence. Gaps in frame indices (dropped frames) are filled with copies of the previous
// file, so the sequence stays contiguous and plays at the recorded fps in any image-sequence
// importer.
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

#include "record/frame_encoder.h"
#include "record/pending_output.h"

namespace sagitta::record {

class PngSequenceWriter final : public FrameEncoder {
 public:
  // Throws InputError for invalid options, IoError when the folder cannot be created or already
  // holds other files.
  explicit PngSequenceWriter(const RecordOptions& options);
  ~PngSequenceWriter() override;

  void encode(const Frame& frame) override;
  void finish() override;
  void abort() noexcept override;
  std::uint64_t bytesWritten() const override { return bytes_; }
  std::int64_t framesEncoded() const override { return frames_; }

  // "frame_000001.png" for index 0.
  static std::string fileNameFor(std::int64_t index);

 private:
  void writeFile(const std::filesystem::path& path, const std::vector<unsigned char>& bytes);
  [[noreturn]] void fail(const std::string& what, int err);

  RecordOptions options_;
  PendingFolder folder_;
  std::vector<unsigned char> rgb_;  // the frame without alpha (opaque recordings), reused
  std::vector<unsigned char> png_;  // the encoded file, reused
  std::int64_t last_index_ = -1;
  std::int64_t frames_ = 0;
  std::uint64_t bytes_ = 0;
  bool closed_ = false;
};

}  // namespace sagitta::record
