#!/bin/sh
# Usage: compare_output.sh EXPECTED_FILE COMMAND [ARG...]
#
# Runs COMMAND and compares its standard output byte for byte with
# EXPECTED_FILE. Exits 0 on a match. On a mismatch prints the expected and
# the actual output and a unified diff, then exits 1. Exits with COMMAND's
# own status if COMMAND fails.
set -u

if [ "$#" -lt 2 ]; then
    echo "usage: compare_output.sh EXPECTED_FILE COMMAND [ARG...]" >&2
    exit 2
fi
expected=$1
shift
if [ ! -f "$expected" ]; then
    echo "compare_output: expected-output file $expected not found" >&2
    exit 1
fi

actual=$(mktemp) || exit 1
trap 'rm -f "$actual"' EXIT

"$@" >"$actual"
status=$?
if [ "$status" -ne 0 ]; then
    echo "compare_output: command failed with exit status $status: $*" >&2
    cat "$actual"
    exit "$status"
fi

if cmp -s "$expected" "$actual"; then
    echo "output matches $expected ($(wc -l <"$actual") lines)"
    exit 0
fi

echo "compare_output: output of '$*' differs from $expected"
echo "--- expected ($expected):"
cat "$expected"
echo "--- actual:"
cat "$actual"
echo "--- diff (expected, actual):"
diff -u "$expected" "$actual"
exit 1
