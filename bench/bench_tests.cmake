# A quick check of the benchmark corpus generator, run with the other tests:
# kgbuild must read a small generated corpus and find every generated paper.
# The benchmark itself (bench/run.py) takes minutes and is not a test.
add_test(NAME bench.generated_corpus
  COMMAND ${KGBUILD_PYTHON3} ${PROJECT_SOURCE_DIR}/bench/check_generated.py
    --kgbuild $<TARGET_FILE:kgbuild> --work ${CMAKE_BINARY_DIR}/out/bench_generated --posts 50)
