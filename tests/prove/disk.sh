#!/bin/sh
# prove/disk.sh [SHIMMAX]: disk faults.
#  1. injected faults (tests/prove/faultshim.c, LD_PRELOAD) at every write,
#     fsync, link and rename call of qmail-queue, with ENOSPC and EIO.  The
#     loader ignores LD_PRELOAD for the setuid qmail-queue, so a NON-setuid
#     copy runs as the queue account (setuidgid qmailq) on the real queue.
#     Wanted: a temporary exit code (never 0 for a message not queued,
#     never a permanent 11-40); afterwards qmail-send delivers every
#     accepted message, bounces nothing, and the queue drains.
#  2. the same faults in qmail-local (the shim inherited through qmail-start
#     and qmail-lspawn, active only in qmail-local, rules read per process
#     from a file): each attempt is deferred, never bounced; once the fault
#     is gone every message arrives whole.
#  3. a real full filesystem: the queue on a 4 MiB tmpfs (a private mount
#     namespace) fed by qmail-smtpd; past the space only 4xx replies,
#     never 250 for a message not queued, never 5xx; after the tmpfs grows
#     every 250'd message is delivered, no bounce.
#  4. a user's Maildir on a 1 MiB tmpfs: deliveries defer, none bounces;
#     after it grows, all arrive whole.
# SHIMMAX (default 12; 2 in the short run) caps N for "the Nth call".
# Not tested: faults in qmail-send's own queue writes (its info/local/remote
# files; kill.sh covers its crashes), qmail-remote.
. "$(dirname "$0")/common.sh"
MAX=${1:-12}
if [ "$PROVE_DISK_INSIDE" != yes ]; then
  sandbox_ensure >/dev/null || notrun disk "sandbox build"
  [ $ROOT = yes ] || notrun disk "needs root (mounts, real accounts)"
  trap - EXIT
  PROVE_DISK_INSIDE=yes exec unshare -m --propagation private sh "$0" "$@"
fi
cc -std=c99 -shared -fPIC -o $T/faultshim.so "$TOP/tests/prove/faultshim.c" -ldl || notrun disk "faultshim build"
SHIM=$T/faultshim.so
mkdir -p $T/shimlog; chmod 1777 $T/shimlog
MSGS="python3 $TOP/tests/prove/msgs.py"
prove_controls
rm -f $C/databytes
u=$(prove_user pd) || notrun disk "test user"
MD=$T/users/pd/Maildir
env1=$T/pd.env; printf 'Fprove@quail.test\0T%s@quail.test\0\0' $u > $env1; chmod 644 $env1
cp $QHOME/bin/qmail-queue $T/qq-plain; chmod 755 $T/qq-plain
: > $T/pd.ids; : > $T/pd.refused
id=0
qq() { # RULES [LOG]: queue message $id through the non-setuid copy as qmailq
  $MSGS make $id 4 > $T/pd.msg; chmod 644 $T/pd.msg
  env LD_PRELOAD=$SHIM FAULTSHIM_PROG=qq-plain FAULTSHIM="$1" ${2:+FAULTSHIM_LOG=$2} \
    setuidgid $U_Q $T/qq-plain < $T/pd.msg 1< $env1
}
# calibration: how many calls of each kind one message takes
id=1; rm -f $T/shimlog/pd.count.*
qq "" $T/shimlog/pd.count || notrun disk "qmail-queue copy does not run"
echo $id >> $T/pd.ids
set -- $(sed 's/[a-z-]*=//g' $T/shimlog/pd.count.*); cw=$2 cf=$3 cl=$4 cr=$5
trials=0 tempf=0 falseok=0 perm=0 okfault=0
for op in write fsync link rename; do
  eval c=\$c$(echo $op | cut -c1)
  [ $c -gt $MAX ] && c=$MAX
  n=1
  while [ $n -le $c ]; do
    for e in ENOSPC EIO; do
      id=$((id + 1)); trials=$((trials + 1))
      qq "$op:$n:$e"; rc=$?
      case $rc in
        0) okfault=$((okfault + 1)); echo $id >> $T/pd.ids ;;
        1[1-9]|[23][0-9]|40) perm=$((perm + 1)); echo "disk: $op:$n:$e exit $rc (permanent)" >&2 ;;
        *) tempf=$((tempf + 1)); echo "$id $op:$n:$e exit $rc" >> $T/pd.refused ;;
      esac
    done
    n=$((n + 1))
  done
done
row disk "qmail-queue calls per message (write/fsync/link/rename)" "$cw/$cf/$cl/$cr" info
row disk "qmail-queue fault trials (ENOSPC, EIO)" $trials "$([ $trials -gt 0 ] && echo ok || echo FAIL)"
row disk "  temporary failure" $tempf info
row disk "  permanent failure for a disk fault" $perm "$([ $perm = 0 ] && echo ok || echo FAIL)"
row disk "  exit 0 despite the fault (checked below)" $okfault info
: > $T/log/pd
qsend_start pd || notrun disk "qmail-start"
waitfor 120 sh -c "[ -z \"\$(find $QHOME/queue/todo $QHOME/queue/info -type f)\" ]" || true
set -- $($MSGS account $MD $T/pd.ids)
bounces=$(grep -c 'failure:\|bounce msg' $T/log/pd)
row disk "qmail-queue: accepted messages lost / partial" "$2 / $4" "$([ "$2/$4" = 0/0 ] && echo ok || echo FAIL)"
row disk "qmail-queue: refused (fault after todo link) yet delivered" "$8" info
row disk "qmail-queue: bounces after faults" "$bounces" "$([ "$bounces" = 0 ] && echo ok || echo FAIL)"
svc_stop pd

# 2. faults inside qmail-local, through the whole system
rm -rf $MD; qmaildir $u $MD
: > $T/pd.rules; chmod 644 $T/pd.rules
: > $T/log/pd2
rm -f $T/shimlog/pl.count.*
svc_start pd2 "exec env - PATH=\"$QHOME/bin:/usr/bin:/bin\" LD_PRELOAD=$SHIM FAULTSHIM_PROG=qmail-local FAULTSHIM_MINFD=3 FAULTSHIM_FILE=$T/pd.rules FAULTSHIM_LOG=$T/shimlog/pl.count qmail-start ./Maildir/ >>$T/log/pd2 2>&1"
waitfor 10 grep -q '^status: local' $T/log/pd2 || notrun disk "qmail-start with the shim"
id=$((id + 1)); echo $id > $T/pd2.ids
$MSGS make $id 4 | qinject $u prove@quail.test $u@quail.test >/dev/null || notrun disk "qmail-queue"
waitfor 20 grep -q '^delivery [0-9]*: success' $T/log/pd2 || notrun disk "calibration delivery"
set -- $(cat $T/shimlog/pl.count.* | sed 's/[a-z-]*=//g'); cw=$2 cf=$3 cl=$4 cr=$5
row disk "qmail-local calls per Maildir delivery (w/f/l/r)" "$cw/$cf/$cl/$cr" info
ltr=0 ldef=0 lfail=0 lok=0 lnone=0
for op in write fsync link rename; do
  eval c=\$c$(echo $op | cut -c1)
  [ $c -gt $MAX ] && c=$MAX
  n=1
  while [ $n -le $c ]; do
    for e in ENOSPC EIO; do
      id=$((id + 1)); ltr=$((ltr + 1))
      echo "$op:$n:$e" > $T/pd.rules
      $MSGS make $id 4 | qinject $u prove@quail.test $u@quail.test > $T/pd.qp || { lnone=$((lnone + 1)); continue; }
      echo $id >> $T/pd2.ids
      m=$(qmsgid pd2 $(cat $T/pd.qp)) || { lnone=$((lnone + 1)); continue; }
      qwaitlog 20 pd2 "^starting delivery [0-9]+: msg $m to local" || { lnone=$((lnone + 1)); continue; }
      d=$(sed -n "s/^starting delivery \([0-9]*\): msg $m to local.*/\1/p" $T/log/pd2 | tail -n 1)
      qwaitlog 20 pd2 "^delivery $d: " || { lnone=$((lnone + 1)); continue; }
      case $(sed -n "s/^delivery $d: \([a-z]*\):.*/\1/p" $T/log/pd2 | tail -n 1) in
        deferral) ldef=$((ldef + 1)) ;;
        success) lok=$((lok + 1)) ;;
        *) lfail=$((lfail + 1)); echo "disk: qmail-local $op:$n:$e: $(grep "^delivery $d: " $T/log/pd2)" >&2 ;;
      esac
    done
    n=$((n + 1))
  done
done
: > $T/pd.rules
n=0; while [ $n -lt 60 ] && [ -n "$(find $QHOME/queue/todo $QHOME/queue/info -type f)" ]; do svc -a $T/svc/pd2; sleep 1; n=$((n + 1)); done
set -- $($MSGS account $MD $T/pd2.ids)
row disk "qmail-local fault trials: deferred / delivered" "$ldef / $lok" "$([ $ltr -gt 0 ] && [ $ldef = $ltr ] && echo ok || echo FAIL)"
row disk "qmail-local fault trials bounced (or lost track)" "$lfail ($lnone)" "$([ $lfail$lnone = 00 ] && echo ok || echo FAIL)"
row disk "qmail-local: after the fault, missing / partial" "$2 / $4" "$([ "$2/$4" = 0/0 ] && echo ok || echo FAIL)"
svc_stop pd2

# 3. the queue on a small tmpfs, fed by qmail-smtpd
qclean
rm -rf $MD; qmaildir $u $MD
mkdir -p $T/qfs
mount -t tmpfs -o size=4m,mode=$(stat -c %a $QHOME/queue) tmpfs $T/qfs || notrun disk "mount tmpfs"
chown $(stat -c %u:%g $QHOME/queue) $T/qfs
cp -a $QHOME/queue/. $T/qfs/
mount --bind $T/qfs $QHOME/queue || notrun disk "bind mount"
P=$(free_port)
tcp_start smtpdpd $P setuidgid $U_D $QHOME/bin/qmail-smtpd || notrun disk "tcpserver"
python3 - $P $u $TOP/tests/prove/msgs.py $T/pd3.ids > $T/pd3.out <<'PY'
import importlib.util, smtplib, sys
spec = importlib.util.spec_from_file_location('msgs', sys.argv[3]); msgs = importlib.util.module_from_spec(spec); spec.loader.exec_module(msgs)
port, user, ids = int(sys.argv[1]), sys.argv[2], open(sys.argv[4], 'w')
ok = temp = perm = 0
i = 100000
for k in range(60):
    i += 1
    try:
        s = smtplib.SMTP('127.0.0.1', port, timeout=60)
        s.sendmail('prove@quail.test', ['%s@quail.test' % user], msgs.make(i, 200))
        ok += 1; ids.write('%d\n' % i); ids.flush()
        s.quit()
    except smtplib.SMTPResponseException as e:
        if 400 <= e.smtp_code < 500: temp += 1
        else: perm += 1; sys.stderr.write('disk: %d %s\n' % (e.smtp_code, e.smtp_error))
    except smtplib.SMTPRecipientsRefused as e:
        c = list(e.recipients.values())[0][0]
        if 400 <= c < 500: temp += 1
        else: perm += 1
print(ok, temp, perm)
PY
set -- $(cat $T/pd3.out); sok=$1 stemp=$2 sperm=$3
full=$(df -k $T/qfs | awk 'NR == 2 { print $4 }')
row disk "SMTP into a 4 MiB queue: 250 / 4xx / 5xx" "$sok / $stemp / $sperm" "$([ "$stemp" -gt 0 ] && [ "$sperm" = 0 ] && echo ok || echo FAIL)"
mount -o remount,size=64m $T/qfs
: > $T/log/pd3
qsend_start pd3 || notrun disk "qmail-start"
n=0; while [ $n -lt 120 ] && [ -n "$(find $QHOME/queue/todo $QHOME/queue/info -type f)" ]; do sleep 1; n=$((n + 1)); done
set -- $($MSGS account $MD $T/pd3.ids)
bounces=$(grep -c 'failure:\|bounce msg' $T/log/pd3)
row disk "after space returns: 250'd missing / partial / bounces" "$2 / $4 / $bounces" "$([ "$2/$4/$bounces" = 0/0/0 ] && echo ok || echo FAIL)"
svc_stop pd3; svc_stop smtpdpd
umount $QHOME/queue

# 4. the Maildir on a 1 MiB tmpfs
qclean
rm -rf $MD; mkdir -p $MD
mount -t tmpfs -o size=1m tmpfs $MD || notrun disk "mount tmpfs"
chown $u: $MD; qmaildir $u $MD
: > $T/pd4.ids; : > $T/log/pd4
qsend_start pd4 || notrun disk "qmail-start"
i=200000
while [ $i -lt 200012 ]; do
  i=$((i + 1)); $MSGS make $i 200 | qinject $u prove@quail.test $u@quail.test >/dev/null && echo $i >> $T/pd4.ids
done
waitfor 60 sh -c "[ \$(grep -c '^delivery [0-9]*: ' $T/log/pd4) -ge 12 ]" || true
defs=$(grep -c '^delivery [0-9]*: deferral' $T/log/pd4)
mount -o remount,size=64m $MD
n=0; while [ $n -lt 90 ] && [ -n "$(find $QHOME/queue/todo $QHOME/queue/info -type f)" ]; do svc -a $T/svc/pd4; sleep 1; n=$((n + 1)); done
set -- $($MSGS account $MD $T/pd4.ids)
bounces=$(grep -c 'failure:\|bounce msg' $T/log/pd4)
row disk "Maildir on a 1 MiB tmpfs: deferrals while full" "$defs" "$([ "$defs" -gt 0 ] && echo ok || echo FAIL)"
row disk "after space returns: missing / partial / bounces" "$2 / $4 / $bounces" "$([ "$2/$4/$bounces" = 0/0/0 ] && echo ok || echo FAIL)"
svc_stop pd4
umount $MD
exit $PROVE_FAIL
