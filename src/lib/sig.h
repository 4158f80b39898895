/* sig: signal dispositions and masks (sigaction; handlers are not reset,
   and interrupted system calls are not restarted unless sig_catch_restart). */
#ifndef SIG_H
#define SIG_H
#include <signal.h>
extern void sig_catch(int sig, void (*f)(int));
extern void sig_catch_restart(int sig, void (*f)(int));
extern void sig_ignore(int sig);
extern void sig_default(int sig);
extern void sig_block(int sig);
extern void sig_unblock(int sig);
extern void sig_unblockall(void);
#endif
