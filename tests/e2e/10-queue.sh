# 10-queue: qmail-queue on its own (qmail-send not running): the files it
# makes (mess/S/N with N the inode, todo/N = intd/N with u, p, F, T
# records), the Received line for each kind of caller, the exit codes for
# bad envelopes with nothing left behind, ALRM and crash signals, the
# trigger byte, and the order of its fsyncs and links (strace).
# Not tested here: exit codes 53 (disk full), 61-66 (broken home or queue
# directories), the real 24-hour alarm; delivery (11-13).
set -e
. "$TOP/tests/lib.sh"
. "$TOP/tests/e2e/qlib.sh"
sandbox_ensure
qclean
u=$(tuser s10a)
split=$(head -n 1 "$SANDBOX/conf-split")
Q=$QHOME/queue
env1() { printf 'F%s\0' "$1"; shift; for r in "$@"; do printf 'T%s\0' "$r"; done; printf '\0'; }
qq() { "$QHOME/bin/qmail-queue"; }

echo '--- a queued message: mess/S/N with N its inode, todo/N = intd/N'
env1 "$u@x.test" "r1@y.test" "r2@z.test" > "$T/e10"; chmod 644 "$T/e10"
printf 'Subject: ten\n\nbody\n' > "$T/m10"; chmod 644 "$T/m10"
setuidgid "$u" "$QHOME/bin/qmail-queue" < "$T/m10" 1< "$T/e10"; echo $?
f=$(find "$Q/mess" -type f); n=$(basename "$f")
[ "$(stat -c %i "$f")" = "$n" ] && echo inode ok
[ "$(basename "$(dirname "$f")")" = $((n % split)) ] && echo split ok
stat -c '%U %a %h' "$f" "$Q/todo/$n" | sed "s/^$U_Q /QMAILQ /"
[ "$(stat -c %i "$Q/todo/$n")" = "$(stat -c %i "$Q/intd/$n")" ] && echo todo and intd are one file
tr '\0' '\n' < "$Q/todo/$n" | sed "s/^u$(id -u "$u")\$/uUID/; s/^p[0-9]*\$/pPID/; s/$u/USER/"
sed 's/(qmail [0-9]*/(qmail PID/; s/uid [0-9]*/uid N/; s/; .* -0000$/; DATE/' "$f"

echo '--- the Received line names the caller by its real uid'
for who in "$U_ALIAS" "$U_D" "$U_S" "$u" root; do
  qclean
  env1 "" "x@y" > "$T/e10"
  setuidgid "$who" "$QHOME/bin/qmail-queue" < "$T/m10" 1< "$T/e10"
  head -n 1 "$(find "$Q/mess" -type f)" | sed 's/(qmail [0-9]*/(qmail PID/; s/; .* -0000$/; DATE/; s/by uid [1-9][0-9]*/by uid N/'
done

echo '--- bad envelopes: exit code, nothing left in the queue'
qclean
try() { "$QHOME/bin/qmail-queue" < "$T/m10" 1< "$T/e10" && echo 0 || echo $?; find "$Q/mess" "$Q/intd" "$Q/todo" "$Q/pid" -type f | wc -l; }
printf 'Fa@b\0Tc@d\0' > "$T/e10"; echo "envelope without its final NUL:"; try
printf 'Fa@b\0Xc@d\0\0' > "$T/e10"; echo "record that is not T:"; try
printf 'a@b\0\0' > "$T/e10"; echo "no F first:"; try
: > "$T/e10"; echo "empty envelope:"; try
python3 -c 'import sys; sys.stdout.buffer.write(b"F" + b"s" * 1003 + b"\0\0")' > "$T/e10"; echo "sender of 1003 bytes:"; try
python3 -c 'import sys; sys.stdout.buffer.write(b"Fa@b\0T" + b"r" * 1003 + b"\0\0")' > "$T/e10"; echo "recipient of 1003 bytes:"; try
python3 -c 'import sys; sys.stdout.buffer.write(b"F" + b"s" * 1002 + b"\0T" + b"r" * 1002 + b"\0\0")' > "$T/e10"; echo "1002 bytes each:"; try
qclean
python3 -c 'import sys; sys.stdout.buffer.write(b"Fa@b\0" + b"Tr@x\0" * 1000001 + b"\0")' > "$T/e10"; echo "1000001 recipients:"; try
echo "message on a closed descriptor:"; "$QHOME/bin/qmail-queue" <&- 1< "$T/e10" && echo 0 || echo $?

echo '--- ALRM makes it exit 52, a crash signal 81'
rm -f "$T/f10"; mkfifo "$T/f10"
for sig in ALRM SEGV; do
  "$QHOME/bin/qmail-queue" < "$T/f10" 1< "$T/e10" & p=$!
  exec 9> "$T/f10"
  waitfor 10 sh -c "ls $Q/mess/*/* >/dev/null 2>&1"
  kill -$sig $p
  wait $p && echo 0 || echo $?
  exec 9>&-
  qclean
done

echo '--- the trigger gets one byte'
python3 - "$Q/lock/trigger" "$QHOME/bin/qmail-queue" "$T/m10" <<'PY'
import os, subprocess, sys, select
fd = os.open(sys.argv[1], os.O_RDONLY | os.O_NONBLOCK)
env = os.open(os.path.join(os.path.dirname(sys.argv[3]), "e10b"), os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o644)
os.write(env, b"Fa@b\0Tc@d\0\0"); os.lseek(env, 0, 0)
rc = subprocess.call([sys.argv[2]], stdin=open(sys.argv[3], "rb"), stdout=env)
select.select([fd], [], [], 10)
print("exit", rc, "trigger", os.read(fd, 10))
PY
qclean

echo '--- it fsyncs the message, mess/S, the envelope, intd/, links todo/N, fsyncs todo/'
printf 'Fa@b\0Tc@d\0\0' > "$T/e10"
strace -f -qq -e trace=openat,link,unlink,fsync -o "$T/s10" "$QHOME/bin/qmail-queue" < "$T/m10" 1< "$T/e10"; echo $?
awk '
  /openat\(AT_FDCWD, "[^\/]/ { match($0, /"[^"]*"/); p = substr($0, RSTART + 1, RLENGTH - 2); fd = $NF; fds[fd] = p; print "open " p; next }
  /fsync\(/ { match($0, /fsync\([0-9]+/); fd = substr($0, RSTART + 6, RLENGTH - 6); print "fsync " fds[fd]; next }
  /^[0-9]+ +link\(/ { match($0, /"[^"]*", "[^"]*"/); split(substr($0, RSTART, RLENGTH), a, "\"");
                      for (f in fds) if (fds[f] == a[2]) fds[f] = a[4] }
  /link\(|unlink\(/ { sub(/^[0-9]+ +/, ""); sub(/ += .*/, ""); print }
' "$T/s10" | sed 's/[0-9][0-9]*/N/g'
qclean
