// Internal to extract/. Korean particles and endings that follow a name
// without a space (`MNIST에서`, `HALA를`, `미세조정하여`).
#ifndef KGBUILD_EXTRACT_KOREAN_H_
#define KGBUILD_EXTRACT_KOREAN_H_

#include <cstddef>
#include <string_view>

namespace kgbuild {

// True when the Hangul text at `text[offset]` starts with a particle or an
// ending that can follow a noun directly, so a Korean name that ends just
// before it is a whole word (`확산 모델이`), not part of a longer one
// (`번역기`).
bool StartsWithParticle(std::string_view text, size_t offset);

// The length in bytes of the particle or ending that starts at
// `text[offset]` (longest known one), or 0.
size_t ParticleLength(std::string_view text, size_t offset);

}  // namespace kgbuild

#endif  // KGBUILD_EXTRACT_KOREAN_H_
