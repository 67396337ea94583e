/**
 * Which register risks an incident may be the materialisation of (issue #5), and why: a shared
 * ATT&CK technique, a matching category, or one of the risk's assets named in the incident. Pure
 * rules; the service gathers the facts.
 */

/** What a control did in one incident. */
export const CONTROL_OUTCOMES = ['worked', 'detected', 'failed', 'bypassed', 'absent'] as const;
export type ControlOutcome = (typeof CONTROL_OUTCOMES)[number];

/** How the timeline says it: "Control AC-2 failed", "Control AC-2 was bypassed". */
export const CONTROL_OUTCOME_PHRASES: Record<ControlOutcome, string> = {
  worked: 'worked (prevented it)',
  detected: 'detected it',
  failed: 'failed',
  bypassed: 'was bypassed',
  absent: 'was absent',
};

/**
 * Incident categories (src/domain/incident.ts) and the register categories (SUGGESTED_RISK_CATEGORIES)
 * they usually materialise. Identical keys always match, so custom categories shared by both work too.
 */
export const RISK_CATEGORIES_FOR_INCIDENT: Readonly<Record<string, readonly string[]>> = {
  ransomware: ['cyber_attack', 'outage'],
  malware: ['cyber_attack'],
  phishing: ['cyber_attack', 'fraud'],
  business_email_compromise: ['fraud', 'cyber_attack'],
  account_compromise: ['cyber_attack'],
  data_breach: ['data_breach'],
  denial_of_service: ['cyber_attack', 'outage'],
  insider: ['insider'],
  lost_or_stolen_device: ['data_breach', 'physical'],
  web_application: ['cyber_attack'],
  supply_chain: ['third_party'],
};

export interface SuggestionIncident {
  title: string;
  summary: string;
  category: string;
  /** ATT&CK ids tagged on the incident or its timeline entries. */
  techniques: readonly string[];
  /** Hostname observables sighted on the incident. */
  hostnames: readonly string[];
}

export interface SuggestionCandidate {
  id: string;
  status: string;
  category: string;
  techniques: readonly string[];
  assets: ReadonlyArray<{ id: string; name: string }>;
}

export type SuggestionReason =
  | { kind: 'technique'; techniques: string[]; text: string }
  | { kind: 'category'; category: string; incident_category: string; text: string }
  | { kind: 'asset'; asset_id: string; asset_name: string; found_in: 'title' | 'summary' | 'hostname'; value: string; text: string };

export interface RiskSuggestion {
  risk_id: string;
  reasons: SuggestionReason[];
  /** Techniques weigh most, then assets, then the category; higher first. */
  score: number;
}

const WEIGHT = { technique: 3, asset: 2, category: 1 } as const;
/** Shorter asset names ("HR", "IT") would match ordinary words. */
export const MIN_ASSET_NAME_LENGTH = 3;

const norm = (value: string) => value.trim().toLowerCase();
const parentOf = (technique: string) => technique.split('.')[0]!;

/** The incident techniques a risk technique covers: the same id, or parent and sub-technique of each other. */
export function overlappingTechniques(riskTechniques: readonly string[], incidentTechniques: readonly string[]): string[] {
  const risk = riskTechniques.map((t) => t.trim().toUpperCase());
  const found = new Set<string>();
  for (const raw of incidentTechniques) {
    const technique = raw.trim().toUpperCase();
    if (risk.some((r) => r === technique || r === parentOf(technique) || parentOf(r) === technique)) found.add(technique);
  }
  return [...found].sort();
}

/** Whether an incident category and a risk category match (the same key, or a usual pairing). */
export function categoriesMatch(incidentCategory: string, riskCategory: string): boolean {
  const incident = norm(incidentCategory);
  const risk = norm(riskCategory);
  if (!incident || !risk) return false;
  return incident === risk || (RISK_CATEGORIES_FOR_INCIDENT[incident] ?? []).includes(risk);
}

/** Whether `name` appears in `text` as a whole word (not inside a longer name: "fs01" is not in "fs012"). */
export function mentions(text: string, name: string): boolean {
  const needle = norm(name);
  if (needle.length < MIN_ASSET_NAME_LENGTH) return false;
  const haystack = text.toLowerCase();
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    const before = haystack[at - 1];
    const after = haystack[at + needle.length];
    if (!isNameCharacter(before) && !isNameCharacter(after)) return true;
  }
  return false;
}

const isNameCharacter = (c: string | undefined) => c !== undefined && /[a-z0-9_-]/.test(c);

/** A hostname names an asset when they are equal, or when one is the other's first label (`fs01` and `fs01.corp.example`). */
export function hostnameNames(hostname: string, assetName: string): boolean {
  const host = norm(hostname).replace(/\.$/, '');
  const name = norm(assetName);
  if (name.length < MIN_ASSET_NAME_LENGTH || !host) return false;
  return host === name || host.split('.')[0] === name || name.split('.')[0] === host;
}

function assetReason(incident: SuggestionIncident, asset: { id: string; name: string }): SuggestionReason | null {
  const base = { kind: 'asset' as const, asset_id: asset.id, asset_name: asset.name };
  const host = incident.hostnames.find((h) => hostnameNames(h, asset.name));
  if (host !== undefined) return { ...base, found_in: 'hostname', value: host, text: `Asset ${asset.name} is the host ${host} seen in the incident` };
  if (mentions(incident.title, asset.name)) return { ...base, found_in: 'title', value: asset.name, text: `Asset ${asset.name} is named in the title` };
  if (mentions(incident.summary, asset.name)) return { ...base, found_in: 'summary', value: asset.name, text: `Asset ${asset.name} is named in the summary` };
  return null;
}

/** Why one risk matches the incident; empty when it does not. */
export function reasonsFor(incident: SuggestionIncident, risk: SuggestionCandidate): SuggestionReason[] {
  const reasons: SuggestionReason[] = [];
  const techniques = overlappingTechniques(risk.techniques, incident.techniques);
  if (techniques.length > 0) reasons.push({ kind: 'technique', techniques, text: `Shares ATT&CK ${techniques.length === 1 ? 'technique' : 'techniques'} ${techniques.join(', ')}` });
  if (categoriesMatch(incident.category, risk.category)) {
    const same = norm(incident.category) === norm(risk.category);
    const text = same ? `Same category: ${risk.category}` : `Category ${risk.category} fits a ${incident.category} incident`;
    reasons.push({ kind: 'category', category: risk.category, incident_category: incident.category, text });
  }
  for (const asset of risk.assets) {
    const reason = assetReason(incident, asset);
    if (reason) reasons.push(reason);
  }
  return reasons;
}

function scoreOf(reasons: SuggestionReason[]): number {
  return reasons.reduce((sum, r) => sum + (r.kind === 'technique' ? WEIGHT.technique * r.techniques.length : WEIGHT[r.kind]), 0);
}

/**
 * The risks to suggest for an incident, strongest first: open risks (not closed) not linked already,
 * with at least one reason. Ties keep the candidates' order (the caller passes them by number).
 */
export function suggestRisks(incident: SuggestionIncident, candidates: readonly SuggestionCandidate[], linkedRiskIds: ReadonlySet<string>): RiskSuggestion[] {
  const suggestions: Array<RiskSuggestion & { order: number }> = [];
  candidates.forEach((risk, order) => {
    if (risk.status === 'closed' || linkedRiskIds.has(risk.id)) return;
    const reasons = reasonsFor(incident, risk);
    if (reasons.length > 0) suggestions.push({ risk_id: risk.id, reasons, score: scoreOf(reasons), order });
  });
  return suggestions.sort((a, b) => b.score - a.score || a.order - b.order).map(({ order: _order, ...s }) => s);
}

/**
 * Playbooks to offer on an incident: those named by its linked risks first, then those of suggested
 * risks; each address once, with every risk that names it.
 */
export function suggestPlaybooks<R extends { id: string; playbooks: ReadonlyArray<{ title: string; url: string }> }>(
  linked: readonly R[],
  suggested: readonly R[],
): Array<{ title: string; url: string; linked: boolean; risks: R[] }> {
  const byUrl = new Map<string, { title: string; url: string; linked: boolean; risks: R[] }>();
  const add = (risk: R, isLinked: boolean) => {
    for (const playbook of risk.playbooks) {
      const entry = byUrl.get(playbook.url) ?? { title: playbook.title, url: playbook.url, linked: false, risks: [] };
      entry.linked ||= isLinked;
      if (!entry.risks.some((r) => r.id === risk.id)) entry.risks.push(risk);
      byUrl.set(playbook.url, entry);
    }
  };
  for (const risk of linked) add(risk, true);
  for (const risk of suggested) add(risk, false);
  return [...byUrl.values()].sort((a, b) => Number(b.linked) - Number(a.linked));
}
