// Diagnostics: the one shape every kgbuild library uses to report a problem
// in an input file.
//
// A diagnostic names the file, the 1-based line and column, and a short
// lowercase reason. Libraries never print: they pass diagnostics to a sink
// that the caller supplies, and only the command writes them to the
// terminal, formatted as `error: FILE:LINE:COL: reason`.
//
// This header lives in vocab/ because vocab is the lowest layer of the
// pipeline; extract/, graph/ and export/ all include it from here.
// Thread safety: Diagnostic is a plain value. A sink is called from the
// thread that found the problem; a sink shared between threads must lock.
#ifndef KGBUILD_VOCAB_DIAGNOSTIC_H_
#define KGBUILD_VOCAB_DIAGNOSTIC_H_

#include <functional>
#include <string>

namespace kgbuild {

enum class Severity {
  kWarning,  // the input was read, with a guess or a fallback
  kError,    // the input, or part of it, was skipped
};

struct Diagnostic {
  Severity severity = Severity::kError;
  std::string file;  // path as the user gave it, or relative to the input root
  int line = 0;      // 1-based; 0 when the problem concerns the whole file
  int column = 0;    // 1-based; 0 when unknown
  std::string reason;
};

using DiagnosticSink = std::function<void(const Diagnostic&)>;

// Formats as `error: FILE:LINE:COL: reason` or `warning: ...`; the line and
// column are left out when they are 0. Control characters in the file name
// or reason are escaped (`\n`, `\x07`), so the result is always one line.
std::string FormatDiagnostic(const Diagnostic& diagnostic);

}  // namespace kgbuild

#endif  // KGBUILD_VOCAB_DIAGNOSTIC_H_
