import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, matchTotp, newTotpSecret, otpauthUri, totpCode, totpStep } from '../../src/domain/totp.js';

const RFC_SECRET = Buffer.from('12345678901234567890');

describe('TOTP', () => {
  it('computes RFC 4226 HOTP values', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
    expect(expected.map((_, counter) => hotp(RFC_SECRET, counter))).toEqual(expected);
  });

  it('computes the RFC 6238 SHA-1 test vectors (8 digits)', () => {
    const vectors: Array<[number, string]> = [[59, '94287082'], [1111111109, '07081804'], [1111111111, '14050471'], [1234567890, '89005924'], [2000000000, '69279037'], [20000000000, '65353130']];
    for (const [seconds, code] of vectors) expect(hotp(RFC_SECRET, totpStep(seconds * 1000), 8)).toBe(code);
  });

  it('round-trips base32 (RFC 4648 vectors) and reads it as people copy it', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('mzxw 6ytb oi======').toString()).toBe('foobar');
    expect(() => base32Decode('MZXW1')).toThrow(/base32/);
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(secret)).toHaveLength(20);
  });

  it('matches the current step and one either side, never older than the last used step', () => {
    const secret = base32Encode(RFC_SECRET);
    const at = 1_700_000_000_000;
    const now = totpStep(at);
    expect(matchTotp(secret, totpCode(secret, at), at, null)).toBe(now);
    expect(matchTotp(secret, totpCode(secret, at - 30_000), at, null)).toBe(now - 1);
    expect(matchTotp(secret, totpCode(secret, at + 30_000), at, null)).toBe(now + 1);
    expect(matchTotp(secret, totpCode(secret, at - 60_000), at, null)).toBeNull();
    expect(matchTotp(secret, totpCode(secret, at), at, now)).toBeNull();
    expect(matchTotp(secret, totpCode(secret, at + 30_000), at, now)).toBe(now + 1);
    expect(matchTotp(secret, ` ${totpCode(secret, at).slice(0, 3)} ${totpCode(secret, at).slice(3)} `, at, null)).toBe(now);
    expect(matchTotp(secret, '12345', at, null)).toBeNull();
    expect(matchTotp(secret, 'abcdef', at, null)).toBeNull();
  });

  it('builds the otpauth address authenticator apps read', () => {
    const uri = new URL(otpauthUri('JBSWY3DPEHPK3PXP', 'Bulwark', 'ana@example.org'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Bulwark:ana@example.org');
    expect(Object.fromEntries(uri.searchParams)).toEqual({ secret: 'JBSWY3DPEHPK3PXP', issuer: 'Bulwark', algorithm: 'SHA1', digits: '6', period: '30' });
  });
});
