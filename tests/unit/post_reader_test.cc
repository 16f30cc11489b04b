#include "extract/post_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kgbuild {
namespace {

class PostReaderTest : public ::testing::Test {
 protected:
  std::optional<Post> Read(const std::string& text) {
    messages_.clear();
    return ReadPost(text, "posts/x.md",
                    [&](const Diagnostic& d) { messages_.push_back(FormatDiagnostic(d)); });
  }

  std::vector<std::string> messages_;
};

TEST_F(PostReaderTest, ReadsJekyllFrontMatter) {
  const auto post = Read("---\ntitle: \"Daily Papers\"\ndate: 2025-09-18 08:15:00\ntags: [papers, ai]\n---\n");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->front_matter.title, "Daily Papers");
  EXPECT_EQ(post->front_matter.date, "2025-09-18 08:15:00");
  EXPECT_EQ(post->front_matter.tags, (std::vector<std::string>{"papers", "ai"}));
  EXPECT_TRUE(messages_.empty());
}

TEST_F(PostReaderTest, KeepsStrayQuoteInPlainTitle) {
  const auto post = Read("---\ntitle: Daily Papers — 2025-09-01\"\n---\n");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->front_matter.title, "Daily Papers — 2025-09-01\"");
  EXPECT_TRUE(messages_.empty());
}

TEST_F(PostReaderTest, FallsBackOnInvalidYaml) {
  const auto post = Read("---\ntitle: \"Broken \"quoted\" title\"\ntags:\n  - a\n  - b\n---\n# T\n");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->front_matter.title, "Broken \"quoted\" title");
  EXPECT_EQ(post->front_matter.tags, (std::vector<std::string>{"a", "b"}));
  ASSERT_EQ(messages_.size(), 1u);
  EXPECT_TRUE(messages_[0].starts_with("warning: posts/x.md:2:")) << messages_[0];
  EXPECT_NE(messages_[0].find("invalid YAML in front matter"), std::string::npos);
}

TEST_F(PostReaderTest, WarnsOnUnclosedFrontMatter) {
  const auto post = Read("---\ntitle: x\n\n# 1. [P](https://arxiv.org/abs/2509.00001)\n");
  ASSERT_TRUE(post);
  EXPECT_EQ(messages_, (std::vector<std::string>{
                           "warning: posts/x.md:1:1: front matter is not closed by a '---' line; "
                           "reading the whole file as Markdown"}));
  ASSERT_EQ(post->papers.size(), 1u);
  EXPECT_EQ(post->papers[0].arxiv_id, "2509.00001");
}

TEST_F(PostReaderTest, FindsArxivHeadingsAtAnyLevel) {
  const auto post = Read(
      "# 1. [First Paper: A Study](https://arxiv.org/abs/2509.14008)\n\n## Method\nText one.\n\n"
      "### [Second](https://arxiv.org/pdf/2509.13755v2.pdf)\n\nText two.\n");
  ASSERT_TRUE(post);
  ASSERT_EQ(post->papers.size(), 2u);
  EXPECT_EQ(post->papers[0].arxiv_id, "2509.14008");
  EXPECT_EQ(post->papers[0].title, "First Paper: A Study");
  EXPECT_EQ(post->papers[0].line, 1u);
  ASSERT_EQ(post->papers[0].blocks.size(), 1u);
  EXPECT_EQ(post->papers[0].blocks[0].section, SectionKind::kMethod);
  EXPECT_EQ(post->papers[0].blocks[0].lines[0].line, 4u);
  EXPECT_EQ(post->papers[1].arxiv_id, "2509.13755");
}

TEST_F(PostReaderTest, JoinsTitleSplitOverTwoLines) {
  const auto post = Read("# 2. [A Title That\nWraps Onto Two Lines](https://arxiv.org/abs/2509.11111)\n\nBody.\n");
  ASSERT_TRUE(post);
  ASSERT_EQ(post->papers.size(), 1u);
  EXPECT_EQ(post->papers[0].title, "A Title That Wraps Onto Two Lines");
  EXPECT_EQ(post->papers[0].arxiv_id, "2509.11111");
  ASSERT_EQ(post->papers[0].blocks.size(), 1u);
  EXPECT_EQ(post->papers[0].blocks[0].lines[0].line, 4u);
}

TEST_F(PostReaderTest, CollapsesRunsOfSpacesInTitle) {
  const auto post = Read("# 1. [Translation   Models at Scale](https://arxiv.org/abs/2509.14008)\n");
  ASSERT_TRUE(post);
  ASSERT_EQ(post->papers.size(), 1u);
  EXPECT_EQ(post->papers[0].title, "Translation Models at Scale");
}

TEST_F(PostReaderTest, CleansLatexInTitles) {
  const auto post = Read("- [\\textsc{Gen2Real}: Agile Control](https://arxiv.org/abs/2509.10001)\n"
                         "- [LLM$\\times$MapReduce: Long Inputs](https://arxiv.org/abs/2410.09342)\n");
  ASSERT_TRUE(post);
  ASSERT_EQ(post->papers.size(), 2u);
  EXPECT_EQ(post->papers[0].title, "Gen2Real: Agile Control");
  EXPECT_EQ(post->papers[1].title, "LLM×MapReduce: Long Inputs");
}

TEST_F(PostReaderTest, ReadsArxivLabelUnderHeading) {
  const auto post = Read("## Some Paper\n\narXiv: https://arxiv.org/abs/2401.00001v3\n\nIt works.\n");
  ASSERT_TRUE(post);
  ASSERT_EQ(post->papers.size(), 1u);
  EXPECT_EQ(post->papers[0].title, "Some Paper");
  EXPECT_EQ(post->papers[0].arxiv_id, "2401.00001");
  ASSERT_EQ(post->papers[0].blocks.size(), 1u);
  EXPECT_EQ(post->papers[0].blocks[0].text, "It works.");
}

TEST_F(PostReaderTest, ReadsHtmlHeadingLink) {
  const auto post = Read(
      "<h3><a href=\"https://arxiv.org/abs/2601.20833\" target=\"_blank\">Idea &amp; Story</a></h3>\n\n"
      "Summary text.\n");
  ASSERT_TRUE(post);
  ASSERT_EQ(post->papers.size(), 1u);
  EXPECT_EQ(post->papers[0].arxiv_id, "2601.20833");
  EXPECT_EQ(post->papers[0].title, "Idea & Story");
}

TEST_F(PostReaderTest, ReadsListItemsWithArxivUrls) {
  const auto post = Read(
      "## Sources\n\n - First Title (http://arxiv.org/abs/2410.11779v1)\n"
      " - [Second Title](https://arxiv.org/abs/2410.10814)\n");
  ASSERT_TRUE(post);
  ASSERT_EQ(post->papers.size(), 2u);
  EXPECT_EQ(post->papers[0].title, "First Title");
  EXPECT_EQ(post->papers[0].arxiv_id, "2410.11779");
  EXPECT_EQ(post->papers[1].title, "Second Title");
}

TEST_F(PostReaderTest, TakesTitleFromParentOfGenericLink) {
  const auto post = Read("* vqvae\n    * [paper](https://arxiv.org/pdf/1711.00937.pdf)\n    * [code](https://github.com/x/y)\n");
  ASSERT_TRUE(post);
  ASSERT_EQ(post->papers.size(), 1u);
  EXPECT_EQ(post->papers[0].title, "vqvae");
  EXPECT_EQ(post->papers[0].arxiv_id, "1711.00937");
}

TEST_F(PostReaderTest, FindsPaperWithoutLinkBySections) {
  const auto post = Read("## A Paper Without Link\n\n### Goal\nG.\n\n### Results\nR.\n\n## Notes\nN.\n");
  ASSERT_TRUE(post);
  ASSERT_EQ(post->papers.size(), 1u);
  EXPECT_EQ(post->papers[0].arxiv_id, "");
  EXPECT_EQ(post->papers[0].title, "A Paper Without Link");
  ASSERT_EQ(post->papers[0].blocks.size(), 2u);
  EXPECT_EQ(post->papers[0].blocks[1].section, SectionKind::kResults);
}

TEST_F(PostReaderTest, LabelsGiveSections) {
  const auto post = Read("# [P](https://arxiv.org/abs/2509.00001)\n\n## Introduction\n- Goal: g\n- 기여: c\n- plain\n");
  ASSERT_TRUE(post);
  ASSERT_EQ(post->papers.size(), 1u);
  const auto& blocks = post->papers[0].blocks;
  ASSERT_EQ(blocks.size(), 3u);
  EXPECT_EQ(blocks[0].section, SectionKind::kGoal);
  EXPECT_EQ(blocks[1].section, SectionKind::kContribution);
  EXPECT_EQ(blocks[2].section, SectionKind::kIntroduction);
}

TEST_F(PostReaderTest, IgnoresLookalikeHosts) {
  const auto post = Read("# [P](https://www.alphaxiv.org/abs/2509.00001)\n\nx\n");
  ASSERT_TRUE(post);
  EXPECT_TRUE(post->papers.empty());
}

TEST_F(PostReaderTest, KeepsLineNumbersWithBomAndCrlf) {
  const auto post = Read("\xEF\xBB\xBF---\r\ntitle: t\r\n---\r\n\r\n# [P](https://arxiv.org/abs/2509.00001)\r\n\r\nBody\r\n");
  ASSERT_TRUE(post);
  EXPECT_EQ(messages_, (std::vector<std::string>{
                           "warning: posts/x.md:1:1: UTF-8 byte order mark at the start; ignored",
                           "warning: posts/x.md:1: CRLF line ends; read as LF"}));
  EXPECT_EQ(post->front_matter.title, "t");
  ASSERT_EQ(post->papers.size(), 1u);
  EXPECT_EQ(post->papers[0].line, 5u);
  ASSERT_EQ(post->papers[0].blocks.size(), 1u);
  EXPECT_EQ(post->papers[0].blocks[0].lines[0].line, 7u);
}

TEST_F(PostReaderTest, SkipsFileWithNulByte) {
  EXPECT_FALSE(Read(std::string("# a\nb\0c\n", 8)));
  EXPECT_EQ(messages_, (std::vector<std::string>{"error: posts/x.md:2: NUL byte: not a text file; skipped"}));
}

TEST_F(PostReaderTest, ReplacesInvalidUtf8WithWarning) {
  const auto post = Read("# [P](https://arxiv.org/abs/2509.00001)\n\nab\xFF\xFE" "cd\n");
  ASSERT_TRUE(post);
  EXPECT_EQ(messages_, (std::vector<std::string>{
                           "warning: posts/x.md:3:3: invalid UTF-8; each invalid byte is read as '?'"}));
  ASSERT_EQ(post->papers.size(), 1u);
  EXPECT_EQ(post->papers[0].blocks[0].text, "ab??cd");
}

TEST(ArxivIdTest, ParsesUrlForms) {
  EXPECT_EQ(ArxivIdFromUrl("https://arxiv.org/abs/2509.14008"), "2509.14008");
  EXPECT_EQ(ArxivIdFromUrl("http://arxiv.org/abs/2410.11779v1"), "2410.11779");
  EXPECT_EQ(ArxivIdFromUrl("https://arxiv.org/pdf/2207.12598"), "2207.12598");
  EXPECT_EQ(ArxivIdFromUrl("https://arxiv.org/pdf/1711.00937.pdf"), "1711.00937");
  EXPECT_EQ(ArxivIdFromUrl("https://arxiv.org/abs/hep-th/9901001v2"), "hep-th/9901001");
  EXPECT_EQ(ArxivIdFromUrl("https://arxiv.org/pdf/unknown.pdf"), "");
  EXPECT_EQ(ArxivIdFromUrl("https://www.alphaxiv.org/ko/overview/2509.21114"), "");
  EXPECT_TRUE(IsArxivUrl("https://arxiv.org/pdf/unknown.pdf"));
}

}  // namespace
}  // namespace kgbuild
