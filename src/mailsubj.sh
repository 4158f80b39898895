#!/bin/sh
# mailsubj: mail stdin to the recipients with the given subject
# (mailsubj(1)); qmail-inject takes the recipients from the To field.
if [ $# -lt 2 ]; then
  echo 'mailsubj: usage: mailsubj subject recip ...' >&2
  exit 100
fi
subject=$(printf '%s' "$1" | tr '\r\n' '  ')
shift
{
  printf 'Subject: %s\n' "$subject"
  printf 'To: %s\n' "$(printf '%s' "$*" | tr '\r\n' '  ')"
  echo
  cat
} | HOME/bin/qmail-inject
