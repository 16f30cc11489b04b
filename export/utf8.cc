#include "export/utf8.h"

#include "vocab/text.h"

namespace kgbuild {

size_t ValidUtf8Length(std::string_view text, size_t offset) {
  const unsigned char lead = static_cast<unsigned char>(text[offset]);
  if (lead < 0x80) return 1;

  // FindInvalidUtf8 returns 0 exactly when the first sequence is invalid.
  const std::string_view window = text.substr(offset, 4);
  if (FindInvalidUtf8(window) == 0) return 0;
  return lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
}

std::string ReplaceInvalidUtf8(std::string_view text) {
  if (FindInvalidUtf8(text) == std::string_view::npos) return std::string(text);

  std::string out;
  out.reserve(text.size() + 8);
  for (size_t i = 0; i < text.size();) {
    const size_t length = ValidUtf8Length(text, i);
    if (length == 0) {
      out.append(kReplacementCharacter);
      ++i;
    } else {
      out.append(text.substr(i, length));
      i += length;
    }
  }
  return out;
}

}  // namespace kgbuild
