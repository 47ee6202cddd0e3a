#ifndef LETTERS_CSYSTEM_H
#define LETTERS_CSYSTEM_H

/* Linux calls that Swift's Glibc module does not import. */

/* prctl(PR_SET_DUMPABLE, 0): no core dumps, no same-user ptrace. Returns 0 on success. */
int letters_set_nondumpable(void);

/* prctl(PR_GET_DUMPABLE), for tests. */
int letters_get_dumpable(void);

/* statfs(path).f_type, or 0 when statfs fails. */
unsigned long letters_filesystem_type(const char *path);

/* Linux kernel keyring (keyrings(7)), for the optional time-limited unlock (SECURITY.md §2.3).
 * Each returns the syscall's result, or -errno on failure. On other systems every call
 * returns -ENOSYS. */

/* The session keyring's id without creating a new one: a process without a session keyring
 * gets the user-session keyring, shared by the user's processes that have none. */
long letters_keyring_session(void);
/* add_key("user", description, payload, length, keyring). */
long letters_key_add(const char *description, const void *payload, unsigned long length, long keyring);
/* keyctl(KEYCTL_SEARCH, keyring, "user", description, 0). */
long letters_key_search(long keyring, const char *description);
/* keyctl(KEYCTL_READ, key, buffer, length): the payload length, even when larger than length. */
long letters_key_read(long key, void *buffer, unsigned long length);
/* keyctl(KEYCTL_SET_TIMEOUT, key, seconds). */
long letters_key_set_timeout(long key, unsigned int seconds);
/* keyctl(KEYCTL_SETPERM, key, permissions). */
long letters_key_set_permissions(long key, unsigned int permissions);
/* keyctl(KEYCTL_REVOKE, key). */
long letters_key_revoke(long key);
/* keyctl(KEYCTL_UNLINK, key, keyring). */
long letters_key_unlink(long key, long keyring);

/* Clocks the cooling-off trusts (docs/COOLING-OFF.md "The clock"). */

/* clock_gettime(clock) by the system call itself, past libc, the vDSO and any LD_PRELOAD
 * library. Returns 0, or -errno. */
int letters_kernel_clock(int clock, long long *seconds, long long *nanoseconds);
/* clock_gettime(clock) through libc, as every other part of the process sees it: compared
 * with letters_kernel_clock to notice a library that fakes time. Returns 0, or -errno. */
int letters_libc_clock(int clock, long long *seconds, long long *nanoseconds);
/* Reads up to length bytes of path, only when the open file is on procfs (a file bind-mounted
 * over it is not). Returns the byte count, -EXDEV when it is not procfs, or -errno. */
long letters_read_proc_file(const char *path, void *buffer, unsigned long length);

#endif
