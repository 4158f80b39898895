#!/bin/sh
# asan.sh: rebuild the library and every unit test with AddressSanitizer and
# UndefinedBehaviorSanitizer in tests/tmp/asan and run them.  Any sanitizer
# report fails the test (halt_on_error).
set -e
TOP=$(cd "$(dirname "$0")/../.." && pwd)
cd "$TOP"
O=tests/tmp/asan
mkdir -p $O
CC="cc -std=c99 -D_GNU_SOURCE -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined -Isrc/lib -Isrc/mail -Isrc/auto"
objs=""
for c in src/lib/*.c src/mail/*.c src/auto/*.c tests/unit/t.c; do
  o=$O/$(echo "$c" | tr / _ | sed 's/\.c$/.o/')
  if [ ! -f "$o" ] || [ "$c" -nt "$o" ]; then $CC -c -o "$o" "$c"; fi
  objs="$objs $o"
done
rm -f $O/lib.a; ar cr $O/lib.a $objs
export ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
pass=0; fail=0
for c in tests/unit/t_*.c; do
  t=$O/$(basename "$c" .c)
  $CC -o "$t" "$c" $O/lib.a
  if out=$("$t" 2>&1); then
    line=$(printf '%s\n' "$out" | tail -n 1)
    echo "asan $(basename "$t"): $line"
  else
    printf '%s\n' "$out" | tail -n 30
    echo "asan $(basename "$t"): FAILED"
    fail=$((fail + 1)); continue
  fi
  pass=$((pass + 1))
done
echo "asan: $pass passed, $fail failed"
[ $fail = 0 ]
