#!/usr/bin/env bash
# Runs libFuzzer targets for a given time each, from seed corpora made of
# the samples and the built-in vocabulary.
#
#   fuzz/run.sh BUILD_DIR SECONDS [TARGET...]
#
# BUILD_DIR is a build configured with -DKGBUILD_FUZZ=ON (clang). Without
# TARGET every target runs, one after another. Each target's corpus grows in
# BUILD_DIR/fuzz-corpus/TARGET and its log is BUILD_DIR/fuzz-logs/TARGET.log.
# Exits non-zero when a target finds a crash, a leak or a timeout; the
# reproducer is written to BUILD_DIR/fuzz-artifacts/.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:?usage: fuzz/run.sh BUILD_DIR SECONDS [TARGET...]}" && pwd)
seconds=${2:?usage: fuzz/run.sh BUILD_DIR SECONDS [TARGET...]}
shift 2
targets=("$@")
((${#targets[@]} > 0)) || targets=(fuzz_post_reader fuzz_front_matter fuzz_extractor fuzz_vocabulary)

seed() {  # seed TARGET CORPUS_DIR
  case "$1" in
    fuzz_vocabulary)
      # The first byte picks the loader: 0 entities, 1 cues, 2 stop words.
      for file in "$root"/vocab/entities/*.tsv; do
        { printf '\0'; head -c 60000 "$file"; } >"$2/$(basename "$file")"
      done
      { printf '\1'; cat "$root/vocab/cues.tsv"; } >"$2/cues.tsv"
      { printf '\2'; cat "$root/vocab/stopwords.txt"; } >"$2/stopwords.txt"
      ;;
    *)
      find "$root/samples" -name '*.md' -size -64k -exec cp {} "$2/" \;
      ;;
  esac
}

mkdir -p "$build/fuzz-logs" "$build/fuzz-artifacts"
status=0
for target in "${targets[@]}"; do
  corpus="$build/fuzz-corpus/$target"
  if [[ ! -d "$corpus" ]]; then
    mkdir -p "$corpus"
    seed "$target" "$corpus"
  fi
  echo "fuzz: $target for ${seconds}s"
  if ! "$build/fuzz/$target" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2560 \
      -max_len=65536 -print_final_stats=1 -artifact_prefix="$build/fuzz-artifacts/$target-" \
      "$corpus" >"$build/fuzz-logs/$target.log" 2>&1; then
    echo "fuzz: $target failed; see $build/fuzz-logs/$target.log"
    tail -n 40 "$build/fuzz-logs/$target.log"
    status=1
  fi
  grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb)|cov: ' "$build/fuzz-logs/$target.log" | tail -n 3
done
exit "$status"
