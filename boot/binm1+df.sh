#!/bin/sh
# boot/binm1+df: start qmail-start in a clean environment, logging through
# splogger (syslog tag qmail).  Default delivery: ~/.forward, else BSD 4.4 binmail
exec env - PATH="HOME/bin:$PATH" \
qmail-start '|dot-forward .forward
|preline -f /usr/libexec/mail.local -r "${SENDER:-MAILER-DAEMON}" -d "$USER"' splogger qmail
