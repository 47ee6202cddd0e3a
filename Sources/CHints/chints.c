/* The hints are static inline functions in include/chints.h; SwiftPM builds a C target only
 * from a source file, so this one includes the header and adds nothing. */
#include "chints.h"
