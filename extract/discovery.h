// Internal to extract/; see extract/extractor.h. Discovery of names that
// the vocabulary lacks: by shape, by gloss, and from a paper's title.
#ifndef KGBUILD_EXTRACT_DISCOVERY_H_
#define KGBUILD_EXTRACT_DISCOVERY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "vocab/vocabulary.h"

namespace kgbuild {

struct ShapeName {
  uint32_t begin = 0;
  uint32_t end = 0;
};

// Words that look like names: two or more capitals (`HALA`, `SWiPe`,
// `CodeEraser`), letters with digits (`rStar2-Agent`), a lowercase start
// with a capital inside (`pFID`); two such words with one space between
// form one name (`IFS ENS`). Stop words, units and parameter counts such
// as `7B` are left out.
std::vector<ShapeName> FindShapeNames(std::string_view text, const Vocabulary& vocabulary);

// A term glossed in brackets: `대조 학습(contrastive learning)`,
// `코드 언어 모델(Code Language Models, CLMs)`, or an English long name with
// its acronym `Kolmogorov-Arnold Networks (KAN)`.
struct Gloss {
  uint32_t begin = 0;  // range of the English name
  uint32_t end = 0;
  std::string english;
  std::string korean;   // the Korean term before the bracket, or ""
  std::string acronym;  // or ""
  uint32_t acronym_begin = 0;
  uint32_t acronym_end = 0;
};
std::vector<Gloss> FindGlosses(std::string_view text);

// The paper's own name when its title has the form `NAME: what it does`
// (`AERIS: Argonne Earth Systems Model ...`), or "".
std::string TitleName(std::string_view title);

}  // namespace kgbuild

#endif  // KGBUILD_EXTRACT_DISCOVERY_H_
