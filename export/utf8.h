// Internal to export/: UTF-8 checks that the writers share, so that each
// writer's escaping loop can copy valid runs and replace invalid bytes.
// Public headers: export/ntriples.h, export/jsonld.h, export/graphml.h.
#ifndef KGBUILD_EXPORT_UTF8_H_
#define KGBUILD_EXPORT_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace kgbuild {

// U+FFFD, written in place of each byte that does not start a valid UTF-8
// sequence and of characters a format cannot carry.
inline constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";

// Returns the length in bytes of the valid UTF-8 sequence that starts at
// `text[offset]`, or 0 when the bytes there are not one. REQUIRES: offset <
// text.size().
size_t ValidUtf8Length(std::string_view text, size_t offset);

// Returns `text` with each byte that does not start a valid UTF-8 sequence
// replaced by U+FFFD.
std::string ReplaceInvalidUtf8(std::string_view text);

}  // namespace kgbuild

#endif  // KGBUILD_EXPORT_UTF8_H_
