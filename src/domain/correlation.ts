/**
 * Correlation at ingest: alerts that share a key (an observable, or a correlate rule's key) within a
 * window end up in one alert group. Pure: the store finds the earlier alerts holding each key, this
 * decides who joins which group.
 */

export interface EarlierHolder {
  alertId: string;
  groupId: string | null;
}

export interface GroupPlan {
  /** The existing group the alerts join, or null when a new group is to be made. */
  groupId: string | null;
  /** Indexes of the incoming alerts that join it. */
  incoming: number[];
  /** Earlier alerts not in any group yet that join it too. */
  earlier: string[];
  /** The keys that tied the group together (for its `reason`). */
  keys: string[];
}

class Components {
  private readonly parent = new Map<string, string>();
  find(node: string): string {
    let root = node;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    this.parent.set(node, root);
    return root;
  }
  join(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

/**
 * `incomingKeys[i]` are the keys of incoming alert i; `earlier` maps a key to the earlier alerts that
 * hold it within its window. Alerts already grouped pull newcomers into their group (the oldest group
 * when several meet); existing groups are never merged or re-shuffled.
 */
export function planGroups(incomingKeys: ReadonlyArray<readonly string[]>, earlier: ReadonlyMap<string, readonly EarlierHolder[]>): GroupPlan[] {
  // Only keys that tie something together matter: held by an earlier alert, or by two newcomers.
  const seen = new Map<string, number>();
  for (const keys of incomingKeys) for (const key of keys) seen.set(key, (seen.get(key) ?? 0) + 1);
  const linking = (key: string) => (seen.get(key) ?? 0) > 1 || (earlier.get(key)?.length ?? 0) > 0;
  const linkingKeys = incomingKeys.map((keys) => keys.filter(linking));

  const components = new Components();
  const keyNodes = new Map<string, string[]>();
  linkingKeys.forEach((keys, index) => {
    for (const key of keys) {
      const node = `k:${key}`;
      components.join(node, `i:${index}`);
      const members = keyNodes.get(node);
      if (members) {
        members.push(`i:${index}`);
        continue;
      }
      keyNodes.set(node, [`i:${index}`]);
      for (const holder of earlier.get(key) ?? []) components.join(node, holder.groupId ? `g:${holder.groupId}` : `a:${holder.alertId}`);
    }
  });

  const plans = new Map<string, { groups: Set<string>; incoming: number[]; earlier: Set<string>; keys: Set<string> }>();
  const planOf = (root: string) => {
    let plan = plans.get(root);
    if (!plan) plans.set(root, (plan = { groups: new Set(), incoming: [], earlier: new Set(), keys: new Set() }));
    return plan;
  };
  linkingKeys.forEach((keys, index) => {
    if (keys.length) planOf(components.find(`i:${index}`)).incoming.push(index);
  });
  for (const [key, holders] of earlier) {
    const node = `k:${key}`;
    if (!keyNodes.has(node)) continue;
    const plan = planOf(components.find(node));
    for (const holder of holders) {
      if (holder.groupId) plan.groups.add(holder.groupId);
      else plan.earlier.add(holder.alertId);
    }
  }
  for (const [node, members] of keyNodes) {
    const plan = planOf(components.find(node));
    if (members.length > 1 || (earlier.get(node.slice(2))?.length ?? 0) > 0) plan.keys.add(node.slice(2));
  }

  const result: GroupPlan[] = [];
  for (const plan of plans.values()) {
    const size = plan.incoming.length + plan.earlier.size + plan.groups.size;
    if (plan.incoming.length === 0 || size < 2) continue;
    const groupId = [...plan.groups].sort()[0] ?? null;
    result.push({ groupId, incoming: plan.incoming, earlier: [...plan.earlier].sort(), keys: [...plan.keys].sort() });
  }
  return result;
}
