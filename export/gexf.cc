#include "export/gexf.h"

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "export/node_style.h"
#include "export/xml_text.h"

namespace kgbuild {
namespace {

constexpr std::string_view kHeader =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\"\n"
    "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
    "    xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\"\n"
    "    version=\"1.3\">\n"
    "  <meta>\n"
    "    <creator>kgbuild</creator>\n"
    "    <description>Entity co-mention network: entities linked when papers "
    "mention both</description>\n"
    "  </meta>\n"
    "  <graph mode=\"dynamic\" defaultedgetype=\"undirected\" timeformat=\"date\">\n"
    "    <attributes class=\"node\" mode=\"static\">\n"
    "      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n"
    "      <attribute id=\"iri\" title=\"iri\" type=\"string\"/>\n"
    "      <attribute id=\"papers\" title=\"papers\" type=\"integer\"/>\n"
    "      <attribute id=\"firstDate\" title=\"firstDate\" type=\"string\"/>\n"
    "    </attributes>\n"
    "    <attributes class=\"edge\" mode=\"static\">\n"
    "      <attribute id=\"firstDate\" title=\"firstDate\" type=\"string\"/>\n"
    "    </attributes>\n";

constexpr std::string_view kFooter = "  </graph>\n</gexf>\n";

// Appends ` name="value"`, the value escaped.
void AppendAttribute(std::string_view name, std::string_view value, std::string* out) {
  out->push_back(' ');
  out->append(name);
  out->append("=\"");
  AppendXmlEscaped(value, out);
  out->push_back('"');
}

void AppendValue(std::string_view id, std::string_view value, std::string* out) {
  out->append("          <attvalue");
  AppendAttribute("for", id, out);
  AppendAttribute("value", value, out);
  out->append("/>\n");
}

void AppendNode(const NodeProperties& entity, const CoMentionNetwork::Node& node,
                const std::string& iri, std::string* out) {
  out->assign("      <node");
  AppendAttribute("id", iri, out);
  AppendAttribute("label", DisplayLabel(entity, iri), out);
  if (!node.first_date.empty()) AppendAttribute("start", node.first_date, out);
  out->append(">\n        <attvalues>\n");
  AppendValue("type", NodeTypeName(entity), out);
  AppendValue("iri", iri, out);
  AppendValue("papers", std::to_string(node.papers), out);
  if (!node.first_date.empty()) AppendValue("firstDate", node.first_date, out);
  out->append("        </attvalues>\n");

  const Rgb color = NodeColor(entity);
  out->append("        <viz:color");
  AppendAttribute("r", std::to_string(color.r), out);
  AppendAttribute("g", std::to_string(color.g), out);
  AppendAttribute("b", std::to_string(color.b), out);
  out->append("/>\n      </node>\n");
}

void AppendEdge(size_t index, const CoMentionNetwork::Link& link,
                const std::string& source, const std::string& target,
                std::string* out) {
  out->assign("      <edge");
  std::string id = "e";  // appended, not "e" + ..., which trips GCC 12's -Wrestrict
  id += std::to_string(index);
  AppendAttribute("id", id, out);
  AppendAttribute("source", source, out);
  AppendAttribute("target", target, out);
  AppendAttribute("weight", std::to_string(link.papers), out);
  if (link.first_date.empty()) {
    out->append("/>\n");
    return;
  }
  AppendAttribute("start", link.first_date, out);
  out->append(">\n        <attvalues>\n");
  AppendValue("firstDate", link.first_date, out);
  out->append("        </attvalues>\n      </edge>\n");
}

}  // namespace

bool WriteGexf(const Graph& graph, const CoMentionNetwork& network,
               const IriOptions& options, ByteSink* sink) {
  if (!sink->Write(kHeader)) return false;

  // As in the GraphML writers, a repeated IRI keeps only its first node.
  std::vector<std::string> ids;
  ids.reserve(network.nodes.size());
  std::unordered_set<std::string> written;
  std::string element("    <nodes>\n");
  if (!sink->Write(element)) return false;
  for (const CoMentionNetwork::Node& node : network.nodes) {
    const NodeProperties& entity = graph[node.entity];
    ids.push_back(NodeIri(entity, options));
    if (!written.insert(ids.back()).second) continue;

    AppendNode(entity, node, ids.back(), &element);
    if (!sink->Write(element)) return false;
  }
  if (!sink->Write("    </nodes>\n    <edges>\n")) return false;

  for (size_t i = 0; i < network.links.size(); ++i) {
    const CoMentionNetwork::Link& link = network.links[i];
    AppendEdge(i, link, ids[link.first], ids[link.second], &element);
    if (!sink->Write(element)) return false;
  }
  if (!sink->Write("    </edges>\n")) return false;
  return sink->Write(kFooter);
}

}  // namespace kgbuild
