// The vocabulary: the entities kgbuild knows by name before it reads a post,
// and the cue words that type and role the names it discovers.
//
// A Vocabulary is loaded from text files (the format is described in
// vocab/README.md): the built-in files compiled into the library, then any
// files the user adds with `--vocab DIR`. A user entry whose canonical name
// has the key of a built-in entry replaces it. Loading reports every problem
// as a diagnostic with file and line and keeps going, so one run lists all
// of them; a vocabulary with errors must not be used.
//
// The vocabulary does not know about posts: matching names in text lives in
// extract/. A finished Vocabulary is immutable and safe to share between
// threads.
#ifndef KGBUILD_VOCAB_VOCABULARY_H_
#define KGBUILD_VOCAB_VOCABULARY_H_

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "vocab/diagnostic.h"

namespace kgbuild {

// The seven entity types of the annotation guide. The order is the
// tie-break order when evidence for two types is equal.
enum class EntityType : uint8_t {
  kModel,
  kMethod,
  kDataset,
  kMetric,
  kHardware,
  kTask,
  kOrganization,
};
inline constexpr int kEntityTypeCount = 7;

// The class name exported in RDF and GraphML: "Model", "Method", ...
std::string_view EntityTypeName(EntityType type);
std::optional<EntityType> ParseEntityType(std::string_view name);

using EntityId = uint32_t;

struct VocabularyEntry {
  EntityType type = EntityType::kModel;
  std::string name;                  // canonical name
  std::vector<std::string> aliases;  // other spellings, without `name`
  std::string variant_of;            // canonical name of the family, or ""
  std::string file;                  // where the entry was defined
  int line = 0;
};

// What a cue word tells about a name next to it.
enum class CueKind : uint8_t {
  kType,      // the name is of `type` (모델, dataset, 슈퍼컴퓨터 ...)
  kProposed,  // the paper introduces a discovered name (도입, present ...)
  kNew,       // the paper introduces even a known name (제안, novel ...)
  kUsed,      // the name is prior work or a baseline (기존, 대비 ...)
  kNone,      // the name is not one of the seven types (라이브러리, format ...)
};

struct CueWord {
  std::string word;
  CueKind kind = CueKind::kType;
  EntityType type = EntityType::kModel;  // meaningful for kType only
};

class Vocabulary {
 public:
  // Loads the files compiled into the library. Returns false when any of
  // them has an error, each reported to `sink`.
  bool LoadBuiltin(const DiagnosticSink& sink);

  // Loads every `*.tsv` file under `directory/entities` and `directory`
  // itself, plus `cues.tsv` and `stopwords.txt` when present, in sorted
  // order. Returns false on any error.
  bool LoadDirectory(const std::filesystem::path& directory,
                     const DiagnosticSink& sink);

  // Loads one entity file's text; `file` names it in diagnostics.
  bool LoadEntities(std::string_view text, std::string_view file,
                    const DiagnosticSink& sink);
  // Loads a cue file: lines `KIND<TAB>WORD|WORD...`, KIND an entity type
  // name, `proposed`, `new`, `used` or `none`.
  bool LoadCues(std::string_view text, std::string_view file,
                const DiagnosticSink& sink);
  // Loads a stop-word file: one word per line, never taken as an entity.
  bool LoadStopwords(std::string_view text, std::string_view file,
                     const DiagnosticSink& sink);

  // Checks what needs every file at once (each `VARIANT OF` names an entry
  // of the same type; no alias belongs to two entries) and builds the
  // indexes. Returns false on any error. Call once, after the last load.
  bool Finish(const DiagnosticSink& sink);

  const std::vector<VocabularyEntry>& entries() const { return entries_; }
  const std::vector<CueWord>& cues() const { return cues_; }

  // The entry whose canonical name or alias has NameKey `key`, or nullptr.
  const VocabularyEntry* FindByKey(std::string_view key) const;
  std::optional<EntityId> FindIdByKey(std::string_view key) const;
  bool IsStopword(std::string_view key) const;

 private:
  std::vector<VocabularyEntry> entries_;
  // The load that defined each entry: 0 for the built-in files and direct
  // Load* calls, then one more for each LoadDirectory, so an entry from a
  // later folder replaces an earlier one of the same name.
  std::vector<int> entry_layers_;
  int layer_ = 0;
  std::unordered_map<std::string, EntityId> canonical_index_;  // NameKey
  std::unordered_map<std::string, EntityId> name_index_;       // all names
  std::vector<CueWord> cues_;
  std::unordered_map<std::string, int> stopwords_;  // NameKey -> line
};

}  // namespace kgbuild

#endif  // KGBUILD_VOCAB_VOCABULARY_H_
