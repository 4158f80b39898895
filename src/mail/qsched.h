/* qsched: qmail's retry schedule (qmail-send(8), reference 5.6).
   qsched_next returns the time of the next attempt for a message born at
   birth when a pass starts at now: birth + (floor(sqrt(now - birth)) +
   skip)^2, skip being 10 for local and 20 for remote deliveries.  A birth
   in the future counts as age 0. */
#ifndef QSCHED_H
#define QSCHED_H
extern double qsched_next(double birth, double now, unsigned int skip);
#endif
