import { describe, expect, it } from 'vitest';
import { safeNext } from '../../web/src/pages/login/safeNext.js';
import { suggestSeverity } from '../../web/src/pages/incidents/suggestSeverity.js';

describe('the severity the create form suggests', () => {
  const none = { functional_impact: '', information_impact: '', recoverability: '' };

  it('follows the worst of the three NIST ratings', () => {
    expect(suggestSeverity(none)).toBeNull();
    expect(suggestSeverity({ ...none, functional_impact: 'none' })).toBe(4);
    expect(suggestSeverity({ ...none, functional_impact: 'low' })).toBe(3);
    expect(suggestSeverity({ ...none, functional_impact: 'medium' })).toBe(2);
    expect(suggestSeverity({ ...none, functional_impact: 'high' })).toBe(1);
    expect(suggestSeverity({ functional_impact: 'low', information_impact: 'privacy_breach', recoverability: 'regular' })).toBe(2);
  });

  it('counts integrity loss and unrecoverable as high, breaches as medium, supplemented as low, extended as medium', () => {
    expect(suggestSeverity({ ...none, information_impact: 'integrity_loss' })).toBe(1);
    expect(suggestSeverity({ ...none, recoverability: 'not_recoverable' })).toBe(1);
    expect(suggestSeverity({ ...none, information_impact: 'proprietary_breach' })).toBe(2);
    expect(suggestSeverity({ ...none, recoverability: 'extended' })).toBe(2);
    expect(suggestSeverity({ ...none, recoverability: 'supplemented' })).toBe(3);
  });
});

describe('where sign-in leads', () => {
  it('goes back to the page asked for, within the app', () => {
    expect(safeNext('?next=%2Fincidents%3Fseverity%3D1')).toBe('/incidents?severity=1');
    expect(safeNext('')).toBe('/');
  });

  it('never leaves the app or loops back to the login page', () => {
    expect(safeNext('?next=https%3A%2F%2Fevil.example')).toBe('/');
    expect(safeNext('?next=%2F%2Fevil.example')).toBe('/');
    expect(safeNext('?next=%2F%5Cevil.example')).toBe('/');
    expect(safeNext('?next=%2Flogin')).toBe('/');
  });
});
