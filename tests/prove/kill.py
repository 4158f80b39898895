#!/usr/bin/env python3
# kill.py QHOME SVCDIR USER MAILDIR TRIALS BATCH: the engine of
# tests/prove/kill.sh.  Two injector threads queue tagged messages through
# the real (setuid) qmail-queue as USER, each to USER@quail.test and to
# rN@remote.test, which control/smtproutes sends to an SMTP sink inside
# this script (it keeps what it accepted, whole, before it answers 250).
# A killer sends SIGKILL at random instants to a random one of
# qmail-queue, qmail-send, qmail-clean, qmail-local, qmail-remote (only
# processes whose /proc/PID/exe is QHOME/bin/NAME); supervise restarts
# qmail-start.  After every BATCH kills the injectors pause, qmail-send is
# woken (svc -a) until the queue is empty, and every message is accounted
# for, in the Maildir (Python's mailbox module) and at the sink:
# lost = accepted (exit 0) but never delivered; partial = delivered with a
# damaged body; duplicates = extra copies.  Prints "name value" lines.
import email, hashlib, mailbox, os, random, signal, socketserver, subprocess, sys, threading, time

qhome, svc, user, maildir = sys.argv[1:5]
trials, batch = int(sys.argv[5]), int(sys.argv[6])
bindir = qhome + '/bin/'
TARGETS = ['qmail-queue', 'qmail-send', 'qmail-clean', 'qmail-local', 'qmail-remote']
lock = threading.Lock()
acked, failed = set(), set()
nextid = [0]
pause = threading.Event()
stop = threading.Event()

def body_for(i):
    rnd = random.Random(i)
    lines = ['%d line %d %s\n' % (i, k, 'x' * rnd.randrange(0, 70)) for k in range(rnd.randrange(1, 3000))]
    b = ''.join(lines)
    return b + 'end %d %s\n' % (i, hashlib.sha256(b.encode()).hexdigest())

remote_seen, remote_partial = {}, [0]

class Sink(socketserver.StreamRequestHandler):
    """a minimal SMTP server: accepts everything, records each message"""
    def handle(self):
        try:
            self.session()
        except (ConnectionError, OSError):
            pass                              # a killed qmail-remote

    def session(self):
        w = self.wfile.write
        w(b'220 sink ESMTP\r\n')
        while True:
            l = self.rfile.readline()
            if not l: return
            v = l[:4].upper()
            if v == b'DATA':
                w(b'354 go\r\n')
                lines = []
                while True:
                    d = self.rfile.readline()
                    if not d: return          # cut: never acknowledged
                    if d == b'.\r\n': break
                    lines.append(d[1:] if d.startswith(b'.') else d)
                m = email.message_from_bytes(b''.join(lines).replace(b'\r\n', b'\n'))
                i = int(m['X-Prove-Id'] or -1)
                with lock:
                    remote_seen[i] = remote_seen.get(i, 0) + 1
                    if m.get_payload() != body_for(i): remote_partial[0] += 1
                w(b'250 ok\r\n')
            elif v == b'QUIT':
                w(b'221 bye\r\n'); return
            elif v == b'EHLO':
                w(b'250-sink\r\n250 8BITMIME\r\n')
            else:
                w(b'250 ok\r\n')

class Server(socketserver.ThreadingMixIn, socketserver.TCPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 256   # 20 qmail-remotes connect at once

def inject():
    while not stop.is_set():
        if pause.is_set():
            time.sleep(0.05); continue
        with lock:
            nextid[0] += 1; i = nextid[0]
        msg = 'X-Prove-Id: %d\nSubject: kill trial message %d\n\n%s' % (i, i, body_for(i))
        env = b'Fprove@quail.test\0T%s@quail.test\0Tr%d@remote.test\0\0' % (user.encode(), i)
        r, w = os.pipe()
        p = subprocess.Popen(['setuidgid', user, bindir + 'qmail-queue'], stdin=subprocess.PIPE,
                             stdout=r, stderr=subprocess.DEVNULL)
        os.close(r)
        try:
            p.stdin.write(msg.encode()); p.stdin.close()
            os.write(w, env)
        except OSError:
            pass
        os.close(w)
        rc = p.wait()
        with lock:
            (acked if rc == 0 else failed).add(i)
        time.sleep(0.05)

def ours(name):
    out = []
    for p in os.listdir('/proc'):
        if p.isdigit():
            try:
                if os.readlink('/proc/%s/exe' % p) == bindir + name: out.append(int(p))
            except OSError:
                pass
    return out

def queue_empty():
    for d in ('todo', 'info'):
        for root, dirs, files in os.walk(qhome + '/queue/' + d):
            if files: return False
    return True

def drain():
    t = time.time()
    while time.time() - t < 300:
        if queue_empty() and not ours('qmail-local') and not ours('qmail-remote'): return True
        subprocess.call(['svc', '-a', svc])
        time.sleep(1)
    return False

def account():
    seen, partial = {}, 0
    md = mailbox.Maildir(maildir, create=False)
    for key in md.iterkeys():
        try:
            m = md.get_message(key)
        except (OSError, KeyError):
            continue
        i = int(m['X-Prove-Id'])
        seen[i] = seen.get(i, 0) + 1
        if m.get_payload() != body_for(i): partial += 1
    with lock:
        lost = len([i for i in acked if i not in seen])
        unacked_delivered = len([i for i in failed if i in seen])
    dups = sum(c - 1 for c in seen.values())
    with lock:
        rlost = len([i for i in acked if i not in remote_seen])
        rdups = sum(c - 1 for c in remote_seen.values())
        lost += rlost; partial += remote_partial[0]; dups += rdups
    return lost, partial, dups, unacked_delivered

random.seed(os.getpid() ^ int(time.time()))
sink = Server(('127.0.0.1', 0), Sink)
threading.Thread(target=sink.serve_forever, daemon=True).start()
with open(qhome + '/control/smtproutes', 'w') as f:
    f.write('remote.test:[127.0.0.1]:%d\n' % sink.server_address[1])
with open(qhome + '/control/timeoutremote', 'w') as f:
    f.write('30\n')     # a connection lost in a kill is given up on soon
threads = [threading.Thread(target=inject, daemon=True) for _ in range(2)]
for th in threads: th.start()
done = {t: 0 for t in TARGETS}
missed = 0
undrained = 0
worst = (0, 0)
k = 0
while k < trials:
    name = random.choice(TARGETS)
    t = time.time()
    pids = []
    while time.time() - t < 3 and not pids:
        pids = ours(name)
        if not pids: time.sleep(0.002)
    if not pids:
        missed += 1; continue
    if name == 'qmail-remote':
        time.sleep(random.random() * 0.01)
    time.sleep(random.random() * (0.03 if name in ('qmail-queue', 'qmail-local', 'qmail-remote') else 0.3))
    try:
        os.kill(random.choice(pids), signal.SIGKILL)
    except ProcessLookupError:
        missed += 1; continue
    done[name] += 1; k += 1
    if name in ('qmail-send', 'qmail-clean'):
        time.sleep(0.2)
    if k % batch == 0 or k == trials:
        pause.set()
        time.sleep(0.5)
        if not drain(): undrained += 1
        lost, partial, dups, ud = account()
        sys.stderr.write('kill: %d trials: lost %d partial %d duplicates %d\n' % (k, lost, partial, dups))
        pause.clear()
stop.set()
for th in threads: th.join()
if not drain(): undrained += 1
lost, partial, dups, ud = account()
print('trials', k)
for t in TARGETS: print('trials_' + t, done[t])
print('missed', missed)
print('accepted', len(acked))
print('refused', len(failed))
print('lost', lost)
print('partial', partial)
print('duplicates', dups)
print('unacked_delivered', ud)
print('undrained', undrained)
