#include "extract/parallel.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/unit/test_vocabulary.h"

namespace kgbuild {
namespace {

std::vector<PostSource> SamplePosts() {
  std::vector<PostSource> sources;
  const std::filesystem::path root = std::filesystem::path(KGBUILD_SOURCE_DIR) / "samples";
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.path().extension() != ".md") continue;
    std::ifstream stream(entry.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << stream.rdbuf();
    sources.push_back({std::filesystem::relative(entry.path(), root).string(), bytes.str()});
  }
  std::sort(sources.begin(), sources.end(),
            [](const PostSource& a, const PostSource& b) { return a.relative < b.relative; });
  return sources;
}

// Everything a result holds, as text, so two runs compare in one assert.
std::string Describe(const std::vector<ExtractedPost>& posts) {
  std::ostringstream out;
  for (const ExtractedPost& post : posts) {
    out << (post.post ? post.post->path : "<skipped>") << "\n";
    for (const Diagnostic& diagnostic : post.diagnostics) out << "  " << FormatDiagnostic(diagnostic) << "\n";
    for (const PaperExtraction& paper : post.extractions) {
      for (const Mention& mention : paper.mentions) {
        out << "  m " << mention.name << " " << EntityTypeName(mention.type) << " " << mention.proposed << " "
            << mention.line << "\n";
      }
      for (const Result& result : paper.results) {
        out << "  r " << result.value << result.unit << " " << result.metric << " " << result.line << "\n";
      }
    }
  }
  return out.str();
}

TEST(ExtractPostsTest, ManyThreadsGiveTheSameResultsInOrder) {
  const Vocabulary vocabulary = testing::MakeTestVocabulary();
  const Extractor extractor(vocabulary);
  const std::vector<PostSource> sources = SamplePosts();
  ASSERT_GE(sources.size(), 10u);

  const std::vector<ExtractedPost> serial = ExtractPosts(sources, extractor, {}, 1);
  const std::vector<ExtractedPost> parallel = ExtractPosts(sources, extractor, {}, 4);
  ASSERT_EQ(serial.size(), sources.size());
  EXPECT_EQ(Describe(parallel), Describe(serial));
  EXPECT_NE(Describe(serial).find(" m "), std::string::npos);
}

TEST(ExtractPostsTest, KeepsDiagnosticsWithTheirPost) {
  const Vocabulary vocabulary = testing::MakeTestVocabulary();
  const Extractor extractor(vocabulary);
  const std::vector<PostSource> sources = {
      {"a.md", "# [P](https://arxiv.org/abs/2509.00001)\n\nMNIST.\n"},
      {"b.md", std::string("bin\0ary", 7)},
      {"c.md", "---\ntitle: x\n"},
  };
  const std::vector<ExtractedPost> results = ExtractPosts(sources, extractor, {}, 3);
  ASSERT_EQ(results.size(), 3u);
  EXPECT_TRUE(results[0].post.has_value());
  EXPECT_TRUE(results[0].diagnostics.empty());
  EXPECT_FALSE(results[1].post.has_value());
  ASSERT_EQ(results[1].diagnostics.size(), 1u);
  EXPECT_EQ(FormatDiagnostic(results[1].diagnostics[0]), "error: b.md:1: NUL byte: not a text file; skipped");
  ASSERT_EQ(results[2].diagnostics.size(), 1u);
  EXPECT_EQ(results[2].diagnostics[0].severity, Severity::kWarning);
}

}  // namespace
}  // namespace kgbuild
