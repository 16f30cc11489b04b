#include "export/ntriples.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "export/output.h"

namespace kgbuild {
namespace {

Triple LiteralTriple(std::string lexical, std::string datatype = "",
                     std::string language = "") {
  return {"http://x/s", "http://x/p", ObjectKind::kLiteral, std::move(lexical),
          std::move(datatype), std::move(language)};
}

std::string Line(const Triple& triple) {
  std::string line;
  AppendNTriplesLine(triple, &line);
  return line;
}

struct EscapeCase {
  const char* description;
  std::string lexical;
  std::string expected_literal;
};

TEST(NTriplesTest, NTriplesEscapesLiterals) {
  const EscapeCase cases[] = {
      {"plain", "plain text", "\"plain text\""},
      {"quotes", "say \"hi\"", "\"say \\\"hi\\\"\""},
      {"backslash", "a\\b", "\"a\\\\b\""},
      {"newline, carriage return, tab", "a\nb\rc\td", "\"a\\nb\\rc\\td\""},
      {"markup is not escaped", "<b> & </b> 'x'", "\"<b> & </b> 'x'\""},
      {"Korean written as is", "대조 학습(contrastive)", "\"대조 학습(contrastive)\""},
      {"empty", "", "\"\""},
  };
  for (const EscapeCase& test : cases) {
    EXPECT_EQ(Line(LiteralTriple(test.lexical)),
              "<http://x/s> <http://x/p> " + test.expected_literal + " .\n")
        << test.description;
  }
}

TEST(NTriplesTest, NTriplesEscapesControlCharacters) {
  const EscapeCase cases[] = {
      {"NUL", std::string("a\0b", 3), "\"a\\u0000b\""},
      {"U+0001", "\x01", "\"\\u0001\""},
      {"backspace and form feed", "\b\f", "\"\\u0008\\u000C\""},
      {"U+001F", "\x1F", "\"\\u001F\""},
      {"DEL", "\x7F", "\"\\u007F\""},
      {"invalid UTF-8 byte", "a\xFF" "b", "\"a\xEF\xBF\xBD" "b\""},
      {"truncated sequence", "\xEB\x8C", "\"\xEF\xBF\xBD\xEF\xBF\xBD\""},
      {"C1 control written as is", "\xC2\x85", "\"\xC2\x85\""},
  };
  for (const EscapeCase& test : cases) {
    EXPECT_EQ(Line(LiteralTriple(test.lexical)),
              "<http://x/s> <http://x/p> " + test.expected_literal + " .\n")
        << test.description;
  }
}

TEST(NTriplesTest, WritesLanguageAndDatatype) {
  EXPECT_EQ(Line(LiteralTriple("학습", "", "ko")),
            "<http://x/s> <http://x/p> \"학습\"@ko .\n");
  EXPECT_EQ(Line(LiteralTriple("1.5", "http://www.w3.org/2001/XMLSchema#decimal")),
            "<http://x/s> <http://x/p> "
            "\"1.5\"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n");
}

TEST(NTriplesTest, NTriplesPercentEncodesForbiddenIriCharacters) {
  const Triple triple{"http://x/a b", "http://x/p", ObjectKind::kIri,
                      "http://x/<\"{}|^`\\>\n", "", ""};
  EXPECT_EQ(Line(triple),
            "<http://x/a%20b> <http://x/p> "
            "<http://x/%3C%22%7B%7D%7C%5E%60%5C%3E%0A> .\n");
}

TEST(NTriplesTest, WritesTriplesInGivenOrder) {
  const std::vector<Triple> triples = {LiteralTriple("a"), LiteralTriple("b")};
  StringSink sink;

  ASSERT_TRUE(WriteNTriples(triples, &sink));
  EXPECT_EQ(sink.contents(),
            "<http://x/s> <http://x/p> \"a\" .\n"
            "<http://x/s> <http://x/p> \"b\" .\n");
}

TEST(NTriplesTest, StopsAtFailedWrite) {
  const std::vector<Triple> triples = {LiteralTriple("a"), LiteralTriple("b")};
  StringSink sink(10);

  EXPECT_FALSE(WriteNTriples(triples, &sink));
  std::string error;
  EXPECT_FALSE(sink.Commit(&error));
}

}  // namespace
}  // namespace kgbuild
