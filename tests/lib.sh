# tests/lib.sh: sourced by tests/e2e/*.sh.  It gives each script:
#   TOP      the source tree           T        the scratch directory
#   SANDBOX  a built copy of the tree whose conf-home is QHOME
#   QHOME    the installed quail home (alternate conf-home, never /var/qmail)
#   U_ALIAS U_D U_L U_P U_Q U_R U_S G_Q G_N   the sandbox account names
#   ROOT     yes when we run as root (real, separate accounts) else no
# and functions:
#   sandbox_ensure          build + `make setup check` into QHOME (incremental)
#   tuser NAME              create (as root) test user qt<TAG>NAME, home
#                           $T/users/NAME; prints the account name
#   free_port               prints a free TCP port on 127.0.0.1
#   svc_start NAME RUN      service dir $T/svc/NAME with RUN as its run
#                           script, started under the real supervise
#   svc_stop NAME           svc -dx and wait; all are stopped on exit too
#   tcp_start NAME PORT ARGS...   tcpserver on 127.0.0.1:PORT under supervise
#   wait_port PORT          wait until 127.0.0.1:PORT accepts (bounded)
#   waitfor SECONDS CMD...  retry CMD every 0.1 s until it succeeds (bounded)
# Several copies may run at once when each has its own QUAIL_TESTTMP and
# QUAIL_TAG (a short [a-z0-9] tag, part of the account names).

TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
T=${QUAIL_TESTTMP:-$TOP/tests/tmp}
TAG=${QUAIL_TAG:-a}
SANDBOX=$T/sandbox
QHOME=$T/home
mkdir -p "$T/svc" "$T/users" "$T/log"
if [ "$(id -u)" = 0 ]; then
  ROOT=yes
  U_ALIAS=qt${TAG}alias U_D=qt${TAG}d U_L=qt${TAG}l U_O=root U_P=qt${TAG}p
  U_Q=qt${TAG}q U_R=qt${TAG}r U_S=qt${TAG}s G_Q=qt${TAG}q G_N=qt${TAG}n
else
  ROOT=no
  U_ALIAS=$(id -un); U_D=$U_ALIAS; U_L=$U_ALIAS; U_O=$U_ALIAS; U_P=$U_ALIAS
  U_Q=$U_ALIAS; U_R=$U_ALIAS; U_S=$U_ALIAS; G_Q=$(id -gn); G_N=$G_Q
fi
export PATH="$QHOME/bin:/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin:$PATH"

sandbox_ensure() {
  if [ $ROOT = no ] && [ ! -f "$T/.said-single" ]; then
    echo "note: not root: the sandbox runs every account as $(id -un) (single uid)" >&2
    : > "$T/.said-single"
  fi
  mkdir -p "$SANDBOX" "$QHOME"
  # sources only: a program built in TOP (with TOP's conf-home) must never
  # reach the sandbox, where an older .o would not cause a relink; files are
  # compared by content and a changed one gets a new mtime, so make rebuilds it
  rsync -rlpD --checksum --delete --exclude /.git --exclude /tests/tmp \
    --exclude /conf-home --exclude /conf-users --exclude /conf-groups --exclude /src/auto \
    --include '*/' \
    --include '/src/**.c' --include '/src/**.h' --include '/src/**.sh' --include '/src/**.lib' \
    --exclude '/src/**' --include '/boot/**.sh' --exclude '/boot/**' \
    --include '/tests/unit/*.c' --include '/tests/unit/*.h' --include '/tests/unit/*.sh' --exclude '/tests/unit/*' \
    --exclude '*.o' --exclude '*.d' --exclude '*.a' \
    "$TOP/" "$SANDBOX/" || return 1
  printf '%s\n' "$QHOME" > "$SANDBOX/conf-home.new"
  printf '%s\n' "$U_ALIAS" "$U_D" "$U_L" "$U_O" "$U_P" "$U_Q" "$U_R" "$U_S" > "$SANDBOX/conf-users.new"
  printf '%s\n' "$G_Q" "$G_N" > "$SANDBOX/conf-groups.new"
  for f in conf-home conf-users conf-groups; do
    cmp -s "$SANDBOX/$f.new" "$SANDBOX/$f" 2>/dev/null && rm -f "$SANDBOX/$f.new" || mv "$SANDBOX/$f.new" "$SANDBOX/$f"
  done
  if [ -n "$QUAIL_DEV" ]; then
    # development: other people's half-written programs may not build yet;
    # build what builds, then install (every program in hier-bin.h must exist)
    (cd "$SANDBOX" && make -k -s it >"$T/log/build" 2>&1) || grep -E 'error|Error' "$T/log/build" | head -n 20 >&2
    (cd "$SANDBOX" && sh src/install/accounts.sh >"$T/log/setup" 2>&1 && ./src/install/install >>"$T/log/setup" 2>&1 \
      && ./src/install/instcheck >>"$T/log/setup" 2>&1) || { cat "$T/log/setup" >&2; return 1; }
  else
    (cd "$SANDBOX" && make -s it >"$T/log/build" 2>&1) || { cat "$T/log/build" >&2; return 1; }
    (cd "$SANDBOX" && make -s setup check >"$T/log/setup" 2>&1) || { cat "$T/log/setup" >&2; return 1; }
  fi
  [ -f "$QHOME/control/me" ] || echo "quail.test" > "$QHOME/control/me"
  return 0
}

tuser() {
  if [ $ROOT = yes ]; then
    u=qt${TAG}$1
    getent passwd "$u" >/dev/null || useradd -M -d "$T/users/$1" -s /bin/sh -U "$u" || return 1
    [ "$(getent passwd "$u" | cut -d: -f6)" = "$T/users/$1" ] || usermod -d "$T/users/$1" "$u"
  else
    u=$(id -un)
  fi
  mkdir -p "$T/users/$1"
  chown "$u:" "$T/users/$1" 2>/dev/null
  chmod 755 "$T/users/$1"
  echo "$u"
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

waitfor() {
  _n=$(($1 * 10)); shift
  while [ $_n -gt 0 ]; do "$@" >/dev/null 2>&1 && return 0; sleep 0.1; _n=$((_n - 1)); done
  return 1
}

_port_open() { python3 -c "import socket,sys; s=socket.create_connection(('127.0.0.1',$1),1)"; }
wait_port() { waitfor 10 _port_open "$1"; }

_svcs=""
svc_start() {
  _d=$T/svc/$1
  svc_stop "$1" 2>/dev/null
  mkdir -p "$_d"
  printf '#!/bin/sh\n%s\n' "$2" > "$_d/run.new" && chmod 755 "$_d/run.new" && mv "$_d/run.new" "$_d/run"
  rm -rf "$_d/supervise"
  supervise "$_d" >"$T/log/supervise-$1" 2>&1 </dev/null &
  _svcs="$_svcs $1"
  waitfor 10 svok "$_d" && waitfor 10 sh -c "svstat '$_d' | grep -q ': up'"
}

svc_stop() {
  _d=$T/svc/$1
  [ -d "$_d/supervise" ] || return 0
  svok "$_d" 2>/dev/null || return 0
  svc -dx "$_d"
  waitfor 20 sh -c "! svok '$_d'"
}

tcp_start() {
  _name=$1 _port=$2; shift 2
  svc_start "$_name" "exec tcpserver -R -H -l 127.0.0.1 -c 200 -b 200 127.0.0.1 $_port $* 2>>$T/log/$_name" && wait_port "$_port"
}

_cleanup() {
  for _s in $_svcs; do svc_stop "$_s" 2>/dev/null; done
}
trap _cleanup EXIT

# ---- queue (qmail-start/qmail-send) helpers, used by tests/e2e/1[0-9]-*.sh
# qsend_start NAME [DEFAULTDELIVERY]: qmail-start under supervise in a
#   clean environment, as a boot script runs it; the log (qmail-send's
#   fd 0) is appended to $T/log/NAME; waits for the first status line.
# qsend_pid NAME: prints the pid of that qmail-send (supervise's child).
qsend_start() {
  svc_start "$1" "exec env - PATH=\"$QHOME/bin:/usr/local/bin:/usr/bin:/bin\" qmail-start '${2:-./Maildir/}' >>$T/log/$1 2>&1" \
    && waitfor 10 grep -q '^status: local' "$T/log/$1"
}
qsend_pid() { svstat "$T/svc/$1" | sed -n 's/.*(pid \([0-9]*\)).*/\1/p'; }
