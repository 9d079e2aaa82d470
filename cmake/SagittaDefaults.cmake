# Compiler settings shared by every Sagitta target: warnings, sanitizers, clang-tidy.

set(SAGITTA_WARNINGS -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
  -Wnon-virtual-dtor -Woverloaded-virtual -Wcast-align -Wdouble-promotion
  -Wimplicit-fallthrough)
if(SAGITTA_WERROR)
  list(APPEND SAGITTA_WARNINGS -Werror)
endif()

if(SAGITTA_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

if(SAGITTA_CLANG_TIDY)
  find_program(CLANG_TIDY_EXE NAMES clang-tidy-14 clang-tidy REQUIRED)
  set(SAGITTA_CLANG_TIDY_COMMAND ${CLANG_TIDY_EXE} --quiet)
endif()

# sagitta_defaults(<target>): warnings (and clang-tidy when enabled) for a target of ours.
function(sagitta_defaults target)
  target_compile_options(${target} PRIVATE $<$<COMPILE_LANGUAGE:CXX>:${SAGITTA_WARNINGS}>)
  target_compile_features(${target} PUBLIC cxx_std_20)
  if(SAGITTA_CLANG_TIDY)
    # Under tests/ without the static analyzer (tests/.clang-tidy says why). Given here too: in a
    # unity build clang-tidy reads the unity file under the build folder, out of tests/'s reach.
    set(tidy ${SAGITTA_CLANG_TIDY_COMMAND})
    set(disabled)
    if(CMAKE_CURRENT_SOURCE_DIR MATCHES "^${PROJECT_SOURCE_DIR}/tests(/|$)")
      list(APPEND disabled -clang-analyzer-*)
    endif()
    if(CMAKE_UNITY_BUILD)
      list(APPEND disabled -bugprone-suspicious-include) # unity files #include .cpp files by design
    endif()
    if(disabled)
      list(JOIN disabled "," disabled)
      list(APPEND tidy --checks=${disabled})
    endif()
    set_target_properties(${target} PROPERTIES CXX_CLANG_TIDY "${tidy}")
  endif()
  sagitta_unity(${target})
endfunction()

# sagitta_library(<name> SOURCES ... [PUBLIC_LIBS ...] [PRIVATE_LIBS ...]): one static library per folder.
function(sagitta_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_LIBS;PRIVATE_LIBS" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(${name} PUBLIC ${ARG_PUBLIC_LIBS} PRIVATE ${ARG_PRIVATE_LIBS})
  sagitta_defaults(${name})
endfunction()
