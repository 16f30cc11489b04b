// libFuzzer target: ReadPost then Extract with the built-in vocabulary, and
// the extraction added to a knowledge graph, so mention and result finding
// and the graph's merging see arbitrary text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "extract/extractor.h"
#include "extract/post_reader.h"
#include "graph/knowledge_graph.h"

namespace {

const kgbuild::Vocabulary& BuiltinVocabulary() {
  static const kgbuild::Vocabulary* vocabulary = [] {
    auto* loaded = new kgbuild::Vocabulary;
    const kgbuild::DiagnosticSink ignore = [](const kgbuild::Diagnostic&) {};
    if (!loaded->LoadBuiltin(ignore) || !loaded->Finish(ignore)) std::abort();
    return loaded;
  }();
  return *vocabulary;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 64 * 1024) return 0;
  static const kgbuild::Extractor* extractor = new kgbuild::Extractor(BuiltinVocabulary());

  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  kgbuild::ReadLimits limits;
  limits.max_line_bytes = 4096;
  const std::optional<kgbuild::Post> post =
      kgbuild::ReadPost(bytes, "fuzz.md", [](const kgbuild::Diagnostic&) {}, limits);
  if (!post) return 0;

  kgbuild::KnowledgeGraph graph(BuiltinVocabulary());
  graph.AddPost(*post, extractor->Extract(*post));
  graph.Finish();
  return 0;
}
