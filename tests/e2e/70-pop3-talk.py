#!/usr/bin/env python3
"""70-pop3-talk.py: a line-by-line POP3 client for the POP3 tests (not a
test itself).

usage: 70-pop3-talk.py PORT ITEM...
  It connects to 127.0.0.1:PORT and prints the greeting, then for each ITEM:
    CMD         sends CMD + CRLF and prints one reply line
    =CMD        sends CMD + CRLF and prints a multi-line reply (through '.')
    raw:EXPR    sends the bytes of the Python expression EXPR, prints nothing
    read:N      prints N reply lines
    drop        closes the connection at once and prints "[dropped]"
  At the end it prints whatever else the server sends until it closes the
  connection, then "[closed]".  Each reply line is printed as S: 'text'
  (quoted, so a trailing space shows), CRLF removed; a line that did not
  end in CRLF gets " [no CRLF]".  Exit 0, or 1 when the server sent
  nothing for 60 seconds (a hang guard, not an assertion on time).
"""
import socket
import sys


class Conn:
    def __init__(self, port):
        self.s = socket.create_connection(('127.0.0.1', port), 60)
        self.buf = b''
        self.eof = False

    def line(self):
        while b'\n' not in self.buf and not self.eof:
            try:
                d = self.s.recv(65536)
            except ConnectionResetError:  # closed with our bytes unread
                d = b''
            if not d:
                self.eof = True
            self.buf += d
        if b'\n' in self.buf:
            i = self.buf.index(b'\n') + 1
            out, self.buf = self.buf[:i], self.buf[i:]
            return out
        out, self.buf = self.buf, b''
        return out or None


def show(raw):
    text = raw.decode('latin-1')
    if text.endswith('\r\n'):
        print("S: %r" % text[:-2])
    else:
        print("S: %r [no CRLF]" % text)


def main():
    port = int(sys.argv[1])
    c = Conn(port)
    try:
        show(c.line())
        for item in sys.argv[2:]:
            if item.startswith('raw:'):
                c.s.sendall(eval(item[4:], {}))
                continue
            if item == 'drop':
                c.s.close()
                print("[dropped]")
                return 0
            if item.startswith('read:'):
                for _ in range(int(item[5:])):
                    r = c.line()
                    if r is None:
                        break
                    show(r)
                continue
            multi = item.startswith('=')
            cmd = item[1:] if multi else item
            try:
                c.s.sendall(cmd.encode('latin-1') + b'\r\n')
            except OSError:
                break
            r = c.line()
            if r is None:
                break
            show(r)
            if multi and r.startswith(b'+OK'):
                while True:
                    r = c.line()
                    if r is None:
                        break
                    show(r)
                    if r == b'.\r\n':
                        break
        while True:
            r = c.line()
            if r is None:
                break
            show(r)
        print("[closed]")
    except socket.timeout:
        print("[timeout]")
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
