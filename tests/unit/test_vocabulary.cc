#include "tests/unit/test_vocabulary.h"

#include <fstream>
#include <sstream>

namespace kgbuild::testing {

namespace {

std::string ReadSourceFile(const std::string& relative) {
  std::ifstream stream(std::string(KGBUILD_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream buffer;
  buffer << stream.rdbuf();
  return buffer.str();
}

}  // namespace

Vocabulary MakeTestVocabulary(std::vector<std::string>* problems) {
  std::vector<std::string> local;
  std::vector<std::string>* sink_target = problems != nullptr ? problems : &local;
  const DiagnosticSink sink = [&](const Diagnostic& diagnostic) {
    sink_target->push_back(FormatDiagnostic(diagnostic));
  };
  Vocabulary vocabulary;
  vocabulary.LoadEntities(kTestEntities, "test.tsv", sink);
  vocabulary.LoadCues(ReadSourceFile("vocab/cues.tsv"), "vocab/cues.tsv", sink);
  vocabulary.LoadStopwords(ReadSourceFile("vocab/stopwords.txt"), "vocab/stopwords.txt", sink);
  vocabulary.Finish(sink);
  return vocabulary;
}

}  // namespace kgbuild::testing
