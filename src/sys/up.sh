#!/bin/sh
# up.sh: `make start`.  From a fresh Debian machine, as root: install the
# runtime companions if missing, build, create accounts, install into
# conf-home, configure from the host name if control/me is missing, and run
# qmail-send, qmail-smtpd and qmail-pop3d under svscan.  Run twice, it
# changes nothing and says so.  Settings (environment):
#   QUAIL_SMTP_ADDR (127.0.0.1)  QUAIL_SMTP_PORT (25)
#   QUAIL_POP3_ADDR (127.0.0.1)  QUAIL_POP3_PORT (110)
#   QUAIL_QMTP_PORT (unset: no QMTP service)
#   QUAIL_SERVICE_DIR (conf-home/service; scanned by our own svscan)
#   QUAIL_NO_APT (set: never run apt-get; fail if a companion is missing)
set -e
say() { echo "quail: $*"; }
die() { echo "quail: fatal: $*" >&2; exit 111; }
[ "$(id -u)" = 0 ] || die "make start must run as root"
H=$(head -n 1 conf-home)
SV=${QUAIL_SERVICE_DIR:-$H/service}
SMTP_ADDR=${QUAIL_SMTP_ADDR:-127.0.0.1}; SMTP_PORT=${QUAIL_SMTP_PORT:-25}
POP3_ADDR=${QUAIL_POP3_ADDR:-127.0.0.1}; POP3_PORT=${QUAIL_POP3_PORT:-110}
changed=0

need=""
for c in svscan supervise multilog setuidgid envuidgid; do command -v $c >/dev/null || need="$need daemontools"; done
for c in tcpserver tcprules; do command -v $c >/dev/null || need="$need ucspi-tcp-ipv6"; done
if [ -n "$need" ]; then
  pk=$(echo $need | tr ' ' '\n' | sort -u | tr '\n' ' ')
  [ -z "$QUAIL_NO_APT" ] || die "missing packages: $pk"
  say "installing $pk with apt-get (runtime companions)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $pk >/dev/null
  changed=1
fi

make -s it
before=$(cd "$H" 2>/dev/null && find bin boot -type f -exec md5sum {} + 2>/dev/null | md5sum)
sh src/install/accounts.sh | sed 's/^/quail: /'
./src/install/install
./src/install/instcheck
after=$(cd "$H" && find bin boot -type f -exec md5sum {} + | md5sum)
[ "$before" = "$after" ] || { say "installed programs into $H"; changed=1; }

if [ ! -f "$H/control/me" ]; then
  fq=$(hostname -f 2>/dev/null || hostname)
  case "$fq" in *.*) ;; *) fq="$fq.localdomain" ;; esac
  say "control/me is missing: configuring for $fq"
  "$H/bin/config-fast" "$fq" | sed 's/^/quail: /'
  changed=1
fi
if [ ! -f "$H/control/tcp.smtp" ]; then
  printf '127.:allow,RELAYCLIENT=""\n::1:allow,RELAYCLIENT=""\n:allow\n' > "$H/control/tcp.smtp"
  say "wrote $H/control/tcp.smtp (loopback may relay)"
  changed=1
fi
if [ ! -f "$H/control/tcp.smtp.cdb" ] || [ "$H/control/tcp.smtp" -nt "$H/control/tcp.smtp.cdb" ]; then
  tcprules "$H/control/tcp.smtp.cdb" "$H/control/tcp.smtp.tmp" < "$H/control/tcp.smtp"
  changed=1
fi

# service directories live in $H/svc; $SV holds the links svscan watches
mksvc() { # name run-template [ADDR PORT]
  d=$H/svc/$1
  mkdir -p "$d/log/main" "$d/env"
  for f in run:$2 log/run:log-run; do
    dst=$d/${f%%:*}; src=$H/boot/${f#*:}
    cmp -s "$src" "$dst" 2>/dev/null || { cp "$src" "$dst.tmp"; chmod 755 "$dst.tmp"; mv "$dst.tmp" "$dst"; changed=1; }
  done
  chown "$(sed -n 3p conf-users)" "$d/log/main"
  if [ -n "$3" ]; then
    for kv in ADDR:$3 PORT:$4; do
      k=${kv%%:*}; v=${kv#*:}
      [ "$(cat "$d/env/$k" 2>/dev/null)" = "$v" ] || { echo "$v" > "$d/env/$k"; changed=1; svc -t "$d" 2>/dev/null || true; }
    done
  fi
  mkdir -p "$SV"
  [ -L "$SV/$1" ] || { ln -s "$d" "$SV/$1"; changed=1; }
}
mksvc qmail-send send-run
mksvc qmail-smtpd smtpd-run "$SMTP_ADDR" "$SMTP_PORT"
if [ -f "$H/boot/pop3d-run" ]; then mksvc qmail-pop3d pop3d-run "$POP3_ADDR" "$POP3_PORT"; fi
if [ -n "$QUAIL_QMTP_PORT" ]; then mksvc qmail-qmtpd qmtpd-run 127.0.0.1 "$QUAIL_QMTP_PORT"; fi

pidf=$SV/.svscan.pid
if [ -f "$pidf" ] && kill -0 "$(cat "$pidf")" 2>/dev/null; then :; else
  (cd / && setsid svscan "$SV" >"$SV/.svscan.log" 2>&1 </dev/null & echo $! > "$pidf")
  say "started svscan on $SV (pid $(cat "$pidf"))"
  changed=1
fi
# wait (bounded) until every service is up
n=0
for s in "$SV"/*; do
  [ -d "$s" ] || continue
  while ! svstat "$s" 2>/dev/null | grep -q ': up'; do
    n=$((n + 1)); [ $n -lt 150 ] || die "$s did not come up: $(svstat "$s" 2>&1)"
    sleep 0.2
  done
done
for s in "$SV"/*; do [ -d "$s" ] && say "$(svstat "$s")"; done
if [ $changed = 0 ]; then say "nothing to change: quail is installed, configured and running"; fi
say "SMTP on $SMTP_ADDR:$SMTP_PORT, POP3 on $POP3_ADDR:$POP3_PORT; logs in $H/svc/*/log/main/current"
say "send a test message:  echo 'Subject: test' | $H/bin/sendmail -f root root@$(cat "$H/control/me")"
say "each user needs a Maildir to receive mail: maildirmake ~user/Maildir (as the user)"
