#include "export/graphml.h"

#include <charconv>
#include <cmath>
#include <unordered_set>
#include <vector>

#include "export/utf8.h"
#include "vocab/vocabulary.h"

namespace kgbuild {
namespace {

constexpr std::string_view kHeader =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
    "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
    "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
    "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
    "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
    "  <key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
    "  <key id=\"iri\" for=\"node\" attr.name=\"iri\" attr.type=\"string\"/>\n"
    "  <key id=\"date\" for=\"node\" attr.name=\"date\" attr.type=\"string\"/>\n"
    "  <key id=\"value\" for=\"node\" attr.name=\"value\" attr.type=\"string\"/>\n"
    "  <key id=\"unit\" for=\"node\" attr.name=\"unit\" attr.type=\"string\"/>\n"
    "  <key id=\"kind\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>\n"
    "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
    "  <graph id=\"kg\" edgedefault=\"directed\">\n";

constexpr std::string_view kFooter = "  </graph>\n</graphml>\n";

std::string_view NodeTypeName(const NodeProperties& node) {
  switch (node.kind) {
    case NodeKind::kEntity: return EntityTypeName(node.entity_type);
    default: return NodeKindName(node.kind);
  }
}

// U+FFFD as a character reference. Some XML readers (xmldom) warn about a
// literal U+FFFD as a sign of a decoding problem, and a reference avoids it.
constexpr std::string_view kReplacementReference = "&#xFFFD;";

// True for the three-byte sequences written as kReplacementReference:
// U+FFFE and U+FFFF, which XML 1.0 cannot carry, and U+FFFD itself.
bool IsReplacedSequence(std::string_view sequence) {
  return sequence == "\xEF\xBF\xBE" || sequence == "\xEF\xBF\xBF" ||
         sequence == kReplacementCharacter;
}

bool MustEscapeInXml(unsigned char c) {
  return c < 0x20 || c == '&' || c == '<' || c == '>' || c == '"' || c == '\'';
}

void AppendEscape(unsigned char c, std::string* out) {
  switch (c) {
    case '&': out->append("&amp;"); return;
    case '<': out->append("&lt;"); return;
    case '>': out->append("&gt;"); return;
    case '"': out->append("&quot;"); return;
    case '\'': out->append("&apos;"); return;
    case '\t': out->append("&#9;"); return;
    case '\n': out->append("&#10;"); return;
    case '\r': out->append("&#13;"); return;
    default:
      // TODO(kgbuild): control characters other than tab, newline and
      // carriage return do not round-trip, because XML 1.0 cannot carry
      // them even as character references.
      out->append(kReplacementReference);
      return;
  }
}

void AppendData(std::string_view key, std::string_view value, std::string* out) {
  out->append("      <data key=\"");
  out->append(key);
  out->append("\">");
  AppendXmlEscaped(value, out);
  out->append("</data>\n");
}

void AppendOptionalData(std::string_view key, std::string_view value,
                        std::string* out) {
  if (!value.empty()) AppendData(key, value, out);
}

// Returns the text for the label attribute, which graph tools need to be
// non-empty: the node's label, else its path, arXiv id, key or IRI.
std::string_view DisplayLabel(const NodeProperties& node, std::string_view iri) {
  for (const std::string* text : {&node.label, &node.path, &node.arxiv_id, &node.key}) {
    if (!text->empty()) return *text;
  }
  return iri;
}

// Formats `weight` in the shortest form that reads back as the same double;
// a non-finite weight, which no reader accepts as a weight, becomes 0.
std::string FormatWeight(double weight) {
  if (!std::isfinite(weight)) weight = 0;
  char buffer[32];
  const std::to_chars_result result =
      std::to_chars(buffer, buffer + sizeof(buffer), weight);
  return std::string(buffer, result.ptr);
}

}  // namespace

void AppendXmlEscaped(std::string_view text, std::string* out) {
  size_t run_start = 0;
  size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const size_t length = ValidUtf8Length(text, i);
    const bool safe = length > 0 && !MustEscapeInXml(c) &&
                      !IsReplacedSequence(text.substr(i, length));
    if (safe) {
      i += length;
      continue;
    }

    out->append(text.substr(run_start, i - run_start));
    if (length == 1) {
      AppendEscape(c, out);
    } else {
      out->append(kReplacementReference);
    }
    i += length == 0 ? 1 : length;
    run_start = i;
  }
  out->append(text.substr(run_start));
}

bool WriteGraphMl(const Graph& graph, const IriOptions& options, ByteSink* sink) {
  if (!sink->Write(kHeader)) return false;

  // The graph's invariants rule out a repeated IRI. Should one occur, the
  // later node is left out, so ids stay unique, and its edges go to the first.
  std::vector<std::string> ids;
  ids.reserve(boost::num_vertices(graph));
  std::unordered_set<std::string> written;
  std::string element;
  for (Vertex v : boost::make_iterator_range(boost::vertices(graph))) {
    const NodeProperties& node = graph[v];
    ids.push_back(NodeIri(node, options));
    if (!written.insert(ids.back()).second) continue;

    element.assign("    <node id=\"");
    AppendXmlEscaped(ids.back(), &element);
    element.append("\">\n");
    AppendData("label", DisplayLabel(node, ids.back()), &element);
    AppendData("type", NodeTypeName(node), &element);
    AppendData("iri", ids.back(), &element);
    AppendOptionalData("date", node.date, &element);
    AppendOptionalData("value", node.value, &element);
    AppendOptionalData("unit", node.unit, &element);
    element.append("    </node>\n");
    if (!sink->Write(element)) return false;
  }

  for (Edge e : boost::make_iterator_range(boost::edges(graph))) {
    const EdgeProperties& edge = graph[e];
    element.assign("    <edge source=\"");
    AppendXmlEscaped(ids[boost::source(e, graph)], &element);
    element.append("\" target=\"");
    AppendXmlEscaped(ids[boost::target(e, graph)], &element);
    element.append("\">\n");
    AppendData("kind", EdgeKindName(edge.kind), &element);
    AppendData("weight", FormatWeight(edge.weight), &element);
    element.append("    </edge>\n");
    if (!sink->Write(element)) return false;
  }

  return sink->Write(kFooter);
}

}  // namespace kgbuild
