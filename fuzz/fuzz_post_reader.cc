// libFuzzer target: ReadPost on arbitrary bytes (front matter, Markdown,
// papers and sections). Finds crashes, sanitizer reports and hangs; the
// result itself is not checked.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extract/post_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Larger inputs only slow the search; kgbuild cuts long lines itself.
  if (size > 64 * 1024) return 0;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  kgbuild::ReadLimits limits;
  limits.max_line_bytes = 4096;  // small, so that the cutting path is reached
  kgbuild::ReadPost(bytes, "fuzz.md", [](const kgbuild::Diagnostic&) {}, limits);
  return 0;
}
