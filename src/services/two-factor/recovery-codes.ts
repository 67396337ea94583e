import { randomBytes } from 'node:crypto';
import { hashSecret } from '../auth/secrets.js';

export const RECOVERY_CODE_COUNT = 10;
/** Lower-case letters and digits without look-alikes (no i, l, o, 0, 1): read off paper, typed on a phone. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten codes like `k7m2p-x9cqd` (about 49 bits each), each good for one sign-in without the app. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from(randomBytes(10), (b) => ALPHABET[b % ALPHABET.length]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** Stored and compared as the hash of the code as typed, ignoring case, spaces and the dash. */
export function hashRecoveryCode(code: string): string {
  return hashSecret(code.toLowerCase().replace(/[\s-]/g, ''));
}
