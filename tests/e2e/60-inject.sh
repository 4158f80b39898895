# 60-inject: golden tests of qmail-inject's header rewriting and envelope.
# Each tests/e2e/inject/NAME.case is run through the installed qmail-inject
# (or sendmail) with QMAILQUEUE pointing at a capture script; the exit
# code, stderr, envelope and message are compared byte for byte with
# tests/e2e/inject/NAME.exp.  Generated Date and Message-ID values (and
# VERP times) are normalised with sed.  QUAIL_BLESS=1 rewrites the .exp
# files (then review them with git diff).
# A .case file: lines "# claim", "env NAME=VALUE" (@D@ is the directory of
# the cases), "arg ARG", "prog NAME"
# (default qmail-inject), "opt nonl" (drop the final newline), "opt crlf",
# then a line "---" and the message.
# Does NOT test: the real qmail-queue or delivery (61), real callers (61),
# qmail-showctl, predate, mailsubj (62), caps on huge headers are at the
# end of this script.
. "$TOP/tests/lib.sh"
set -e
sandbox_ensure
C=$QHOME/control
D=$TOP/tests/e2e/inject
W=$T/inject60
rm -rf "$W"; mkdir -p "$W"
echo quail.test > $C/me
echo silverton > $C/defaulthost
echo berkeley.edu > $C/defaultdomain
echo berkeley.edu > $C/plusdomain
echo id.quail.test > $C/idhost
restore() { rm -f $C/defaulthost $C/defaultdomain $C/plusdomain $C/idhost; _cleanup; }
trap restore EXIT

cat > $T/capq60.sh <<'Q'
#!/bin/sh
# a QMAILQUEUE that keeps the message and the envelope, then exits $QT_QQEXIT;
# with $QT_QQEARLY it exits with that code before reading anything
[ -z "$QT_QQEARLY" ] || exit "$QT_QQEARLY"
cat > "$QT_CAP/msg" || exit 54
tr '\0' '\n' <&1 > "$QT_CAP/env" || exit 54
exit "${QT_QQEXIT:-0}"
Q
chmod 755 $T/capq60.sh

norm() {
  sed -e 's/^\(Resent-\)\{0,1\}Date: [0-9]\{1,2\} [A-Z][a-z][a-z] 2[0-9]\{3\} [0-9:]\{8\} -0000$/\1Date: DATE/' \
      -e 's/^\(Resent-\)\{0,1\}Message-ID: <[0-9]\{14\}\.[0-9]*\.qmail@/\1Message-ID: <TIME.PID.qmail@/' \
      -e 's/-[0-9]\{9,\}\.[0-9]\{1,\}@/-TIME.PID@/'
}

# runcase NAME: run one case, leave the normalised result in $W/NAME.got
runcase() {
  _n=$1 _c=$D/$1.case _o=$W/$1
  mkdir -p "$_o"
  _prog=qmail-inject _nonl= _crlf=
  set --
  while IFS= read -r _l; do
    case $_l in
      ---) break ;;
      "env "*) set -- "$@" "$(printf '%s' "${_l#env }" | sed "s|@D@|$D|g")" ;;
      "prog "*) _prog=${_l#prog } ;;
      "opt nonl") _nonl=1 ;;
      "opt crlf") _crlf=1 ;;
    esac
  done < "$_c"
  set -- "$@" "$QHOME/bin/$_prog"
  while IFS= read -r _l; do
    case $_l in ---) break ;; "arg "*) set -- "$@" "${_l#arg }" ;; esac
  done < "$_c"
  sed '1,/^---$/d' "$_c" > "$_o/in"
  if [ -n "$_crlf" ]; then sed 's/$/\r/' "$_o/in" > "$_o/in.t"; mv "$_o/in.t" "$_o/in"; fi
  [ -z "$_nonl" ] || { head -c -1 "$_o/in" > "$_o/in.t"; mv "$_o/in.t" "$_o/in"; }
  _rc=0
  env - PATH="$QHOME/bin:/usr/bin:/bin" QMAILQUEUE=$T/capq60.sh QT_CAP="$_o" USER=joe "$@" \
    < "$_o/in" > "$_o/stdout" 2> "$_o/stderr" || _rc=$?
  {
    echo "exit $_rc"
    sed 's/^/stderr: /' "$_o/stderr"
    if [ -s "$_o/stdout" ]; then echo '--- stdout'; cat "$_o/stdout"; fi
    if [ -f "$_o/env" ]; then echo '--- envelope'; cat "$_o/env"; echo '--- message'; cat "$_o/msg"; fi
  } | norm > "$W/$_n.got"
}

fails=0
for c in "$D"/*.case; do
  n=$(basename "$c" .case)
  echo "--- $n: $(sed -n 's/^# //p' "$c" | head -n 1)"
  runcase "$n"
  if [ -n "$QUAIL_BLESS" ]; then cp "$W/$n.got" "$D/$n.exp"; fi
  if cmp -s "$W/$n.got" "$D/$n.exp"; then echo ok; else echo FAILED; diff -u "$D/$n.exp" "$W/$n.got" | head -n 30 || true; fails=$((fails + 1)); fi
done

inject() { env - PATH="$QHOME/bin:/usr/bin:/bin" QMAILQUEUE=$T/capq60.sh QT_CAP=$W USER=joe "$@"; }

echo '--- a header over 4000000 bytes is refused with exit 100, nothing queued'
rm -f $W/env $W/msg
python3 -c 'import sys; sys.stdout.write("To: a\n" + "X-Big: " + "x" * 4000000 + "\n\nbody\n")' > $W/big
rc=0; inject qmail-inject < $W/big 2>$W/err || rc=$?
echo "exit $rc: $(cat $W/err)"; [ $rc = 100 ]; [ ! -f $W/env ]

echo '--- 10001 header fields are refused with exit 100; 10000 are accepted'
python3 -c 'import sys; sys.stdout.write("To: a\n" + "X-F: 1\n" * 10000 + "\nbody\n")' > $W/many
rc=0; inject qmail-inject < $W/many 2>$W/err || rc=$?
echo "exit $rc: $(cat $W/err)"; [ $rc = 100 ]
python3 -c 'import sys; sys.stdout.write("To: a\n" + "X-F: 1\n" * 9999 + "\nbody\n")' > $W/many
rc=0; inject qmail-inject < $W/many 2>$W/err || rc=$?
echo "exit $rc, fields queued: $(grep -c '^X-F: 1$' $W/msg)"; [ $rc = 0 ]

echo '--- a body line of 5000000 bytes right after the header is body, not header'
python3 -c 'import sys; sys.stdout.write("To: a\n" + "y" * 5000000 + "\nend\n")' > $W/longbody
rc=0; inject qmail-inject < $W/longbody 2>$W/err || rc=$?
echo "exit $rc, lines of 5000000 bytes queued: $(awk 'length($0) == 5000000' $W/msg | wc -l)"; [ $rc = 0 ]

echo '--- a qmail-queue that exits 31 without reading a 1 MB message: exit 100, not a SIGPIPE death'
python3 -c 'import sys; sys.stdout.write("To: a\n\n" + ("z" * 999 + "\n") * 1000)' > $W/mb
rc=0; inject QT_QQEARLY=31 qmail-inject < $W/mb 2>$W/err || rc=$?
echo "exit $rc: $(cat $W/err)"; [ $rc = 100 ]
rc=0; inject QT_QQEARLY=71 qmail-inject < $W/mb 2>$W/err || rc=$?
echo "exit $rc: $(cat $W/err)"; [ $rc = 111 ]

echo '--- an address with a NUL byte is refused (the envelope would cut it): exit 100'
rm -f $W/env
printf 'To: a\000b@example.test\n\nbody\n' > $W/nul
rc=0; inject qmail-inject < $W/nul 2>$W/err || rc=$?
echo "exit $rc: $(cat $W/err)"; [ $rc = 100 ]; [ ! -f $W/env ]

echo "--- $fails case(s) failed"
[ $fails = 0 ]
