#ifndef LETTERS_CHINTS_H
#define LETTERS_CHINTS_H

/* Hints to the CPU, which Swift has no word for. No system call, no secret: the record layer
 * imports this and nothing else in C besides libsodium (docs/ARCHITECTURE.md). */

/* Starts loading the cache line at address. Walks in an order the hardware cannot guess
 * (`list`'s newest first over listing rows kept in id order) ask a few letters ahead, so the
 * loads overlap instead of waiting one after another (docs/PERFORMANCE.md round 14). A hint
 * only: it never faults, whatever the address. */
static inline void letters_prefetch(const void *address) { __builtin_prefetch(address); }

#endif
