#include "core/interrupt.h"

namespace sagitta {
namespace {

constexpr std::array<int, 3> kSignals = {SIGINT, SIGTERM, SIGHUP};

// written only by the handler, read by the loop: the one kind of object a handler may set
volatile std::sig_atomic_t g_caught = 0;

extern "C" void onStopSignal(int signal) {
  g_caught = signal;
}

}  // namespace

InterruptGuard::InterruptGuard() {
  g_caught = 0;
  struct sigaction action {};
  action.sa_handler = onStopSignal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;  // a write in progress (an encoder's) is resumed, not failed with EINTR
  for (std::size_t i = 0; i < kSignals.size(); ++i) ::sigaction(kSignals[i], &action, &previous_[i]);
}

InterruptGuard::~InterruptGuard() {
  for (std::size_t i = 0; i < kSignals.size(); ++i) ::sigaction(kSignals[i], &previous_[i], nullptr);
}

int InterruptGuard::caught() {
  return g_caught;
}

}  // namespace sagitta
