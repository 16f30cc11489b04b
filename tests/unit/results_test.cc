#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/extractor.h"
#include "tests/unit/test_vocabulary.h"

namespace kgbuild {
namespace {

class ResultParsingTest : public ::testing::Test {
 protected:
  ResultParsingTest() : vocabulary_(testing::MakeTestVocabulary()), extractor_(vocabulary_) {}

  // Each result as "value unit | metric | dataset | model".
  std::vector<std::string> Results(const std::string& text, const std::string& title = "FooNet: A Model") const {
    Paper paper;
    paper.title = title;
    paper.line = 1;
    Block block;
    block.section = SectionKind::kResults;
    block.text = text;
    block.lines.push_back({0, 7});
    paper.blocks.push_back(block);
    std::vector<std::string> found;
    for (const Result& result : extractor_.ExtractPaper(paper).results) {
      found.push_back(result.value + " " + result.unit + " | " + result.metric + " | " + result.dataset +
                      " | " + result.model);
      EXPECT_EQ(result.line, 7u);
    }
    return found;
  }

  Vocabulary vocabulary_;
  Extractor extractor_;
};

TEST_F(ResultParsingTest, ReadsEachNotation) {
  const struct {
    std::string text;
    std::vector<std::string> expected;
  } cases[] = {
      {"정확도는 MNIST(99.38% vs 98.21%)로 향상되었다.",
       {"99.38 % | accuracy | MNIST | FooNet", "98.21 % | accuracy | MNIST | "}},
      {"토크나이저는 1.36 gFID를 달성했다.", {"1.36  | gFID |  | FooNet"}},
      {"gFID 1.60을 기록했다.", {"1.60  | gFID |  | FooNet"}},
      {"10.21 ExaFLOPS의 성능을 유지한다.", {"10.21  | ExaFLOPS |  | FooNet"}},
      {"속도가 14.6배 빨라졌다.", {"14.6 x |  |  | FooNet"}},
      {"민감 정보 기억을 93.89% 감소시켰다.", {"93.89 % |  |  | FooNet"}},
      {"FID가 0.62→0.20으로 줄었다.", {"0.62  | FID |  | FooNet", "0.20  | FID |  | FooNet"}},
      {"is 1.3x faster on ImageNet", {"1.3 x |  | ImageNet | FooNet"}},
      {"reaches 84.1% top-1 accuracy on ImageNet", {"84.1 % | accuracy | ImageNet | FooNet"}},
      {"FID를 2.76에서 2.59로 낮췄다.", {"2.76  | FID |  | FooNet", "2.59  | FID |  | FooNet"}},
      {"MATH 0.86, ImageNet: 86.52를 기록했다.", {"0.86  |  | MATH | FooNet", "86.52  |  | ImageNet | FooNet"}},
      {"14배 적은 라벨로 94~99% 정확도를 얻었다.",
       {"14 x |  |  | FooNet", "94 % | accuracy |  | FooNet", "99 % | accuracy |  | FooNet"}},
      {"지연은 1.9 ms이고 잡음은 27.4 dB이다.", {"1.9  |  |  | FooNet", "27.4  |  |  | FooNet"}},
  };
  for (const auto& test : cases) EXPECT_EQ(Results(test.text), test.expected) << test.text;
}

TEST_F(ResultParsingTest, ParameterCountsAreNotResults) {
  const std::string texts[] = {
      "HALA 모델들은 350M에서 9B 파라미터까지 다양하다.",
      "최대 800억 개 매개변수의 모델",
      "10,080 노드(120,960 GPU 타일) 규모",
      "1×1 패치 크기와 0.25도 해상도, 90일 예측",
      "에폭 50, 배치 크기 64, ε=0.1",
  };
  for (const std::string& text : texts) EXPECT_EQ(Results(text), std::vector<std::string>{}) << text;
}

TEST_F(ResultParsingTest, SizesGoOnTheOwnModel) {
  Paper paper;
  paper.title = "FooNet: A Model";
  Block block;
  block.section = SectionKind::kResults;
  block.text = "FooNet은 350M에서 9B 파라미터까지 다양한 규모이다.";
  block.lines.push_back({0, 3});
  paper.blocks.push_back(block);
  std::string parameters;
  for (const Mention& mention : extractor_.ExtractPaper(paper).mentions) {
    if (mention.name == "FooNet" && !mention.parameters.empty()) parameters = mention.parameters;
  }
  EXPECT_EQ(parameters, "350M-9B");
}

}  // namespace
}  // namespace kgbuild
