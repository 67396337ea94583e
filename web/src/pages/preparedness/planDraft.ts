import type { PlanContent } from './types';

/** An id for a new item from its name ("Carla Ciso" → "carla-ciso"), unique among the others. */
export function slugFor(name: string, taken: readonly string[], fallback: string): string {
  const base = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48) || fallback;
  let id = base;
  for (let n = 2; taken.includes(id); n += 1) id = `${base}-${n}`;
  return id;
}

const clean = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);
const lines = (list: string[]) => list.map((l) => l.trim()).filter(Boolean);

/** What the editor holds, made ready for the API: ids filled in, blank optional fields left out, list lines trimmed. */
export function contentForSave(content: PlanContent): PlanContent {
  const ids = (items: Array<{ id: string }>, names: string[], fallback: string) => {
    const taken: string[] = [];
    return items.map((item, i) => {
      const id = item.id.trim() || slugFor(names[i] ?? '', [...taken, ...items.map((x) => x.id)], fallback);
      taken.push(id);
      return id;
    });
  };
  const teamIds = ids(content.team, content.team.map((c) => c.name), 'contact');
  const ruleIds = ids(content.escalation_rules, content.escalation_rules.map((r) => `severity-${r.severities.join('-')}`), 'rule');
  const templateIds = ids(content.templates, content.templates.map((t) => t.name), 'template');
  const partyIds = ids(content.third_parties, content.third_parties.map((t) => t.name), 'party');
  const playbookIds = ids(content.playbooks, content.playbooks.map((p) => p.title), 'playbook');
  return {
    ...content,
    team: content.team.map((c, i) => ({
      id: teamIds[i]!,
      name: c.name.trim(),
      title: c.title.trim(),
      incident_role: c.incident_role || null,
      deputies: c.deputies,
      ...(c.user_id ? { user_id: c.user_id } : {}),
      ...Object.fromEntries((['work_email', 'mobile_phone', 'personal_email', 'notes'] as const).flatMap((k) => (clean(c[k]) ? [[k, clean(c[k])]] : []))),
    })),
    severity_definitions: content.severity_definitions.map((d) => ({ ...d, examples: lines(d.examples) })),
    escalation_rules: content.escalation_rules.map((r, i) => ({ ...r, id: ruleIds[i]!, categories: lines(r.categories) })),
    templates: content.templates.map((t, i) => ({ ...t, id: templateIds[i]! })),
    third_parties: content.third_parties.map((t, i) => ({
      id: partyIds[i]!,
      kind: t.kind,
      name: t.name.trim(),
      ...Object.fromEntries((['contact_name', 'phone', 'email', 'contract_reference', 'policy_number', 'hotline', 'notes'] as const).flatMap((k) => (clean(t[k]) ? [[k, clean(t[k])]] : []))),
    })),
    playbooks: content.playbooks.map((p, i) => ({ ...p, id: playbookIds[i]!, categories: lines(p.categories) })),
  };
}

/** A starting point when there is no plan yet: the four severities and the usual cadence. */
export function emptyPlanContent(): PlanContent {
  return {
    title: 'Incident response plan',
    scope: '',
    meeting_place: '',
    out_of_band_channel: '',
    team: [],
    severity_definitions: [
      { severity: 1, name: 'Critical', description: 'Business-critical services down or sensitive data confirmed stolen.', examples: [] },
      { severity: 2, name: 'High', description: 'Significant impact or likely data exposure; spreading.', examples: [] },
      { severity: 3, name: 'Medium', description: 'Limited impact, contained to few systems.', examples: [] },
      { severity: 4, name: 'Low', description: 'No business impact; handled by the on-duty team.', examples: [] },
    ],
    escalation_rules: [],
    templates: [],
    third_parties: [],
    playbooks: [],
    status_update_cadence: [
      { severity: 1, every_minutes: 120, audience: 'executives' },
      { severity: 2, every_minutes: 240, audience: 'executives' },
    ],
  };
}
