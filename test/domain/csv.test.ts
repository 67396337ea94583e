import { describe, expect, it } from 'vitest';
import { csvField, formatCsv, neutraliseFormula, parseCsv, restoreFormula } from '../../src/domain/csv.js';

const records = (text: string) => {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(`unexpected problem: ${JSON.stringify(parsed.problem)}`);
  return parsed.records;
};
const problem = (text: string) => {
  const parsed = parseCsv(text);
  if (parsed.ok) throw new Error('expected a problem');
  return parsed.problem;
};

describe('RFC 4180 CSV', () => {
  it('splits records on CRLF and fields on commas, with or without a final line break', () => {
    expect(records('a,b,c\r\n1,2,3\r\n')).toEqual([['a', 'b', 'c'], ['1', '2', '3']]);
    expect(records('a,b,c\r\n1,2,3')).toEqual([['a', 'b', 'c'], ['1', '2', '3']]);
    expect(records('a,b\n1,2\n')).toEqual([['a', 'b'], ['1', '2']]);
    expect(records('a,b\r1,2')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('keeps empty fields, including a trailing one and an empty last field', () => {
    expect(records('a,,c\r\n,,\r\n')).toEqual([['a', '', 'c'], ['', '', '']]);
    expect(records('a,b,\r\n')).toEqual([['a', 'b', '']]);
    expect(records('"",x')).toEqual([['', 'x']]);
    expect(records('x,""')).toEqual([['x', '']]);
  });

  it('reads quoted fields with commas, CRLF and LF inside, and doubled quotes', () => {
    expect(records('title,notes\r\n"Ransomware, finance","line one\r\nline two\nthree"\r\n"He said ""no""",x\r\n')).toEqual([
      ['title', 'notes'],
      ['Ransomware, finance', 'line one\r\nline two\nthree'],
      ['He said "no"', 'x'],
    ]);
    expect(records('""""')).toEqual([['"']]);
  });

  it('drops a UTF-8 byte-order mark and keeps other text as it is', () => {
    expect(records('\uFEFFnumber,title\r\nRISK-0001,Ünïcode – ok\r\n')).toEqual([['number', 'title'], ['RISK-0001', 'Ünïcode – ok']]);
    expect(records(' a , b ')).toEqual([[' a ', ' b ']]);
  });

  it('answers nothing for empty input', () => {
    expect(records('')).toEqual([]);
    expect(records('\uFEFF')).toEqual([]);
  });

  it('names the row and column of an unclosed quote, a stray quote and text after a closing quote', () => {
    expect(problem('a,b\r\n1,"open\r\n')).toMatchObject({ row: 2, column: 2, message: expect.stringContaining('never closed') });
    expect(problem('a,b\r\n1,2\r\nx,ab"c\r\n')).toMatchObject({ row: 3, column: 2, message: expect.stringContaining('quote inside a field') });
    expect(problem('"a"b,c')).toMatchObject({ row: 1, column: 1, message: expect.stringContaining('after the closing quote') });
  });

  it('writes what it reads: quoting only where needed, CRLF line ends', () => {
    const data = [['number', 'title', 'notes'], ['RISK-0001', 'Plain', ''], ['', 'Comma, inside', 'Quote " and\nbreak'], ['', ' edge ', 'x']];
    const text = formatCsv(data);
    expect(text).toBe('number,title,notes\r\nRISK-0001,Plain,\r\n,"Comma, inside","Quote "" and\nbreak"\r\n," edge ",x\r\n');
    expect(records(text)).toEqual(data);
    expect(csvField('simple')).toBe('simple');
  });

  it('keeps spreadsheet formulas inert on export and restores the text on import', () => {
    for (const value of ['=1+1', '+SUM(A1)', '-2', '@cmd', '\tx']) {
      expect(neutraliseFormula(value)).toBe(`'${value}`);
      expect(restoreFormula(neutraliseFormula(value))).toBe(value);
    }
    expect(neutraliseFormula('Plain title')).toBe('Plain title');
    expect(restoreFormula("'quoted on purpose")).toBe("'quoted on purpose");
  });
});
