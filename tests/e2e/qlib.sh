# tests/e2e/qlib.sh: helpers for the queue tests (1[0-9]-*.sh), sourced
# after tests/lib.sh.
#   qinject USER FROM RCPT...   message on stdin, queued by qmail-queue run
#                               as USER (setuidgid); prints the qp (the pid
#                               of qmail-queue); returns its exit code
#   qmsgid LOG QP               waits for "info msg N: ... qp QP", prints N
#   qwaitlog SECS LOG REGEX     waits until a line of $T/log/LOG matches
#   qmaildir USER DIR           makes a Maildir owned by USER
#   qcount DIR                  messages in the Maildir DIR
#   qnorm                       sed filter: msg, delivery, qp, uid, bytes,
#                               dates and pids in log lines become letters
#   qclean                      empties the queue and the log-independent
#                               controls the queue tests change

qinject() {
  _u=$1 _f=$2; shift 2
  _e=$T/env.$$
  { printf 'F%s\0' "$_f"; for _r in "$@"; do printf 'T%s\0' "$_r"; done; printf '\0'; } > "$_e"
  chmod 644 "$_e"
  cat > "$_e.m"; chmod 644 "$_e.m"
  setuidgid "$_u" "$QHOME/bin/qmail-queue" < "$_e.m" 1< "$_e" &
  _qp=$!
  wait $_qp; _rc=$?
  rm -f "$_e" "$_e.m"
  echo "$_qp"
  return $_rc
}

qwaitlog() { waitfor "$1" grep -q -E "$3" "$T/log/$2"; }

qmsgid() {
  qwaitlog 20 "$1" "^info msg [0-9]+: .* qp $2 " || return 1
  sed -n "s/^info msg \([0-9]*\): .* qp $2 .*/\1/p" "$T/log/$1" | tail -n 1
}

qmaildir() {
  setuidgid "$1" mkdir -p "$2/new" "$2/cur" "$2/tmp"
}

qcount() {
  python3 -c 'import mailbox,sys; print(len(mailbox.Maildir(sys.argv[1], create=False)))' "$1"
}

qnorm() {
  sed -e 's/msg [0-9][0-9]*/msg N/g; s/delivery [0-9][0-9]*/delivery D/g; s/qp [0-9][0-9]*/qp P/g' \
      -e 's/uid [0-9][0-9]*/uid U/g; s/bytes [0-9][0-9]*/bytes B/g; s|bounce/[0-9][0-9]*|bounce/N|g'
}

qclean() {
  for _d in todo intd pid bounce; do find "$QHOME/queue/$_d" -type f -delete; done
  for _d in mess info local remote; do find "$QHOME/queue/$_d" -mindepth 2 -type f -delete; done
  rm -f "$QHOME/control/locals" "$QHOME/control/virtualdomains" "$QHOME/control/percenthack" \
    "$QHOME/control/queuelifetime" "$QHOME/control/doublebounceto" "$QHOME/control/bouncemaxbytes" \
    "$QHOME/control/concurrencylocal" "$QHOME/control/envnoathost" "$QHOME/control/bouncefrom" \
    "$QHOME/control/bouncehost" "$QHOME/control/doublebouncehost"
}

# qlogmsg LOG N: the log from the last "new msg N" on (message numbers are
# inode numbers and come back when a message leaves the queue)
qlogmsg() {
  awk -v l="new msg $2" '$0 == l { buf = "" } { buf = buf $0 "\n" } END { printf "%s", buf }' "$T/log/$1"
}
# qhas DIR SUBJECT: a message with that Subject is in the Maildir DIR
qhas() {
  python3 -c 'import mailbox,sys; sys.exit(0 if any(m["Subject"] == sys.argv[2] for m in mailbox.Maildir(sys.argv[1], create=False)) else 1)' "$1" "$2"
}
# qbounce DIR ME USER: the first paragraph after the greeting of each
# "failure notice" in the Maildir DIR, with USER and ME normalised
qbounce() {
  python3 - "$1" "$2" "$3" <<'PY'
import mailbox, sys
me, a = sys.argv[2], sys.argv[3]
for m in mailbox.Maildir(sys.argv[1], create=False):
    if m["Subject"] == "failure notice":
        print(m.get_payload().split("\n\n")[1].replace(a, "ALICE").replace(me, "ME"))
PY
}
# qwaitend LOG N: waits for "end msg N" after the last "new msg N"
qwaitend() { waitfor 30 sh -c "awk -v l='new msg $2' '\$0 == l { f = 0 } \$0 == \"end msg $2\" { f = 1 } END { exit !f }' '$T/log/$1'"; }
# qdels LOG N: the result lines of the deliveries of message N (after its
# last "new msg N")
qdels() {
  qlogmsg "$1" "$2" | awk -v m="$2" '
    $1 == "starting" && $4 == "msg" && $5 == m { d[$3] = 1 }
    $1 == "delivery" && ($2 in d) { print }'
}
# qwaitdel LOG N REGEX: waits until a delivery result of message N matches
qwaitdel() { waitfor 30 sh -c ". '$TOP/tests/e2e/qlib.sh'; T='$T'; qdels '$1' '$2' | grep -q -E '$3'"; }
