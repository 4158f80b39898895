#!/bin/sh
# up.sh: `make start`.  From a fresh Debian machine, as root: install the
# build tools and the runtime companions if missing (with apt-get, saying
# so), build, create accounts, install into conf-home, configure from the
# host name if control/me is missing, and run qmail-send, qmail-smtpd and
# qmail-pop3d under svscan.  Run twice, it changes nothing (no file is
# rewritten) and says so.  It never touches /usr/sbin/sendmail.
# Settings (environment):
#   QUAIL_SMTP_ADDR (127.0.0.1)  QUAIL_SMTP_PORT (25)
#   QUAIL_POP3_ADDR (127.0.0.1)  QUAIL_POP3_PORT (110)
#   QUAIL_QMTP_PORT (unset: no QMTP service; it listens on the SMTP address)
#   QUAIL_QMQP_PORT (unset: no QMQP service; clients from control/tcp.qmqp)
#   A setting given is written to the service's env/ADDR or env/PORT (and
#   the service restarted); one not given keeps what env/ holds, so a
#   later plain `make start` does not undo an earlier choice.
#   QUAIL_SERVICE_DIR (conf-home/service, scanned by an svscan we start;
#     if a running svscan already scans it, e.g. Debian's daemontools-run
#     with /etc/service, the services are only linked into it)
#   QUAIL_NO_APT (set: never run apt-get; fail if something is missing)
set -e
say() { echo "quail: $*"; }
die() { echo "quail: fatal: $*" >&2; exit 111; }
[ "$(id -u)" = 0 ] || die "make start must run as root"
[ -f conf-home ] || die "run make start in the top directory of the source tree"
H=$(head -n 1 conf-home)
SV=${QUAIL_SERVICE_DIR:-$H/service}
changed=0

# 1. what the build and the services need from Debian
need=""
cc1=$(head -n 1 conf-cc | cut -d' ' -f1)
command -v "$cc1" >/dev/null || need="$need build-essential"
[ -e /usr/include/crypt.h ] || need="$need libcrypt-dev"
for c in svscan supervise svc svok svstat multilog setuidgid envuidgid; do
  command -v $c >/dev/null || need="$need daemontools"
done
for c in tcpserver tcprules; do command -v $c >/dev/null || need="$need ucspi-tcp-ipv6"; done
if [ -n "$need" ]; then
  pk=$(echo $need | tr ' ' '\n' | sort -u | tr '\n' ' ')
  [ -z "$QUAIL_NO_APT" ] || die "missing packages: $pk(QUAIL_NO_APT is set)"
  say "installing $pk with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends $pk >/dev/null 2>&1 ||
    { apt-get update >/dev/null && apt-get install -y --no-install-recommends $pk >/dev/null; } ||
    die "apt-get could not install $pk"
  changed=1
fi

# 2. build, accounts, install (only when the installed tree differs)
make -s it
sh src/install/accounts.sh | sed 's/^/quail: /'
current() { # 0 when every installed file equals its build and instcheck is happy
  [ -d "$H/bin" ] || return 1
  l=$(mktemp) || return 1
  sed -n 's/^BIN("\([^"]*\)".*/src\/\1 bin\/\1/p' src/install/hier-bin.h > "$l"
  sed -n 's/^ *c("boot", "\([^"]*\)", "\([^"]*\)".*/\2 boot\/\1/p' src/install/hier.c >> "$l"
  for m in man/*.[1-8]; do echo "$m man/man${m##*.}/${m#man/}"; done >> "$l"
  while read -r src dst; do cmp -s "$src" "$H/$dst" || { rm -f "$l"; return 1; }; done < "$l"
  rm -f "$l"
  ./src/install/instcheck >/dev/null 2>&1
}
if ! current; then
  ./src/install/install
  ./src/install/instcheck
  say "installed quail into $H"
  changed=1
fi

# 3. configuration: only what is missing
if [ ! -f "$H/control/me" ]; then
  fq=$(hostname -f 2>/dev/null || hostname)
  case "$fq" in *.*) ;; *) fq="$fq.localdomain" ;; esac
  say "control/me is missing: configuring for $fq"
  "$H/bin/config-fast" "$fq" | sed 's/^/quail: /'
  changed=1
fi
me=$(head -n 1 "$H/control/me")
[ -f "$H/control/rcpthosts" ] ||
  say "warning: $H/control/rcpthosts is missing: qmail-smtpd accepts mail only from relay clients (run $H/bin/config-fast $me)"
if [ ! -f "$H/control/tcp.smtp" ]; then
  printf '127.:allow,RELAYCLIENT=""\n::1:allow,RELAYCLIENT=""\n:allow\n' > "$H/control/tcp.smtp.new"
  mv "$H/control/tcp.smtp.new" "$H/control/tcp.smtp"
  say "wrote $H/control/tcp.smtp (loopback clients may relay)"
  changed=1
fi
if [ ! -f "$H/control/tcp.smtp.cdb" ] || [ "$H/control/tcp.smtp" -nt "$H/control/tcp.smtp.cdb" ]; then
  tcprules "$H/control/tcp.smtp.cdb" "$H/control/tcp.smtp.tmp" < "$H/control/tcp.smtp"
  say "compiled $H/control/tcp.smtp into tcp.smtp.cdb"
  changed=1
fi

# 4. service directories in $H/svc; $SV holds the links svscan watches
started=""
envfile() { # dir key given default: the given value, else keep env/key, else the default
  v=$3
  [ -n "$v" ] || [ ! -s "$1/env/$2" ] || return 0
  [ -n "$v" ] || v=$4
  [ "$(cat "$1/env/$2" 2>/dev/null)" = "$v" ] && return 0
  echo "$v" > "$1/env/$2.tmp" && mv "$1/env/$2.tmp" "$1/env/$2"
  changed=1; svc -t "$1" 2>/dev/null || true
}
mksvc() { # name run-template [ADDR PORT DEFADDR DEFPORT]: ADDR, PORT may be empty
  d=$H/svc/$1
  [ -d "$d/log/main" ] || { mkdir -p "$d/log/main"; changed=1; }
  [ -d "$d/env" ] || { mkdir -p "$d/env"; changed=1; }
  for f in run:$2 log/run:log-run; do
    dst=$d/${f%%:*}; src=$H/boot/${f#*:}
    cmp -s "$src" "$dst" 2>/dev/null || { cp "$src" "$dst.tmp"; chmod 755 "$dst.tmp"; mv "$dst.tmp" "$dst"; changed=1; svc -t "$d" 2>/dev/null || true; }
  done
  lu=$(sed -n 3p conf-users)
  [ "$(stat -c %U "$d/log/main")" = "$lu" ] || { chown "$lu" "$d/log/main"; changed=1; }
  if [ $# -gt 2 ]; then
    envfile "$d" ADDR "$3" "$5"
    envfile "$d" PORT "$4" "$6"
  fi
  [ -d "$SV" ] || { mkdir -p "$SV"; changed=1; }
  if [ ! -L "$SV/$1" ]; then
    [ -e "$SV/$1" ] && die "$SV/$1 exists and is not our link; move it away"
    ln -s "$d" "$SV/$1"; changed=1; started="$started $1"
  fi
}
mksvc qmail-send send-run
mksvc qmail-smtpd smtpd-run "${QUAIL_SMTP_ADDR:-}" "${QUAIL_SMTP_PORT:-}" 127.0.0.1 25
mksvc qmail-pop3d pop3d-run "${QUAIL_POP3_ADDR:-}" "${QUAIL_POP3_PORT:-}" 127.0.0.1 110
if [ -n "${QUAIL_QMTP_PORT:-}" ]; then
  mksvc qmail-qmtpd qmtpd-run "${QUAIL_SMTP_ADDR:-}" "$QUAIL_QMTP_PORT" "$(cat "$H/svc/qmail-smtpd/env/ADDR")" 209
fi
if [ -n "${QUAIL_QMQP_PORT:-}" ]; then
  if [ ! -f "$H/control/tcp.qmqp" ]; then
    printf '127.0.0.1:allow\n:deny\n' > "$H/control/tcp.qmqp"; changed=1
    say "wrote $H/control/tcp.qmqp (QMQP from 127.0.0.1 only; it relays anything)"
  fi
  if [ ! -f "$H/control/tcp.qmqp.cdb" ] || [ "$H/control/tcp.qmqp" -nt "$H/control/tcp.qmqp.cdb" ]; then
    tcprules "$H/control/tcp.qmqp.cdb" "$H/control/tcp.qmqp.tmp" < "$H/control/tcp.qmqp"; changed=1
  fi
  mksvc qmail-qmqpd qmqpd-run "${QUAIL_SMTP_ADDR:-}" "$QUAIL_QMQP_PORT" "$(cat "$H/svc/qmail-smtpd/env/ADDR")" 628
fi
where() { echo "$(cat "$H/svc/$1/env/ADDR") port $(cat "$H/svc/$1/env/PORT")"; }

# 5. svscan: ours (pid in $SV/.svscan.pid), or a system one already on $SV
scanner() { # prints the pid of a running (not zombie) svscan whose directory is $SV
  want=$(readlink -f "$SV") || return 0
  for p in /proc/[0-9]*; do
    [ "$(cat "$p/comm" 2>/dev/null)" = svscan ] || continue
    st=$(cut -d')' -f2 "$p/stat" 2>/dev/null | cut -d' ' -f2) || continue
    [ -n "$st" ] && [ "$st" != Z ] || continue
    arg=$(tr '\0' '\n' < "$p/cmdline" 2>/dev/null | sed -n 2p) || continue
    [ -n "$arg" ] || arg=.
    case "$arg" in /*) ;; *) cwd=$(readlink "$p/cwd" 2>/dev/null) || continue; arg=$cwd/$arg ;; esac
    [ "$(readlink -f "$arg" 2>/dev/null)" = "$want" ] && { echo "${p#/proc/}"; return 0; }
  done
  return 0
}
pidf=$SV/.svscan.pid
pid=$(scanner)
if [ -z "$pid" ]; then
  (cd / && env - PATH=/usr/local/bin:/usr/bin:/bin:/usr/local/sbin:/usr/sbin:/sbin \
    setsid svscan "$SV" >"$SV/.svscan.log" 2>&1 </dev/null & echo $! > "$pidf")
  say "started svscan on $SV (pid $(cat "$pidf"))"
  changed=1
elif [ "$(cat "$pidf" 2>/dev/null)" != "$pid" ]; then
  [ -n "$started" ] && say "svscan (pid $pid) already scans $SV: it starts the new services within 5 seconds"
fi
# wait (bounded) until every service is up
ours() { # our links in $SV
  for s in "$SV"/*; do
    [ -L "$s" ] || continue
    case $(readlink "$s") in "$H"/svc/*) echo "$s" ;; esac
  done
}
n=0
for s in $(ours); do
  while ! svstat "$s" 2>/dev/null | grep -q ': up'; do
    n=$((n + 1)); [ $n -lt 150 ] || die "$s did not come up: $(svstat "$s" 2>&1)"
    sleep 0.2
  done
done
for s in $(ours); do say "$(svstat "$s")"; done
dd=$(cat "$H/control/defaultdelivery" 2>/dev/null || echo ./Maildir/)
for s in $started; do
  case $s in
    qmail-send) say "started qmail-send: local deliveries go to $dd in each home" ;;
    qmail-smtpd) say "started qmail-smtpd: SMTP on $(where qmail-smtpd)" ;;
    qmail-pop3d) say "started qmail-pop3d: POP3 on $(where qmail-pop3d)" ;;
    qmail-qmtpd) say "started qmail-qmtpd: QMTP on $(where qmail-qmtpd)" ;;
    qmail-qmqpd) say "started qmail-qmqpd: QMQP on $(where qmail-qmqpd)" ;;
  esac
done
if [ $changed = 0 ]; then say "nothing to change: quail is installed, configured and running"; fi
say "logs: $H/svc/*/log/main/current; stop everything with: make stop"
say "each user needs a Maildir to receive mail; as the user: $H/bin/maildirmake \$HOME/Maildir"
say "send a test message:  echo 'Subject: test' | $H/bin/qmail-inject USER@$me"
sa=$(cat "$H/svc/qmail-smtpd/env/ADDR"); case $sa in 0.0.0.0|::|"") sa=127.0.0.1 ;; esac
say "  or over SMTP:        swaks --server $sa --port $(cat "$H/svc/qmail-smtpd/env/PORT") --to USER@$me"
[ "$(readlink -f /usr/sbin/sendmail 2>/dev/null)" = "$H/bin/sendmail" ] ||
  say "/usr/sbin/sendmail is not quail's and was left alone (INSTALL, 'The sendmail link')"
exit 0
