import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { checkAlert, type AlertInput } from './alert-input.js';
import { inGroupCommit } from './group-commit.js';
import type { CheckedRequest, IngestReport, RejectedAtEdge } from './ingest-report.js';
import { countOutcomes } from './plan-intake.js';
import { storeRequests } from './store-requests.js';

export type { IngestReport, IngestResult, RejectedAtEdge } from './ingest-report.js';

/** Error paths name the field: `body.…` for one alert, `body.alerts.<i>.…` in a batch. */
function checkRequest(inputs: Array<AlertInput | RejectedAtEdge>, batch: boolean): CheckedRequest {
  const request: CheckedRequest = { batch, results: inputs.map((_input, index) => ({ index, outcome: 'rejected', alert_id: null })), valid: new Map() };
  inputs.forEach((input, index) => {
    if ('rejected' in input) {
      request.results[index]!.errors = input.rejected;
      return;
    }
    const checked = checkAlert(input, batch ? `body.alerts.${index}` : 'body');
    if (checked.ok) request.valid.set(index, checked.alert);
    else request.results[index]!.errors = checked.errors;
  });
  return request;
}

const report = (request: CheckedRequest, at: string): IngestReport => ({ at, received: request.results.length, counts: countOutcomes(request.results.map((r) => r.outcome)), results: request.results });

/**
 * Stores a batch in one transaction. Each alert is stored whole or not at all: one that is malformed
 * or has an invalid observable is rejected (with the reason per observable) and the others go ahead.
 */
export async function ingestAlerts(ctx: ServiceContext, inputs: Array<AlertInput | RejectedAtEdge>): Promise<IngestReport> {
  authorize(ctx.actor, 'alert.ingest');
  const request = checkRequest(inputs, true);
  const at = request.valid.size > 0 ? await storeRequests(ctx, [request]) : ctx.clock.now();
  return report(request, at);
}

/** Stores one alert; concurrent single alerts from the same sender share a transaction (group commit). */
export async function ingestAlert(ctx: ServiceContext, input: AlertInput): Promise<IngestReport> {
  authorize(ctx.actor, 'alert.ingest');
  const request = checkRequest([input], false);
  if (request.valid.size === 0) return report(request, ctx.clock.now());
  const at = await inGroupCommit(ctx, request, async (shared, requests: CheckedRequest[]) => {
    const committedAt = await storeRequests(shared, requests);
    return requests.map(() => committedAt);
  });
  return report(request, at);
}
