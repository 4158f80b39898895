#!/usr/bin/python3
"""57-capq.py: a QMAILQUEUE program for the receiving tests (not a test).
Reads the message on fd 0 and the envelope on fd 1 as qmail-queue does;
when the envelope is complete and well formed (F sender NUL, T recipient
NUL ..., NUL) it stores CAPDIR/N.msg and CAPDIR/N.env and exits 0, else it
stores nothing and exits 54 (qmail-queue's "unable to read").  N counts up
so the order of arrival is kept."""
import os, sys
d = os.environ['CAPDIR']
msg = sys.stdin.buffer.read()
env = os.fdopen(1, 'rb').read()
def valid(e):
    if not e.startswith(b'F') or not e.endswith(b'\0'):
        return False
    recs = e[:-1].split(b'\0')
    if recs[-1] != b'':
        return False
    recs = recs[:-1]
    return len(recs) >= 2 and all(r.startswith(b'T') for r in recs[1:])
if not valid(env):
    sys.exit(54)
n = 0
while True:
    n += 1
    try:
        fd = os.open('%s/%04d.env' % (d, n), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        break
    except FileExistsError:
        continue
os.write(fd, env); os.close(fd)
open('%s/%04d.msg' % (d, n), 'wb').write(msg)
sys.exit(0)
