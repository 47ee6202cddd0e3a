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
#else
int letters_set_nondumpable(void) { return 0; }
int letters_get_dumpable(void) { return 0; }
unsigned long letters_filesystem_type(const char *path) { (void)path; return 0; }
#endif
