import { BulwarkError, invalid } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { checkRiskRow, type ImportProblem, type RiskImportColumn, type RiskRowFields } from '../../domain/risk-csv.js';
import { readJson, writeJson } from '../../store/dialect.js';
import { insertAsset } from '../../store/repositories/assets.js';
import { findAssetsByNames, findRisksByNumbers, memberEmails } from '../../store/repositories/risk-io.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { openRisk } from '../risks/create-risk.js';
import { riskAppetiteOf, riskMatrixOf } from '../risks/risk-settings.js';
import { runInTransaction, type UnitOfWork } from '../transaction.js';
import { importRefused, MAX_IMPORT_ROWS, readCsvRegister, readJsonRegister, type RegisterFileRow } from './read-register.js';
import { updateFromRow, type ResolvedRow } from './update-from-row.js';

export type RegisterFile = { format: 'csv'; text: string } | { format: 'json'; body: unknown };

export interface RiskImportOptions {
  /** Check and answer what would happen; nothing is kept. */
  dry_run?: boolean | undefined;
  /** Create assets the file names that do not exist yet (kind `system`, the middle criticality level). */
  create_missing_assets?: boolean | undefined;
}

export interface RiskImportResult {
  dry_run: boolean;
  created: Array<{ row: number; number: string; title: string }>;
  updated: Array<{ row: number; number: string; fields: string[] }>;
  unchanged: Array<{ row: number; number: string }>;
  assets_created: string[];
}

/** Thrown out of the transaction to roll a dry run back, carrying its answer. */
class DryRunDone {
  constructor(readonly result: RiskImportResult) {}
}

/**
 * Imports the register from CSV or JSON (risk.write), all or nothing: every row is checked first
 * and any problem refuses the whole file with each problem's row and column. A row with a number
 * updates that risk (a history entry when something changed), a row without one creates a risk.
 */
export async function importRisks(ctx: ServiceContext, file: RegisterFile, options: RiskImportOptions = {}): Promise<RiskImportResult> {
  authorize(ctx.actor, 'risk.write');
  const rows = file.format === 'csv' ? readCsvRegister(file.text) : readJsonRegister(file.body);
  if (rows.length === 0) throw invalid('The file has no risks to import.');
  if (rows.length > MAX_IMPORT_ROWS) throw new BulwarkError('payload_too_large', `An import holds at most ${MAX_IMPORT_ROWS} risks; this file has ${rows.length}. Split it.`, { extra: { limit: MAX_IMPORT_ROWS } });
  try {
    return await runInTransaction(ctx, async (uow) => {
      const result = await applyImport(uow, rows, options);
      if (options.dry_run) throw new DryRunDone(result);
      return result;
    });
  } catch (error) {
    if (error instanceof DryRunDone) return error.result;
    throw error;
  }
}

async function applyImport(uow: UnitOfWork, rows: RegisterFileRow[], options: RiskImportOptions): Promise<RiskImportResult> {
  const organisationId = uow.actor.organisationId;
  const matrix = await riskMatrixOf(uow.db, organisationId);
  const appetite = await riskAppetiteOf(uow.db, organisationId);
  const checked = rows.map((r) => ({ row: r.row, ...checkRiskRow(r.row, r.cells, matrix) }));
  const problems: ImportProblem[] = checked.flatMap((c) => c.problems);

  const firstRowOf = new Map<string, number>();
  for (const c of checked) {
    const number = c.fields.number;
    if (!number) continue;
    const first = firstRowOf.get(number);
    if (first !== undefined) problems.push({ row: c.row, column: 'number', message: `${number} is also on row ${first}; a risk appears once in an import` });
    else firstRowOf.set(number, c.row);
  }
  const existing = new Map((await findRisksByNumbers(uow.db, organisationId, [...firstRowOf.keys()])).map((r) => [r.number, r]));
  for (const [number, row] of firstRowOf) if (!existing.has(number)) problems.push({ row, column: 'number', message: `there is no risk ${number} in the register (leave number empty to create a risk)` });

  const people = await memberEmails(uow.db, organisationId);
  const byEmail = new Map(people.map((p) => [p.email.toLowerCase(), p]));
  const byId = new Map(people.map((p) => [p.id, p]));
  /** The user a cell names (e-mail or id): an active member, or the one already there (an export names disabled owners too). */
  const person = (value: string, current: unknown): string | undefined => {
    const found = byEmail.get(value.trim().toLowerCase()) ?? byId.get(value.trim());
    return found && (!found.disabled_at || found.id === current) ? found.id : undefined;
  };

  const names = [...new Set(checked.flatMap((c) => c.fields.assets ?? []))];
  const assetIds = new Map((await findAssetsByNames(uow.db, organisationId, names)).map((a) => [a.name, a.id]));
  const missing = names.filter((n) => !assetIds.has(n));

  const resolved = checked.map((c) => {
    const out: ResolvedRow = { fields: c.fields };
    const current = c.fields.number ? existing.get(c.fields.number) : undefined;
    if (c.fields.owner !== undefined) {
      const owner = c.fields.owner === null ? null : person(c.fields.owner, current?.owner_id);
      if (owner === undefined) problems.push({ row: c.row, column: 'owner', message: `"${c.fields.owner}" is not an active user of this organisation (give the owner's e-mail address)` });
      out.ownerId = owner ?? null;
    }
    if (c.fields.treatment_details) {
      const details = { ...c.fields.treatment_details };
      if (typeof details.accepted_by === 'string' && details.accepted_by) {
        const acceptor = person(details.accepted_by, current ? readJson<Record<string, unknown> | null>(current.treatment_details)?.accepted_by : undefined);
        if (acceptor === undefined) problems.push({ row: c.row, column: 'treatment_details', message: `accepted_by "${details.accepted_by}" is not an active user of this organisation (give their e-mail address)` });
        else details.accepted_by = acceptor;
      }
      out.treatmentDetails = details;
    }
    if (c.fields.assets) {
      const unknown = c.fields.assets.filter((n) => !assetIds.has(n));
      if (unknown.length && !options.create_missing_assets) {
        problems.push({ row: c.row, column: 'assets', message: `no asset named ${unknown.map((n) => `"${n}"`).join(', ')} (add it under Assets first, or import with create_missing_assets=true)` });
      }
    }
    return { row: c.row, ...out };
  });
  if (problems.length) throw importRefused(sortByRow(problems));

  const result: RiskImportResult = { dry_run: Boolean(options.dry_run), created: [], updated: [], unchanged: [], assets_created: [] };
  if (missing.length) {
    const criticality = matrix.levels[Math.floor(matrix.levels.length / 2)]?.id ?? 'moderate';
    for (const name of missing) assetIds.set(name, await createImportedAsset(uow, name, criticality));
    result.assets_created = missing;
  }

  for (const r of resolved) {
    const input = { ...r, assetIds: r.fields.assets?.map((n) => assetIds.get(n)!) };
    try {
      const number = r.fields.number;
      if (number) {
        const fields = await updateFromRow(uow, existing.get(number)!, input, { matrix, appetite }, { row: r.row });
        if (fields.length) result.updated.push({ row: r.row, number, fields });
        else result.unchanged.push({ row: r.row, number });
      } else {
        const risk = await openRisk(uow, createInput(r.fields, input));
        result.created.push({ row: r.row, number: risk.number, title: risk.title });
      }
    } catch (error) {
      if (!(error instanceof BulwarkError) || error.kind !== 'validation') throw error;
      const details = error.errors.length ? error.errors : [{ path: '', message: error.message }];
      for (const e of details) problems.push({ row: r.row, column: columnOf(e.path), message: e.path ? `${e.path}: ${e.message}` : e.message });
    }
  }
  if (problems.length) throw importRefused(sortByRow(problems));

  await uow.audit('risk.import', { type: 'organisation', id: organisationId }, { created: result.created.length, updated: result.updated.length, unchanged: result.unchanged.length, assets_created: result.assets_created });
  return result;
}

function createInput(fields: RiskRowFields, resolved: ResolvedRow) {
  return {
    title: fields.title!,
    description: fields.description,
    threat: fields.threat,
    vulnerability: fields.vulnerability,
    category: fields.category!,
    status: fields.status,
    owner_id: resolved.ownerId,
    asset_ids: resolved.assetIds,
    techniques: fields.techniques,
    tags: fields.tags,
    inherent_likelihood: fields.inherent_likelihood!,
    inherent_impact: fields.inherent_impact!,
    residual_likelihood: fields.residual_likelihood,
    residual_impact: fields.residual_impact,
    treatment: fields.treatment,
    treatment_details: resolved.treatmentDetails,
    review_cadence_days: fields.review_cadence_days,
    next_review_at: fields.next_review_at,
  };
}

/** An asset the file names that does not exist: created with defaults to be completed under Assets. */
async function createImportedAsset(uow: UnitOfWork, name: string, criticality: string): Promise<string> {
  const id = newId('asset');
  await insertAsset(uow.db, {
    id,
    organisation_id: uow.actor.organisationId,
    name,
    kind: 'system',
    description: 'Created by a risk register import.',
    owner_id: null,
    criticality,
    data_classifications: writeJson([]),
    jurisdictions: writeJson([]),
    tags: writeJson([]),
    retired_at: null,
    created_at: uow.now,
    created_by: uow.actor.userId,
    updated_at: uow.now,
    updated_by: uow.actor.userId,
    version: 1,
  });
  await uow.audit('asset.created', { type: 'asset', id }, { name, kind: 'system', criticality, source: 'risk import' });
  uow.emit({ type: 'asset.created', entity_id: id, version: 1 });
  return id;
}

/** The import column a service's field path points at (`treatment_details.until` → treatment_details). */
function columnOf(path: string): RiskImportColumn | null {
  const head = path.split('.')[0] ?? '';
  if (head === 'owner_id') return 'owner';
  if (head === 'asset_ids') return 'assets';
  return head ? (head as RiskImportColumn) : null;
}

const sortByRow = (problems: ImportProblem[]) => [...problems].sort((a, b) => a.row - b.row);
