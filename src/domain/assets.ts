/**
 * Assets of the risk register: what the organisation would lose or suffer through (business
 * services, systems, data stores, people, suppliers), what data they hold, and what they depend on.
 */
export const ASSET_KINDS = ['business_service', 'system', 'data_store', 'person', 'supplier'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

export const DATA_CLASSIFICATIONS = ['personal_data', 'special_category', 'payment', 'secrets', 'confidential', 'intellectual_property', 'public'] as const;
export type DataClassification = (typeof DATA_CLASSIFICATIONS)[number];

/** The 249 officially assigned ISO 3166-1 alpha-2 country codes. */
const ISO_3166_ALPHA_2 =
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
  'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ ' +
  'NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
  'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ ' +
  'UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW';

/** Whose data an asset holds, by where they live: an ISO 3166-1 alpha-2 code or `EU` (the whole Union). */
export const JURISDICTIONS: ReadonlySet<string> = new Set([...ISO_3166_ALPHA_2.split(' '), 'EU']);

export const ASSET_NAME_MAX = 200;
export const ASSET_DESCRIPTION_MAX = 10_000;

/** An edge "asset depends on depends_on". */
export interface AssetDependency {
  asset_id: string;
  depends_on_id: string;
}

/**
 * The cycle that adding "asset depends on dependsOn" would close, as the chain of asset ids from
 * `assetId` back to itself (`[a, b, c, a]`), or null when the new edge keeps the graph acyclic.
 * A dependency on itself is the shortest cycle, `[a, a]`.
 */
export function dependencyCycle(existing: readonly AssetDependency[], assetId: string, dependsOnId: string): string[] | null {
  if (assetId === dependsOnId) return [assetId, assetId];
  const next = new Map<string, string[]>();
  for (const edge of existing) {
    const list = next.get(edge.asset_id);
    if (list) list.push(edge.depends_on_id);
    else next.set(edge.asset_id, [edge.depends_on_id]);
  }
  // Breadth first from dependsOn: the first path that reaches assetId is the shortest cycle.
  const cameFrom = new Map<string, string | null>([[dependsOnId, null]]);
  const queue = [dependsOnId];
  while (queue.length > 0) {
    const current = queue.shift()!;
    if (current === assetId) {
      const path: string[] = [];
      for (let at: string | null = current; at !== null; at = cameFrom.get(at) ?? null) path.unshift(at);
      return [assetId, ...path];
    }
    for (const following of next.get(current) ?? []) {
      if (cameFrom.has(following)) continue;
      cameFrom.set(following, current);
      queue.push(following);
    }
  }
  return null;
}
