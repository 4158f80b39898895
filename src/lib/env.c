/* env.c: thin, checked wrappers over the C library's environment. */
#include <stdlib.h>
#include "env.h"

const char *env_get(const char *name) { return getenv(name); }
int env_set(const char *name, const char *value) { return setenv(name, value, 1) == 0; }
int env_unset(const char *name) { return unsetenv(name) == 0; }
