// codec.mjs — decode() in any module (every module carries the core's codecs): the generate
// module's decode() and the jwt module's reading of a token's header.
import { ENCODINGS } from 'jsk:policy';
import { encodingArg, stringArg } from './args.mjs';
import { putString, readU32 } from './core.mjs';

export function decodeWith(core, text, format, context) {
  stringArg(text, 'text', context);
  return core.withHeap((alloc, m) => {
    const enc = encodingArg(alloc, format, ENCODINGS, 'format', context);
    const [inP, inLen] = putString(alloc, text);
    const cap = m.jsk_decoded_len(inLen, enc);
    const out = alloc(cap);
    const lenP = alloc(4);
    core.check(m.jsk_decode(out, cap, lenP, inP, inLen, enc), context);
    return m.HEAPU8.slice(out, out + readU32(m, lenP));
  });
}
