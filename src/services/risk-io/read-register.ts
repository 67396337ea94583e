import { BulwarkError, invalid } from '../../domain/errors.js';
import { parseCsv, restoreFormula } from '../../domain/csv.js';
import { checkHeader, describeProblem, type ImportProblem } from '../../domain/risk-csv.js';

/** A row of an import file before checking: its number and its cells by column. */
export interface RegisterFileRow {
  row: number;
  cells: Map<string, unknown>;
}

/** At most this many rows in one import; larger registers are split. */
export const MAX_IMPORT_ROWS = 10_000;
/** How many problems an answer lists; the count says how many there were. */
const MAX_LISTED = 200;

/** The 400 an import answers: every problem with its row and column, nothing imported. */
export function importRefused(problems: ImportProblem[]): BulwarkError {
  const listed = problems.slice(0, MAX_LISTED);
  const first = listed.slice(0, 3).map(describeProblem).join('; ');
  return new BulwarkError('validation', `Nothing was imported: ${problems.length} problem${problems.length === 1 ? '' : 's'} (${first}${problems.length > 3 ? '; …' : ''}).`, {
    errors: listed.map((p) => ({ path: `rows.${p.row}${p.column ? `.${p.column}` : ''}`, message: describeProblem(p) })),
    extra: { problems: listed, problem_count: problems.length },
  });
}

/** A CSV file (header + rows) as rows of cells; blank lines are skipped, rows numbered as a spreadsheet shows them. */
export function readCsvRegister(text: string): RegisterFileRow[] {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw importRefused([{ row: parsed.problem.row, column: null, message: `${parsed.problem.message} (field ${parsed.problem.column})` }]);
  const [header, ...records] = parsed.records;
  if (!header || header.every((h) => h.trim() === '')) throw invalid('The file is empty: it needs a header row naming the columns, then one row per risk.');
  const { columns, problems } = checkHeader(header);
  const rows: RegisterFileRow[] = [];
  records.forEach((record, i) => {
    const row = i + 2;
    if (record.every((c) => c.trim() === '')) return;
    if (record.length !== header.length) {
      problems.push({ row, column: null, message: `has ${record.length} field${record.length === 1 ? '' : 's'}, the header has ${header.length} (a comma inside a value needs the value in double quotes)` });
      return;
    }
    const cells = new Map<string, unknown>();
    columns.forEach((column, c) => {
      if (column) cells.set(column, restoreFormula(record[c]!));
    });
    rows.push({ row, cells });
  });
  if (problems.length) throw importRefused(problems);
  return rows;
}

/** A JSON array of objects (what a JSON export writes) as rows of cells, numbered from 1. */
export function readJsonRegister(body: unknown): RegisterFileRow[] {
  if (!Array.isArray(body)) throw invalid('A JSON import is an array of risks, as GET /risks/export?format=json writes it.', [{ path: 'body', message: 'an array of objects' }]);
  const problems: ImportProblem[] = [];
  const rows: RegisterFileRow[] = [];
  body.forEach((item: unknown, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) problems.push({ row: i + 1, column: null, message: 'is not an object' });
    else rows.push({ row: i + 1, cells: new Map(Object.entries(item)) });
  });
  if (problems.length) throw importRefused(problems);
  return rows;
}
