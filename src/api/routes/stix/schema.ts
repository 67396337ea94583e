import { z } from 'zod';
import { OBSERVABLE_TYPES } from '../../../domain/observables.js';
import { TLP_LEVELS } from '../../../domain/incident.js';

/** A bundle of threat intelligence is far smaller than ATT&CK; 20 MB leaves room for large feeds. */
export const STIX_BODY_LIMIT = 20 * 1024 * 1024;

export const stixImportQuery = z.strictObject({
  incident_id: z.string().min(1).max(100).optional().describe('Attach the observables to this incident (id or number); without it they become known organisation-wide'),
});

export const stixImportSchema = z.object({
  incident_id: z.string().nullable(),
  objects: z.number().int().describe('Objects in the bundle'),
  observables: z.array(z.object({
    observable_id: z.string(),
    type: z.enum(OBSERVABLE_TYPES),
    value: z.string().describe('Normalised'),
    ioc: z.boolean().describe('From an indicator'),
    sighted: z.boolean().describe('Seen, according to a sighting in the bundle'),
    tlp: z.enum(TLP_LEVELS).nullable().describe('From the markings; null when unmarked (the incident\'s TLP applies)'),
    note: z.string(),
    stix_ids: z.array(z.string()).describe('The STIX objects it came from'),
  })),
  skipped: z.array(z.object({ stix_id: z.string(), stix_type: z.string(), reason: z.string() })).describe('Objects (or parts) not imported, and why'),
});

export const stixBundleSchema = z.looseObject({ type: z.literal('bundle'), id: z.string(), objects: z.array(z.looseObject({ type: z.string(), id: z.string() })) }).describe('A STIX 2.1 bundle');
