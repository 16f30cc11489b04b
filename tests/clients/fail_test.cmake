# Stands in for a client check whose program was not found at configure
# time, so the check fails with a reason instead of disappearing. Run as:
#   cmake -DREASON=TEXT -P fail_test.cmake
message(FATAL_ERROR "${REASON}")
