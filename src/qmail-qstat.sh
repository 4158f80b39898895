#!/bin/sh
# qmail-qstat: how many messages are in the queue, and how many of them
# qmail-send has not preprocessed yet.  Run by root or a member of group
# qmail.  Exit codes in qmail-qstat(8).
cd HOME/queue || exit 111
l=$(find mess todo -type f -print) || {
  echo "qmail-qstat: fatal: unable to scan HOME/queue" >&2; exit 111; }
echo "messages in queue: $(printf '%s\n' "$l" | grep -c '^mess/')"
echo "messages in queue but not yet preprocessed: $(printf '%s\n' "$l" | grep -c '^todo/')"
