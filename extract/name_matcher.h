// Finding vocabulary names in text, all of them in one pass.
//
// The matcher compiles every name and alias of a Vocabulary, with their
// generated spellings (`GPT-2` also as `GPT2` and `GPT 2`; `확산 모델` also
// as `확산모델`), into one Aho-Corasick automaton over ASCII-lowercased
// bytes. A match counts only at word boundaries: English names are not
// found inside longer words (`MLP` in `MLPerf`, `Qwen2.5-Coder` in
// `Qwen2.5-Coder-7B`), but may carry a Korean particle (`MNIST에서`); Korean
// names may be followed only by a particle or an ending (`번역` is found in
// `번역을`, not in `번역기`). Names with two or more capital letters match
// with their case (`MATH` is not `math`).
//
// A NameMatcher is immutable after construction and safe to share between
// threads; it keeps a reference to nothing.
#ifndef KGBUILD_EXTRACT_NAME_MATCHER_H_
#define KGBUILD_EXTRACT_NAME_MATCHER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "vocab/vocabulary.h"

namespace kgbuild {

struct NameMatch {
  uint32_t begin = 0;  // byte range of the name in the text, without particle
  uint32_t end = 0;
  EntityId entry = 0;
};

class NameMatcher {
 public:
  explicit NameMatcher(const Vocabulary& vocabulary);

  // Returns the leftmost-longest matches that do not overlap, in text order.
  std::vector<NameMatch> FindAll(std::string_view text) const;

  size_t pattern_count() const { return patterns_.size(); }

 private:
  struct Pattern {
    std::string text;  // as written in the vocabulary, for case checks
    EntityId entry = 0;
    bool case_sensitive = false;
  };
  struct State {
    std::vector<std::pair<unsigned char, int32_t>> next;  // sorted by byte
    int32_t fail = 0;
    int32_t output_link = -1;    // nearest state on the fail chain with output
    std::vector<int32_t> outputs;  // patterns ending here
  };

  void AddPattern(const std::string& form, EntityId entry);
  void Build();
  int32_t Step(int32_t state, unsigned char byte) const;
  bool AcceptMatch(std::string_view text, size_t begin, size_t end,
                   const Pattern& pattern) const;

  std::vector<Pattern> patterns_;
  std::vector<State> states_;
  int32_t root_next_[256];
};

}  // namespace kgbuild

#endif  // KGBUILD_EXTRACT_NAME_MATCHER_H_
