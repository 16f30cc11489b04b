// Internal to extract/; see extract/extractor.h. Numeric results in the
// shapes digests write them: `MNIST(99.38% vs 98.21%)`, `1.36 gFID`,
// `gFID 1.60`, `10.21 ExaFLOPS`, `14.6배`, `93.89% 감소`, `0.62→0.20`,
// `13~53%`. Parameter counts (`350M`, `9B`, `800억`) are sizes, not
// results, and are returned separately.
#ifndef KGBUILD_EXTRACT_RESULTS_H_
#define KGBUILD_EXTRACT_RESULTS_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/extraction.h"
#include "extract/name_span.h"

namespace kgbuild {

struct FoundResults {
  std::vector<Result> results;
  std::vector<std::string> sizes;  // parameter counts as written: "7B"
};

// Finds the results in one block. `spans` are the names found in it, in
// text order; `own_model` is the paper's own model or method (its first
// proposed name), which the first value of an `A vs B` pair belongs to.
FoundResults FindResults(const Block& block, const std::vector<NameSpan>& spans,
                         const std::string& own_model);

// A table being read: its header row and the paragraph before it, whose
// words (`정확도(%)는 다음과 같다`) often give the unit and metric of every
// cell.
struct TableContext {
  const Block* header = nullptr;
  std::vector<NameSpan> header_spans;
  const Block* caption = nullptr;
  std::vector<NameSpan> caption_spans;
};

// Finds the results in one data row of a table: every numeric cell, with
// the unit and metric of its column header or of the caption, the dataset
// its column header names, and the model the row's first cell names.
FoundResults FindTableRowResults(const TableContext& table, const Block& row,
                                 const std::vector<NameSpan>& row_spans,
                                 const std::string& own_model);

}  // namespace kgbuild

#endif  // KGBUILD_EXTRACT_RESULTS_H_
