/* auto: configuration compiled in from the conf-* files (src/auto/, made by
   src/sys/auto.sh).  Account names are resolved to ids at run time (qids.h). */
#ifndef AUTO_H
#define AUTO_H
extern const char auto_home[];
extern const unsigned long auto_split;
extern const unsigned int auto_spawn;
extern const int auto_patrn;
extern const char auto_break[];
extern const char auto_usera[], auto_userd[], auto_userl[], auto_usero[];
extern const char auto_userp[], auto_userq[], auto_userr[], auto_users[];
extern const char auto_groupq[], auto_groupn[];
#endif
