/* hier-bin.h: the installed programs and their modes, one line each;
   included by hier.c.  Add a line when you add a program. */
