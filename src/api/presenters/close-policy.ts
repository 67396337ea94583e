import type { ClosePolicy } from '../../domain/lifecycle.js';

export const presentClosePolicy = (policy: ClosePolicy) => ({ review_required_for_severities: policy.reviewRequiredForSeverities });
