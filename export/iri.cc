#include "export/iri.h"

#include <cstddef>
#include <cstdint>

#include "export/utf8.h"
#include "vocab/text.h"
#include "vocab/vocabulary.h"

namespace kgbuild {
namespace {

constexpr char kHexDigits[] = "0123456789ABCDEF";

void AppendPercentEscape(unsigned char byte, std::string* out) {
  out->push_back('%');
  out->push_back(kHexDigits[byte >> 4]);
  out->push_back(kHexDigits[byte & 0x0F]);
}

bool IsUnreserved(unsigned char c) {
  return IsAsciiAlnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

bool IsHexDigit(unsigned char c) {
  return IsAsciiDigit(c) || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
}

// Characters allowed unescaped after the authority of an http(s) IRI:
// unreserved, sub-delims, ':', '@', '/' and '?' (RFC 3987 ipath, iquery and
// ifragment, restricted to ASCII).
bool IsUrlTailSafe(unsigned char c) {
  if (IsUnreserved(c)) return true;
  switch (c) {
    case '!': case '$': case '&': case '\'': case '(': case ')': case '*':
    case '+': case ',': case ';': case '=': case ':': case '@': case '/':
    case '?':
      return true;
    default:
      return false;
  }
}

bool IsIrirefForbidden(unsigned char c) {
  switch (c) {
    case '<': case '>': case '"': case '{': case '}': case '|': case '^':
    case '`': case '\\':
      return true;
    default:
      return c <= 0x20;
  }
}

// The part of a node key after its "kind:" prefix, or the whole key when it
// has no prefix.
std::string_view KeyAfterPrefix(std::string_view key) {
  const size_t colon = key.find(':');
  return colon == std::string_view::npos ? key : key.substr(colon + 1);
}

std::string EncodeArxivId(std::string_view id) {
  std::string out;
  for (size_t start = 0; start <= id.size();) {
    const size_t slash = id.find('/', start);
    const size_t end = slash == std::string_view::npos ? id.size() : slash;
    out += PercentEncode(id.substr(start, end - start));
    if (slash == std::string_view::npos) break;
    out.push_back('/');
    start = slash + 1;
  }
  return out;
}

bool IsValidAuthority(std::string_view authority) {
  const size_t colon = authority.find(':');
  const std::string_view host = authority.substr(0, colon);
  if (host.empty()) return false;
  for (unsigned char c : host) {
    if (!IsUnreserved(c)) return false;
  }
  if (colon == std::string_view::npos) return true;
  for (unsigned char c : authority.substr(colon + 1)) {
    if (!IsAsciiDigit(c)) return false;
  }
  return true;
}

}  // namespace

std::string VocabularyNamespace(const IriOptions& options) {
  return options.base + "ns#";
}

std::string PercentEncode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (unsigned char c : text) {
    if (IsUnreserved(c)) {
      out.push_back(static_cast<char>(c));
    } else {
      AppendPercentEscape(c, &out);
    }
  }
  return out;
}

std::string NodeIri(const NodeProperties& node, const IriOptions& options) {
  switch (node.kind) {
    case NodeKind::kPaper:
      if (!node.arxiv_id.empty()) {
        return "https://arxiv.org/abs/" + EncodeArxivId(node.arxiv_id);
      }
      return options.base + "id/paper/" + PercentEncode(KeyAfterPrefix(node.key));
    case NodeKind::kPost:
      return options.base + "id/post/" + PercentEncode(node.path);
    case NodeKind::kEntity:
      return options.base + "id/" +
             AsciiLowercase(EntityTypeName(node.entity_type)) + "/" +
             PercentEncode(node.label);
    case NodeKind::kResult:
      return options.base + "id/result/" +
             PercentEncode(KeyAfterPrefix(node.key));
  }
  return options.base + "id/unknown/" + PercentEncode(node.key);
}

std::string StatementIri(std::string_view subject, std::string_view predicate,
                         std::string_view object, const Provenance& provenance,
                         const IriOptions& options) {
  constexpr uint64_t kFnvOffsetBasis = 0xcbf29ce484222325ULL;
  constexpr uint64_t kFnvPrime = 0x100000001b3ULL;
  uint64_t hash = kFnvOffsetBasis;
  bool first = true;
  for (std::string_view part : {subject, predicate, object,
                                std::string_view(provenance.section)}) {
    if (!first) hash = (hash ^ '\n') * kFnvPrime;
    first = false;
    for (unsigned char c : part) hash = (hash ^ c) * kFnvPrime;
  }

  static constexpr char kLowerHexDigits[] = "0123456789abcdef";
  std::string hex(16, '0');
  for (int i = 15; i >= 0; --i, hash >>= 4) hex[i] = kLowerHexDigits[hash & 0x0F];
  return options.base + "id/statement/" + PercentEncode(provenance.file) + "/" +
         std::to_string(provenance.line) + "-" + hex;
}

std::optional<std::string> HttpUrlToIri(std::string_view url) {
  const size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return std::nullopt;
  const std::string scheme = AsciiLowercase(url.substr(0, scheme_end));
  if (scheme != "http" && scheme != "https") return std::nullopt;

  const size_t authority_start = scheme_end + 3;
  size_t tail_start = url.find_first_of("/?#", authority_start);
  if (tail_start == std::string_view::npos) tail_start = url.size();
  if (!IsValidAuthority(
          url.substr(authority_start, tail_start - authority_start))) {
    return std::nullopt;
  }

  std::string iri(url.substr(0, tail_start));
  bool seen_fragment = false;
  for (size_t i = tail_start; i < url.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(url[i]);
    if (c == '#' && !seen_fragment) {
      seen_fragment = true;
      iri.push_back('#');
    } else if (c == '%' && i + 2 < url.size() &&
               IsHexDigit(static_cast<unsigned char>(url[i + 1])) &&
               IsHexDigit(static_cast<unsigned char>(url[i + 2]))) {
      iri.push_back('%');
    } else if (IsUrlTailSafe(c)) {
      iri.push_back(static_cast<char>(c));
    } else {
      AppendPercentEscape(c, &iri);
    }
  }
  return iri;
}

std::string EscapeIriForbidden(std::string_view iri) {
  std::string out;
  out.reserve(iri.size());
  AppendIriForbiddenEscaped(iri, &out);
  return out;
}

// Copies each run of bytes that need no escape at once. ASCII bytes are
// checked inline; only non-ASCII bytes need the UTF-8 validity test.
void AppendIriForbiddenEscaped(std::string_view iri, std::string* out) {
  size_t run_start = 0;
  size_t i = 0;
  while (i < iri.size()) {
    const unsigned char c = static_cast<unsigned char>(iri[i]);
    if (c < 0x80) {
      if (!IsIrirefForbidden(c)) {
        ++i;
        continue;
      }
    } else if (const size_t length = ValidUtf8Length(iri, i); length > 0) {
      i += length;
      continue;
    }

    out->append(iri.substr(run_start, i - run_start));
    AppendPercentEscape(c, out);
    ++i;
    run_start = i;
  }
  out->append(iri.substr(run_start));
}

}  // namespace kgbuild
