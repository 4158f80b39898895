#!/usr/bin/env python3
# msgs.py: tagged test messages for the prove parts.
#   msgs.py make ID [KB]          prints message ID (X-Prove-Id: ID; a body
#                                 of about KB KiB ending in its own sha256)
#   msgs.py account MAILDIR IDS   reads MAILDIR with Python's mailbox and
#                                 prints "missing M partial P duplicates D
#                                 extra E" for the ids in the file IDS (one
#                                 per line; "ID KB" also allowed)
import hashlib, mailbox, random, sys

def body(i, kb=8):
    rnd = random.Random(i)
    out, n = [], 0
    while n < kb * 1024:
        l = '%d %d %s\n' % (i, len(out), 'y' * rnd.randrange(0, 70))
        out.append(l); n += len(l)
    b = ''.join(out)
    return b + 'end %d %s\n' % (i, hashlib.sha256(b.encode()).hexdigest())

def make(i, kb=8):
    return 'X-Prove-Id: %d\nSubject: prove %d\n\n%s' % (i, i, body(i, kb))

def intact(m):
    p = m.get_payload()
    last = p.rstrip('\n').rsplit('\n', 1)[-1].split()
    if len(last) != 3 or last[0] != 'end': return False
    b = p[:len(p) - len(' '.join(last)) - 1]
    return hashlib.sha256(b.encode()).hexdigest() == last[2] and last[1] == m['X-Prove-Id']

def account(maildir, idfile):
    want = set(int(l.split()[0]) for l in open(idfile) if l.strip())
    seen, partial = {}, 0
    md = mailbox.Maildir(maildir, create=False)
    for key in md.iterkeys():
        m = md.get_message(key)
        i = int(m['X-Prove-Id'] or -1)
        seen[i] = seen.get(i, 0) + 1
        if not intact(m): partial += 1
    missing = len([i for i in want if i not in seen])
    dups = sum(c - 1 for c in seen.values())
    extra = len([i for i in seen if i not in want])
    print('missing %d partial %d duplicates %d extra %d' % (missing, partial, dups, extra))

if __name__ == '__main__':
    if sys.argv[1] == 'make':
        sys.stdout.write(make(int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 8))
    else:
        account(sys.argv[2], sys.argv[3])
