import type { StoredOrganisationProfile } from '../../domain/obligations/incident-facts.js';
import type { Db } from '../../store/database.js';
import { readSetting } from '../../store/repositories/plumbing.js';
import { findOrganisation } from '../../store/repositories/people.js';

/** The setting key; the reports (regulator drafts) read it too. */
export const PROFILE_SETTING = 'obligations.profile';

/** The stored profile, or an empty one in the organisation's zone (no regime applies until it is filled in). */
export async function profileOf(db: Db, organisationId: string): Promise<StoredOrganisationProfile> {
  const stored = await readSetting<StoredOrganisationProfile>(db, organisationId, PROFILE_SETTING);
  const timezone = stored?.timezone ?? ((await findOrganisation(db, organisationId))?.timezone ?? 'UTC');
  return { contact_point: '', lead_supervisory_authority: '', custom_regimes: [], ...stored, timezone };
}
