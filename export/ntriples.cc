#include "export/ntriples.h"

#include "export/iri.h"
#include "export/utf8.h"

namespace kgbuild {
namespace {

bool MustEscapeInLiteral(unsigned char c) {
  return c < 0x20 || c == 0x7F || c == '"' || c == '\\';
}

void AppendEscape(unsigned char c, std::string* out) {
  switch (c) {
    case '"': out->append("\\\""); return;
    case '\\': out->append("\\\\"); return;
    case '\n': out->append("\\n"); return;
    case '\r': out->append("\\r"); return;
    case '\t': out->append("\\t"); return;
    default: break;
  }
  static constexpr char kHexDigits[] = "0123456789ABCDEF";
  out->append("\\u00");
  out->push_back(kHexDigits[c >> 4]);
  out->push_back(kHexDigits[c & 0x0F]);
}

// Appends subject, predicate and object, each followed by a space.
void AppendTerms(const Triple& triple, std::string* out) {
  AppendNTriplesIri(triple.subject, out);
  out->push_back(' ');
  AppendNTriplesIri(triple.predicate, out);
  out->push_back(' ');
  if (triple.object_kind == ObjectKind::kIri) {
    AppendNTriplesIri(triple.object, out);
  } else {
    AppendNTriplesLiteral(triple.object, triple.datatype, triple.language, out);
  }
  out->push_back(' ');
}

}  // namespace

// Copies each run of characters that need no escape at once.
void AppendEscapedLiteralText(std::string_view text, std::string* out) {
  size_t run_start = 0;
  size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80 && !MustEscapeInLiteral(c)) {
      ++i;  // most text is plain ASCII, which needs no UTF-8 check
      continue;
    }
    const size_t length = ValidUtf8Length(text, i);
    if (length > 0 && !MustEscapeInLiteral(c)) {
      i += length;
      continue;
    }

    out->append(text.substr(run_start, i - run_start));
    if (length == 0) {
      out->append(kReplacementCharacter);
    } else {
      AppendEscape(c, out);
    }
    ++i;
    run_start = i;
  }
  out->append(text.substr(run_start));
}

void AppendNTriplesIri(std::string_view iri, std::string* out) {
  out->push_back('<');
  AppendIriForbiddenEscaped(iri, out);
  out->push_back('>');
}

void AppendNTriplesLiteral(std::string_view lexical, std::string_view datatype,
                           std::string_view language, std::string* out) {
  out->push_back('"');
  AppendEscapedLiteralText(lexical, out);
  out->push_back('"');
  if (!language.empty()) {
    out->push_back('@');
    out->append(language);
  } else if (!datatype.empty()) {
    out->append("^^");
    AppendNTriplesIri(datatype, out);
  }
}

void AppendNTriplesLine(const Triple& triple, std::string* out) {
  AppendTerms(triple, out);
  out->append(".\n");
}

void AppendNQuadsLine(const Triple& triple, std::string_view graph_iri,
                      std::string* out) {
  AppendTerms(triple, out);
  if (!graph_iri.empty()) {
    AppendNTriplesIri(graph_iri, out);
    out->push_back(' ');
  }
  out->append(".\n");
}

bool WriteNTriples(const TripleTable& triples, ByteSink* sink) {
  std::string buffer;
  for (size_t i = 0; i < triples.size(); ++i) {
    triples.AppendLine(i, {}, &buffer);
    if (buffer.size() >= kWriteBufferBytes) {
      if (!sink->Write(buffer)) return false;
      buffer.clear();
    }
  }
  return sink->Write(buffer);
}

bool WriteNTriples(const std::vector<Triple>& triples, ByteSink* sink) {
  std::string line;
  for (const Triple& triple : triples) {
    line.clear();
    AppendNTriplesLine(triple, &line);
    if (!sink->Write(line)) return false;
  }
  return true;
}

}  // namespace kgbuild
