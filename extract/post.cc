#include "extract/post.h"

namespace kgbuild {

const char* SectionKindName(SectionKind kind) {
  switch (kind) {
    case SectionKind::kOther:
      return "other";
    case SectionKind::kIntroduction:
      return "introduction";
    case SectionKind::kGoal:
      return "goal";
    case SectionKind::kMotivation:
      return "motivation";
    case SectionKind::kContribution:
      return "contribution";
    case SectionKind::kMethod:
      return "method";
    case SectionKind::kResults:
      return "results";
    case SectionKind::kLimitations:
      return "limitations";
    case SectionKind::kConclusion:
      return "conclusion";
    case SectionKind::kAbstract:
      return "abstract";
    case SectionKind::kReferences:
      return "references";
  }
  return "other";
}

uint32_t Block::LineAt(uint32_t offset) const {
  uint32_t line = lines.empty() ? 0 : lines.front().line;
  for (const LineMark& mark : lines) {
    if (mark.offset > offset) break;
    line = mark.line;
  }
  return line;
}

}  // namespace kgbuild
