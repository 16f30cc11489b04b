// The N-Quads view of the knowledge graph (graph.nq): the triples of
// BuildTriples (export/rdf.h) spread over one named graph per post, plus
// one reified statement per mention that records its section and line.
//
// The named graph of a post has the post's IRI as its name and holds what
// that post contributed, so a SPARQL user can ask which post said a thing
// (GRAPH ?post { ?paper schema:mentions ?entity }) and a store can drop and
// reload one post. For every edge, each post named in the edge's provenance
// gets in its graph:
//   - the edge's triple;
//   - the triples of both end nodes that NodeTriples returns, except
//     skos:altLabel and kg:parameters. The graph merges aliases and model
//     sizes over all posts and does not record which post gave which, so
//     those two stay in the default graph.
// A triple that several posts contributed is in each of their graphs. The
// default graph holds every triple of BuildTriples that is in no named
// graph: aliases, parameters, kg:variantOf links (derived from the
// vocabulary, without provenance) and nodes without edges. So the union of
// all graphs, without the statements below, is exactly graph.nt.
//
// Provenance is RDF reification, without RDF-star, so every SPARQL 1.1
// store reads it. For each provenance entry of a schema:mentions,
// kg:proposes or kg:reports edge, the post's graph holds
//   <statement> rdf:type rdf:Statement ; rdf:subject <paper> ;
//               rdf:predicate <p> ; rdf:object <entity or result> ;
//               kg:section "goal" ; kg:line "12"^^xsd:integer .
// where <statement> is StatementIri (export/iri.h). These triples are only
// in graph.nq: graph.nt, graph.ttl and graph.jsonld keep the merged graph.
//
// The functions are pure and safe to call from any thread on a finished
// graph; the writer does not open files and does not print.
#ifndef KGBUILD_EXPORT_NQUADS_H_
#define KGBUILD_EXPORT_NQUADS_H_

#include <compare>
#include <string>
#include <vector>

#include "export/iri.h"
#include "export/output.h"
#include "export/rdf.h"
#include "graph/knowledge_graph.h"

namespace kgbuild {

// One triple in a graph. `graph` is the named graph's IRI, or "" for the
// default graph. Quads order by graph first, so the default graph comes
// first and each named graph's quads are adjacent.
struct Quad {
  std::string graph;
  Triple triple;

  auto operator<=>(const Quad&) const = default;
  bool operator==(const Quad&) const = default;
};

// Returns the quads of `graph` by the rules above, sorted and without
// duplicates.
std::vector<Quad> BuildQuads(const Graph& graph, const IriOptions& options);

// Writes `quads` to `sink` as N-Quads in the given order, escaped as the
// N-Triples writer escapes (export/ntriples.h). Returns false as soon as a
// write fails; the sink's Commit then reports why. Does not commit.
bool WriteNQuads(const std::vector<Quad>& quads, ByteSink* sink);

// Writes the same bytes as WriteNQuads(BuildQuads(graph, options), sink)
// without holding every quad: the default graph first, then one post's
// named graph at a time in graph IRI order, each sorted on its own. When
// two nodes share an IRI, two edges give the same triple, or a node IRI is
// in the statement namespace, the per-post lists cannot tell which triples
// belong to the default graph, so it falls back to BuildQuads. Returns
// false as soon as a write fails. Does not commit.
bool WriteGraphNQuads(const Graph& graph, const IriOptions& options, ByteSink* sink);

}  // namespace kgbuild

#endif  // KGBUILD_EXPORT_NQUADS_H_
