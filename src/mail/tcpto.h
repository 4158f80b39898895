/* tcpto: queue/lock/tcpto, the table of remote addresses whose connects timed
   out recently (reference 14.7): 64 records of 16 bytes; bytes 0-3 the
   IPv4 address, byte 4 the count of consecutive timeouts (0 = free, at
   most 10), bytes 8-11 the time of the last timeout (little-endian).
   quail extension: an IPv6 address is recorded with byte 5 = 6 and bytes
   0-3 a 32-bit hash of the address (a collision only makes a host be
   skipped for a while).  Byte 5 is 0 in qmail's IPv4 records.
   Names are relative: callers chdir to conf-home first.  The file is used
   under an exclusive lock; any error reading or writing it is ignored.
   tcpto_skip: 1 when ip timed out at least twice and the last time was
     less than (60 + (pid & 31)) * 64 seconds ago, else 0.
   tcpto_record: after a connect attempt; timedout 1 counts a timeout
     (at most once per 120 s), 0 (success or a refusal) clears the count.
   tcpto_clean: zero the whole table fn (TCPTO_FILE, or "../lock/tcpto"
     from queue/mess); 0, or -1 with errno.
   tcpto_read: the raw table (TCPTO_SIZE bytes) into buf; 0, or -1. */
#ifndef TCPTO_H
#define TCPTO_H
#define TCPTO_FILE "queue/lock/tcpto"
#define TCPTO_SIZE 1024
extern int tcpto_skip(const unsigned char ip[16]);
extern void tcpto_record(const unsigned char ip[16], int timedout);
extern int tcpto_clean(const char *fn);
extern int tcpto_read(char buf[TCPTO_SIZE]);
#endif
