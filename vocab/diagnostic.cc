#include "vocab/diagnostic.h"

namespace kgbuild {

namespace {

const char* SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "error";
}

}  // namespace

std::string FormatDiagnostic(const Diagnostic& diagnostic) {
  std::string text = SeverityName(diagnostic.severity);
  text += ": ";
  text += diagnostic.file;
  if (diagnostic.line > 0) {
    text += ':' + std::to_string(diagnostic.line);
    if (diagnostic.column > 0) text += ':' + std::to_string(diagnostic.column);
  }
  text += ": ";
  text += diagnostic.reason;
  return text;
}

}  // namespace kgbuild
