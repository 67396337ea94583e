import { z } from 'zod';

/** Import bodies up to 10 MB; larger files are refused with 413 (split the register). */
export const RISK_IMPORT_BODY_LIMIT = 10 * 1024 * 1024;

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const exportQuery = z.object({
  format: z.enum(['csv', 'json']).default('csv').describe('csv (a header row, then one row per risk) or json (an array of objects with the same columns)'),
});

export const importQuery = z.object({
  dry_run: flag.optional().describe('true: check the file and answer what would be created and updated; nothing is kept'),
  create_missing_assets: flag.optional().describe('true: create assets the file names that do not exist yet, instead of refusing the row'),
});

export const importResultSchema = z.object({
  dry_run: z.boolean(),
  created: z.array(z.object({ row: z.number().int(), number: z.string(), title: z.string() })),
  updated: z.array(z.object({ row: z.number().int(), number: z.string(), fields: z.array(z.string()) })),
  unchanged: z.array(z.object({ row: z.number().int(), number: z.string() })),
  assets_created: z.array(z.string()),
});
