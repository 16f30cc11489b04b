#include "export/xml_text.h"

#include "export/utf8.h"

namespace kgbuild {
namespace {

// U+FFFD as a character reference. Some XML readers (xmldom) warn about a
// literal U+FFFD as a sign of a decoding problem, and a reference avoids it.
constexpr std::string_view kReplacementReference = "&#xFFFD;";

// True for the three-byte sequences written as kReplacementReference:
// U+FFFE and U+FFFF, which XML 1.0 cannot carry, and U+FFFD itself.
bool IsReplacedSequence(std::string_view sequence) {
  return sequence == "\xEF\xBF\xBE" || sequence == "\xEF\xBF\xBF" ||
         sequence == kReplacementCharacter;
}

bool MustEscapeInXml(unsigned char c) {
  return c < 0x20 || c == '&' || c == '<' || c == '>' || c == '"' || c == '\'';
}

void AppendEscape(unsigned char c, std::string* out) {
  switch (c) {
    case '&': out->append("&amp;"); return;
    case '<': out->append("&lt;"); return;
    case '>': out->append("&gt;"); return;
    case '"': out->append("&quot;"); return;
    case '\'': out->append("&apos;"); return;
    case '\t': out->append("&#9;"); return;
    case '\n': out->append("&#10;"); return;
    case '\r': out->append("&#13;"); return;
    default:
      // TODO(kgbuild): control characters other than tab, newline and
      // carriage return do not round-trip, because XML 1.0 cannot carry
      // them even as character references.
      out->append(kReplacementReference);
      return;
  }
}

}  // namespace

void AppendXmlEscaped(std::string_view text, std::string* out) {
  size_t run_start = 0;
  size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80 && !MustEscapeInXml(c)) {
      ++i;  // most text is plain ASCII, which needs no UTF-8 check
      continue;
    }
    const size_t length = ValidUtf8Length(text, i);
    const bool safe = length > 0 && !MustEscapeInXml(c) &&
                      !IsReplacedSequence(text.substr(i, length));
    if (safe) {
      i += length;
      continue;
    }

    out->append(text.substr(run_start, i - run_start));
    if (length == 1) {
      AppendEscape(c, out);
    } else {
      out->append(kReplacementReference);
    }
    i += length == 0 ? 1 : length;
    run_start = i;
  }
  out->append(text.substr(run_start));
}

}  // namespace kgbuild
