#!/usr/bin/env python3
"""58-cdbmake.py: writes a cdb (the standard format) from lines "key" or
"key:value" on stdin -- an independent writer for the receiving tests, so
morercpthosts.cdb does not depend on our own cdbmake.  Not a test itself.
usage: 58-cdbmake.py OUT.cdb < lines"""
import struct, sys

def h(k):
    v = 5381
    for c in k:
        v = ((v << 5) + v) & 0xffffffff ^ c
    return v

recs = []
for line in sys.stdin.buffer.read().split(b'\n'):
    if not line or line.startswith(b'#'):
        continue
    k, _, d = line.partition(b':')
    recs.append((k.lower(), d))
body = b''
pos = 2048
tables = [[] for _ in range(256)]
for k, d in recs:
    tables[h(k) & 255].append((h(k), pos))
    rec = struct.pack('<II', len(k), len(d)) + k + d
    body += rec
    pos += len(rec)
head = b''
tail = b''
for t in tables:
    n = 2 * len(t)
    slots = [(0, 0)] * n
    for hv, p in t:
        i = (hv >> 8) % n
        while slots[i][1]:
            i = (i + 1) % n
        slots[i] = (hv, p)
    head += struct.pack('<II', pos + len(tail), n)
    tail += b''.join(struct.pack('<II', a, b) for a, b in slots)
open(sys.argv[1], 'wb').write(head + body + tail)
