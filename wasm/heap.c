/* heap.c — the allocator of the WASM modules (wasm/api/core.mjs is its only caller): a stack of
 * blocks above the module's data, grown with memory.grow. The core itself never allocates; the JS
 * layer borrows blocks for the arguments and results of one call and gives them back in reverse
 * order, zeroed (withHeap), so a stack is all it needs, in about 200 bytes of code instead of a
 * general allocator's two kilobytes. A block given back out of order (a long-lived audit's state
 * under a call's temporaries) is marked free and popped once every block above it is free too.
 *
 *   void *jsk_wasm_alloc(size_t n)   n bytes, 16-aligned, or NULL when memory cannot grow
 *   void  jsk_wasm_free(void *p)     NULL is ignored
 */
#include <stddef.h>
#include <stdint.h>

extern unsigned char __heap_base; /* the linker's end of data and stack */

typedef struct block {
    struct block *below; /* the block under this one, or NULL */
    uint32_t used;
    uint32_t pad;
    uint64_t align; /* the header is 16 bytes: payloads stay 16-aligned */
} block;

static block *last; /* the top block */
static uintptr_t top; /* the first free byte */

#define ALIGN16(x) (((x) + 15u) & ~(uintptr_t)15u)
#define PAGE 65536u

void *jsk_wasm_alloc(size_t n)
{
    uintptr_t start, end, have;
    block *b;

    if (top == 0) {
        top = ALIGN16((uintptr_t)&__heap_base);
    }
    start = top;
    end = start + sizeof(block) + ALIGN16((uintptr_t)n);
    if (n > SIZE_MAX / 2 || end < start) {
        return NULL;
    }
    have = (uintptr_t)__builtin_wasm_memory_size(0) * PAGE;
    if (end > have && __builtin_wasm_memory_grow(0, (end - have + PAGE - 1) / PAGE) == (size_t)-1) {
        return NULL;
    }
    b = (block *)start;
    b->below = last;
    b->used = 1;
    last = b;
    top = end;
    return b + 1;
}

void jsk_wasm_free(void *p)
{
    if (p == NULL) {
        return;
    }
    ((block *)p - 1)->used = 0;
    while (last != NULL && !last->used) {
        top = (uintptr_t)last;
        last = last->below;
    }
}
