import { createHash } from 'node:crypto';
import { conflict } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { findApprovedPlan, insertPlanExport } from '../../store/repositories/response-plans.js';
import { SYSTEM_USER_ID, type ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';
import { previousVersion } from './get-response-plan.js';
import { buildPlanDocument } from './plan-document.js';
import { toPlanVersionRecords } from './plan-record.js';
import { renderPlanHtml } from './render-plan-html.js';
import { renderPlanPdf } from './render-plan-pdf.js';
import { findOrganisation, userNamesById } from '../../store/repositories/people.js';

export const PLAN_EXPORT_FORMATS = ['html', 'pdf'] as const;
export type PlanExportFormat = (typeof PLAN_EXPORT_FORMATS)[number];

export interface OfflinePlan {
  filename: string;
  content_type: string;
  body: Buffer;
  /** SHA-256 of exactly these bytes (what `sha256sum` of the saved file prints). */
  sha256: string;
  /** SHA-256 of the plan's content (canonical JSON), printed inside the file; the same for every export of a version. */
  content_sha256: string;
  plan_version: number;
  exported_at: string;
}

/**
 * The plan in force as one offline file (self-contained HTML or PDF) for when the network is down.
 * Every export is recorded (format, hash, who, when) so the app can warn once the plan changed since.
 */
export async function exportOfflinePlan(ctx: ServiceContext, format: PlanExportFormat): Promise<OfflinePlan> {
  authorize(ctx.actor, 'plan.read');
  return runInTransaction(ctx, async (uow) => {
    const organisationId = uow.actor.organisationId;
    const row = await findApprovedPlan(uow.db, organisationId);
    if (!row) throw conflict('No response plan has been approved yet: approve a draft first, then export it.');
    const [plan] = await toPlanVersionRecords(uow.db, [row], previousVersion(uow.db, organisationId));
    const exporter = uow.actor.userId === SYSTEM_USER_ID ? 'System' : ((await userNamesById(uow.db, [uow.actor.userId])).get(uow.actor.userId) ?? uow.actor.userId);
    const document = buildPlanDocument({ plan: plan!, organisationName: (await findOrganisation(uow.db, organisationId))?.name ?? '', exportedAt: uow.now, exportedBy: exporter });
    const body = format === 'pdf' ? await renderPlanPdf(document) : Buffer.from(renderPlanHtml(document), 'utf8');
    const sha256 = createHash('sha256').update(body).digest('hex');
    const exportId = newId('planExport');
    await insertPlanExport(uow.db, { id: exportId, organisation_id: organisationId, plan_id: row.id, plan_version: plan!.plan_version, format, sha256, exported_at: uow.now, exported_by: uow.actor.userId });
    await uow.audit('plan.export', { type: 'plan_export', id: exportId }, { plan_id: row.id, plan_version: plan!.plan_version, format, sha256 });
    uow.emit({ type: 'plan.exported', entity_id: exportId });
    return {
      filename: `response-plan-v${plan!.plan_version}-${uow.now.slice(0, 10)}.${format}`,
      content_type: format === 'pdf' ? 'application/pdf' : 'text/html; charset=utf-8',
      body,
      sha256,
      content_sha256: plan!.content_sha256,
      plan_version: plan!.plan_version,
      exported_at: uow.now,
    };
  });
}
