import { newId } from '../../../src/domain/ids.js';
import { writeJson } from '../../../src/store/dialect.js';
import type { TestApp } from '../../support/test-app.js';

/**
 * Reviews, action items, risk links, control outcomes and proposals written straight into the store
 * (the schema is fixed; the services that write them are not what these tests are about), so the
 * report and the metrics are tested on exactly the rows they read.
 */
type App = Pick<TestApp, 'runtime' | 'admin'>;
const db = (app: App) => app.runtime.deps.database.db;
const NOW = '2026-11-23T08:00:00.000Z';

export interface ReviewSeed {
  status?: 'draft' | 'completed';
  summary?: string;
  impact?: unknown;
  timeline_entry_ids?: string[];
  root_causes?: unknown[];
  went_well?: string[];
  went_badly?: string[];
  lessons?: string[];
  participants?: unknown[];
  meeting_at?: string | null;
}

export async function seedReview(app: App, incidentId: string, seed: ReviewSeed = {}): Promise<string> {
  const id = newId('review');
  const completed = seed.status === 'completed';
  await db(app)
    .insertInto('reviews')
    .values({
      id,
      organisation_id: app.runtime.organisationId,
      incident_id: incidentId,
      status: seed.status ?? 'draft',
      summary: seed.summary ?? '',
      impact: writeJson(seed.impact ?? { records_affected: null, people_affected: null, systems_affected: null, downtime_minutes: null, realised_loss: {} }),
      timeline_entry_ids: writeJson(seed.timeline_entry_ids ?? []),
      root_causes: writeJson(seed.root_causes ?? []),
      went_well: writeJson(seed.went_well ?? []),
      went_badly: writeJson(seed.went_badly ?? []),
      lessons: writeJson(seed.lessons ?? []),
      participants: writeJson(seed.participants ?? []),
      meeting_at: seed.meeting_at ?? null,
      completed_at: completed ? NOW : null,
      completed_by: completed ? app.admin.id : null,
      created_at: NOW,
      created_by: app.admin.id,
      updated_at: NOW,
      updated_by: app.admin.id,
      version: 1,
    })
    .execute();
  return id;
}

export async function seedActionItem(app: App, item: { incident_id: string | null; review_id: string | null; title: string; status?: string; created_at?: string; owner_id?: string | null; due_at?: string | null; kind?: string }): Promise<string> {
  const id = newId('actionItem');
  const created = item.created_at ?? NOW;
  await db(app)
    .insertInto('action_items')
    .values({
      id,
      organisation_id: app.runtime.organisationId,
      incident_id: item.incident_id,
      review_id: item.review_id,
      title: item.title,
      description: '',
      kind: item.kind ?? 'other',
      owner_id: item.owner_id ?? null,
      due_at: item.due_at ?? null,
      status: item.status ?? 'open',
      control_id: null,
      risk_id: null,
      done_at: null,
      created_at: created,
      created_by: app.admin.id,
      updated_at: created,
      updated_by: app.admin.id,
      version: 1,
    })
    .execute();
  return id;
}

export async function seedRiskLink(app: App, incidentId: string, riskId: string, note = ''): Promise<void> {
  await db(app).insertInto('incident_risks').values({ organisation_id: app.runtime.organisationId, incident_id: incidentId, risk_id: riskId, note, linked_at: NOW, linked_by: app.admin.id }).execute();
}

export async function seedControlOutcome(app: App, incidentId: string, controlId: string, outcome: string, note = ''): Promise<void> {
  await db(app)
    .insertInto('control_outcomes')
    .values({ id: newId('controlOutcome'), organisation_id: app.runtime.organisationId, incident_id: incidentId, control_id: controlId, outcome, note, recorded_at: NOW, recorded_by: app.admin.id, updated_at: NOW, version: 1 })
    .execute();
}

export async function seedProposal(app: App, p: { incident_id: string; review_id: string; kind: string; target_type: 'risk' | 'control'; target_id: string; reasoning: string; status?: string; decision_note?: string | null }): Promise<void> {
  const decided = p.status && p.status !== 'pending';
  await db(app)
    .insertInto('proposals')
    .values({
      id: newId('proposal'),
      organisation_id: app.runtime.organisationId,
      incident_id: p.incident_id,
      review_id: p.review_id,
      kind: p.kind,
      target_type: p.target_type,
      target_id: p.target_id,
      target_version: 1,
      action_item_id: null,
      reasoning: writeJson({ text: p.reasoning, steps: [] }),
      before: writeJson({}),
      after: writeJson({}),
      status: p.status ?? 'pending',
      decided_at: decided ? NOW : null,
      decided_by: decided ? app.admin.id : null,
      decision_note: p.decision_note ?? null,
      applied: null,
      created_at: NOW,
      version: 1,
    })
    .execute();
}
