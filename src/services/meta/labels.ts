import type { Resolution, Tlp } from '../../domain/incident.js';
import type { FunctionalImpact, InformationImpact, Recoverability } from '../../domain/severity.js';
import type { TaskStatus } from '../../domain/task.js';

/** Display labels for vocabularies whose domain module names only the values; keyed by them so none is missed. */
export const TLP_LABELS: Record<Tlp, string> = {
  clear: 'TLP:CLEAR',
  green: 'TLP:GREEN',
  amber: 'TLP:AMBER',
  'amber+strict': 'TLP:AMBER+STRICT',
  red: 'TLP:RED',
};

export const RESOLUTION_LABELS: Record<Resolution, string> = {
  true_positive: 'True positive',
  false_positive: 'False positive',
  benign: 'Benign',
  duplicate: 'Duplicate',
};

export const FUNCTIONAL_IMPACT_LABELS: Record<FunctionalImpact, string> = {
  none: 'None',
  low: 'Low',
  medium: 'Medium',
  high: 'High',
};

export const INFORMATION_IMPACT_LABELS: Record<InformationImpact, string> = {
  none: 'None',
  privacy_breach: 'Privacy breach',
  proprietary_breach: 'Proprietary breach',
  integrity_loss: 'Integrity loss',
};

export const RECOVERABILITY_LABELS: Record<Recoverability, string> = {
  regular: 'Regular',
  supplemented: 'Supplemented',
  extended: 'Extended',
  not_recoverable: 'Not recoverable',
};

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  todo: 'To do',
  in_progress: 'In progress',
  done: 'Done',
  cancelled: 'Cancelled',
};
