/**
 * A small, fast, seeded PRNG so a simulation can be reproduced: sfc32 (Chris Doty-Humphrey's Small
 * Fast Counting generator, 128-bit state, passes PractRand), seeded through splitmix32.
 */

/** One splitmix32 step: a well-mixed 32-bit value from a counter. */
export function mix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** FNV-1a of a string, for deriving a stream from a name (a risk id). */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const TWO_TO_MINUS_32 = 1 / 4294967296;

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** `stream` picks an independent sequence for the same seed (one per risk in a portfolio). */
  constructor(seed: number, stream = 0) {
    let s = (seed >>> 0) ^ Math.imul(stream >>> 0, 0x9e3779b1);
    const next = () => {
      s = (s + 0x9e3779b9) | 0;
      return mix32(s);
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next() | 1;
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  nextUint32(): number {
    const a = this.a;
    const b = this.b;
    const c = this.c;
    const d = this.d;
    const t = (((a + b) | 0) + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    const r = (c << 21) | (c >>> 11);
    this.c = (r + t) | 0;
    return t >>> 0;
  }

  /** Uniform in the open interval (0, 1): never 0, so log(u) is always finite. */
  uniform(): number {
    return (this.nextUint32() + 0.5) * TWO_TO_MINUS_32;
  }

  /** Standard normal: Marsaglia and Tsang's ziggurat (128 layers); most draws take one 32-bit value and a compare. */
  normal(): number {
    let hz = this.nextUint32() | 0;
    let iz = hz & 127;
    if (Math.abs(hz) < KN[iz]!) return hz * WN[iz]!;
    for (;;) {
      const x = hz * WN[iz]!;
      if (iz === 0) {
        let tx: number;
        let ty: number;
        do {
          tx = -Math.log(this.uniform()) / ZIGGURAT_R;
          ty = -Math.log(this.uniform());
        } while (ty + ty < tx * tx);
        return hz > 0 ? ZIGGURAT_R + tx : -ZIGGURAT_R - tx;
      }
      if (FN[iz]! + this.uniform() * (FN[iz - 1]! - FN[iz]!) < Math.exp(-0.5 * x * x)) return x;
      hz = this.nextUint32() | 0;
      iz = hz & 127;
      if (Math.abs(hz) < KN[iz]!) return hz * WN[iz]!;
    }
  }
}

/** Ziggurat tables (Marsaglia and Tsang, "The Ziggurat Method for Generating Random Variables", 2000). */
const ZIGGURAT_R = 3.442619855899;
const KN = new Float64Array(128);
const WN = new Float64Array(128);
const FN = new Float64Array(128);
(() => {
  const m1 = 2147483648;
  const vn = 9.91256303526217e-3;
  let dn = ZIGGURAT_R;
  let tn = dn;
  const q = vn / Math.exp(-0.5 * dn * dn);
  KN[0] = (dn / q) * m1;
  KN[1] = 0;
  WN[0] = q / m1;
  WN[127] = dn / m1;
  FN[0] = 1;
  FN[127] = Math.exp(-0.5 * dn * dn);
  for (let i = 126; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(vn / dn + Math.exp(-0.5 * dn * dn)));
    KN[i + 1] = (dn / tn) * m1;
    tn = dn;
    FN[i] = Math.exp(-0.5 * dn * dn);
    WN[i] = dn / m1;
  }
})();
