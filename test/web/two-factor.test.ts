import { describe, expect, it } from 'vitest';
import { groupInFours, recoveryCodesFile } from '../../web/src/pages/profile/twoFactorText.js';

describe('groupInFours', () => {
  it('prints a base32 key in groups of four, as authenticator apps do', () => {
    expect(groupInFours('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
    expect(groupInFours('JBSWY3DPE')).toBe('JBSW Y3DP E');
    expect(groupInFours(' JBSW Y3DP ')).toBe('JBSW Y3DP');
  });
});

describe('recoveryCodesFile', () => {
  it('names the account and what the codes are for, then lists one code a line', () => {
    const text = recoveryCodesFile(['abcde-fghjk', 'mnpqr-stuvw'], 'tove@example.test', '1 Mar 2026, 11:00 CET');
    const lines = text.split('\n');
    expect(lines[0]).toBe('Bulwark recovery codes for tove@example.test');
    expect(lines[1]).toContain('1 Mar 2026, 11:00 CET');
    expect(text).toMatch(/once/);
    expect(lines.slice(-3)).toEqual(['abcde-fghjk', 'mnpqr-stuvw', '']);
  });
});
