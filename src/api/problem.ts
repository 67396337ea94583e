import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { BulwarkError, PROBLEM_STATUS, type FieldProblem, type ProblemKind } from '../domain/errors.js';

/** RFC 9457 problem details, the body of every error answer. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

const TITLES: Record<ProblemKind, string> = {
  validation: 'The request is not valid',
  unauthenticated: 'Not signed in',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  conflict: 'Conflict',
  gone: 'Gone',
  precondition_failed: 'Stale version',
  precondition_required: 'Version required',
  payload_too_large: 'Request too large',
  rate_limited: 'Too many requests',
  unavailable: 'Temporarily unavailable',
};

export const problemType = (kind: ProblemKind) => `https://bulwark.invalid/problems/${kind.replace(/_/g, '-')}`;

function fromBulwarkError(error: BulwarkError): Problem {
  return {
    type: problemType(error.kind),
    title: TITLES[error.kind],
    status: error.status,
    detail: error.message,
    ...(error.errors.length ? { errors: error.errors } : {}),
    ...error.extra,
  };
}

const kindForStatus = (status: number): ProblemKind =>
  (Object.entries(PROBLEM_STATUS).find(([, s]) => s === status)?.[0] as ProblemKind | undefined) ?? 'validation';

/** Maps every error to a problem; anything unexpected becomes a 500 that reveals nothing internal. */
export function toProblem(error: unknown): Problem {
  if (error instanceof BulwarkError) return fromBulwarkError(error);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as FastifyError).validationContext ?? 'body';
    const errors = error.validation.map((issue) => {
      const path = [where, ...String(issue.instancePath ?? '').split('/').filter(Boolean)].join('.');
      const params = issue.params as { issue?: { code?: string; keys?: string[] } } | undefined;
      const keys = params?.issue?.code === 'unrecognized_keys' ? params.issue.keys ?? [] : [];
      return { path: keys.length ? `${path}.${keys.join(',')}` : path, message: issue.message ?? 'invalid' };
    });
    return fromBulwarkError(new BulwarkError('validation', `The ${where} has ${errors.length === 1 ? 'an invalid field' : `${errors.length} invalid fields`}: ${errors.map((e) => `${e.path} (${e.message})`).join('; ')}.`, { errors }));
  }
  const fastifyError = error as FastifyError;
  const status = fastifyError?.statusCode;
  if (status && status >= 400 && status < 500) {
    const kind = kindForStatus(status);
    const detail =
      fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
        ? 'The request body is larger than this endpoint accepts.'
        : fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fastifyError.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
          ? `The body is not valid JSON: ${fastifyError.message}`
          : fastifyError.message;
    return { type: problemType(kind), title: TITLES[kind], status, detail, ...(fastifyError.code ? { code: fastifyError.code } : {}) };
  }
  return { type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'Something went wrong on the server. It has been logged; try again, and tell an administrator if it persists.' };
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.status).type('application/problem+json').send(JSON.stringify({ ...problem, instance: request.url }));
}
