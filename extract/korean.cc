#include "extract/korean.h"

#include <string_view>

namespace kgbuild {

namespace {

// Case particles, the copula and the endings of 하다 / 되다 verbs made from
// nouns, longest first within each starting syllable.
constexpr std::string_view kParticles[] = {
    "에서의", "에서는", "에서도", "에서",   "에게",   "에는",   "에도",   "에",
    "으로서", "으로써", "으로는", "으로",   "로서",   "로써",   "로는",   "로",
    "와의",   "과의",   "와",     "과",     "은",     "는",     "이라는", "이며",
    "이고",   "이다",   "이나",   "이",     "가",     "을",     "를",     "의",
    "도",     "만",     "까지",   "부터",   "보다",   "처럼",   "및",     "나",
    "하여",   "하고",   "하는",   "하며",   "하기",   "한",     "할",     "함",
    "해",     "했",     "된",     "되는",   "되어",   "되",     "시키",   "적",
    "들",     "인",     "등",     "라는",   "란",     "께서",
};

}  // namespace

size_t ParticleLength(std::string_view text, size_t offset) {
  const std::string_view rest = text.substr(offset);
  size_t longest = 0;
  for (const std::string_view particle : kParticles) {
    if (rest.starts_with(particle) && particle.size() > longest) longest = particle.size();
  }
  return longest;
}

bool StartsWithParticle(std::string_view text, size_t offset) {
  return ParticleLength(text, offset) > 0;
}

}  // namespace kgbuild
