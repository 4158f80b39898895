/* condprog: the test made by qmail's conditional .qmail helpers
   (condredirect, bouncesaying, except): run a program (fd 0 inherited,
   normally the message) and take its exit code as the answer.
   condprog_run(argv) returns 1 when it exited 0; 0 when it exited with
   any code but 111; -1 with errno when it could not be run or waited
   for; -2 when a signal killed it; -3 when it exited 111 (a temporary
   failure).  condprog_text(r) names a negative result for a message
   ("unable to run", "child crashed", "temporary child error"). */
#ifndef CONDPROG_H
#define CONDPROG_H
extern int condprog_run(char *const *argv);
extern const char *condprog_text(int r);
#endif
