# tests/prove/common.sh: sourced by the parts of `make prove`
# (tests/prove/<part>.sh).  Gives tests/lib.sh and tests/e2e/qlib.sh
# (sandbox, accounts, supervise helpers) and:
#   row PART FIGURE VALUE VERDICT   one line of the table (VERDICT ok, FAIL,
#                                   info or "not run")
#   notrun PART REASON              a "not run" row, then exit 1
#   PROVE_SHORT                     set: the short sizes of tests/e2e/96
#   ours PID NAME                   true when PID runs $QHOME/bin/NAME (so a
#                                   kill only ever hits this sandbox's processes)
#   pids NAME                       the pids of this sandbox's NAME processes
#   peakrss PID                     VmHWM of PID in KiB (0 when gone)
#   prove_setup PART, prove_controls, prove_user NAME   (below)
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$TOP/tests/lib.sh"
. "$TOP/tests/e2e/qlib.sh"
PROVE_FAIL=0
row() {
  printf '%-6s %-52s %14s  %s\n' "$1" "$2" "$3" "$4"
  case $4 in FAIL*|not\ run*) PROVE_FAIL=1 ;; esac
}
notrun() { row "$1" "$2" - "not run"; exit 1; }
ours() { [ "$(readlink "/proc/$1/exe" 2>/dev/null)" = "$QHOME/bin/$2" ]; }
pids() {
  for _p in $(pgrep -x "$1" 2>/dev/null); do ours "$_p" "$1" && echo "$_p"; done
}
peakrss() { sed -n 's/^VmHWM: *\([0-9]*\).*/\1/p' "/proc/$1/status" 2>/dev/null || echo 0; }
# prove_setup PART: the sandbox built and installed, root (real accounts),
# an empty queue and the controls every part starts from
prove_setup() {
  sandbox_ensure >/dev/null || notrun "$1" "sandbox build"
  [ $ROOT = yes ] || notrun "$1" "needs root (real accounts)"
  prove_controls
}
# prove_controls: an empty queue; quail.test is me, local and in rcpthosts
prove_controls() {
  qclean
  C=$QHOME/control
  echo quail.test > $C/me; echo quail.test > $C/locals; echo quail.test > $C/rcpthosts
}
# a test user with a Maildir that receives every local delivery
prove_user() {
  _u=$(tuser "$1") || return 1
  rm -rf "$T/users/$1/Maildir" "$T/users/$1/.qmail"*
  qmaildir "$_u" "$T/users/$1/Maildir"
  echo "$_u"
}
