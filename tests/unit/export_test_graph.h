// Helpers for the export tests: build a Graph node by node, the way the
// knowledge graph would after Finish(), without going through extraction.
#ifndef KGBUILD_TESTS_UNIT_EXPORT_TEST_GRAPH_H_
#define KGBUILD_TESTS_UNIT_EXPORT_TEST_GRAPH_H_

#include <string>
#include <utility>
#include <vector>

#include "graph/knowledge_graph.h"

namespace kgbuild::testing {

inline Vertex AddPostNode(Graph* graph, const std::string& path,
                          const std::string& title, const std::string& date,
                          std::vector<std::string> tags = {}) {
  NodeProperties node;
  node.kind = NodeKind::kPost;
  node.key = "post:" + path;
  node.path = path;
  node.label = title;
  node.date = date;
  node.tags = std::move(tags);
  return boost::add_vertex(node, *graph);
}

inline Vertex AddPaperNode(Graph* graph, const std::string& arxiv_id,
                           const std::string& title, const std::string& url = "") {
  NodeProperties node;
  node.kind = NodeKind::kPaper;
  node.key = arxiv_id.empty() ? "paper-title:" + title : "paper:" + arxiv_id;
  node.arxiv_id = arxiv_id;
  node.label = title;
  node.url = url;
  return boost::add_vertex(node, *graph);
}

inline Vertex AddEntityNode(Graph* graph, EntityType type, const std::string& name,
                            std::vector<std::string> aliases = {},
                            const std::string& parameters = "") {
  NodeProperties node;
  node.kind = NodeKind::kEntity;
  node.key = "entity:" + name;
  node.entity_type = type;
  node.label = name;
  node.aliases = std::move(aliases);
  node.parameters = parameters;
  return boost::add_vertex(node, *graph);
}

inline Vertex AddResultNode(Graph* graph, const std::string& id,
                            const std::string& label, const std::string& value,
                            const std::string& unit = "") {
  NodeProperties node;
  node.kind = NodeKind::kResult;
  node.key = "result:" + id;
  node.label = label;
  node.value = value;
  node.unit = unit;
  return boost::add_vertex(node, *graph);
}

inline Edge AddEdgeOfKind(Graph* graph, Vertex from, Vertex to, EdgeKind kind,
                          std::vector<Provenance> provenance = {},
                          double weight = 1.0) {
  EdgeProperties edge;
  edge.kind = kind;
  edge.weight = weight;
  edge.provenance = std::move(provenance);
  return boost::add_edge(from, to, edge, *graph).first;
}

// A small graph that uses every node kind and edge kind: one post with one
// paper that mentions and proposes a model, mentions a dataset with a
// Korean alias, and reports one accuracy result.
inline Graph MakeSampleGraph() {
  Graph graph;
  const Vertex post = AddPostNode(&graph, "2025/09/digest.md", "Daily digest",
                                  "2025-09-18 08:15:00", {"ml", "digest"});
  const Vertex paper = AddPaperNode(&graph, "2509.13353", "TinyNet: small nets",
                                    "https://arxiv.org/abs/2509.13353");
  const Vertex model = AddEntityNode(&graph, EntityType::kModel, "TinyNet", {}, "7B");
  const Vertex family = AddEntityNode(&graph, EntityType::kModel, "Net");
  const Vertex dataset =
      AddEntityNode(&graph, EntityType::kDataset, "MNIST", {"엠니스트"});
  const Vertex metric = AddEntityNode(&graph, EntityType::kMetric, "accuracy");
  const Vertex result =
      AddResultNode(&graph, "2509.13353/1", "99.38 % accuracy", "99.38", "%");

  AddEdgeOfKind(&graph, post, paper, EdgeKind::kHasPart);
  AddEdgeOfKind(&graph, paper, model, EdgeKind::kMentions,
                {{"2025/09/digest.md", "goal", 12}, {"2025/09/digest.md", "results", 15}},
                2.0);
  AddEdgeOfKind(&graph, paper, model, EdgeKind::kProposes,
                {{"2025/09/digest.md", "goal", 12}});
  AddEdgeOfKind(&graph, paper, dataset, EdgeKind::kMentions,
                {{"2025/09/digest.md", "results", 15}});
  AddEdgeOfKind(&graph, paper, result, EdgeKind::kReports,
                {{"2025/09/digest.md", "results", 15}});
  AddEdgeOfKind(&graph, result, metric, EdgeKind::kMetric);
  AddEdgeOfKind(&graph, result, dataset, EdgeKind::kDataset);
  AddEdgeOfKind(&graph, result, model, EdgeKind::kModel);
  AddEdgeOfKind(&graph, model, family, EdgeKind::kVariantOf);
  return graph;
}

}  // namespace kgbuild::testing

#endif  // KGBUILD_TESTS_UNIT_EXPORT_TEST_GRAPH_H_
