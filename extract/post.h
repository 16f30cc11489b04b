// The parsed form of one post: its front matter, and the papers it covers
// with their sections as blocks of plain text that remember their source
// lines.
//
// These are plain values produced by ReadPost (extract/post_reader.h) and
// consumed by the extractor; they hold no pointers into the source text.
#ifndef KGBUILD_EXTRACT_POST_H_
#define KGBUILD_EXTRACT_POST_H_

#include <cstdint>
#include <string>
#include <vector>

namespace kgbuild {

// The kind of a section, from its heading or its label (`Goal:`, `목표:`).
enum class SectionKind : uint8_t {
  kOther,  // text before the first section heading, or an unknown heading
  kIntroduction,
  kGoal,
  kMotivation,
  kContribution,
  kMethod,
  kResults,
  kLimitations,
  kConclusion,
  kAbstract,
  kReferences,  // lists of other papers (References, 유사한 논문): not read
};

// "introduction", "goal", ...: the name exported as a mention's section.
const char* SectionKindName(SectionKind kind);

// A mark that text from `offset` on in a block came from source `line`.
struct LineMark {
  uint32_t offset = 0;
  uint32_t line = 0;
};

// One paragraph, list item, table row or heading, as plain text: inline
// markup is gone, soft line breaks are spaces, and a table row's cells are
// joined by " | ".
struct Block {
  SectionKind section = SectionKind::kOther;
  bool table_row = false;  // the first row of a run of rows is the header
  std::string text;
  std::vector<LineMark> lines;  // sorted by offset; the first is at offset 0

  // The source line of the byte at `offset` in `text`.
  uint32_t LineAt(uint32_t offset) const;
};

struct Paper {
  std::string arxiv_id;  // bare identifier without version, or "" if none
  std::string title;     // as the heading gives it, whitespace collapsed
  std::string url;       // the link the heading carries, or ""
  uint32_t line = 0;     // line of the paper's heading
  std::vector<Block> blocks;
};

struct FrontMatter {
  std::string title;
  std::string date;  // as written, e.g. "2025-09-18 08:15:00"
  std::vector<std::string> tags;
  // An `arxiv:` key, even empty, marks a post that reviews one paper; its
  // value is the paper's URL or identifier.
  bool has_arxiv_key = false;
  std::string arxiv;
  bool present = false;
};

struct Post {
  std::string path;  // relative to the input root, with '/' separators
  FrontMatter front_matter;
  std::vector<Paper> papers;
};

}  // namespace kgbuild

#endif  // KGBUILD_EXTRACT_POST_H_
