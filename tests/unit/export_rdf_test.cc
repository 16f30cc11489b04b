#include "export/rdf.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "export/ntriples.h"
#include "tests/unit/export_test_graph.h"

namespace kgbuild {
namespace {

using testing::AddEdgeOfKind;
using testing::AddEntityNode;
using testing::AddPaperNode;
using testing::AddPostNode;
using testing::AddResultNode;
using testing::MakeSampleGraph;

// The triples as sorted N-Triples text, for exact comparison.
std::string AsNTriples(const std::vector<Triple>& triples) {
  std::string text;
  for (const Triple& triple : triples) AppendNTriplesLine(triple, &text);
  return text;
}

TEST(BuildTriplesTest, MapsSampleGraphToContractTerms) {
  const std::string expected =
      "<https://arxiv.org/abs/2509.13353> <http://schema.org/identifier> \"2509.13353\" .\n"
      "<https://arxiv.org/abs/2509.13353> <http://schema.org/mentions> <https://w3id.org/kgbuild/id/dataset/MNIST> .\n"
      "<https://arxiv.org/abs/2509.13353> <http://schema.org/mentions> <https://w3id.org/kgbuild/id/model/TinyNet> .\n"
      "<https://arxiv.org/abs/2509.13353> <http://schema.org/name> \"TinyNet: small nets\" .\n"
      "<https://arxiv.org/abs/2509.13353> <http://schema.org/url> <https://arxiv.org/abs/2509.13353> .\n"
      "<https://arxiv.org/abs/2509.13353> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/ScholarlyArticle> .\n"
      "<https://arxiv.org/abs/2509.13353> <https://w3id.org/kgbuild/ns#proposes> <https://w3id.org/kgbuild/id/model/TinyNet> .\n"
      "<https://arxiv.org/abs/2509.13353> <https://w3id.org/kgbuild/ns#reports> <https://w3id.org/kgbuild/id/result/2509.13353%2F1> .\n"
      "<https://w3id.org/kgbuild/id/dataset/MNIST> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/kgbuild/ns#Dataset> .\n"
      "<https://w3id.org/kgbuild/id/dataset/MNIST> <http://www.w3.org/2000/01/rdf-schema#label> \"MNIST\" .\n"
      "<https://w3id.org/kgbuild/id/dataset/MNIST> <http://www.w3.org/2004/02/skos/core#altLabel> \"엠니스트\"@ko .\n"
      "<https://w3id.org/kgbuild/id/metric/accuracy> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/kgbuild/ns#Metric> .\n"
      "<https://w3id.org/kgbuild/id/metric/accuracy> <http://www.w3.org/2000/01/rdf-schema#label> \"accuracy\" .\n"
      "<https://w3id.org/kgbuild/id/model/Net> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/kgbuild/ns#Model> .\n"
      "<https://w3id.org/kgbuild/id/model/Net> <http://www.w3.org/2000/01/rdf-schema#label> \"Net\" .\n"
      "<https://w3id.org/kgbuild/id/model/TinyNet> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/kgbuild/ns#Model> .\n"
      "<https://w3id.org/kgbuild/id/model/TinyNet> <http://www.w3.org/2000/01/rdf-schema#label> \"TinyNet\" .\n"
      "<https://w3id.org/kgbuild/id/model/TinyNet> <https://w3id.org/kgbuild/ns#parameters> \"7B\" .\n"
      "<https://w3id.org/kgbuild/id/model/TinyNet> <https://w3id.org/kgbuild/ns#variantOf> <https://w3id.org/kgbuild/id/model/Net> .\n"
      "<https://w3id.org/kgbuild/id/post/2025%2F09%2Fdigest.md> <http://schema.org/datePublished> \"2025-09-18\"^^<http://www.w3.org/2001/XMLSchema#date> .\n"
      "<https://w3id.org/kgbuild/id/post/2025%2F09%2Fdigest.md> <http://schema.org/hasPart> <https://arxiv.org/abs/2509.13353> .\n"
      "<https://w3id.org/kgbuild/id/post/2025%2F09%2Fdigest.md> <http://schema.org/keywords> \"digest\" .\n"
      "<https://w3id.org/kgbuild/id/post/2025%2F09%2Fdigest.md> <http://schema.org/keywords> \"ml\" .\n"
      "<https://w3id.org/kgbuild/id/post/2025%2F09%2Fdigest.md> <http://schema.org/name> \"Daily digest\" .\n"
      "<https://w3id.org/kgbuild/id/post/2025%2F09%2Fdigest.md> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/BlogPosting> .\n"
      "<https://w3id.org/kgbuild/id/result/2509.13353%2F1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/mls#ModelEvaluation> .\n"
      "<https://w3id.org/kgbuild/id/result/2509.13353%2F1> <http://www.w3.org/2000/01/rdf-schema#label> \"99.38 % accuracy\" .\n"
      "<https://w3id.org/kgbuild/id/result/2509.13353%2F1> <http://www.w3.org/ns/mls#hasValue> \"99.38\"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n"
      "<https://w3id.org/kgbuild/id/result/2509.13353%2F1> <http://www.w3.org/ns/mls#specifiedBy> <https://w3id.org/kgbuild/id/metric/accuracy> .\n"
      "<https://w3id.org/kgbuild/id/result/2509.13353%2F1> <https://w3id.org/kgbuild/ns#dataset> <https://w3id.org/kgbuild/id/dataset/MNIST> .\n"
      "<https://w3id.org/kgbuild/id/result/2509.13353%2F1> <https://w3id.org/kgbuild/ns#model> <https://w3id.org/kgbuild/id/model/TinyNet> .\n"
      "<https://w3id.org/kgbuild/id/result/2509.13353%2F1> <https://w3id.org/kgbuild/ns#unit> \"%\" .\n";

  EXPECT_EQ(AsNTriples(BuildTriples(MakeSampleGraph(), IriOptions{})), expected);
}

TEST(BuildTriplesTest, SortsAndRemovesDuplicates) {
  Graph graph;
  const Vertex paper = AddPaperNode(&graph, "1", "P");
  const Vertex model = AddEntityNode(&graph, EntityType::kModel, "M");
  AddEdgeOfKind(&graph, paper, model, EdgeKind::kMentions);
  AddEdgeOfKind(&graph, paper, model, EdgeKind::kMentions);

  const std::vector<Triple> triples = BuildTriples(graph, IriOptions{});

  EXPECT_TRUE(std::is_sorted(triples.begin(), triples.end()));
  EXPECT_EQ(std::adjacent_find(triples.begin(), triples.end()), triples.end());
  EXPECT_EQ(std::count_if(triples.begin(), triples.end(),
                          [](const Triple& triple) {
                            return triple.predicate == "http://schema.org/mentions";
                          }),
            1);
}

TEST(BuildTriplesTest, TagsHangulLabelsAndAliasesKo) {
  Graph graph;
  AddEntityNode(&graph, EntityType::kMethod, "대조 학습", {"contrastive learning", "대조학습"});

  const std::string iri = "<https://w3id.org/kgbuild/id/method/%EB%8C%80%EC%A1%B0%20%ED%95%99%EC%8A%B5>";
  EXPECT_EQ(AsNTriples(BuildTriples(graph, IriOptions{})),
            iri + " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/kgbuild/ns#Method> .\n" +
            iri + " <http://www.w3.org/2000/01/rdf-schema#label> \"대조 학습\"@ko .\n" +
            iri + " <http://www.w3.org/2004/02/skos/core#altLabel> \"contrastive learning\" .\n" +
            iri + " <http://www.w3.org/2004/02/skos/core#altLabel> \"대조학습\"@ko .\n");
}

TEST(BuildTriplesTest, SkipsInvalidDecimalValue) {
  for (const std::string value : {"1.2.3", "", "1e5", "12%", "∞", "."}) {
    Graph graph;
    AddResultNode(&graph, "r", "label", value);
    for (const Triple& triple : BuildTriples(graph, IriOptions{})) {
      EXPECT_NE(triple.predicate, "http://www.w3.org/ns/mls#hasValue") << value;
    }
  }
}

TEST(BuildTriplesTest, KeepsUndatedPostDateAsPlainLiteral) {
  Graph graph;
  AddPostNode(&graph, "p.md", "", "Sept 18, 2025");

  const std::vector<Triple> triples = BuildTriples(graph, IriOptions{});
  const auto date = std::find_if(triples.begin(), triples.end(), [](const Triple& triple) {
    return triple.predicate == "http://schema.org/datePublished";
  });
  ASSERT_NE(date, triples.end());
  EXPECT_EQ(date->object, "Sept 18, 2025");
  EXPECT_EQ(date->datatype, "");
}

TEST(BuildTriplesTest, LeavesOutNonHttpUrl) {
  Graph graph;
  AddPaperNode(&graph, "1", "P", "javascript:alert(1)");

  for (const Triple& triple : BuildTriples(graph, IriOptions{})) {
    EXPECT_NE(triple.predicate, "http://schema.org/url");
  }
}

TEST(BuildTriplesTest, ReplacesInvalidUtf8InLiterals) {
  Graph graph;
  AddPaperNode(&graph, "1", "bad \xC3 byte");

  const std::vector<Triple> triples = BuildTriples(graph, IriOptions{});
  const auto name = std::find_if(triples.begin(), triples.end(), [](const Triple& triple) {
    return triple.predicate == "http://schema.org/name";
  });
  ASSERT_NE(name, triples.end());
  EXPECT_EQ(name->object, "bad \xEF\xBF\xBD byte");
}

TEST(IsXsdDecimalTest, AcceptsOnlyDecimalLexicalForms) {
  for (const char* valid : {"0", "99.38", "-1.5", "+2", ".5", "5.", "007"}) {
    EXPECT_TRUE(IsXsdDecimal(valid)) << valid;
  }
  for (const char* invalid : {"", ".", "+", "-.", "1e3", "1,000", " 1", "1 ", "0x1F", "1.2.3", "NaN"}) {
    EXPECT_FALSE(IsXsdDecimal(invalid)) << invalid;
  }
}

TEST(StartsWithXsdDateTest, ChecksCalendar) {
  for (const char* valid : {"2025-09-18", "2025-09-18 08:15:00", "2024-02-29", "2000-02-29T1"}) {
    EXPECT_TRUE(StartsWithXsdDate(valid)) << valid;
  }
  for (const char* invalid : {"", "2025-9-18", "2025/09/18", "2025-13-01", "2025-00-10",
                              "2025-02-29", "1900-02-29", "2025-04-31", "2025-01-00", "abcd-ef-gh"}) {
    EXPECT_FALSE(StartsWithXsdDate(invalid)) << invalid;
  }
}

}  // namespace
}  // namespace kgbuild
