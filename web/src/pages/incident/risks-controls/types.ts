// No relative imports here: the unit tests load this file under Node's module rules.

/** Shapes of the incident's links to the register (issue #5), kept by hand like web/src/api/types.ts. */

/** What a control did in one incident (docs/reviews.md). */
export const CONTROL_OUTCOMES = ['worked', 'detected', 'failed', 'bypassed', 'absent'] as const;
export type ControlOutcomeKind = (typeof CONTROL_OUTCOMES)[number];

export const OUTCOME_LABELS: Record<ControlOutcomeKind, string> = {
  worked: 'Worked (prevented)',
  detected: 'Detected',
  failed: 'Failed',
  bypassed: 'Bypassed',
  absent: 'Absent',
};

/** Colour with a second cue: the label is always shown beside it. */
export const OUTCOME_COLORS: Record<ControlOutcomeKind, string> = {
  worked: 'teal',
  detected: 'blue',
  failed: 'red',
  bypassed: 'orange',
  absent: 'gray',
};

export const outcomeLabel = (outcome: string): string => OUTCOME_LABELS[outcome as ControlOutcomeKind] ?? outcome.replace(/_/g, ' ');

export interface RiskRef {
  id: string;
  number: string;
  title: string;
  category?: string;
  status?: string;
  inherent_level?: string;
  residual_level?: string;
  owner_id?: string | null;
}

export interface IncidentRisk {
  incident_id: string;
  risk_id: string;
  risk: RiskRef;
  note: string;
  linked_at: string;
  linked_by: string;
  linked_by_name?: string;
}

/** Why a risk is suggested: a shared technique, the category, an asset named in the incident. */
export interface SuggestionReason {
  kind: 'technique' | 'category' | 'asset';
  text: string;
  techniques?: string[];
  category?: string;
  asset_name?: string;
  found_in?: string;
  value?: string;
}

export interface SuggestedRisk {
  risk_id: string;
  risk: RiskRef;
  reasons: SuggestionReason[];
  score?: number;
}

export interface ControlRef {
  id: string;
  ref: string;
  title: string;
  implementation_status?: string;
  effectiveness?: number | null;
}

export interface ControlOutcome {
  id: string;
  incident_id: string;
  control_id: string;
  control: ControlRef;
  outcome: ControlOutcomeKind;
  note: string;
  recorded_at: string;
  recorded_by: string;
  recorded_by_name?: string;
  updated_at: string;
  version: number;
}

/** A playbook a risk names; `linked` when a linked risk names it (else only suggested ones do). */
export interface SuggestedPlaybook {
  title: string;
  url: string;
  linked: boolean;
  risks: RiskRef[];
}

/** One reason as people read it; the server words it, the kind is the fallback. */
export function reasonText(reason: SuggestionReason): string {
  if (reason.text) return reason.text;
  if (reason.kind === 'technique') return `Shares ${reason.techniques?.join(', ') || 'a technique'}`;
  if (reason.kind === 'category') return `Same category${reason.category ? `: ${reason.category.replace(/_/g, ' ')}` : ''}`;
  return `Asset ${reason.asset_name ?? reason.value ?? ''} named in the incident`.replace('  ', ' ');
}

/** Suggestions not linked yet, each once, in the order the server ranked them. */
export function openSuggestions(suggestions: SuggestedRisk[], linked: IncidentRisk[]): SuggestedRisk[] {
  const taken = new Set(linked.map((l) => l.risk_id));
  const seen = new Set<string>();
  return suggestions.filter((s) => {
    if (taken.has(s.risk_id) || seen.has(s.risk_id)) return false;
    seen.add(s.risk_id);
    return true;
  });
}

/** Playbooks once per address, those of linked risks first, with every risk that names them. */
export function groupPlaybooks(playbooks: SuggestedPlaybook[]): SuggestedPlaybook[] {
  const byUrl = new Map<string, SuggestedPlaybook>();
  for (const p of playbooks) {
    const entry = byUrl.get(p.url) ?? { title: p.title, url: p.url, risks: [], linked: false };
    for (const r of p.risks) if (!entry.risks.some((x) => x.id === r.id)) entry.risks.push(r);
    entry.linked = entry.linked || p.linked;
    byUrl.set(p.url, entry);
  }
  return [...byUrl.values()].sort((a, b) => Number(b.linked) - Number(a.linked) || a.title.localeCompare(b.title));
}

/** Only web addresses become links; anything else (a path on a share) is shown as text. */
export function isWebAddress(url: string): boolean {
  return /^https?:\/\//i.test(url);
}
