#include "vocab/vocabulary.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "tests/unit/test_vocabulary.h"
#include "vocab/text.h"

namespace kgbuild {
namespace {

class VocabularyLoaderTest : public ::testing::Test {
 protected:
  // Loads `text` as one entity file and finishes; returns the messages.
  std::vector<std::string> Load(const std::string& text) {
    std::vector<std::string> messages;
    const DiagnosticSink sink = [&](const Diagnostic& d) { messages.push_back(FormatDiagnostic(d)); };
    ok_ = vocabulary_.LoadEntities(text, "user/models.tsv", sink);
    ok_ = vocabulary_.Finish(sink) && ok_;
    return messages;
  }

  Vocabulary vocabulary_;
  bool ok_ = false;
};

TEST_F(VocabularyLoaderTest, AcceptsWellFormedLines) {
  EXPECT_TRUE(Load("# comment\n\nModel\tGPT-2\tGPT2|지피티2\nDataset\tMNIST\n").empty());
  EXPECT_TRUE(ok_);
  ASSERT_EQ(vocabulary_.entries().size(), 2u);
  EXPECT_EQ(vocabulary_.entries()[0].aliases, (std::vector<std::string>{"GPT2", "지피티2"}));
  EXPECT_EQ(vocabulary_.FindByKey(NameKey("gpt 2"))->name, "GPT-2");
}

TEST_F(VocabularyLoaderTest, RejectsUnknownType) {
  EXPECT_EQ(Load("Modle\tGPT-2\n"),
            (std::vector<std::string>{
                "error: user/models.tsv:1:1: unknown entity type \"Modle\"; expected one of Model, "
                "Method, Dataset, Metric, Hardware, Task, Organization"}));
  EXPECT_FALSE(ok_);
}

TEST_F(VocabularyLoaderTest, RejectsMalformedLine) {
  EXPECT_EQ(Load("Model\n"),
            (std::vector<std::string>{
                "error: user/models.tsv:1:1: expected 2 to 4 tab-separated columns (type, name, "
                "aliases, variant of), found 1"}));
  EXPECT_EQ(Load("Model\tA\tB\tC\tD\n").size(), 1u);
  EXPECT_FALSE(ok_);
}

TEST_F(VocabularyLoaderTest, RejectsAliasSharedAcrossTypes) {
  EXPECT_EQ(Load("Model\tGPT-2\nDataset\tMNIST\tGPT2\n"),
            (std::vector<std::string>{
                "error: user/models.tsv:2: name \"GPT2\" of Dataset \"MNIST\" is also a name of "
                "Model \"GPT-2\" at user/models.tsv:1"}));
  EXPECT_FALSE(ok_);
}

TEST_F(VocabularyLoaderTest, RejectsDuplicateEntryInOneLayer) {
  EXPECT_EQ(Load("Model\tGPT-2\nModel\tgpt2\n"),
            (std::vector<std::string>{
                "error: user/models.tsv:2:7: duplicate entry \"gpt2\", first defined at "
                "user/models.tsv:1"}));
}

TEST_F(VocabularyLoaderTest, RejectsUnknownFamily) {
  EXPECT_EQ(Load("Model\tQwen2.5-7B\t\tQwen2.5\n"),
            (std::vector<std::string>{
                "error: user/models.tsv:1: variant of \"Qwen2.5\" names no entry; add the family "
                "as its own line"}));
}

TEST_F(VocabularyLoaderTest, ReportsInvalidUtf8WithColumn) {
  EXPECT_EQ(Load("Model\tGP\xFFT\n"),
            (std::vector<std::string>{"error: user/models.tsv:1:9: invalid UTF-8"}));
}

TEST(VocabularyLayersTest, FolderEntryReplacesEarlierEntry) {
  const std::filesystem::path folder =
      std::filesystem::temp_directory_path() / ("kgbuild-vocab-" + std::to_string(::getpid()));
  std::filesystem::create_directories(folder / "entities");
  {
    std::ofstream file(folder / "entities" / "hardware.tsv");
    file << "Hardware\tAurora\tAurora supercomputer\n";
  }

  Vocabulary vocabulary;
  const DiagnosticSink sink = [](const Diagnostic& d) { ADD_FAILURE() << FormatDiagnostic(d); };
  ASSERT_TRUE(vocabulary.LoadEntities("Model\tAurora\n", "builtin.tsv", sink));
  ASSERT_TRUE(vocabulary.LoadDirectory(folder, sink));
  ASSERT_TRUE(vocabulary.Finish(sink));
  std::filesystem::remove_all(folder);

  const VocabularyEntry* entry = vocabulary.FindByKey(NameKey("Aurora"));
  ASSERT_NE(entry, nullptr);
  EXPECT_EQ(entry->type, EntityType::kHardware);
  EXPECT_EQ(vocabulary.entries().size(), 1u);
}

TEST(VocabularyLayersTest, MissingFolderIsAnError) {
  Vocabulary vocabulary;
  std::vector<std::string> messages;
  const DiagnosticSink sink = [&](const Diagnostic& d) { messages.push_back(FormatDiagnostic(d)); };
  EXPECT_FALSE(vocabulary.LoadDirectory("/nonexistent/kgbuild-vocab", sink));
  EXPECT_EQ(messages, (std::vector<std::string>{
                          "error: /nonexistent/kgbuild-vocab: vocabulary folder not found"}));
}

TEST(BuiltinVocabularyTest, LoadsWithoutErrors) {
  Vocabulary vocabulary;
  std::vector<std::string> messages;
  const DiagnosticSink sink = [&](const Diagnostic& d) { messages.push_back(FormatDiagnostic(d)); };
  EXPECT_TRUE(vocabulary.LoadBuiltin(sink));
  EXPECT_TRUE(vocabulary.Finish(sink));
  EXPECT_EQ(messages, std::vector<std::string>{});
  EXPECT_FALSE(vocabulary.cues().empty());
  EXPECT_TRUE(vocabulary.IsStopword(NameKey("Results")));
}

TEST(NameKeyTest, FoldsCaseWidthAndSeparators) {
  EXPECT_EQ(NameKey("CIFAR-100"), NameKey("cifar100"));
  EXPECT_EQ(NameKey("Qwen2.5-Coder-7B"), "qwen25coder7b");
  EXPECT_EQ(NameKey("ＭＮＩＳＴ"), "mnist");
  EXPECT_NE(NameKey("CIFAR-10"), NameKey("CIFAR-100"));
  EXPECT_EQ(NameKey("확산 모델"), NameKey("확산모델"));
}

}  // namespace
}  // namespace kgbuild

namespace kgbuild {
namespace {

TEST(FormatDiagnosticTest, KeepsOneLineForAnyFileName) {
  EXPECT_EQ(FormatDiagnostic({Severity::kWarning, "evil\nwarning: fake.md", 3, 4, "bad\x07 thing"}),
            "warning: evil\\nwarning: fake.md:3:4: bad\\x07 thing");
  EXPECT_EQ(FormatDiagnostic({Severity::kError, "a.md", 0, 0, "skipped"}), "error: a.md: skipped");
  EXPECT_EQ(FormatDiagnostic({Severity::kError, "a.md", 7, 0, "x"}), "error: a.md:7: x");
}

}  // namespace
}  // namespace kgbuild
