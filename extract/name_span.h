// Internal to extract/; see extract/extractor.h. A name found in one block
// of text, before the graph merges it with the same name elsewhere.
#ifndef KGBUILD_EXTRACT_NAME_SPAN_H_
#define KGBUILD_EXTRACT_NAME_SPAN_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/extraction.h"
#include "vocab/vocabulary.h"

namespace kgbuild {

struct NameSpan {
  uint32_t begin = 0;  // byte range in the block's text
  uint32_t end = 0;
  std::string name;  // canonical name
  std::optional<EntityId> entry;
  EntityType type = EntityType::kModel;
  TypeEvidence evidence = TypeEvidence::kGuess;
  std::vector<std::string> aliases;
  // The word after the name, or after the list the name starts (`MPI 또는
  // CCL 라이브러리`); it points into the block's text.
  std::string_view following_word;
  bool proposed = false;
  bool used = false;
};

}  // namespace kgbuild

#endif  // KGBUILD_EXTRACT_NAME_SPAN_H_
