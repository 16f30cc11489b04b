#include "export/nquads.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "export/output.h"
#include "export/rdf.h"
#include "tests/unit/export_test_graph.h"

namespace kgbuild {
namespace {

using testing::AddEdgeOfKind;
using testing::AddEntityNode;
using testing::AddPaperNode;
using testing::AddPostNode;

constexpr char kPost[] = "https://w3id.org/kgbuild/id/post/p.md";
constexpr char kPaper[] = "https://arxiv.org/abs/2509.13353";
constexpr char kModel[] = "https://w3id.org/kgbuild/id/model/TinyNet";
constexpr char kStatement[] =
    "https://w3id.org/kgbuild/id/statement/p.md/12-4294892c16843148";

// One post whose paper mentions TinyNet (alias, parameters) in its goal
// section on line 12, and a variant link without provenance.
Graph MakePostGraph() {
  Graph graph;
  const Vertex post = AddPostNode(&graph, "p.md", "Digest", "2025-09-18");
  const Vertex paper = AddPaperNode(&graph, "2509.13353", "TinyNet: small");
  const Vertex model =
      AddEntityNode(&graph, EntityType::kModel, "TinyNet", {"타이니넷"}, "7B");
  const Vertex family = AddEntityNode(&graph, EntityType::kModel, "Net");
  AddEdgeOfKind(&graph, post, paper, EdgeKind::kHasPart, {{"p.md", "", 3}});
  AddEdgeOfKind(&graph, paper, model, EdgeKind::kMentions, {{"p.md", "goal", 12}});
  AddEdgeOfKind(&graph, model, family, EdgeKind::kVariantOf);
  return graph;
}

std::vector<std::string> Lines(const std::vector<Quad>& quads) {
  StringSink sink;
  EXPECT_TRUE(WriteNQuads(quads, &sink));
  std::vector<std::string> lines;
  size_t start = 0;
  const std::string& text = sink.contents();
  for (size_t end = text.find('\n'); end != std::string::npos; end = text.find('\n', start)) {
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

bool Contains(const std::vector<std::string>& lines, const std::string& line) {
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}

TEST(NQuadsTest, PutsPostContributionsInPostGraph) {
  const std::vector<std::string> lines = Lines(BuildQuads(MakePostGraph(), IriOptions{}));
  const std::string in_post = std::string(" <") + kPost + "> .";

  EXPECT_TRUE(Contains(lines, std::string("<") + kPaper +
                                  "> <http://schema.org/mentions> <" + kModel + ">" + in_post));
  EXPECT_TRUE(Contains(lines, std::string("<") + kModel +
                                  "> <http://www.w3.org/2000/01/rdf-schema#label> \"TinyNet\"" +
                                  in_post));
  EXPECT_TRUE(Contains(lines, std::string("<") + kPost + "> <http://schema.org/hasPart> <" +
                                  kPaper + ">" + in_post));
  EXPECT_TRUE(Contains(lines, std::string("<") + kPaper +
                                  "> <http://schema.org/name> \"TinyNet: small\"" + in_post));
}

TEST(NQuadsTest, KeepsMergedFactsInDefaultGraph) {
  const std::vector<std::string> lines = Lines(BuildQuads(MakePostGraph(), IriOptions{}));

  EXPECT_TRUE(Contains(lines, std::string("<") + kModel +
                                  "> <http://www.w3.org/2004/02/skos/core#altLabel> "
                                  "\"타이니넷\"@ko ."));
  EXPECT_TRUE(Contains(lines, std::string("<") + kModel +
                                  "> <https://w3id.org/kgbuild/ns#parameters> \"7B\" ."));
  EXPECT_TRUE(Contains(lines, std::string("<") + kModel +
                                  "> <https://w3id.org/kgbuild/ns#variantOf> "
                                  "<https://w3id.org/kgbuild/id/model/Net> ."));
  EXPECT_TRUE(Contains(lines, "<https://w3id.org/kgbuild/id/model/Net> "
                              "<http://www.w3.org/2000/01/rdf-schema#label> \"Net\" ."));
}

TEST(NQuadsTest, ReifiesMentionWithSectionAndLine) {
  const std::vector<std::string> lines = Lines(BuildQuads(MakePostGraph(), IriOptions{}));
  const std::string subject = std::string("<") + kStatement + "> ";
  const std::string in_post = std::string(" <") + kPost + "> .";
  const std::string rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

  EXPECT_TRUE(Contains(lines, subject + "<" + rdf + "type> <" + rdf + "Statement>" + in_post));
  EXPECT_TRUE(Contains(lines, subject + "<" + rdf + "subject> <" + kPaper + ">" + in_post));
  EXPECT_TRUE(Contains(lines, subject + "<" + rdf +
                                  "predicate> <http://schema.org/mentions>" + in_post));
  EXPECT_TRUE(Contains(lines, subject + "<" + rdf + "object> <" + kModel + ">" + in_post));
  EXPECT_TRUE(Contains(lines, subject + "<https://w3id.org/kgbuild/ns#section> \"goal\"" +
                                  in_post));
  EXPECT_TRUE(Contains(lines, subject +
                                  "<https://w3id.org/kgbuild/ns#line> "
                                  "\"12\"^^<http://www.w3.org/2001/XMLSchema#integer>" +
                                  in_post));
}

TEST(NQuadsTest, UnionWithoutStatementsEqualsTriples) {
  const Graph graph = testing::MakeSampleGraph();
  const std::string statement_prefix = "https://w3id.org/kgbuild/id/statement/";

  std::vector<Triple> merged;
  for (const Quad& quad : BuildQuads(graph, IriOptions{})) {
    if (quad.triple.subject.starts_with(statement_prefix)) continue;
    merged.push_back(quad.triple);
  }
  std::sort(merged.begin(), merged.end());
  merged.erase(std::unique(merged.begin(), merged.end()), merged.end());

  EXPECT_EQ(merged, BuildTriples(graph, IriOptions{}));
}

TEST(NQuadsTest, CountsOneStatementPerProvenance) {
  const std::string type_statement =
      "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
      "<http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement>";
  const std::vector<std::string> lines =
      Lines(BuildQuads(testing::MakeSampleGraph(), IriOptions{}));

  // Two mentions of TinyNet, one proposes, one mention of MNIST, one report.
  EXPECT_EQ(std::count_if(lines.begin(), lines.end(),
                          [&](const std::string& line) {
                            return line.find(type_statement) != std::string::npos;
                          }),
            5);
}

TEST(NQuadsTest, StopsAtFailedWrite) {
  StringSink sink(100);
  EXPECT_FALSE(WriteNQuads(BuildQuads(testing::MakeSampleGraph(), IriOptions{}), &sink));
}

std::string StreamedText(const Graph& graph) {
  StringSink sink;
  EXPECT_TRUE(WriteGraphNQuads(graph, IriOptions{}, &sink));
  return sink.contents();
}

std::string SortedListText(const Graph& graph) {
  StringSink sink;
  EXPECT_TRUE(WriteNQuads(BuildQuads(graph, IriOptions{}), &sink));
  return sink.contents();
}

// Two posts share a paper and an entity, and their files sort differently
// from their graph IRIs ("a b.md" percent-encodes after "a.md").
Graph MakeTwoPostGraph() {
  Graph graph;
  const Vertex first = AddPostNode(&graph, "a.md", "First", "2025-09-18");
  const Vertex second = AddPostNode(&graph, "a b.md", "Second", "not a date");
  AddPostNode(&graph, "z.md", "No papers", "2025-01-01");
  const Vertex paper = AddPaperNode(&graph, "2509.13353", "TinyNet: small");
  const Vertex model =
      AddEntityNode(&graph, EntityType::kModel, "TinyNet", {"타이니넷"}, "7B");
  const Vertex family = AddEntityNode(&graph, EntityType::kModel, "Net");
  AddEdgeOfKind(&graph, first, paper, EdgeKind::kHasPart, {{"a.md", "", 3}});
  AddEdgeOfKind(&graph, second, paper, EdgeKind::kHasPart, {{"a b.md", "", 5}});
  AddEdgeOfKind(&graph, paper, model, EdgeKind::kMentions,
                {{"a b.md", "goal", 7}, {"a b.md", "method", 9}, {"a.md", "", 12}});
  AddEdgeOfKind(&graph, model, family, EdgeKind::kVariantOf);
  return graph;
}

TEST(NQuadsTest, StreamedEqualsSortedListOnSample) {
  const Graph graph = testing::MakeSampleGraph();
  EXPECT_EQ(StreamedText(graph), SortedListText(graph));
}

TEST(NQuadsTest, StreamedEqualsSortedListOnTwoPosts) {
  const Graph graph = MakeTwoPostGraph();
  const std::string text = StreamedText(graph);
  EXPECT_EQ(text, SortedListText(graph));
  EXPECT_NE(text.find("<https://w3id.org/kgbuild/id/post/a%20b.md> .\n"), std::string::npos);
}

TEST(NQuadsTest, StreamedEqualsSortedListOnSharedIri) {
  // Two entities with one label and type share an IRI, so the streamed
  // writer takes the sorted list.
  Graph graph = MakeTwoPostGraph();
  const Vertex paper = 3;
  const Vertex twin = AddEntityNode(&graph, EntityType::kModel, "TinyNet");
  AddEdgeOfKind(&graph, paper, twin, EdgeKind::kProposes, {{"z.md", "goal", 2}});
  EXPECT_EQ(StreamedText(graph), SortedListText(graph));
}

TEST(NQuadsTest, StreamedStopsAtFailedWrite) {
  StringSink sink(100);
  EXPECT_FALSE(WriteGraphNQuads(MakeTwoPostGraph(), IriOptions{}, &sink));
}

}  // namespace
}  // namespace kgbuild
