// The GraphML writers: the knowledge graph and its entity co-mention
// network for Gephi, NetworkX and other graph tools, with labels, types,
// colours and weights as declared attributes.
//
// Two views, both always written, because Gephi users want the field's
// structure (which entities go together) more often than the bipartite
// paper-entity graph, and deriving it in Gephi takes several manual steps:
//   graph.graphml            the full graph: posts, papers, entities and
//                            results, directed edges of every kind
//   graph.comention.graphml  the co-mention network of export/comention.h:
//                            entities only, undirected edges of kind
//                            "coMention" weighted by the number of papers
//
// Each file has an XML declaration and declares every key it uses with its
// attr.type. The keys follow Gephi's GraphML importer, which takes `label`
// as the node label, `r`, `g`, `b` as the node colour and `weight` as the
// edge weight. Node data in both views:
//   label    string, DisplayLabel (export/node_style.h): never empty
//   type     string, the entity type name, else "Post", "Paper", "Result"
//   iri      string, the node's IRI
//   r, g, b  int, NodeColor (export/node_style.h) by type
// and in the full graph date (posts), value and unit (results), strings;
// in the co-mention view papers (int) and firstDate (string, YYYY-MM-DD,
// left out when undated). Edge data: kind (string, EdgeKindName's words or
// "coMention"), weight (double), and in the co-mention view firstDate.
// Each node's id is its IRI (export/iri.h), so it matches the RDF exports
// and is never empty; each edge's id is "e" and its index. Every edge joins
// two written nodes.
//
// Nodes and edges follow the graph's own order, so a finished graph always
// gives the same bytes. Text is escaped by AppendXmlEscaped
// (export/xml_text.h): control characters other than tab, newline and
// carriage return become U+FFFD, because XML 1.0 cannot carry them.
//
// The writers do not open files and do not print. They are safe to call
// from several threads on a finished graph with separate sinks.
#ifndef KGBUILD_EXPORT_GRAPHML_H_
#define KGBUILD_EXPORT_GRAPHML_H_

#include <string>
#include <string_view>

#include "export/comention.h"
#include "export/iri.h"
#include "export/output.h"
#include "export/xml_text.h"
#include "graph/knowledge_graph.h"

namespace kgbuild {

// The edge kind of the co-mention view.
inline constexpr std::string_view kCoMentionKind = "coMention";

// Writes the full `graph` to `sink` as GraphML. Returns false as soon as a
// write fails; the sink's Commit then reports why. Does not commit.
bool WriteGraphMl(const Graph& graph, const IriOptions& options, ByteSink* sink);

// Writes `network`, built from `graph` by BuildCoMentionNetwork, to `sink`
// as GraphML. Returns false as soon as a write fails. Does not commit.
bool WriteCoMentionGraphMl(const Graph& graph, const CoMentionNetwork& network,
                           const IriOptions& options, ByteSink* sink);

}  // namespace kgbuild

#endif  // KGBUILD_EXPORT_GRAPHML_H_
