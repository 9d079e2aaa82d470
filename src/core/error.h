// Errors in levels (see ../shared/STYLE.md): programming mistakes hit an assert; bad input
// (files, values, command-line arguments) throws an InputError whose message is one plain
// sentence naming the file, line and field; I/O failures throw IoError. Library code never
// calls exit; the app turns these into a message and an exit code.
#pragma once

#include <stdexcept>
#include <string>

namespace sagitta {

// Bad input from a user: a file, a value, a flag. The message is shown as is.
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A file or device could not be read or written (missing, unwritable, disk full).
class IoError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The graphics system cannot do what is needed (no OpenGL 3.3, a shader failed to build).
class GraphicsError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// "what: strerror(errno)" for the last failed system call.
std::string systemErrorText(const std::string& what);

}  // namespace sagitta
