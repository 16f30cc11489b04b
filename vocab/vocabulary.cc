#include "vocab/vocabulary.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "vocab/builtin_files.h"
#include "vocab/text.h"

namespace kgbuild {

namespace {

constexpr std::array<std::string_view, kEntityTypeCount> kTypeNames = {
    "Model", "Method", "Dataset", "Metric", "Hardware", "Task", "Organization"};

// One line of a vocabulary file, split on TABs, with the 1-based column at
// which each field starts.
struct Fields {
  std::vector<std::string_view> values;
  std::vector<int> columns;
};

Fields SplitTabs(std::string_view line) {
  Fields fields;
  size_t start = 0;
  while (true) {
    const size_t tab = line.find('\t', start);
    fields.values.push_back(line.substr(start, tab - start));
    fields.columns.push_back(static_cast<int>(start) + 1);
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return fields;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' ||
                           text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

std::vector<std::string> SplitBars(std::string_view text) {
  std::vector<std::string> pieces;
  size_t start = 0;
  while (start <= text.size()) {
    size_t bar = text.find('|', start);
    if (bar == std::string_view::npos) bar = text.size();
    const std::string_view piece = Trim(text.substr(start, bar - start));
    if (!piece.empty()) pieces.emplace_back(piece);
    start = bar + 1;
  }
  return pieces;
}

// Calls `visit(line_number, line)` for each line that is neither blank nor a
// comment. A line with invalid UTF-8 is reported and skipped.
template <typename Visit>
bool ForEachLine(std::string_view text, std::string_view file,
                 const DiagnosticSink& sink, Visit visit) {
  bool ok = true;
  int number = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);

    const size_t invalid = FindInvalidUtf8(line);
    if (invalid != std::string_view::npos) {
      sink({Severity::kError, std::string(file), number,
            static_cast<int>(invalid) + 1, "invalid UTF-8"});
      ok = false;
      continue;
    }
    const std::string_view trimmed = Trim(line);
    if (trimmed.empty() || trimmed.front() == '#') continue;
    ok = visit(number, line) && ok;
  }
  return ok;
}

std::string Quoted(std::string_view text) {
  // Built by append: GCC 12 warns (-Wrestrict, a false positive) on the
  // same code written as `"\"" + std::string(text) + "\""`.
  std::string quoted;
  quoted.reserve(text.size() + 2);
  quoted.push_back('"');
  quoted.append(text);
  quoted.push_back('"');
  return quoted;
}

std::string Location(const VocabularyEntry& entry) {
  return entry.file + ":" + std::to_string(entry.line);
}

bool ReadFile(const std::filesystem::path& path, std::string* contents) {
  std::ifstream stream(path, std::ios::binary);
  if (!stream) return false;
  std::ostringstream buffer;
  buffer << stream.rdbuf();
  *contents = buffer.str();
  return !stream.bad();
}

}  // namespace

std::string_view EntityTypeName(EntityType type) {
  return kTypeNames[static_cast<size_t>(type)];
}

std::optional<EntityType> ParseEntityType(std::string_view name) {
  for (size_t i = 0; i < kTypeNames.size(); ++i) {
    if (kTypeNames[i] == name) return static_cast<EntityType>(i);
  }
  return std::nullopt;
}

bool Vocabulary::LoadBuiltin(const DiagnosticSink& sink) {
  bool ok = true;
  for (size_t i = 0; i < kBuiltinVocabularyFileCount; ++i) {
    const BuiltinFile& file = kBuiltinVocabularyFiles[i];
    const std::string_view text(reinterpret_cast<const char*>(file.data),
                                file.size);
    const std::string_view path(file.path);
    if (path.ends_with("cues.tsv")) {
      ok = LoadCues(text, path, sink) && ok;
    } else if (path.ends_with("stopwords.txt")) {
      ok = LoadStopwords(text, path, sink) && ok;
    } else {
      ok = LoadEntities(text, path, sink) && ok;
    }
  }
  return ok;
}

bool Vocabulary::LoadDirectory(const std::filesystem::path& directory,
                               const DiagnosticSink& sink) {
  ++layer_;
  std::error_code error;
  if (!std::filesystem::is_directory(directory, error)) {
    sink({Severity::kError, directory.string(), 0, 0,
          "vocabulary folder not found"});
    return false;
  }

  std::vector<std::filesystem::path> files;
  for (const auto& folder : {directory, directory / "entities"}) {
    if (!std::filesystem::is_directory(folder, error)) continue;
    for (const auto& item : std::filesystem::directory_iterator(folder, error)) {
      if (item.is_regular_file(error)) files.push_back(item.path());
    }
  }
  std::sort(files.begin(), files.end());

  bool ok = true;
  for (const auto& path : files) {
    const std::string name = path.filename().string();
    const bool is_cues = name == "cues.tsv";
    const bool is_stopwords = name == "stopwords.txt";
    if (!is_cues && !is_stopwords && path.extension() != ".tsv") continue;

    std::string text;
    if (!ReadFile(path, &text)) {
      sink({Severity::kError, path.string(), 0, 0, "cannot read file"});
      ok = false;
      continue;
    }
    if (is_cues) {
      ok = LoadCues(text, path.string(), sink) && ok;
    } else if (is_stopwords) {
      ok = LoadStopwords(text, path.string(), sink) && ok;
    } else {
      ok = LoadEntities(text, path.string(), sink) && ok;
    }
  }
  return ok;
}

bool Vocabulary::LoadEntities(std::string_view text, std::string_view file,
                              const DiagnosticSink& sink) {
  auto report = [&](int line, int column, std::string reason) {
    sink({Severity::kError, std::string(file), line, column, std::move(reason)});
    return false;
  };

  return ForEachLine(text, file, sink, [&](int number, std::string_view line) {
    const Fields fields = SplitTabs(line);
    if (fields.values.size() < 2 || fields.values.size() > 4) {
      return report(number, 1,
                    "expected 2 to 4 tab-separated columns (type, name, "
                    "aliases, variant of), found " +
                        std::to_string(fields.values.size()));
    }

    const std::string_view type_name = Trim(fields.values[0]);
    const std::optional<EntityType> type = ParseEntityType(type_name);
    if (!type) {
      return report(number, fields.columns[0],
                    "unknown entity type " + Quoted(type_name) +
                        "; expected one of Model, Method, Dataset, Metric, "
                        "Hardware, Task, Organization");
    }
    const std::string_view name = Trim(fields.values[1]);
    if (name.empty()) return report(number, fields.columns[1], "empty name");
    if (name.find('|') != std::string_view::npos) {
      return report(number, fields.columns[1],
                    "name " + Quoted(name) +
                        " contains '|'; aliases belong in the third column");
    }

    VocabularyEntry entry;
    entry.type = *type;
    entry.name = std::string(name);
    if (fields.values.size() > 2) entry.aliases = SplitBars(fields.values[2]);
    if (fields.values.size() > 3) {
      entry.variant_of = std::string(Trim(fields.values[3]));
    }
    entry.file = std::string(file);
    entry.line = number;

    const std::string key = NameKey(entry.name);
    if (key.empty()) {
      return report(number, fields.columns[1],
                    "name " + Quoted(name) + " has no letters or digits");
    }
    const auto existing = canonical_index_.find(key);
    if (existing != canonical_index_.end()) {
      const EntityId id = existing->second;
      if (entry_layers_[id] < layer_) {
        entries_[id] = std::move(entry);
        entry_layers_[id] = layer_;
        return true;
      }
      return report(number, fields.columns[1],
                    "duplicate entry " + Quoted(name) + ", first defined at " +
                        Location(entries_[id]));
    }
    canonical_index_.emplace(key, static_cast<EntityId>(entries_.size()));
    entries_.push_back(std::move(entry));
    entry_layers_.push_back(layer_);
    return true;
  });
}

bool Vocabulary::LoadCues(std::string_view text, std::string_view file,
                          const DiagnosticSink& sink) {
  return ForEachLine(text, file, sink, [&](int number, std::string_view line) {
    const Fields fields = SplitTabs(line);
    if (fields.values.size() != 2) {
      sink({Severity::kError, std::string(file), number, 1,
            "expected 2 tab-separated columns (kind, words), found " +
                std::to_string(fields.values.size())});
      return false;
    }

    const std::string_view kind = Trim(fields.values[0]);
    CueWord cue;
    if (kind == "proposed") {
      cue.kind = CueKind::kProposed;
    } else if (kind == "new") {
      cue.kind = CueKind::kNew;
    } else if (kind == "used") {
      cue.kind = CueKind::kUsed;
    } else if (kind == "none") {
      cue.kind = CueKind::kNone;
    } else if (const auto type = ParseEntityType(kind)) {
      cue.kind = CueKind::kType;
      cue.type = *type;
    } else {
      sink({Severity::kError, std::string(file), number, 1,
            "unknown cue kind " + Quoted(kind) +
                "; expected an entity type, proposed, new, used or none"});
      return false;
    }
    for (std::string& word : SplitBars(fields.values[1])) {
      cue.word = std::move(word);
      cues_.push_back(cue);
    }
    return true;
  });
}

bool Vocabulary::LoadStopwords(std::string_view text, std::string_view file,
                               const DiagnosticSink& sink) {
  return ForEachLine(text, file, sink, [&](int number, std::string_view line) {
    const std::string key = NameKey(Trim(line));
    if (!key.empty()) stopwords_.emplace(key, number);
    return true;
  });
}

bool Vocabulary::Finish(const DiagnosticSink& sink) {
  bool ok = true;
  name_index_.clear();

  for (EntityId id = 0; id < entries_.size(); ++id) {
    const VocabularyEntry& entry = entries_[id];
    std::vector<std::string> names = {entry.name};
    names.insert(names.end(), entry.aliases.begin(), entry.aliases.end());
    for (const std::string& name : names) {
      const std::string key = NameKey(name);
      if (key.empty()) continue;
      const auto [slot, inserted] = name_index_.emplace(key, id);
      if (inserted || slot->second == id) continue;

      const VocabularyEntry& other = entries_[slot->second];
      sink({Severity::kError, entry.file, entry.line, 0,
            "name " + Quoted(name) + " of " +
                std::string(EntityTypeName(entry.type)) + " " +
                Quoted(entry.name) + " is also a name of " +
                std::string(EntityTypeName(other.type)) + " " +
                Quoted(other.name) + " at " + Location(other)});
      ok = false;
    }
  }

  for (const VocabularyEntry& entry : entries_) {
    if (entry.variant_of.empty()) continue;
    const VocabularyEntry* family = FindByKey(NameKey(entry.variant_of));
    if (family == nullptr) {
      sink({Severity::kError, entry.file, entry.line, 0,
            "variant of " + Quoted(entry.variant_of) +
                " names no entry; add the family as its own line"});
      ok = false;
    } else if (family->type != entry.type) {
      sink({Severity::kError, entry.file, entry.line, 0,
            Quoted(entry.name) + " is a " +
                std::string(EntityTypeName(entry.type)) + " but its family " +
                Quoted(family->name) + " is a " +
                std::string(EntityTypeName(family->type))});
      ok = false;
    }
  }
  return ok;
}

const VocabularyEntry* Vocabulary::FindByKey(std::string_view key) const {
  const std::optional<EntityId> id = FindIdByKey(key);
  return id ? &entries_[*id] : nullptr;
}

std::optional<EntityId> Vocabulary::FindIdByKey(std::string_view key) const {
  const auto found = name_index_.find(std::string(key));
  if (found == name_index_.end()) return std::nullopt;
  return found->second;
}

bool Vocabulary::IsStopword(std::string_view key) const {
  return stopwords_.count(std::string(key)) > 0;
}

}  // namespace kgbuild
