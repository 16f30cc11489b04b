// IRIs for the nodes of the knowledge graph, shared by every export format.
//
// Every format names a node by the IRI that NodeIri mints, so a node is the
// same resource in graph.nt, graph.jsonld, graph.graphml and kg.sqlite. The
// IRI depends only on the node's kind and its identifying text, so the same
// paper, post, entity or result gets the same IRI on every run and machine.
// Text from a post enters an IRI only percent-encoded: every byte outside
// [A-Za-z0-9-._~] becomes %XX with uppercase hex digits, so no name (Korean,
// spaces, quotes, `<`, `#`, `%`, newlines) can break out of an IRI.
//
// This module does not decide what is in the graph and writes no format.
// All functions are pure and safe to call from any thread.
#ifndef KGBUILD_EXPORT_IRI_H_
#define KGBUILD_EXPORT_IRI_H_

#include <optional>
#include <string>
#include <string_view>

#include "graph/knowledge_graph.h"

namespace kgbuild {

struct IriOptions {
  // The prefix of every IRI kgbuild mints. REQUIRES: an absolute IRI that
  // ends in '/' or '#'. Default: "https://w3id.org/kgbuild/".
  std::string base = "https://w3id.org/kgbuild/";
};

// The project vocabulary's namespace: `options.base` + "ns#".
std::string VocabularyNamespace(const IriOptions& options);

// Returns the IRI of a node:
//   paper with an arXiv id   https://arxiv.org/abs/<id>
//   paper without one        BASE id/paper/<pct(key after "paper-title:")>
//   post                     BASE id/post/<pct(path)>
//   entity                   BASE id/<lowercase type name>/<pct(label)>
//   result                   BASE id/result/<pct(key after its prefix)>
// where pct is PercentEncode. The arXiv id is percent-encoded too, except
// for '/', which old-style ids such as "hep-th/9901001" contain. The result
// is never empty.
std::string NodeIri(const NodeProperties& node, const IriOptions& options);

// Returns the IRI of the statement resource that records where a post says
// the triple (subject, predicate, object):
//   BASE id/statement/<pct(file)>/<line>-<hash>
// where hash is the 64-bit FNV-1a hash, as 16 lowercase hex digits, of
// subject, predicate, object and section joined by newlines. The hash
// depends only on those bytes, so the IRI is the same on every machine;
// two mentions on one line differ in their triple and so in their hash.
std::string StatementIri(std::string_view subject, std::string_view predicate,
                         std::string_view object, const Provenance& provenance,
                         const IriOptions& options);

// Percent-encodes every byte of `text` outside [A-Za-z0-9-._~] as %XX with
// uppercase hex digits.
std::string PercentEncode(std::string_view text);

// Returns `url` as a valid absolute IRI, or nullopt when it is not an
// absolute http or https URL. The scheme must be followed by "//"
// and a host of letters, digits, '-', '.', '_' and '~' with an optional
// numeric port; IPv6 literals and user names are rejected. In the rest of
// the URL, bytes that IRIs forbid there (spaces, controls, `<>"{}|^`\`,
// '[' and ']', a second '#') and every non-ASCII byte are percent-encoded,
// and a '%' that does not start a %XX escape becomes %25.
std::optional<std::string> HttpUrlToIri(std::string_view url);

// Percent-encodes the bytes that an N-Triples IRIREF cannot carry (U+0000
// to U+0020 and `<>"{}|^`\`) and bytes that are not valid UTF-8. The RDF
// writers pass every IRI through it, so they stay in agreement even for an
// IRI that did not come from NodeIri.
std::string EscapeIriForbidden(std::string_view iri);

// Appends EscapeIriForbidden(iri) to `*out` without a temporary string.
void AppendIriForbiddenEscaped(std::string_view iri, std::string* out);

}  // namespace kgbuild

#endif  // KGBUILD_EXPORT_IRI_H_
