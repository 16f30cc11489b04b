// The GEXF writer (graph.gexf): the entity co-mention network of
// export/comention.h as a GEXF 1.3 dynamic graph, so that Gephi's timeline
// shows the field growing post by post.
//
// The document has an XML declaration and
//   <gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz"
//         version="1.3">
//     <graph mode="dynamic" defaultedgetype="undirected" timeformat="date">
// Each node is an entity: id its IRI (export/iri.h), label DisplayLabel,
// start its first date, attribute values type, iri, papers (integer) and
// firstDate, and a viz:color by NodeColor (export/node_style.h). Each edge
// has id "e" and its index, source and target IRIs, weight the number of
// papers that mention both, start its first date and the attribute value
// firstDate. A node or edge without a first date has no start and no
// firstDate, so Gephi shows it for the whole timeline. firstDate repeats
// start as an attribute because some readers, graphology-gexf 0.13 among
// them, ignore start.
//
// Text is escaped by AppendXmlEscaped (export/xml_text.h); control
// characters other than tab, newline and carriage return become U+FFFD.
// The order is the network's, so a finished graph always gives the same
// bytes. The writer does not open files and does not print. It is safe to
// call from several threads on a finished graph with separate sinks.
#ifndef KGBUILD_EXPORT_GEXF_H_
#define KGBUILD_EXPORT_GEXF_H_

#include "export/comention.h"
#include "export/iri.h"
#include "export/output.h"
#include "graph/knowledge_graph.h"

namespace kgbuild {

// Writes `network`, built from `graph` by BuildCoMentionNetwork, to `sink`
// as GEXF 1.3. Returns false as soon as a write fails; the sink's Commit
// then reports why. Does not commit.
bool WriteGexf(const Graph& graph, const CoMentionNetwork& network,
               const IriOptions& options, ByteSink* sink);

}  // namespace kgbuild

#endif  // KGBUILD_EXPORT_GEXF_H_
