#!/bin/sh
# boot/binm3: start qmail-start in a clean environment, logging through
# splogger (syslog tag qmail).  Default delivery: V7 binmail
exec env - PATH="HOME/bin:$PATH" \
qmail-start '|preline -f /bin/mail -f "${SENDER:-MAILER-DAEMON}" -d "$USER"' splogger qmail
