# 96-prove-short: the proof of robustness (`make prove`) at a small size:
# fuzz targets 1 s each, 100 mutated inputs per program, 50 kill -9
# trials, the disk-fault trials with N up to 2, 1 MiB command and header
# lines and a 16 MiB message, 10k RCPTs,
# 500 messages in 50 sessions.  Prints the verdict column of the table.
# Not tested here: the full sizes (make prove: 1000 kills, 2^31-byte line,
# 4.5 GiB, 10^6 RCPTs, 500 sessions).
set -e
echo '--- every figure of the short proof is what the proof demands'
PROVE_SHORT=1 sh "$TOP/tests/prove/run" > "${QUAIL_TESTTMP:-$TOP/tests/tmp}/prove-short.out" || {
  cat "${QUAIL_TESTTMP:-$TOP/tests/tmp}/prove-short.out"; exit 1; }
# one line per part and verdict seen (ok / info); a FAIL fails above
awk 'NR > 1 { print $1, $NF }' "${QUAIL_TESTTMP:-$TOP/tests/tmp}/prove-short.out" | sort -u
