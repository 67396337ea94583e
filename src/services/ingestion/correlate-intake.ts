import { DEFAULT_CORRELATION_WINDOW_SECONDS, windowStart } from '../../domain/alert-rules.js';
import { planGroups, type EarlierHolder } from '../../domain/correlation.js';
import { newId } from '../../domain/ids.js';
import { growAlertGroup, holdersOfObservables, holdersOfRuleKeys, insertAlertGroup, knownObservables, moveIntoGroup } from '../../store/repositories/alert-correlation.js';
import type { UnitOfWork } from '../transaction.js';
import type { CheckedAlert } from './alert-input.js';

/** A new alert of the request, as correlation sees it. */
export interface NewcomerForGrouping {
  alert_id: string;
  alert: CheckedAlert;
  correlation: { rule: { id: string; name: string; window_seconds: number | null }; key: string } | null;
}

const groupTitle = (keys: string[], firstTitle: string) => {
  const observable = keys.find((k) => k.startsWith('o:'));
  if (observable) {
    const [type, ...value] = observable.slice(2).split(':');
    return `Alerts sharing ${type} ${value.join(':')}`.slice(0, 300);
  }
  return `Alerts like "${firstTitle}"`.slice(0, 300);
};

/**
 * Groups the request's new alerts with each other and with earlier alerts: by shared observables
 * within a day (observables marked to ignore similarity do not count), and by correlate rules'
 * keys within each rule's window. Writes the groups; answers each newcomer's group id, and the
 * observables already stored (`type:value` → id) so the write that follows knows which are new.
 */
export async function correlateNewcomers(uow: UnitOfWork, newcomers: NewcomerForGrouping[]): Promise<{ groupOf: Map<string, string>; stored: Map<string, string> }> {
  const organisationId = uow.actor.organisationId;
  const groupOf = new Map<string, string>();
  if (newcomers.length === 0) return { groupOf, stored: new Map() };
  const known = await knownObservables(uow.db, organisationId, newcomers.flatMap((n) => n.alert.observables));
  const stored = new Map([...known].map(([k, o]) => [k, o.id]));
  const ignored = (key: string) => known.get(key)?.ignore === true;
  const keysOf = newcomers.map((n) => [
    ...n.alert.observables.map((o) => `${o.type}:${o.value}`).filter((k) => !ignored(k)).map((k) => `o:${k}`),
    ...(n.correlation ? [`r:${n.correlation.key}`] : []),
  ]);

  const earlier = new Map<string, EarlierHolder[]>();
  const remember = (key: string, holder: EarlierHolder) => {
    const list = earlier.get(key);
    if (list) list.push(holder);
    else earlier.set(key, [holder]);
  };
  // Only observables stored before this request can tie a newcomer to an earlier alert.
  const keyOfId = new Map([...known].filter(([, o]) => !o.ignore).map(([key, o]) => [o.id, key]));
  for (const h of await holdersOfObservables(uow.db, [...keyOfId.keys()], windowStart(uow.now, DEFAULT_CORRELATION_WINDOW_SECONDS))) {
    remember(`o:${keyOfId.get(h.observableId)!}`, { alertId: h.alertId, groupId: h.groupId });
  }
  const byRule = new Map<string, { window: number; keys: string[] }>();
  for (const n of newcomers) {
    if (!n.correlation) continue;
    const entry = byRule.get(n.correlation.rule.id) ?? { window: n.correlation.rule.window_seconds ?? DEFAULT_CORRELATION_WINDOW_SECONDS, keys: [] };
    entry.keys.push(n.correlation.key);
    byRule.set(n.correlation.rule.id, entry);
  }
  for (const { window, keys } of byRule.values()) {
    for (const h of await holdersOfRuleKeys(uow.db, organisationId, keys, windowStart(uow.now, window))) remember(`r:${h.key}`, { alertId: h.alertId, groupId: h.groupId });
  }

  for (const plan of planGroups(keysOf, earlier)) {
    const rules = [...new Map(plan.incoming.flatMap((i) => (newcomers[i]!.correlation ? [newcomers[i]!.correlation!.rule] : [])).map((r) => [r.id, { id: r.id, name: r.name }])).values()];
    const reason = {
      observables: plan.keys.filter((k) => k.startsWith('o:')).map((k) => {
        const [type, ...value] = k.slice(2).split(':');
        return { type, value: value.join(':') };
      }),
      rules: plan.keys.some((k) => k.startsWith('r:')) ? rules : [],
    };
    let groupId = plan.groupId;
    if (groupId === null) {
      groupId = newId('alertGroup');
      await insertAlertGroup(uow.db, {
        id: groupId, organisation_id: organisationId, title: groupTitle(plan.keys, newcomers[plan.incoming[0]!]!.alert.title), reason,
        alert_count: 0, seen_from: uow.now, seen_to: uow.now, at: uow.now,
      });
    }
    const moved = plan.earlier.length ? await moveIntoGroup(uow.db, groupId, plan.earlier, uow.now) : 0;
    await growAlertGroup(uow.db, groupId, plan.incoming.length + moved, uow.now);
    for (const i of plan.incoming) groupOf.set(newcomers[i]!.alert_id, groupId);
  }
  return { groupOf, stored };
}
