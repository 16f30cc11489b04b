// The vocabulary files compiled into the library. CMake generates the
// definitions from vocab/entities/*.tsv, vocab/cues.tsv and
// vocab/stopwords.txt at build time, so the command needs no data folder at
// run time.
#ifndef KGBUILD_VOCAB_BUILTIN_FILES_H_
#define KGBUILD_VOCAB_BUILTIN_FILES_H_

#include <cstddef>

namespace kgbuild {

struct BuiltinFile {
  const char* path;  // relative to the source tree, e.g. "vocab/cues.tsv"
  const unsigned char* data;
  size_t size;
};

extern const BuiltinFile kBuiltinVocabularyFiles[];
extern const size_t kBuiltinVocabularyFileCount;

}  // namespace kgbuild

#endif  // KGBUILD_VOCAB_BUILTIN_FILES_H_
