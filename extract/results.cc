#include "extract/results.h"

#include <re2/re2.h>

#include <algorithm>

#include "vocab/text.h"

namespace kgbuild {

namespace {

struct Number {
  size_t begin = 0;
  size_t end = 0;  // past the digits, before any unit
  std::string value;
  std::string unit;
  size_t unit_end = 0;
  bool size = false;     // a parameter count such as 7B
  bool measure = false;  // followed by a unit of measure such as dB or ms
};

std::string_view SkipSpaces(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  return text;
}

// Reads the unit that follows a number at `text[end]`, if any.
void ReadUnit(std::string_view text, Number* number) {
  const std::string_view rest = SkipSpaces(text.substr(number->end));
  const size_t skipped = text.size() - number->end - rest.size();
  const auto set_unit = [&](const char* unit, size_t length) {
    number->unit = unit;
    number->unit_end = number->end + skipped + length;
  };

  if (rest.starts_with("%") || rest.starts_with("\xEF\xBC\x85")) {
    set_unit("%", rest[0] == '%' ? 1 : 3);
  } else if (rest.starts_with("퍼센트") || rest.starts_with("percent")) {
    set_unit("%", rest[0] == 'p' ? 7 : 9);
  } else if (rest.starts_with("배")) {
    set_unit("x", 3);
  } else if (skipped == 0 && (rest.starts_with("x") || rest.starts_with("\xC3\x97"))) {
    // `1.3x faster`, but not `4x4` or `1×1 패치`.
    const size_t length = rest[0] == 'x' ? 1 : 2;
    const std::string_view after = rest.substr(length);
    if (after.empty() || !IsAsciiAlnum(static_cast<unsigned char>(after[0]))) {
      set_unit("x", length);
    }
  } else if (skipped == 0 && !rest.empty() && std::string_view("KMBT").find(rest[0]) != std::string_view::npos &&
             (rest.size() == 1 || !IsAsciiAlnum(static_cast<unsigned char>(rest[1])))) {
    number->size = true;
    number->unit_end = number->end + 1;
  } else if (rest.starts_with("억") || rest.starts_with("만 ") || rest.starts_with("조 ")) {
    number->size = true;
    number->unit_end = number->end + skipped + 3;
  } else {
    // Units of measured quantities (`27.9 dB`, `1.9 ms`, `60 FPS`): the
    // number is a result with no unit of its own in the graph.
    static const RE2 measure(R"(^(dB|ms|FPS|fps|tokens/s|tok/s|it/s|images/s|samples/s)\b)");
    re2::StringPiece unit;
    if (RE2::PartialMatch(re2::StringPiece(rest.data(), rest.size()), measure, &unit)) {
      number->measure = true;
      number->unit_end = number->end + skipped + unit.size();
    }
  }
}

std::vector<Number> FindNumbers(std::string_view text) {
  static const RE2 pattern(R"((\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?)");
  std::vector<Number> numbers;
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece whole;
  re2::StringPiece fraction;
  while (RE2::FindAndConsume(&input, pattern, &whole, &fraction)) {
    Number number;
    number.begin = static_cast<size_t>(whole.data() - text.data());
    number.end = number.begin + whole.size() + fraction.size();
    // A number glued to letters or a dot before it is part of a name
    // (`GPT-4`, `Qwen2.5`), a version or a decimal we already read.
    if (number.begin > 0) {
      const unsigned char before = static_cast<unsigned char>(text[number.begin - 1]);
      if (IsAsciiAlnum(before) || before == '.' || before == '-' || before == '_') continue;
    }
    for (char c : std::string_view(whole.data(), whole.size())) {
      if (c != ',') number.value.push_back(c);
    }
    number.value.append(fraction.data(), fraction.size());
    if (number.end < text.size() && IsAsciiAlnum(static_cast<unsigned char>(text[number.end])) &&
        text[number.end] != 'x' && std::string_view("KMBT").find(text[number.end]) == std::string_view::npos) {
      continue;  // `4B` handled by ReadUnit; `3D`, `5e` are not numbers
    }
    ReadUnit(text, &number);
    numbers.push_back(std::move(number));
  }
  return numbers;
}

// The sentence around `offset`: bounded by `. `, `! `, `? ` or the block.
std::pair<size_t, size_t> SentenceAround(std::string_view text, size_t offset) {
  size_t begin = 0;
  for (size_t i = offset; i > 0; --i) {
    const char c = text[i - 1];
    if ((c == '.' || c == '!' || c == '?') && i < text.size() && text[i] == ' ' &&
        !(i >= 2 && IsAsciiDigit(static_cast<unsigned char>(text[i - 2])) && c == '.' &&
          i < text.size() && IsAsciiDigit(static_cast<unsigned char>(text[i])))) {
      begin = i;
      break;
    }
  }
  size_t end = text.size();
  for (size_t i = offset; i + 1 < text.size(); ++i) {
    const char c = text[i];
    if ((c == '.' || c == '!' || c == '?') && text[i + 1] == ' ') {
      end = i + 1;
      break;
    }
  }
  return {begin, end};
}

const NameSpan* NearestOfType(const std::vector<NameSpan>& spans, EntityType type, size_t offset,
                              std::pair<size_t, size_t> sentence, bool before_only) {
  const NameSpan* best = nullptr;
  size_t best_distance = SIZE_MAX;
  for (const NameSpan& span : spans) {
    if (span.type != type || span.begin < sentence.first || span.end > sentence.second) continue;
    if (before_only && span.end > offset) continue;
    const size_t distance = span.end <= offset ? offset - span.end : span.begin - offset;
    if (distance < best_distance) {
      best = &span;
      best_distance = distance;
    }
  }
  return best;
}

// The metric span right before `number` (`gFID 1.60`, `FID of 2.1`,
// `정확도는 91%`) or right after it (`1.36 gFID`), or nullptr.
const NameSpan* AdjacentMetric(std::string_view text, const std::vector<NameSpan>& spans,
                               const Number& number) {
  for (const NameSpan& span : spans) {
    if (span.type != EntityType::kMetric) continue;
    if (span.end <= number.begin) {
      std::string_view gap = text.substr(span.end, number.begin - span.end);
      if (gap.size() <= 12) {
        static const RE2 joiner(
            R"(^\s*(?:of|=|:|is|was|reaches|은|는|이|가|에서|를|을)?\s*(?:지표|점수|score)?\s*(?:은|는|이|가|of|:)?\s*(?:of|about|약)?\s*$)");
        if (RE2::FullMatch(gap, joiner)) return &span;
      }
    } else if (span.begin >= number.unit_end && span.begin - std::max(number.end, number.unit_end) <= 2) {
      return &span;
    }
  }
  return nullptr;
}

// True when a generic score word comes right before the number
// (`평균 점수는 41.7`, `score of 0.91`).
bool AfterScoreWord(std::string_view text, size_t begin) {
  static const RE2 score(R"((?:점수|스코어|score|Score)\s*(?:은|는|이|가|of|:|=)?\s*$)");
  const size_t start = begin > 24 ? begin - 24 : 0;
  return RE2::PartialMatch(text.substr(start, begin - start), score);
}

// True for `GenEval 0.86, DPG 86.52`: a score right after a benchmark's
// name.
bool AfterBenchmarkName(std::string_view text, const std::vector<NameSpan>& spans, const Number& number) {
  for (const NameSpan& span : spans) {
    if (span.type != EntityType::kDataset || span.end > number.begin || number.begin - span.end > 4) continue;
    const std::string_view gap = text.substr(span.end, number.begin - span.end);
    if (gap.find_first_not_of(" :=") == std::string_view::npos) return true;
  }
  return false;
}

// True for `CatBoost(0.897)`: a number alone in brackets right after a name.
bool InBracketsAfterName(std::string_view text, const std::vector<NameSpan>& spans,
                         const Number& number) {
  if (number.begin == 0 || text[number.begin - 1] != '(') return false;
  const size_t close = std::max(number.end, number.unit_end);
  if (close >= text.size() || text[close] != ')') return false;
  return std::any_of(spans.begin(), spans.end(),
                     [&](const NameSpan& span) { return span.end + 1 == number.begin; });
}

}  // namespace

FoundResults FindResults(const Block& block, const std::vector<NameSpan>& spans,
                         const std::string& own_model) {
  const std::string_view text = block.text;
  const SectionKind section = block.section;
  FoundResults found;
  const std::vector<Number> numbers = FindNumbers(text);

  static const RE2 versus(
      R"(^\s*(?:vs\.?|versus|대비|→|->|=>|~|–|-|에서|,?\s*against|,?\s*compared (?:to|with)|from)\s*$)");
  for (size_t i = 0; i < numbers.size(); ++i) {
    const Number& number = numbers[i];
    if (number.size) {
      found.sizes.push_back(std::string(text.substr(number.begin, number.unit_end - number.begin)));
      continue;
    }

    // Pairs: `99.38% vs 98.21%`, `0.62→0.20`, `13~53%`. The unit of one
    // side carries over to the other.
    const Number* partner = nullptr;
    bool first_of_pair = false;
    if (i + 1 < numbers.size()) {
      const size_t gap_begin = number.unit.empty() ? number.end : number.unit_end;
      if (numbers[i + 1].begin >= gap_begin &&
          RE2::FullMatch(text.substr(gap_begin, numbers[i + 1].begin - gap_begin), versus)) {
        partner = &numbers[i + 1];
        first_of_pair = true;
      }
    }
    if (partner == nullptr && i > 0) {
      const Number& previous = numbers[i - 1];
      const size_t gap_begin = previous.unit.empty() ? previous.end : previous.unit_end;
      if (number.begin >= gap_begin &&
          RE2::FullMatch(text.substr(gap_begin, number.begin - gap_begin), versus)) {
        partner = &previous;
      }
    }
    std::string unit = number.unit;
    if (unit.empty() && partner != nullptr) unit = partner->unit;

    const auto sentence = SentenceAround(text, number.begin);
    const NameSpan* metric = AdjacentMetric(text, spans, number);
    if (metric == nullptr && partner != nullptr) metric = AdjacentMetric(text, spans, *partner);
    const bool sentence_has_metric =
        NearestOfType(spans, EntityType::kMetric, number.begin, sentence, false) != nullptr;
    const bool is_result = !unit.empty() || metric != nullptr || number.measure ||
                           AfterBenchmarkName(text, spans, number) ||
                           AfterScoreWord(text, number.begin) ||
                           (partner != nullptr && sentence_has_metric) ||
                           (sentence_has_metric && InBracketsAfterName(text, spans, number));
    if (!is_result) continue;
    if (unit == "%" && (section == SectionKind::kMotivation || section == SectionKind::kLimitations)) {
      continue;
    }

    Result result;
    result.value = number.value;
    result.unit = unit;
    result.section = section;
    result.line = block.LineAt(static_cast<uint32_t>(number.begin));
    // A metric elsewhere in the sentence is the number's only when close:
    // in `14배 적은 라벨로 94% 정확도` the 14x is not an accuracy.
    if (metric == nullptr && unit != "x") {
      const NameSpan* nearest = NearestOfType(spans, EntityType::kMetric, number.begin, sentence, false);
      const size_t distance = nearest == nullptr ? SIZE_MAX
                              : nearest->end <= number.begin ? number.begin - nearest->end
                                                            : nearest->begin - number.end;
      if (distance <= 40) metric = nearest;
    }
    if (metric != nullptr) result.metric = metric->name;
    if (const NameSpan* dataset =
            NearestOfType(spans, EntityType::kDataset, number.begin, sentence, false)) {
      result.dataset = dataset->name;
    }
    const bool versus_pair = partner != nullptr &&
                             text.substr(std::min(number.end, partner->end),
                                         std::max(number.begin, partner->begin) -
                                             std::min(number.end, partner->end))
                                     .find("vs") != std::string_view::npos;
    if (versus_pair && !first_of_pair) {
      // The second value of `A vs B` is the baseline's.
      result.model = "";
    } else {
      const NameSpan* model = NearestOfType(spans, EntityType::kModel, number.begin, sentence, true);
      result.model = model != nullptr ? model->name : own_model;
    }
    found.results.push_back(std::move(result));
  }
  return found;
}

}  // namespace kgbuild

namespace kgbuild {

namespace {

struct Cell {
  size_t begin = 0;
  size_t end = 0;
};

std::vector<Cell> SplitCells(std::string_view text) {
  std::vector<Cell> cells;
  size_t start = 0;
  while (true) {
    const size_t bar = text.find(" | ", start);
    cells.push_back({start, bar == std::string_view::npos ? text.size() : bar});
    if (bar == std::string_view::npos) break;
    start = bar + 3;
  }
  return cells;
}

const NameSpan* SpanIn(const std::vector<NameSpan>& spans, Cell cell, EntityType type) {
  for (const NameSpan& span : spans) {
    if (span.type == type && span.begin >= cell.begin && span.end <= cell.end) return &span;
  }
  return nullptr;
}

const NameSpan* AnyOfType(const std::vector<NameSpan>* spans, EntityType type) {
  if (spans == nullptr) return nullptr;
  for (const NameSpan& span : *spans) {
    if (span.type == type) return &span;
  }
  return nullptr;
}

}  // namespace

FoundResults FindTableRowResults(const TableContext& table, const Block& row,
                                 const std::vector<NameSpan>& row_spans,
                                 const std::string& own_model) {
  FoundResults found;
  if (table.header == nullptr) return found;
  static const RE2 numeric(R"(^\s*(\d+(?:\.\d+)?)\s*(%|x|×|배)?\s*$)");

  const std::string_view header_text = table.header->text;
  const std::vector<Cell> header_cells = SplitCells(header_text);
  const std::vector<Cell> cells = SplitCells(row.text);
  const std::string_view caption = table.caption != nullptr ? std::string_view(table.caption->text) : "";
  const bool caption_percent = caption.find("(%)") != std::string_view::npos ||
                               caption.find("%)") != std::string_view::npos;

  const NameSpan* row_model = cells.empty() ? nullptr : SpanIn(row_spans, cells[0], EntityType::kModel);
  if (row_model == nullptr && !cells.empty()) row_model = SpanIn(row_spans, cells[0], EntityType::kMethod);

  for (size_t i = 1; i < cells.size(); ++i) {
    const std::string_view cell = std::string_view(row.text).substr(cells[i].begin, cells[i].end - cells[i].begin);
    std::string value;
    std::string unit;
    if (!RE2::FullMatch(re2::StringPiece(cell.data(), cell.size()), numeric, &value, &unit)) continue;

    Result result;
    result.value = value;
    result.unit = unit == "%" ? "%" : unit.empty() ? "" : "x";
    result.section = row.section;
    result.line = row.LineAt(static_cast<uint32_t>(cells[i].begin));
    if (i < header_cells.size()) {
      const Cell header_cell = header_cells[i];
      const std::string_view header = header_text.substr(header_cell.begin, header_cell.end - header_cell.begin);
      if (result.unit.empty() && header.find('%') != std::string_view::npos) result.unit = "%";
      if (const NameSpan* metric = SpanIn(table.header_spans, header_cell, EntityType::kMetric)) {
        result.metric = metric->name;
      }
      if (const NameSpan* dataset = SpanIn(table.header_spans, header_cell, EntityType::kDataset)) {
        result.dataset = dataset->name;
      }
    }
    if (result.unit.empty() && caption_percent) result.unit = "%";
    if (result.metric.empty()) {
      if (const NameSpan* metric = AnyOfType(&table.caption_spans, EntityType::kMetric)) result.metric = metric->name;
    }
    result.model = row_model != nullptr ? row_model->name : own_model;
    found.results.push_back(std::move(result));
  }
  return found;
}

}  // namespace kgbuild
