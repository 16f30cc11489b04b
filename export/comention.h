// The entity co-mention network: entities linked when papers mention both,
// the view that graph.comention.graphml and graph.gexf write.
//
// Its nodes are the entities that at least one paper mentions (a
// schema:mentions edge), in the graph's order; entities that only results
// refer to are left out. Two nodes are linked when at least one paper
// mentions both; the link's weight is the number of such papers. Dates come
// from the posts' front matter: a paper's date is the earliest date of the
// posts that hold it, a node's first date the earliest date of the papers
// that mention it, and a link's first date the earliest date of the papers
// that mention both. Only dates that StartsWithXsdDate (export/rdf.h)
// accepts count, cut to YYYY-MM-DD; with none, the first date is "".
//
// The function is pure and safe to call from any thread on a finished
// graph. It decides nothing about what is in the graph.
#ifndef KGBUILD_EXPORT_COMENTION_H_
#define KGBUILD_EXPORT_COMENTION_H_

#include <cstddef>
#include <string>
#include <vector>

#include "graph/knowledge_graph.h"

namespace kgbuild {

struct CoMentionNetwork {
  struct Node {
    Vertex entity = 0;       // the entity's vertex in the graph
    int papers = 0;          // papers that mention it
    std::string first_date;  // YYYY-MM-DD, or "" when undated
  };
  struct Link {
    size_t first = 0;   // index into nodes; first < second
    size_t second = 0;  // index into nodes
    int papers = 0;     // papers that mention both: the link's weight
    std::string first_date;  // YYYY-MM-DD, or "" when undated
  };

  std::vector<Node> nodes;  // in the graph's vertex order
  std::vector<Link> links;  // sorted by (first, second)
};

// Returns the co-mention network of `graph` by the rules above.
CoMentionNetwork BuildCoMentionNetwork(const Graph& graph);

}  // namespace kgbuild

#endif  // KGBUILD_EXPORT_COMENTION_H_
