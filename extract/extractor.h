// The extractor: finds the entities a paper's text mentions, their types
// and roles, and the numeric results it reports.
//
// Names come from two sources. The vocabulary (through NameMatcher) gives
// known names with their types. Discovery finds names the vocabulary lacks
// by their shape (`RobusTok`, `rStar2-Agent`, `GRPO-RoC`, `HQKAN`), by the
// paper title's `NAME: ...` form, and by glosses (`대조 학습(contrastive
// learning)`, `Kolmogorov-Arnold Networks (KAN)`), and types them from cue
// words next to them (모델, dataset, 슈퍼컴퓨터 ...).
//
// An Extractor holds no per-post state: Extract may be called from several
// threads at once on different posts.
#ifndef KGBUILD_EXTRACT_EXTRACTOR_H_
#define KGBUILD_EXTRACT_EXTRACTOR_H_

#include <memory>
#include <vector>

#include "extract/extraction.h"
#include "extract/name_matcher.h"
#include "extract/post.h"
#include "vocab/vocabulary.h"

namespace kgbuild {

class CueTable;

class Extractor {
 public:
  // REQUIRES: `vocabulary` is finished and outlives the extractor.
  explicit Extractor(const Vocabulary& vocabulary);
  ~Extractor();

  // One PaperExtraction per paper of `post`, in the same order.
  std::vector<PaperExtraction> Extract(const Post& post) const;
  PaperExtraction ExtractPaper(const Paper& paper) const;

  const Vocabulary& vocabulary() const { return vocabulary_; }

 private:
  const Vocabulary& vocabulary_;
  NameMatcher matcher_;
  std::unique_ptr<const CueTable> cues_;
};

}  // namespace kgbuild

#endif  // KGBUILD_EXTRACT_EXTRACTOR_H_
