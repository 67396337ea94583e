import { z } from 'zod';
import { password, PASSWORD_MAX } from '../users/schema.js';

export const changePasswordBody = z.strictObject({
  current_password: z.string().min(1, 'required').max(PASSWORD_MAX),
  new_password: password,
});
