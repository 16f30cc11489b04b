#include "extract/sections.h"

#include <string>
#include <unordered_map>

#include "vocab/text.h"

namespace kgbuild {

namespace {

struct SectionName {
  std::string_view name;  // compared by NameKey
  SectionKind kind;
};

constexpr SectionName kSectionNames[] = {
    {"introduction", SectionKind::kIntroduction},
    {"intro", SectionKind::kIntroduction},
    {"background", SectionKind::kIntroduction},
    {"overview", SectionKind::kIntroduction},
    {"소개", SectionKind::kIntroduction},
    {"서론", SectionKind::kIntroduction},
    {"개요", SectionKind::kIntroduction},
    {"배경", SectionKind::kIntroduction},
    {"goal", SectionKind::kGoal},
    {"goals", SectionKind::kGoal},
    {"objective", SectionKind::kGoal},
    {"objectives", SectionKind::kGoal},
    {"목표", SectionKind::kGoal},
    {"목적", SectionKind::kGoal},
    {"연구 목적", SectionKind::kGoal},
    {"motivation", SectionKind::kMotivation},
    {"problem", SectionKind::kMotivation},
    {"동기", SectionKind::kMotivation},
    {"연구 동기", SectionKind::kMotivation},
    {"문제 정의", SectionKind::kMotivation},
    {"contribution", SectionKind::kContribution},
    {"contributions", SectionKind::kContribution},
    {"key contributions", SectionKind::kContribution},
    {"기여", SectionKind::kContribution},
    {"주요 기여", SectionKind::kContribution},
    {"기여점", SectionKind::kContribution},
    {"method", SectionKind::kMethod},
    {"methods", SectionKind::kMethod},
    {"methodology", SectionKind::kMethod},
    {"approach", SectionKind::kMethod},
    {"proposed method", SectionKind::kMethod},
    {"방법", SectionKind::kMethod},
    {"방법론", SectionKind::kMethod},
    {"제안 방법", SectionKind::kMethod},
    {"제안 기법", SectionKind::kMethod},
    {"results", SectionKind::kResults},
    {"result", SectionKind::kResults},
    {"experiments", SectionKind::kResults},
    {"experiment", SectionKind::kResults},
    {"experimental results", SectionKind::kResults},
    {"evaluation", SectionKind::kResults},
    {"결과", SectionKind::kResults},
    {"실험", SectionKind::kResults},
    {"실험 결과", SectionKind::kResults},
    {"성능", SectionKind::kResults},
    {"limitations", SectionKind::kLimitations},
    {"limitation", SectionKind::kLimitations},
    {"한계", SectionKind::kLimitations},
    {"한계점", SectionKind::kLimitations},
    {"conclusion", SectionKind::kConclusion},
    {"conclusions", SectionKind::kConclusion},
    {"결론", SectionKind::kConclusion},
    {"abstract", SectionKind::kAbstract},
    {"summary", SectionKind::kAbstract},
    {"tl;dr", SectionKind::kAbstract},
    {"요약", SectionKind::kAbstract},
    {"초록", SectionKind::kAbstract},
    {"references", SectionKind::kReferences},
    {"bibliography", SectionKind::kReferences},
    {"related papers", SectionKind::kReferences},
    {"similar papers", SectionKind::kReferences},
    {"further reading", SectionKind::kReferences},
    {"참고 문헌", SectionKind::kReferences},
    {"참고 자료", SectionKind::kReferences},
    {"참고", SectionKind::kReferences},
    {"유사한 논문", SectionKind::kReferences},
    {"관련 논문", SectionKind::kReferences},
};

// Drops leading numbering, emoji and markup so that `## 3. 🧪 Results:`
// compares as `results`.
std::string_view StripDecoration(std::string_view text) {
  size_t begin = 0;
  while (begin < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[begin]);
    if (c >= 0x80) {
      size_t length = 0;
      const char32_t code_point = DecodeUtf8(text, begin, &length);
      if (IsHangul(code_point)) break;
      begin += length;
      continue;
    }
    if (IsAsciiAlnum(c) && !IsAsciiDigit(c)) break;
    ++begin;
  }
  text.remove_prefix(begin);
  while (!text.empty() && (text.back() == ':' || text.back() == ' ' || text.back() == '*')) {
    text.remove_suffix(1);
  }
  return text;
}

SectionKind Lookup(std::string_view name) {
  static const std::unordered_map<std::string, SectionKind> kByKey = [] {
    std::unordered_map<std::string, SectionKind> by_key;
    for (const SectionName& entry : kSectionNames) by_key.emplace(NameKey(entry.name), entry.kind);
    return by_key;
  }();
  const auto found = kByKey.find(NameKey(name));
  return found == kByKey.end() ? SectionKind::kOther : found->second;
}

}  // namespace

SectionKind SectionFromHeading(std::string_view heading) {
  const std::string_view name = StripDecoration(heading);
  if (name.size() > 40) return SectionKind::kOther;
  const SectionKind kind = Lookup(name);
  if (kind != SectionKind::kOther) return kind;

  // `Abstract (원문)`, `Results and discussion`: the first word decides.
  const size_t space = name.find_first_of(" (");
  if (space == std::string_view::npos) return kind;
  return Lookup(name.substr(0, space));
}

SectionKind SectionFromLabel(std::string_view text, SectionKind fallback) {
  const size_t colon = text.find(':');
  const size_t wide_colon = text.find("\xEF\xBC\x9A");
  const size_t end = std::min(colon, wide_colon);
  if (end == std::string_view::npos || end > 40) return fallback;
  const SectionKind kind = Lookup(StripDecoration(text.substr(0, end)));
  return kind == SectionKind::kOther ? fallback : kind;
}

}  // namespace kgbuild
