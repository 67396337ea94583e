import { can, type Permission } from '../../domain/access.js';
import { forbidden } from '../../domain/errors.js';
import type { Actor } from '../context.js';

const REFUSALS: Partial<Record<Permission, string>> = {
  'incident.create': 'Your role cannot open incidents.',
  'incident.update': 'Your role cannot edit incidents.',
  'incident.transition': 'Your role cannot move incidents between phases.',
  'incident.manage_people': 'Only incident managers and administrators assign roles on an incident.',
  'incident.note': 'Your role cannot write on incident timelines.',
  'task.write': 'Your role cannot change tasks.',
  'user.manage': 'Only administrators manage users.',
  'audit.read': 'Only auditors and administrators read the audit log.',
  'category.manage': 'Only incident managers and administrators add incident categories.',
  'settings.manage': 'Only administrators change organisation settings.',
  'alert.read': 'Your role does not see the alert queue.',
  'alert.ingest': 'Your role cannot send alerts; give the sender a token with the analyst role.',
  'alert.rules.manage': 'Only incident managers and administrators change alert rules.',
  'alert.triage': 'Only analysts, responders, incident managers and administrators triage alerts.',
  'webhook.manage': 'Only administrators manage webhooks.',
  'observable.write': 'Only analysts, responders, incident managers and administrators change observables.',
  'intel.import': 'Only incident managers and administrators import threat intelligence (ATT&CK, STIX).',
  'risk.write': 'Only risk owners and administrators change the risk register.',
  'risk.configure': 'Only risk owners and administrators change the risk matrix and appetite.',
  'review.write': 'Only responders, incident managers and administrators write post-incident reviews and their action items.',
  'review.complete': 'Only incident managers and administrators complete post-incident reviews.',
};

export function authorize(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) throw forbidden(REFUSALS[permission] ?? `Your role (${actor.role}) does not allow ${permission}.`);
}
