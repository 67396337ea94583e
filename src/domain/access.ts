/** Organisation roles (DESIGN.md, "Security model") and what each may do. */
export const ROLES = ['admin', 'incident_manager', 'responder', 'analyst', 'risk_owner', 'stakeholder', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  incident_manager: 'Incident manager',
  responder: 'Responder',
  analyst: 'Analyst',
  risk_owner: 'Risk owner',
  stakeholder: 'Stakeholder (read-only)',
  auditor: 'Auditor (read-only + audit log)',
};

export const PERMISSIONS = [
  'incident.read',
  'incident.create',
  'incident.update',
  'incident.transition',
  'incident.manage_people',
  'incident.note',
  'task.write',
  'category.manage',
  'user.manage',
  'audit.read',
  'settings.manage',
  'alert.read',
  'alert.ingest',
  'alert.triage',
  'alert.rules.manage',
  'intel.import',
  'webhook.manage',
  'observable.read',
  'observable.write',
  'risk.read',
  'risk.write',
  'risk.configure',
  'review.write',
  'review.complete',
  'plan.read',
  'plan.write',
  'plan.approve',
  'communication.write',
  'decision.record',
  'obligation.write',
  'evidence.read',
  'evidence.write',
  'evidence.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const RESPONSE_WORK: Permission[] = [
  'incident.read',
  'incident.create',
  'incident.update',
  'incident.transition',
  'incident.note',
  'task.write',
];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set(PERMISSIONS),
  incident_manager: new Set<Permission>([...RESPONSE_WORK, 'incident.manage_people', 'category.manage', 'alert.read', 'alert.ingest', 'alert.triage', 'alert.rules.manage', 'intel.import', 'observable.read', 'observable.write', 'risk.read', 'review.write', 'review.complete', 'plan.read', 'plan.write', 'communication.write', 'decision.record', 'obligation.write', 'evidence.read', 'evidence.write', 'evidence.manage']),
  // Responders write the review with the incident manager, who completes it.
  responder: new Set<Permission>([...RESPONSE_WORK, 'alert.read', 'alert.ingest', 'alert.triage', 'observable.read', 'observable.write', 'risk.read', 'review.write', 'plan.read', 'communication.write', 'evidence.read', 'evidence.write']),
  analyst: new Set<Permission>(['incident.read', 'incident.create', 'incident.note', 'task.write', 'alert.read', 'alert.ingest', 'alert.triage', 'observable.read', 'observable.write', 'risk.read', 'plan.read', 'evidence.read', 'evidence.write']),
  // Risk owners keep the register: risks, assets, controls and catalogs, the matrix and the appetite.
  risk_owner: new Set<Permission>(['incident.read', 'alert.read', 'observable.read', 'risk.read', 'risk.write', 'risk.configure', 'plan.read']),
  stakeholder: new Set<Permission>(['incident.read', 'observable.read', 'risk.read', 'plan.read', 'evidence.read']),
  auditor: new Set<Permission>(['incident.read', 'audit.read', 'alert.read', 'observable.read', 'risk.read', 'plan.read', 'evidence.read']),
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

/** An API token may carry the role of its owner or a role whose permissions are a subset of it. */
export function roleWithin(candidate: Role, owner: Role): boolean {
  for (const p of ROLE_PERMISSIONS[candidate]) if (!ROLE_PERMISSIONS[owner].has(p)) return false;
  return true;
}

/** Roles a person can hold on one incident. */
export const INCIDENT_ROLES = [
  'incident_commander',
  'deputy_commander',
  'technical_lead',
  'communications_lead',
  'scribe',
  'liaison',
  'legal',
  'hr',
  'executive_sponsor',
  'observer',
] as const;
export type IncidentRole = (typeof INCIDENT_ROLES)[number];

export const INCIDENT_ROLE_LABELS: Record<IncidentRole, string> = {
  incident_commander: 'Incident commander',
  deputy_commander: 'Deputy commander',
  technical_lead: 'Technical lead',
  communications_lead: 'Communications lead',
  scribe: 'Scribe',
  liaison: 'Liaison',
  legal: 'Legal',
  hr: 'HR',
  executive_sponsor: 'Executive sponsor',
  observer: 'Observer',
};

/** Roles held by one person at a time: assigning someone new is a hand-over that ends the previous tenure. */
export const SINGLE_HOLDER_ROLES: ReadonlySet<IncidentRole> = new Set([
  'incident_commander',
  'deputy_commander',
  'technical_lead',
  'communications_lead',
  'scribe',
  'executive_sponsor',
]);
