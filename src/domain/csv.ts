/**
 * CSV as RFC 4180 writes it: fields separated by commas, records by CRLF (a bare LF is accepted
 * too), fields with commas, quotes or line breaks in double quotes, a quote inside doubled. A
 * leading byte-order mark (spreadsheets write one) is ignored.
 */

export interface CsvProblem {
  /** 1-based record number, the header being record 1. */
  row: number;
  /** 1-based field number. */
  column: number;
  message: string;
}

export type CsvParse = { ok: true; records: string[][] } | { ok: false; problem: CsvProblem };

/** Splits CSV text into records of fields; answers the first malformed spot instead of guessing. */
export function parseCsv(input: string): CsvParse {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    record.push(field);
    field = '';
    quoted = false;
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' && field === '' && !quoted) {
      // A quoted field: read up to the closing quote, a doubled quote standing for one.
      const start = i;
      i += 1;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q === -1) return { ok: false, problem: { row: records.length + 1, column: record.length + 1, message: `a quoted field opened at character ${start + 1} is never closed` } };
        field += text.slice(i, q);
        if (text[q + 1] === '"') {
          field += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      quoted = true;
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        return { ok: false, problem: { row: records.length + 1, column: record.length + 1, message: 'text after the closing quote of a quoted field (write a quote inside a field as "")' } };
      }
      continue;
    }
    if (c === ',') {
      endField();
      i += 1;
    } else if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else if (c === '"') {
      return { ok: false, problem: { row: records.length + 1, column: record.length + 1, message: 'a quote inside a field that does not start with one (quote the whole field and double the quote)' } };
    } else {
      const stop = nextSpecial(text, i);
      field += text.slice(i, stop);
      i = stop;
    }
  }
  // The last record need not end with a line break; a trailing break adds no empty record.
  if (field !== '' || quoted || record.length > 0) endRecord();
  return { ok: true, records };
}

function nextSpecial(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 34 || c === 10 || c === 13) return i;
  }
  return text.length;
}

/** A field as CSV writes it: quoted when it holds a comma, a quote, a line break or edge spaces. */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Records as CSV text, CRLF after each record. */
export function formatCsv(records: readonly (readonly string[])[]): string {
  return records.map((r) => `${r.map(csvField).join(',')}\r\n`).join('');
}

/**
 * Spreadsheets run a cell starting with = + - @ (or a tab / carriage return) as a formula. Exports
 * put an apostrophe in front of such text so it stays text; imports take it off again.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function restoreFormula(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}
