import { z } from 'zod';
import { password, PASSWORD_MAX } from '../users/schema.js';

export const changePasswordBody = z.strictObject({
  current_password: z.string().min(1, 'required').max(PASSWORD_MAX),
  new_password: password,
});

export const currentPasswordBody = z.strictObject({ current_password: z.string().min(1, 'required').max(PASSWORD_MAX) });

export const confirmTwoFactorBody = z.strictObject({ code: z.string().trim().regex(/^\d{6}$/, 'the 6 digits your authenticator app shows') });

export const twoFactorStatusSchema = z.object({
  enabled: z.boolean(),
  enabled_at: z.string().nullable(),
  pending: z.boolean().describe('Set-up started but not yet confirmed with a code'),
  recovery_codes_left: z.number().int(),
});

export const twoFactorSetupSchema = z.object({
  secret: z.string().describe('Base32, for typing into the app by hand'),
  otpauth_uri: z.string().describe('otpauth://totp/… for a QR code'),
});

export const recoveryCodesSchema = z.object({ recovery_codes: z.array(z.string()).describe('Single-use codes that stand in for the app; shown only now') });
