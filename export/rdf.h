// The RDF view of the knowledge graph: one sorted, de-duplicated list of
// triples that both RDF writers (N-Triples and JSON-LD) consume, so the two
// formats cannot disagree.
//
// BuildTriples maps each node and edge to the terms that the export contract
// fixes:
//   post    rdf:type schema:BlogPosting; schema:name, schema:datePublished
//           (xsd:date when the text starts with a valid YYYY-MM-DD, else a
//           plain literal), schema:keywords per tag, schema:hasPart per paper
//   paper   rdf:type schema:ScholarlyArticle; schema:name,
//           schema:identifier (the arXiv id), schema:url (an IRI, only for
//           an absolute http(s) URL), schema:mentions, kg:proposes,
//           kg:reports
//   entity  rdf:type kg:<Model|Method|...>; rdfs:label, skos:altLabel per
//           alias (both tagged @ko when the text contains Hangul),
//           kg:parameters, kg:variantOf
//   result  rdf:type mls:ModelEvaluation; rdfs:label, mls:hasValue (typed
//           xsd:decimal, left out when the value is not a valid xsd:decimal
//           lexical form), kg:unit, mls:specifiedBy (metric), kg:dataset,
//           kg:model
// where kg: is VocabularyNamespace(options). Empty texts produce no triple.
// There are no blank nodes, and every literal is valid UTF-8: each invalid
// byte from the graph becomes U+FFFD.
//
// This module decides no content of the graph and writes no format. The
// functions are pure and safe to call from any thread on a finished graph.
#ifndef KGBUILD_EXPORT_RDF_H_
#define KGBUILD_EXPORT_RDF_H_

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "export/iri.h"
#include "graph/knowledge_graph.h"

namespace kgbuild {

inline constexpr std::string_view kRdfNamespace =
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr std::string_view kRdfsNamespace =
    "http://www.w3.org/2000/01/rdf-schema#";
inline constexpr std::string_view kXsdNamespace =
    "http://www.w3.org/2001/XMLSchema#";
inline constexpr std::string_view kSchemaNamespace = "http://schema.org/";
inline constexpr std::string_view kMlsNamespace = "http://www.w3.org/ns/mls#";
inline constexpr std::string_view kSkosNamespace =
    "http://www.w3.org/2004/02/skos/core#";

enum class ObjectKind : uint8_t { kIri, kLiteral };

// One RDF triple. Subject and predicate are absolute IRIs. Triples order by
// their fields in declaration order, comparing strings bytewise.
struct Triple {
  std::string subject;
  std::string predicate;
  ObjectKind object_kind = ObjectKind::kIri;
  std::string object;    // an IRI, or a literal's lexical form
  std::string datatype;  // literal: datatype IRI, or "" for a plain string
  std::string language;  // literal: language tag, or ""

  auto operator<=>(const Triple&) const = default;
  bool operator==(const Triple&) const = default;
};

// The prefixes the JSON-LD context declares, in this order: rdf, rdfs, xsd,
// schema, mls, skos, kg.
std::vector<std::pair<std::string, std::string>> RdfPrefixes(
    const IriOptions& options);

class TripleTable;  // export/triple_table.h

// Returns the triples of `graph`, sorted and without duplicates.
std::vector<Triple> BuildTriples(const Graph& graph, const IriOptions& options);

// The same triples in a finished TripleTable, which the writers take: 12
// bytes per triple plus the distinct terms.
TripleTable BuildTripleTable(const Graph& graph, const IriOptions& options);

// The subset of a node's triples that AddNodeTriples adds. The graph merges an
// entity's aliases and parameters over all posts without recording which
// post gave which, so the N-Quads export keeps those apart.
enum class NodeFacts {
  kAll,
  kPerPost,  // all but skos:altLabel and kg:parameters
  kMerged,   // only skos:altLabel and kg:parameters
};

// Adds the triples of `node` chosen by `facts` to `table`, with `iri` =
// NodeIri(node, options) as their subject. REQUIRES: `table` not finished.
void AddNodeTriples(const NodeProperties& node, std::string_view iri, NodeFacts facts,
                    const IriOptions& options, TripleTable* table);

// Returns the triples that describe `node` itself (type, names, literals),
// without those of its edges, in no particular order. `iri` is
// NodeIri(node, options). BuildTriples is the union of these and one triple
// per edge.
std::vector<Triple> NodeTriples(const NodeProperties& node, const std::string& iri,
                                const IriOptions& options);

// Returns the predicate IRI that BuildTriples writes for an edge of `kind`.
std::string EdgePredicateIri(EdgeKind kind, const IriOptions& options);

// True when `text` is an xsd:decimal lexical form:
// [+-]? ( digits ( "." digits? )? | "." digits ).
bool IsXsdDecimal(std::string_view text);

// True when `text` starts with a valid date YYYY-MM-DD (month 01-12, day
// within the month, leap years counted).
bool StartsWithXsdDate(std::string_view text);

}  // namespace kgbuild

#endif  // KGBUILD_EXPORT_RDF_H_
