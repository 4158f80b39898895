#!/usr/bin/env python3
# load.py PORT USER TOTAL SESSIONS SLOW IDS: the client of tests/prove/load.sh.
# SLOW connections say HELO and then nothing (the server must drop them);
# SESSIONS - SLOW concurrent sessions (asyncio) send TOTAL small tagged
# messages to USER@quail.test, 20 per connection, each with its own
# X-Prove-Id; ids answered 250 are written to IDS.  Meanwhile the total
# resident memory of all qmail-smtpd processes is sampled from /proc.
# Prints "sent N ok N temp N perm N errors N slow_dropped N peak_total_kib N".
import asyncio, os, sys, time

port, user, total, sessions, slow, idsfile = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
smtpd = os.path.realpath(sys.argv[7])
stats = dict(sent=0, ok=0, temp=0, perm=0, errors=0, slow_dropped=0, peak_total_kib=0)
ids = open(idsfile, 'w')
counter = iter(range(1, total + 1))

async def reply(r):
    while True:
        l = await r.readline()
        if not l: raise ConnectionError('eof')
        if l[3:4] != b'-': return int(l[:3])

async def session():
    while True:
        try:
            r, w = await asyncio.open_connection('127.0.0.1', port)
            if await reply(r) != 220: raise ConnectionError('greeting')
            w.write(b'HELO load.test\r\n'); await reply(r)
            for k in range(20):
                i = next(counter, None)
                if i is None:
                    w.write(b'QUIT\r\n'); await reply(r); w.close(); return
                stats['sent'] += 1
                w.write(b'MAIL FROM:<load@quail.test>\r\n'); c1 = await reply(r)
                w.write(b'RCPT TO:<%s@quail.test>\r\n' % user.encode()); c2 = await reply(r)
                if c1 != 250 or c2 != 250:
                    stats['temp' if max(c1, c2) < 500 else 'perm'] += 1
                    w.write(b'RSET\r\n'); await reply(r); continue
                w.write(b'DATA\r\n'); c = await reply(r)
                if c != 354:
                    stats['temp' if c < 500 else 'perm'] += 1; continue
                w.write(b'X-Prove-Id: %d\r\nSubject: load %d\r\n\r\n%s' % (i, i, b'load line\r\n' * 20))
                w.write(b'end\r\n.\r\n')
                c = await reply(r)
                if c == 250:
                    stats['ok'] += 1; ids.write('%d\n' % i)
                else:
                    stats['temp' if c < 500 else 'perm'] += 1
            w.write(b'QUIT\r\n'); await reply(r); w.close()
        except (ConnectionError, OSError, ValueError):
            stats['errors'] += 1
            await asyncio.sleep(0.1)

async def idle():
    try:
        r, w = await asyncio.open_connection('127.0.0.1', port)
        await reply(r)
        w.write(b'HELO slow.test\r\n'); await reply(r)
        while await asyncio.wait_for(r.read(100), 600):
            pass
        stats['slow_dropped'] += 1    # the server closed it
    except (ConnectionError, OSError, asyncio.TimeoutError):
        pass

def rss_total():
    t = 0
    for p in os.listdir('/proc'):
        if p.isdigit():
            try:
                if os.readlink('/proc/%s/exe' % p) != smtpd: continue
                for l in open('/proc/%s/status' % p):
                    if l.startswith('VmRSS:'): t += int(l.split()[1])
            except OSError:
                pass
    return t

async def sampler(done):
    while not done.is_set():
        stats['peak_total_kib'] = max(stats['peak_total_kib'], rss_total())
        await asyncio.sleep(0.5)

async def main():
    done = asyncio.Event()
    samp = asyncio.create_task(sampler(done))
    slows = [asyncio.create_task(idle()) for _ in range(slow)]
    await asyncio.sleep(0.5)
    await asyncio.gather(*[session() for _ in range(sessions - slow)])
    await asyncio.gather(*slows)
    done.set(); await samp

asyncio.run(main())
ids.close()
print(' '.join('%s %d' % kv for kv in stats.items()))
