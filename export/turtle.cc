#include "export/turtle.h"

#include "export/ntriples.h"
#include "vocab/text.h"
#include "vocab/vocabulary.h"

namespace kgbuild {
namespace {

using Prefixes = std::vector<std::pair<std::string, std::string>>;

bool IsHexDigit(unsigned char c) {
  return IsAsciiDigit(c) || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
}

bool IsLocalNameCharacter(unsigned char c) {
  return IsAsciiAlnum(c) || c == '_' || c == '-' || c == '.';
}

// Appends `iri` as a prefixed name with the longest namespace whose rest is
// a safe local part, else in full.
void AppendIriTerm(std::string_view iri, const Prefixes& prefixes, std::string* out) {
  const std::pair<std::string, std::string>* best = nullptr;
  for (const auto& prefix : prefixes) {
    const std::string& name_space = prefix.second;
    if (!iri.starts_with(name_space)) continue;
    if (!IsSafeTurtleLocalName(iri.substr(name_space.size()))) continue;
    if (best == nullptr || name_space.size() > best->second.size()) best = &prefix;
  }

  if (best == nullptr) {
    out->push_back('<');
    AppendIriForbiddenEscaped(iri, out);
    out->push_back('>');
    return;
  }
  out->append(best->first);
  out->push_back(':');
  out->append(iri.substr(best->second.size()));
}

void AppendObject(const TripleView& triple, const Prefixes& prefixes, std::string* out) {
  if (triple.object_kind == ObjectKind::kIri) {
    AppendIriTerm(triple.object, prefixes, out);
    return;
  }

  out->push_back('"');
  AppendEscapedLiteralText(triple.object, out);
  out->push_back('"');
  if (!triple.language.empty()) {
    out->push_back('@');
    out->append(triple.language);
  } else if (!triple.datatype.empty()) {
    out->append("^^");
    AppendIriTerm(triple.datatype, prefixes, out);
  }
}

// Appends the block of one subject: triples[begin, end) share the subject.
// rdf:type comes first, as "a", then the other predicates in sorted order.
void AppendSubjectBlock(const TripleTable& triples, size_t begin, size_t end,
                        const Prefixes& prefixes, const std::string& rdf_type,
                        std::string* out) {
  std::vector<TripleView> ordered;
  for (size_t i = begin; i < end; ++i) {
    if (triples[i].predicate == rdf_type) ordered.push_back(triples[i]);
  }
  for (size_t i = begin; i < end; ++i) {
    if (triples[i].predicate != rdf_type) ordered.push_back(triples[i]);
  }

  AppendIriTerm(triples[begin].subject, prefixes, out);
  const TripleView* previous = nullptr;
  for (const TripleView& view : ordered) {
    const TripleView* triple = &view;
    if (previous != nullptr && triple->predicate == previous->predicate) {
      out->append(",\n        ");
    } else {
      out->append(previous == nullptr ? "\n    " : " ;\n    ");
      if (triple->predicate == rdf_type) {
        out->push_back('a');
      } else {
        AppendIriTerm(triple->predicate, prefixes, out);
      }
      out->push_back(' ');
    }
    AppendObject(*triple, prefixes, out);
    previous = triple;
  }
  out->append(" .\n\n");
}

}  // namespace

bool IsSafeTurtleLocalName(std::string_view local) {
  if (local.empty() || local.front() == '-' || local.front() == '.' ||
      local.back() == '.') {
    return false;
  }
  for (size_t i = 0; i < local.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(local[i]);
    if (IsLocalNameCharacter(c)) continue;
    if (c == '%' && i + 2 < local.size() &&
        IsHexDigit(static_cast<unsigned char>(local[i + 1])) &&
        IsHexDigit(static_cast<unsigned char>(local[i + 2]))) {
      i += 2;
      continue;
    }
    return false;
  }
  return true;
}

Prefixes TurtlePrefixes(const IriOptions& options) {
  Prefixes prefixes = RdfPrefixes(options);
  prefixes.emplace_back("arxiv", "https://arxiv.org/abs/");
  for (const char* kind : {"post", "paper", "result"}) {
    prefixes.emplace_back(kind, options.base + "id/" + kind + "/");
  }
  for (int i = 0; i < kEntityTypeCount; ++i) {
    const std::string name = AsciiLowercase(EntityTypeName(static_cast<EntityType>(i)));
    prefixes.emplace_back(name, options.base + "id/" + name + "/");
  }
  return prefixes;
}

bool WriteTurtle(const std::vector<Triple>& triples, const IriOptions& options,
                 ByteSink* sink) {
  TripleTable table;
  for (const Triple& triple : triples) table.Add(triple);
  table.Finish();
  return WriteTurtle(table, options, sink);
}

bool WriteTurtle(const TripleTable& triples, const IriOptions& options, ByteSink* sink) {
  const Prefixes prefixes = TurtlePrefixes(options);
  std::string text;
  for (const auto& [name, name_space] : prefixes) {
    text.append("@prefix ");
    text.append(name);
    text.append(": <");
    text.append(EscapeIriForbidden(name_space));
    text.append("> .\n");
  }
  text.push_back('\n');
  if (!sink->Write(text)) return false;

  const std::string rdf_type = std::string(kRdfNamespace) + "type";
  size_t begin = 0;
  while (begin < triples.size()) {
    size_t end = begin + 1;
    while (end < triples.size() && triples[end].subject == triples[begin].subject) ++end;

    text.clear();
    AppendSubjectBlock(triples, begin, end, prefixes, rdf_type, &text);
    if (!sink->Write(text)) return false;
    begin = end;
  }
  return true;
}

}  // namespace kgbuild
