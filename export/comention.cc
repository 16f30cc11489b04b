#include "export/comention.h"

#include <algorithm>
#include <map>
#include <utility>

#include "export/rdf.h"

namespace kgbuild {
namespace {

// Lowers `*date` to `candidate` when `candidate` is a date and earlier, or
// `*date` is still "".
void KeepEarliest(const std::string& candidate, std::string* date) {
  if (candidate.empty()) return;
  if (date->empty() || candidate < *date) *date = candidate;
}

// Each paper's date: the earliest dated post that holds it, or "".
std::map<Vertex, std::string> PaperDates(const Graph& graph) {
  std::map<Vertex, std::string> dates;
  for (Edge e : boost::make_iterator_range(boost::edges(graph))) {
    if (graph[e].kind != EdgeKind::kHasPart) continue;
    const NodeProperties& post = graph[boost::source(e, graph)];
    std::string& date = dates[boost::target(e, graph)];
    if (StartsWithXsdDate(post.date)) KeepEarliest(post.date.substr(0, 10), &date);
  }
  return dates;
}

}  // namespace

CoMentionNetwork BuildCoMentionNetwork(const Graph& graph) {
  // The entities each paper mentions, as vertex sets in vertex order.
  std::map<Vertex, std::vector<Vertex>> mentioned;
  for (Edge e : boost::make_iterator_range(boost::edges(graph))) {
    if (graph[e].kind != EdgeKind::kMentions) continue;
    const Vertex entity = boost::target(e, graph);
    if (graph[entity].kind != NodeKind::kEntity) continue;
    mentioned[boost::source(e, graph)].push_back(entity);
  }
  for (auto& [paper, entities] : mentioned) {
    std::sort(entities.begin(), entities.end());
    entities.erase(std::unique(entities.begin(), entities.end()), entities.end());
  }

  const std::map<Vertex, std::string> paper_dates = PaperDates(graph);
  std::map<Vertex, CoMentionNetwork::Node> nodes;
  std::map<std::pair<Vertex, Vertex>, CoMentionNetwork::Link> links;
  for (const auto& [paper, entities] : mentioned) {
    const auto found = paper_dates.find(paper);
    const std::string date = found == paper_dates.end() ? "" : found->second;
    for (size_t i = 0; i < entities.size(); ++i) {
      CoMentionNetwork::Node& node = nodes[entities[i]];
      node.entity = entities[i];
      ++node.papers;
      KeepEarliest(date, &node.first_date);
      for (size_t j = i + 1; j < entities.size(); ++j) {
        CoMentionNetwork::Link& link = links[{entities[i], entities[j]}];
        ++link.papers;
        KeepEarliest(date, &link.first_date);
      }
    }
  }

  CoMentionNetwork network;
  std::map<Vertex, size_t> index;
  for (auto& [vertex, node] : nodes) {
    index[vertex] = network.nodes.size();
    network.nodes.push_back(std::move(node));
  }
  for (auto& [ends, link] : links) {
    link.first = index.at(ends.first);
    link.second = index.at(ends.second);
    network.links.push_back(std::move(link));
  }
  return network;
}

}  // namespace kgbuild
