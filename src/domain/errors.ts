/**
 * The one error type of Bulwark. Services throw it; the API turns it into an RFC 9457
 * problem+json answer, the CLI into a message and an exit code.
 */
export type ProblemKind =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'gone'
  | 'precondition_failed'
  | 'precondition_required'
  | 'payload_too_large'
  | 'rate_limited'
  | 'unavailable';

export const PROBLEM_STATUS: Record<ProblemKind, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  precondition_failed: 412,
  payload_too_large: 413,
  precondition_required: 428,
  rate_limited: 429,
  unavailable: 503,
};

export interface FieldProblem {
  /** JSON pointer-ish dotted path of the offending field, e.g. `body.title`. */
  path: string;
  message: string;
}

export class BulwarkError extends Error {
  readonly kind: ProblemKind;
  readonly errors: FieldProblem[];
  readonly extra: Record<string, unknown>;

  constructor(kind: ProblemKind, message: string, options: { errors?: FieldProblem[]; extra?: Record<string, unknown> } = {}) {
    super(message);
    this.name = 'BulwarkError';
    this.kind = kind;
    this.errors = options.errors ?? [];
    this.extra = options.extra ?? {};
  }

  get status(): number {
    return PROBLEM_STATUS[this.kind];
  }
}

export const invalid = (message: string, errors?: FieldProblem[]) => new BulwarkError('validation', message, { errors });
export const notFound = (what: string) => new BulwarkError('not_found', `${what} was not found.`);
export const forbidden = (message = 'Your role does not allow this.') => new BulwarkError('forbidden', message);
export const conflict = (message: string, extra?: Record<string, unknown>) => new BulwarkError('conflict', message, { extra });
export const stale = (currentVersion: number) =>
  new BulwarkError(
    'precondition_failed',
    `Someone else changed this since you loaded it (it is now at version ${currentVersion}). Reload, then apply your change again.`,
    { extra: { current_version: currentVersion } },
  );
