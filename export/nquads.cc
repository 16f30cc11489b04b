#include "export/nquads.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <iterator>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "export/ntriples.h"
#include "export/triple_table.h"

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

// True when the default graph is exactly the node and edge triples that no
// post's graph holds. Then the streamed writer can pick them by where they
// come from, without a set difference over all quads. That needs unique
// node IRIs, one triple per edge, and no node IRI in the namespace of
// statement resources, which are the only subjects of reified triples.
bool DefaultGraphIsStructural(const Graph& graph, const std::vector<std::string>& iris,
                              const IriOptions& options) {
  const std::string statement_prefix = options.base + "id/statement/";
  std::vector<std::string_view> sorted_iris;
  sorted_iris.reserve(iris.size());
  for (const std::string& iri : iris) {
    if (iri.starts_with(statement_prefix)) return false;
    sorted_iris.push_back(iri);
  }
  std::sort(sorted_iris.begin(), sorted_iris.end());
  if (std::adjacent_find(sorted_iris.begin(), sorted_iris.end()) != sorted_iris.end()) {
    return false;
  }

  std::vector<std::tuple<Vertex, EdgeKind, Vertex>> edge_ends;
  edge_ends.reserve(boost::num_edges(graph));
  for (Edge e : boost::make_iterator_range(boost::edges(graph))) {
    edge_ends.emplace_back(boost::source(e, graph), graph[e].kind, boost::target(e, graph));
  }
  std::sort(edge_ends.begin(), edge_ends.end());
  return std::adjacent_find(edge_ends.begin(), edge_ends.end()) == edge_ends.end();
}

// The IRIs every reified statement uses, built once per export.
struct StatementTerms {
  explicit StatementTerms(const IriOptions& options)
      : type(std::string(kRdfNamespace) + "type"),
        statement(std::string(kRdfNamespace) + "Statement"),
        subject(std::string(kRdfNamespace) + "subject"),
        predicate(std::string(kRdfNamespace) + "predicate"),
        object(std::string(kRdfNamespace) + "object"),
        section(VocabularyNamespace(options) + "section"),
        line(VocabularyNamespace(options) + "line"),
        integer(std::string(kXsdNamespace) + "integer") {}

  std::string type, statement, subject, predicate, object, section, line, integer;
};

// Adds the reified statement of one provenance entry of the triple
// (subject, predicate, object) to `table`.
void AddStatement(std::string_view subject, std::string_view predicate, std::string_view object,
                  const Provenance& provenance, const IriOptions& options,
                  const StatementTerms& terms, TripleTable* table) {
  using Term = TripleTable::Term;
  const Term statement =
      table->Iri(StatementIri(subject, predicate, object, provenance, options));
  table->Add(statement, table->Iri(terms.type), table->Iri(terms.statement));
  table->Add(statement, table->Iri(terms.subject), table->Iri(subject));
  table->Add(statement, table->Iri(terms.predicate), table->Iri(predicate));
  table->Add(statement, table->Iri(terms.object), table->Iri(object));
  if (!provenance.section.empty()) {
    table->Add(statement, table->Iri(terms.section), table->Literal(provenance.section));
  }
  char line[16];
  const auto [end, error] = std::to_chars(std::begin(line), std::end(line), provenance.line);
  table->Add(statement, table->Iri(terms.line),
             table->Literal(std::string_view(line, static_cast<size_t>(end - line)), terms.integer));
}

// Returns the triples of AddStatement as values, for the list that
// BuildQuads sorts whole. `scratch` is cleared and reused between calls.
std::vector<Triple> StatementTriples(const Triple& edge_triple, const Provenance& provenance,
                                     const IriOptions& options, const StatementTerms& terms,
                                     TripleTable* scratch) {
  scratch->Clear();
  AddStatement(edge_triple.subject, edge_triple.predicate, edge_triple.object, provenance, options,
               terms, scratch);
  scratch->Finish();
  return scratch->ToTriples();
}

// Writes the finished `table` as quads in the graph `graph_term` (an
// N-Triples IRI, or "" for the default graph) through `*buffer`.
bool WriteTable(const TripleTable& table, std::string_view graph_term, std::string* buffer,
                ByteSink* sink) {
  buffer->clear();
  for (size_t i = 0; i < table.size(); ++i) {
    table.AppendLine(i, graph_term, buffer);
    if (buffer->size() >= kWriteBufferBytes) {
      if (!sink->Write(*buffer)) return false;
      buffer->clear();
    }
  }
  return sink->Write(*buffer);
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
  const StatementTerms statement_terms(options);
  TripleTable scratch;
  for (Edge e : boost::make_iterator_range(boost::edges(graph))) {
    const EdgeProperties& edge = graph[e];
    const Vertex source = boost::source(e, graph);
    const Vertex target = boost::target(e, graph);
    const Triple edge_triple{iris[source], EdgePredicateIri(edge.kind, options),
                             ObjectKind::kIri, iris[target], "", ""};

    std::set<std::string> files;
    for (const Provenance& provenance : edge.provenance) {
      const std::string graph_iri = PostIri(std::string(provenance.file), options);
      if (IsReifiedKind(edge.kind)) {
        for (Triple& triple : StatementTriples(edge_triple, provenance, options, statement_terms, &scratch)) {
          quads.push_back({graph_iri, std::move(triple)});
        }
      }
      if (!files.emplace(provenance.file).second) continue;

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

namespace kgbuild {

bool WriteGraphNQuads(const Graph& graph, const IriOptions& options, ByteSink* sink) {
  std::vector<std::string> iris;
  iris.reserve(boost::num_vertices(graph));
  for (Vertex v : boost::make_iterator_range(boost::vertices(graph))) {
    iris.push_back(NodeIri(graph[v], options));
  }
  if (!DefaultGraphIsStructural(graph, iris, options)) {
    return WriteNQuads(BuildQuads(graph, options), sink);
  }

  // Index the edges by post file, each edge once per file, and mark the
  // nodes that some post's graph describes.
  std::vector<bool> described(iris.size(), false);
  std::unordered_map<std::string_view, std::vector<Edge>> edges_by_file;
  for (Edge e : boost::make_iterator_range(boost::edges(graph))) {
    const std::vector<Provenance>& provenance = graph[e].provenance;
    if (provenance.empty()) continue;
    described[boost::source(e, graph)] = true;
    described[boost::target(e, graph)] = true;
    std::vector<std::string_view> files;
    for (const Provenance& entry : provenance) files.push_back(entry.file);
    std::sort(files.begin(), files.end());
    files.erase(std::unique(files.begin(), files.end()), files.end());
    for (std::string_view file : files) edges_by_file[file].push_back(e);
  }

  // The default graph: node triples of nodes that no post describes, the
  // merged aliases and parameters of those that are, and edges without
  // provenance.
  // Indexed by EdgeKind, whose last value is kVariantOf.
  std::array<std::string, static_cast<size_t>(EdgeKind::kVariantOf) + 1> predicates;
  for (size_t kind = 0; kind < predicates.size(); ++kind) {
    predicates[kind] = EdgePredicateIri(static_cast<EdgeKind>(kind), options);
  }
  TripleTable table;
  std::string buffer;
  for (Vertex v : boost::make_iterator_range(boost::vertices(graph))) {
    AddNodeTriples(graph[v], iris[v], described[v] ? NodeFacts::kMerged : NodeFacts::kAll, options,
                   &table);
  }
  for (Edge e : boost::make_iterator_range(boost::edges(graph))) {
    if (!graph[e].provenance.empty()) continue;
    table.Add(table.Iri(iris[boost::source(e, graph)]),
              table.Iri(predicates[static_cast<size_t>(graph[e].kind)]),
              table.Iri(iris[boost::target(e, graph)]));
  }
  table.Finish();
  if (!WriteTable(table, "", &buffer, sink)) return false;

  // The named graphs in IRI order, one at a time.
  std::vector<std::pair<std::string, std::string_view>> posts;  // (graph IRI, file)
  posts.reserve(edges_by_file.size());
  for (const auto& [file, edges] : edges_by_file) {
    posts.emplace_back(PostIri(std::string(file), options), file);
  }
  std::sort(posts.begin(), posts.end());

  const StatementTerms statement_terms(options);
  std::vector<Vertex> ends;
  std::string graph_term;
  for (const auto& [graph_iri, file] : posts) {
    table.Clear();
    ends.clear();
    for (Edge e : edges_by_file[file]) {
      const EdgeProperties& edge = graph[e];
      const Vertex source = boost::source(e, graph);
      const Vertex target = boost::target(e, graph);
      const std::string& predicate = predicates[static_cast<size_t>(edge.kind)];
      if (IsReifiedKind(edge.kind)) {
        for (const Provenance& provenance : edge.provenance) {
          if (provenance.file != file) continue;
          AddStatement(iris[source], predicate, iris[target], provenance, options, statement_terms,
                       &table);
        }
      }
      table.Add(table.Iri(iris[source]), table.Iri(predicate), table.Iri(iris[target]));
      ends.push_back(source);
      ends.push_back(target);
    }

    std::sort(ends.begin(), ends.end());
    ends.erase(std::unique(ends.begin(), ends.end()), ends.end());
    for (Vertex end : ends) AddNodeTriples(graph[end], iris[end], NodeFacts::kPerPost, options, &table);
    table.Finish();
    graph_term.clear();
    AppendNTriplesIri(graph_iri, &graph_term);
    if (!WriteTable(table, graph_term, &buffer, sink)) return false;
  }
  return true;
}

}  // namespace kgbuild
