import type { CommunicationTemplate } from '../../../src/domain/plan.js';
import type { ServiceContext } from '../../../src/services/context.js';
import { insertApprovedPlan } from '../../support/plan-fixture.js';

/** Communication templates as a typical plan has them: a media holding statement, a regulator note, an internal status update. */
export const TEMPLATES: CommunicationTemplate[] = [
  {
    id: 'media-holding',
    name: 'Media holding statement',
    audience: 'media',
    channel: 'email',
    holding_statement: true,
    subject: '{{organisation.name}} statement on {{incident.title}}',
    body: '{{organisation.name}} is investigating a security incident detected on {{incident.detected_at}} ({{incident.number}}). Summary: {{incident.summary}}. Our incident commander is {{incident.commander}}. Next update by {{next_update_at}}.',
  },
  {
    id: 'regulator-note',
    name: 'Note to the regulator',
    audience: 'regulators',
    channel: 'portal',
    holding_statement: false,
    subject: 'Incident {{incident.number}} — severity {{incident.severity}} ({{incident.severity_name}})',
    body: 'Category: {{incident.category}}. Phase: {{incident.phase}}. As of {{today}}.',
  },
  {
    id: 'exec-update',
    name: 'Executive status update',
    audience: 'executives',
    channel: 'email',
    holding_statement: false,
    subject: 'Status update {{incident.number}}',
    body: 'Phase: {{incident.phase}}. Next update: {{next_update_at}}.',
  },
];

/** Puts a plan in force with these templates and the default cadence (severity 1 every 2 hours, severity 2 every 4). */
export async function planWithTemplates(ctx: Pick<ServiceContext, 'database' | 'actor'>): Promise<void> {
  await insertApprovedPlan(ctx, { templates: TEMPLATES });
}
