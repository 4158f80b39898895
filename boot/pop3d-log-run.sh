#!/bin/sh
# log/run for the POP3 service: multilog as USER_L into ./main.
exec setuidgid USER_L multilog t s1000000 n10 ./main
