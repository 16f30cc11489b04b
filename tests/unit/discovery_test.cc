#include "extract/discovery.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "extract/extractor.h"
#include "tests/unit/test_vocabulary.h"

namespace kgbuild {
namespace {

class DiscoveryTest : public ::testing::Test {
 protected:
  DiscoveryTest() : vocabulary_(testing::MakeTestVocabulary()) {}

  std::vector<std::string> Shapes(const std::string& text) const {
    std::vector<std::string> names;
    for (const ShapeName& name : FindShapeNames(text, vocabulary_)) {
      names.push_back(text.substr(name.begin, name.end - name.begin));
    }
    return names;
  }

  Vocabulary vocabulary_;
};

TEST_F(DiscoveryTest, FindsNamesByShape) {
  const struct {
    std::string text;
    std::vector<std::string> expected;
  } cases[] = {
      {"rStar2-Agent를 학습", {"rStar2-Agent"}},
      {"RobusTok은 토크나이저", {"RobusTok"}},
      {"GRPO-RoC 기법", {"GRPO-RoC"}},
      {"모델인 HALA를", {"HALA"}},
      {"새로운 지표 pFID를", {"pFID"}},
      {"IFS ENS 대비", {"IFS ENS"}},
      {"SWiPe 기법", {"SWiPe"}},
      {"ZetaLab: https://openreview.net/forum?id=Qx7pLm2TzA", {"ZetaLab"}},
      {"DiT-based 생성기와 SAM-style 분할", {"DiT", "SAM"}},
      {"K&R-GEC와 NIKL'21-GEC, C#-Eval", {"K&R-GEC", "NIKL'21-GEC", "C#-Eval"}},
  };
  for (const auto& test : cases) EXPECT_EQ(Shapes(test.text), test.expected) << test.text;
}

TEST_F(DiscoveryTest, SkipsWordsThatAreNotNames) {
  const std::string never[] = {
      "Goal: 본 논문은", "The model is large", "Results show gains", "AI and ML research",
      "350M에서 9B 파라미터", "Figure 3", "2D and 3D data", "LLMs are popular", "Section II",
      "Arabic-Centric Instruction", "Training-Free Guidance", "FP16 and W4A8 at Top-1",
      "Biomarkers_20250922 file", "cs.LG and stat.ML", "exp\\Big 항",
  };
  for (const std::string& text : never) EXPECT_EQ(Shapes(text), std::vector<std::string>{}) << text;
}

TEST(GlossTest, ReadsKoreanTermWithEnglishNameAndAcronym) {
  const std::vector<Gloss> glosses =
      FindGlosses("본 논문은 양자변분 활성함수(Quantum Variational Activation Functions, QVAF)를 도입");
  ASSERT_EQ(glosses.size(), 1u);
  EXPECT_EQ(glosses[0].english, "Quantum Variational Activation Functions");
  EXPECT_EQ(glosses[0].korean, "양자변분 활성함수");
  EXPECT_EQ(glosses[0].acronym, "QVAF");
}

TEST(GlossTest, ReadsLowercaseGloss) {
  const std::vector<Gloss> glosses = FindGlosses("사후 학습(post-training)을 포함한");
  ASSERT_EQ(glosses.size(), 1u);
  EXPECT_EQ(glosses[0].english, "post-training");
  EXPECT_EQ(glosses[0].korean, "사후 학습");
  EXPECT_EQ(glosses[0].acronym, "");
}

TEST(GlossTest, ReadsEnglishLongNameWithAcronym) {
  const std::vector<Gloss> glosses = FindGlosses("improves Kolmogorov-Arnold Networks (KAN) a lot");
  ASSERT_EQ(glosses.size(), 1u);
  EXPECT_EQ(glosses[0].english, "Kolmogorov-Arnold Networks");
  EXPECT_EQ(glosses[0].acronym, "KAN");
}

TEST(GlossTest, IgnoresNumbersAndExamplesInBrackets) {
  EXPECT_TRUE(FindGlosses("폭(width)과 기울기(gradient)").empty());
  EXPECT_TRUE(FindGlosses("판별기(D)와 (1) 단계").empty());
  EXPECT_TRUE(FindGlosses("MNIST(99.38% vs 98.21%)에서").empty());
  EXPECT_TRUE(FindGlosses("이미지 분류(예: MNIST, CIFAR)").empty());
  EXPECT_TRUE(FindGlosses("ε=0.1 (epsilon) plain").empty());
}

TEST(TitleNameTest, TakesNameBeforeColon) {
  EXPECT_EQ(TitleName("AERIS: Argonne Earth Systems Model for Reliable Predictions"), "AERIS");
  EXPECT_EQ(TitleName("Hunyuan3D Studio: End-to-End AI Pipeline"), "Hunyuan3D Studio");
  EXPECT_EQ(TitleName("R-4B: Incentivizing Auto-Thinking"), "R-4B");
  EXPECT_EQ(TitleName("Hala Technical Report: Building Models"), "");
  EXPECT_EQ(TitleName("Behind RoPE: How Does Causal Mask Work?"), "");
  EXPECT_EQ(TitleName("Image Tokenizer Needs Post-Training"), "");
  EXPECT_EQ(TitleName("제목: 프로베니우스 노름"), "");
}

class ExtractorRoleTest : public ::testing::Test {
 protected:
  ExtractorRoleTest() : vocabulary_(testing::MakeTestVocabulary()), extractor_(vocabulary_) {}

  // name -> "Type proposed|used" for each mention of a one-block paper.
  std::map<std::string, std::string> Roles(const std::string& title, const std::string& text,
                                           SectionKind section = SectionKind::kContribution) const {
    Paper paper;
    paper.title = title;
    paper.line = 1;
    Block block;
    block.section = section;
    block.text = text;
    block.lines.push_back({0, 2});
    paper.blocks.push_back(block);
    std::map<std::string, std::string> roles;
    for (const Mention& mention : extractor_.ExtractPaper(paper).mentions) {
      std::string& role = roles[mention.name];
      const std::string value =
          std::string(EntityTypeName(mention.type)) + (mention.proposed ? " proposed" : " used");
      if (role.empty() || mention.proposed) role = value;
    }
    return roles;
  }

  Vocabulary vocabulary_;
  Extractor extractor_;
};

TEST_F(ExtractorRoleTest, TitleNameIsProposed) {
  const auto roles = Roles("AERIS: Argonne Earth Systems Model", "AERIS는 Aurora에서 학습된다.", SectionKind::kMethod);
  EXPECT_EQ(roles.at("AERIS"), "Model proposed");
  EXPECT_EQ(roles.at("Aurora"), "Hardware used");
  EXPECT_EQ(roles.at("Argonne"), "Organization used");
}

TEST_F(ExtractorRoleTest, ObjectOfProposingVerbIsProposed) {
  const auto roles = Roles("Scrub It Out", "무효화 기법인 CodeEraser를 제안하여 기존 MLP 대비 개선한다.");
  EXPECT_EQ(roles.at("CodeEraser"), "Method proposed");
  EXPECT_EQ(roles.at("MLP"), "Method used");
}

TEST_F(ExtractorRoleTest, EnglishProposalIsProposed) {
  const auto roles = Roles("A Paper", "We introduce FooNet, compared with ViT on ImageNet.");
  EXPECT_EQ(roles.at("FooNet"), "Model proposed");
  EXPECT_EQ(roles.at("Vision Transformer"), "Method used");
  EXPECT_EQ(roles.at("ImageNet"), "Dataset used");
}

TEST_F(ExtractorRoleTest, CueWordTypesDiscoveredName) {
  const auto roles = Roles("X", "새로운 평가 지표 pFID를 도입하였다. ZetaBench 벤치마크와 Q9X 슈퍼컴퓨터를 사용한다.",
                           SectionKind::kMethod);
  EXPECT_EQ(roles.at("pFID"), "Metric proposed");
  EXPECT_EQ(roles.at("ZetaBench"), "Dataset used");
  EXPECT_EQ(roles.at("Q9X"), "Hardware used");
}

TEST_F(ExtractorRoleTest, ListSharesTheCueAfterIt) {
  const auto roles = Roles("X", "MPI 또는 CCL 라이브러리를 쓰고, AlphaNet, BetaNet 벤치마크를 쓴다.", SectionKind::kMethod);
  EXPECT_EQ(roles.count("MPI"), 0u);
  EXPECT_EQ(roles.count("CCL"), 0u);
  EXPECT_EQ(roles.at("AlphaNet"), "Dataset used");
  EXPECT_EQ(roles.at("BetaNet"), "Dataset used");
}

TEST_F(ExtractorRoleTest, BareShortAcronymsAreDropped) {
  const auto roles = Roles("X", "SQL과 GUI, MRI 영상을 다룬다.", SectionKind::kMethod);
  EXPECT_EQ(roles, (std::map<std::string, std::string>{}));
}

TEST_F(ExtractorRoleTest, AcronymFromGlossJoinsItsName) {
  const auto roles = Roles("X", "양자변분 활성함수(Quantum Variational Activation Functions, QVAF)를 도입한다. QVAF는 빠르다.");
  EXPECT_EQ(roles.count("QVAF"), 0u);
  EXPECT_EQ(roles.at("Quantum Variational Activation Functions"), "Method proposed");
}

}  // namespace
}  // namespace kgbuild
