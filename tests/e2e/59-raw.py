#!/usr/bin/env python3
"""59-raw.py: a raw TCP client for the receiving tests (not a test itself).

usage: 59-raw.py [-6] [-k] [-n] [-s SRCIP] PORT EXPR
  EXPR is a Python expression giving the bytes to send (from a second
  thread, while replies are read), e.g.
  "b'EHLO x\\r\\nQUIT\\r\\n'" or "b'x'*1000000".  The client connects to
  127.0.0.1 (or ::1 with -6), reads the greeting (unless -n), sends EXPR
  with one sendall (one packet when it fits), half-closes (unless -k: then
  it keeps the write side open and just waits), and prints every byte the
  server sends until it closes (-s: connect from the address SRCIP), one reply line per output line with the CR
  shown as nothing and other control bytes escaped.  Exit 0, or 1 when the
  server sent nothing within 30 seconds of silence.
"""
import socket
import sys
import threading

def main():
    args = sys.argv[1:]
    fam, host, keep, greet, src = socket.AF_INET, '127.0.0.1', False, True, None
    while args and args[0].startswith('-'):
        a = args.pop(0)
        if a == '-6':
            fam, host = socket.AF_INET6, '::1'
        elif a == '-k':
            keep = True
        elif a == '-n':
            greet = False
        elif a == '-s':
            src = (args.pop(0), 0)
    port, expr = int(args[0]), args[1]
    payload = eval(expr, {})
    s = socket.socket(fam, socket.SOCK_STREAM)
    s.settimeout(30)
    if src:
        s.bind(src)
    s.connect((host, port))
    got = b''
    if greet:
        while b'\n' not in got:
            d = s.recv(4096)
            if not d:
                break
            got += d
    senderr = []
    def send():
        # a thread, so replies are read while a long payload is still going
        # out (a server that answers as it reads must not block on us)
        try:
            s.sendall(payload)
            if not keep:
                s.shutdown(socket.SHUT_WR)
        except OSError as e:
            senderr.append(('[send: %s]\n' % e.__class__.__name__).encode())
    t = threading.Thread(target=send, daemon=True)
    t.start()
    try:
        while True:
            d = s.recv(65536)
            if not d:
                break
            got += d
    except socket.timeout:
        got += b'[timeout]\n'
    except OSError as e:
        got += ('[recv: %s]\n' % e.__class__.__name__).encode()
    t.join(5)
    got += b''.join(senderr)
    out = got.replace(b'\r\n', b'\n')
    sys.stdout.write(out.decode('latin1').encode('unicode_escape').decode('ascii')
                     .replace('\\n', '\n').replace('\\\\', '\\'))
    if out and not out.endswith(b'\n'):
        sys.stdout.write('\n')

main()
