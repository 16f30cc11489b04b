#include "export/graphml.h"

#include <gtest/gtest.h>

#include <string>

#include "export/output.h"
#include "tests/unit/export_test_graph.h"

namespace kgbuild {
namespace {

using testing::AddEdgeOfKind;
using testing::AddEntityNode;
using testing::AddPaperNode;
using testing::AddPostNode;

constexpr char kPreamble[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
    "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
    "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
    "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
    "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
    "  <key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
    "  <key id=\"iri\" for=\"node\" attr.name=\"iri\" attr.type=\"string\"/>\n"
    "  <key id=\"r\" for=\"node\" attr.name=\"r\" attr.type=\"int\"/>\n"
    "  <key id=\"g\" for=\"node\" attr.name=\"g\" attr.type=\"int\"/>\n"
    "  <key id=\"b\" for=\"node\" attr.name=\"b\" attr.type=\"int\"/>\n"
    "  <key id=\"date\" for=\"node\" attr.name=\"date\" attr.type=\"string\"/>\n"
    "  <key id=\"value\" for=\"node\" attr.name=\"value\" attr.type=\"string\"/>\n"
    "  <key id=\"unit\" for=\"node\" attr.name=\"unit\" attr.type=\"string\"/>\n"
    "  <key id=\"kind\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>\n"
    "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
    "  <graph id=\"kg\" edgedefault=\"directed\">\n";

std::string Escaped(std::string_view text) {
  std::string out;
  AppendXmlEscaped(text, &out);
  return out;
}

struct EscapeCase {
  const char* description;
  std::string text;
  std::string expected;
};

TEST(GraphMlTest, GraphMlEscapesMarkup) {
  const EscapeCase cases[] = {
      {"plain", "plain text", "plain text"},
      {"ampersand and angle brackets", "a & <b>", "a &amp; &lt;b&gt;"},
      {"quotes", "\"double\" 'single'", "&quot;double&quot; &apos;single&apos;"},
      {"backslash written as is", "a\\b", "a\\b"},
      {"Korean written as is", "대조 학습", "대조 학습"},
      {"entity-like text", "&amp;", "&amp;amp;"},
      {"empty", "", ""},
  };
  for (const EscapeCase& test : cases) {
    EXPECT_EQ(Escaped(test.text), test.expected) << test.description;
  }
}

TEST(GraphMlTest, GraphMlEscapesControlCharacters) {
  const EscapeCase cases[] = {
      {"tab, newline, carriage return", "a\tb\nc\rd", "a&#9;b&#10;c&#13;d"},
      {"NUL", std::string("a\0b", 3), "a&#xFFFD;b"},
      {"U+0001 and U+001F", "\x01\x1F", "&#xFFFD;&#xFFFD;"},
      {"DEL written as is", "\x7F", "\x7F"},
      {"U+FFFE and U+FFFF", "\xEF\xBF\xBE\xEF\xBF\xBF", "&#xFFFD;&#xFFFD;"},
      {"U+FFFD itself", "\xEF\xBF\xBD", "&#xFFFD;"},
      {"invalid UTF-8 byte", "a\xFF" "b", "a&#xFFFD;b"},
      {"truncated sequence", "\xEB\x8C", "&#xFFFD;&#xFFFD;"},
  };
  for (const EscapeCase& test : cases) {
    EXPECT_EQ(Escaped(test.text), test.expected) << test.description;
  }
}

TEST(GraphMlTest, WritesNodesAndEdgesWithAttributes) {
  Graph graph;
  const Vertex post = AddPostNode(&graph, "a.md", "Tom & \"Jerry\"", "2025-09-18");
  const Vertex paper = AddPaperNode(&graph, "", "");
  const Vertex model = AddEntityNode(&graph, EntityType::kModel, "<GPT>");
  AddEdgeOfKind(&graph, post, paper, EdgeKind::kHasPart);
  AddEdgeOfKind(&graph, paper, model, EdgeKind::kMentions, {}, 2.5);

  StringSink sink;
  ASSERT_TRUE(WriteGraphMl(graph, IriOptions{}, &sink));

  EXPECT_EQ(sink.contents(),
            std::string(kPreamble) +
                "    <node id=\"https://w3id.org/kgbuild/id/post/a.md\">\n"
                "      <data key=\"label\">Tom &amp; &quot;Jerry&quot;</data>\n"
                "      <data key=\"type\">Post</data>\n"
                "      <data key=\"iri\">https://w3id.org/kgbuild/id/post/a.md</data>\n"
                "      <data key=\"r\">153</data>\n"
                "      <data key=\"g\">153</data>\n"
                "      <data key=\"b\">153</data>\n"
                "      <data key=\"date\">2025-09-18</data>\n"
                "    </node>\n"
                "    <node id=\"https://w3id.org/kgbuild/id/paper/\">\n"
                "      <data key=\"label\">paper-title:</data>\n"
                "      <data key=\"type\">Paper</data>\n"
                "      <data key=\"iri\">https://w3id.org/kgbuild/id/paper/</data>\n"
                "      <data key=\"r\">77</data>\n"
                "      <data key=\"g\">77</data>\n"
                "      <data key=\"b\">77</data>\n"
                "    </node>\n"
                "    <node id=\"https://w3id.org/kgbuild/id/model/%3CGPT%3E\">\n"
                "      <data key=\"label\">&lt;GPT&gt;</data>\n"
                "      <data key=\"type\">Model</data>\n"
                "      <data key=\"iri\">https://w3id.org/kgbuild/id/model/%3CGPT%3E</data>\n"
                "      <data key=\"r\">0</data>\n"
                "      <data key=\"g\">114</data>\n"
                "      <data key=\"b\">178</data>\n"
                "    </node>\n"
                "    <edge id=\"e0\" source=\"https://w3id.org/kgbuild/id/post/a.md\" "
                "target=\"https://w3id.org/kgbuild/id/paper/\">\n"
                "      <data key=\"kind\">hasPart</data>\n"
                "      <data key=\"weight\">1</data>\n"
                "    </edge>\n"
                "    <edge id=\"e1\" source=\"https://w3id.org/kgbuild/id/paper/\" "
                "target=\"https://w3id.org/kgbuild/id/model/%3CGPT%3E\">\n"
                "      <data key=\"kind\">mentions</data>\n"
                "      <data key=\"weight\">2.5</data>\n"
                "    </edge>\n"
                "  </graph>\n"
                "</graphml>\n");
}

TEST(GraphMlTest, WritesResultValueAndUnit) {
  Graph graph;
  testing::AddResultNode(&graph, "r1", "1.36 gFID", "1.36", "");

  StringSink sink;
  ASSERT_TRUE(WriteGraphMl(graph, IriOptions{}, &sink));

  EXPECT_NE(sink.contents().find("      <data key=\"type\">Result</data>\n"
                                 "      <data key=\"iri\">https://w3id.org/kgbuild/id/result/r1</data>\n"
                                 "      <data key=\"r\">204</data>\n"
                                 "      <data key=\"g\">204</data>\n"
                                 "      <data key=\"b\">204</data>\n"
                                 "      <data key=\"value\">1.36</data>\n"
                                 "    </node>\n"),
            std::string::npos)
      << sink.contents();
}

TEST(GraphMlTest, StopsAtFailedWrite) {
  StringSink sink(50);
  EXPECT_FALSE(WriteGraphMl(testing::MakeSampleGraph(), IriOptions{}, &sink));
}

}  // namespace
}  // namespace kgbuild
