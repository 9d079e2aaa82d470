#include "core/process_stats.h"

#include <fstream>
#include <sstream>
#include <string>

#include <sys/resource.h>
#include <unistd.h>

namespace sagitta {

double secondsSinceProcessStart() {
  std::ifstream stat("/proc/self/stat");
  std::string line;
  std::getline(stat, line);
  // field 22 (starttime, clock ticks after boot) follows the command name in parentheses
  const auto close = line.rfind(')');
  if (close == std::string::npos) return 0.0;
  std::istringstream rest(line.substr(close + 2));
  std::string field;
  for (int i = 3; i < 22 && rest >> field; ++i) {
  }
  unsigned long long start_ticks = 0;
  rest >> start_ticks;
  double uptime = 0.0;
  std::ifstream("/proc/uptime") >> uptime;
  const double hz = static_cast<double>(::sysconf(_SC_CLK_TCK));
  return uptime - static_cast<double>(start_ticks) / hz;
}

double peakResidentMiB() {
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

}  // namespace sagitta
