/** The parts of a rule the summary reads (kept here so the module stands alone). */
interface RuleShape {
  kind: 'fingerprint' | 'snooze' | 'correlate' | 'attach';
  conditions: { source?: string[]; type?: string[]; severity?: number[]; tags?: string[]; title_contains?: string; observable_types?: string[] };
  fields: string[];
  window_seconds: number | null;
  until: string | null;
  incident_id: string | null;
}

const SEVERITY = ['', 'critical', 'high', 'medium', 'low'];

function duration(seconds: number): string {
  if (seconds % 86400 === 0) return `${seconds / 86400} d`;
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/** Which alerts a rule looks at, in words: "source splunk · severity critical, high". */
export function describeConditions(rule: Pick<RuleShape, 'conditions'>): string {
  const c = rule.conditions;
  const parts = [
    c.source?.length ? `source ${c.source.join(' or ')}` : '',
    c.type?.length ? `type ${c.type.join(' or ')}` : '',
    c.severity?.length ? `severity ${c.severity.map((s: number) => SEVERITY[s] ?? String(s)).join(', ')}` : '',
    c.tags?.length ? `tagged ${c.tags.join(' or ')}` : '',
    c.title_contains ? `title contains “${c.title_contains}”` : '',
    c.observable_types?.length ? `carries ${c.observable_types.join(' or ')}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'every alert';
}

/** What the rule does to them: "same source, title within 1 h", "until 2026-12-01", "into INC-…". */
export function describeEffect(rule: Omit<RuleShape, 'conditions'>): string {
  switch (rule.kind) {
    case 'fingerprint':
    case 'correlate':
      return `same ${rule.fields.join(', ')}${rule.window_seconds ? ` within ${duration(rule.window_seconds)}` : ''}`;
    case 'snooze':
      return rule.until ? `until ${rule.until.slice(0, 16).replace('T', ' ')} UTC` : 'until disabled';
    default:
      return `into incident ${rule.incident_id ?? '?'}`;
  }
}
