#!/bin/sh
# prove/kill.sh [TRIALS]: kill -9 at random instants of qmail-queue,
# qmail-send, qmail-clean, qmail-local and qmail-remote while mail flows
# through the installed sandbox (qmail-start under the real supervise, the
# setuid qmail-queue, every message delivered both into a Maildir and by
# qmail-remote to an SMTP sink in kill.py); after every batch of kills the
# system recovers, the queue drains, and every message is accounted for:
# lost and partial must be 0; duplicates (a delivery killed after its
# Maildir link and before its report is repeated, as in qmail) are counted.
# Not tested here: power loss (only a VM could; the fsyncs make it this
# case), a peer that crashes (40-44 cover misbehaving peers).
. "$(dirname "$0")/common.sh"
N=${1:-${PROVE_KILLS:-1000}}
prove_setup kill
u=$(prove_user pk) || notrun kill "test user"
: > $T/log/pk
qsend_start pk || notrun kill "qmail-start did not come up"
batch=100; [ $N -lt 200 ] && batch=$(( (N + 1) / 2 ))
python3 "$TOP/tests/prove/kill.py" "$QHOME" "$T/svc/pk" "$u" "$T/users/pk/Maildir" $N $batch > $T/kill.out 2>$T/kill.err \
  || { cat $T/kill.err >&2; notrun kill "kill.py failed"; }
svc_stop pk
rm -f $C/smtproutes $C/timeoutremote
v() { sed -n "s/^$1 //p" $T/kill.out; }
row kill "kill -9 trials (queue/send/clean/local/remote)" "$(v trials) ($(v trials_qmail-queue)/$(v trials_qmail-send)/$(v trials_qmail-clean)/$(v trials_qmail-local)/$(v trials_qmail-remote))" \
  "$([ "$(v trials)" -ge "$N" ] && echo ok || echo FAIL)"
row kill "messages accepted by qmail-queue (refused: killed)" "$(v accepted) ($(v refused))" info
row kill "messages lost (Maildir + SMTP sink)" "$(v lost)" "$([ "$(v lost)" = 0 ] && echo ok || echo FAIL)"
row kill "messages partial (Maildir + SMTP sink)" "$(v partial)" "$([ "$(v partial)" = 0 ] && echo ok || echo FAIL)"
row kill "duplicate deliveries" "$(v duplicates)" info
row kill "refused by qmail-queue yet delivered" "$(v unacked_delivered)" info
row kill "batches where the queue did not drain" "$(v undrained)" "$([ "$(v undrained)" = 0 ] && echo ok || echo FAIL)"
exit $PROVE_FAIL
