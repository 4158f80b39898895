#!/usr/bin/python3
"""tests/bench/tool.py: the measuring half of tests/bench/run.

  load HOST:PORT SESSIONS TOTAL SIZE RCPT OUT
      SMTP client (asyncio): SESSIONS sessions send TOTAL messages of SIZE
      bytes to RCPT, one transaction after the other; message n carries
      "X-Bench-Seq: n"; writes "seq wallclock_ns_of_the_250" lines to OUT,
      prints the accepted count and the elapsed seconds
  waitcount SECONDS N DIR...
      waits until the files in DIR... (a Maildir's new/) number >= N,
      prints the wall-clock time (ns) at which that was seen; exit 1 on timeout
  waitempty SECONDS DIR...
      waits until no regular file is left below DIR...; exit 1 on timeout
  latency OUT DIR...
      reads the start time and the 250 times from OUT (written by load) and
      the new/ files of DIR... (ctime = the moment the file was linked into
      new/, at the filesystem's timestamp granularity); prints
      "rate p50_ms p99_ms n", rate = messages / (last file - start)
  fsyncrate DIR SECONDS
      append 512 bytes + fsync in a loop in a file in DIR; prints fsyncs/s
  idle HOST:PORT SECONDS
      opens one SMTP session, says EHLO, stays idle; prints the client port
      once the EHLO reply came, then sleeps
  rss PID...      sum of VmRSS (kB) of the PIDs and all their descendants
  cpu PID...      CPU milliseconds (user+system, including reaped children) of
                  the PIDs and all their descendants; a difference of two
                  readings is the CPU an MTA spent, whatever else runs
  strace FILE N   parses strace -c output: fsync fdatasync execve forks total
                  per message (N messages)
  report RAW OUTDIR
      medians and spread of RAW ("metric|mta|value" lines), writes
      OUTDIR/results.csv, OUTDIR/results.md, prints the Markdown table
"""
import asyncio
import os
import statistics
import socket
import sys
import time


def load(hostport, sessions, total, size, rcpt, out):
    host, port = hostport.rsplit(':', 1)
    port = int(port)
    counter = iter(range(1, total + 1))
    times = {}
    filler = ('x' * 76 + '\r\n')

    def message(n):
        head = ('From: s@src.test\r\nTo: %s\r\nSubject: bench %d\r\n'
                'X-Bench-Seq: %d\r\n\r\n' % (rcpt, n, n))
        body = filler * max(1, (size - len(head)) // len(filler))
        return (head + body + '.\r\n').encode()

    async def reply(r):
        while True:
            line = await r.readline()
            if not line:
                raise EOFError('connection closed')
            if line[3:4] != b'-':
                return int(line[:3])

    async def session():
        r, w = await asyncio.open_connection(host, port)
        if await reply(r) != 220:
            raise RuntimeError('greeting')
        w.write(b'EHLO client.test\r\n')
        await reply(r)
        for n in counter:
            w.write(b'MAIL FROM:<s@src.test>\r\n')
            if await reply(r) != 250:
                raise RuntimeError('MAIL')
            w.write(('RCPT TO:<%s>\r\n' % rcpt).encode())
            if await reply(r) != 250:
                raise RuntimeError('RCPT')
            w.write(b'DATA\r\n')
            if await reply(r) != 354:
                raise RuntimeError('DATA')
            w.write(message(n))
            if await reply(r) != 250:
                raise RuntimeError('after DATA')
            times[n] = time.time_ns()
        w.write(b'QUIT\r\n')
        await reply(r)
        w.close()

    async def main():
        await asyncio.gather(*(session() for _ in range(sessions)))

    t0 = time.time_ns()
    asyncio.run(main())
    t1 = time.time_ns()
    with open(out, 'w') as f:
        f.write('t0 %d\n' % t0)
        for n, t in sorted(times.items()):
            f.write('%d %d\n' % (n, t))
    print(len(times), (t1 - t0) / 1e9)


def count(dirs):
    n = 0
    for d in dirs:
        try:
            with os.scandir(d) as it:
                n += sum(1 for _ in it)
        except FileNotFoundError:
            pass
    return n


def waitcount(seconds, n, dirs):
    end = time.time() + seconds
    while time.time() < end:
        if count(dirs) >= n:
            print(time.time_ns())
            return 0
        time.sleep(0.02)
    print('timeout: %d of %d' % (count(dirs), n), file=sys.stderr)
    return 1


def files_below(dirs):
    for d in dirs:
        for _, _, fs in os.walk(d):
            if fs:
                return True
    return False


def waitempty(seconds, dirs):
    end = time.time() + seconds
    while time.time() < end:
        if not files_below(dirs):
            return 0
        time.sleep(0.1)
    return 1


def latency(out, dirs):
    sent = {}
    with open(out) as f:
        t0 = int(f.readline().split()[1])
        for line in f:
            n, t = line.split()
            sent[int(n)] = int(t)
    lat, last = [], 0
    for d in dirs:
        for e in os.scandir(d):
            with open(e.path, 'rb') as f:
                head = f.read(4096)
            i = head.find(b'X-Bench-Seq: ')
            if i < 0:
                continue
            n = int(head[i + 13:head.index(b'\n', i)].strip())
            c = e.stat().st_ctime_ns
            last = max(last, c)
            if n in sent:
                lat.append((c - sent[n]) / 1e6)
    lat.sort()
    if not lat:
        print('0 0 0 0')
        return
    p = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))]
    print('%.1f %.1f %.1f %d' % (len(lat) / ((last - t0) / 1e9), p(0.5), p(0.99), len(lat)))


def fsyncrate(d, seconds):
    path = os.path.join(d, 'fsync-rate.%d' % os.getpid())
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    data = b'x' * 512
    n, t0 = 0, time.time()
    try:
        while time.time() - t0 < seconds:
            os.write(fd, data)
            os.fsync(fd)
            n += 1
    finally:
        os.close(fd)
        os.unlink(path)
    print('%.0f' % (n / (time.time() - t0)))


def idle(hostport, seconds):
    host, port = hostport.rsplit(':', 1)
    s = socket.create_connection((host, int(port)), 10)
    f = s.makefile('rb')

    def reply():
        while True:
            line = f.readline()
            if line[3:4] != b'-':
                return line

    reply()
    s.sendall(b'EHLO client.test\r\n')
    reply()
    print(s.getsockname()[1], flush=True)
    time.sleep(seconds)


def children():
    kids = {}
    for p in os.listdir('/proc'):
        if p.isdigit():
            try:
                with open('/proc/%s/stat' % p) as f:
                    st = f.read()
            except OSError:
                continue
            ppid = int(st[st.rindex(')') + 2:].split()[1])
            kids.setdefault(ppid, []).append(int(p))
    return kids


def rss(pids):
    kids = children()
    todo, seen, total = list(pids), set(), 0
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        todo.extend(kids.get(p, []))
        try:
            with open('/proc/%d/status' % p) as f:
                for line in f:
                    if line.startswith('VmRSS:'):
                        total += int(line.split()[1])
        except OSError:
            pass
    print(total)


def cpu(pids):
    kids = children()
    hz = os.sysconf('SC_CLK_TCK')
    todo, seen, total = list(pids), set(), 0
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        todo.extend(kids.get(p, []))
        try:
            with open('/proc/%d/stat' % p) as f:
                st = f.read()
        except OSError:
            continue
        w = st[st.rindex(')') + 2:].split()
        total += sum(int(x) for x in w[11:15])  # utime stime cutime cstime
    print(total * 1000 // hz)


def strace(path, n):
    calls = {}
    with open(path) as f:
        for line in f:
            w = line.split()
            if len(w) >= 5 and w[0][0].isdigit() and not w[-1].startswith('-'):
                try:
                    calls[w[-1]] = int(w[3])
                except ValueError:
                    pass
    forks = sum(calls.get(k, 0) for k in ('clone', 'clone3', 'fork', 'vfork'))
    print('%.2f %.2f %.2f %.2f %.1f' % (calls.get('fsync', 0) / n, calls.get('fdatasync', 0) / n,
          calls.get('execve', 0) / n, forks / n, calls.get('total', 0) / n))


# metric -> (label, unit, better, note)
METRICS = [
    ('fsync_rate', 'disk: write+fsync per second on the queue filesystem', 'higher', 'the physical limit; same disk for both'),
    ('p1_rate', 'P1 inbound acceptance, msg/s (smtp-source, 20 sessions, a connection per message)', 'higher', 'until the last 250 after DATA'),
    ('p2_rate', 'P2 end to end, msg/s (20 sessions kept open, into Maildir/new)', 'higher', 'first connect to last file in new/'),
    ('p2_cpu', 'P2 CPU ms per message, all of the MTA\'s processes', 'lower', 'user+system from /proc, children included'),
    ('p2_p50', 'P2 latency 250 -> file in new/, p50 ms', 'lower', 'file ctime vs time of the 250'),
    ('p2_p99', 'P2 latency 250 -> file in new/, p99 ms', 'lower', ''),
    ('p3_secs', 'P3 local fan-out, seconds for 1 message x R recipients', 'lower', 'R -ext addresses of 10 users'),
    ('p4_secs', 'P4 remote fan-out to smtp-sink, seconds for 1 message x R recipients', 'lower', 'outbound concurrency 20 for both'),
    ('p5_session_kb', 'P5 RSS of the processes serving one idle SMTP session, kB', 'lower', 'quail: qmail-smtpd; Postfix: smtpd'),
    ('p5_qmgr_kb', 'P5 RSS of the queue manager with Q messages queued, kB', 'lower', 'quail: qmail-send; Postfix: qmgr'),
    ('p6_inject_small', 'P6 ms per injected message, S messages queued', 'lower', 'qmail-queue / sendmail, one after the other'),
    ('p6_inject_big', 'P6 ms per injected message, Q messages queued', 'lower', ''),
    ('p6_deliv_small', 'P6 ms per message injected+delivered, S queued', 'lower', 'local Maildir delivery'),
    ('p6_deliv_big', 'P6 ms per message injected+delivered, Q queued', 'lower', ''),
    ('fsync_per_msg', 'fsync+fdatasync calls per message (strace -c -f)', 'lower', 'SMTP in to Maildir, 5 sessions'),
    ('limit_rate', 'ceiling msg/s = disk fsync rate / fsyncs per message', 'higher', 'if fsyncs were serial'),
    ('limit_pct', 'P2 end-to-end rate as % of that ceiling', 'higher', ''),
    ('execve_per_msg', 'execve per message', 'lower', 'fork/exec cost'),
    ('fork_per_msg', 'fork/clone per message', 'lower', ''),
    ('syscalls_per_msg', 'system calls per message (all processes)', 'lower', ''),
    ('c1', 'acceptance msg/s at 1 session', 'higher', 'chart'),
    ('c5', 'acceptance msg/s at 5 sessions', 'higher', 'chart'),
    ('c20', 'acceptance msg/s at 20 sessions', 'higher', 'chart'),
    ('c50', 'acceptance msg/s at 50 sessions', 'higher', 'chart'),
]


def fmt(v):
    if v is None:
        return '-'
    if abs(v) >= 100:
        return '%.0f' % v
    if abs(v) >= 10:
        return '%.1f' % v
    return '%.2f' % v


def report(raw, outdir):
    vals, sizes = {}, {}
    with open(raw) as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith('#'):
                continue
            m, who, v = line.split('|')
            if m.startswith('size_'):
                sizes[m[5:]] = v
                continue
            vals.setdefault((m, who), []).append(float(v))
    rows = []
    for m, label, better, note in METRICS:
        for k, v in sizes.items():
            label = label.replace(' %s ' % k, ' %s ' % v)
        q, p = vals.get((m, 'quail')), vals.get((m, 'postfix'))
        if q is None and p is None:
            continue
        def med(xs):
            return statistics.median(xs) if xs else None
        def spread(xs):
            return '%s-%s' % (fmt(min(xs)), fmt(max(xs))) if xs and len(xs) > 1 else ''
        mq, mp = med(q), med(p)
        ratio = '%.2f' % (mq / mp) if mq is not None and mp else '-'
        n = max(len(q or []), len(p or []))
        rows.append((m, label, mq, spread(q), mp, spread(p), ratio, better, note, n))
    with open(os.path.join(outdir, 'results.csv'), 'w') as f:
        f.write('metric,description,quail_median,quail_range,postfix_median,postfix_range,ratio_quail_over_postfix,better,runs\n')
        for m, label, mq, sq, mp, sp, ratio, better, note, n in rows:
            f.write('%s,"%s",%s,%s,%s,%s,%s,%s,%d\n' % (m, label, '' if mq is None else '%g' % mq, sq,
                                                     '' if mp is None else '%g' % mp, sp, ratio, better, n))
    out = ['| metric | quail | Postfix | ratio q/P | note |', '|---|---:|---:|---:|---|']
    for m, label, mq, sq, mp, sp, ratio, better, note, n in rows:
        cell = lambda v, s: fmt(v) + (' (%s)' % s if s else '')
        nn = '%s is better; %d run%s' % (better, n, 's' if n > 1 else '') + ('; ' + note if note else '')
        out.append('| %s | %s | %s | %s | %s |' % (label, cell(mq, sq), cell(mp, sp), ratio, nn))
    text = '\n'.join(out) + '\n'
    with open(os.path.join(outdir, 'results.md'), 'w') as f:
        f.write(text)
    sys.stdout.write(text)


def main(a):
    cmd = a[0]
    if cmd == 'load':
        load(a[1], int(a[2]), int(a[3]), int(a[4]), a[5], a[6])
    elif cmd == 'waitcount':
        return waitcount(float(a[1]), int(a[2]), a[3:])
    elif cmd == 'waitempty':
        return waitempty(float(a[1]), a[2:])
    elif cmd == 'latency':
        latency(a[1], a[2:])
    elif cmd == 'fsyncrate':
        fsyncrate(a[1], float(a[2]))
    elif cmd == 'idle':
        idle(a[1], float(a[2]))
    elif cmd == 'rss':
        rss([int(x) for x in a[1:]])
    elif cmd == 'cpu':
        cpu([int(x) for x in a[1:]])
    elif cmd == 'strace':
        strace(a[1], int(a[2]))
    elif cmd == 'report':
        report(a[1], a[2])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
