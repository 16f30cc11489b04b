// Internal to extract/. Section names: which heading or label opens which
// kind of section of a paper summary, in English and Korean.
#ifndef KGBUILD_EXTRACT_SECTIONS_H_
#define KGBUILD_EXTRACT_SECTIONS_H_

#include <string_view>

#include "extract/post.h"

namespace kgbuild {

// The section a heading such as `## Results`, `### 3. 방법` or `## 📌 결론`
// opens, or kOther when it is not a section name.
SectionKind SectionFromHeading(std::string_view heading);

// The section that a block's leading label names (`Goal: ...`,
// `목표: ...`, `**Contribution**: ...`), or `fallback` when it has none.
SectionKind SectionFromLabel(std::string_view text, SectionKind fallback);

}  // namespace kgbuild

#endif  // KGBUILD_EXTRACT_SECTIONS_H_
