#!/usr/bin/env python3
# size.py PORT KIND N: one hostile SMTP session against qmail-smtpd on
# 127.0.0.1:PORT, generated on the fly (never stored).  KIND:
#   cmdline  a command line of N bytes ("NOOP aaa...")
#   header   a message whose header holds one line of N bytes
#   message  a message of N bytes in 1000-byte lines
#   rcpt     N RCPT commands, pipelined
# Prints one line: what the server answered (e.g. "500 after 4096" or
# "250 queued", "rcpt 250x1000 452x999000 data 250"), or "error: ...".
import socket, sys, threading

port, kind, n = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
s = socket.create_connection(('127.0.0.1', port))
s.settimeout(600)
f = s.makefile('rb')

def reply():
    lines = []
    while True:
        l = f.readline()
        if not l: return None, lines
        lines.append(l)
        if l[3:4] != b'-': return int(l[:3]), lines

def cmd(c):
    s.sendall(c)
    return reply()[0]

def stream(head, total, piece, tail):
    """send head, then total bytes made of piece, then tail; stops at a broken pipe"""
    sent = 0
    try:
        s.sendall(head)
        big = piece * max(1, (1 << 20) // len(piece))
        while sent < total:
            k = min(len(big), total - sent)
            s.sendall(big[:k]); sent += k
        s.sendall(tail)
    except (BrokenPipeError, ConnectionResetError):
        return sent, False
    return sent, True

code, _ = reply()
if code != 220: print('error: greeting', code); sys.exit(1)
cmd(b'HELO prove.test\r\n')
if kind == 'cmdline':
    res = {}
    def rd(): res['r'] = reply()
    th = threading.Thread(target=rd); th.start()
    sent, whole = stream(b'NOOP ', n - 7, b'a', b'\r\n')
    th.join()
    code = res['r'][0]
    print('%s after %d of %d bytes%s' % (code, sent, n, '' if whole else ', connection closed'))
elif kind in ('header', 'message'):
    if cmd(b'MAIL FROM:<prove@quail.test>\r\n') != 250: print('error: MAIL'); sys.exit(1)
    if cmd(b'RCPT TO:<sink@quail.test>\r\n') != 250: print('error: RCPT'); sys.exit(1)
    if cmd(b'DATA\r\n') != 354: print('error: DATA'); sys.exit(1)
    if kind == 'header':
        sent, whole = stream(b'Subject: long\r\nX-Long: ', n, b'a', b'\r\n\r\nbody\r\n.\r\n')
    else:
        sent, whole = stream(b'Subject: big\r\n\r\n', n, b'b' * 998 + b'\r\n', b'\r\n.\r\n')
    code, lines = reply()
    print('%s%s after %d bytes' % (code, ' queued' if code == 250 else '', sent))
elif kind == 'rcpt':
    if cmd(b'MAIL FROM:<prove@quail.test>\r\n') != 250: print('error: MAIL'); sys.exit(1)
    counts = {}
    def rd():
        for i in range(n):
            c, _ = reply()
            counts[c] = counts.get(c, 0) + 1
            if c is None: break
    th = threading.Thread(target=rd); th.start()
    buf = []
    for i in range(n):
        buf.append(b'RCPT TO:<u%d@quail.test>\r\n' % i)
        if len(buf) == 10000:
            s.sendall(b''.join(buf)); buf = []
    s.sendall(b''.join(buf))
    th.join()
    d = cmd(b'RSET\r\n')
    print('rcpt ' + ' '.join('%sx%d' % (c, k) for c, k in sorted(counts.items(), key=lambda x: str(x[0]))) + ' rset %s' % d)
cmd(b'QUIT\r\n')
