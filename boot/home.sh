#!/bin/sh
# boot/home: start qmail-start in a clean environment, logging through
# splogger (syslog tag qmail).  Default delivery: mbox ./Mailbox in each home
exec env - PATH="HOME/bin:$PATH" \
qmail-start ./Mailbox splogger qmail
