import type { ActionItemRecord } from '../../services/action-items/action-item-record.js';

/** The public shape of an action item: the record without its tenancy column. */
export function presentActionItem(item: ActionItemRecord): Omit<ActionItemRecord, 'organisation_id'> {
  const { organisation_id: _organisation, ...visible } = item;
  return visible;
}
