#include "export/node_style.h"

#include "vocab/vocabulary.h"

namespace kgbuild {

std::string_view NodeTypeName(const NodeProperties& node) {
  switch (node.kind) {
    case NodeKind::kEntity: return EntityTypeName(node.entity_type);
    default: return NodeKindName(node.kind);
  }
}

std::string_view DisplayLabel(const NodeProperties& node, std::string_view iri) {
  for (const std::string* text : {&node.label, &node.path, &node.arxiv_id, &node.key}) {
    if (!text->empty()) return *text;
  }
  return iri;
}

Rgb NodeColor(const NodeProperties& node) {
  switch (node.kind) {
    case NodeKind::kPost: return {153, 153, 153};
    case NodeKind::kPaper: return {77, 77, 77};
    case NodeKind::kResult: return {204, 204, 204};
    case NodeKind::kEntity: break;
  }
  switch (node.entity_type) {
    case EntityType::kModel: return {0, 114, 178};
    case EntityType::kMethod: return {230, 159, 0};
    case EntityType::kDataset: return {0, 158, 115};
    case EntityType::kMetric: return {204, 121, 167};
    case EntityType::kHardware: return {213, 94, 0};
    case EntityType::kTask: return {86, 180, 233};
    case EntityType::kOrganization: return {240, 228, 66};
  }
  return {0, 0, 0};
}

}  // namespace kgbuild
