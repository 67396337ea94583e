import { invalid, notFound } from '../../domain/errors.js';
import { decodeCursor, encodeCursor, type Page } from '../../domain/pagination.js';
import { findReviewOfIncident } from '../../store/repositories/learning.js';
import { listProposals as queryProposals, listReviewProposals as queryReviewProposals, targetLabels } from '../../store/repositories/proposals.js';
import type { ProposalRow } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { loadVisibleIncident } from '../incidents/load-incident.js';
import { authorize } from '../policies/authorize.js';
import { restrictedVisibilityFor } from '../policies/incident-visibility.js';
import { toProposalRecord, type ProposalRecord, type ProposalStatus } from './proposal-record.js';

/** A proposal as listed: with what it targets and which incident it came from, in words. */
export type ListedProposal = ProposalRecord & { target_label: string | null; incident_number: string; incident_title: string };

async function labelled(ctx: ServiceContext, rows: Array<ProposalRow & { incident_number: string; incident_title: string }>): Promise<ListedProposal[]> {
  const labels = await targetLabels(ctx.database.db, ctx.actor.organisationId, rows);
  return rows.map((r) => ({ ...toProposalRecord(r), target_label: labels.get(r.target_id) ?? null, incident_number: r.incident_number, incident_title: r.incident_title }));
}

/** The proposals of an incident's review, in the order they were made (incident.read and visibility; 404 before a review exists). */
export async function listReviewProposals(ctx: ServiceContext, incidentIdOrNumber: string): Promise<Page<ListedProposal>> {
  authorize(ctx.actor, 'incident.read');
  const incident = await loadVisibleIncident(ctx.database.db, ctx.actor, incidentIdOrNumber);
  const review = await findReviewOfIncident(ctx.database.db, ctx.actor.organisationId, incident.id);
  if (!review) throw notFound(`The review of ${incident.number}`);
  const rows = await queryReviewProposals(ctx.database.db, ctx.actor.organisationId, review.id);
  return { items: await labelled(ctx, rows.map((r) => ({ ...r, incident_number: incident.number, incident_title: incident.title }))), next_cursor: null };
}

export interface ProposalListInput {
  status?: ProposalStatus | undefined;
  incident_id?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** Proposals across reviews (the inbox of risk owners), only of incidents the viewer may see, oldest first. */
export async function listProposals(ctx: ServiceContext, input: ProposalListInput): Promise<Page<ListedProposal>> {
  authorize(ctx.actor, 'incident.read');
  const after = input.cursor ? decodeCursor(input.cursor) : undefined;
  if (input.cursor && !after) throw invalid('The cursor is not one this server handed out.', [{ path: 'cursor', message: 'malformed cursor' }]);
  const rows = await queryProposals(ctx.database.db, { organisationId: ctx.actor.organisationId, visibleToUserId: restrictedVisibilityFor(ctx.actor), status: input.status, incidentId: input.incident_id, afterId: after?.id, limit: input.limit });
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return { items: await labelled(ctx, page), next_cursor: rows.length > input.limit && last ? encodeCursor({ value: null, id: last.id }) : null };
}
