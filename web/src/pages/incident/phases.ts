import type { Phase } from '../../api/types';

/** The life cycle in order (NIST SP 800-61 / PICERL). */
export const PHASE_ORDER: Phase[] = ['detection', 'containment', 'eradication', 'recovery', 'post_incident', 'closed'];
