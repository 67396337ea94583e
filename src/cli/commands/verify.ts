import type { Command } from 'commander';
import type { ChainBreak } from '../../domain/hash-chain.js';
import { verifyChains, type ChainReport } from '../../services/verify-chains.js';
import { printJson, withSystemContext } from '../system-context.js';

/** Exit code when a chain is broken, distinct from user errors (2) and crashes (1). */
export const EXIT_CHAIN_BROKEN = 4;
const PROGRESS_EVERY = 1000;

function explain(broken: ChainBreak): string {
  switch (broken.reason) {
    case 'sequence_gap':
      return `sequence gap: expected seq ${broken.expected}, found ${broken.found} (an entry was removed or inserted)`;
    case 'prev_hash_mismatch':
      return `prev_hash does not match the hash of the entry before it (expected ${broken.expected}, found ${broken.found})`;
    case 'hash_mismatch':
      return `content does not match its hash (recomputed ${broken.expected}, stored ${broken.found}): the entry was altered`;
  }
}

export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description(`Re-walk every hash chain (audit log, incident timelines, evidence chains of custody); exits ${EXIT_CHAIN_BROKEN} naming the first broken link`)
    .option('--json', 'print every chain report as JSON')
    .action(async (options: { json?: boolean }) => {
      const started = Date.now();
      let timelines = 0;
      const reports = await withSystemContext((ctx) =>
        verifyChains(ctx.database, (report: ChainReport) => {
          if (options.json) return;
          if (report.broken) console.log(`BROKEN ${report.chain}: first broken link at seq ${report.broken.seq}: ${explain(report.broken)}`);
          if (report.chain.startsWith('timeline') && ++timelines % PROGRESS_EVERY === 0) console.log(`… ${timelines} incident timelines checked`);
        }),
      );
      const broken = reports.filter((r) => r.broken);
      if (options.json) {
        printJson({ ok: broken.length === 0, chains: reports });
      } else {
        const links = reports.reduce((sum, r) => sum + r.links, 0);
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        console.log(`Checked ${reports.length} chains (${links} links) in ${seconds} s: ${broken.length ? `${broken.length} broken` : 'all intact'}.`);
      }
      if (broken.length) process.exitCode = EXIT_CHAIN_BROKEN;
    });
}
