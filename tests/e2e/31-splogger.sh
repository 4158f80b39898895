# 31-splogger: splogger, run as the qmaill account, talks to a syslog
# socket: a Python listener bound to /dev/log inside a private mount
# namespace (unshare -m; the host's /dev is untouched).  Checks the tag,
# facility and priority in each datagram's <PRI>, the "secs.usecs text"
# stamp, continuation pieces of long lines, unprintable bytes, empty
# lines, a last line without newline, and usage errors.
# Does NOT test: a real syslog daemon's files (none runs here), what
# glibc does when no syslog socket exists.
. "$TOP/tests/lib.sh"
set -e
sandbox_ensure
W=$T/w31; rm -rf $W; mkdir -p $W/dev; chmod 755 $W $W/dev
: > $W/dev/null
cat > $W/listen.py <<'PY'
import socket, sys, os
path, n, ready, out = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(path)
os.chmod(path, 0o666)
open(ready, 'w').close()
s.settimeout(30)
with open(out, 'w') as f:
    for _ in range(n):
        f.write(s.recv(65536).decode('latin-1') + '\n')
PY
# run "splogger ARGS" on INPUT in the namespace; N datagrams are expected
sp() {
  n=$1 input=$2; shift 2
  rm -f $W/ready $W/out $W/dev/log
  printf "$input" > $W/in
  unshare -m sh -c "
    mount --bind /dev/null $W/dev/null && mount --bind $W/dev /dev || exit 1
    python3 $W/listen.py /dev/log $n $W/ready $W/out &
    i=0; while [ ! -f $W/ready ] && [ \$i -lt 100 ]; do sleep 0.1; i=\$((i+1)); done
    setuidgid $U_L splogger $* < $W/in; echo \"splogger exit \$?\"
    wait
  "
}
norm() { sed -e 's/^\(<[0-9]*>\)[A-Z][a-z][a-z] [ 0-9][0-9] [0-9:]\{8\} /\1DATE /' \
  -e 's/ [0-9]\{9,\}\.[0-9]\{6\}\([ +]\)/ STAMP\1/'; }

echo '--- each line is one entry: tag, LOG_MAIL, priority by prefix, stamp'
sp 4 'hello world\nwarning: disk is full\nalert: queue is broken\n\nlast line without newline' qmail
norm < $W/out
echo '--- the stamp is seconds.microseconds, the time it was read'
now=$(date +%s)
sed -n '1s/.*: \([0-9]*\)\.[0-9]\{6\} hello.*/\1/p' $W/out > $W/secs
[ $(( now - $(cat $W/secs) )) -le 600 ] && [ $(( $(cat $W/secs) - now )) -le 600 ] && echo "stamp within ten minutes of now"

echo '--- unprintable bytes become ?; a long line goes out in pieces of 799'
long=$(python3 -c 'print("x" * 1700, end="")')
sp 4 "a\001b\tc\377d\n${long}\n" mytag 16
norm < $W/out | cut -c1-60
python3 - $W/out <<'PY'
import re, sys
pieces = open(sys.argv[1]).read().splitlines()[1:]
m = [re.search(r'mytag: ([0-9]+\.[0-9]{6})([ +])(x*)$', p) for p in pieces]
print('pieces:', [(x.group(2), len(x.group(3))) for x in m])
print('one stamp for all pieces:', len(set(x.group(1) for x in m)) == 1)
PY

echo '--- no arguments: tag splogger'
sp 1 'x\n'
norm < $W/out

echo '--- usage errors exit 100'
for a in "q x" "q 24" "q 1 extra"; do setuidgid $U_L splogger $a </dev/null 2>&1 || echo "exit $?"; done
