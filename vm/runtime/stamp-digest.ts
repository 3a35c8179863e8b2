// A digest for cache keys made of file stamps (names, sizes, modification times,
// inodes): the compiler's fingerprint and the prelude cache's key (prelude-cache.ts).
// Such text is the runtime's own, never an adversary's, and a collision would need
// two different stamp lists to meet; what it must be is cheap. SHA-256 of the ~3 KB of
// stamps ran in V8's baseline tier at every start: ~10M instructions, 2.5% of
// `vmrun hello.js`. Four 32-bit multiply-xor lanes, each fed the character and the
// lane before it, then mixed (murmur3's finalizer), give 128 bits for ~a quarter of that.

/** Read once: in the baseline tier each `Math.imul` is a global and a property load. */
const imul = Math.imul;

/** 32 hex digits for `text`. */
export function stampDigest(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  let c = 0x85ebca6b;
  let d = 0xc2b2ae35;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    a = imul(a ^ ch, 0x01000193);
    b = imul(b ^ ch ^ (a >>> 15), 0x5bd1e995);
    c = imul(c ^ ch ^ (b >>> 13), 0x27d4eb2d);
    d = imul(d ^ ch ^ (c >>> 16), 0x165667b1);
  }
  const n = text.length;
  a = mix(a ^ n ^ d);
  b = mix(b ^ a);
  c = mix(c ^ b);
  d = mix(d ^ c);
  return hex(a) + hex(b) + hex(c) + hex(d);
}

/** murmur3's 32-bit finalizer: every input bit reaches every output bit. */
function mix(h: number): number {
  h = imul(h ^ (h >>> 16), 0x85ebca6b);
  h = imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function hex(h: number): string {
  return h.toString(16).padStart(8, "0");
}
