import { INCIDENT_ROLE_LABELS, INCIDENT_ROLES, ROLE_LABELS, ROLES, SINGLE_HOLDER_ROLES } from '../../domain/access.js';
import { RESOLUTIONS, SEVERITIES, SEVERITY_LABELS, TLP_LEVELS } from '../../domain/incident.js';
import { PHASE_LABELS, PHASES } from '../../domain/lifecycle.js';
import { FUNCTIONAL_IMPACTS, INFORMATION_IMPACTS, RECOVERABILITIES } from '../../domain/severity.js';
import { TASK_STATUSES } from '../../domain/task.js';
import { listIncidentCategories, type CategoryRecord } from '../categories/list-categories.js';
import type { ServiceContext } from '../context.js';
import { FUNCTIONAL_IMPACT_LABELS, INFORMATION_IMPACT_LABELS, RECOVERABILITY_LABELS, RESOLUTION_LABELS, TASK_STATUS_LABELS, TLP_LABELS } from './labels.js';

export interface Choice<Id extends string | number = string> {
  id: Id;
  label: string;
}

export interface Vocabulary {
  phases: Choice[];
  severities: Choice<number>[];
  categories: CategoryRecord[];
  tlp: Choice[];
  resolutions: Choice[];
  roles: Choice[];
  incident_roles: Array<Choice & { single_holder: boolean }>;
  functional_impacts: Choice[];
  information_impacts: Choice[];
  recoverabilities: Choice[];
  task_statuses: Choice[];
}

const choices = <Id extends string | number>(ids: readonly Id[], labels: Record<Id, string>): Choice<Id>[] => ids.map((id) => ({ id, label: labels[id] }));

/** Everything the web app needs to label values and fill pickers, in display order. */
export async function describeVocabulary(ctx: ServiceContext): Promise<Vocabulary> {
  return {
    phases: choices(PHASES, PHASE_LABELS),
    severities: choices(SEVERITIES, SEVERITY_LABELS),
    categories: await listIncidentCategories(ctx),
    tlp: choices(TLP_LEVELS, TLP_LABELS),
    resolutions: choices(RESOLUTIONS, RESOLUTION_LABELS),
    roles: choices(ROLES, ROLE_LABELS),
    incident_roles: INCIDENT_ROLES.map((id) => ({ id, label: INCIDENT_ROLE_LABELS[id], single_holder: SINGLE_HOLDER_ROLES.has(id) })),
    functional_impacts: choices(FUNCTIONAL_IMPACTS, FUNCTIONAL_IMPACT_LABELS),
    information_impacts: choices(INFORMATION_IMPACTS, INFORMATION_IMPACT_LABELS),
    recoverabilities: choices(RECOVERABILITIES, RECOVERABILITY_LABELS),
    task_statuses: choices(TASK_STATUSES, TASK_STATUS_LABELS),
  };
}
