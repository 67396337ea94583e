import type { Role } from '../../domain/access.js';
import { conflict } from '../../domain/errors.js';
import type { Actor, ServiceContext } from '../context.js';
import { addUser } from '../users/add-user.js';
import { listUsers } from '../users/list-users.js';

export const SAMPLE_PEOPLE = {
  sofia: { email: 'sofia.ic@sample.bulwark.invalid', name: 'Sofia Marin (sample)', role: 'incident_manager' },
  devraj: { email: 'devraj.lead@sample.bulwark.invalid', name: 'Devraj Patel (sample)', role: 'responder' },
  mia: { email: 'mia.analyst@sample.bulwark.invalid', name: 'Mia Chen (sample)', role: 'analyst' },
  tom: { email: 'tom.comms@sample.bulwark.invalid', name: 'Tom Okafor (sample)', role: 'stakeholder' },
  lena: { email: 'lena.legal@sample.bulwark.invalid', name: 'Lena Vogel (sample)', role: 'stakeholder' },
  ravi: { email: 'ravi.hr@sample.bulwark.invalid', name: 'Ravi Iyer (sample)', role: 'stakeholder' },
  priya: { email: 'priya.risk@sample.bulwark.invalid', name: 'Priya Shah (sample)', role: 'risk_owner' },
} as const satisfies Record<string, { email: string; name: string; role: Role }>;

export type Cast = Record<keyof typeof SAMPLE_PEOPLE, Actor>;

export interface SamplePerson {
  email: string;
  name: string;
  role: Role;
  created: boolean;
}

/**
 * The sample people, added when absent. Their passwords are random and never shown: to sign in as one,
 * reset its password. A sample person an administrator disabled stays disabled, and the demo stops.
 */
export async function ensureSamplePeople(ctx: ServiceContext): Promise<{ cast: Cast; people: SamplePerson[] }> {
  const existing = new Map((await listUsers(ctx, { includeDisabled: true })).map((u) => [u.email, u]));
  const cast = {} as Cast;
  const people: SamplePerson[] = [];
  for (const [key, person] of Object.entries(SAMPLE_PEOPLE) as [keyof Cast, (typeof SAMPLE_PEOPLE)[keyof Cast]][]) {
    let user = existing.get(person.email);
    if (user?.disabled) throw conflict(`Sample user ${person.email} is disabled; enable it (bulwark user enable ${person.email}) to load sample data.`);
    const created = !user;
    if (!user) user = (await addUser(ctx, { email: person.email, name: person.name, role: person.role })).user;
    cast[key] = { userId: user.id, organisationId: ctx.actor.organisationId, role: user.role, principal: user.id, name: user.name };
    people.push({ email: user.email, name: user.name, role: user.role, created });
  }
  return { cast, people };
}
