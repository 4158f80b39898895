#!/bin/sh
# prove/pfuzz.sh [RUNS]: mutation fuzzing of whole programs (pfuzz.py) for
# the parsers that still live in program files: qmail-smtpd's command
# loop and DATA state machine, qmail-qmtpd's framing, qmail-queue's
# envelope reader (a non-setuid copy run as qmailq), qmail-local's .qmail
# reader, qmail-pop3d's command loop, qmail-newu's users/assign reader.
# RUNS (PROVE_PFUZZ, default 1000; 100 in the short run) inputs per
# program; crashes, hangs, undocumented
# exit codes and malformed SMTP replies must all be 0.  Failing inputs are
# kept in $T/pfuzz-keep.
# Not covered: qmail-send's queue-file and spawn-report readers, the spawn
# commands of qmail-lspawn/rspawn (they would start real deliveries).
. "$(dirname "$0")/common.sh"
N=${1:-${PROVE_PFUZZ:-1000}}
prove_setup pfuzz
u=$(prove_user pz) || notrun pfuzz "test user"
H=$T/users/pz
rm -rf $T/pfuzz-keep
export T PFUZZ_KEEP=$T/pfuzz-keep
cp $QHOME/bin/qmail-queue $T/qq-plain; chmod 755 $T/qq-plain
# qmail-pop3d's Maildir gets three messages again whenever it has fewer
for k in smtpd qmtpd queue local pop3d newu; do
  case $k in
    smtpd|qmtpd) a=$U_D ;;
    queue) a="$U_Q $T/qq-plain" ;;
    newu) a= ;;
    *) a="$u $H" ;;
  esac
  set -- $(python3 "$TOP/tests/prove/pfuzz.py" $k $N $QHOME $a)
  [ "$1" = runs ] || { row pfuzz "qmail-$k: mutated inputs" - FAIL; continue; }
  row pfuzz "qmail-$k: inputs / crashes / hangs / bad exit / bad reply" "$2/$4/$6/$8/${10}" \
    "$([ "$4$6$8${10}" = 0000 ] && echo ok || echo FAIL)"
done
rm -f $QHOME/users/assign $QHOME/users/cdb $QHOME/users/cdb.tmp
qclean
exit $PROVE_FAIL
