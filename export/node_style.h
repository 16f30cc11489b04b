// Internal to export/: how graph tools show a node, shared by the GraphML
// and GEXF writers so that both views colour and name types alike. Public
// headers: export/graphml.h, export/gexf.h.
#ifndef KGBUILD_EXPORT_NODE_STYLE_H_
#define KGBUILD_EXPORT_NODE_STYLE_H_

#include <cstdint>
#include <string_view>

#include "graph/knowledge_graph.h"

namespace kgbuild {

struct Rgb {
  uint8_t r = 0;
  uint8_t g = 0;
  uint8_t b = 0;
};

// The entity type name for an entity ("Model", ...), else "Post", "Paper"
// or "Result".
std::string_view NodeTypeName(const NodeProperties& node);

// Returns the text graph tools show as the node's label, never empty: the
// node's label, else its path, arXiv id, key, or `iri`.
std::string_view DisplayLabel(const NodeProperties& node, std::string_view iri);

// The node's colour by its type. The seven entity types take the seven
// colours other than black of Okabe and Ito's colour-blind safe palette;
// posts, papers and results are greys of different lightness.
Rgb NodeColor(const NodeProperties& node);

}  // namespace kgbuild

#endif  // KGBUILD_EXPORT_NODE_STYLE_H_
