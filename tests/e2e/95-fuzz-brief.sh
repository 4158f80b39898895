# 95-fuzz-brief: every fuzz target builds and runs briefly (2 s each) from
# its committed seeds without a crash, so regressions in the targets and
# shallow bugs are caught by the test command.  `make fuzz` runs longer.
# Not tested here: deep coverage (FUZZTIME=600 make fuzz does that).
set -e
echo '--- every fuzz target runs without a crash'
sh "$TOP/tests/fuzz/run" 2 | awk 'NR == 1 { next } { print $1, ($4 == 0 ? "no crashes" : "CRASHES") }'
