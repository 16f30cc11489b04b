// What the extractor finds in one paper's text: mentions of entities, with
// their type and role, and numeric results.
//
// These are plain values; graph/ merges them across papers and posts.
#ifndef KGBUILD_EXTRACT_EXTRACTION_H_
#define KGBUILD_EXTRACT_EXTRACTION_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "extract/post.h"
#include "vocab/vocabulary.h"

namespace kgbuild {

// How sure the extractor is of a mention's type, weakest first. The graph
// resolves an entity's type from its strongest evidence over all mentions.
enum class TypeEvidence : uint8_t {
  kGuess,       // a discovered name with no cue: typed by its shape
  kCue,         // a cue word next to the name (모델, dataset, 슈퍼컴퓨터 ...)
  kVocabulary,  // the name is a vocabulary entry
};

struct Mention {
  std::string name;      // canonical name: the vocabulary's, or as discovered
  std::string surface;   // the text as written, without a Korean particle
  std::optional<EntityId> entry;  // the vocabulary entry, if any
  EntityType type = EntityType::kModel;
  TypeEvidence evidence = TypeEvidence::kGuess;
  bool proposed = false;  // the paper introduces it
  SectionKind section = SectionKind::kOther;
  uint32_t line = 0;
  std::string parameters;  // a size the text gives the model: "7B", "800억"
  std::vector<std::string> aliases;  // other names the text gives it here
};

struct Result {
  std::string value;  // decimal as written, without thousands separators
  std::string unit;   // "%", "x" or ""
  std::string metric;   // canonical names, or "" when the text does not say
  std::string dataset;
  std::string model;
  SectionKind section = SectionKind::kOther;
  uint32_t line = 0;
};

struct PaperExtraction {
  std::vector<Mention> mentions;  // every occurrence, in text order
  std::vector<Result> results;    // in text order
};

}  // namespace kgbuild

#endif  // KGBUILD_EXTRACT_EXTRACTION_H_
