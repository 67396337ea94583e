import { z } from 'zod';
import { ROLES } from '../../../domain/access.js';
import { instant, instantOut } from '../../schemas.js';

export const TOKEN_NAME_MAX = 200;

export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  user_id: z.string(),
  token_prefix: z.string().describe('The first characters of the secret, to recognise it'),
  created_at: instantOut,
  expires_at: instantOut.nullable(),
  last_used_at: instantOut.nullable(),
  revoked_at: instantOut.nullable(),
});

export const createApiTokenBody = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(TOKEN_NAME_MAX, `at most ${TOKEN_NAME_MAX} characters`).describe('What the token is for'),
  role: z.enum(ROLES).optional().describe('Defaults to the owner’s role; may not exceed it'),
  user_id: z.string().min(1).max(100).optional().describe('The owner; yourself when absent. Only administrators create tokens for others'),
  expires_at: instant.optional().describe('In the future; never expires when absent'),
});

export const createdApiTokenSchema = z.object({
  token: apiTokenSchema,
  secret: z.string().describe('Send as "Authorization: Bearer <secret>". Shown only this once'),
});
