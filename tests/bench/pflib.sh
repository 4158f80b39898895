# tests/bench/pflib.sh: Postfix for the benchmark, sourced by tests/bench/run
# after tests/lib.sh.  Debian's package is extracted (tests/deps/bench.sh)
# into $PF and never installed: every path it would take from /etc/postfix
# or /usr is set in its own main.cf under $PFC; its queue is $PFQ; it runs
# as the bench accounts qt<TAG>pf (mail_owner) and group qt<TAG>pd
# (setgid_group), created here when missing; it listens on 127.0.0.1 only.
# Durability settings are left as shipped.  biff = no as in Debian's
# shipped main.cf.
#   pf_setup SMTPPORT      accounts, directories, main.cf, master.cf
#   pf_set NAME=VALUE...   changes main.cf (postconf -e), restarts if running
#   pf_start / pf_stop     master -d in the background, stopped by its pid
#   pf_sendmail ARGS...    Postfix's sendmail with this configuration
#   pf_queue_dirs          the queue directories holding messages
PF=$TOP/tests/tmp/peers/postfix
PFC=$T/pf/conf PFQ=$T/pf/queue PFD=$T/pf/data PFLOG=$T/log/pf-maillog
PF_USER=qt${TAG}pf PF_GROUP=qt${TAG}pd
export LD_LIBRARY_PATH_PF="$PF/usr/lib/postfix"

pf() { env LD_LIBRARY_PATH="$LD_LIBRARY_PATH_PF" MAIL_CONFIG="$PFC" "$@"; }
pf_sendmail() { pf "$PF/usr/sbin/sendmail" -C "$PFC" "$@"; }

pf_setup() {
  getent group "$PF_GROUP" >/dev/null || groupadd "$PF_GROUP" || return 1
  getent passwd "$PF_USER" >/dev/null || useradd -M -d /nonexistent -s /usr/sbin/nologin -U "$PF_USER" || return 1
  mkdir -p "$PFC" "$PFQ" "$PFD"
  chown "$PF_USER" "$PFD"
  cp "$PF/usr/share/postfix/dynamicmaps.cf" "$PF/etc/postfix/postfix-files" "$PFC/"
  for d in active bounce corrupt defer deferred flush hold incoming private saved trace; do
    mkdir -p "$PFQ/$d"; chown "$PF_USER:root" "$PFQ/$d"; chmod 700 "$PFQ/$d"
  done
  mkdir -p "$PFQ/maildrop" "$PFQ/public" "$PFQ/pid"
  chown "$PF_USER:$PF_GROUP" "$PFQ/maildrop" "$PFQ/public"
  chmod 730 "$PFQ/maildrop"; chmod 710 "$PFQ/public"
  chown root:root "$PFQ" "$PFQ/pid"; chmod 755 "$PFQ" "$PFQ/pid"
  cat > "$PFC/main.cf" <<EOF
compatibility_level = 3.6
queue_directory = $PFQ
data_directory = $PFD
daemon_directory = $PF/usr/lib/postfix/sbin
command_directory = $PF/usr/sbin
shlib_directory = $PF/usr/lib/postfix
meta_directory = $PFC
sample_directory = no
readme_directory = no
html_directory = no
manpage_directory = no
mail_owner = $PF_USER
setgid_group = $PF_GROUP
import_environment = MAIL_CONFIG MAIL_DEBUG MAIL_LOGTAG TZ LANG=C POSTLOG_SERVICE POSTLOG_HOSTNAME LD_LIBRARY_PATH=$LD_LIBRARY_PATH_PF
export_environment = TZ MAIL_CONFIG LANG LD_LIBRARY_PATH=$LD_LIBRARY_PATH_PF
maillog_file = $PFLOG
maillog_file_prefixes = $T/log
myhostname = postfix.test
mydomain = postfix.test
myorigin = postfix.test
mydestination = postfix.test, bench.test
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
alias_maps =
alias_database =
recipient_delimiter = -
home_mailbox = Maildir/
biff = no
smtpd_banner = postfix.test ESMTP
EOF
  cat > "$PFC/master.cf" <<EOF
127.0.0.1:$1 inet n - n - - smtpd
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
smtp      unix  -       -       n       -       -       smtp
relay     unix  -       -       n       -       -       smtp
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
local     unix  -       n       n       -       -       local
virtual   unix  -       n       n       -       -       virtual
lmtp      unix  -       -       n       -       -       lmtp
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
EOF
}

pf_set() {  # a running Postfix is stopped and started again, not reloaded:
  # a reload restarts qmgr, which may leave messages in incoming/ for minutes
  _run=no; [ -f "$T/pf/master.pid" ] && _run=yes && pf_stop
  for _kv; do pf "$PF/usr/sbin/postconf" -c "$PFC" -e "$_kv" || return 1; done
  [ $_run = no ] || pf_start
}

pf_start() {
  pf_stop
  : >> "$PFLOG"
  env LD_LIBRARY_PATH="$LD_LIBRARY_PATH_PF" MAIL_CONFIG="$PFC" setsid "$PF/usr/lib/postfix/sbin/master" -c "$PFC" -d \
    >>"$T/log/pf-master" 2>&1 </dev/null &
  echo $! > "$T/pf/master.pid"
  wait_port "$PF_PORT"
}

pf_stop() {
  [ -f "$T/pf/master.pid" ] || return 0
  _p=$(cat "$T/pf/master.pid")
  kill -TERM "$_p" 2>/dev/null || true
  waitfor 20 sh -c "! kill -0 $_p 2>/dev/null"
  rm -f "$T/pf/master.pid"
}

pf_queue_dirs() { echo "$PFQ/maildrop $PFQ/incoming $PFQ/active $PFQ/deferred $PFQ/hold"; }
