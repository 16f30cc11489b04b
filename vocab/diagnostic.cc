#include "vocab/diagnostic.h"

#include <string_view>

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

// Appends `text` with control characters written as \n, \t or \xHH, so a
// file name or reason can never start a line of its own in a log.
void AppendEscaped(std::string_view text, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  for (const char c : text) {
    const unsigned char byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte != 0x7F) {
      out->push_back(c);
    } else if (c == '\n') {
      out->append("\\n");
    } else if (c == '\t') {
      out->append("\\t");
    } else {
      out->append("\\x");
      out->push_back(kHex[byte >> 4]);
      out->push_back(kHex[byte & 0xF]);
    }
  }
}

}  // namespace

std::string FormatDiagnostic(const Diagnostic& diagnostic) {
  std::string text = SeverityName(diagnostic.severity);
  text += ": ";
  AppendEscaped(diagnostic.file, &text);
  if (diagnostic.line > 0) {
    text += ':' + std::to_string(diagnostic.line);
    if (diagnostic.column > 0) text += ':' + std::to_string(diagnostic.column);
  }
  text += ": ";
  AppendEscaped(diagnostic.reason, &text);
  return text;
}

}  // namespace kgbuild
