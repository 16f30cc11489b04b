#include "export/nquads.h"

#include <algorithm>
#include <set>
#include <string_view>

#include "export/ntriples.h"

namespace kgbuild {
namespace {

bool IsReifiedKind(EdgeKind kind) {
  return kind == EdgeKind::kMentions || kind == EdgeKind::kProposes ||
         kind == EdgeKind::kReports;
}

std::string PostIri(const std::string& path, const IriOptions& options) {
  NodeProperties post;
  post.kind = NodeKind::kPost;
  post.path = path;
  return NodeIri(post, options);
}

// The triples of one node that a post contributes when it has an edge at
// that node: NodeTriples without the merged aliases and parameters.
std::vector<Triple> SharedNodeTriples(const NodeProperties& node, const std::string& iri,
                                      const IriOptions& options) {
  const std::string alt_label = std::string(kSkosNamespace) + "altLabel";
  const std::string parameters = VocabularyNamespace(options) + "parameters";
  std::vector<Triple> triples = NodeTriples(node, iri, options);
  std::erase_if(triples, [&](const Triple& triple) {
    return triple.predicate == alt_label || triple.predicate == parameters;
  });
  return triples;
}

void AddStatement(const std::string& graph_iri, const Triple& edge_triple,
                  const Provenance& provenance, const IriOptions& options,
                  std::vector<Quad>* quads) {
  const std::string rdf(kRdfNamespace);
  const std::string kg = VocabularyNamespace(options);
  const std::string statement =
      StatementIri(edge_triple.subject, edge_triple.predicate, edge_triple.object,
                   provenance, options);
  auto add = [&](std::string predicate, ObjectKind kind, std::string object,
                 std::string datatype) {
    quads->push_back({graph_iri,
                      {statement, std::move(predicate), kind, std::move(object),
                       std::move(datatype), ""}});
  };

  add(rdf + "type", ObjectKind::kIri, rdf + "Statement", "");
  add(rdf + "subject", ObjectKind::kIri, edge_triple.subject, "");
  add(rdf + "predicate", ObjectKind::kIri, edge_triple.predicate, "");
  add(rdf + "object", ObjectKind::kIri, edge_triple.object, "");
  if (!provenance.section.empty()) {
    add(kg + "section", ObjectKind::kLiteral, provenance.section, "");
  }
  add(kg + "line", ObjectKind::kLiteral, std::to_string(provenance.line),
      std::string(kXsdNamespace) + "integer");
}

}  // namespace

std::vector<Quad> BuildQuads(const Graph& graph, const IriOptions& options) {
  std::vector<std::string> iris;
  std::vector<std::vector<Triple>> shared;
  iris.reserve(boost::num_vertices(graph));
  shared.reserve(boost::num_vertices(graph));
  for (Vertex v : boost::make_iterator_range(boost::vertices(graph))) {
    iris.push_back(NodeIri(graph[v], options));
    shared.push_back(SharedNodeTriples(graph[v], iris.back(), options));
  }

  // The named graphs: per edge, per post in its provenance. A node's own
  // triples go into each post's graph once, however many of its edges the
  // post contributed, which keeps the list (and memory) near its final size.
  std::vector<Quad> quads;
  std::set<std::pair<std::string, Vertex>> described;  // (post file, node)
  for (Edge e : boost::make_iterator_range(boost::edges(graph))) {
    const EdgeProperties& edge = graph[e];
    const Vertex source = boost::source(e, graph);
    const Vertex target = boost::target(e, graph);
    const Triple edge_triple{iris[source], EdgePredicateIri(edge.kind, options),
                             ObjectKind::kIri, iris[target], "", ""};

    std::set<std::string> files;
    for (const Provenance& provenance : edge.provenance) {
      const std::string graph_iri = PostIri(provenance.file, options);
      if (IsReifiedKind(edge.kind)) {
        AddStatement(graph_iri, edge_triple, provenance, options, &quads);
      }
      if (!files.insert(provenance.file).second) continue;

      quads.push_back({graph_iri, edge_triple});
      for (Vertex end : {source, target}) {
        if (!described.emplace(provenance.file, end).second) continue;
        for (const Triple& triple : shared[end]) quads.push_back({graph_iri, triple});
      }
    }
  }

  described.clear();
  std::sort(quads.begin(), quads.end());
  quads.erase(std::unique(quads.begin(), quads.end()), quads.end());

  // The default graph: what no post's graph holds. Named-graph triples are
  // looked up in a sorted copy, because a std::set of them costs several
  // times the memory.
  std::vector<Triple> in_named_graphs;
  in_named_graphs.reserve(quads.size());
  for (const Quad& quad : quads) in_named_graphs.push_back(quad.triple);
  std::sort(in_named_graphs.begin(), in_named_graphs.end());
  in_named_graphs.erase(std::unique(in_named_graphs.begin(), in_named_graphs.end()), in_named_graphs.end());
  const size_t named_count = quads.size();
  for (Triple& triple : BuildTriples(graph, options)) {
    if (!std::binary_search(in_named_graphs.begin(), in_named_graphs.end(), triple)) {
      quads.push_back({"", std::move(triple)});
    }
  }
  in_named_graphs = {};
  std::inplace_merge(quads.begin(), quads.begin() + static_cast<std::ptrdiff_t>(named_count), quads.end());
  return quads;
}

bool WriteNQuads(const std::vector<Quad>& quads, ByteSink* sink) {
  std::string line;
  for (const Quad& quad : quads) {
    line.clear();
    AppendNQuadsLine(quad.triple, quad.graph, &line);
    if (!sink->Write(line)) return false;
  }
  return true;
}

}  // namespace kgbuild
