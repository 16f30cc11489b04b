#include "export/rdf.h"

#include <algorithm>
#include <iterator>

#include "export/triple_table.h"
#include "export/utf8.h"
#include "vocab/text.h"
#include "vocab/vocabulary.h"

namespace kgbuild {
namespace {

// Returns the namespace and local name of the predicate of an edge of
// `kind`. `kg` is VocabularyNamespace(options).
std::pair<std::string_view, std::string_view> EdgePredicateParts(EdgeKind kind,
                                                                 std::string_view kg) {
  switch (kind) {
    case EdgeKind::kHasPart: return {kSchemaNamespace, "hasPart"};
    case EdgeKind::kMentions: return {kSchemaNamespace, "mentions"};
    case EdgeKind::kProposes: return {kg, "proposes"};
    case EdgeKind::kReports: return {kg, "reports"};
    case EdgeKind::kMetric: return {kMlsNamespace, "specifiedBy"};
    case EdgeKind::kDataset: return {kg, "dataset"};
    case EdgeKind::kModel: return {kg, "model"};
    case EdgeKind::kVariantOf: return {kg, "variantOf"};
  }
  return {kg, "related"};
}

// Adds the triples of nodes and edges to a TripleTable. IRIs are built in
// one reused buffer, so a triple whose terms the table has allocates nothing.
class TripleBuilder {
 public:
  using Term = TripleTable::Term;

  TripleBuilder(const IriOptions& options, TripleTable* table)
      : kg_(VocabularyNamespace(options)), table_(table) {}

  Term Rdf(std::string_view local) { return Name(kRdfNamespace, local); }
  Term Rdfs(std::string_view local) { return Name(kRdfsNamespace, local); }
  Term Schema(std::string_view local) { return Name(kSchemaNamespace, local); }
  Term Mls(std::string_view local) { return Name(kMlsNamespace, local); }
  Term Skos(std::string_view local) { return Name(kSkosNamespace, local); }
  Term Kg(std::string_view local) { return Name(kg_, local); }
  Term Iri(std::string_view iri) { return table_->Iri(iri); }

  void Add(Term subject, Term predicate, Term object) { table_->Add(subject, predicate, object); }

  // Adds a literal unless `lexical` is empty. `xsd_type` names its
  // datatype in the XSD namespace, or is empty for a plain string.
  void AddLiteral(Term subject, Term predicate, std::string_view lexical,
                  std::string_view xsd_type = {}, std::string_view language = {}) {
    if (lexical.empty()) return;
    datatype_.clear();
    if (!xsd_type.empty()) datatype_.append(kXsdNamespace).append(xsd_type);
    const Term object = FindInvalidUtf8(lexical) == std::string_view::npos
                            ? table_->Literal(lexical, datatype_, language)
                            : table_->Literal(ReplaceInvalidUtf8(lexical), datatype_, language);
    table_->Add(subject, predicate, object);
  }

  // A name literal, tagged @ko when it contains Hangul.
  void AddName(Term subject, Term predicate, std::string_view name) {
    AddLiteral(subject, predicate, name, {}, ContainsHangul(name) ? "ko" : "");
  }

  Term EdgePredicate(EdgeKind kind) {
    const auto [name_space, local] = EdgePredicateParts(kind, kg_);
    return Name(name_space, local);
  }

  void AddNode(const NodeProperties& node, Term iri, NodeFacts facts) {
    if (facts != NodeFacts::kMerged) {
      switch (node.kind) {
        case NodeKind::kPost: AddPost(node, iri); break;
        case NodeKind::kPaper: AddPaper(node, iri); break;
        case NodeKind::kEntity: AddEntity(node, iri); break;
        case NodeKind::kResult: AddResult(node, iri); break;
      }
    }
    if (facts != NodeFacts::kPerPost && node.kind == NodeKind::kEntity) {
      for (const std::string& alias : node.aliases) AddName(iri, Skos("altLabel"), alias);
      AddLiteral(iri, Kg("parameters"), node.parameters);
    }
  }

 private:
  Term Name(std::string_view name_space, std::string_view local) {
    buffer_.assign(name_space);
    buffer_.append(local);
    return table_->Iri(buffer_);
  }

  void AddPost(const NodeProperties& node, Term iri) {
    Add(iri, Rdf("type"), Schema("BlogPosting"));
    AddLiteral(iri, Schema("name"), node.label);
    if (StartsWithXsdDate(node.date)) {
      AddLiteral(iri, Schema("datePublished"), std::string_view(node.date).substr(0, 10), "date");
    } else {
      AddLiteral(iri, Schema("datePublished"), node.date);
    }
    for (const std::string& tag : node.tags) AddLiteral(iri, Schema("keywords"), tag);
  }

  void AddPaper(const NodeProperties& node, Term iri) {
    Add(iri, Rdf("type"), Schema("ScholarlyArticle"));
    AddLiteral(iri, Schema("name"), node.label);
    AddLiteral(iri, Schema("identifier"), node.arxiv_id);
    if (std::optional<std::string> url = HttpUrlToIri(node.url)) {
      Add(iri, Schema("url"), Iri(*url));
    }
  }

  // Adds the type and label. AddNode adds the aliases and parameters by `facts`.
  void AddEntity(const NodeProperties& node, Term iri) {
    Add(iri, Rdf("type"), Kg(EntityTypeName(node.entity_type)));
    AddName(iri, Rdfs("label"), node.label);
  }

  void AddResult(const NodeProperties& node, Term iri) {
    Add(iri, Rdf("type"), Mls("ModelEvaluation"));
    AddLiteral(iri, Rdfs("label"), node.label);
    if (IsXsdDecimal(node.value)) AddLiteral(iri, Mls("hasValue"), node.value, "decimal");
    AddLiteral(iri, Kg("unit"), node.unit);
  }

  std::string kg_;
  TripleTable* table_;
  std::string buffer_;
  std::string datatype_;
};

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

void AddNodeTriples(const NodeProperties& node, std::string_view iri, NodeFacts facts,
                    const IriOptions& options, TripleTable* table) {
  TripleBuilder out(options, table);
  out.AddNode(node, out.Iri(iri), facts);
}

std::vector<Triple> NodeTriples(const NodeProperties& node, const std::string& iri,
                                const IriOptions& options) {
  TripleTable table;
  AddNodeTriples(node, iri, NodeFacts::kAll, options, &table);
  table.Finish();
  return table.ToTriples();
}

std::string EdgePredicateIri(EdgeKind kind, const IriOptions& options) {
  const std::string kg = VocabularyNamespace(options);
  const auto [name_space, local] = EdgePredicateParts(kind, kg);
  std::string iri(name_space);
  iri.append(local);
  return iri;
}

TripleTable BuildTripleTable(const Graph& graph, const IriOptions& options) {
  TripleTable table;
  TripleBuilder out(options, &table);

  std::vector<TripleTable::Term> iris;
  iris.reserve(boost::num_vertices(graph));
  for (Vertex v : boost::make_iterator_range(boost::vertices(graph))) {
    iris.push_back(out.Iri(NodeIri(graph[v], options)));
    out.AddNode(graph[v], iris.back(), NodeFacts::kAll);
  }

  for (Edge e : boost::make_iterator_range(boost::edges(graph))) {
    out.Add(iris[boost::source(e, graph)], out.EdgePredicate(graph[e].kind),
            iris[boost::target(e, graph)]);
  }
  table.Finish();
  return table;
}

std::vector<Triple> BuildTriples(const Graph& graph, const IriOptions& options) {
  return BuildTripleTable(graph, options).ToTriples();
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
