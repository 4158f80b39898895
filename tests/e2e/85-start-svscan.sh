# 85-start-svscan: `make start` with QUAIL_SERVICE_DIR scanned by an svscan
# that is already running (as Debian's daemontools-run runs one on
# /etc/service; here a real svscan on a scratch directory, with another
# service in it): make start starts no svscan of its own, links its
# services in and waits until that svscan has started them; make stop
# removes its links first (so that svscan does not restart them), stops
# them, and leaves the svscan and the other service running.
# Not tested here: the real /etc/service (never touched by the tests).
set -e
. "$TOP/tests/lib.sh"
sandbox_ensure
smtp=$(free_port); pop3=$(free_port)
SVD=$T/etcservice
rm -rf "$SVD" "$QHOME/svc" "$QHOME/service"; mkdir -p "$SVD/other"
printf '#!/bin/sh\nexec sleep 1000\n' > "$SVD/other/run"; chmod 755 "$SVD/other/run"
svc_start sysscan "exec svscan $SVD"
waitfor 20 sh -c "svstat $SVD/other | grep -q ': up'"
finish() {
  (cd "$SANDBOX" && QUAIL_SERVICE_DIR=$SVD make -s stop) >/dev/null 2>&1 || true
  svc_stop sysscan
  svc -dx "$SVD/other" 2>/dev/null || true
  waitfor 20 sh -c "! svok $SVD/other"
  rm -rf "$QHOME/svc" "$QHOME/service" "$QHOME"/control/tcp.smtp*
}
trap 'finish; _cleanup' EXIT
echo '--- make start links the services into the running svscan directory'
(cd "$SANDBOX" && env QUAIL_SERVICE_DIR=$SVD QUAIL_SMTP_PORT=$smtp QUAIL_POP3_PORT=$pop3 QUAIL_NO_APT=1 make -s start) > "$T/s85.out" 2>&1 ||
  { cat "$T/s85.out"; exit 1; }
grep -c 'started svscan' "$T/s85.out" || true
grep -c 'already scans' "$T/s85.out"
ls "$SVD"
for s in qmail-send qmail-smtpd qmail-pop3d; do
  svstat "$SVD/$s" | sed 's/(pid [0-9]*) [0-9]* seconds/(pid N) S seconds/; s|.*/etcservice/||'
done
wait_port $smtp && echo smtp listening
echo '--- make stop removes the links and stops the services; svscan and the other service stay'
(cd "$SANDBOX" && QUAIL_SERVICE_DIR=$SVD make -s stop) | sort
ls "$SVD"
for s in qmail-send qmail-smtpd qmail-pop3d; do svok "$QHOME/svc/$s" 2>/dev/null && echo "$s up" || echo "$s down"; done
svok "$SVD/other" && echo 'other still up'
svok "$T/svc/sysscan" && echo 'svscan still up'
echo '--- five seconds later svscan has not restarted them'
sleep 6
for s in qmail-send qmail-smtpd qmail-pop3d; do svok "$QHOME/svc/$s" 2>/dev/null && echo "$s up" || echo "$s down"; done
