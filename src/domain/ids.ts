import { monotonicFactory } from 'ulid';

/**
 * Ids are a short prefix naming the kind of thing and a ULID: sortable by creation time,
 * unguessable (80 random bits), and readable in logs (`inc_01JD…`).
 */
export const ID_PREFIX = {
  organisation: 'org',
  user: 'usr',
  session: 'ses',
  apiToken: 'tok',
  incident: 'inc',
  incidentMember: 'mem',
  task: 'tsk',
  timelineEntry: 'tle',
  phaseChange: 'phc',
  auditEntry: 'aud',
  outboxMessage: 'obx',
  category: 'cat',
  webhook: 'whk',
  webhookEvent: 'evt',
  webhookAttempt: 'wha',
  incidentTechnique: 'itq',
  alert: 'alr',
  alertGroup: 'alg',
  alertRule: 'arl',
  observable: 'obs',
  sighting: 'sgt',
} as const;

export type IdKind = keyof typeof ID_PREFIX;

const nextUlid = monotonicFactory();

export function newId(kind: IdKind): string {
  return `${ID_PREFIX[kind]}_${nextUlid().toLowerCase()}`;
}

export function isIdOf(kind: IdKind, value: string): boolean {
  return new RegExp(`^${ID_PREFIX[kind]}_[0-9a-hjkmnp-tv-z]{26}$`).test(value);
}
