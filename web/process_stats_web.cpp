// core/process_stats.h in the browser, which has no /proc: the page's own clock and no
// resident-memory figure (the benchmarks that print them run on the desktop).
#include <emscripten.h>

#include "core/process_stats.h"

namespace sagitta {

double secondsSinceProcessStart() {
  return emscripten_get_now() / 1000.0;  // since the page started loading
}

double peakResidentMiB() {
  return 0.0;
}

}  // namespace sagitta
