/* envread: the envelope qmail-queue reads on fd 1 (reference: qmail-queue
   protocol): an F record, any number of T records, then one NUL.  A record
   is its kind byte, an address of at most ENVREAD_ADDRMAX bytes (no NUL),
   and the NUL ending it.  No allocation: a record goes into the caller's
   fixed array of ENVREAD_RECMAX bytes, which it can never overflow.

   envread_record(e, b, rec, &len) reads the next record from b; e, zeroed
   with ENVREAD_ZERO, remembers whether the F record was read and counts the
   T records.  It returns
     ENVREAD_REC (1)       a record: rec[0..len) is kind, address, NUL;
     ENVREAD_END (0)       the closing NUL after at least the F record;
     ENVREAD_EREAD (-1)    a read error or end of input before the end;
     ENVREAD_EFORMAT (-2)  a kind byte that is not F (first) or T or NUL;
     ENVREAD_ETOOLONG (-3) an address longer than ENVREAD_ADDRMAX;
     ENVREAD_ETOOMANY (-4) more than ENVREAD_RCPTMAX T records.
   On an error rec[0..len) holds what was taken of the record so far
   (nothing for EFORMAT and ETOOMANY: the bad kind byte is not kept). */
#ifndef ENVREAD_H
#define ENVREAD_H
#include <stddef.h>
#include "buffer.h"

#define ENVREAD_ADDRMAX 1002                /* longest sender or recipient */
#define ENVREAD_RCPTMAX 1000000UL           /* most recipients */
#define ENVREAD_RECMAX (ENVREAD_ADDRMAX + 2) /* kind byte + address + NUL */

#define ENVREAD_REC 1
#define ENVREAD_END 0
#define ENVREAD_EREAD (-1)
#define ENVREAD_EFORMAT (-2)
#define ENVREAD_ETOOLONG (-3)
#define ENVREAD_ETOOMANY (-4)

struct envread { unsigned long rcpts; int started; };
#define ENVREAD_ZERO { 0, 0 }

extern int envread_record(struct envread *e, buffer *b, char rec[ENVREAD_RECMAX], size_t *len);
#endif
