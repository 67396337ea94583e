import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { Option, type Command } from 'commander';
import { invalid } from '../../domain/errors.js';
import { EVIDENCE_KINDS } from '../../domain/evidence.js';
import { TLP_LEVELS } from '../../domain/incident.js';
import { addEvidenceFile } from '../../services/evidence/add-evidence-file.js';
import { withSystemContext } from '../system-context.js';

/** The `evidence` command group, created when not there yet (other evidence commands hang off it). */
export function evidenceGroup(program: Command): Command {
  return program.commands.find((c) => c.name() === 'evidence') ?? program.command('evidence').description('Evidence and its chain of custody (see docs/evidence.md)');
}

interface AddOptions {
  kind: string;
  title?: string;
  collectedBy?: string;
  collectedAt?: string;
  tool?: string;
  notes?: string;
  tlp?: string;
  tag: string[];
}

/** `bulwark evidence add INCIDENT FILE`: the same streamed, hashed, content-addressed upload as the API. */
export function registerEvidence(program: Command): void {
  evidenceGroup(program)
    .command('add <incident> <file>')
    .description('Add a file as evidence to an incident (streamed and hashed; prints its number, id and SHA-256)')
    .addOption(new Option('--kind <kind>', 'what it is').choices([...EVIDENCE_KINDS]).default('other'))
    .option('--title <title>', 'a short name (default: the file name)')
    .option('--collected-by <who>', 'who collected it: person and organisation (default: System)')
    .option('--collected-at <when>', 'when it was collected, ISO 8601 with offset (default: now)')
    .option('--tool <tool>', 'acquisition tool and version, e.g. "FTK Imager 4.7.1"')
    .option('--notes <notes>', 'acquisition notes')
    .addOption(new Option('--tlp <tlp>', 'traffic light protocol (default amber)').choices([...TLP_LEVELS]))
    .option('--tag <tag>', 'a tag (repeat for more)', (value: string, previous: string[]) => [...previous, value], [])
    .action(async (incident: string, file: string, options: AddOptions) => {
      const stats = statSync(file, { throwIfNoEntry: false });
      if (!stats?.isFile()) throw invalid(`There is no file at ${file}.`, [{ path: 'file', message: 'not found or not a file' }]);
      const record = await withSystemContext((ctx) =>
        addEvidenceFile(
          ctx,
          incident,
          { kind: options.kind, title: options.title, collected_by: options.collectedBy, collected_at: options.collectedAt, acquisition_tool: options.tool, acquisition_notes: options.notes, tlp: options.tlp, tags: options.tag },
          { fileName: basename(file), stream: createReadStream(file, { highWaterMark: 1024 * 1024 }), expectedBytes: stats.size },
        ),
      );
      console.log(`${record.number}  ${record.id}  sha256 ${record.sha256}`);
    });
}
