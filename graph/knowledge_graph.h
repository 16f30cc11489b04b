// The knowledge graph: posts, papers, entities and results as nodes of a
// Boost.Graph adjacency list, with bundled properties.
//
// Invariants, kept by KnowledgeGraph and relied on by every exporter:
//   - one node per post (key "post:" + relative path), one per paper (key
//     "paper:" + arXiv id, or "paper-title:" + NameKey(title) when it has
//     none), one per canonical entity across all posts (key "entity:" +
//     NameKey(canonical name)), one per result;
//   - every mentions / proposes / reports edge carries its provenance: the
//     post file, the section and the line;
//   - after Finish(), nodes and edges are in a canonical order that depends
//     only on the posts' content and relative paths, never on the order in
//     which posts were added, so exports are byte-identical run to run.
//
// The graph does not parse Markdown and does not write any format. It is not
// safe to modify from several threads; a finished graph may be read from
// many.
#ifndef KGBUILD_GRAPH_KNOWLEDGE_GRAPH_H_
#define KGBUILD_GRAPH_KNOWLEDGE_GRAPH_H_

#include <boost/graph/adjacency_list.hpp>

#include <array>
#include <compare>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include "extract/extraction.h"
#include "extract/post.h"
#include "vocab/vocabulary.h"

namespace kgbuild {

enum class NodeKind : uint8_t { kPost, kPaper, kEntity, kResult };

// "Post", "Paper", "Entity", "Result".
const char* NodeKindName(NodeKind kind);

struct NodeProperties {
  NodeKind kind = NodeKind::kEntity;
  std::string key;    // unique in the graph; see the invariants above
  std::string label;  // post title, paper title, entity canonical name, or
                      // a result's text such as "99.38 % accuracy"

  // Entities.
  EntityType entity_type = EntityType::kModel;
  std::vector<std::string> aliases;  // sorted, unique, without `label`
  std::string parameters;            // model size as written: "7B", "350M"
  bool in_vocabulary = false;        // false for names found by discovery

  // Posts and papers.
  std::string path;      // post: relative path with '/' separators
  std::string date;      // post: front matter date as written
  std::vector<std::string> tags;  // post
  std::string arxiv_id;  // paper: bare identifier or ""
  std::string url;       // paper: the link its heading carries

  // Results.
  std::string value;  // decimal as written, e.g. "99.38"
  std::string unit;   // "%", "x" or ""
};

enum class EdgeKind : uint8_t {
  kHasPart,    // post -> paper
  kMentions,   // paper -> entity
  kProposes,   // paper -> entity it introduces (also has a kMentions edge)
  kReports,    // paper -> result
  kMetric,     // result -> metric entity
  kDataset,    // result -> dataset entity
  kModel,      // result -> model or method entity
  kVariantOf,  // entity -> family entity
};

// "hasPart", "mentions", "proposes", "reports", "metric", "dataset",
// "model", "variantOf".
const char* EdgeKindName(EdgeKind kind);

// `file` views a path that the KnowledgeGraph owns, and `section` a static
// name. A copy is valid only while its graph lives.
struct Provenance {
  std::string_view file;     // post path relative to the input root
  std::string_view section;  // SectionKindName of the section, or ""
  uint32_t line = 0;
};

struct EdgeProperties {
  EdgeKind kind = EdgeKind::kMentions;
  double weight = 1.0;                 // number of mentions behind the edge
  std::vector<Provenance> provenance;  // sorted, one per mention
};

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS,
                                    NodeProperties, EdgeProperties>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

class KnowledgeGraph {
 public:
  explicit KnowledgeGraph(const Vocabulary& vocabulary);
  // Not copyable: the Provenance of its edges views strings it owns.
  KnowledgeGraph(const KnowledgeGraph&) = delete;
  KnowledgeGraph& operator=(const KnowledgeGraph&) = delete;

  // Adds one post and what was extracted from it; `extractions[i]` belongs
  // to `post.papers[i]`. Posts may be added in any order.
  void AddPost(const Post& post, const std::vector<PaperExtraction>& extractions);

  // Resolves each entity's type from the evidence of all posts, links
  // variants to their families, and puts nodes and edges in canonical order.
  // Call once, after the last AddPost. With `threads` above 1, the edges are
  // sorted on a second thread; the result is the same for any `threads`.
  void Finish(int threads = 1);

  const Graph& graph() const { return *graph_; }

  // A name that discovery found and the vocabulary lacks, for curators.
  struct Candidate {
    std::string name;
    EntityType type = EntityType::kModel;
    int mentions = 0;  // over all papers and posts
    int papers = 0;
    Provenance example;  // the first mention, in file and line order
  };
  // The candidates, most mentioned first, then by name. REQUIRES: Finish().
  std::vector<Candidate> Candidates() const;
  std::optional<Vertex> FindNode(const std::string& key) const;

 private:
  // AddPost only gathers facts by node key. Finish() builds the Boost graph
  // from them in sorted key order, which makes the result independent of the
  // order of AddPost calls.
  struct TypeVote {
    TypeEvidence evidence = TypeEvidence::kGuess;
    int count = 0;
  };
  struct EntityFacts {
    std::optional<EntityId> entry;
    std::map<std::string, int> names;  // canonical-name candidates -> count
    std::map<std::string, int> aliases;
    std::array<TypeVote, kEntityTypeCount> votes{};
    std::string parameters;
  };
  // The facts AddPost gathers for a post, paper or result node: only the
  // fields of NodeProperties that its kind uses, about a third of the size.
  struct PostFacts {
    std::string label;
    std::string path;
    std::string date;
    std::vector<std::string> tags;
  };
  struct PaperFacts {
    std::string label;
    std::string arxiv_id;
    std::string url;
  };
  struct ResultFacts {
    std::string label;
    std::string value;
    std::string unit;
  };
  using NodeFacts = std::variant<PostFacts, PaperFacts, ResultFacts>;

  // One mention or link, until Finish() groups records of the same source,
  // kind and target into an edge. Keys and files are ids, to keep it small.
  struct EdgeRecord {
    uint32_t source = 0;  // key ids
    uint32_t target = 0;
    uint32_t file = 0;    // index in files_, or kNoFile for a link without provenance
    uint32_t line = 0;
    EdgeKind kind = EdgeKind::kMentions;
    uint8_t section = 0;  // a SectionKind, or kNoSection for ""
  };
  static constexpr uint32_t kNoFile = UINT32_MAX;
  static constexpr uint8_t kNoSection = UINT8_MAX;

  static void MoveFactsInto(NodeFacts&& facts, NodeProperties* node);
  uint32_t KeyId(const std::string& key);
  uint32_t FileId(const std::string& path);
  void AddEntityFacts(const Mention& mention);
  void AddEdge(uint32_t source, EdgeKind kind, uint32_t target, uint32_t file, uint8_t section,
               uint32_t line);
  uint32_t EnsureEntityByName(const std::string& name, EntityType type);
  void LinkVariants();
  std::map<std::string, EntityType> ResolveTypes() const;
  static std::string_view SectionName(uint8_t section);
  void SortEdgeRecords();
  void AddEdgesToGraph(const std::vector<Vertex>& vertex_of_key);

  const Vocabulary& vocabulary_;
  // Replaced, not swapped, when Finish() sizes it: Boost's swap copies.
  std::unique_ptr<Graph> graph_ = std::make_unique<Graph>();
  // Vertices [0, entity_begin_) are sorted by key, and so are the entities
  // after them, so FindNode searches both ranges.
  size_t entity_begin_ = 0;
  // Provenance::file views these, so they live as long as the graph; a
  // deque never moves its strings.
  std::deque<std::string> files_;
  // Released by Finish().
  std::unordered_map<std::string_view, uint32_t> file_ids_;
  std::deque<std::string> keys_;  // node keys by id
  std::unordered_map<std::string_view, uint32_t> key_ids_;
  std::unordered_map<uint32_t, NodeFacts> nodes_;  // posts, papers, results by key id
  std::unordered_map<std::string, EntityFacts> entities_;
  std::deque<EdgeRecord> edges_;  // grows without doubling, frees blocks as it empties
  bool finished_ = false;
};

}  // namespace kgbuild

#endif  // KGBUILD_GRAPH_KNOWLEDGE_GRAPH_H_
