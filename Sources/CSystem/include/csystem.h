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

#endif
