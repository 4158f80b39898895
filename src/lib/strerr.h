/* strerr: one-line diagnostics on fd 2.  strerr_warn writes the parts
   (a null-terminated list) in one write; with sys set it appends the
   text for errno (callers end their last part with ": ").  strerr_die does the same, then _exit(e).
   The x forms omit errno; the sys forms append it. */
#ifndef STRERR_H
#define STRERR_H
extern void strerr_warnv(int sys, const char *const *parts);
extern void strerr_warn(int sys, ...);
extern void strerr_die(int e, int sys, ...) __attribute__((noreturn));
extern const char *strerr_sysstr(int err);

#define strerr_warn1x(a) strerr_warn(0,(a),(char*)0)
#define strerr_warn2x(a,b) strerr_warn(0,(a),(b),(char*)0)
#define strerr_warn3x(a,b,c) strerr_warn(0,(a),(b),(c),(char*)0)
#define strerr_warn4x(a,b,c,d) strerr_warn(0,(a),(b),(c),(d),(char*)0)
#define strerr_warn5x(a,b,c,d,e) strerr_warn(0,(a),(b),(c),(d),(e),(char*)0)
#define strerr_warn6x(a,b,c,d,e,f) strerr_warn(0,(a),(b),(c),(d),(e),(f),(char*)0)
#define strerr_warn1sys(a) strerr_warn(1,(a),(char*)0)
#define strerr_warn2sys(a,b) strerr_warn(1,(a),(b),(char*)0)
#define strerr_warn3sys(a,b,c) strerr_warn(1,(a),(b),(c),(char*)0)
#define strerr_warn4sys(a,b,c,d) strerr_warn(1,(a),(b),(c),(d),(char*)0)
#define strerr_warn5sys(a,b,c,d,e) strerr_warn(1,(a),(b),(c),(d),(e),(char*)0)
#define strerr_die1x(x,a) strerr_die((x),0,(a),(char*)0)
#define strerr_die2x(x,a,b) strerr_die((x),0,(a),(b),(char*)0)
#define strerr_die3x(x,a,b,c) strerr_die((x),0,(a),(b),(c),(char*)0)
#define strerr_die4x(x,a,b,c,d) strerr_die((x),0,(a),(b),(c),(d),(char*)0)
#define strerr_die5x(x,a,b,c,d,e) strerr_die((x),0,(a),(b),(c),(d),(e),(char*)0)
#define strerr_die6x(x,a,b,c,d,e,f) strerr_die((x),0,(a),(b),(c),(d),(e),(f),(char*)0)
#define strerr_die1sys(x,a) strerr_die((x),1,(a),(char*)0)
#define strerr_die2sys(x,a,b) strerr_die((x),1,(a),(b),(char*)0)
#define strerr_die3sys(x,a,b,c) strerr_die((x),1,(a),(b),(c),(char*)0)
#define strerr_die4sys(x,a,b,c,d) strerr_die((x),1,(a),(b),(c),(d),(char*)0)
#define strerr_die5sys(x,a,b,c,d,e) strerr_die((x),1,(a),(b),(c),(d),(e),(char*)0)
#define strerr_die6sys(x,a,b,c,d,e,f) strerr_die((x),1,(a),(b),(c),(d),(e),(f),(char*)0)
#endif
