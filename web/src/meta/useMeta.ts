import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../api/client';
import { FALLBACK_LABELS, type Labels, type Option } from './fallback';

export type { Labels, Option } from './fallback';

type Raw = Partial<Record<keyof Labels, unknown>>;

/** The server may list plain ids ("amber") or {id,label}; either becomes an Option, labelled by the fallback if needed. */
function normalise(raw: unknown, fallback: Option[]): Option[] {
  if (!Array.isArray(raw) || raw.length === 0) return fallback;
  return raw.map((entry: unknown) => {
    if (typeof entry === 'string' || typeof entry === 'number') {
      return { id: String(entry), label: fallback.find((f) => String(f.id) === String(entry))?.label ?? String(entry) };
    }
    const value = entry as { id?: unknown; key?: unknown; label?: unknown };
    const id = String(value.id ?? value.key ?? '');
    return { id, label: typeof value.label === 'string' ? value.label : id };
  });
}

function merge(raw: Raw | undefined): Labels {
  if (!raw) return FALLBACK_LABELS;
  const f = FALLBACK_LABELS;
  const categories = Array.isArray(raw.categories) && raw.categories.length > 0 ? (raw.categories as Labels['categories']) : f.categories;
  const incidentRoles = Array.isArray(raw.incident_roles) && raw.incident_roles.length > 0 ? (raw.incident_roles as Labels['incident_roles']) : f.incident_roles;
  return {
    phases: normalise(raw.phases, f.phases) as Labels['phases'],
    severities: normalise(raw.severities, f.severities.map((s) => ({ id: String(s.id), label: s.label }))).map((s) => ({ id: Number(s.id), label: s.label })),
    categories,
    tlp: normalise(raw.tlp, f.tlp),
    resolutions: normalise(raw.resolutions, f.resolutions),
    roles: normalise(raw.roles, f.roles),
    incident_roles: incidentRoles,
    functional_impacts: normalise(raw.functional_impacts, f.functional_impacts),
    information_impacts: normalise(raw.information_impacts, f.information_impacts),
    recoverabilities: normalise(raw.recoverabilities, f.recoverabilities),
    task_statuses: normalise(raw.task_statuses, f.task_statuses),
  };
}

export interface MetaLookup extends Labels {
  /** True while the server's labels have not arrived (the built-in ones are shown meanwhile). */
  fallback: boolean;
  label(list: keyof Omit<Labels, 'categories'>, id: string | number | null | undefined): string;
  categoryLabel(key: string): string;
}

/** Labels for the app's vocabulary (GET /api/v1/meta), with built-in labels until/unless it answers. */
export function useMeta(): MetaLookup {
  const query = useQuery({
    queryKey: ['meta'],
    queryFn: () => api.get<Raw>('/api/v1/meta'),
    staleTime: 5 * 60_000,
    retry: false,
  });
  return useMemo(() => {
    const labels = merge(query.data);
    return {
      ...labels,
      fallback: !query.data,
      label: (list, id) => {
        if (id === null || id === undefined) return '';
        const entries = labels[list] as Array<{ id: string | number; label: string }>;
        return entries.find((e) => String(e.id) === String(id))?.label ?? String(id).replaceAll('_', ' ');
      },
      categoryLabel: (key) => labels.categories.find((c) => c.key === key)?.label ?? key.replaceAll('_', ' '),
    };
  }, [query.data]);
}
