/* ct.h — branch-free byte comparisons for table-free codecs (the libsodium codecs.c idea).
 * Arguments are byte values 0..255; each result is 0xFF for true and 0x00 for false, so results
 * combine with & and | and select values without a data-dependent branch or table lookup. */
#ifndef JSK_CT_H
#define JSK_CT_H

static inline unsigned ct_lt(unsigned x, unsigned y) { return ((x - y) >> 8) & 0xFFU; }
static inline unsigned ct_ge(unsigned x, unsigned y) { return ct_lt(x, y) ^ 0xFFU; }
static inline unsigned ct_le(unsigned x, unsigned y) { return ct_ge(y, x); }
static inline unsigned ct_eq(unsigned x, unsigned y) { return (((x ^ y) - 1U) >> 8) & 0xFFU; }
static inline unsigned ct_in(unsigned x, unsigned lo, unsigned hi) { return ct_ge(x, lo) & ct_le(x, hi); }

#endif
