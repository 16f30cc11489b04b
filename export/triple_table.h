// A compact, sorted list of RDF triples for the RDF writers.
//
// A TripleTable stores each distinct term once and each triple as three
// 32-bit term numbers, so millions of triples cost 12 bytes each plus their
// distinct terms, instead of five strings per triple. Finish() sorts the
// triples in the order of Triple's operator<=> (bytewise by subject,
// predicate, object kind, object, datatype, language) and removes
// duplicates, so a writer gives the same bytes from a finished table as
// from the same triples in a sorted std::vector<Triple>. Finish() also
// writes each term's N-Triples form once (export/ntriples.h escapes it),
// and every line that uses the term copies it.
//
// The table decides no content and writes no file. Building one is not
// thread-safe; a finished table may be read from several threads.
#ifndef KGBUILD_EXPORT_TRIPLE_TABLE_H_
#define KGBUILD_EXPORT_TRIPLE_TABLE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "export/rdf.h"

namespace kgbuild {

// One triple of a TripleTable, as views into the table's storage.
struct TripleView {
  std::string_view subject;
  std::string_view predicate;
  ObjectKind object_kind = ObjectKind::kIri;
  std::string_view object;    // an IRI, or a literal's lexical form
  std::string_view datatype;  // literal: datatype IRI, or "" for a plain string
  std::string_view language;  // literal: language tag, or ""
};

class TripleTable {
 public:
  using Term = uint32_t;

  TripleTable() = default;
  TripleTable(const TripleTable&) = delete;
  TripleTable& operator=(const TripleTable&) = delete;
  TripleTable(TripleTable&&) = default;
  TripleTable& operator=(TripleTable&&) = default;

  // Returns the term of an IRI or of a literal, adding it when new. The
  // text is copied. REQUIRES: not finished; `datatype` and `language`
  // contain no NUL byte.
  Term Iri(std::string_view iri);
  Term Literal(std::string_view lexical, std::string_view datatype = {},
               std::string_view language = {});

  // Adds a triple of terms this table returned. REQUIRES: not finished.
  void Add(Term subject, Term predicate, Term object);
  void Add(const Triple& triple);

  // Sorts the triples, removes duplicates and writes each term's N-Triples
  // form. Call once, after the last Add.
  void Finish();

  // Empties the table for reuse, keeping the memory it has reserved.
  void Clear();

  size_t size() const { return rows_.size(); }
  TripleView operator[](size_t i) const;

  // Appends triple `i` as one N-Triples line, or as an N-Quads line in the
  // graph whose N-Triples form (such as "<http://x/g>") is `graph_term`
  // when that is not empty. REQUIRES: Finish().
  void AppendLine(size_t i, std::string_view graph_term, std::string* out) const;

  // The triples as values, in table order.
  std::vector<Triple> ToTriples() const;

 private:
  struct TermData {
    ObjectKind kind = ObjectKind::kIri;
    std::string_view text;
    std::string_view datatype;
    std::string_view language;
    std::string_view ntriples;  // set by Finish()
  };
  struct Row {
    Term subject;
    Term predicate;
    Term object;
    auto operator<=>(const Row&) const = default;
  };

  // Copies `bytes` into storage that never moves, so views stay valid.
  std::string_view Store(std::string_view bytes);

  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t block_used_ = 0;
  size_t block_size_ = 0;
  size_t first_block_size_ = 0;  // the block Clear() keeps
  std::unordered_map<std::string_view, Term> iris_;
  // Key: datatype, NUL, language, NUL, lexical form.
  std::unordered_map<std::string_view, Term> literals_;
  std::vector<TermData> terms_;
  std::vector<Row> rows_;
  bool finished_ = false;
};

}  // namespace kgbuild

#endif  // KGBUILD_EXPORT_TRIPLE_TABLE_H_
