#include "export/triple_table.h"

#include <algorithm>
#include <cstring>
#include <numeric>
#include <tuple>

#include "export/ntriples.h"

namespace kgbuild {
namespace {

constexpr size_t kBlockSize = 1 << 20;

}  // namespace

std::string_view TripleTable::Store(std::string_view bytes) {
  if (bytes.empty()) return {};
  if (blocks_.empty() || block_size_ - block_used_ < bytes.size()) {
    block_size_ = std::max(kBlockSize, bytes.size());
    if (blocks_.empty()) first_block_size_ = block_size_;
    blocks_.push_back(std::unique_ptr<char[]>(new char[block_size_]));
    block_used_ = 0;
  }
  char* start = blocks_.back().get() + block_used_;
  std::memcpy(start, bytes.data(), bytes.size());
  block_used_ += bytes.size();
  return {start, bytes.size()};
}

TripleTable::Term TripleTable::Iri(std::string_view iri) {
  if (const auto found = iris_.find(iri); found != iris_.end()) return found->second;

  TermData term;
  term.text = Store(iri);
  const Term id = static_cast<Term>(terms_.size());
  terms_.push_back(term);
  iris_.emplace(term.text, id);
  return id;
}

TripleTable::Term TripleTable::Literal(std::string_view lexical, std::string_view datatype,
                                       std::string_view language) {
  std::string key;
  key.reserve(datatype.size() + language.size() + lexical.size() + 2);
  key.append(datatype);
  key.push_back('\0');
  key.append(language);
  key.push_back('\0');
  key.append(lexical);
  if (const auto found = literals_.find(key); found != literals_.end()) return found->second;

  const std::string_view stored = Store(key);
  TermData term;
  term.kind = ObjectKind::kLiteral;
  term.datatype = stored.substr(0, datatype.size());
  term.language = stored.substr(datatype.size() + 1, language.size());
  term.text = stored.substr(datatype.size() + language.size() + 2);
  const Term id = static_cast<Term>(terms_.size());
  terms_.push_back(term);
  literals_.emplace(stored, id);
  return id;
}

void TripleTable::Add(Term subject, Term predicate, Term object) {
  rows_.push_back({subject, predicate, object});
}

void TripleTable::Add(const Triple& triple) {
  const Term object = triple.object_kind == ObjectKind::kIri
                          ? Iri(triple.object)
                          : Literal(triple.object, triple.datatype, triple.language);
  Add(Iri(triple.subject), Iri(triple.predicate), object);
}

void TripleTable::Finish() {
  // Renumber the terms in Triple's field order, so that comparing term
  // numbers compares the strings and the rows sort as integers.
  std::vector<Term> order(terms_.size());
  std::iota(order.begin(), order.end(), Term{0});
  std::sort(order.begin(), order.end(), [&](Term a, Term b) {
    const TermData& x = terms_[a];
    const TermData& y = terms_[b];
    return std::tie(x.kind, x.text, x.datatype, x.language) <
           std::tie(y.kind, y.text, y.datatype, y.language);
  });
  std::vector<Term> rank(terms_.size());
  std::vector<TermData> sorted(terms_.size());
  for (Term r = 0; r < order.size(); ++r) {
    rank[order[r]] = r;
    sorted[r] = terms_[order[r]];
  }
  terms_ = std::move(sorted);
  for (Row& row : rows_) row = {rank[row.subject], rank[row.predicate], rank[row.object]};
  std::sort(rows_.begin(), rows_.end());
  rows_.erase(std::unique(rows_.begin(), rows_.end()), rows_.end());

  std::string form;
  for (TermData& term : terms_) {
    form.clear();
    if (term.kind == ObjectKind::kIri) {
      AppendNTriplesIri(term.text, &form);
    } else {
      AppendNTriplesLiteral(term.text, term.datatype, term.language, &form);
    }
    term.ntriples = Store(form);
  }

  // The maps give the numbers from before the renumbering, so they go.
  iris_.clear();
  literals_.clear();
  finished_ = true;
}

void TripleTable::Clear() {
  if (!blocks_.empty()) {
    blocks_.resize(1);
    block_size_ = first_block_size_;
    block_used_ = 0;
  }
  iris_.clear();
  literals_.clear();
  terms_.clear();
  rows_.clear();
  finished_ = false;
}

TripleView TripleTable::operator[](size_t i) const {
  const Row& row = rows_[i];
  const TermData& object = terms_[row.object];
  return {terms_[row.subject].text, terms_[row.predicate].text, object.kind,
          object.text,              object.datatype,            object.language};
}

void TripleTable::AppendLine(size_t i, std::string_view graph_term, std::string* out) const {
  const Row& row = rows_[i];
  out->append(terms_[row.subject].ntriples);
  out->push_back(' ');
  out->append(terms_[row.predicate].ntriples);
  out->push_back(' ');
  out->append(terms_[row.object].ntriples);
  out->push_back(' ');
  if (!graph_term.empty()) {
    out->append(graph_term);
    out->push_back(' ');
  }
  out->append(".\n");
}

std::vector<Triple> TripleTable::ToTriples() const {
  std::vector<Triple> triples;
  triples.reserve(rows_.size());
  for (size_t i = 0; i < rows_.size(); ++i) {
    const TripleView view = (*this)[i];
    triples.push_back({std::string(view.subject), std::string(view.predicate), view.object_kind,
                       std::string(view.object), std::string(view.datatype),
                       std::string(view.language)});
  }
  return triples;
}

}  // namespace kgbuild
