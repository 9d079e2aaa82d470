// Sagitta: a real-time 3D biomechanics visualizer. Everything lives in libraries; main only
// hands the command line to the CLI.
#include "app/cli.h"

int main(int argc, char** argv) {
  return sagitta::app::run(argc, argv);
}
