# Unity build (CMAKE_UNITY_BUILD, used by the asan-ubsan preset): CMake compiles each target's
# sources in batches of CMAKE_UNITY_BUILD_BATCH_SIZE, one generated unity_<n>_cxx.cxx per batch
# that #includes them, so the headers (gtest, glm, nlohmann/json, the C++ library) are parsed and
# checked by clang-tidy once per batch instead of once per source.
#
# A batch is one translation unit: sources whose file-local names (anonymous namespaces, statics)
# clash with another source of the same target cannot share one. They are compiled alone.
set(SAGITTA_UNITY_SKIP
  src/biomech/results.cpp                        # fmt
  tests/unit/anatomy/pars_defect_test.cpp        # model, part, distances
  tests/unit/anatomy/slip_reshape_test.cpp       # model, part, mark
  tests/unit/biomech/slip_neural_test.cpp        # slip
  tests/unit/record/mp4_encoder_test.cpp         # kWidth, kHeight, quadrants, scripted
  tests/unit/record/png_sequence_writer_test.cpp # kWidth, kHeight
  tests/unit/record/recorder_test.cpp            # kWidth, kHeight, options
  tests/unit/scene/margin_layout_test.cpp        # overlap
  tests/unit/scene/frame_builder_test.cpp        # session
  tests/unit/scene/pars_defect_scene_test.cpp    # session
  tests/unit/scene/drawn_balance_test.cpp        # session
  tests/render/moving_frame_test.cpp             # kW, kH
  tests/render/preset_render_test.cpp            # render() hides namespace render
  tests/render/record_command_test.cpp           # freshDir
)

# sagitta_unity(<target>): keeps the sources listed above out of the target's unity batches.
function(sagitta_unity target)
  if(NOT CMAKE_UNITY_BUILD)
    return()
  endif()
  get_target_property(sources ${target} SOURCES)
  foreach(source ${sources})
    cmake_path(ABSOLUTE_PATH source BASE_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR} OUTPUT_VARIABLE path)
    file(RELATIVE_PATH relative ${PROJECT_SOURCE_DIR} ${path})
    if(relative IN_LIST SAGITTA_UNITY_SKIP)
      set_source_files_properties(${source} PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)
    endif()
  endforeach()
endfunction()
