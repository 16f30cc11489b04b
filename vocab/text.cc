#include "vocab/text.h"

#include <algorithm>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

namespace kgbuild {

size_t FindInvalidUtf8(std::string_view text) {
  size_t i = 0;
  const size_t size = text.size();
  while (i < size) {
    const unsigned char lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80) {
      ++i;
      continue;
    }

    size_t length = 0;
    char32_t code_point = 0;
    char32_t minimum = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2, code_point = lead & 0x1F, minimum = 0x80;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3, code_point = lead & 0x0F, minimum = 0x800;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4, code_point = lead & 0x07, minimum = 0x10000;
    } else {
      return i;
    }
    if (i + length > size) return i;
    for (size_t k = 1; k < length; ++k) {
      const unsigned char next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return i;
      code_point = (code_point << 6) | (next & 0x3F);
    }
    if (code_point < minimum || code_point > 0x10FFFF ||
        (code_point >= 0xD800 && code_point <= 0xDFFF)) {
      return i;
    }
    i += length;
  }
  return std::string_view::npos;
}

char32_t DecodeUtf8(std::string_view text, size_t offset, size_t* length) {
  const unsigned char lead = static_cast<unsigned char>(text[offset]);
  if (lead < 0x80) {
    *length = 1;
    return lead;
  }
  // The lead byte gives the sequence length and the bits it contributes.
  size_t count = 2;
  char32_t code_point = lead & 0x1F;
  if (lead >= 0xF0) {
    count = 4;
    code_point = lead & 0x07;
  } else if (lead >= 0xE0) {
    count = 3;
    code_point = lead & 0x0F;
  }
  if (offset + count > text.size()) count = text.size() - offset;
  for (size_t k = 1; k < count; ++k) {
    code_point = (code_point << 6) |
                 (static_cast<unsigned char>(text[offset + k]) & 0x3F);
  }
  *length = count;
  return code_point;
}

char32_t DecodeUtf8Before(std::string_view text, size_t end, size_t* start) {
  size_t begin = end - 1;
  while (begin > 0 &&
         (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80 &&
         end - begin < 4) {
    --begin;
  }
  size_t length = 0;
  *start = begin;
  return DecodeUtf8(text, begin, &length);
}

void AppendUtf8(char32_t code_point, std::string* out) {
  if (code_point < 0x80) {
    out->push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else if (code_point < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (code_point >> 18)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

bool IsHangul(char32_t c) {
  return (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x11FF) ||
         (c >= 0x3130 && c <= 0x318F);
}

bool ContainsHangul(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    size_t length = 0;
    if (IsHangul(DecodeUtf8(text, i, &length))) return true;
    i += length;
  }
  return false;
}

std::string AsciiLowercase(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = AsciiLower(c);
  return lower;
}

namespace {

bool IsNameSeparator(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-' || c == '_' || c == '.' ||
         c == 0xB7;
}

}  // namespace

std::string NameKey(std::string_view name) {
  // ASCII needs no ICU: NFKC leaves it unchanged and case folding is
  // lowercasing. Most names are ASCII, and this runs for every mention.
  const bool ascii = std::all_of(name.begin(), name.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) {
    std::string key;
    key.reserve(name.size());
    for (const char c : name) {
      if (!IsNameSeparator(static_cast<unsigned char>(c))) key.push_back(AsciiLower(c));
    }
    return key;
  }

  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_casefold =
      icu::Normalizer2::getNFKCCasefoldInstance(status);
  std::string folded;
  if (U_SUCCESS(status)) {
    icu::UnicodeString source = icu::UnicodeString::fromUTF8(
        icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
    icu::UnicodeString normalized = nfkc_casefold->normalize(source, status);
    if (U_SUCCESS(status)) normalized.toUTF8String(folded);
  }
  if (!U_SUCCESS(status)) folded = AsciiLowercase(name);

  std::string key;
  key.reserve(folded.size());
  for (size_t i = 0; i < folded.size();) {
    size_t length = 0;
    const char32_t c = DecodeUtf8(folded, i, &length);
    if (!IsNameSeparator(c)) key.append(folded, i, length);
    i += length;
  }
  return key;
}

std::string CollapseWhitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
        c == '\v') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

}  // namespace kgbuild
