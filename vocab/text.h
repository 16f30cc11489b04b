// Text utilities shared by the vocabulary and the extractor: UTF-8
// validation and decoding, Hangul tests, and the name key that decides when
// two spellings are the same name.
//
// Every function takes UTF-8 and is pure, so all of them are safe to call
// from any thread.
#ifndef KGBUILD_VOCAB_TEXT_H_
#define KGBUILD_VOCAB_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace kgbuild {

// Returns the byte offset of the first invalid UTF-8 sequence in `text`, or
// std::string_view::npos when all of it is valid. Overlong forms, surrogates
// and code points above U+10FFFF are invalid.
size_t FindInvalidUtf8(std::string_view text);

// Decodes the code point that starts at `text[offset]` and stores its length
// in bytes in `*length`. REQUIRES: `text` is valid UTF-8 and offset < size.
char32_t DecodeUtf8(std::string_view text, size_t offset, size_t* length);

// Decodes the code point that ends just before `text[end]`, storing its
// start offset in `*start`. REQUIRES: valid UTF-8 and end > 0.
char32_t DecodeUtf8Before(std::string_view text, size_t end, size_t* start);

void AppendUtf8(char32_t code_point, std::string* out);

// True for Hangul syllables and jamo, the letters of Korean text.
bool IsHangul(char32_t code_point);
bool ContainsHangul(std::string_view text);

inline bool IsAsciiAlnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z');
}
inline bool IsAsciiUpper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsAsciiDigit(unsigned char c) { return c >= '0' && c <= '9'; }
inline char AsciiLower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
std::string AsciiLowercase(std::string_view text);

// The key under which two names are the same name: Unicode NFKC with case
// folding, then spaces, hyphens, underscores, dots and middle dots removed
// (`CIFAR-100` and `cifar100` share a key; `CIFAR-10` does not). This is the
// comparison that the annotation guide defines for names.
std::string NameKey(std::string_view name);

// Collapses runs of whitespace (including newlines) to one space and trims
// both ends.
std::string CollapseWhitespace(std::string_view text);

}  // namespace kgbuild

#endif  // KGBUILD_VOCAB_TEXT_H_
