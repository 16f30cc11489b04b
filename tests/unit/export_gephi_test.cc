// Tests of the Gephi views: the co-mention network, its GraphML and GEXF.
#include <gtest/gtest.h>

#include <string>

#include "export/comention.h"
#include "export/gexf.h"
#include "export/graphml.h"
#include "export/output.h"
#include "tests/unit/export_test_graph.h"

namespace kgbuild {
namespace {

using testing::AddEdgeOfKind;
using testing::AddEntityNode;
using testing::AddPaperNode;
using testing::AddPostNode;

// Posts of 2026-01-05 and 2026-01-10 and an undated one. Paper 1 mentions
// A and B, paper 2 mentions A, B and C, paper 3 (undated) C and D.
struct ThreePosts {
  Graph graph;
  Vertex a, b, c, d;
};

ThreePosts MakeThreePosts() {
  ThreePosts posts;
  Graph& graph = posts.graph;
  const Vertex early = AddPostNode(&graph, "early.md", "Early", "2026-01-05 08:00:00");
  const Vertex late = AddPostNode(&graph, "late.md", "Late", "2026-01-10");
  const Vertex undated = AddPostNode(&graph, "undated.md", "Undated", "");
  const Vertex paper1 = AddPaperNode(&graph, "2601.00001", "One");
  const Vertex paper2 = AddPaperNode(&graph, "2601.00002", "Two");
  const Vertex paper3 = AddPaperNode(&graph, "2601.00003", "Three");
  posts.a = AddEntityNode(&graph, EntityType::kModel, "A");
  posts.b = AddEntityNode(&graph, EntityType::kDataset, "B");
  posts.c = AddEntityNode(&graph, EntityType::kMetric, "C");
  posts.d = AddEntityNode(&graph, EntityType::kTask, "D");

  AddEdgeOfKind(&graph, early, paper1, EdgeKind::kHasPart);
  AddEdgeOfKind(&graph, late, paper2, EdgeKind::kHasPart);
  AddEdgeOfKind(&graph, undated, paper3, EdgeKind::kHasPart);
  for (Vertex entity : {posts.a, posts.b}) {
    AddEdgeOfKind(&graph, paper1, entity, EdgeKind::kMentions);
  }
  for (Vertex entity : {posts.a, posts.b, posts.c}) {
    AddEdgeOfKind(&graph, paper2, entity, EdgeKind::kMentions);
  }
  AddEdgeOfKind(&graph, paper2, posts.a, EdgeKind::kProposes);
  for (Vertex entity : {posts.c, posts.d}) {
    AddEdgeOfKind(&graph, paper3, entity, EdgeKind::kMentions);
  }
  return posts;
}

TEST(CoMentionTest, CountsPapersAndFirstDates) {
  const ThreePosts posts = MakeThreePosts();
  const CoMentionNetwork network = BuildCoMentionNetwork(posts.graph);

  ASSERT_EQ(network.nodes.size(), 4u);
  const Vertex expected_vertices[] = {posts.a, posts.b, posts.c, posts.d};
  const int expected_papers[] = {2, 2, 2, 1};
  const char* expected_dates[] = {"2026-01-05", "2026-01-05", "2026-01-10", ""};
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(network.nodes[i].entity, expected_vertices[i]) << i;
    EXPECT_EQ(network.nodes[i].papers, expected_papers[i]) << i;
    EXPECT_EQ(network.nodes[i].first_date, expected_dates[i]) << i;
  }

  struct ExpectedLink {
    size_t first, second;
    int papers;
    const char* first_date;
  };
  const ExpectedLink expected_links[] = {
      {0, 1, 2, "2026-01-05"},  // A-B in papers 1 and 2
      {0, 2, 1, "2026-01-10"},  // A-C in paper 2
      {1, 2, 1, "2026-01-10"},  // B-C in paper 2
      {2, 3, 1, ""},            // C-D in the undated paper 3
  };
  ASSERT_EQ(network.links.size(), 4u);
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(network.links[i].first, expected_links[i].first) << i;
    EXPECT_EQ(network.links[i].second, expected_links[i].second) << i;
    EXPECT_EQ(network.links[i].papers, expected_links[i].papers) << i;
    EXPECT_EQ(network.links[i].first_date, expected_links[i].first_date) << i;
  }
}

TEST(CoMentionTest, LeavesOutUnmentionedEntities) {
  Graph graph;
  AddEntityNode(&graph, EntityType::kMetric, "only in a result");

  EXPECT_TRUE(BuildCoMentionNetwork(graph).nodes.empty());
}

// One dated post whose paper mentions a model with a BEL in its name and a
// dataset.
Graph MakeBellGraph() {
  Graph graph;
  const Vertex post = AddPostNode(&graph, "p.md", "P", "2026-01-18");
  const Vertex paper = AddPaperNode(&graph, "2601.11101", "Ding");
  const Vertex model = AddEntityNode(&graph, EntityType::kModel, "Ding\aNet <&>");
  const Vertex dataset = AddEntityNode(&graph, EntityType::kDataset, "한글");
  AddEdgeOfKind(&graph, post, paper, EdgeKind::kHasPart);
  AddEdgeOfKind(&graph, paper, model, EdgeKind::kMentions);
  AddEdgeOfKind(&graph, paper, dataset, EdgeKind::kMentions);
  return graph;
}

TEST(GexfTest, WritesDatedCoMentionNetwork) {
  const Graph graph = MakeBellGraph();
  StringSink sink;
  ASSERT_TRUE(WriteGexf(graph, BuildCoMentionNetwork(graph), IriOptions{}, &sink));

  const std::string model = "https://w3id.org/kgbuild/id/model/Ding%07Net%20%3C%26%3E";
  const std::string dataset = "https://w3id.org/kgbuild/id/dataset/%ED%95%9C%EA%B8%80";
  const std::string text = sink.contents();
  EXPECT_EQ(text.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf xmlns=\"http://gexf.net/1.3\"", 0), 0u);
  EXPECT_NE(text.find("  <graph mode=\"dynamic\" defaultedgetype=\"undirected\" timeformat=\"date\">\n"),
            std::string::npos);
  EXPECT_NE(text.find("      <node id=\"" + model +
                      "\" label=\"Ding&#xFFFD;Net &lt;&amp;&gt;\" start=\"2026-01-18\">\n"
                      "        <attvalues>\n"
                      "          <attvalue for=\"type\" value=\"Model\"/>\n"
                      "          <attvalue for=\"iri\" value=\"" + model + "\"/>\n"
                      "          <attvalue for=\"papers\" value=\"1\"/>\n"
                      "          <attvalue for=\"firstDate\" value=\"2026-01-18\"/>\n"
                      "        </attvalues>\n"
                      "        <viz:color r=\"0\" g=\"114\" b=\"178\"/>\n"
                      "      </node>\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("      <edge id=\"e0\" source=\"" + model + "\" target=\"" + dataset +
                      "\" weight=\"1\" start=\"2026-01-18\">\n"
                      "        <attvalues>\n"
                      "          <attvalue for=\"firstDate\" value=\"2026-01-18\"/>\n"
                      "        </attvalues>\n"
                      "      </edge>\n"),
            std::string::npos)
      << text;
  EXPECT_TRUE(text.ends_with("    </edges>\n  </graph>\n</gexf>\n"));
}

TEST(GexfTest, UndatedNodeHasNoStart) {
  const ThreePosts posts = MakeThreePosts();
  StringSink sink;
  ASSERT_TRUE(WriteGexf(posts.graph, BuildCoMentionNetwork(posts.graph), IriOptions{}, &sink));

  EXPECT_NE(sink.contents().find("<node id=\"https://w3id.org/kgbuild/id/task/D\" label=\"D\">\n"),
            std::string::npos)
      << sink.contents();
  EXPECT_NE(sink.contents().find("target=\"https://w3id.org/kgbuild/id/task/D\" weight=\"1\"/>\n"),
            std::string::npos)
      << sink.contents();
}

TEST(CoMentionGraphMlTest, WritesUndirectedWeightedEdges) {
  const ThreePosts posts = MakeThreePosts();
  StringSink sink;
  ASSERT_TRUE(WriteCoMentionGraphMl(posts.graph, BuildCoMentionNetwork(posts.graph),
                                    IriOptions{}, &sink));

  const std::string text = sink.contents();
  EXPECT_NE(text.find("  <graph id=\"comention\" edgedefault=\"undirected\">\n"), std::string::npos);
  EXPECT_NE(text.find("  <key id=\"papers\" for=\"node\" attr.name=\"papers\" attr.type=\"int\"/>\n"),
            std::string::npos);
  EXPECT_NE(text.find("    <edge id=\"e0\" source=\"https://w3id.org/kgbuild/id/model/A\" "
                      "target=\"https://w3id.org/kgbuild/id/dataset/B\">\n"
                      "      <data key=\"kind\">coMention</data>\n"
                      "      <data key=\"weight\">2</data>\n"
                      "      <data key=\"edgeFirstDate\">2026-01-05</data>\n"
                      "    </edge>\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("      <data key=\"papers\">2</data>\n"
                      "      <data key=\"firstDate\">2026-01-10</data>\n"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("post/"), std::string::npos) << "the co-mention view holds entities only";
}

TEST(GexfTest, StopsAtFailedWrite) {
  const Graph graph = MakeBellGraph();
  StringSink sink(100);
  EXPECT_FALSE(WriteGexf(graph, BuildCoMentionNetwork(graph), IriOptions{}, &sink));
}

}  // namespace
}  // namespace kgbuild
