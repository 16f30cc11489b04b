#include "export/turtle.h"

#include <gtest/gtest.h>

#include <string>

#include "export/output.h"
#include "export/rdf.h"
#include "tests/unit/export_test_graph.h"

namespace kgbuild {
namespace {

using testing::AddEntityNode;

constexpr char kPrefixes[] =
    "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n"
    "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
    "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
    "@prefix schema: <http://schema.org/> .\n"
    "@prefix mls: <http://www.w3.org/ns/mls#> .\n"
    "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
    "@prefix kg: <https://w3id.org/kgbuild/ns#> .\n"
    "@prefix arxiv: <https://arxiv.org/abs/> .\n"
    "@prefix post: <https://w3id.org/kgbuild/id/post/> .\n"
    "@prefix paper: <https://w3id.org/kgbuild/id/paper/> .\n"
    "@prefix result: <https://w3id.org/kgbuild/id/result/> .\n"
    "@prefix model: <https://w3id.org/kgbuild/id/model/> .\n"
    "@prefix method: <https://w3id.org/kgbuild/id/method/> .\n"
    "@prefix dataset: <https://w3id.org/kgbuild/id/dataset/> .\n"
    "@prefix metric: <https://w3id.org/kgbuild/id/metric/> .\n"
    "@prefix hardware: <https://w3id.org/kgbuild/id/hardware/> .\n"
    "@prefix task: <https://w3id.org/kgbuild/id/task/> .\n"
    "@prefix organization: <https://w3id.org/kgbuild/id/organization/> .\n"
    "\n";

std::string WriteToString(const Graph& graph) {
  StringSink sink;
  EXPECT_TRUE(WriteTurtle(BuildTriples(graph, IriOptions{}), IriOptions{}, &sink));
  return sink.contents();
}

TEST(TurtleTest, GroupsSubjectsAndEscapesNames) {
  Graph graph;
  AddEntityNode(&graph, EntityType::kModel, "Q<&>\"Net\a \\ 한",
                {"대조 학습", "line\nbreak"});
  AddEntityNode(&graph, EntityType::kDataset, "v2.");

  EXPECT_EQ(WriteToString(graph),
            std::string(kPrefixes) +
                "<https://w3id.org/kgbuild/id/dataset/v2.>\n"
                "    a kg:Dataset ;\n"
                "    rdfs:label \"v2.\" .\n"
                "\n"
                "model:Q%3C%26%3E%22Net%07%20%5C%20%ED%95%9C\n"
                "    a kg:Model ;\n"
                "    rdfs:label \"Q<&>\\\"Net\\u0007 \\\\ 한\"@ko ;\n"
                "    skos:altLabel \"line\\nbreak\",\n"
                "        \"대조 학습\"@ko .\n"
                "\n");
}

TEST(TurtleTest, WritesSampleGraphWithPrefixedNames) {
  const std::string turtle = WriteToString(testing::MakeSampleGraph());

  EXPECT_NE(turtle.find("arxiv:2509.13353\n"
                        "    a schema:ScholarlyArticle ;\n"
                        "    schema:identifier \"2509.13353\" ;\n"
                        "    schema:mentions dataset:MNIST,\n"
                        "        model:TinyNet ;\n"),
            std::string::npos)
      << turtle;
  EXPECT_NE(turtle.find("    mls:hasValue \"99.38\"^^xsd:decimal ;\n"), std::string::npos)
      << turtle;
  EXPECT_NE(turtle.find("    schema:datePublished \"2025-09-18\"^^xsd:date ;\n"),
            std::string::npos)
      << turtle;
}

struct LocalNameCase {
  const char* local;
  bool safe;
};

TEST(TurtleTest, AcceptsOnlySafeLocalNames) {
  const LocalNameCase cases[] = {
      {"TinyNet", true},       {"2509.13353", true},  {"a-b_c.d", true},
      {"%3Ca%3E", true},       {"_x", true},          {"", false},
      {"-x", false},           {".x", false},         {"x.", false},
      {"a~b", false},          {"a/b", false},        {"%3", false},
      {"%zz", false},          {"a:b", false},        {"한", false},
  };
  for (const LocalNameCase& test : cases) {
    EXPECT_EQ(IsSafeTurtleLocalName(test.local), test.safe) << test.local;
  }
}

TEST(TurtleTest, StopsAtFailedWrite) {
  StringSink sink(100);
  EXPECT_FALSE(WriteTurtle(BuildTriples(testing::MakeSampleGraph(), IriOptions{}),
                           IriOptions{}, &sink));
}

}  // namespace
}  // namespace kgbuild
