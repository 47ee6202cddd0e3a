#include "csystem.h"

#ifdef __linux__
#include <sys/prctl.h>
#include <sys/vfs.h>

int letters_set_nondumpable(void) { return prctl(PR_SET_DUMPABLE, 0, 0, 0, 0); }

int letters_get_dumpable(void) { return prctl(PR_GET_DUMPABLE, 0, 0, 0, 0); }

unsigned long letters_filesystem_type(const char *path) {
  struct statfs info;
  if (statfs(path, &info) != 0) return 0;
  return (unsigned long)info.f_type;
}

#include <errno.h>
#include <linux/keyctl.h>
#include <sys/syscall.h>
#include <unistd.h>

static long letters_result(long result) { return result < 0 ? -(long)errno : result; }

long letters_keyring_session(void) {
  /* create = 0: never make a new anonymous session keyring, which would die with us. */
  return letters_result(syscall(SYS_keyctl, KEYCTL_GET_KEYRING_ID, KEY_SPEC_SESSION_KEYRING, 0));
}

long letters_key_add(const char *description, const void *payload, unsigned long length, long keyring) {
  return letters_result(syscall(SYS_add_key, "user", description, payload, length, keyring));
}

long letters_key_search(long keyring, const char *description) {
  return letters_result(syscall(SYS_keyctl, KEYCTL_SEARCH, keyring, "user", description, 0));
}

long letters_key_read(long key, void *buffer, unsigned long length) {
  return letters_result(syscall(SYS_keyctl, KEYCTL_READ, key, buffer, length));
}

long letters_key_set_timeout(long key, unsigned int seconds) {
  return letters_result(syscall(SYS_keyctl, KEYCTL_SET_TIMEOUT, key, seconds));
}

long letters_key_set_permissions(long key, unsigned int permissions) {
  return letters_result(syscall(SYS_keyctl, KEYCTL_SETPERM, key, permissions));
}

long letters_key_revoke(long key) { return letters_result(syscall(SYS_keyctl, KEYCTL_REVOKE, key)); }

long letters_key_unlink(long key, long keyring) {
  return letters_result(syscall(SYS_keyctl, KEYCTL_UNLINK, key, keyring));
}
#else
#include <errno.h>
long letters_keyring_session(void) { return -ENOSYS; }
long letters_key_add(const char *d, const void *p, unsigned long l, long k) { (void)d; (void)p; (void)l; (void)k; return -ENOSYS; }
long letters_key_search(long k, const char *d) { (void)k; (void)d; return -ENOSYS; }
long letters_key_read(long k, void *b, unsigned long l) { (void)k; (void)b; (void)l; return -ENOSYS; }
long letters_key_set_timeout(long k, unsigned int s) { (void)k; (void)s; return -ENOSYS; }
long letters_key_set_permissions(long k, unsigned int p) { (void)k; (void)p; return -ENOSYS; }
long letters_key_revoke(long k) { (void)k; return -ENOSYS; }
long letters_key_unlink(long k, long r) { (void)k; (void)r; return -ENOSYS; }
int letters_set_nondumpable(void) { return 0; }
int letters_get_dumpable(void) { return 0; }
unsigned long letters_filesystem_type(const char *path) { (void)path; return 0; }
#endif
