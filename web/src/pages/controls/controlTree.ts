// No relative imports here: the unit tests load this file under Node's module rules.

/** What the tree needs of a control. */
export interface TreeControl {
  id: string;
  ref: string;
  family: string;
  parent_ref: string | null;
  position: number;
}

export interface ControlNode<C extends TreeControl> {
  control: C;
  children: Array<ControlNode<C>>;
}

export interface FamilyGroup<C extends TreeControl> {
  /** The family's name, '' for controls without one. */
  family: string;
  roots: Array<ControlNode<C>>;
  /** Controls in the family, nested ones included. */
  count: number;
}

const byPosition = <C extends TreeControl>(a: ControlNode<C>, b: ControlNode<C>) =>
  a.control.position - b.control.position || a.control.ref.localeCompare(b.control.ref, undefined, { numeric: true });

/**
 * A catalog's controls as a tree: grouped by family (in order of first appearance by position), each
 * control under its parent (`parent_ref`). A control whose parent is not in the list (filtered out, or
 * in another family) stands as a root of its own family, so a filter never hides a match.
 */
export function buildControlTree<C extends TreeControl>(controls: C[]): Array<FamilyGroup<C>> {
  const nodes = new Map<string, ControlNode<C>>();
  for (const control of controls) nodes.set(control.ref, { control, children: [] });
  const groups = new Map<string, FamilyGroup<C>>();
  const ordered = [...controls].sort((a, b) => a.position - b.position || a.ref.localeCompare(b.ref, undefined, { numeric: true }));
  for (const control of ordered) {
    if (!groups.has(control.family)) groups.set(control.family, { family: control.family, roots: [], count: 0 });
  }
  for (const control of ordered) {
    const node = nodes.get(control.ref)!;
    const parent = control.parent_ref ? nodes.get(control.parent_ref) : undefined;
    const group = groups.get(control.family)!;
    group.count += 1;
    if (parent && parent !== node && !isAncestor(node, parent, nodes)) parent.children.push(node);
    else group.roots.push(node);
  }
  const sortDeep = (list: Array<ControlNode<C>>) => {
    list.sort(byPosition);
    for (const n of list) sortDeep(n.children);
  };
  for (const group of groups.values()) sortDeep(group.roots);
  return [...groups.values()];
}

/** Guards against a parent_ref loop in imported data (a → b → a): such a control becomes a root. */
function isAncestor<C extends TreeControl>(node: ControlNode<C>, candidate: ControlNode<C>, nodes: Map<string, ControlNode<C>>): boolean {
  const seen = new Set<string>();
  let current: ControlNode<C> | undefined = candidate;
  while (current && !seen.has(current.control.ref)) {
    if (current === node) return true;
    seen.add(current.control.ref);
    current = current.control.parent_ref ? nodes.get(current.control.parent_ref) : undefined;
  }
  return false;
}

export interface TreeRow<C extends TreeControl> {
  control: C;
  depth: number;
  hasChildren: boolean;
}

/** The rows to draw, depth first; the children of a collapsed control (by id) are left out. */
export function visibleRows<C extends TreeControl>(roots: Array<ControlNode<C>>, collapsed: ReadonlySet<string>): Array<TreeRow<C>> {
  const rows: Array<TreeRow<C>> = [];
  const walk = (list: Array<ControlNode<C>>, depth: number) => {
    for (const node of list) {
      rows.push({ control: node.control, depth, hasChildren: node.children.length > 0 });
      if (!collapsed.has(node.control.id)) walk(node.children, depth + 1);
    }
  };
  walk(roots, 0);
  return rows;
}

export type TestDue = 'none' | 'overdue' | 'soon' | 'scheduled';

/** Whether a control's next test has passed (overdue), falls within `soonDays`, or is further off. */
export function testDue(nextTestAt: string | null | undefined, now: number = Date.now(), soonDays = 30): TestDue {
  if (!nextTestAt) return 'none';
  const at = new Date(nextTestAt).getTime();
  if (Number.isNaN(at)) return 'none';
  if (at < now) return 'overdue';
  if (at - now <= soonDays * 86_400_000) return 'soon';
  return 'scheduled';
}

/** The view of /controls, all in the URL so it can be shared. */
export interface ControlFilters {
  /** A catalog id, 'custom' for the organisation's own controls, or null before one is chosen. */
  catalog: string | null;
  status: string | null;
  family: string | null;
  q: string;
  reliedOn: boolean;
  overdue: boolean;
}

export function readControlFilters(params: URLSearchParams): ControlFilters {
  return {
    catalog: params.get('catalog') || null,
    status: params.get('status') || null,
    family: params.get('family') || null,
    q: params.get('q') ?? '',
    reliedOn: params.get('relied_on') === 'true',
    overdue: params.get('overdue') === 'true',
  };
}

export function writeControlFilters(filters: ControlFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.catalog) params.set('catalog', filters.catalog);
  if (filters.status) params.set('status', filters.status);
  if (filters.family) params.set('family', filters.family);
  if (filters.q) params.set('q', filters.q);
  if (filters.reliedOn) params.set('relied_on', 'true');
  if (filters.overdue) params.set('overdue', 'true');
  return params;
}

/** GET /controls query for the filters (the overdue filter is applied in the page, on next_test_at). */
export function controlQuery(filters: ControlFilters): Record<string, string | boolean | undefined> {
  return {
    catalog_id: filters.catalog ?? undefined,
    implementation_status: filters.status ?? undefined,
    family: filters.family ?? undefined,
    q: filters.q.trim() || undefined,
    relied_on: filters.reliedOn ? true : undefined,
  };
}

export const hasControlFilters = (f: ControlFilters): boolean => Boolean(f.status || f.family || f.q || f.reliedOn || f.overdue);

/** Effectiveness as people read it: "70 %", or "not rated". */
export function formatEffectiveness(value: number | null | undefined): string {
  return value === null || value === undefined ? 'not rated' : `${Math.round(value)} %`;
}

/** A 0–100 effectiveness from whatever an input gave; null when empty. */
export function clampEffectiveness(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) return null;
  return Math.min(100, Math.max(0, Math.round(n)));
}
