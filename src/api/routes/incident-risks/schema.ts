import { z } from 'zod';
import { instantOut } from '../../schemas.js';

export const linkRiskBody = z.strictObject({
  risk_id: z.string().min(1).max(100).describe('The risk the incident materialised: its id or number (RISK-0003)'),
  note: z.string().max(5000).optional().describe('How it materialised'),
});

export const riskLinkParams = z.object({ id: z.string().min(1).max(100), risk_id: z.string().min(1).max(100) });

export const riskRefSchema = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  category: z.string(),
  status: z.string(),
  inherent_level: z.string(),
  residual_level: z.string(),
  owner_id: z.string().nullable(),
});

export const incidentRiskSchema = z.object({
  incident_id: z.string(),
  risk_id: z.string(),
  risk: riskRefSchema,
  note: z.string(),
  linked_at: instantOut,
  linked_by: z.string(),
  linked_by_name: z.string(),
});

const reasonSchema = z
  .object({
    kind: z.enum(['technique', 'category', 'asset']),
    text: z.string().describe('The reason as people read it'),
    techniques: z.array(z.string()).optional().describe('technique: the incident techniques the risk names (same id, or parent and sub-technique)'),
    category: z.string().optional(),
    incident_category: z.string().optional(),
    asset_id: z.string().optional(),
    asset_name: z.string().optional(),
    found_in: z.enum(['title', 'summary', 'hostname']).optional(),
    value: z.string().optional().describe('asset: the hostname observable, or the name found in the text'),
  })
  .describe('Why the risk is suggested');

export const suggestedRisksSchema = z.object({
  items: z.array(z.object({ risk_id: z.string(), risk: riskRefSchema, reasons: z.array(reasonSchema), score: z.number().describe('Techniques weigh 3 each, assets 2, the category 1; strongest first') })),
});

export const suggestedPlaybooksSchema = z.object({
  items: z.array(z.object({ title: z.string(), url: z.string(), linked: z.boolean().describe('Named by a risk linked to the incident (else only by suggested risks)'), risks: z.array(riskRefSchema) })),
});

export const riskIncidentsSchema = z.object({
  risk_id: z.string(),
  materialised: z.object({ last_12_months: z.number().int(), ever: z.number().int() }).describe('Every linked incident counts, restricted ones included'),
  items: z.array(
    z.object({
      incident: z.object({ id: z.string(), number: z.string(), title: z.string(), category: z.string(), severity: z.number().int(), phase: z.string(), occurred_at: instantOut.nullable(), detected_at: instantOut, closed_at: instantOut.nullable() }),
      materialised_at: instantOut.describe('When the incident occurred, or was detected when that is unknown'),
      note: z.string(),
      linked_at: instantOut,
    }),
  ),
  not_shown: z.number().int().describe('Linked incidents the viewer may not see (restricted, not a member)'),
});
