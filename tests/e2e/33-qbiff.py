#!/usr/bin/python3
"""33-qbiff.py: helper of 33-qbiff.sh (not a test by itself).  Run as root
inside a private mount namespace whose /run is a fresh tmpfs: makes two
ptys for USER (one with "biff y", the owner execute bit, one without),
writes /run/utmp naming them (plus entries qbiff must skip), runs qbiff as
USER on the message in argv[2], and prints what each terminal received."""
import os, pty, pwd, struct, subprocess, sys, tty, fcntl
user, msgfile = sys.argv[1], sys.argv[2]
pw = pwd.getpwnam(user)
ttys = []
for mode in (0o720, 0o620):
    m, s = pty.openpty()
    tty.setraw(s)
    name = os.ttyname(s)
    os.chown(name, pw.pw_uid, -1)
    os.chmod(name, mode)
    ttys.append((m, s, name))
USER_PROCESS = 7
def rec(line, who, typ=USER_PROCESS):
    return struct.pack('hi32s4s32s256shhiii4i20s', typ, os.getpid(), line.encode(), b'', who.encode(),
                       b'', 0, 0, 0, 0, 0, 0, 0, 0, 0, b'')
with open('/run/utmp', 'wb') as f:
    for m, s, name in ttys:
        f.write(rec(name[len('/dev/'):], user))
    f.write(rec(ttys[0][2][len('/dev/'):], 'someoneelse'))
    f.write(rec('../' + ttys[0][2][len('/dev/'):], user))
    f.write(rec(ttys[0][2], user))
    f.write(rec(ttys[0][2][len('/dev/'):], user, typ=8))  # DEAD_PROCESS
env = {'PATH': os.environ['PATH'], 'USER': user, 'SENDER': 'alice@src.test', 'LOCAL': 'bob-ext\x01x'}
with open(msgfile, 'rb') as f:
    r = subprocess.run(['setuidgid', user, 'qbiff'], stdin=f, env=env)
print('qbiff exit', r.returncode)
for i, (m, s, name) in enumerate(ttys):
    fcntl.fcntl(m, fcntl.F_SETFL, os.O_NONBLOCK)
    got = b''
    try:
        while True:
            b = os.read(m, 4096)
            if not b: break
            got += b
    except BlockingIOError:
        pass
    print('terminal %d (%s):' % (i + 1, 'biff y' if i == 0 else 'biff n'), repr(got))
