import { describe, expect, it } from 'vitest';
import { conditionProblems, conditionsToRows, newRow, rowsToConditions, unusedField } from '../../web/src/pages/alert-rules/conditions.js';
import { describeConditions } from '../../web/src/pages/alert-rules/ruleSummary.js';

describe('alert rule conditions as rows', () => {
  it('turns rows into the API conditions, trimming values and leaving out empty rows', () => {
    const rows = [newRow('source', [' nessus ', 'qualys']), newRow('severity', ['1', '2']), newRow('title_contains', [' scan ']), newRow('observable_types', ['ip']), newRow('tags', ['  '])];
    expect(rowsToConditions(rows)).toEqual({ source: ['nessus', 'qualys'], severity: [1, 2], title_contains: 'scan', observable_types: ['ip'] });
    expect(rowsToConditions([])).toEqual({});
  });

  it('reads a rule’s conditions back as rows in the editor’s order, and round-trips them', () => {
    const conditions = { title_contains: 'scan', severity: [3], source: ['a'], observable_types: ['domain'], type: [], tags: ['x'] };
    const rows = conditionsToRows(conditions);
    expect(rows.map((r) => [r.field, r.values])).toEqual([['source', ['a']], ['severity', ['3']], ['tags', ['x']], ['title_contains', ['scan']], ['observable_types', ['domain']]]);
    expect(rowsToConditions(rows)).toEqual({ source: ['a'], severity: [3], tags: ['x'], title_contains: 'scan', observable_types: ['domain'] });
  });

  it('names the problems: empty rows, a field twice, too long values, and snooze or attach rules catching everything', () => {
    const empty = newRow('source');
    const twice = newRow('source', ['b']);
    const emptyTitle = newRow('title_contains', ['  ']);
    const long = newRow('tags', ['x'.repeat(65)]);
    const found = conditionProblems('fingerprint', [empty, twice, emptyTitle, long]);
    expect(found.rows.get(empty.key)).toBe('Give at least one value, or remove the row');
    expect(found.rows.get(twice.key)).toBe('Source is already a condition above; add the value there');
    expect(found.rows.get(emptyTitle.key)).toBe('Type the text the title contains, or remove the row');
    expect(found.rows.get(long.key)).toBe('At most 64 characters');
    expect(found.overall).toBeNull();

    expect(conditionProblems('fingerprint', []).overall).toBeNull();
    expect(conditionProblems('snooze', []).overall).toBe('A snooze rule needs at least one condition, or it would catch every alert');
    expect(conditionProblems('attach', [newRow('type')]).overall).toBe('An attach rule needs at least one condition, or it would catch every alert');
    const fine = conditionProblems('snooze', [newRow('source', ['edr'])]);
    expect(fine.rows.size).toBe(0);
    expect(fine.overall).toBeNull();
  });

  it('offers the next unused field for a new row, and none when all are used', () => {
    expect(unusedField([])).toBe('source');
    expect(unusedField([newRow('source'), newRow('type')])).toBe('severity');
    expect(unusedField(['source', 'type', 'severity', 'tags', 'title_contains', 'observable_types'].map((f) => newRow(f as 'source')))).toBeNull();
  });

  it('summarises every kind of condition in words', () => {
    expect(describeConditions({ conditions: { type: ['edr'], tags: ['vip', 'prod'], observable_types: ['ip', 'domain'] } })).toBe('type edr · tagged vip or prod · carries ip or domain');
  });
});
