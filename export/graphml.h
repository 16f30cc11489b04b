// The GraphML writer: the knowledge graph for Gephi, NetworkX and other
// graph tools, with labels, types and weights as declared attributes.
//
// Each node's id is its IRI (export/iri.h), so it matches the RDF exports
// and is never empty. Node attributes, all strings:
//   label  the node's label, or when that is empty its path, arXiv id, key
//          or IRI, so graph tools always have one
//   type   the entity type name for an entity, else "Post", "Paper" or
//          "Result"
//   iri, and where set date (posts), value and unit (results).
// Edge attributes: kind (EdgeKindName's words: "hasPart", "mentions", ...)
// and weight (double).
// Nodes and edges follow the graph's own order, so a finished graph always
// gives the same bytes.
//
// Escaping, in text and attribute values alike: `&` `<` `>` `"` `'` as
// &amp; &lt; &gt; &quot; &apos;, and tab, newline and carriage return as
// &#9; &#10; &#13; so that parsers do not normalise them away. Characters
// that XML 1.0 cannot carry (other U+0000-U+001F, U+FFFE, U+FFFF) and bytes
// that are not valid UTF-8 are replaced by U+FFFD, written like U+FFFD
// itself as the reference &#xFFFD;.
//
// The writer does not open files and does not print. It is safe to call
// from several threads on a finished graph with separate sinks.
#ifndef KGBUILD_EXPORT_GRAPHML_H_
#define KGBUILD_EXPORT_GRAPHML_H_

#include <string>
#include <string_view>

#include "export/iri.h"
#include "export/output.h"
#include "graph/knowledge_graph.h"

namespace kgbuild {

// Writes `graph` to `sink` as GraphML. Returns false as soon as a write
// fails; the sink's Commit then reports why. Does not commit.
bool WriteGraphMl(const Graph& graph, const IriOptions& options, ByteSink* sink);

// Appends `text` escaped for XML 1.0 text or a double-quoted attribute
// value, by the rules above.
void AppendXmlEscaped(std::string_view text, std::string* out);

}  // namespace kgbuild

#endif  // KGBUILD_EXPORT_GRAPHML_H_
