// Internal to extract/; the public entry point is extract/post_reader.h.
//
// Flattens a Markdown document (parsed by md4c) into a list of items:
// headings, paragraphs, list items and table rows as plain text, each with
// its links and the source line of each piece of text. Raw HTML is read
// too: `<h1>`..`<h6>` start heading items, `<p>`, `<div>`, `<li>` and
// `<br>` break items, `<a href>` makes links, and other tags are dropped.
#ifndef KGBUILD_EXTRACT_MARKDOWN_ITEMS_H_
#define KGBUILD_EXTRACT_MARKDOWN_ITEMS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/post.h"

namespace kgbuild {

enum class ItemKind : uint8_t { kHeading, kParagraph, kListItem, kTableRow };

struct Link {
  std::string href;
  uint32_t begin = 0;  // range of the link text in Item::text
  uint32_t end = 0;
};

struct Item {
  ItemKind kind = ItemKind::kParagraph;
  int level = 0;  // heading level 1-6, or list depth from 1 for list items
  std::string text;
  std::vector<LineMark> lines;
  std::vector<Link> links;
};

// Parses `text`, which must be valid UTF-8 without NUL bytes. `line_starts`
// holds the offset of each line's first byte, so that line n (1-based)
// starts at line_starts[n - 1].
std::vector<Item> ParseMarkdownItems(std::string_view text,
                                     const std::vector<size_t>& line_starts);

}  // namespace kgbuild

#endif  // KGBUILD_EXTRACT_MARKDOWN_ITEMS_H_
