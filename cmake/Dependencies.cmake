# Every dependency comes from a Debian package (scripts/setup.sh installs them).

find_package(PkgConfig REQUIRED)
find_package(OpenGL REQUIRED)
find_package(glfw3 3.3 REQUIRED)
find_package(glm REQUIRED)
find_package(assimp REQUIRED)
find_package(nlohmann_json 3 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(Threads REQUIRED)
pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET imgui)
pkg_check_modules(STB REQUIRED IMPORTED_TARGET stb)
pkg_check_modules(LIBAV REQUIRED IMPORTED_TARGET libavcodec libavformat libavutil libswscale)

# Debian's glm target may be called glm or glm::glm depending on the version.
if(NOT TARGET glm::glm AND TARGET glm)
  add_library(glm::glm ALIAS glm)
endif()

# glad: the OpenGL 3.3 core loader, generated into the build tree at configure time by
# Debian's `glad` command (python3-glad). It works offline: the specs ship in the package.
find_program(GLAD_EXECUTABLE glad REQUIRED)
set(GLAD_DIR ${CMAKE_BINARY_DIR}/glad)
if(NOT EXISTS ${GLAD_DIR}/src/gl.c)
  message(STATUS "Generating the glad OpenGL 3.3 core loader in ${GLAD_DIR}")
  execute_process(
    COMMAND ${GLAD_EXECUTABLE} --quiet --api gl:core=3.3 --out-path ${GLAD_DIR} --reproducible c
    RESULT_VARIABLE glad_result OUTPUT_VARIABLE glad_out ERROR_VARIABLE glad_err)
  if(NOT glad_result EQUAL 0 OR NOT EXISTS ${GLAD_DIR}/src/gl.c)
    message(FATAL_ERROR "glad failed (${glad_result}): ${glad_out} ${glad_err}")
  endif()
endif()
add_library(glad STATIC ${GLAD_DIR}/src/gl.c)
target_include_directories(glad SYSTEM PUBLIC ${GLAD_DIR}/include)
target_link_libraries(glad PUBLIC ${CMAKE_DL_LIBS})
set_target_properties(glad PROPERTIES POSITION_INDEPENDENT_CODE ON)

# The font the UI uses: a real TTF, embedded at build time.
set(SAGITTA_FONT_FILE /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf CACHE FILEPATH "UI font (TTF)")
set(SAGITTA_FONT_BOLD_FILE /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf CACHE FILEPATH "UI bold font (TTF)")
foreach(f ${SAGITTA_FONT_FILE} ${SAGITTA_FONT_BOLD_FILE})
  if(NOT EXISTS ${f})
    message(FATAL_ERROR "Font ${f} not found: run scripts/setup.sh (package fonts-dejavu-core)")
  endif()
endforeach()
