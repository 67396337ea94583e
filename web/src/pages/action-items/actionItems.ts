/**
 * Action items across reviews: the view's filters (kept in the URL), what counts as overdue, and the
 * overdue list per owner. No relative imports: the unit tests load this file under Node's module rules.
 */
export const ACTION_ITEM_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];
export const STATUS_LABELS: Record<ActionItemStatus, string> = { open: 'Open', in_progress: 'In progress', done: 'Done', cancelled: 'Cancelled' };

export const ACTION_ITEM_KINDS = ['control_improvement', 'new_control', 'new_risk', 'treatment_change', 'playbook_change', 'other'] as const;

/** As `GET /api/v1/action-items` answers: the owner and the incident expanded (older shapes had bare ids). */
export interface ActionItem {
  id: string;
  incident_id?: string | null;
  review_id: string | null;
  title: string;
  description: string;
  kind: string;
  owner_id?: string | null;
  due_at: string | null;
  status: ActionItemStatus | string;
  control_id: string | null;
  risk_id: string | null;
  done_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
  overdue?: boolean;
  incident?: { id: string; number: string; title: string } | null;
  owner?: { id: string; name: string } | null;
}

export interface ActionItemFilters {
  scope: 'mine' | 'all';
  owner: string | null;
  status: ActionItemStatus | null;
  overdue: boolean;
}

export function readActionItemFilters(params: URLSearchParams): ActionItemFilters {
  const status = params.get('status');
  return {
    scope: params.get('scope') === 'all' ? 'all' : 'mine',
    owner: params.get('owner') || null,
    status: (ACTION_ITEM_STATUSES as readonly string[]).includes(status ?? '') ? (status as ActionItemStatus) : null,
    overdue: params.get('overdue') === 'true',
  };
}

/** The URL for a view; defaults are left out so a plain /action-items is "mine". */
export function writeActionItemFilters(filters: ActionItemFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.scope === 'all') params.set('scope', 'all');
  if (filters.scope === 'all' && filters.owner) params.set('owner', filters.owner);
  if (filters.status) params.set('status', filters.status);
  if (filters.overdue) params.set('overdue', 'true');
  return params;
}

/** The API query (`GET /api/v1/action-items`) for a view: "mine" is the viewer as owner. */
export function actionItemQuery(filters: ActionItemFilters, me: string): Record<string, string | undefined> {
  return {
    owner_id: filters.scope === 'mine' ? me : (filters.owner ?? undefined),
    status: filters.status ?? undefined,
    overdue: filters.overdue ? 'true' : undefined,
  };
}

export const ownerIdOf = (item: Pick<ActionItem, 'owner' | 'owner_id'>): string | null => item.owner?.id ?? item.owner_id ?? null;
export const incidentIdOf = (item: Pick<ActionItem, 'incident' | 'incident_id'>): string | null => item.incident?.id ?? item.incident_id ?? null;

const CLOSED = new Set(['done', 'cancelled']);

/** Past its due date and neither done nor cancelled. */
export function isOverdue(item: Pick<ActionItem, 'due_at' | 'status'>, now: number = Date.now()): boolean {
  return !!item.due_at && !CLOSED.has(item.status) && new Date(item.due_at).getTime() < now;
}

/** Whole days past due (0 when not overdue). */
export function daysOverdue(item: Pick<ActionItem, 'due_at' | 'status'>, now: number = Date.now()): number {
  if (!isOverdue(item, now)) return 0;
  return Math.floor((now - new Date(item.due_at!).getTime()) / 86_400_000);
}

export interface OwnerOverdue {
  ownerId: string | null;
  ownerName: string | null;
  count: number;
  oldestDueAt: string;
}

/** Overdue items per owner, the owner with the most first (then the oldest due date). */
export function overdueByOwner(items: Array<Pick<ActionItem, 'owner' | 'owner_id' | 'due_at' | 'status'>>, now: number = Date.now()): OwnerOverdue[] {
  const owners = new Map<string, OwnerOverdue>();
  for (const item of items) {
    if (!isOverdue(item, now)) continue;
    const ownerId = ownerIdOf(item);
    const key = ownerId ?? '';
    const entry = owners.get(key) ?? { ownerId, ownerName: item.owner?.name ?? null, count: 0, oldestDueAt: item.due_at! };
    entry.count += 1;
    if (item.due_at! < entry.oldestDueAt) entry.oldestDueAt = item.due_at!;
    owners.set(key, entry);
  }
  return [...owners.values()].sort((a, b) => b.count - a.count || a.oldestDueAt.localeCompare(b.oldestDueAt));
}
