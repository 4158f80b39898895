# 80-start: the README's first command (`make start`) inside the sandbox:
# alternate conf-home, ports and service directory, so the real system is
# untouched.  Mail sent with swaks to the started SMTP server is read back
# through the started POP3 server with poplib; svstat and the multilog log
# lines are checked; a second `make start` changes nothing; `make stop`
# stops everything.
# Not tested here: apt-get installation of the companions (CI has them,
# QUAIL_NO_APT is set), `config` (DNS-derived names), a system svscan
# (daemontools-run) scanning the service directory, and boot at startup.
set -e
. "$TOP/tests/lib.sh"
sandbox_ensure
smtp=$(free_port); pop3=$(free_port); qmtp=$(free_port)
u=$(tuser start1)
h=$(getent passwd "$u" | cut -d: -f6)
rm -rf "$h/Maildir" "$QHOME/svc" "$QHOME/service" "$QHOME"/control/tcp.smtp*
su -s /bin/sh "$u" -c "$QHOME/bin/maildirmake $h/Maildir"
echo "$u:Start-Pass-1" | chpasswd
# a new host: no control/me, locals, rcpthosts, ... (restored on exit)
rm -rf "$T/control.save" "$T/alias.save"
cp -a "$QHOME/control" "$T/control.save"; cp -a "$QHOME/alias" "$T/alias.save"
rm -f "$QHOME"/control/me "$QHOME"/control/locals "$QHOME"/control/rcpthosts \
  "$QHOME"/control/defaultdomain "$QHOME"/control/plusdomain
rm -rf "$QHOME"/alias/.qmail-* "$QHOME"/alias/Maildir
run_start() {
  (cd "$SANDBOX" && env QUAIL_SMTP_PORT=$smtp QUAIL_POP3_PORT=$pop3 QUAIL_QMTP_PORT=$qmtp QUAIL_NO_APT=1 make -s start)
}
stop_all() {
  (cd "$SANDBOX" && make -s stop) >/dev/null 2>&1 || true
  rm -rf "$QHOME/svc" "$QHOME/service" "$QHOME"/control/tcp.smtp*
  if [ -d "$T/control.save" ]; then
    rm -rf "$QHOME/control" "$QHOME/alias"
    mv "$T/control.save" "$QHOME/control"; mv "$T/alias.save" "$QHOME/alias"
  fi
}
trap 'stop_all; _cleanup' EXIT

echo '--- make start installs, configures and starts the services'
run_start > "$T/start1.out" 2>&1 || { cat "$T/start1.out"; exit 1; }
grep -c 'up (pid' "$T/start1.out"
me=$(cat "$QHOME/control/me")
echo "configured from hostname -f: $(grep -c "configuring for $me" "$T/start1.out")"
sed -n "s/^quail: config-fast: //p" "$T/start1.out" | sed "s|$QHOME|QHOME|g; s/$me/ME/g; s|\(control/[a-z]*\): .*|\1 written|"
grep '^quail: started' "$T/start1.out" | sed "s/port [0-9]*/port N/; s/(pid [0-9]*)/(pid N)/; s|$QHOME|QHOME|g"
echo '--- svstat shows every service and its logger up'
for s in qmail-send qmail-smtpd qmail-pop3d qmail-qmtpd; do
  svstat "$QHOME/service/$s" "$QHOME/service/$s/log" | sed 's/(pid [0-9]*) [0-9]* seconds/(pid N) S seconds/; s|.*/service/||'
done
echo '--- swaks sends a message to the started SMTP server'
swaks --silent 2 --server 127.0.0.1 --port $smtp --from sender@example.org --to "$u@$me" \
  --header 'Subject: started' --body 'hello from make start' >/dev/null && echo sent
echo '--- it is delivered and POP3 reads it back'
waitfor 30 sh -c "ls $h/Maildir/new | grep -q ." && echo delivered
python3 - "$pop3" "$u" <<'PY'
import poplib, sys
p = poplib.POP3("127.0.0.1", int(sys.argv[1]), timeout=10)
p.user(sys.argv[2]); p.pass_("Start-Pass-1")
n, size = p.stat()
body = b"\n".join(p.retr(1)[1])
print("messages", n, "subject ok" if b"Subject: started" in body else "subject missing")
p.quit()
PY
echo '--- multilog wrote qmail-send lines and tcpserver lines'
waitfor 10 grep -q 'delivery [0-9]*: success' "$QHOME/svc/qmail-send/log/main/current" && echo send-log ok
grep -q 'tcpserver: ok' "$QHOME/svc/qmail-smtpd/log/main/current" && echo smtpd-log ok
echo '--- QMTP answers on its port'
wait_port $qmtp && echo qmtp listening
echo '--- a second make start, without the settings, changes nothing and says so'
sleep 1.1; touch "$T/mark"; sleep 1.1
(cd "$SANDBOX" && env QUAIL_NO_APT=1 make -s start) > "$T/start2.out" 2>&1 || { cat "$T/start2.out"; exit 1; }
grep -o 'nothing to change' "$T/start2.out"
if grep -E '^quail: (installed|started|wrote|compiled|installing|control/me)' "$T/start2.out"; then exit 1; fi
echo 'no action reported'
echo '--- no installed file, control file or service file was rewritten, chowned or chmodded'
new=$(find "$QHOME/bin" "$QHOME/boot" "$QHOME/man" "$QHOME/control" "$QHOME/svc" "$QHOME/service" \
  \( -path '*/supervise' -o -path '*/log/main' \) -prune -o \( -newer "$T/mark" -o -cnewer "$T/mark" \) -print)
[ -z "$new" ] || { echo "changed: $new"; exit 1; }
echo 'none'
echo '--- make stop stops everything'
(cd "$SANDBOX" && make -s stop) | sed 's/pid [0-9]*/pid N/' | sort
grep -c "swaks --server 127.0.0.1 --port $smtp " "$T/start2.out"
for s in qmail-send qmail-smtpd qmail-pop3d qmail-qmtpd; do svok "$QHOME/service/$s" 2>/dev/null && echo "$s still up" || echo "$s down"; done
