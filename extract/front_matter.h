// Front matter: the YAML block between `---` lines at the top of a post
// (Jekyll's convention), read for the title, date and tags.
//
// Real posts carry quirks: a stray quote in the title, tags as a flow list
// or a block list, YAML that does not parse, a block never closed. None of
// them loses the post: each is reported as a warning and the fields are read
// line by line instead.
#ifndef KGBUILD_EXTRACT_FRONT_MATTER_H_
#define KGBUILD_EXTRACT_FRONT_MATTER_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "extract/post.h"
#include "vocab/diagnostic.h"

namespace kgbuild {

struct FrontMatterSpan {
  size_t begin = 0;  // offset of the opening `---` line
  size_t end = 0;    // offset just past the closing line; 0 if none
};

// Finds the front matter at the start of `text` (after any BOM) and fills
// `*front_matter`. Returns the bytes it covers, so the caller can blank them
// before reading the Markdown; `end` is 0 when the post has none or when the
// block is never closed (then a warning names line 1).
FrontMatterSpan ReadFrontMatter(std::string_view text, const std::string& file,
                                const DiagnosticSink& sink,
                                FrontMatter* front_matter);

}  // namespace kgbuild

#endif  // KGBUILD_EXTRACT_FRONT_MATTER_H_
