#include "graph/knowledge_graph.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "extract/extractor.h"
#include "extract/post_reader.h"
#include "tests/unit/test_vocabulary.h"

namespace kgbuild {
namespace {

class KnowledgeGraphTest : public ::testing::Test {
 protected:
  KnowledgeGraphTest() : vocabulary_(testing::MakeTestVocabulary()), extractor_(vocabulary_) {}

  void Add(KnowledgeGraph* graph, const std::string& path, const std::string& text) {
    const std::optional<Post> post = ReadPost(text, path, [](const Diagnostic& d) {
      ADD_FAILURE() << FormatDiagnostic(d);
    });
    ASSERT_TRUE(post);
    graph->AddPost(*post, extractor_.Extract(*post));
  }

  // "key label" of every node, in graph order.
  static std::vector<std::string> Nodes(const KnowledgeGraph& graph) {
    std::vector<std::string> nodes;
    for (const Vertex v : boost::make_iterator_range(boost::vertices(graph.graph()))) {
      nodes.push_back(graph.graph()[v].key + " " + graph.graph()[v].label);
    }
    return nodes;
  }

  static std::vector<std::string> Edges(const KnowledgeGraph& graph) {
    std::vector<std::string> edges;
    const Graph& g = graph.graph();
    for (const Edge e : boost::make_iterator_range(boost::edges(g))) {
      edges.push_back(g[boost::source(e, g)].key + " " + EdgeKindName(g[e].kind) + " " +
                      g[boost::target(e, g)].key);
    }
    return edges;
  }

  Vocabulary vocabulary_;
  Extractor extractor_;
};

TEST_F(KnowledgeGraphTest, OnePaperNodePerArxivIdAcrossPosts) {
  KnowledgeGraph graph(vocabulary_);
  Add(&graph, "a.md", "# [Paper](https://arxiv.org/abs/2509.00001)\n\nUses MNIST.\n");
  Add(&graph, "b.md", "## [Paper again](https://arxiv.org/abs/2509.00001v2)\n\nUses CIFAR-10.\n");
  graph.Finish();

  int papers = 0;
  for (const Vertex v : boost::make_iterator_range(boost::vertices(graph.graph()))) {
    papers += graph.graph()[v].kind == NodeKind::kPaper;
  }
  EXPECT_EQ(papers, 1);
  const auto edges = Edges(graph);
  EXPECT_NE(std::find(edges.begin(), edges.end(), "post:a.md hasPart paper:2509.00001"), edges.end());
  EXPECT_NE(std::find(edges.begin(), edges.end(), "post:b.md hasPart paper:2509.00001"), edges.end());
}

TEST_F(KnowledgeGraphTest, MergesSpellingsButNotDistinctThings) {
  KnowledgeGraph graph(vocabulary_);
  Add(&graph, "a.md",
      "# [P](https://arxiv.org/abs/2509.00001)\n\nGPT2와 GPT-2, GPT-3, CIFAR-10, CIFAR100, CIFAR-100, "
      "Qwen2.5-7B, Qwen2.5-72B를 비교한다.\n");
  graph.Finish();
  const std::vector<std::string> listed = Nodes(graph);
  const std::set<std::string> nodes(listed.begin(), listed.end());
  for (const char* expected :
       {"entity:gpt2 GPT-2", "entity:gpt3 GPT-3", "entity:cifar10 CIFAR-10", "entity:cifar100 CIFAR-100",
        "entity:qwen257b Qwen2.5-7B", "entity:qwen2572b Qwen2.5-72B", "entity:qwen25 Qwen2.5"}) {
    EXPECT_EQ(nodes.count(expected), 1u) << expected;
  }
  const auto edges = Edges(graph);
  EXPECT_NE(std::find(edges.begin(), edges.end(), "entity:qwen257b variantOf entity:qwen25"), edges.end());
  EXPECT_NE(std::find(edges.begin(), edges.end(), "entity:qwen2572b variantOf entity:qwen25"), edges.end());
}

TEST_F(KnowledgeGraphTest, LinksVocabularyVariantToFamily) {
  KnowledgeGraph graph(vocabulary_);
  Add(&graph, "a.md", "# [P](https://arxiv.org/abs/2509.00001)\n\nQwen2.5-Coder-7B 모델에서 실험.\n");
  graph.Finish();
  const auto edges = Edges(graph);
  EXPECT_NE(std::find(edges.begin(), edges.end(), "entity:qwen25coder7b variantOf entity:qwen25coder"),
            edges.end());
  const std::optional<Vertex> variant = graph.FindNode("entity:qwen25coder7b");
  ASSERT_TRUE(variant);
  EXPECT_EQ(graph.graph()[*variant].parameters, "7B");
}

TEST_F(KnowledgeGraphTest, OrderOfPostsDoesNotChangeTheGraph) {
  const std::string a = "# [One: Two](https://arxiv.org/abs/2509.00001)\n\nMNIST(91.0% vs 90.0%) 정확도.\n";
  const std::string b = "# [Other](https://arxiv.org/abs/2509.00002)\n\nFooNet 모델은 MNIST를 쓴다.\n";
  KnowledgeGraph forward(vocabulary_);
  Add(&forward, "a.md", a);
  Add(&forward, "b.md", b);
  forward.Finish();
  KnowledgeGraph backward(vocabulary_);
  Add(&backward, "b.md", b);
  Add(&backward, "a.md", a);
  backward.Finish();
  EXPECT_EQ(Nodes(forward), Nodes(backward));
  EXPECT_EQ(Edges(forward), Edges(backward));
}

TEST_F(KnowledgeGraphTest, SecondThreadGivesSameGraph) {
  const std::string a = "# [One: Two](https://arxiv.org/abs/2509.00001)\n\nMNIST(91.0% vs 90.0%) 정확도.\n";
  const std::string b = "# [Other](https://arxiv.org/abs/2509.00002)\n\nFooNet 모델은 MNIST를 쓴다.\n";
  KnowledgeGraph one_thread(vocabulary_);
  Add(&one_thread, "a.md", a);
  Add(&one_thread, "b.md", b);
  one_thread.Finish(1);
  KnowledgeGraph two_threads(vocabulary_);
  Add(&two_threads, "a.md", a);
  Add(&two_threads, "b.md", b);
  two_threads.Finish(2);

  EXPECT_EQ(Nodes(one_thread), Nodes(two_threads));
  EXPECT_EQ(Edges(one_thread), Edges(two_threads));
  EXPECT_FALSE(Edges(two_threads).empty());
}

TEST_F(KnowledgeGraphTest, EdgesCarryProvenance) {
  KnowledgeGraph graph(vocabulary_);
  Add(&graph, "dir/a.md", "# [P](https://arxiv.org/abs/2509.00001)\n\n## Results\nMNIST 결과.\n\nMNIST again.\n");
  graph.Finish();
  const Graph& g = graph.graph();
  for (const Edge e : boost::make_iterator_range(boost::edges(g))) {
    if (g[e].kind != EdgeKind::kMentions) continue;
    ASSERT_EQ(g[e].provenance.size(), 2u);
    EXPECT_EQ(g[e].provenance[0].file, "dir/a.md");
    EXPECT_EQ(g[e].provenance[0].section, "results");
    EXPECT_EQ(g[e].provenance[0].line, 4u);
    EXPECT_EQ(g[e].provenance[1].line, 6u);
    EXPECT_EQ(g[e].weight, 2.0);
  }
}

}  // namespace
}  // namespace kgbuild
