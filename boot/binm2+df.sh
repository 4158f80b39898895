#!/bin/sh
# boot/binm2+df: start qmail-start in a clean environment, logging through
# splogger (syslog tag qmail).  Default delivery: ~/.forward, else SVR4 binmail
exec env - PATH="HOME/bin:$PATH" \
qmail-start '|dot-forward .forward
|preline -f /bin/mail -r "${SENDER:-MAILER-DAEMON}" -d "$USER"' splogger qmail
