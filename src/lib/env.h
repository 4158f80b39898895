/* env: the process environment.  env_get returns the value or 0.
   env_set and env_unset return 1, or 0 with errno set. */
#ifndef ENV_H
#define ENV_H
extern char **environ;
extern const char *env_get(const char *name);
extern int env_set(const char *name, const char *value);
extern int env_unset(const char *name);
#endif
