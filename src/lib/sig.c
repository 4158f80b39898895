/* sig.c: sigaction and sigprocmask wrappers. */
#include <signal.h>
#include <string.h>
#include "sig.h"

static void setaction(int sig, void (*f)(int), int flags)
{
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = f;
  sa.sa_flags = flags;
  sigemptyset(&sa.sa_mask);
  sigaction(sig, &sa, 0);
}

void sig_catch(int sig, void (*f)(int)) { setaction(sig, f, 0); }
void sig_catch_restart(int sig, void (*f)(int)) { setaction(sig, f, SA_RESTART); }
void sig_ignore(int sig) { setaction(sig, SIG_IGN, 0); }
void sig_default(int sig) { setaction(sig, SIG_DFL, 0); }

static void mask(int how, int sig)
{
  sigset_t ss;
  sigemptyset(&ss);
  sigaddset(&ss, sig);
  sigprocmask(how, &ss, 0);
}

void sig_block(int sig) { mask(SIG_BLOCK, sig); }
void sig_unblock(int sig) { mask(SIG_UNBLOCK, sig); }

void sig_unblockall(void)
{
  sigset_t ss;
  sigemptyset(&ss);
  sigprocmask(SIG_SETMASK, &ss, 0);
}
