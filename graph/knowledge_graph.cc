#include "graph/knowledge_graph.h"

#include <re2/re2.h>

#include <algorithm>
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

size_t KnowledgeGraph::EdgeKeyHash::operator()(const EdgeKey& key) const {
  const size_t source = std::hash<std::string>()(key.source);
  const size_t target = std::hash<std::string>()(key.target);
  return source ^ (target * 0x9E3779B97F4A7C15ull) ^ (static_cast<size_t>(key.kind) << 1);
}

KnowledgeGraph::KnowledgeGraph(const Vocabulary& vocabulary) : vocabulary_(vocabulary) {}

void KnowledgeGraph::AddPost(const Post& post, const std::vector<PaperExtraction>& extractions) {
  const std::string post_key = "post:" + post.path;
  NodeProperties& post_node = nodes_[post_key];
  post_node.kind = NodeKind::kPost;
  post_node.key = post_key;
  post_node.label = post.front_matter.title.empty() ? post.path : post.front_matter.title;
  post_node.path = post.path;
  post_node.date = post.front_matter.date;
  post_node.tags = post.front_matter.tags;

  for (size_t i = 0; i < post.papers.size() && i < extractions.size(); ++i) {
    const Paper& paper = post.papers[i];
    const PaperExtraction& extraction = extractions[i];
    const std::string paper_key = PaperKey(paper);

    NodeProperties& paper_node = nodes_[paper_key];
    paper_node.kind = NodeKind::kPaper;
    paper_node.key = paper_key;
    paper_node.arxiv_id = paper.arxiv_id;
    // Two posts may title the same paper differently; keep the smallest
    // title so the choice does not depend on the order of posts.
    if (paper_node.label.empty() || (!paper.title.empty() && paper.title < paper_node.label)) {
      paper_node.label = paper.title;
    }
    if (paper_node.url.empty() || (!paper.url.empty() && paper.url < paper_node.url)) {
      paper_node.url = paper.url;
    }
    AddEdge(post_key, EdgeKind::kHasPart, paper_key, {post.path, "", paper.line});

    for (const Mention& mention : extraction.mentions) {
      AddEntityFacts(mention);
      const std::string entity_key = EntityKey(mention.name);
      const Provenance provenance{post.path, SectionKindName(mention.section), mention.line};
      AddEdge(paper_key, EdgeKind::kMentions, entity_key, provenance);
      if (mention.proposed) AddEdge(paper_key, EdgeKind::kProposes, entity_key, provenance);
    }

    for (const Result& result : extraction.results) {
      const std::string result_key = "result:" + paper_key.substr(paper_key.find(':') + 1) + "/" +
                                     NameKey(result.metric) + "/" + NameKey(result.dataset) + "/" +
                                     NameKey(result.model) + "/" + result.value + result.unit;
      NodeProperties& result_node = nodes_[result_key];
      result_node.kind = NodeKind::kResult;
      result_node.key = result_key;
      result_node.label = ResultLabel(result);
      result_node.value = result.value;
      result_node.unit = result.unit;

      const Provenance provenance{post.path, SectionKindName(result.section), result.line};
      AddEdge(paper_key, EdgeKind::kReports, result_key, provenance);
      if (!result.metric.empty()) {
        AddEdge(result_key, EdgeKind::kMetric, EnsureEntityByName(result.metric, EntityType::kMetric),
                provenance);
      }
      if (!result.dataset.empty()) {
        AddEdge(result_key, EdgeKind::kDataset,
                EnsureEntityByName(result.dataset, EntityType::kDataset), provenance);
      }
      if (!result.model.empty()) {
        AddEdge(result_key, EdgeKind::kModel, EnsureEntityByName(result.model, EntityType::kModel),
                provenance);
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

std::string KnowledgeGraph::EnsureEntityByName(const std::string& name, EntityType type) {
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
  return key;
}

void KnowledgeGraph::AddEdge(const std::string& source, EdgeKind kind, const std::string& target,
                             const Provenance& provenance) {
  edges_[{source, kind, target}].push_back(provenance);
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
    edges_[{key, EdgeKind::kVariantOf, EnsureEntityByName(family_name, type)}];
  }
}

void KnowledgeGraph::Finish() {
  if (finished_) return;
  finished_ = true;
  LinkVariants();

  std::vector<const std::string*> node_keys;
  node_keys.reserve(nodes_.size());
  for (const auto& [key, node] : nodes_) node_keys.push_back(&key);
  std::sort(node_keys.begin(), node_keys.end(),
            [](const std::string* a, const std::string* b) { return *a < *b; });
  for (const std::string* key : node_keys) index_[*key] = boost::add_vertex(nodes_.at(*key), graph_);

  const std::map<std::string, EntityType> types = ResolveTypes();
  for (const auto& [key, type] : types) {
    const EntityFacts& facts = entities_.at(key);
    NodeProperties node;
    node.kind = NodeKind::kEntity;
    node.key = key;
    node.entity_type = types.at(key);

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
    index_[key] = boost::add_vertex(node, graph_);
  }

  std::vector<std::pair<const EdgeKey*, std::vector<Provenance>*>> edges;
  edges.reserve(edges_.size());
  for (auto& [edge_key, provenance] : edges_) edges.emplace_back(&edge_key, &provenance);
  std::sort(edges.begin(), edges.end(), [](const auto& a, const auto& b) { return *a.first < *b.first; });
  for (auto& [edge_key_pointer, provenance_pointer] : edges) {
    const EdgeKey& edge_key = *edge_key_pointer;
    std::vector<Provenance>& provenance = *provenance_pointer;
    const auto source = index_.find(edge_key.source);
    const auto target = index_.find(edge_key.target);
    if (source == index_.end() || target == index_.end()) continue;
    std::sort(provenance.begin(), provenance.end(), [](const Provenance& a, const Provenance& b) {
      return std::tie(a.file, a.line, a.section) < std::tie(b.file, b.line, b.section);
    });
    EdgeProperties properties;
    properties.kind = edge_key.kind;
    properties.weight = provenance.empty() ? 1.0 : static_cast<double>(provenance.size());
    properties.provenance = provenance;
    boost::add_edge(source->second, target->second, properties, graph_);
  }
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
  for (const Vertex vertex : boost::make_iterator_range(boost::vertices(graph_))) {
    const NodeProperties& node = graph_[vertex];
    if (node.kind != NodeKind::kEntity || node.in_vocabulary) continue;
    Candidate candidate;
    candidate.name = node.label;
    candidate.type = node.entity_type;
    index_of[vertex] = candidates.size();
    candidates.push_back(std::move(candidate));
  }

  for (const Edge edge : boost::make_iterator_range(boost::edges(graph_))) {
    if (graph_[edge].kind != EdgeKind::kMentions) continue;
    const auto found = index_of.find(boost::target(edge, graph_));
    if (found == index_of.end()) continue;
    Candidate& candidate = candidates[found->second];
    candidate.mentions += static_cast<int>(graph_[edge].provenance.size());
    ++candidate.papers;
    const Provenance& first = graph_[edge].provenance.front();
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
  const auto found = index_.find(key);
  if (found == index_.end()) return std::nullopt;
  return found->second;
}

}  // namespace kgbuild
