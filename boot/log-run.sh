#!/bin/sh
# service log/run script: multilog as USER_L, timestamps, ten 1 MB files.
exec setuidgid USER_L multilog t s1000000 n10 ./main
