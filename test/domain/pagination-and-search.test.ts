import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../src/domain/pagination.js';
import { searchTerms } from '../../src/domain/search.js';
import { isTaskOverdue } from '../../src/domain/task.js';
import { roleWithin } from '../../src/domain/access.js';

describe('cursors', () => {
  it('round-trip the sort value and id', () => {
    const cursor = encodeCursor({ value: '2026-11-23T10:00:00.000Z', id: 'inc_x' });
    expect(decodeCursor(cursor)).toEqual({ value: '2026-11-23T10:00:00.000Z', id: 'inc_x' });
    expect(decodeCursor(encodeCursor({ value: 2, id: 'inc_y' }))).toEqual({ value: 2, id: 'inc_y' });
  });

  it('reject anything they did not produce', () => {
    for (const garbage of ['', 'garbage!', Buffer.from('{"a":1}').toString('base64url'), Buffer.from('[1, 2]').toString('base64url')]) {
      expect(decodeCursor(garbage)).toBeNull();
    }
  });
});

describe('searchTerms', () => {
  it('keeps words and numbers and drops query syntax', () => {
    expect(searchTerms('Ransom* "FS01" OR (NEAR) -x')).toEqual(['ransom', 'fs01', 'or', 'near', 'x']);
    expect(searchTerms('Café Müller')).toEqual(['café', 'müller']);
    expect(searchTerms('***')).toEqual([]);
  });
});

describe('isTaskOverdue', () => {
  const now = '2026-11-23T10:00:00.000Z';
  it('is overdue only when open and past due', () => {
    expect(isTaskOverdue({ status: 'todo', due_at: '2026-11-23T09:00:00.000Z' }, now)).toBe(true);
    expect(isTaskOverdue({ status: 'in_progress', due_at: '2026-11-23T11:00:00.000Z' }, now)).toBe(false);
    expect(isTaskOverdue({ status: 'done', due_at: '2026-11-23T09:00:00.000Z' }, now)).toBe(false);
    expect(isTaskOverdue({ status: 'todo', due_at: null }, now)).toBe(false);
  });
});

describe('roleWithin', () => {
  it('lets a token carry its owner role or a narrower one, never a wider one', () => {
    expect(roleWithin('responder', 'admin')).toBe(true);
    expect(roleWithin('stakeholder', 'responder')).toBe(true);
    expect(roleWithin('admin', 'responder')).toBe(false);
    expect(roleWithin('auditor', 'responder')).toBe(false);
  });
});
