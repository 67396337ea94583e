import { randomFillSync } from 'node:crypto';

/**
 * Ids are a short prefix naming the kind of thing and a ULID: sortable by creation time,
 * unguessable (80 random bits), and readable in logs (`inc_01JD…`).
 */
export const ID_PREFIX = {
  organisation: 'org',
  user: 'usr',
  session: 'ses',
  apiToken: 'tok',
  incident: 'inc',
  incidentMember: 'mem',
  task: 'tsk',
  timelineEntry: 'tle',
  phaseChange: 'phc',
  auditEntry: 'aud',
  outboxMessage: 'obx',
  category: 'cat',
  webhook: 'whk',
  webhookEvent: 'evt',
  webhookAttempt: 'wha',
  incidentTechnique: 'itq',
  alert: 'alr',
  alertGroup: 'alg',
  alertRule: 'arl',
  observable: 'obs',
  sighting: 'sgt',
  asset: 'ast',
  risk: 'rsk',
  riskHistory: 'rhy',
  controlCatalog: 'cct',
  control: 'ctl',
  simulation: 'sim',
  controlOutcome: 'cto',
  review: 'rev',
  actionItem: 'act',
  proposal: 'prp',
  responsePlan: 'pln',
  planExport: 'plx',
  escalation: 'esc',
  communication: 'com',
  engagement: 'eng',
  decision: 'dec',
  obligation: 'obl',
  evidence: 'evd',
  custodyEvent: 'cus',
} as const;

export type IdKind = keyof typeof ID_PREFIX;

/** Crockford's base32 in lower case, as ids are written. */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const RANDOM_DIGITS = 16;

/** Random bytes drawn in bulk: ingestion makes tens of thousands of ids a second. */
const pool = Buffer.alloc(4096);
let poolOffset = pool.length;
function randomDigit(): number {
  if (poolOffset === pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  // 256 is a multiple of 32, so the low five bits of a random byte are uniform.
  return pool[poolOffset++]! & 31;
}

let lastTime = -1;
let timePart = '';
const randomPart: number[] = new Array<number>(RANDOM_DIGITS).fill(0);

function encodeTime(ms: number): string {
  let out = '';
  for (let i = 0; i < 10; i += 1) {
    const digit = ms % 32;
    out = ALPHABET[digit]! + out;
    ms = (ms - digit) / 32;
  }
  return out;
}

/**
 * A monotonic ULID (ulid/spec): 48-bit milliseconds and 80 random bits; within one millisecond (or if
 * the clock steps back) the random part is incremented, so ids made in order sort in order.
 */
export function nextUlid(now: number = Date.now()): string {
  if (now > lastTime) {
    lastTime = now;
    timePart = encodeTime(now);
    for (let i = 0; i < RANDOM_DIGITS; i += 1) randomPart[i] = randomDigit();
  } else {
    let i = RANDOM_DIGITS - 1;
    while (i >= 0 && randomPart[i] === 31) randomPart[i--] = 0;
    if (i < 0) throw new Error('ULID random part overflowed within one millisecond');
    randomPart[i]! += 1;
  }
  let random = '';
  for (let i = 0; i < RANDOM_DIGITS; i += 1) random += ALPHABET[randomPart[i]!];
  return timePart + random;
}

export function newId(kind: IdKind): string {
  return `${ID_PREFIX[kind]}_${nextUlid()}`;
}

export function isIdOf(kind: IdKind, value: string): boolean {
  return new RegExp(`^${ID_PREFIX[kind]}_[0-9a-hjkmnp-tv-z]{26}$`).test(value);
}
