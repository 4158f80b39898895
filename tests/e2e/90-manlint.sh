# 90-manlint: every manual page renders without warnings (mandoc -T lint),
# and every installed program has a page.
# Not tested here: whether the pages say true things (the other tests do).
set -e
cd "$TOP"
echo '--- mandoc -T lint -W warning finds nothing in man/*'
out=$(mandoc -T lint -W warning man/*.[1-8] 2>&1 || true)
if [ -n "$out" ]; then printf '%s\n' "$out"; exit 1; fi
echo ok
echo '--- every program in the install table has a manual page'
missing=""
for p in $(sed -n 's/^BIN("\([^"]*\)".*/\1/p' src/install/hier-bin.h); do
  ls man/"$p".[1-8] >/dev/null 2>&1 || missing="$missing $p"
done
if [ -n "$missing" ]; then echo "missing:$missing"; exit 1; fi
echo ok
