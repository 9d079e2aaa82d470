// Process-level figures for benchmarks and logs (Linux /proc).
#pragma once

#include <cstddef>

namespace sagitta {

// Seconds since this process started (from /proc/self/stat; 10 ms resolution on most kernels).
double secondsSinceProcessStart();
// Peak resident memory of this process so far, in MiB.
double peakResidentMiB();

}  // namespace sagitta
