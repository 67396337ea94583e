import { invalid } from '../../domain/errors.js';
import type { StoredOrganisationProfile } from '../../domain/obligations/incident-facts.js';
import { isValidTimeZone } from '../../domain/clocks.js';
import { regimeProblems } from '../../domain/obligations/regime-check.js';
import { BUILT_IN_REGIMES } from '../../domain/obligations/regimes.js';
import { openIncidentIdsWithFacts } from '../../store/repositories/incident-facts.js';
import { writeSetting } from '../../store/repositories/plumbing.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';
import { recomputeObligations } from './recompute-obligations.js';
import { lockIncidentForRecompute } from './lock-incident-for-recompute.js';
import { PROFILE_SETTING, profileOf } from './profile-of.js';

/** Who the organisation is for the regimes; everyone signed in may read it. */
export async function getOrganisationProfile(ctx: ServiceContext): Promise<StoredOrganisationProfile> {
  authorize(ctx.actor, 'incident.read');
  return profileOf(ctx.database.db, ctx.actor.organisationId);
}

/**
 * Replaces the profile (administrators) and recomputes the obligations of every open incident that
 * has facts, in the same transaction: a new regime starts its clocks at once.
 */
export async function setOrganisationProfile(ctx: ServiceContext, profile: StoredOrganisationProfile): Promise<{ profile: StoredOrganisationProfile; incidents_recomputed: number }> {
  authorize(ctx.actor, 'settings.manage');
  const problems = [
    ...(isValidTimeZone(profile.timezone) ? [] : [{ path: 'timezone', message: `not an IANA time zone: ${profile.timezone} (e.g. Europe/Berlin)` }]),
    ...regimeProblems(profile.custom_regimes, { prefix: 'custom_regimes', reservedIds: BUILT_IN_REGIMES.map((r) => r.id) }),
  ];
  if (problems.length) throw invalid('The organisation profile does not hold; see errors.', problems);
  return runInTransaction(ctx, async (uow) => {
    const organisationId = uow.actor.organisationId;
    const before = await profileOf(uow.db, organisationId);
    await writeSetting(uow.db, { organisation_id: organisationId, key: PROFILE_SETTING, value: profile, at: uow.now, by: uow.actor.userId });
    await uow.audit('obligations.profile_update', { type: 'setting', id: PROFILE_SETTING }, { before, after: profile });
    uow.emit({ type: 'settings.updated', entity_id: PROFILE_SETTING });
    const incidentIds = await openIncidentIdsWithFacts(uow.db, organisationId);
    for (const id of incidentIds) await recomputeObligations(uow, await lockIncidentForRecompute(uow, id), 'the organisation profile changed');
    return { profile, incidents_recomputed: incidentIds.length };
  });
}
