#!/bin/sh
# boot/home+df: start qmail-start in a clean environment, logging through
# splogger (syslog tag qmail).  Default delivery: ~/.forward (dot-forward), else ./Mailbox
exec env - PATH="HOME/bin:$PATH" \
qmail-start '|dot-forward .forward
./Mailbox' splogger qmail
