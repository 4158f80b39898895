#!/bin/sh
# datemail: sendmail with a Date: field in local time (predate(1)).
exec HOME/bin/predate HOME/bin/sendmail "$@"
