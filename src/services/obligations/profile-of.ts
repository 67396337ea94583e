import type { StoredOrganisationProfile } from '../../domain/obligations/incident-facts.js';
import type { Db } from '../../store/database.js';
import { organisationTimeZone } from '../../store/repositories/incident-facts.js';
import { readSetting } from '../../store/repositories/plumbing.js';

/** The setting key; the reports (regulator drafts) read it too. */
export const PROFILE_SETTING = 'obligations.profile';

/** The stored profile, or an empty one in the organisation's zone (no regime applies until it is filled in). */
export async function profileOf(db: Db, organisationId: string): Promise<StoredOrganisationProfile> {
  const stored = await readSetting<StoredOrganisationProfile>(db, organisationId, PROFILE_SETTING);
  const timezone = stored?.timezone ?? (await organisationTimeZone(db, organisationId));
  return { contact_point: '', lead_supervisory_authority: '', custom_regimes: [], ...stored, timezone };
}
