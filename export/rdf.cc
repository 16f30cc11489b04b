#include "export/rdf.h"

#include <algorithm>
#include <iterator>

#include "export/utf8.h"
#include "vocab/text.h"
#include "vocab/vocabulary.h"

namespace kgbuild {
namespace {

// Collects triples for one graph; the namespaces are resolved once.
class TripleBuilder {
 public:
  explicit TripleBuilder(const IriOptions& options)
      : kg_(VocabularyNamespace(options)) {}

  void AddIri(const std::string& subject, std::string_view predicate,
              std::string object) {
    triples_.push_back(
        {subject, std::string(predicate), ObjectKind::kIri, std::move(object), "", ""});
  }

  // Adds a literal unless `lexical` is empty.
  void AddLiteral(const std::string& subject, std::string_view predicate,
                  std::string_view lexical, std::string datatype = "",
                  std::string language = "") {
    if (lexical.empty()) return;
    triples_.push_back({subject, std::string(predicate), ObjectKind::kLiteral,
                        ReplaceInvalidUtf8(lexical), std::move(datatype),
                        std::move(language)});
  }

  // A name literal, tagged @ko when it contains Hangul.
  void AddName(const std::string& subject, std::string_view predicate,
               std::string_view name) {
    AddLiteral(subject, predicate, name, "", ContainsHangul(name) ? "ko" : "");
  }

  std::string Rdf(std::string_view local) const { return Join(kRdfNamespace, local); }
  std::string Rdfs(std::string_view local) const { return Join(kRdfsNamespace, local); }
  std::string Xsd(std::string_view local) const { return Join(kXsdNamespace, local); }
  std::string Schema(std::string_view local) const { return Join(kSchemaNamespace, local); }
  std::string Mls(std::string_view local) const { return Join(kMlsNamespace, local); }
  std::string Skos(std::string_view local) const { return Join(kSkosNamespace, local); }
  std::string Kg(std::string_view local) const { return Join(kg_, local); }

  void AddAll(std::vector<Triple> triples) {
    triples_.insert(triples_.end(), std::make_move_iterator(triples.begin()),
                    std::make_move_iterator(triples.end()));
  }

  // Returns the triples added so far, unsorted.
  std::vector<Triple> Take() { return std::move(triples_); }

  std::vector<Triple> Finish() {
    std::sort(triples_.begin(), triples_.end());
    triples_.erase(std::unique(triples_.begin(), triples_.end()), triples_.end());
    return std::move(triples_);
  }

 private:
  static std::string Join(std::string_view name_space, std::string_view local) {
    std::string iri(name_space);
    iri.append(local);
    return iri;
  }

  std::string kg_;
  std::vector<Triple> triples_;
};

void AddPost(const NodeProperties& node, const std::string& iri,
             TripleBuilder* out) {
  out->AddIri(iri, out->Rdf("type"), out->Schema("BlogPosting"));
  out->AddLiteral(iri, out->Schema("name"), node.label);
  if (StartsWithXsdDate(node.date)) {
    out->AddLiteral(iri, out->Schema("datePublished"), node.date.substr(0, 10),
                    out->Xsd("date"));
  } else {
    out->AddLiteral(iri, out->Schema("datePublished"), node.date);
  }
  for (const std::string& tag : node.tags) {
    out->AddLiteral(iri, out->Schema("keywords"), tag);
  }
}

void AddPaper(const NodeProperties& node, const std::string& iri,
              TripleBuilder* out) {
  out->AddIri(iri, out->Rdf("type"), out->Schema("ScholarlyArticle"));
  out->AddLiteral(iri, out->Schema("name"), node.label);
  out->AddLiteral(iri, out->Schema("identifier"), node.arxiv_id);
  if (std::optional<std::string> url = HttpUrlToIri(node.url)) {
    out->AddIri(iri, out->Schema("url"), std::move(*url));
  }
}

void AddEntity(const NodeProperties& node, const std::string& iri,
               TripleBuilder* out) {
  out->AddIri(iri, out->Rdf("type"), out->Kg(EntityTypeName(node.entity_type)));
  out->AddName(iri, out->Rdfs("label"), node.label);
  for (const std::string& alias : node.aliases) {
    out->AddName(iri, out->Skos("altLabel"), alias);
  }
  out->AddLiteral(iri, out->Kg("parameters"), node.parameters);
}

void AddResult(const NodeProperties& node, const std::string& iri,
               TripleBuilder* out) {
  out->AddIri(iri, out->Rdf("type"), out->Mls("ModelEvaluation"));
  out->AddLiteral(iri, out->Rdfs("label"), node.label);
  if (IsXsdDecimal(node.value)) {
    out->AddLiteral(iri, out->Mls("hasValue"), node.value, out->Xsd("decimal"));
  }
  out->AddLiteral(iri, out->Kg("unit"), node.unit);
}

std::string EdgePredicate(EdgeKind kind, const TripleBuilder& out) {
  switch (kind) {
    case EdgeKind::kHasPart: return out.Schema("hasPart");
    case EdgeKind::kMentions: return out.Schema("mentions");
    case EdgeKind::kProposes: return out.Kg("proposes");
    case EdgeKind::kReports: return out.Kg("reports");
    case EdgeKind::kMetric: return out.Mls("specifiedBy");
    case EdgeKind::kDataset: return out.Kg("dataset");
    case EdgeKind::kModel: return out.Kg("model");
    case EdgeKind::kVariantOf: return out.Kg("variantOf");
  }
  return out.Kg("related");
}

bool IsLeapYear(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int ParseDigits(std::string_view text) {
  int value = 0;
  for (char c : text) value = value * 10 + (c - '0');
  return value;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> RdfPrefixes(
    const IriOptions& options) {
  return {
      {"rdf", std::string(kRdfNamespace)},
      {"rdfs", std::string(kRdfsNamespace)},
      {"xsd", std::string(kXsdNamespace)},
      {"schema", std::string(kSchemaNamespace)},
      {"mls", std::string(kMlsNamespace)},
      {"skos", std::string(kSkosNamespace)},
      {"kg", VocabularyNamespace(options)},
  };
}

std::vector<Triple> NodeTriples(const NodeProperties& node, const std::string& iri,
                                const IriOptions& options) {
  TripleBuilder out(options);
  switch (node.kind) {
    case NodeKind::kPost: AddPost(node, iri, &out); break;
    case NodeKind::kPaper: AddPaper(node, iri, &out); break;
    case NodeKind::kEntity: AddEntity(node, iri, &out); break;
    case NodeKind::kResult: AddResult(node, iri, &out); break;
  }
  return out.Take();
}

std::string EdgePredicateIri(EdgeKind kind, const IriOptions& options) {
  return EdgePredicate(kind, TripleBuilder(options));
}

std::vector<Triple> BuildTriples(const Graph& graph, const IriOptions& options) {
  TripleBuilder out(options);

  std::vector<std::string> iris;
  iris.reserve(boost::num_vertices(graph));
  for (Vertex v : boost::make_iterator_range(boost::vertices(graph))) {
    iris.push_back(NodeIri(graph[v], options));
    out.AddAll(NodeTriples(graph[v], iris.back(), options));
  }

  for (Edge e : boost::make_iterator_range(boost::edges(graph))) {
    out.AddIri(iris[boost::source(e, graph)], EdgePredicate(graph[e].kind, out),
               iris[boost::target(e, graph)]);
  }
  return out.Finish();
}

bool IsXsdDecimal(std::string_view text) {
  size_t i = 0;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;

  size_t integer_digits = 0;
  while (i < text.size() && IsAsciiDigit(text[i])) ++i, ++integer_digits;

  size_t fraction_digits = 0;
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && IsAsciiDigit(text[i])) ++i, ++fraction_digits;
  }
  return i == text.size() && integer_digits + fraction_digits > 0;
}

bool StartsWithXsdDate(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!IsAsciiDigit(text[i])) return false;
  }

  const int year = ParseDigits(text.substr(0, 4));
  const int month = ParseDigits(text.substr(5, 2));
  const int day = ParseDigits(text.substr(8, 2));
  static constexpr int kDaysInMonth[] = {31, 28, 31, 30, 31, 30,
                                         31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  const int days = kDaysInMonth[month - 1] + (month == 2 && IsLeapYear(year));
  return day <= days;
}

}  // namespace kgbuild
