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

#include <fcntl.h>
#include <time.h>

/* The clock_gettime system call issued by an inline `syscall` instruction: neither libc, the
 * vDSO nor an LD_PRELOAD library (libfaketime) sits between it and the kernel
 * (docs/SECURITY.md §6.3, docs/COOLING-OFF.md "The clock"). */
static long letters_raw_clock_gettime(long clock, struct timespec *spec) {
#if defined(__x86_64__)
  long result;
  __asm__ volatile("syscall"
                   : "=a"(result)
                   : "0"((long)SYS_clock_gettime), "D"(clock), "S"(spec)
                   : "rcx", "r11", "memory");
  return result;
#elif defined(__aarch64__)
  register long x8 __asm__("x8") = SYS_clock_gettime;
  register long x0 __asm__("x0") = clock;
  register long x1 __asm__("x1") = (long)spec;
  __asm__ volatile("svc 0" : "+r"(x0) : "r"(x8), "r"(x1) : "memory");
  return x0;
#else
  return syscall(SYS_clock_gettime, clock, spec) == 0 ? 0 : -errno;
#endif
}

int letters_kernel_clock(int clock, long long *seconds, long long *nanoseconds) {
  struct timespec spec = {0, 0};
  long result = letters_raw_clock_gettime(clock, &spec);
  if (result != 0) return (int)result;
  *seconds = (long long)spec.tv_sec;
  *nanoseconds = (long long)spec.tv_nsec;
  return 0;
}

int letters_libc_clock(int clock, long long *seconds, long long *nanoseconds) {
  struct timespec spec = {0, 0};
  if (clock_gettime(clock, &spec) != 0) return -errno;
  *seconds = (long long)spec.tv_sec;
  *nanoseconds = (long long)spec.tv_nsec;
  return 0;
}

#define LETTERS_PROC_SUPER_MAGIC 0x9fa0

long letters_read_proc_file(const char *path, void *buffer, unsigned long length) {
  int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return -errno;
  struct statfs info;
  if (fstatfs(fd, &info) != 0 || (unsigned long)info.f_type != LETTERS_PROC_SUPER_MAGIC) {
    close(fd);
    return -EXDEV;
  }
  unsigned long total = 0;
  while (total < length) {
    long got = read(fd, (char *)buffer + total, length - total);
    if (got < 0) {
      if (errno == EINTR) continue;
      int saved = errno;
      close(fd);
      return -saved;
    }
    if (got == 0) break;
    total += (unsigned long)got;
  }
  close(fd);
  return (long)total;
}
#else
#include <errno.h>
int letters_kernel_clock(int c, long long *s, long long *n) { (void)c; (void)s; (void)n; return -ENOSYS; }
int letters_libc_clock(int c, long long *s, long long *n) { (void)c; (void)s; (void)n; return -ENOSYS; }
long letters_read_proc_file(const char *p, void *b, unsigned long l) { (void)p; (void)b; (void)l; return -ENOSYS; }
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
