#include "extract/parallel.h"

#include <algorithm>
#include <atomic>
#include <thread>

namespace kgbuild {

namespace {

ExtractedPost ExtractOne(const PostSource& source, const Extractor& extractor, const ReadLimits& limits) {
  ExtractedPost result;
  const DiagnosticSink sink = [&result](const Diagnostic& diagnostic) {
    result.diagnostics.push_back(diagnostic);
  };
  result.post = ReadPost(source.bytes, source.relative, sink, limits);
  if (result.post) result.extractions = extractor.Extract(*result.post);
  return result;
}

}  // namespace

std::vector<ExtractedPost> ExtractPosts(const std::vector<PostSource>& sources, const Extractor& extractor,
                                        const ReadLimits& limits, int jobs) {
  std::vector<ExtractedPost> results(sources.size());
  const size_t threads = std::min<size_t>(static_cast<size_t>(std::max(jobs, 1)), sources.size());
  if (threads <= 1) {
    for (size_t i = 0; i < sources.size(); ++i) results[i] = ExtractOne(sources[i], extractor, limits);
    return results;
  }

  // Each worker takes the next unclaimed post; every result slot is written
  // by exactly one worker, and join() publishes them to this thread.
  std::atomic<size_t> next{0};
  const auto work = [&] {
    for (size_t i = next++; i < sources.size(); i = next++) {
      results[i] = ExtractOne(sources[i], extractor, limits);
    }
  };
  std::vector<std::thread> workers;
  workers.reserve(threads - 1);
  for (size_t t = 1; t < threads; ++t) workers.emplace_back(work);
  work();
  for (std::thread& worker : workers) worker.join();
  return results;
}

}  // namespace kgbuild
