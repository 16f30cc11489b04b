// Reading and extracting many posts on several threads.
//
// Posts are independent, so a batch of them is split among `jobs` worker
// threads. The results come back in input order with each post's
// diagnostics beside them, so what the caller does next (add to the graph,
// print problems) is the same for any number of jobs.
//
// ExtractPosts is safe to call from one thread at a time per Extractor; it
// starts and joins its own threads and keeps no state between calls.
#ifndef KGBUILD_EXTRACT_PARALLEL_H_
#define KGBUILD_EXTRACT_PARALLEL_H_

#include <optional>
#include <string>
#include <vector>

#include "extract/extraction.h"
#include "extract/extractor.h"
#include "extract/post.h"
#include "extract/post_reader.h"
#include "vocab/diagnostic.h"

namespace kgbuild {

struct PostSource {
  std::string relative;  // path relative to the input root: the post's name
  std::string bytes;     // the file's contents
};

struct ExtractedPost {
  std::optional<Post> post;  // nullopt when the post could not be read
  std::vector<PaperExtraction> extractions;  // one per paper of `post`
  std::vector<Diagnostic> diagnostics;       // in the order they were found
};

// Reads and extracts every source, using up to `jobs` threads (1 runs on
// the calling thread). Returns one ExtractedPost per source, in order.
std::vector<ExtractedPost> ExtractPosts(const std::vector<PostSource>& sources, const Extractor& extractor,
                                        const ReadLimits& limits, int jobs);

}  // namespace kgbuild

#endif  // KGBUILD_EXTRACT_PARALLEL_H_
