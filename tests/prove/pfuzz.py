#!/usr/bin/env python3
# pfuzz.py KIND N QHOME ARGS...: mutation fuzzing of a whole installed
# program over its real input channel, for the parsers that still live in
# program files (libFuzzer cannot reach them).  Each run gets a mutated
# input built from valid seeds (bytes flipped, inserted, deleted, pieces
# repeated or spliced, long runs, NUL/CR/LF/dots), and is checked for:
# no death by a signal (a crash), no hang (10 s), an exit code from the
# program's documented set, and (smtpd) replies that are well-formed
# lines "NNN text\r\n".  Prints "runs N crashes N hangs N badexit N
# badreply N"; failing inputs are kept in the directory named by $PFUZZ_KEEP.
#   smtpd USER        qmail-smtpd as USER on stdin/stdout, QMAILQUEUE a sink
#   qmtpd USER        qmail-qmtpd likewise
#   queue USER        a non-setuid copy of qmail-queue (ARGS: copy), as USER:
#                     the envelope on fd 1
#   local USER HOME   qmail-local with a random .qmail (program lines and
#                     absolute paths defused), QMAILQUEUE a sink
#   pop3d USER HOME   qmail-pop3d on HOME/Maildir
#   newu              qmail-newu on a random users/assign (QHOME/users/cdb
#                     is removed by pfuzz.sh afterwards)
import os, random, re, subprocess, sys

kind, n, qhome = sys.argv[1], int(sys.argv[2]), sys.argv[3]
args = sys.argv[4:]
keep = os.environ.get('PFUZZ_KEEP')
rnd = random.Random(int(os.environ.get('PFUZZ_SEED', '0')) or None)
sink = os.path.join(os.environ.get('T', '/tmp'), 'pfuzz-sink.sh')
with open(sink, 'w') as f:
    f.write('#!/bin/sh\ncat >/dev/null && exec cat <&1 >/dev/null\n')
os.chmod(sink, 0o755)

SEEDS = {
 'smtpd': [b'HELO x\r\nMAIL FROM:<a@b>\r\nRCPT TO:<c@quail.test>\r\nDATA\r\nSubject: s\r\n\r\nbody\r\n..dot\r\n.\r\nQUIT\r\n',
           b'EHLO x\r\nMAIL FROM:<a@b> SIZE=100 BODY=8BITMIME\r\nRCPT TO:<"q x"@quail.test>\r\nRSET\r\nVRFY x\r\nNOOP\r\nHELP\r\nQUIT\r\n',
           b'HELO x\r\nMAIL FROM:<>\r\nRCPT TO:<@r:x@quail.test>\r\nDATA\r\nx\n.\n\r\n.\r\n'],
 'qmtpd': [b'41:\nSubject: s\n\nbody\n,11:a@quail.test,14:13:c@quail.test,,',
           b'2:\nx,0:,5:4:x@y,,3:\nyz,1:a,6:5:b@c.d,,'],
 'queue': [b'Fa@b\0Tc@quail.test\0\0', b'F\0Tx@y\0Tz@w\0\0', b'Fa\0\0'],
 'local': [b'./Maildir/\n', b'# comment\n./mbox\n&other@quail.test\n', b'./Maildir/\n\nother@x\n#\n./box\n', b'./a/\n./b\n&c\n'],
 'newu': [b'=joe:joe:1000:1000:/home/joe:::\n+list-:list:7:7:/var/list:-::\n.\n',
          b'+:alias:7:7:/var/alias:-::\n=a:b:1:2:/c:-:ext:\n.\n'],
 'pop3d': [b'STAT\r\nLIST\r\nUIDL\r\nRETR 1\r\nTOP 1 2\r\nDELE 1\r\nRSET\r\nNOOP\r\nLAST\r\nQUIT\r\n',
           b'LIST 1\r\nRETR 99\r\nTOP 1 -1\r\nDELE 0\r\nuidl 1\r\nquit\r\n'],
}
EXITS = {'smtpd': {0, 1}, 'qmtpd': {0, 100, 111}, 'queue': {0, 11, 31, 51, 52, 53, 54, 55, 56, 61, 62, 63, 64, 65, 66, 71, 72, 73, 74, 75, 76, 77, 78, 79, 81, 91},
         'local': {0, 99, 100, 111}, 'pop3d': {0}, 'newu': {0, 111}}

def mutate(b):
    b = bytearray(b)
    for _ in range(rnd.randrange(1, 8)):
        op = rnd.randrange(8)
        p = rnd.randrange(len(b) + 1)
        if op == 0 and b: b[min(p, len(b) - 1)] = rnd.randrange(256)
        elif op == 1: b[p:p] = bytes([rnd.choice(b'\0\r\n.:<>@"\\ ,0123456789')])
        elif op == 2 and b: del b[p:p + rnd.randrange(1, 20)]
        elif op == 3: b[p:p] = bytes([rnd.choice(b'ax9.\r\n<@"')]) * rnd.choice([10, 1000, 5000, 70000])
        elif op == 4 and b:
            q = rnd.randrange(len(b)); b[p:p] = b[q:q + rnd.randrange(1, 200)]
        elif op == 5: b[p:p] = rnd.choice(SEEDS[kind])
        elif op == 6: b[p:p] = str(rnd.randrange(-5, 10**12)).encode()
        elif op == 7 and b: b = b[:p]
    return bytes(b)

def run(data):
    env = {'PATH': '/usr/bin:/bin', 'QMAILQUEUE': sink, 'TCPLOCALIP': '127.0.0.1', 'TCPREMOTEIP': '127.0.0.1',
           'TCPLOCALPORT': '25', 'TCPREMOTEPORT': '5555', 'TCPLOCALHOST': 'quail.test', 'PROTO': 'TCP'}
    if kind == 'newu':
        with open(qhome + '/users/assign', 'wb') as f: f.write(data)
        try:
            p = subprocess.run([qhome + '/bin/qmail-newu'], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, env=env, timeout=10)
        except subprocess.TimeoutExpired:
            return 'hang', b''
        return p.returncode, b''
    user = args[0]
    pre = ['setuidgid', user]
    stdin, pass_fds, cwd = data, (), None
    if kind == 'smtpd': cmd = pre + [qhome + '/bin/qmail-smtpd']
    elif kind == 'qmtpd': cmd = pre + [qhome + '/bin/qmail-qmtpd']
    elif kind == 'pop3d':
        cmd = pre + [qhome + '/bin/qmail-pop3d', 'Maildir']; cwd = args[1]
        md = args[1] + '/Maildir/'
        uid = int(subprocess.check_output(['id', '-u', user]))
        for k in range(3 - len(os.listdir(md + 'new')) - len(os.listdir(md + 'cur'))):
            fn = md + 'new/pfuzz%d.%d' % (rnd.randrange(10**9), k)
            with open(fn, 'w') as f: f.write('Subject: m\n\n' + 'line\n' * rnd.randrange(1, 50))
            os.chown(fn, uid, -1)
    elif kind == 'local':
        home = args[1]
        text = re.sub(rb'(?m)^\|', b'#', data).replace(b'/', b'_')
        text = re.sub(rb'(?m)^\.', b'./', text).replace(b'./_', b'./')
        with open(home + '/.qmail-f', 'wb') as f: f.write(text)
        os.chown(home + '/.qmail-f', int(subprocess.check_output(['id', '-u', user])), -1)
        os.chmod(home + '/.qmail-f', 0o644)
        cmd = ['setpriv', '--reuid=' + user, '--regid=' + user, '--clear-groups', qhome + '/bin/qmail-local', '--',
               user, home, user + '-f', '-', 'f', 'quail.test', 's@x', './Maildir/']
        stdin = b'Subject: pfuzz\n\nbody\n'; cwd = home
    elif kind == 'queue':
        r, w = os.pipe()
        os.write(w, data[:60000]); os.close(w)
        p = subprocess.Popen(pre + [args[1]], stdin=subprocess.PIPE, stdout=r, stderr=subprocess.DEVNULL, env=env)
        os.close(r)
        try:
            p.communicate(b'Subject: q\n\nx\n', timeout=10)
        except subprocess.TimeoutExpired:
            p.kill(); p.wait(); return 'hang', b''
        return p.returncode, b''
    try:
        p = subprocess.run(cmd, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, cwd=cwd, timeout=10)
    except subprocess.TimeoutExpired:
        return 'hang', b''
    return p.returncode, p.stdout

reply = re.compile(rb'^[2-5][0-9][0-9][ -][\x20-\x7e]*\r\n$')
st = dict(runs=0, crashes=0, hangs=0, badexit=0, badreply=0)
for i in range(n):
    data = mutate(rnd.choice(SEEDS[kind]))
    rc, out = run(data)
    st['runs'] += 1
    why = None
    if rc == 'hang': st['hangs'] += 1; why = 'hang'
    elif rc < 0: st['crashes'] += 1; why = 'signal%d' % -rc
    elif rc not in EXITS[kind]: st['badexit'] += 1; why = 'exit%d' % rc
    elif kind == 'smtpd' and any(not reply.match(l) for l in out.splitlines(True)):
        st['badreply'] += 1; why = 'reply'
    if why and keep:
        os.makedirs(keep, exist_ok=True)
        with open('%s/%s-%s-%d' % (keep, kind, why, i), 'wb') as f: f.write(data)
print(' '.join('%s %d' % kv for kv in st.items()))
