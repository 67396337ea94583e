import { describe, expect, it } from 'vitest';
import { emptyImpact, emptyReviewContent, fiveWhysProblems, isActionItemOverdue, missingRequiredFields, realisedLossTotal, type ReviewContent } from '../../src/domain/review.js';

const content = (changes: Partial<ReviewContent>): ReviewContent => ({ ...emptyReviewContent(), ...changes });

describe('required review fields', () => {
  it('lists what an empty review lacks, in the order the organisation listed the fields', () => {
    expect(missingRequiredFields(emptyReviewContent(), ['lessons', 'summary', 'root_causes'], 0)).toEqual(['lessons', 'summary', 'root_causes']);
    expect(missingRequiredFields(emptyReviewContent(), [], 0)).toEqual([]);
  });

  it('does not count blank text, contributing factors alone, or an impact with nothing known', () => {
    const review = content({ summary: '   ', lessons: ['', '  '], root_causes: [{ statement: 'Tired on-call engineer', kind: 'contributing', whys: [] }], impact: emptyImpact() });
    expect(missingRequiredFields(review, ['summary', 'lessons', 'root_causes', 'impact'], 0)).toEqual(['summary', 'lessons', 'root_causes', 'impact']);
  });

  it('counts each field once it is given', () => {
    const review = content({
      summary: 'Ransomware on FS-01',
      impact: { ...emptyImpact(), realised_loss: { ...emptyImpact().realised_loss, response: 0 } },
      root_causes: [{ statement: 'Unpatched VPN', kind: 'root', whys: [] }],
      lessons: ['Patch faster'],
      went_well: ['Backups restored'],
      went_badly: ['Slow escalation'],
      participants: [{ name: 'Ada', role: 'facilitator' }],
      meeting_at: '2026-11-20T10:00:00.000Z',
    });
    const all = ['summary', 'impact', 'root_causes', 'lessons', 'went_well', 'went_badly', 'participants', 'meeting_at', 'action_items'] as const;
    expect(missingRequiredFields(review, all, 0)).toEqual(['action_items']);
    expect(missingRequiredFields(review, all, 2)).toEqual([]);
    expect(missingRequiredFields(content({ impact: { ...emptyImpact(), downtime_minutes: 30 } }), ['impact'], 0)).toEqual([]);
  });
});

describe('five whys', () => {
  it('accepts a chain of up to five answered whys', () => {
    expect(fiveWhysProblems([{ statement: 'Phished', kind: 'root', whys: ['Clicked', 'Looked real', 'No banner', 'Not configured', 'No owner'] }])).toEqual([]);
  });

  it('names blank statements, blank whys and chains longer than five', () => {
    expect(fiveWhysProblems([
      { statement: ' ', kind: 'root', whys: ['a', ''] },
      { statement: 'x', kind: 'contributing', whys: ['1', '2', '3', '4', '5', '6'] },
    ])).toEqual([
      { path: 'root_causes.0.statement', message: 'must not be empty' },
      { path: 'root_causes.0.whys.1', message: 'a blank why breaks the chain; remove it or answer it' },
      { path: 'root_causes.1.whys', message: 'at most 5 whys' },
    ]);
  });
});

describe('realised loss and overdue action items', () => {
  it('adds up the known loss forms, null when none is known', () => {
    expect(realisedLossTotal(emptyImpact())).toBeNull();
    expect(realisedLossTotal({ ...emptyImpact(), realised_loss: { ...emptyImpact().realised_loss, response: 1200, fines_and_judgements: 50000 } })).toBe(51200);
  });

  it('calls an open or in-progress item past its due date overdue', () => {
    const now = '2026-11-23T09:00:00.000Z';
    expect(isActionItemOverdue({ status: 'open', due_at: '2026-11-22T09:00:00.000Z' }, now)).toBe(true);
    expect(isActionItemOverdue({ status: 'in_progress', due_at: '2026-11-22T09:00:00.000Z' }, now)).toBe(true);
    expect(isActionItemOverdue({ status: 'done', due_at: '2026-11-22T09:00:00.000Z' }, now)).toBe(false);
    expect(isActionItemOverdue({ status: 'open', due_at: '2026-11-24T09:00:00.000Z' }, now)).toBe(false);
    expect(isActionItemOverdue({ status: 'open', due_at: null }, now)).toBe(false);
  });
});
