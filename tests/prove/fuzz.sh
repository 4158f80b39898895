#!/bin/sh
# prove/fuzz.sh [SECONDS]: every libFuzzer target (tests/fuzz/fuzz_*.c,
# ASan + UBSan) for SECONDS each (PROVE_FUZZTIME, default 30) from its
# committed seeds; one row per target: executions and crashes (must be 0).
# Not covered: parsers still inside program files (see tests/fuzz/README).
. "$(dirname "$0")/common.sh"
secs=${1:-${PROVE_FUZZTIME:-30}}
command -v clang >/dev/null || notrun fuzz "clang missing (tests/deps/base.sh)"
sh "$TOP/tests/fuzz/run" "$secs" > $T/fuzz.out 2>&1
rc=$?
n=0
while read -r t execs corpus crashes; do
  case $t in target|'') continue ;; esac
  # only the table's rows: a name, then numbers (crash reports follow them)
  case $t$execs$corpus$crashes in *[!a-z0-9?]*) continue ;; esac
  case $crashes in *[!0-9]*|'') continue ;; esac
  n=$((n + 1))
  row fuzz "$t: executions / crashes (${secs} s)" "$execs / $crashes" "$([ "$crashes" = 0 ] && echo ok || echo FAIL)"
done < $T/fuzz.out
grep -q 'build FAILED' $T/fuzz.out && row fuzz "targets that failed to build" "$(grep -c 'build FAILED' $T/fuzz.out)" FAIL
[ $n -gt 0 ] || notrun fuzz "no target ran"
[ $rc = 0 ] || PROVE_FAIL=1
exit $PROVE_FAIL
