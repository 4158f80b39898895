# 30-qread-qstat: qmail-qstat and qmail-qread on the sandbox queue, with
# messages put there by the real qmail-queue (directly and through
# forward); qmail-send's preprocessing is done by hand here, following
# the queue layout (info/ local/ remote/ records, reference 3.3), so that
# qmail-qread has done and not-done recipients, a bouncing message, an
# unprintable address and a broken entry to report.
# Does NOT test: qmail-send itself (its own tests), a queue of 100,000
# messages (the scale test), qmail-qread's output while qmail-send runs.
. "$TOP/tests/lib.sh"
set -e
sandbox_ensure
Q=$QHOME/queue
# this sandbox's queue holds only what this script puts there
find $Q/mess $Q/intd $Q/todo $Q/info $Q/local $Q/remote $Q/bounce -type f -exec rm -f {} +
U=$(tuser h30)
W=$T/w30; rm -rf $W; mkdir -p $W; chmod 755 $W
printf 'Subject: one\n\nhello\n' > $W/m1
printf 'Fs1@src.test\0Tu1@quail.test\0Tr1@remote.test\0Tr2@remote.test\0\0' > $W/e1
printf 'Subject: two\n\nbye\n' > $W/m2
printf 'F\0Tbad\001addr@remote.test\0\0' > $W/e2
chmod 644 $W/*
norm() { sed -e 's/#[0-9][0-9]*/#N/' -e 's/qp [0-9][0-9]*/qp PID/'; }
# qmail-qread lists by message number (an inode number): for a stable
# comparison, order the per-message blocks by their text
blocks() { python3 -c '
import sys
b = []
for l in sys.stdin:
    if l[0] in "\t " and b: b[-1] += l
    else: b.append(l)
sys.stdout.write("".join(sorted(b)))'; }

echo '--- an empty queue'
qmail-qstat; qmail-qread; echo "qread exit $?"

echo '--- three messages from the real qmail-queue: all in todo/'
setuidgid $U qmail-queue < $W/m1 1< $W/e1 && echo "qmail-queue exit 0"
setuidgid $U qmail-queue < $W/m2 1< $W/e2 && echo "qmail-queue exit 0"
env - PATH="$PATH" NEWSENDER=owner@quail.test DTLINE='Delivered-To: u30@quail.test
' setuidgid $U forward fw1@remote.test fw2@quail.test < $W/m1 2>&1 | norm
qmail-qstat
qmail-qread; echo "qread exit $?"
echo '--- the forwarded copy: Received line of qmail-queue, then DTLINE, then the message'
head -n 3 $(grep -l '^Delivered-To: u30@quail.test' $Q/mess/*/*) | sed -e 's/qmail [0-9]*/qmail PID/' -e "s/uid $(id -u $U)/uid UID/" -e 's/; .*/; DATE/'

echo '--- preprocessed by hand as qmail-send would: info/, local/, remote/'
python3 - $Q <<'PY'
import os, sys
q = sys.argv[1]
split = len([d for d in os.listdir(q + '/info') if d.isdigit()])
for n in sorted(os.listdir(q + '/todo'), key=int):
    recs = open('%s/todo/%s' % (q, n), 'rb').read().split(b'\0')
    sender = [r for r in recs if r.startswith(b'F')][0]
    rcpts = [r[1:] for r in recs if r.startswith(b'T')]
    s = int(n) % split
    def put(d, data):
        fn = '%s/%s/%d/%s' % (q, d, s, n)
        open(fn, 'wb').write(data)
    put('info', sender + b'\0')
    loc = [r for r in rcpts if r.endswith(b'@quail.test')]
    rem = [r for r in rcpts if not r.endswith(b'@quail.test')]
    if loc: put('local', b''.join(b'T' + r + b'\0' for r in loc))
    if rem: put('remote', b''.join(b'T' + r + b'\0' for r in rem))
    os.unlink('%s/todo/%s' % (q, n)); os.unlink('%s/intd/%s' % (q, n))
PY
chown -R $U_S $Q/info $Q/local $Q/remote
# the first message: r1 delivered (D marks it done), and it is bouncing
first=$(cd $Q/info && grep -l '^Fs1@' */*)
for f in $(cd $Q/info && ls */*); do touch -d @1000000000 $Q/info/$f; done
python3 - $Q/remote/$first <<'PY'
import sys
p = sys.argv[1]; b = bytearray(open(p, 'rb').read())
b[b.index(b'Tr1@')] = ord('D'); open(p, 'wb').write(b)
PY
: > $Q/bounce/${first#*/}; chown $U_S $Q/bounce/${first#*/}
qmail-qstat

echo '--- qmail-qread lists each message and its recipients, done ones marked'
qmail-qread > $W/out; echo "qread exit $?"
python3 -c '
import re, sys
ids = [int(m) for m in re.findall(r"#([0-9]+)", open(sys.argv[1]).read())]
print("in increasing number:", ids == sorted(ids), len(ids))' $W/out
norm < $W/out > $W/outn
sed -e 's/  [0-9][0-9]*  </  SIZE  </' $W/outn | blocks
echo '--- the SIZE is the mess file size, the number its inode'
for f in $(cd $Q/mess && ls */*); do
  grep -q "#${f#*/}  $(stat -c %s $Q/mess/$f)  <" $W/out && echo "message ${f%%/*}/N: size and number agree"
  [ "$(stat -c %i $Q/mess/$f)" = "${f#*/}" ] && echo "message ${f%%/*}/N: inode agrees"
done | sed 's/^message [0-9]*/message S/'

echo '--- a message whose mess file is gone is reported and skipped'
rm -f $Q/mess/$first
qmail-qread | norm | sed -e 's/  [0-9][0-9]*  </  SIZE  </' | grep -v -e '	' | blocks
qmail-qstat

echo '--- qmail-qread needs root or qmails'
setuidgid $U qmail-qread 2>&1 | sed "s|$QHOME|QHOME|" || true
setuidgid $U qmail-qread >/dev/null 2>&1 || echo "exit $?"
setuidgid $U qmail-qstat 2>/dev/null || echo "qmail-qstat exit $?"
find $Q/mess $Q/intd $Q/todo $Q/info $Q/local $Q/remote $Q/bounce -type f -exec rm -f {} +
