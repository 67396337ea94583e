import { z } from 'zod';

export const downloadQuery = z.strictObject({
  disposition: z.enum(['attachment', 'inline']).default('attachment').describe('inline: shown in the browser (recorded as accessed; refused for malware samples). attachment: saved (recorded as downloaded)'),
});
