#include "export/comention.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <unordered_map>
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
  // (paper, entity) for each mention, sorted, so each paper's entities are
  // adjacent, unique and in vertex order.
  std::vector<std::pair<Vertex, Vertex>> mentions;
  for (Edge e : boost::make_iterator_range(boost::edges(graph))) {
    if (graph[e].kind != EdgeKind::kMentions) continue;
    const Vertex entity = boost::target(e, graph);
    if (graph[entity].kind != NodeKind::kEntity) continue;
    mentions.emplace_back(boost::source(e, graph), entity);
  }
  std::sort(mentions.begin(), mentions.end());
  mentions.erase(std::unique(mentions.begin(), mentions.end()), mentions.end());

  // Dates as ranks among the distinct dates, so the earliest date has the
  // least rank. kUndated is above every rank.
  const std::map<Vertex, std::string> paper_dates = PaperDates(graph);
  std::vector<std::string> dates;
  for (const auto& [paper, date] : paper_dates) {
    if (!date.empty()) dates.push_back(date);
  }
  std::sort(dates.begin(), dates.end());
  dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
  constexpr uint32_t kUndated = UINT32_MAX;
  const auto date_rank = [&](Vertex paper) {
    const auto found = paper_dates.find(paper);
    if (found == paper_dates.end() || found->second.empty()) return kUndated;
    return static_cast<uint32_t>(std::lower_bound(dates.begin(), dates.end(), found->second) -
                                 dates.begin());
  };

  // Counts and earliest dates, keyed by entity and by entity pair (two
  // 32-bit vertex numbers in one key). Hash maps keep memory in proportion
  // to distinct links, not to mentions.
  struct Tally {
    int papers = 0;
    uint32_t first_date = kUndated;
  };
  std::unordered_map<Vertex, Tally> node_tallies;
  std::unordered_map<uint64_t, Tally> link_tallies;
  for (size_t begin = 0; begin < mentions.size();) {
    const Vertex paper = mentions[begin].first;
    size_t end = begin;
    while (end < mentions.size() && mentions[end].first == paper) ++end;

    const uint32_t date = date_rank(paper);
    for (size_t i = begin; i < end; ++i) {
      Tally& node = node_tallies[mentions[i].second];
      ++node.papers;
      node.first_date = std::min(node.first_date, date);
      for (size_t j = i + 1; j < end; ++j) {
        Tally& link = link_tallies[(static_cast<uint64_t>(mentions[i].second) << 32) |
                                   static_cast<uint64_t>(mentions[j].second)];
        ++link.papers;
        link.first_date = std::min(link.first_date, date);
      }
    }
    begin = end;
  }
  const auto date_text = [&](uint32_t rank) { return rank == kUndated ? std::string() : dates[rank]; };

  CoMentionNetwork network;
  std::vector<std::pair<Vertex, Tally>> nodes(node_tallies.begin(), node_tallies.end());
  std::sort(nodes.begin(), nodes.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::unordered_map<Vertex, size_t> index;
  index.reserve(nodes.size());
  for (const auto& [vertex, tally] : nodes) {
    index[vertex] = network.nodes.size();
    network.nodes.push_back({vertex, tally.papers, date_text(tally.first_date)});
  }

  std::vector<std::pair<uint64_t, Tally>> links(link_tallies.begin(), link_tallies.end());
  link_tallies = {};
  std::sort(links.begin(), links.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  network.links.reserve(links.size());
  for (const auto& [ends, tally] : links) {
    network.links.push_back({index.at(static_cast<Vertex>(ends >> 32)),
                             index.at(static_cast<Vertex>(ends & 0xFFFFFFFFu)), tally.papers,
                             date_text(tally.first_date)});
  }
  return network;
}

}  // namespace kgbuild
