#include "export/graphml.h"

#include <charconv>
#include <cmath>
#include <unordered_set>
#include <vector>

#include "export/node_style.h"
#include "export/xml_text.h"

namespace kgbuild {
namespace {

constexpr std::string_view kGraphMlStart =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
    "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
    "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
    "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";

constexpr std::string_view kNodeStyleKeys =
    "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
    "  <key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
    "  <key id=\"iri\" for=\"node\" attr.name=\"iri\" attr.type=\"string\"/>\n"
    "  <key id=\"r\" for=\"node\" attr.name=\"r\" attr.type=\"int\"/>\n"
    "  <key id=\"g\" for=\"node\" attr.name=\"g\" attr.type=\"int\"/>\n"
    "  <key id=\"b\" for=\"node\" attr.name=\"b\" attr.type=\"int\"/>\n";

constexpr std::string_view kEdgeKeys =
    "  <key id=\"kind\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>\n"
    "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n";

constexpr std::string_view kFullGraphKeys =
    "  <key id=\"date\" for=\"node\" attr.name=\"date\" attr.type=\"string\"/>\n"
    "  <key id=\"value\" for=\"node\" attr.name=\"value\" attr.type=\"string\"/>\n"
    "  <key id=\"unit\" for=\"node\" attr.name=\"unit\" attr.type=\"string\"/>\n";

constexpr std::string_view kCoMentionKeys =
    "  <key id=\"papers\" for=\"node\" attr.name=\"papers\" attr.type=\"int\"/>\n"
    "  <key id=\"firstDate\" for=\"node\" attr.name=\"firstDate\" attr.type=\"string\"/>\n"
    "  <key id=\"edgeFirstDate\" for=\"edge\" attr.name=\"firstDate\" "
    "attr.type=\"string\"/>\n";

constexpr std::string_view kFooter = "  </graph>\n</graphml>\n";

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

// Formats `weight` in the shortest form that reads back as the same double;
// a non-finite weight, which no reader accepts as a weight, becomes 0.
std::string FormatWeight(double weight) {
  if (!std::isfinite(weight)) weight = 0;
  char buffer[32];
  const std::to_chars_result result =
      std::to_chars(buffer, buffer + sizeof(buffer), weight);
  return std::string(buffer, result.ptr);
}

// Opens a <node> element and appends the data every view has: label, type,
// iri and the colour.
void StartNode(const NodeProperties& node, const std::string& iri, std::string* out) {
  out->assign("    <node id=\"");
  AppendXmlEscaped(iri, out);
  out->append("\">\n");
  AppendData("label", DisplayLabel(node, iri), out);
  AppendData("type", NodeTypeName(node), out);
  AppendData("iri", iri, out);
  const Rgb color = NodeColor(node);
  AppendData("r", std::to_string(color.r), out);
  AppendData("g", std::to_string(color.g), out);
  AppendData("b", std::to_string(color.b), out);
}

// Opens an <edge> element with id "e<index>" and appends kind and weight.
void StartEdge(size_t index, const std::string& source, const std::string& target,
               std::string_view kind, double weight, std::string* out) {
  out->assign("    <edge id=\"e");
  out->append(std::to_string(index));
  out->append("\" source=\"");
  AppendXmlEscaped(source, out);
  out->append("\" target=\"");
  AppendXmlEscaped(target, out);
  out->append("\">\n");
  AppendData("kind", kind, out);
  AppendData("weight", FormatWeight(weight), out);
}

}  // namespace

bool WriteGraphMl(const Graph& graph, const IriOptions& options, ByteSink* sink) {
  std::string header(kGraphMlStart);
  header.append(kNodeStyleKeys);
  header.append(kFullGraphKeys);
  header.append(kEdgeKeys);
  header.append("  <graph id=\"kg\" edgedefault=\"directed\">\n");
  if (!sink->Write(header)) return false;

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

    StartNode(node, ids.back(), &element);
    AppendOptionalData("date", node.date, &element);
    AppendOptionalData("value", node.value, &element);
    AppendOptionalData("unit", node.unit, &element);
    element.append("    </node>\n");
    if (!sink->Write(element)) return false;
  }

  size_t index = 0;
  for (Edge e : boost::make_iterator_range(boost::edges(graph))) {
    const EdgeProperties& edge = graph[e];
    StartEdge(index++, ids[boost::source(e, graph)], ids[boost::target(e, graph)],
              EdgeKindName(edge.kind), edge.weight, &element);
    element.append("    </edge>\n");
    if (!sink->Write(element)) return false;
  }

  return sink->Write(kFooter);
}

bool WriteCoMentionGraphMl(const Graph& graph, const CoMentionNetwork& network,
                           const IriOptions& options, ByteSink* sink) {
  std::string header(kGraphMlStart);
  header.append(kNodeStyleKeys);
  header.append(kCoMentionKeys);
  header.append(kEdgeKeys);
  header.append("  <graph id=\"comention\" edgedefault=\"undirected\">\n");
  if (!sink->Write(header)) return false;

  // As in WriteGraphMl, a repeated IRI keeps only its first node.
  std::vector<std::string> ids;
  ids.reserve(network.nodes.size());
  std::unordered_set<std::string> written;
  std::string element;
  for (const CoMentionNetwork::Node& node : network.nodes) {
    const NodeProperties& entity = graph[node.entity];
    ids.push_back(NodeIri(entity, options));
    if (!written.insert(ids.back()).second) continue;

    StartNode(entity, ids.back(), &element);
    AppendData("papers", std::to_string(node.papers), &element);
    AppendOptionalData("firstDate", node.first_date, &element);
    element.append("    </node>\n");
    if (!sink->Write(element)) return false;
  }

  for (size_t i = 0; i < network.links.size(); ++i) {
    const CoMentionNetwork::Link& link = network.links[i];
    StartEdge(i, ids[link.first], ids[link.second], kCoMentionKind, link.papers,
              &element);
    AppendOptionalData("edgeFirstDate", link.first_date, &element);
    element.append("    </edge>\n");
    if (!sink->Write(element)) return false;
  }

  return sink->Write(kFooter);
}

}  // namespace kgbuild
