// Reading a post: front matter, Markdown structure, and the papers the post
// covers with their sections.
//
// A paper starts at a heading that links to arxiv.org (at any level,
// numbered or not, also as an HTML `<hN><a href>` heading), at a heading
// followed by an `arXiv: URL` line, at a list item that is a link to
// arxiv.org (or whose child item is such a link), or at a heading whose own
// subsections are Goal / Method / Results ... even without any link. A
// heading whose link text the author wrapped over two lines is joined back.
//
// ReadPost does not find entities (extract/extractor.h does) and never
// touches the graph. It is pure and safe to call from several threads.
#ifndef KGBUILD_EXTRACT_POST_READER_H_
#define KGBUILD_EXTRACT_POST_READER_H_

#include <optional>
#include <string>
#include <string_view>

#include "extract/post.h"
#include "vocab/diagnostic.h"

namespace kgbuild {

struct ReadLimits {
  // Lines longer than this are cut to it, with a warning. Markdown parsing
  // time grows with line length on pathological input.
  size_t max_line_bytes = 1 << 20;
};

// Parses one post. `path` names the post in diagnostics and in the result.
// Returns nullopt when the post cannot be read at all (a NUL byte, which
// marks a binary file); every other problem is a warning and the post is
// read as well as it can be.
std::optional<Post> ReadPost(std::string_view bytes, const std::string& path,
                             const DiagnosticSink& sink,
                             const ReadLimits& limits = {});

// The bare arXiv identifier in `url` (`2509.14008` from
// `https://arxiv.org/pdf/2509.14008v2.pdf`), or "" when `url` is not an
// arxiv.org link or carries no identifier.
std::string ArxivIdFromUrl(std::string_view url);
bool IsArxivUrl(std::string_view url);

}  // namespace kgbuild

#endif  // KGBUILD_EXTRACT_POST_READER_H_
