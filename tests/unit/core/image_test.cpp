#include "core/image.h"

#include <filesystem>

#include <gtest/gtest.h>
#include <unistd.h>

#include "core/error.h"

TEST(Image, PngRoundTripIsLossless) {
  sagitta::Image img;
  img.width = 7;
  img.height = 5;
  for (int i = 0; i < img.width * img.height; ++i) {
    img.rgba.insert(img.rgba.end(),
                    {static_cast<std::uint8_t>(i * 7), static_cast<std::uint8_t>(255 - i),
                     static_cast<std::uint8_t>(i * 3), static_cast<std::uint8_t>(i % 2 ? 255 : 128)});
  }
  const auto path =
      std::filesystem::temp_directory_path() / ("sagitta_img_" + std::to_string(::getpid()) + ".png");
  sagitta::writePng(path, img);
  const sagitta::Image back = sagitta::readImage(path);
  EXPECT_EQ(back.width, 7);
  EXPECT_EQ(back.height, 5);
  EXPECT_EQ(back.rgba, img.rgba);
  std::filesystem::remove(path);
}

TEST(Image, ReadingSomethingThatIsNotAnImageFailsClearly) {
  const auto path =
      std::filesystem::temp_directory_path() / ("sagitta_notimg_" + std::to_string(::getpid()) + ".png");
  {
    FILE* f = std::fopen(path.c_str(), "w");
    std::fputs("not a png", f);
    std::fclose(f);
  }
  EXPECT_THROW(sagitta::readImage(path), sagitta::InputError);
  std::filesystem::remove(path);
}
