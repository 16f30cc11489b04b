#include "graph/knowledge_graph.h"

#include <re2/re2.h>

#include <algorithm>
#include <future>
#include <tuple>
#include <unordered_map>

#include "vocab/text.h"

namespace kgbuild {

namespace {

std::string PaperKey(const Paper& paper) {
  if (!paper.arxiv_id.empty()) return "paper:" + paper.arxiv_id;
  return "paper-title:" + NameKey(paper.title);
}

std::string EntityKey(const std::string& name) { return "entity:" + NameKey(name); }

// The most frequent name, the smallest on a tie, so the choice does not
// depend on the order posts arrive in.
std::string MostFrequent(const std::map<std::string, int>& counts) {
  std::string best;
  int best_count = -1;
  for (const auto& [name, count] : counts) {
    if (count > best_count) {
      best = name;
      best_count = count;
    }
  }
  return best;
}

std::string ResultLabel(const Result& result) {
  std::string label = result.value;
  if (!result.unit.empty()) label += result.unit == "%" ? "%" : result.unit;
  if (!result.metric.empty()) label += " " + result.metric;
  if (!result.dataset.empty()) label += " on " + result.dataset;
  if (!result.model.empty()) label += " (" + result.model + ")";
  return label;
}

// Returns the index of `text` in `strings`, appending it when new. The deque
// keeps each string in place, so the views that `ids` is keyed by stay valid.
uint32_t Intern(const std::string& text, std::deque<std::string>* strings,
                std::unordered_map<std::string_view, uint32_t>* ids) {
  const auto found = ids->find(text);
  if (found != ids->end()) return found->second;
  const auto id = static_cast<uint32_t>(strings->size());
  ids->emplace(strings->emplace_back(text), id);
  return id;
}

}  // namespace

const char* NodeKindName(NodeKind kind) {
  switch (kind) {
    case NodeKind::kPost:
      return "Post";
    case NodeKind::kPaper:
      return "Paper";
    case NodeKind::kEntity:
      return "Entity";
    case NodeKind::kResult:
      return "Result";
  }
  return "Entity";
}

const char* EdgeKindName(EdgeKind kind) {
  switch (kind) {
    case EdgeKind::kHasPart:
      return "hasPart";
    case EdgeKind::kMentions:
      return "mentions";
    case EdgeKind::kProposes:
      return "proposes";
    case EdgeKind::kReports:
      return "reports";
    case EdgeKind::kMetric:
      return "metric";
    case EdgeKind::kDataset:
      return "dataset";
    case EdgeKind::kModel:
      return "model";
    case EdgeKind::kVariantOf:
      return "variantOf";
  }
  return "mentions";
}

std::string_view KnowledgeGraph::SectionName(uint8_t section) {
  return section == kNoSection ? "" : SectionKindName(static_cast<SectionKind>(section));
}

uint32_t KnowledgeGraph::KeyId(const std::string& key) { return Intern(key, &keys_, &key_ids_); }

uint32_t KnowledgeGraph::FileId(const std::string& path) { return Intern(path, &files_, &file_ids_); }

KnowledgeGraph::KnowledgeGraph(const Vocabulary& vocabulary) : vocabulary_(vocabulary) {}

void KnowledgeGraph::AddPost(const Post& post, const std::vector<PaperExtraction>& extractions) {
  const uint32_t file = FileId(post.path);
  const uint32_t post_id = KeyId("post:" + post.path);
  nodes_[post_id] = PostFacts{post.front_matter.title.empty() ? post.path : post.front_matter.title,
                              post.path, post.front_matter.date, post.front_matter.tags};

  for (size_t i = 0; i < post.papers.size() && i < extractions.size(); ++i) {
    const Paper& paper = post.papers[i];
    const PaperExtraction& extraction = extractions[i];
    const std::string paper_key = PaperKey(paper);
    const uint32_t paper_id = KeyId(paper_key);

    auto& paper_node = std::get<PaperFacts>(nodes_.try_emplace(paper_id, PaperFacts{}).first->second);
    paper_node.arxiv_id = paper.arxiv_id;
    // Two posts may title the same paper differently; keep the smallest
    // title so the choice does not depend on the order of posts.
    if (paper_node.label.empty() || (!paper.title.empty() && paper.title < paper_node.label)) {
      paper_node.label = paper.title;
    }
    if (paper_node.url.empty() || (!paper.url.empty() && paper.url < paper_node.url)) {
      paper_node.url = paper.url;
    }
    AddEdge(post_id, EdgeKind::kHasPart, paper_id, file, kNoSection, paper.line);

    for (const Mention& mention : extraction.mentions) {
      AddEntityFacts(mention);
      const uint32_t entity_id = KeyId(EntityKey(mention.name));
      const auto section = static_cast<uint8_t>(mention.section);
      AddEdge(paper_id, EdgeKind::kMentions, entity_id, file, section, mention.line);
      if (mention.proposed) {
        AddEdge(paper_id, EdgeKind::kProposes, entity_id, file, section, mention.line);
      }
    }

    for (const Result& result : extraction.results) {
      const std::string result_key = "result:" + paper_key.substr(paper_key.find(':') + 1) + "/" +
                                     NameKey(result.metric) + "/" + NameKey(result.dataset) + "/" +
                                     NameKey(result.model) + "/" + result.value + result.unit;
      const uint32_t result_id = KeyId(result_key);
      nodes_[result_id] = ResultFacts{ResultLabel(result), result.value, result.unit};

      const auto section = static_cast<uint8_t>(result.section);
      AddEdge(paper_id, EdgeKind::kReports, result_id, file, section, result.line);
      if (!result.metric.empty()) {
        AddEdge(result_id, EdgeKind::kMetric, EnsureEntityByName(result.metric, EntityType::kMetric),
                file, section, result.line);
      }
      if (!result.dataset.empty()) {
        AddEdge(result_id, EdgeKind::kDataset,
                EnsureEntityByName(result.dataset, EntityType::kDataset), file, section, result.line);
      }
      if (!result.model.empty()) {
        AddEdge(result_id, EdgeKind::kModel, EnsureEntityByName(result.model, EntityType::kModel),
                file, section, result.line);
      }
    }
  }
}

void KnowledgeGraph::AddEntityFacts(const Mention& mention) {
  EntityFacts& facts = entities_[EntityKey(mention.name)];
  if (mention.entry) facts.entry = mention.entry;
  ++facts.names[mention.name];
  for (const std::string& alias : mention.aliases) ++facts.aliases[alias];

  TypeVote& vote = facts.votes[static_cast<size_t>(mention.type)];
  vote.evidence = std::max(vote.evidence, mention.evidence);
  ++vote.count;
  if (!mention.parameters.empty() &&
      (facts.parameters.empty() || mention.parameters < facts.parameters)) {
    facts.parameters = mention.parameters;
  }
}

uint32_t KnowledgeGraph::EnsureEntityByName(const std::string& name, EntityType type) {
  const std::string key = EntityKey(name);
  if (entities_.count(key) == 0) {
    Mention mention;
    mention.name = name;
    mention.type = type;
    mention.entry = vocabulary_.FindIdByKey(NameKey(name));
    mention.evidence = mention.entry ? TypeEvidence::kVocabulary : TypeEvidence::kGuess;
    if (mention.entry) mention.type = vocabulary_.entries()[*mention.entry].type;
    AddEntityFacts(mention);
  }
  return KeyId(key);
}

void KnowledgeGraph::AddEdge(uint32_t source, EdgeKind kind, uint32_t target, uint32_t file,
                             uint8_t section, uint32_t line) {
  edges_.push_back({source, target, file, line, kind, section});
}

// Links each entity to its family: the vocabulary's `VARIANT OF`, or for a
// discovered sized name (`Qwen2.5-72B`) the name without its size when
// that is an entity too; the size becomes the variant's parameters.
void KnowledgeGraph::LinkVariants() {
  static const RE2 sized(R"(^(.+?)[-_ ](\d+(?:\.\d+)?[BbMmKkTt])(?:[-_ ].*)?$)");
  std::vector<std::pair<std::string, std::string>> links;
  for (auto& [key, facts] : entities_) {
    std::string family;
    if (facts.entry) {
      family = vocabulary_.entries()[*facts.entry].variant_of;
    }
    std::string base;
    std::string size;
    const std::string name = facts.entry ? vocabulary_.entries()[*facts.entry].name : MostFrequent(facts.names);
    if (RE2::FullMatch(name, sized, &base, &size)) {
      if (facts.parameters.empty()) facts.parameters = size;
      if (family.empty() && (entities_.count(EntityKey(base)) > 0 ||
                             vocabulary_.FindIdByKey(NameKey(base)).has_value())) {
        family = base;
      }
    }
    if (!family.empty() && EntityKey(family) != key) links.emplace_back(key, family);
  }
  for (const auto& [key, family] : links) {
    const std::optional<EntityId> entry = vocabulary_.FindIdByKey(NameKey(family));
    const std::string family_name = entry ? vocabulary_.entries()[*entry].name : family;
    const EntityType type =
        entry ? vocabulary_.entries()[*entry].type : EntityType::kModel;
    AddEdge(KeyId(key), EdgeKind::kVariantOf, EnsureEntityByName(family_name, type), kNoFile,
            kNoSection, 0);
  }
}

void KnowledgeGraph::MoveFactsInto(NodeFacts&& facts, NodeProperties* node) {
  if (auto* post = std::get_if<PostFacts>(&facts)) {
    node->kind = NodeKind::kPost;
    node->label = std::move(post->label);
    node->path = std::move(post->path);
    node->date = std::move(post->date);
    node->tags = std::move(post->tags);
  } else if (auto* paper = std::get_if<PaperFacts>(&facts)) {
    node->kind = NodeKind::kPaper;
    node->label = std::move(paper->label);
    node->arxiv_id = std::move(paper->arxiv_id);
    node->url = std::move(paper->url);
  } else if (auto* result = std::get_if<ResultFacts>(&facts)) {
    node->kind = NodeKind::kResult;
    node->label = std::move(result->label);
    node->value = std::move(result->value);
    node->unit = std::move(result->unit);
  }
}

void KnowledgeGraph::Finish(int threads) {
  if (finished_) return;
  finished_ = true;
  LinkVariants();
  const std::map<std::string, EntityType> types = ResolveTypes();

  // Sorting the edge records reads only the keys and files, so with a
  // second thread it runs while this one builds the vertices.
  std::future<void> edges_sorted;
  if (threads > 1) edges_sorted = std::async(std::launch::async, [this] { SortEdgeRecords(); });

  // Sizing the graph once and moving each node's strings in keeps one copy
  // of them alive, where add_vertex would copy them into a growing vector.
  std::vector<uint32_t> node_ids;
  node_ids.reserve(nodes_.size());
  for (const auto& [id, node] : nodes_) node_ids.push_back(id);
  std::sort(node_ids.begin(), node_ids.end(),
            [this](uint32_t a, uint32_t b) { return keys_[a] < keys_[b]; });
  graph_ = std::make_unique<Graph>(node_ids.size() + types.size());
  std::vector<Vertex> vertex_of_key(keys_.size(), boost::graph_traits<Graph>::null_vertex());
  Vertex next = 0;
  for (const uint32_t id : node_ids) {
    MoveFactsInto(std::move(nodes_.at(id)), &(*graph_)[next]);
    (*graph_)[next].key = keys_[id];
    vertex_of_key[id] = next++;
  }
  std::unordered_map<uint32_t, NodeFacts>().swap(nodes_);
  entity_begin_ = next;

  for (const auto& [key, type] : types) {
    const EntityFacts& facts = entities_.at(key);
    NodeProperties& node = (*graph_)[next];
    node.kind = NodeKind::kEntity;
    node.key = key;
    node.entity_type = type;

    std::map<std::string, int> aliases = facts.aliases;
    if (facts.entry) {
      const VocabularyEntry& entry = vocabulary_.entries()[*facts.entry];
      node.label = entry.name;
      for (const std::string& alias : entry.aliases) ++aliases[alias];
    } else {
      node.label = MostFrequent(facts.names);
    }
    for (const auto& [name, count] : facts.names) ++aliases[name];
    for (const auto& [alias, count] : aliases) {
      if (alias != node.label && !alias.empty()) node.aliases.push_back(alias);
    }
    node.parameters = facts.parameters;
    node.in_vocabulary = facts.entry.has_value();
    const auto id = key_ids_.find(key);
    if (id != key_ids_.end()) vertex_of_key[id->second] = next;
    ++next;
  }
  std::unordered_map<std::string, EntityFacts>().swap(entities_);

  if (edges_sorted.valid()) {
    edges_sorted.get();
  } else {
    SortEdgeRecords();
  }
  std::deque<std::string>().swap(keys_);
  std::unordered_map<std::string_view, uint32_t>().swap(key_ids_);
  AddEdgesToGraph(vertex_of_key);
  std::unordered_map<std::string_view, uint32_t>().swap(file_ids_);
}

// Sorts the records by source key, kind, target key, then file, line and
// section, as strings compare.
void KnowledgeGraph::SortEdgeRecords() {
  auto ranks = [](const auto& strings) {
    std::vector<uint32_t> order(strings.size());
    for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](uint32_t a, uint32_t b) { return strings[a] < strings[b]; });
    std::vector<uint32_t> rank(strings.size());
    for (uint32_t i = 0; i < order.size(); ++i) rank[order[i]] = i;
    return rank;
  };
  const std::vector<uint32_t> key_rank = ranks(keys_);
  std::vector<uint32_t> file_rank = ranks(files_);
  const auto file_rank_of = [&](uint32_t file) { return file == kNoFile ? kNoFile : file_rank[file]; };

  std::sort(edges_.begin(), edges_.end(), [&](const EdgeRecord& a, const EdgeRecord& b) {
    if (a.source != b.source) return key_rank[a.source] < key_rank[b.source];
    if (a.kind != b.kind) return a.kind < b.kind;
    if (a.target != b.target) return key_rank[a.target] < key_rank[b.target];
    if (a.file != b.file) return file_rank_of(a.file) < file_rank_of(b.file);
    if (a.line != b.line) return a.line < b.line;
    return SectionName(a.section) < SectionName(b.section);
  });
}

// Adds each run of sorted records with one source, kind and target as one
// edge whose provenance is the run. REQUIRES: SortEdgeRecords().
void KnowledgeGraph::AddEdgesToGraph(const std::vector<Vertex>& vertex_of_key) {

  // From here on a record names vertices. A record whose key has no node
  // is dropped, as no edge can hold it.
  const Vertex none = boost::graph_traits<Graph>::null_vertex();
  std::erase_if(edges_, [&](const EdgeRecord& record) {
    return vertex_of_key[record.source] == none || vertex_of_key[record.target] == none;
  });
  for (EdgeRecord& record : edges_) {
    record.source = static_cast<uint32_t>(vertex_of_key[record.source]);
    record.target = static_cast<uint32_t>(vertex_of_key[record.target]);
  }

  const auto same_edge = [](const EdgeRecord& a, const EdgeRecord& b) {
    return a.source == b.source && a.kind == b.kind && a.target == b.target;
  };
  std::vector<size_t> out_degree(boost::num_vertices(*graph_), 0);
  for (size_t i = 0; i < edges_.size(); ++i) {
    if (i == 0 || !same_edge(edges_[i - 1], edges_[i])) ++out_degree[edges_[i].source];
  }
  for (Vertex v = 0; v < out_degree.size(); ++v) graph_->out_edge_list(v).reserve(out_degree[v]);

  // Each run of records is erased once it is an edge, so the deque frees
  // its blocks as the graph grows.
  while (!edges_.empty()) {
    const EdgeRecord first = edges_.front();
    size_t end = 1;
    while (end < edges_.size() && same_edge(first, edges_[end])) ++end;
    EdgeProperties& properties = (*graph_)[boost::add_edge(first.source, first.target, *graph_).first];
    properties.kind = first.kind;
    if (first.file != kNoFile) properties.provenance.reserve(end);
    for (size_t i = 0; i < end; ++i) {
      const EdgeRecord& record = edges_[i];
      if (record.file == kNoFile) continue;
      properties.provenance.push_back({files_[record.file], SectionName(record.section), record.line});
    }
    properties.weight = properties.provenance.empty() ? 1.0 : static_cast<double>(properties.provenance.size());
    edges_.erase(edges_.begin(), edges_.begin() + static_cast<std::ptrdiff_t>(end));
  }
  std::deque<EdgeRecord>().swap(edges_);
}

// Each entity's type: the vocabulary's, else the type with the strongest
// evidence over all mentions (then the most mentions, then the first type).
// A name typed only by its shape takes the type of the longest typed name
// inside it (`HQKAN` of `QKAN`, `DINOv3` of `DINO`), because a name built
// on another usually names the same kind of thing.
std::map<std::string, EntityType> KnowledgeGraph::ResolveTypes() const {
  std::map<std::string, EntityType> types;
  std::unordered_map<std::string, EntityType> typed_names;  // NameKey -> type
  std::vector<std::string> guessed;
  for (const auto& [key, facts] : entities_) {
    EntityType type = EntityType::kModel;
    TypeEvidence evidence = TypeEvidence::kGuess;
    if (facts.entry) {
      type = vocabulary_.entries()[*facts.entry].type;
      evidence = TypeEvidence::kVocabulary;
    } else {
      int best = -1;
      for (int candidate = 0; candidate < kEntityTypeCount; ++candidate) {
        const TypeVote& vote = facts.votes[candidate];
        if (vote.count == 0) continue;
        const int score = static_cast<int>(vote.evidence) * 1000000 + vote.count;
        if (score > best) {
          best = score;
          type = static_cast<EntityType>(candidate);
          evidence = vote.evidence;
        }
      }
    }
    types[key] = type;
    const std::string name_key = key.substr(key.find(':') + 1);
    if (evidence == TypeEvidence::kGuess) {
      guessed.push_back(key);
    } else {
      typed_names.emplace(name_key, type);
    }
  }

  constexpr size_t kMinInnerName = 3;
  for (const std::string& key : guessed) {
    const std::string name_key = key.substr(key.find(':') + 1);
    bool found = false;
    for (size_t length = name_key.size() - 1; length >= kMinInnerName && !found && length < name_key.size();
         --length) {
      for (size_t start = 0; start + length <= name_key.size(); ++start) {
        const auto inner = typed_names.find(name_key.substr(start, length));
        if (inner == typed_names.end()) continue;
        types[key] = inner->second;
        found = true;
        break;
      }
    }
  }
  return types;
}

std::vector<KnowledgeGraph::Candidate> KnowledgeGraph::Candidates() const {
  std::vector<Candidate> candidates;
  std::map<Vertex, size_t> index_of;  // entity vertex -> position in `candidates`
  for (const Vertex vertex : boost::make_iterator_range(boost::vertices(*graph_))) {
    const NodeProperties& node = (*graph_)[vertex];
    if (node.kind != NodeKind::kEntity || node.in_vocabulary) continue;
    Candidate candidate;
    candidate.name = node.label;
    candidate.type = node.entity_type;
    index_of[vertex] = candidates.size();
    candidates.push_back(std::move(candidate));
  }

  for (const Edge edge : boost::make_iterator_range(boost::edges(*graph_))) {
    if ((*graph_)[edge].kind != EdgeKind::kMentions) continue;
    const auto found = index_of.find(boost::target(edge, *graph_));
    if (found == index_of.end()) continue;
    Candidate& candidate = candidates[found->second];
    candidate.mentions += static_cast<int>((*graph_)[edge].provenance.size());
    ++candidate.papers;
    const Provenance& first = (*graph_)[edge].provenance.front();
    if (candidate.example.file.empty() ||
        std::tie(first.file, first.line) < std::tie(candidate.example.file, candidate.example.line)) {
      candidate.example = first;
    }
  }

  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    if (a.mentions != b.mentions) return a.mentions > b.mentions;
    return a.name < b.name;
  });
  return candidates;
}

std::optional<Vertex> KnowledgeGraph::FindNode(const std::string& key) const {
  const size_t count = boost::num_vertices(*graph_);
  for (const auto& [begin, end] : {std::pair<size_t, size_t>{0, entity_begin_}, {entity_begin_, count}}) {
    size_t low = begin;
    size_t high = end;
    while (low < high) {
      const size_t middle = low + (high - low) / 2;
      if ((*graph_)[middle].key < key) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    if (low < end && (*graph_)[low].key == key) return low;
  }
  return std::nullopt;
}

}  // namespace kgbuild
