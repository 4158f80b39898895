#!/usr/bin/env python3
"""40-peer.py: a scriptable SMTP server for the qmail-remote tests.

usage: 40-peer.py DIR ADDR:PORT [ADDR:PORT ...]   (IPv6 as [::1]:PORT)

Listens on every address, writes its pid to DIR/pid once all listen, and
for each connection appends "conn N LOCALADDR" to DIR/conns and the raw
bytes the client sent to DIR/session.N (the DATA part also to DIR/data.N).
Behaviour comes from DIR/script.LOCALADDR if it exists, else DIR/script
(re-read for every connection): lines
"STAGE ACTION", STAGE one of greet ehlo helo mail rcpt data body dot quit,
ACTION one of
  drop           close the connection at once (body: after some data)
  hang           never answer (sleep)
  delay N REPLY  wait N seconds, then act as REPLY
  raw TEXT       send TEXT with \\r \\n \\0 \\xHH escapes, nothing added
  CODE TEXT...   a normal reply line (several lines for one STAGE make a
                 multi-line reply)
  pipe CODE TEXT (mail only) read the next command before answering MAIL:
                 a client that waits for the MAIL reply (no pipelining)
                 hangs there; "pipelined" is appended to DIR/notes
DIR/maxactive holds the largest number of simultaneous connections seen.
When a command arrives while more bytes already wait behind it and the
EHLO reply did not offer PIPELINING, "early VERB" goes to DIR/notes.
A recipient whose local part starts with r<code>- (r550-x@d) gets that
code; otherwise the rcpt stage's reply.
"""
import os, socket, sys, threading, time

D = sys.argv[1]
lock = threading.Lock()
count = [0]
active = [0, 0]

DEFAULTS = {
    'greet': ['220 peer.test ESMTP ready'],
    'ehlo': ['250 peer.test', '250 PIPELINING', '250 8BITMIME', '250 SIZE 1000000'],
    'helo': ['250 peer.test'],
    'mail': ['250 sender ok'],
    'rcpt': ['250 recipient ok'],
    'data': ['354 go ahead'],
    'body': [],
    'dot': ['250 ok queued as 42'],
    'quit': ['221 bye'],
}


def unescape(t):
    out = bytearray()
    i = 0
    while i < len(t):
        c = t[i]
        if c == '\\' and i + 1 < len(t):
            n = t[i + 1]
            if n == 'r': out += b'\r'; i += 2; continue
            if n == 'n': out += b'\n'; i += 2; continue
            if n == '0': out += b'\0'; i += 2; continue
            if n == 'x': out += bytes([int(t[i + 2:i + 4], 16)]); i += 4; continue
            if n == '\\': out += b'\\'; i += 2; continue
        out += c.encode('latin-1')
        i += 1
    return bytes(out)


def script(local):
    s = {k: None for k in DEFAULTS}
    fn = os.path.join(D, 'script.' + local)
    if not os.path.exists(fn):
        fn = os.path.join(D, 'script')
    try:
        with open(fn) as f:
            for line in f:
                line = line.rstrip('\n')
                if not line.strip() or line.startswith('#'):
                    continue
                stage, _, action = line.partition(' ')
                if s[stage] is None:
                    s[stage] = []
                s[stage].append(action)
    except FileNotFoundError:
        pass
    return {k: (v if v is not None else DEFAULTS[k]) for k, v in s.items()}


class Drop(Exception):
    pass


class Session:
    def __init__(self, conn, n, local):
        self.local = local
        self.c = conn
        self.n = n
        self.buf = b''
        self.log = open(os.path.join(D, 'session.%d' % n), 'wb')

    def act(self, actions, code=None):
        if code is not None:
            actions = ['%s %s' % (code, 'as you asked')]
        if not actions:
            return
        if actions[0] == 'drop':
            raise Drop()
        if actions[0].startswith('delay '):
            _, secs, rest = actions[0].split(' ', 2)
            time.sleep(float(secs))
            actions = [rest] + actions[1:]
        if actions[0] == 'hang':
            time.sleep(3600)
            raise Drop()
        if actions[0].startswith('raw '):
            self.c.sendall(unescape(actions[0][4:]))
            return
        lines = []
        for i, a in enumerate(actions):
            code, _, text = a.partition(' ')
            sep = ' ' if i == len(actions) - 1 else '-'
            lines.append(code + sep + text + '\r\n')
        self.c.sendall(''.join(lines).encode('latin-1'))

    def line(self):
        while b'\n' not in self.buf:
            d = self.c.recv(65536)
            if not d:
                raise Drop()
            self.log.write(d); self.log.flush()
            self.buf += d
        l, _, self.buf = self.buf.partition(b'\n')
        return l + b'\n'

    def data(self, sc):
        body = self.buf
        self.buf = b''
        with open(os.path.join(D, 'data.%d' % self.n), 'wb') as f:
            while True:
                if sc['body'] and sc['body'][0] == 'drop' and len(body) > 0:
                    f.write(body)
                    raise Drop()
                end = body.find(b'\r\n.\r\n')
                if body.startswith(b'.\r\n'):
                    end = -2
                if end != -1:
                    f.write(body[:end + 5])
                    self.buf = body[end + 5:]
                    return
                d = self.c.recv(65536)
                if not d:
                    f.write(body)
                    raise Drop()
                self.log.write(d); self.log.flush()
                body += d

    def note(self, t):
        with open(os.path.join(D, 'notes'), 'a') as f:
            f.write(t + '\n')

    def run(self):
        sc = script(self.local)
        piping = any('PIPELINING' in a for a in sc['ehlo'])
        pending = None
        self.act(sc['greet'])
        while True:
            if pending is not None:
                l, pending = pending, None
            else:
                l = self.line()
            verb = l[:4].upper()
            if self.buf and not piping and verb != b'QUIT':
                self.note('early ' + verb.decode('latin-1'))
            if verb == b'EHLO':
                self.act(sc['ehlo'])
            elif verb == b'HELO':
                self.act(sc['helo'])
            elif verb == b'MAIL':
                if sc['mail'][0].startswith('pipe '):
                    pending = self.line()
                    self.note('pipelined')
                    self.act([sc['mail'][0][5:]])
                else:
                    self.act(sc['mail'])
            elif verb == b'RCPT':
                a = l.split(b'<', 1)[-1]
                code = None
                if a[:1] == b'r' and a[4:5] == b'-' and a[1:4].isdigit():
                    code = a[1:4].decode()
                self.act(sc['rcpt'], code)
            elif verb == b'DATA':
                self.act(sc['data'])
                if sc['data'] and sc['data'][-1].startswith('354'):
                    self.data(sc)
                    self.act(sc['dot'])
            elif verb == b'QUIT':
                self.act(sc['quit'])
                raise Drop()
            else:
                self.c.sendall(b'502 unknown\r\n')


def serve(conn, addr, local):
    with lock:
        count[0] += 1
        n = count[0]
        with open(os.path.join(D, 'conns'), 'a') as f:
            f.write('conn %d %s\n' % (n, local))
        active[0] += 1
        if active[0] > active[1]:
            active[1] = active[0]
            with open(os.path.join(D, 'maxactive'), 'w') as f:
                f.write('%d\n' % active[1])
    s = Session(conn, n, local)
    try:
        s.run()
    except (Drop, OSError):
        pass
    finally:
        with lock:
            active[0] -= 1
        s.log.close()
        try:
            conn.close()
        except OSError:
            pass


def listener(spec):
    host, _, port = spec.rpartition(':')
    fam = socket.AF_INET
    if host.startswith('['):
        host = host[1:-1]
        fam = socket.AF_INET6
    s = socket.socket(fam, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((host, int(port)))
    s.listen(50)
    return s, host


def loop(s, host):
    while True:
        c, a = s.accept()
        threading.Thread(target=serve, args=(c, a, host), daemon=True).start()


socks = [listener(x) for x in sys.argv[2:]]
with open(os.path.join(D, 'pid.new'), 'w') as f:
    f.write('%d\n' % os.getpid())
os.rename(os.path.join(D, 'pid.new'), os.path.join(D, 'pid'))
for s, h in socks[1:]:
    threading.Thread(target=loop, args=(s, h), daemon=True).start()
loop(*socks[0])
