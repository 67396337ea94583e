import { z } from 'zod';
import { ROLES } from '../../../domain/access.js';
import { PASSWORD_MIN_LENGTH } from '../../../services/auth/secrets.js';
import { instantOut } from '../../schemas.js';

export const EMAIL_MAX = 320;
export const NAME_MAX = 200;
export const PASSWORD_MAX = 1000;

export const password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX, `at most ${PASSWORD_MAX} characters`);
const name = z.string().trim().min(1, 'must not be empty').max(NAME_MAX, `at most ${NAME_MAX} characters`);

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  disabled: z.boolean(),
  last_login_at: instantOut.nullable(),
  two_factor_enabled: z.boolean().describe('Signs in with a code from an authenticator app besides the password'),
  created_at: instantOut,
  version: z.number().int(),
});

export const listUsersQuery = z.strictObject({
  include_disabled: z.enum(['true', 'false']).transform((v) => v === 'true').optional().describe('Also list disabled users'),
});

export const createUserBody = z.strictObject({
  email: z.string().trim().max(EMAIL_MAX).email('an e-mail address'),
  name: name.optional().describe('Defaults to the part of the e-mail before the @'),
  role: z.enum(ROLES),
  password: password.optional().describe('Without one, a one-time password is generated and answered once'),
});

export const updateUserBody = z.strictObject({
  name: name.optional(),
  role: z.enum(ROLES).optional(),
  disabled: z.boolean().optional().describe('Disabling signs the user out and stops their API tokens'),
  version: z.number().int().positive().optional().describe('Alternative to the If-Match header'),
});

export const resetPasswordBody = z.strictObject({
  password: password.optional().describe('Without one, a one-time password is generated and answered once'),
});

export const userWithPasswordSchema = z.object({
  user: userSchema,
  one_time_password: z.string().nullable().describe('Shown once; null when a password was given'),
});
