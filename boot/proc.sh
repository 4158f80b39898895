#!/bin/sh
# boot/proc: start qmail-start in a clean environment, logging through
# splogger (syslog tag qmail).  Default delivery: procmail
exec env - PATH="HOME/bin:$PATH" \
qmail-start '|preline procmail' splogger qmail
