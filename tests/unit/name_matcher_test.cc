#include "extract/name_matcher.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/unit/test_vocabulary.h"

namespace kgbuild {
namespace {

class NameMatcherTest : public ::testing::Test {
 protected:
  NameMatcherTest() : vocabulary_(testing::MakeTestVocabulary()), matcher_(vocabulary_) {}

  // The canonical names found in `text`, each with the text it covered.
  std::vector<std::string> Find(const std::string& text) const {
    std::vector<std::string> found;
    for (const NameMatch& match : matcher_.FindAll(text)) {
      found.push_back(vocabulary_.entries()[match.entry].name + "=" +
                      text.substr(match.begin, match.end - match.begin));
    }
    return found;
  }

  Vocabulary vocabulary_;
  NameMatcher matcher_;
};

TEST_F(NameMatcherTest, FindsNamesBeforeKoreanParticles) {
  const struct {
    std::string text;
    std::vector<std::string> expected;
  } cases[] = {
      {"MNIST에서 학습", {"MNIST=MNIST"}},
      {"GPT-2를 사용", {"GPT-2=GPT-2"}},
      {"Aurora 슈퍼컴퓨터에서", {"Aurora=Aurora"}},
      {"확산 모델이 좋다", {"diffusion model=확산 모델"}},
      {"확산모델과 비교", {"diffusion model=확산모델"}},
      {"번역을 수행", {"machine translation=번역"}},
      {"이미지 분류(예: MNIST, CIFAR)", {"image classification=이미지 분류", "MNIST=MNIST"}},
  };
  for (const auto& test : cases) EXPECT_EQ(Find(test.text), test.expected) << test.text;
}

TEST_F(NameMatcherTest, RespectsWordBoundaries) {
  const struct {
    std::string text;
    std::vector<std::string> expected;
  } cases[] = {
      {"MLPerf results", {}},
      {"an MLP head", {"MLP=MLP"}},
      {"GPT-2.5 is not GPT-2", {"GPT-2=GPT-2"}},
      {"Qwen2.5-Coder-7B beats Qwen2.5-Coder", {"Qwen2.5-Coder-7B=Qwen2.5-Coder-7B", "Qwen2.5-Coder=Qwen2.5-Coder"}},
      {"번역기를 압축", {}},
      {"AR↔EN 번역", {"machine translation=번역"}},
      {"CIFAR-100 and CIFAR-10", {"CIFAR-100=CIFAR-100", "CIFAR-10=CIFAR-10"}},
      {"Post-Training FID", {"FID=FID"}},
  };
  for (const auto& test : cases) EXPECT_EQ(Find(test.text), test.expected) << test.text;
}

TEST_F(NameMatcherTest, MatchesSpellingVariants) {
  EXPECT_EQ(Find("GPT2 and GPT 2"), (std::vector<std::string>{"GPT-2=GPT2", "GPT-2=GPT 2"}));
  EXPECT_EQ(Find("CIFAR100"), (std::vector<std::string>{"CIFAR-100=CIFAR100"}));
  EXPECT_EQ(Find("STL10"), (std::vector<std::string>{"STL-10=STL10"}));
}

TEST_F(NameMatcherTest, RespectsCaseOfAcronyms) {
  EXPECT_EQ(Find("the math of MATH"), (std::vector<std::string>{"MATH=MATH"}));
  EXPECT_EQ(Find("Top-1 Accuracy"), (std::vector<std::string>{"accuracy=Top-1 Accuracy"}));
  EXPECT_EQ(Find("imagenet"), (std::vector<std::string>{}));
}

TEST_F(NameMatcherTest, PrefersLongestMatch) {
  EXPECT_EQ(Find("Vision Transformer 기반"), (std::vector<std::string>{"Vision Transformer=Vision Transformer"}));
  EXPECT_EQ(Find("Aurora supercomputer"), (std::vector<std::string>{"Aurora=Aurora supercomputer"}));
}

}  // namespace
}  // namespace kgbuild
