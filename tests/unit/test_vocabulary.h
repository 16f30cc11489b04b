// A small vocabulary for unit tests, so they do not depend on the built-in
// files, which curators change.
#ifndef KGBUILD_TESTS_UNIT_TEST_VOCABULARY_H_
#define KGBUILD_TESTS_UNIT_TEST_VOCABULARY_H_

#include <string>
#include <vector>

#include "vocab/vocabulary.h"

namespace kgbuild::testing {

inline constexpr const char* kTestEntities =
    "Method\tMLP\tmultilayer perceptron\n"
    "Method\tdiffusion model\tdiffusion models|확산 모델\n"
    "Method\tSwin Transformer\t스윈 트랜스포머\n"
    "Method\tVision Transformer\tViT\n"
    "Method\tKolmogorov-Arnold Networks\tKAN\n"
    "Method\tCNN\tconvolutional neural network\n"
    "Dataset\tMNIST\n"
    "Dataset\tCIFAR-10\n"
    "Dataset\tCIFAR-100\n"
    "Dataset\tSTL-10\n"
    "Dataset\tMATH\n"
    "Dataset\tImageNet\n"
    "Model\tGPT-2\n"
    "Model\tGPT-3\n"
    "Model\tQwen2.5-Coder\n"
    "Model\tQwen2.5-Coder-7B\t\tQwen2.5-Coder\n"
    "Model\tQwen2.5\n"
    "Metric\taccuracy\t정확도|top-1 accuracy\n"
    "Metric\tgFID\n"
    "Metric\tFID\n"
    "Metric\tExaFLOPS\n"
    "Hardware\tAurora\tAurora supercomputer\n"
    "Task\tmachine translation\t번역|기계 번역\n"
    "Task\timage classification\t이미지 분류\n"
    "Organization\tArgonne\tArgonne National Laboratory\n";

// Returns a finished vocabulary of kTestEntities plus the built-in cue and
// stop-word files; fails the calling test on any load error.
Vocabulary MakeTestVocabulary(std::vector<std::string>* problems = nullptr);

}  // namespace kgbuild::testing

#endif  // KGBUILD_TESTS_UNIT_TEST_VOCABULARY_H_
