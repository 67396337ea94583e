import { changedPlanSections, planContentSha256, reviewOverdue, type PlanSection } from '../../domain/plan-rules.js';
import type { PlanContent, PlanStatus } from '../../domain/plan.js';
import type { Db } from '../../store/database.js';
import { readJson } from '../../store/dialect.js';
import { findLastPlanExport } from '../../store/repositories/response-plans.js';
import type { PlanExportRow, ResponsePlanRow } from '../../store/schema.js';
import { SYSTEM_USER_ID } from '../context.js';
import { userNamesById } from '../../store/repositories/people.js';

/** One version of the response plan as the API answers it. */
export interface PlanVersionRecord {
  id: string;
  plan_version: number;
  status: PlanStatus;
  content: PlanContent;
  /** SHA-256 of the content as canonical JSON; the offline export prints it. */
  content_sha256: string;
  change_note: string;
  /** Sections that differ from the version before it. */
  changed_sections: PlanSection[];
  review_due_at: string | null;
  approved_at: string | null;
  approved_by: string | null;
  approved_by_name: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  updated_by_name: string | null;
  version: number;
}

export interface PlanExportRecord {
  plan_version: number;
  format: string;
  sha256: string;
  exported_at: string;
  exported_by: string;
  exported_by_name: string | null;
}

/** What the app warns about: the offline copy is older than the plan in force, or the plan is past its review date. */
export interface PlanStatusRecord {
  changed_since_export: boolean;
  review_overdue: boolean;
  review_due_at: string | null;
  last_export: PlanExportRecord | null;
}

export const planContentOf = (row: ResponsePlanRow): PlanContent => readJson<PlanContent>(row.content);

const nameOf = (names: Map<string, string>, id: string | null): string | null => (id === null ? null : id === SYSTEM_USER_ID ? 'System' : (names.get(id) ?? null));

/** Records for rows, each compared with the version before it (`previous` finds it; rows are often that list itself). */
export async function toPlanVersionRecords(db: Db, rows: ResponsePlanRow[], previous: (row: ResponsePlanRow) => ResponsePlanRow | undefined | Promise<ResponsePlanRow | undefined>): Promise<PlanVersionRecord[]> {
  const names = await userNamesById(db, rows.flatMap((r) => [r.updated_by, ...(r.approved_by ? [r.approved_by] : [])]));
  return Promise.all(
    rows.map(async (row) => {
      const content = planContentOf(row);
      const before = await previous(row);
      return {
        id: row.id,
        plan_version: Number(row.plan_version),
        status: row.status as PlanStatus,
        content,
        content_sha256: planContentSha256(content),
        change_note: row.change_note,
        changed_sections: changedPlanSections(before ? planContentOf(before) : null, content),
        review_due_at: row.review_due_at,
        approved_at: row.approved_at,
        approved_by: row.approved_by,
        approved_by_name: nameOf(names, row.approved_by),
        created_at: row.created_at,
        created_by: row.created_by,
        updated_at: row.updated_at,
        updated_by: row.updated_by,
        updated_by_name: nameOf(names, row.updated_by),
        version: Number(row.version),
      };
    }),
  );
}

export async function toPlanExportRecord(db: Db, row: PlanExportRow): Promise<PlanExportRecord> {
  const names = await userNamesById(db, [row.exported_by]);
  return { plan_version: Number(row.plan_version), format: row.format, sha256: row.sha256, exported_at: row.exported_at, exported_by: row.exported_by, exported_by_name: nameOf(names, row.exported_by) };
}

/** The warnings for the plan in force (none before a plan is approved). */
export async function planStatus(db: Db, organisationId: string, inForce: ResponsePlanRow | undefined, now: string): Promise<PlanStatusRecord> {
  const last = await findLastPlanExport(db, organisationId);
  return {
    changed_since_export: inForce !== undefined && (!last || Number(last.plan_version) < Number(inForce.plan_version)),
    review_overdue: inForce !== undefined && reviewOverdue(inForce.review_due_at, now),
    review_due_at: inForce?.review_due_at ?? null,
    last_export: last ? await toPlanExportRecord(db, last) : null,
  };
}
