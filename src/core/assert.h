// Programming errors (see ../shared/STYLE.md, "errors in levels"): a broken invariant is a bug,
// not bad input, so it stops the program with the place and the condition instead of throwing
// something a caller might show to the user as if it were their mistake. Checked in every build
// (the checks are cheap); tests reach them with EXPECT_DEATH.
#pragma once

namespace sagitta::detail {

[[noreturn]] void assertFailed(const char* condition, const char* message, const char* file, int line);

}  // namespace sagitta::detail

// SAGITTA_ASSERT(condition, "what must hold"): aborts with "internal error" when it does not.
#define SAGITTA_ASSERT(condition, message)                                                      \
  do {                                                                                          \
    if (!(condition)) ::sagitta::detail::assertFailed(#condition, message, __FILE__, __LINE__); \
  } while (false)
