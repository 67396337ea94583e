import { findFirstBreak, type ChainBreak, type ChainLink } from '../domain/hash-chain.js';
import type { DatabaseHandle } from '../store/database.js';
import { auditChain } from '../store/repositories/audit-log.js';
import { custodyChain, listCustodySubjects } from '../store/repositories/custody-events.js';
import { listOrganisationIds } from '../store/repositories/people.js';
import { listTimelineSubjects, timelineChain } from '../store/repositories/timeline.js';

export interface ChainReport {
  chain: string;
  links: number;
  broken: ChainBreak | null;
}

async function collect(links: AsyncIterable<ChainLink>): Promise<ChainLink[]> {
  const all: ChainLink[] = [];
  for await (const link of links) all.push(link);
  return all;
}

/** Re-walks every audit chain, every incident timeline and every evidence item's chain of custody; reports each chain and its first broken link. */
export async function verifyChains(database: DatabaseHandle, onProgress?: (report: ChainReport) => void): Promise<ChainReport[]> {
  const db = database.db;
  const reports: ChainReport[] = [];
  const push = (report: ChainReport) => {
    reports.push(report);
    onProgress?.(report);
  };
  for (const organisationId of await listOrganisationIds(db)) {
    const links = await collect(auditChain(db, organisationId));
    push({ chain: `audit_log ${organisationId}`, links: links.length, broken: findFirstBreak(links) });
  }
  for (const incident of await listTimelineSubjects(db)) {
    const links = await collect(timelineChain(db, incident.id));
    push({ chain: `timeline ${incident.number} (${incident.id})`, links: links.length, broken: findFirstBreak(links) });
  }
  for (const item of await listCustodySubjects(db)) {
    const links = await collect(custodyChain(db, item.id));
    push({ chain: `custody ${item.number} (${item.id})`, links: links.length, broken: findFirstBreak(links) });
  }
  return reports;
}
