import type { FastifyContextConfig, FastifyRequest } from 'fastify';

/** Options every resource plugin receives from buildApp. */
export interface ResourceRouteOptions {
  /** Alert-ingestion requests a minute per caller (API token or user); 0 turns the limit off. */
  ingestRateLimit: number;
}

/**
 * The per-route rate limit of the ingestion endpoints: counted per caller, so one runaway sender (a
 * SIEM rule firing in a loop) gets 429s while other senders and the analysts' web app go on.
 * A batch counts as one request.
 */
export function ingestRateLimitConfig(max: number): FastifyContextConfig {
  if (max <= 0) return {};
  return { rateLimit: { max, timeWindow: '1 minute', keyGenerator: (request: FastifyRequest) => request.actor?.principal ?? request.ip } };
}
