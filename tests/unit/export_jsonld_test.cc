#include "export/jsonld.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "export/output.h"
#include "export/rdf.h"
#include "tests/unit/export_test_graph.h"

namespace kgbuild {
namespace {

constexpr char kContext[] =
    "{\n"
    " \"@context\": {\n"
    "  \"rdf\": \"http://www.w3.org/1999/02/22-rdf-syntax-ns#\",\n"
    "  \"rdfs\": \"http://www.w3.org/2000/01/rdf-schema#\",\n"
    "  \"xsd\": \"http://www.w3.org/2001/XMLSchema#\",\n"
    "  \"schema\": \"http://schema.org/\",\n"
    "  \"mls\": \"http://www.w3.org/ns/mls#\",\n"
    "  \"skos\": \"http://www.w3.org/2004/02/skos/core#\",\n"
    "  \"kg\": \"https://w3id.org/kgbuild/ns#\"\n"
    " },\n";

std::string WriteToString(const std::vector<Triple>& triples) {
  StringSink sink;
  EXPECT_TRUE(WriteJsonLd(triples, IriOptions{}, &sink));
  return sink.contents();
}

// The document for one subject with one rdfs:label literal.
std::string LabelDocument(const std::string& json_string) {
  return std::string(kContext) +
         " \"@graph\": [\n"
         "  {\n"
         "   \"@id\": \"http://x/s\",\n"
         "   \"rdfs:label\": [\n"
         "    {\n"
         "     \"@value\": " + json_string + "\n"
         "    }\n"
         "   ]\n"
         "  }\n"
         " ]\n"
         "}\n";
}

struct EscapeCase {
  const char* description;
  std::string lexical;
  std::string expected_json;
};

TEST(JsonLdTest, JsonLdEscapesStrings) {
  const EscapeCase cases[] = {
      {"quotes", "say \"hi\"", "\"say \\\"hi\\\"\""},
      {"backslash", "a\\b", "\"a\\\\b\""},
      {"newline, carriage return, tab", "a\nb\rc\td", "\"a\\nb\\rc\\td\""},
      {"markup is not escaped", "<b> & </b>", "\"<b> & </b>\""},
      {"Korean written as is", "대조 학습", "\"대조 학습\""},
      {"NUL", std::string("a\0b", 3), "\"a\\u0000b\""},
      {"other controls", "\x01\x1F\b\f", "\"\\u0001\\u001F\\b\\f\""},
      {"DEL written as is", "\x7F", "\"\x7F\""},
      {"invalid UTF-8 byte", "a\xFF" "b", "\"a\xEF\xBF\xBD" "b\""},
  };
  for (const EscapeCase& test : cases) {
    const std::vector<Triple> triples = {
        {"http://x/s", "http://www.w3.org/2000/01/rdf-schema#label",
         ObjectKind::kLiteral, test.lexical, "", ""}};
    EXPECT_EQ(WriteToString(triples), LabelDocument(test.expected_json)) << test.description;
  }
}

TEST(JsonLdTest, WritesTypesIrisLanguagesAndDecimals) {
  const std::vector<Triple> triples = {
      {"http://x/a", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
       ObjectKind::kIri, "https://w3id.org/kgbuild/ns#Model", "", ""},
      {"http://x/a", "http://www.w3.org/2000/01/rdf-schema#label",
       ObjectKind::kLiteral, "모델", "", "ko"},
      {"http://x/a", "http://www.w3.org/ns/mls#hasValue", ObjectKind::kLiteral,
       "1.360", "http://www.w3.org/2001/XMLSchema#decimal", ""},
      {"http://x/b", "http://other.example/p", ObjectKind::kIri, "http://x/a b", "", ""},
  };

  EXPECT_EQ(WriteToString(triples),
            std::string(kContext) +
                " \"@graph\": [\n"
                "  {\n"
                "   \"@id\": \"http://x/a\",\n"
                "   \"@type\": [\n"
                "    \"kg:Model\"\n"
                "   ],\n"
                "   \"rdfs:label\": [\n"
                "    {\n"
                "     \"@value\": \"모델\",\n"
                "     \"@language\": \"ko\"\n"
                "    }\n"
                "   ],\n"
                "   \"mls:hasValue\": [\n"
                "    {\n"
                "     \"@value\": \"1.360\",\n"
                "     \"@type\": \"xsd:decimal\"\n"
                "    }\n"
                "   ]\n"
                "  },\n"
                "  {\n"
                "   \"@id\": \"http://x/b\",\n"
                "   \"http://other.example/p\": [\n"
                "    {\n"
                "     \"@id\": \"http://x/a%20b\"\n"
                "    }\n"
                "   ]\n"
                "  }\n"
                " ]\n"
                "}\n");
}

TEST(JsonLdTest, WritesEmptyGraph) {
  EXPECT_EQ(WriteToString({}), std::string(kContext) + " \"@graph\": []\n}\n");
}

TEST(JsonLdTest, GroupsSampleGraphBySubject) {
  const std::vector<Triple> triples =
      BuildTriples(testing::MakeSampleGraph(), IriOptions{});
  const std::string document = WriteToString(triples);

  size_t node_count = 0;
  for (size_t at = document.find("\n   \"@id\""); at != std::string::npos;
       at = document.find("\n   \"@id\"", at + 1)) {
    ++node_count;
  }
  EXPECT_EQ(node_count, 7u);
  EXPECT_NE(document.find("\"schema:mentions\""), std::string::npos);
  EXPECT_NE(document.find("\"@type\": \"xsd:date\""), std::string::npos);
}

TEST(JsonLdTest, StopsAtFailedWrite) {
  const std::vector<Triple> triples =
      BuildTriples(testing::MakeSampleGraph(), IriOptions{});
  StringSink sink(100);

  EXPECT_FALSE(WriteJsonLd(triples, IriOptions{}, &sink));
  EXPECT_EQ(sink.contents().size(), 100u);
}

}  // namespace
}  // namespace kgbuild
