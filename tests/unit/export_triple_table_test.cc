#include "export/triple_table.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace kgbuild {
namespace {

Triple Iri(std::string subject, std::string predicate, std::string object) {
  return {std::move(subject), std::move(predicate), ObjectKind::kIri, std::move(object), "", ""};
}

Triple Literal(std::string subject, std::string predicate, std::string lexical,
               std::string datatype = "", std::string language = "") {
  return {std::move(subject), std::move(predicate), ObjectKind::kLiteral, std::move(lexical),
          std::move(datatype), std::move(language)};
}

// Triples whose order turns on each field in turn, given out of order and
// with a duplicate.
std::vector<Triple> MixedTriples() {
  return {
      Literal("http://x/b", "http://x/p", "2", "http://www.w3.org/2001/XMLSchema#integer"),
      Iri("http://x/b", "http://x/p", "http://x/a"),
      Literal("http://x/a", "http://x/q", "학습", "", "ko"),
      Literal("http://x/a", "http://x/q", "학습"),
      Literal("http://x/b", "http://x/p", "http://x/a"),
      Literal("http://x/a", "http://x/p", "z"),
      Iri("http://x/b", "http://x/p", "http://x/a"),
      Literal("http://x/a", "http://x/p", "a\"b\n"),
  };
}

TEST(TripleTableTest, SortsLikeTripleVectorAndDropsDuplicates) {
  std::vector<Triple> expected = MixedTriples();
  std::sort(expected.begin(), expected.end());
  expected.erase(std::unique(expected.begin(), expected.end()), expected.end());

  TripleTable table;
  for (const Triple& triple : MixedTriples()) table.Add(triple);
  table.Finish();

  EXPECT_EQ(table.size(), 7u);
  EXPECT_EQ(table.ToTriples(), expected);
}

TEST(TripleTableTest, KeepsIriAndLiteralOfSameTextApart) {
  TripleTable table;
  table.Add(Iri("http://x/s", "http://x/p", "http://x/o"));
  table.Add(Literal("http://x/s", "http://x/p", "http://x/o"));
  table.Finish();

  ASSERT_EQ(table.size(), 2u);
  EXPECT_EQ(table[0].object_kind, ObjectKind::kIri);
  EXPECT_EQ(table[1].object_kind, ObjectKind::kLiteral);
  EXPECT_EQ(table[1].object, "http://x/o");
}

TEST(TripleTableTest, AppendsEscapedNTriplesAndNQuadsLines) {
  TripleTable table;
  table.Add(Literal("http://x/s b", "http://x/p", "say \"hi\"\n", "", "ko"));
  table.Add(Literal("http://x/s b", "http://x/q", "1.5", "http://www.w3.org/2001/XMLSchema#decimal"));
  table.Finish();

  std::string lines;
  table.AppendLine(0, {}, &lines);
  table.AppendLine(1, "<http://x/g>", &lines);
  EXPECT_EQ(lines,
            "<http://x/s%20b> <http://x/p> \"say \\\"hi\\\"\\n\"@ko .\n"
            "<http://x/s%20b> <http://x/q> \"1.5\"^^<http://www.w3.org/2001/XMLSchema#decimal> "
            "<http://x/g> .\n");
}

TEST(TripleTableTest, ClearedTableHoldsOnlyNewTriples) {
  TripleTable table;
  table.Add(Iri("http://x/a", "http://x/p", "http://x/b"));
  table.Finish();
  table.Clear();
  table.Add(Literal("http://x/c", "http://x/p", std::string(2 << 20, 'x')));
  table.Add(Iri("http://x/c", "http://x/p", "http://x/d"));
  table.Finish();

  ASSERT_EQ(table.size(), 2u);
  EXPECT_EQ(table[0].subject, "http://x/c");
  EXPECT_EQ(table[0].object, "http://x/d");
  EXPECT_EQ(table[1].object.size(), size_t{2} << 20);
}

}  // namespace
}  // namespace kgbuild
