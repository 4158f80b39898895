#!/bin/sh
# boot/binm3+df: start qmail-start in a clean environment, logging through
# splogger (syslog tag qmail).  Default delivery: ~/.forward, else V7 binmail
exec env - PATH="HOME/bin:$PATH" \
qmail-start '|dot-forward .forward
|preline -f /bin/mail -f "${SENDER:-MAILER-DAEMON}" -d "$USER"' splogger qmail
