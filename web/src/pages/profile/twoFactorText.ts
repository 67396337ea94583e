/** "JBSW Y3DP EHPK 3PXP": the way authenticator apps print a key, easier to type by hand. */
export function groupInFours(secret: string): string {
  return (secret.replace(/\s+/g, '').match(/.{1,4}/g) ?? []).join(' ');
}

/** The .txt people keep their recovery codes in: what they are for, then one code a line. */
export function recoveryCodesFile(codes: readonly string[], account: string, madeAt: string): string {
  return [
    `Bulwark recovery codes for ${account}`,
    `Made ${madeAt}. Making new codes in Profile ends these.`,
    'Each code signs you in once, in place of the code from your authenticator app.',
    '',
    ...codes,
    '',
  ].join('\n');
}
