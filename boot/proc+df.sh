#!/bin/sh
# boot/proc+df: start qmail-start in a clean environment, logging through
# splogger (syslog tag qmail).  Default delivery: ~/.forward, else procmail
exec env - PATH="HOME/bin:$PATH" \
qmail-start '|dot-forward .forward
|preline procmail' splogger qmail
