// libFuzzer target: ReadFrontMatter on arbitrary bytes, so YAML that does
// not parse, unclosed blocks and the line-by-line fallback are exercised
// without the Markdown reader around them.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extract/front_matter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 16 * 1024) return 0;  // front matter is a few lines in practice
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  kgbuild::FrontMatter front_matter;
  const kgbuild::FrontMatterSpan span = kgbuild::ReadFrontMatter(
      text, "fuzz.md", [](const kgbuild::Diagnostic&) {}, &front_matter);
  // The span must lie inside the input: the caller blanks those bytes.
  if (span.end > size || span.begin > size) __builtin_trap();
  return 0;
}
