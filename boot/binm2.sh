#!/bin/sh
# boot/binm2: start qmail-start in a clean environment, logging through
# splogger (syslog tag qmail).  Default delivery: SVR4 binmail
exec env - PATH="HOME/bin:$PATH" \
qmail-start '|preline -f /bin/mail -r "${SENDER:-MAILER-DAEMON}" -d "$USER"' splogger qmail
