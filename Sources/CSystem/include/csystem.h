#ifndef LETTERS_CSYSTEM_H
#define LETTERS_CSYSTEM_H

/* Linux calls that Swift's Glibc module does not import. */

/* prctl(PR_SET_DUMPABLE, 0): no core dumps, no same-user ptrace. Returns 0 on success. */
int letters_set_nondumpable(void);

/* prctl(PR_GET_DUMPABLE), for tests. */
int letters_get_dumpable(void);

/* statfs(path).f_type, or 0 when statfs fails. */
unsigned long letters_filesystem_type(const char *path);

#endif
