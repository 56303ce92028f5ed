/* wipe.c — zeroing that the optimiser cannot remove (a volatile pointer, as Monocypher's crypto_wipe). */
#include "jsk.h"

void jsk_wipe(void *p, size_t len)
{
    volatile uint8_t *v = (volatile uint8_t *)p;
    while (len-- > 0) {
        *v++ = 0;
    }
}
