// entropy.js — the WASM build's only randomness: crypto.getRandomValues() over the heap, at most
// 65536 bytes a call (the Web Crypto limit). No crypto, or a getRandomValues that throws, is an
// error (-1), which the C core reports as JSK_ERR_NO_ENTROPY: there is never a fallback.
mergeInto(LibraryManager.library, {
  jsk_js_random_fill: function (ptr, len) {
    ptr >>>= 0;
    len >>>= 0;
    var c = typeof globalThis === 'object' ? globalThis.crypto : undefined;
    if (!c || typeof c.getRandomValues !== 'function' || len > 65536) {
      return -1;
    }
    try {
      c.getRandomValues(HEAPU8.subarray(ptr, ptr + len));
      return 0;
    } catch (e) {
      return -1;
    }
  },
});
