#!/bin/sh
# boot/maildir: start qmail-start in a clean environment, logging through
# splogger (syslog tag qmail).  Default delivery: ./Maildir/ in each home (quail's recommended default)
exec env - PATH="HOME/bin:$PATH" \
qmail-start ./Maildir/ splogger qmail
