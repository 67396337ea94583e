/** The parts of GET /api/v1/incidents/{id}/techniques read here (kept here so the module stands alone). */
interface Tagged {
  technique_id: string;
  name: string;
  tags: Array<{ timeline_entry_id: string | null }>;
}

export interface EntryTechnique {
  technique_id: string;
  name: string;
}

/**
 * The techniques tagged on each timeline entry (by entry id), each once even when its tactics put it
 * under several columns, in id order.
 */
export function techniquesByEntry(view: { by_tactic: Array<{ techniques: Tagged[] }>; without_tactic: Tagged[] } | undefined): Map<string, EntryTechnique[]> {
  const byEntry = new Map<string, Map<string, EntryTechnique>>();
  if (!view) return new Map();
  for (const technique of [...view.by_tactic.flatMap((g) => g.techniques), ...view.without_tactic]) {
    for (const tag of technique.tags) {
      if (tag.timeline_entry_id === null) continue;
      const entry = byEntry.get(tag.timeline_entry_id) ?? new Map<string, EntryTechnique>();
      entry.set(technique.technique_id, { technique_id: technique.technique_id, name: technique.name });
      byEntry.set(tag.timeline_entry_id, entry);
    }
  }
  return new Map([...byEntry].map(([id, techniques]) => [id, [...techniques.values()].sort((a, b) => a.technique_id.localeCompare(b.technique_id, 'en', { numeric: true }))]));
}
