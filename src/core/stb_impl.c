/* The implementations of stb_image and stb_image_write (libstb-dev), compiled once as C,
   apart from our C++ so warnings and static analysis stay on our own code. */
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#include <stb/stb_image.h>
#include <stb/stb_image_write.h>
