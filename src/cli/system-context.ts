import { loadConfig } from '../config.js';
import { systemActor, type ServiceContext } from '../services/context.js';
import { startRuntime, type Runtime } from '../services/runtime.js';

/**
 * Opens the configured database (migrating it first) and runs one command as the built-in system
 * administrator, closing the connection afterwards whatever happens.
 */
export async function withSystemContext<T>(work: (ctx: ServiceContext, runtime: Runtime) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const runtime = await startRuntime({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile, publicUrl: config.publicUrl, evidence: { dir: config.evidenceDir, maxBytes: config.evidenceMaxBytes, malwareArchivePassword: config.malwareArchivePassword } });
  try {
    return await work({ ...runtime.deps, actor: systemActor(runtime.organisationId) }, runtime);
  } finally {
    await runtime.close();
  }
}

export function printJson(value: unknown): void {
  console.log(JSON.stringify(value, null, 2));
}

/** Left-aligned columns for human-readable lists. */
export function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}
