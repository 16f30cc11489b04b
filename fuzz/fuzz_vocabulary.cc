// libFuzzer target: the vocabulary loader. The first byte picks the file
// kind (entities, cues or stop words); the rest is the file's text. Finish
// then checks the entries across files, as the command does.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "vocab/vocabulary.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1 || size > 64 * 1024) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  const kgbuild::DiagnosticSink ignore = [](const kgbuild::Diagnostic&) {};

  kgbuild::Vocabulary vocabulary;
  switch (data[0] % 3) {
    case 0:
      vocabulary.LoadEntities(text, "fuzz.tsv", ignore);
      break;
    case 1:
      vocabulary.LoadCues(text, "cues.tsv", ignore);
      break;
    case 2:
      vocabulary.LoadStopwords(text, "stopwords.txt", ignore);
      break;
  }
  vocabulary.Finish(ignore);
  return 0;
}
