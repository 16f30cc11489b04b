#include "export/iri.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "tests/unit/export_test_graph.h"

namespace kgbuild {
namespace {

using testing::AddEntityNode;
using testing::AddPaperNode;
using testing::AddPostNode;
using testing::AddResultNode;

struct IriCase {
  const char* description;
  NodeProperties node;
  std::string expected;
};

NodeProperties Entity(EntityType type, const std::string& name) {
  Graph graph;
  return graph[AddEntityNode(&graph, type, name)];
}

TEST(NodeIriTest, MintsIrisForAwkwardNames) {
  Graph graph;
  const IriCase cases[] = {
      {"paper with arXiv id", graph[AddPaperNode(&graph, "2509.13353", "T")],
       "https://arxiv.org/abs/2509.13353"},
      {"old-style arXiv id keeps its slash",
       graph[AddPaperNode(&graph, "hep-th/9901001", "T")],
       "https://arxiv.org/abs/hep-th/9901001"},
      {"paper without arXiv id",
       graph[AddPaperNode(&graph, "", "a paper: \"x\"")],
       "https://w3id.org/kgbuild/id/paper/a%20paper%3A%20%22x%22"},
      {"post path", graph[AddPostNode(&graph, "2025/09/글 1.md", "T", "")],
       "https://w3id.org/kgbuild/id/post/2025%2F09%2F%EA%B8%80%201.md"},
      {"entity with Korean name", Entity(EntityType::kMethod, "대조 학습"),
       "https://w3id.org/kgbuild/id/method/"
       "%EB%8C%80%EC%A1%B0%20%ED%95%99%EC%8A%B5"},
      {"entity with markup characters",
       Entity(EntityType::kModel, "<a>\"b\"#c%d&e"),
       "https://w3id.org/kgbuild/id/model/%3Ca%3E%22b%22%23c%25d%26e"},
      {"entity with newline and tab", Entity(EntityType::kDataset, "a\nb\tc"),
       "https://w3id.org/kgbuild/id/dataset/a%0Ab%09c"},
      {"entity keeps unreserved characters",
       Entity(EntityType::kOrganization, "Qwen2.5-Coder_7B~x"),
       "https://w3id.org/kgbuild/id/organization/Qwen2.5-Coder_7B~x"},
      {"entity with slash and backslash", Entity(EntityType::kHardware, "a/b\\c"),
       "https://w3id.org/kgbuild/id/hardware/a%2Fb%5Cc"},
      {"entity with control character, spaces and Korean",
       Entity(EntityType::kModel, "K<>&\"\\한글 LM\a"),
       "https://w3id.org/kgbuild/id/model/"
       "K%3C%3E%26%22%5C%ED%95%9C%EA%B8%80%20LM%07"},
      {"result key after its prefix",
       graph[AddResultNode(&graph, "2509.13353/1", "x", "1")],
       "https://w3id.org/kgbuild/id/result/2509.13353%2F1"},
  };

  for (const IriCase& test : cases) {
    EXPECT_EQ(NodeIri(test.node, IriOptions{}), test.expected) << test.description;
  }
}

TEST(NodeIriTest, UsesConfiguredBase) {
  IriOptions options;
  options.base = "http://example.org/kg/";

  EXPECT_EQ(NodeIri(Entity(EntityType::kTask, "QA"), options),
            "http://example.org/kg/id/task/QA");
  EXPECT_EQ(VocabularyNamespace(options), "http://example.org/kg/ns#");
}

TEST(StatementIriTest, HashesTripleAndSection) {
  const Provenance provenance{"2025/09/글.md", "goal", 12};
  const std::string iri =
      StatementIri("https://arxiv.org/abs/2509.13353", "http://schema.org/mentions",
                   "https://w3id.org/kgbuild/id/model/TinyNet", {"p.md", "goal", 12},
                   IriOptions{});

  EXPECT_EQ(iri, "https://w3id.org/kgbuild/id/statement/p.md/12-4294892c16843148");
  EXPECT_EQ(StatementIri("s", "p", "o", provenance, IriOptions{}).rfind(
                "https://w3id.org/kgbuild/id/statement/2025%2F09%2F%EA%B8%80.md/12-", 0),
            0u);
  EXPECT_NE(StatementIri("s", "p", "o", provenance, IriOptions{}),
            StatementIri("s", "p", "o2", provenance, IriOptions{}));
  EXPECT_NE(StatementIri("s", "p", "o", provenance, IriOptions{}),
            StatementIri("s", "p", "o", {"2025/09/글.md", "results", 12}, IriOptions{}));
}

TEST(PercentEncodeTest, EncodesEveryByteOutsideUnreserved) {
  EXPECT_EQ(PercentEncode(""), "");
  EXPECT_EQ(PercentEncode("AZaz09-._~"), "AZaz09-._~");
  EXPECT_EQ(PercentEncode(std::string("\0 !\x7F\xFF", 5)), "%00%20%21%7F%FF");
  EXPECT_EQ(PercentEncode("한"), "%ED%95%9C");
}

struct UrlCase {
  const char* url;
  std::optional<std::string> expected;
};

TEST(HttpUrlToIriTest, AcceptsHttpUrlsAndEncodesForbiddenCharacters) {
  const UrlCase cases[] = {
      {"https://arxiv.org/abs/2509.13353", "https://arxiv.org/abs/2509.13353"},
      {"HTTP://Example.org:8080/a?b=c#d", "HTTP://Example.org:8080/a?b=c#d"},
      {"https://example.org", "https://example.org"},
      {"https://example.org/a b<c>\"d\"", "https://example.org/a%20b%3Cc%3E%22d%22"},
      {"https://example.org/{x}|^`\\", "https://example.org/%7Bx%7D%7C%5E%60%5C"},
      {"https://example.org/[1]", "https://example.org/%5B1%5D"},
      {"https://example.org/a#b#c", "https://example.org/a#b%23c"},
      {"https://example.org/%20ok%zz%4", "https://example.org/%20ok%25zz%254"},
      {"https://example.org/논문", "https://example.org/%EB%85%BC%EB%AC%B8"},
      {"https://example.org/a\nb", "https://example.org/a%0Ab"},
      {"", std::nullopt},
      {"arxiv.org/abs/1", std::nullopt},
      {"ftp://example.org/x", std::nullopt},
      {"https://", std::nullopt},
      {"https://user@example.org/", std::nullopt},
      {"https://[::1]/", std::nullopt},
      {"https://exa mple.org/", std::nullopt},
      {"https://example.org:80a/", std::nullopt},
      {"javascript:alert(1)", std::nullopt},
  };

  for (const UrlCase& test : cases) {
    EXPECT_EQ(HttpUrlToIri(test.url), test.expected) << test.url;
  }
}

TEST(EscapeIriForbiddenTest, EncodesIrirefForbiddenBytes) {
  EXPECT_EQ(EscapeIriForbidden("http://x/ok"), "http://x/ok");
  EXPECT_EQ(EscapeIriForbidden("http://x/a b<c>\"{}|^`\\"),
            "http://x/a%20b%3Cc%3E%22%7B%7D%7C%5E%60%5C");
  EXPECT_EQ(EscapeIriForbidden(std::string("http://x/\0\x1F", 11)),
            "http://x/%00%1F");
  EXPECT_EQ(EscapeIriForbidden("http://x/한"), "http://x/한");
  EXPECT_EQ(EscapeIriForbidden("http://x/\xFF"), "http://x/%FF");
}

}  // namespace
}  // namespace kgbuild
