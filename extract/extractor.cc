#include "extract/extractor.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>

#include "extract/discovery.h"
#include "extract/korean.h"
#include "extract/name_span.h"
#include "extract/results.h"
#include "vocab/text.h"

namespace kgbuild {

namespace {

bool Overlaps(const NameSpan& span, uint32_t begin, uint32_t end) {
  return span.begin < end && begin < span.end;
}

bool OverlapsAny(const std::vector<NameSpan>& spans, uint32_t begin, uint32_t end) {
  return std::any_of(spans.begin(), spans.end(),
                     [&](const NameSpan& span) { return Overlaps(span, begin, end); });
}

// True when `gap`, the text between two names, only joins them in a list:
// `, `, ` 및 `, ` 또는 `, `와 `, ` and `, `, or ` ...
bool IsCoordination(std::string_view gap) {
  static const RE2 pattern(R"(^(?:,\s*|\s+및\s+|\s+또는\s+|(?:와|과|이나|나)\s+|,?\s+and\s+|,?\s+or\s+|\s*/\s*)$)");
  return RE2::FullMatch(gap, pattern);
}

// The word after `end`, past an optional particle and spaces (`HALA 모델들은`
// gives `모델들은`), and the word before `begin` (`모델인 HALA` gives
// `모델인`).
std::string_view WordAfter(std::string_view text, size_t end) {
  size_t begin = end + ParticleLength(text, end);
  while (begin < text.size() && text[begin] == ' ') ++begin;
  size_t stop = begin;
  while (stop < text.size() && text[stop] != ' ' && text[stop] != ',' && text[stop] != '.' &&
         text[stop] != ')' && text[stop] != '(') {
    ++stop;
  }
  return text.substr(begin, stop - begin);
}

std::string_view WordBefore(std::string_view text, size_t begin) {
  size_t end = begin;
  while (end > 0 && text[end - 1] == ' ') --end;
  size_t start = end;
  while (start > 0 && text[start - 1] != ' ' && text[start - 1] != '(' && text[start - 1] != ',') {
    --start;
  }
  return text.substr(start, end - start);
}

// The words of the `count` words that follow `end`, as one string view.
std::string_view WordsAfter(std::string_view text, size_t end, int count) {
  size_t stop = end;
  for (int words = 0; words <= count && stop < text.size(); ++stop) {
    if (text[stop] == ' ') ++words;
    if (text[stop] == '.' || text[stop] == ',') break;
  }
  return text.substr(end, stop - end);
}

std::string_view WordsBefore(std::string_view text, size_t begin, int count) {
  size_t start = begin;
  for (int words = 0; words <= count && start > 0; --start) {
    if (text[start - 1] == ' ') ++words;
    if (text[start - 1] == '.' || text[start - 1] == ',') break;
  }
  return text.substr(start, begin - start);
}

}  // namespace

class CueTable {
 public:
  explicit CueTable(const Vocabulary& vocabulary) {
    for (const CueWord& cue : vocabulary.cues()) {
      switch (cue.kind) {
        case CueKind::kType:
          types_.emplace_back(AsciiLowercase(cue.word), cue.type);
          break;
        case CueKind::kProposed:
          proposed_.push_back(AsciiLowercase(cue.word));
          break;
        case CueKind::kNew:
          new_.push_back(AsciiLowercase(cue.word));
          proposed_.push_back(AsciiLowercase(cue.word));
          break;
        case CueKind::kUsed:
          used_.push_back(AsciiLowercase(cue.word));
          break;
        case CueKind::kNone:
          none_.push_back(AsciiLowercase(cue.word));
          break;
      }
    }
    // Longest first, so `데이터셋` wins over `데이터`.
    std::sort(types_.begin(), types_.end(),
              [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  }

  // The type a cue word at the start of `word` (after a name) or at the
  // end of `word` (before a name, as in `모델인 HALA`) gives.
  std::optional<EntityType> TypeAfter(std::string_view word) const {
    const std::string lower = AsciiLowercase(word);
    for (const auto& [cue, type] : types_) {
      if (lower.starts_with(cue) && (lower.size() == cue.size() || !IsAsciiAlnum(lower[cue.size()]) ||
                                     static_cast<unsigned char>(cue[0]) >= 0x80)) {
        return type;
      }
    }
    return std::nullopt;
  }

  std::optional<EntityType> TypeBefore(std::string_view word) const {
    std::string lower = AsciiLowercase(word);
    for (const std::string_view ending : {"인", "의", "로", "으로"}) {
      if (lower.size() > ending.size() && lower.ends_with(ending)) {
        lower.resize(lower.size() - ending.size());
        break;
      }
    }
    for (const auto& [cue, type] : types_) {
      if (static_cast<unsigned char>(cue[0]) >= 0x80 && lower.ends_with(cue)) return type;
    }
    return std::nullopt;
  }

  bool HasProposedCue(std::string_view text) const { return ContainsAny(text, proposed_); }
  bool HasNewCue(std::string_view text) const { return ContainsAny(text, new_); }
  bool HasUsedCue(std::string_view text) const { return ContainsAny(text, used_); }

  // True when `word`, the word right after a name, marks the name as not
  // one of the seven entity types (`MPI 라이브러리`, `JSON format`).
  bool IsNoneCue(std::string_view word) const {
    const std::string lower = AsciiLowercase(word);
    for (const std::string& cue : none_) {
      if (lower == cue || (static_cast<unsigned char>(cue[0]) >= 0x80 && lower.starts_with(cue))) return true;
    }
    return false;
  }

 private:
  static bool ContainsAny(std::string_view text, const std::vector<std::string>& words) {
    const std::string lower = AsciiLowercase(text);
    for (const std::string& word : words) {
      const size_t at = lower.find(word);
      if (at == std::string::npos) continue;
      // English cue words count as whole words only.
      if (IsAsciiAlnum(static_cast<unsigned char>(word[0]))) {
        const bool left = at == 0 || !IsAsciiAlnum(static_cast<unsigned char>(lower[at - 1]));
        const size_t after = at + word.size();
        const bool right = after >= lower.size() || !IsAsciiAlnum(static_cast<unsigned char>(lower[after]));
        if (!left || !right) continue;
      }
      return true;
    }
    return false;
  }

  std::vector<std::pair<std::string, EntityType>> types_;
  std::vector<std::string> proposed_;
  std::vector<std::string> new_;
  std::vector<std::string> used_;
  std::vector<std::string> none_;
};

namespace {

// Guesses the type of a discovered name from its own words: `...-Bench`
// is a benchmark, `...Net` or `...Former` an architecture.
EntityType TypeFromShape(std::string_view name, bool glossed) {
  const std::string lower = AsciiLowercase(name);
  for (const std::string_view word : {"bench", "dataset", "corpus", "eval"}) {
    if (lower.find(word) != std::string::npos) return EntityType::kDataset;
  }
  for (const std::string_view word : {"network", "learning", "attention", "encoding", "former",
                                      "tuning", "training", "optimization", "sampling", "distillation",
                                      "quantization", "regularization", "function", "caching", "routing",
                                      "search", "alignment", "guidance", "merging", "pruning", "scaling",
                                      "estimation", "decoding", "tokenization", "prompting", "embedding",
                                      "augmentation", "normalization", "loss", "algorithm", "method"}) {
    if (lower.find(word) != std::string::npos) return EntityType::kMethod;
  }
  for (const std::string_view word : {"model", "gpt", "llm", "agent"}) {
    if (lower.find(word) != std::string::npos) return EntityType::kModel;
  }
  // A lowercase gloss (`contrastive learning`) names a technique more often
  // than a model.
  if (glossed && !name.empty() && name[0] >= 'a' && name[0] <= 'z') return EntityType::kMethod;
  return EntityType::kModel;
}

class PaperExtractor {
 public:
  PaperExtractor(const Vocabulary& vocabulary, const NameMatcher& matcher, const CueTable& cues,
                 const Paper& paper)
      : vocabulary_(vocabulary), matcher_(matcher), cues_(cues), paper_(paper) {}

  PaperExtraction Run() {
    CollectPaperAliases();

    const std::string title_name = TitleName(paper_.title);
    Block title;
    title.text = paper_.title;
    title.lines.push_back({0, paper_.line});
    std::vector<NameSpan> title_spans = FindSpans(title);
    if (!title_name.empty()) {
      for (NameSpan& span : title_spans) {
        if (span.begin == 0 && NameKey(paper_.title.substr(0, span.end)) == NameKey(title_name)) {
          span.proposed = true;
        }
      }
      if (!OverlapsAny(title_spans, 0, static_cast<uint32_t>(title_name.size()))) {
        NameSpan span = MakeDiscovered(title_name, 0, static_cast<uint32_t>(title_name.size()));
        span.proposed = true;
        if (span.evidence == TypeEvidence::kGuess) {
          span.type = TypeOfTitleRest(paper_.title.substr(title_name.size()));
        }
        title_spans.push_back(span);
      }
    }
    for (const NameSpan& span : title_spans) {
      if (span.proposed && own_model_.empty()) own_model_ = span.name;
    }
    Emit(title, title_spans);

    TableContext table;
    const Block* previous_text = nullptr;
    std::vector<NameSpan> previous_spans;
    for (const Block& block : paper_.blocks) {
      // Lists of other papers are not about this one.
      if (block.section == SectionKind::kReferences) continue;
      std::vector<NameSpan> spans = FindSpans(block);
      AssignRoles(block, &spans);
      DropBareAcronyms(block.text, &spans);
      for (const NameSpan& span : spans) {
        if (span.proposed && own_model_.empty() &&
            (span.type == EntityType::kModel || span.type == EntityType::kMethod)) {
          own_model_ = span.name;
        }
      }
      Emit(block, spans);

      FoundResults found;
      if (!block.table_row) {
        table.header = nullptr;
        found = FindResults(block, spans, own_model_);
      } else if (table.header == nullptr) {
        table.header = &block;
        table.header_spans = spans;
        table.caption = previous_text;
        table.caption_spans = previous_spans;
      } else {
        found = FindTableRowResults(table, block, spans, own_model_);
      }
      if (!block.table_row) {
        previous_text = &block;
        previous_spans = spans;
      }

      for (Result& result : found.results) extraction_.results.push_back(std::move(result));
      AttachSizes(block, found.sizes);
    }
    return std::move(extraction_);
  }

 private:
  // Glosses anywhere in the paper give acronyms and Korean terms that later
  // text uses alone (`QVAF`, then `QVAF를`).
  void CollectPaperAliases() {
    for (const Block& block : paper_.blocks) {
      for (const Gloss& gloss : FindGlosses(block.text)) {
        if (!gloss.acronym.empty()) paper_aliases_[NameKey(gloss.acronym)] = CanonicalOf(gloss.english);
      }
    }
  }

  std::string CanonicalOf(const std::string& name) const {
    if (const VocabularyEntry* entry = vocabulary_.FindByKey(NameKey(name))) return entry->name;
    return name;
  }

  NameSpan MakeVocabularySpan(EntityId id, uint32_t begin, uint32_t end) const {
    const VocabularyEntry& entry = vocabulary_.entries()[id];
    NameSpan span;
    span.begin = begin;
    span.end = end;
    span.name = entry.name;
    span.entry = id;
    span.type = entry.type;
    span.evidence = TypeEvidence::kVocabulary;
    return span;
  }

  NameSpan MakeDiscovered(const std::string& text, uint32_t begin, uint32_t end) const {
    const std::string key = NameKey(text);
    if (const auto id = vocabulary_.FindIdByKey(key)) return MakeVocabularySpan(*id, begin, end);
    NameSpan span;
    span.begin = begin;
    span.end = end;
    const auto alias = paper_aliases_.find(key);
    span.name = alias != paper_aliases_.end() ? alias->second : text;
    if (span.name != text) span.aliases.push_back(text);
    if (const auto id = vocabulary_.FindIdByKey(NameKey(span.name))) {
      NameSpan known = MakeVocabularySpan(*id, begin, end);
      known.aliases = span.aliases;
      return known;
    }
    span.type = TypeFromShape(span.name, false);
    span.evidence = TypeEvidence::kGuess;
    return span;
  }

  EntityType TypeOfTitleRest(std::string_view rest) const {
    const std::string lower = AsciiLowercase(rest);
    if (lower.find("benchmark") != std::string::npos || lower.find("dataset") != std::string::npos) {
      return EntityType::kDataset;
    }
    if (lower.find("model") != std::string::npos || lower.find("agent") != std::string::npos) {
      return EntityType::kModel;
    }
    for (const std::string_view word : {"method", "learning", "training", "framework", "attention",
                                        "optimization", "sampling", "caching", "decoding"}) {
      if (lower.find(word) != std::string::npos) return EntityType::kMethod;
    }
    return EntityType::kModel;
  }

  std::vector<NameSpan> FindSpans(const Block& block) const {
    const std::string_view text = block.text;
    std::vector<NameSpan> spans;
    for (const NameMatch& match : matcher_.FindAll(text)) {
      spans.push_back(MakeVocabularySpan(match.entry, match.begin, match.end));
    }

    for (const Gloss& gloss : FindGlosses(text)) {
      if (vocabulary_.IsStopword(NameKey(gloss.english))) continue;
      NameSpan* existing = nullptr;
      for (NameSpan& span : spans) {
        if (Overlaps(span, gloss.begin, gloss.end)) existing = &span;
      }
      if (existing == nullptr) {
        NameSpan span = MakeDiscovered(gloss.english, gloss.begin, gloss.end);
        if (span.evidence == TypeEvidence::kGuess) span.type = TypeFromShape(span.name, true);
        spans.push_back(std::move(span));
        existing = &spans.back();
      }
      const bool korean_is_other_name =
          !gloss.korean.empty() && vocabulary_.FindByKey(NameKey(gloss.korean)) != nullptr &&
          vocabulary_.FindByKey(NameKey(gloss.korean))->name != existing->name;
      if (!gloss.korean.empty() && !korean_is_other_name) existing->aliases.push_back(gloss.korean);
      if (!gloss.acronym.empty()) {
        existing->aliases.push_back(gloss.acronym);
        std::erase_if(spans, [&](const NameSpan& span) {
          return &span != existing && span.begin >= gloss.acronym_begin && span.end <= gloss.acronym_end;
        });
      }
    }
    std::sort(spans.begin(), spans.end(),
              [](const NameSpan& a, const NameSpan& b) { return a.begin < b.begin; });

    std::vector<NameSpan> discovered;
    for (const ShapeName& shape : FindShapeNames(text, vocabulary_)) {
      if (OverlapsAny(spans, shape.begin, shape.end)) continue;
      NameSpan span = MakeDiscovered(std::string(text.substr(shape.begin, shape.end - shape.begin)),
                                     shape.begin, shape.end);
      discovered.push_back(std::move(span));
    }
    spans.insert(spans.end(), discovered.begin(), discovered.end());
    std::sort(spans.begin(), spans.end(),
              [](const NameSpan& a, const NameSpan& b) { return a.begin < b.begin; });

    AddElidedNames(text, &spans);
    SetFollowingWords(text, &spans);
    std::erase_if(spans, [&](const NameSpan& span) {
      return span.evidence != TypeEvidence::kVocabulary && cues_.IsNoneCue(span.following_word);
    });
    for (NameSpan& span : spans) {
      if (span.evidence == TypeEvidence::kVocabulary) continue;
      std::optional<EntityType> cue = cues_.TypeAfter(span.following_word);
      if (!cue) cue = cues_.TypeBefore(WordBefore(text, span.begin));
      if (!cue && IsWhereResultsAre(text, spans, span)) cue = EntityType::kDataset;
      if (cue) {
        span.type = *cue;
        span.evidence = TypeEvidence::kCue;
      }
    }
    return spans;
  }

  // True for a name that results are reported on: `K&R-GEC에서 F0.5 71.8`,
  // `reaches 84% accuracy on FooBench`. A sentence with a metric or a
  // percentage, and the name right after `on` or right before `에서`, names
  // a dataset or benchmark.
  static bool IsWhereResultsAre(std::string_view text, const std::vector<NameSpan>& spans,
                                const NameSpan& span) {
    const std::string_view sentence = SentenceOf(text, span.begin);
    const bool has_metric = std::any_of(spans.begin(), spans.end(), [&](const NameSpan& other) {
      return other.type == EntityType::kMetric && other.evidence == TypeEvidence::kVocabulary &&
             other.begin >= static_cast<size_t>(sentence.data() - text.data()) &&
             other.end <= static_cast<size_t>(sentence.data() - text.data() + sentence.size());
    });
    if (!has_metric && sentence.find('%') == std::string_view::npos) return false;

    const std::string_view after = text.substr(span.end);
    if (after.starts_with("에서")) return true;
    const std::string_view before = text.substr(0, span.begin);
    return before.ends_with(" on ") || before.ends_with(" On ");
  }

  // `시퀀스, 파이프라인, 윈도우 병렬성` names three methods: the head word of a
  // matched name (`병렬성`) also completes each word listed before it when
  // that completion is a vocabulary name (`시퀀스 병렬성`).
  void AddElidedNames(std::string_view text, std::vector<NameSpan>* spans) const {
    std::vector<NameSpan> added;
    for (const NameSpan& span : *spans) {
      if (span.evidence != TypeEvidence::kVocabulary) continue;
      const std::string_view surface = text.substr(span.begin, span.end - span.begin);
      const size_t space = surface.rfind(' ');
      if (space == std::string_view::npos) continue;
      const std::string head(surface.substr(space));

      size_t cursor = span.begin;
      for (int listed = 0; listed < 6; ++listed) {
        size_t word_end = cursor;
        size_t gap_begin = cursor;
        while (gap_begin > 0 && (text[gap_begin - 1] == ' ' || text[gap_begin - 1] == ',')) --gap_begin;
        word_end = gap_begin;
        size_t word_begin = word_end;
        while (word_begin > 0 && text[word_begin - 1] != ' ' && text[word_begin - 1] != ',') --word_begin;
        if (word_begin == word_end || !IsCoordination(text.substr(word_end, cursor - word_end))) break;
        const std::string_view word = text.substr(word_begin, word_end - word_begin);
        const auto id = vocabulary_.FindIdByKey(NameKey(std::string(word) + head));
        if (!id) break;
        added.push_back(MakeVocabularySpan(*id, static_cast<uint32_t>(word_begin),
                                           static_cast<uint32_t>(word_end)));
        cursor = word_begin;
      }
    }
    for (NameSpan& span : added) {
      if (!OverlapsAny(*spans, span.begin, span.end)) spans->push_back(std::move(span));
    }
    std::sort(spans->begin(), spans->end(),
              [](const NameSpan& a, const NameSpan& b) { return a.begin < b.begin; });
  }

  // Sets each span's following word. In `MPI 또는 CCL 라이브러리` and
  // `A, B 모델`, the word after the last name of a list speaks for every
  // name in it.
  void SetFollowingWords(std::string_view text, std::vector<NameSpan>* spans) const {
    for (NameSpan& span : *spans) span.following_word = WordAfter(text, span.end);
    for (size_t i = spans->size(); i-- > 1;) {
      NameSpan& earlier = (*spans)[i - 1];
      const NameSpan& later = (*spans)[i];
      if (later.begin < earlier.end) continue;
      size_t gap_begin = earlier.end + ParticleLength(text, earlier.end);
      if (gap_begin > later.begin) gap_begin = earlier.end;
      if (IsCoordination(text.substr(gap_begin, later.begin - gap_begin))) {
        earlier.following_word = later.following_word;
      }
    }
  }

  // Drops discovered all-capital words of at most three letters that no
  // cue types and the paper does not propose (`SQL`, `GUI`, `MRI`, `UAV`).
  // Without a cue nothing tells such an acronym for a model from one for a
  // file format, a field or a device, so it is left out.
  static void DropBareAcronyms(std::string_view text, std::vector<NameSpan>* spans) {
    std::erase_if(*spans, [&](const NameSpan& span) {
      if (span.evidence != TypeEvidence::kGuess || span.proposed || span.end - span.begin > 3) return false;
      const std::string_view word = text.substr(span.begin, span.end - span.begin);
      return std::all_of(word.begin(), word.end(),
                         [](char c) { return IsAsciiUpper(static_cast<unsigned char>(c)); });
    });
  }

  // Marks names `proposed` when a proposing verb follows the name as its
  // object (`CodeEraser를 제안`) or a proposing word comes just before it
  // (`새로운 평가 지표 pFID`, `we propose X`). A discovered name in a Goal or
  // Contribution sentence that proposes something is proposed too. `used`
  // wins over both when `기존`, `대비` or `compared` stands next to the name.
  void AssignRoles(const Block& block, std::vector<NameSpan>* spans) const {
    const std::string_view text = block.text;
    const bool proposing_section = block.section == SectionKind::kGoal ||
                                   block.section == SectionKind::kContribution ||
                                   block.section == SectionKind::kIntroduction ||
                                   block.section == SectionKind::kAbstract ||
                                   block.section == SectionKind::kOther;
    for (NameSpan& span : *spans) {
      if (cues_.HasUsedCue(WordBefore(text, span.begin)) || cues_.HasUsedCue(WordAfter(text, span.end))) {
        span.used = true;
        continue;
      }

      // `하이브리드 QKAN(HQKAN)을 제안`: the particle may follow a bracket.
      size_t end = span.end;
      while (end < text.size() && (text[end] == ')' || text[end] == ']' || text[end] == '"' ||
                                   text[end] == '\'')) {
        ++end;
      }
      const size_t particle = ParticleLength(text, end);
      const std::string_view after = WordsAfter(text, end + particle, 2);
      const std::string_view before = WordsBefore(text, span.begin, 3);
      if (span.evidence == TypeEvidence::kVocabulary) {
        if ((particle > 0 && cues_.HasNewCue(after)) || cues_.HasNewCue(WordBefore(text, span.begin))) {
          span.proposed = true;
        }
        continue;
      }
      const bool object_of_cue = particle > 0 && cues_.HasProposedCue(after);
      if (object_of_cue || cues_.HasProposedCue(before)) span.proposed = true;
      if (proposing_section && cues_.HasProposedCue(SentenceOf(text, span.begin))) span.proposed = true;
    }
  }

  static std::string_view SentenceOf(std::string_view text, size_t offset) {
    size_t begin = text.rfind(". ", offset);
    begin = begin == std::string_view::npos ? 0 : begin + 2;
    size_t end = text.find(". ", offset);
    if (end == std::string_view::npos) end = text.size();
    return text.substr(begin, end - begin);
  }

  void Emit(const Block& block, const std::vector<NameSpan>& spans) {
    for (const NameSpan& span : spans) {
      Mention mention;
      mention.name = span.name;
      mention.surface = block.text.substr(span.begin, span.end - span.begin);
      mention.entry = span.entry;
      mention.type = span.type;
      mention.evidence = span.evidence;
      mention.proposed = span.proposed && !span.used;
      mention.section = block.section;
      mention.line = block.LineAt(span.begin);
      mention.aliases = span.aliases;
      if (mention.surface != mention.name) mention.aliases.push_back(mention.surface);
      extraction_.mentions.push_back(std::move(mention));
    }
  }

  // A parameter count in a sentence that names the paper's own model is
  // that model's size.
  void AttachSizes(const Block&, const std::vector<std::string>& sizes) {
    if (sizes.empty() || own_model_.empty()) return;
    for (Mention& mention : extraction_.mentions) {
      if (mention.name == own_model_ && mention.parameters.empty()) {
        std::string joined;
        for (const std::string& size : sizes) {
          if (!joined.empty()) joined += "-";
          joined += size;
        }
        mention.parameters = joined;
        return;
      }
    }
  }

  const Vocabulary& vocabulary_;
  const NameMatcher& matcher_;
  const CueTable& cues_;
  const Paper& paper_;
  std::map<std::string, std::string> paper_aliases_;  // NameKey -> canonical
  std::string own_model_;
  PaperExtraction extraction_;
};

}  // namespace

Extractor::Extractor(const Vocabulary& vocabulary)
    : vocabulary_(vocabulary), matcher_(vocabulary), cues_(std::make_unique<CueTable>(vocabulary)) {}

Extractor::~Extractor() = default;

std::vector<PaperExtraction> Extractor::Extract(const Post& post) const {
  std::vector<PaperExtraction> extractions;
  extractions.reserve(post.papers.size());
  for (const Paper& paper : post.papers) extractions.push_back(ExtractPaper(paper));
  return extractions;
}

PaperExtraction Extractor::ExtractPaper(const Paper& paper) const {
  return PaperExtractor(vocabulary_, matcher_, *cues_, paper).Run();
}

}  // namespace kgbuild
