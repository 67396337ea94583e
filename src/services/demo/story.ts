import type { IncidentRole } from '../../domain/access.js';
import type { Resolution } from '../../domain/incident.js';
import type { Phase } from '../../domain/lifecycle.js';
import { HOUR_MS, type Instant } from '../../domain/time.js';
import type { TaskStatus } from '../../domain/task.js';
import type { Actor, ServiceContext } from '../context.js';
import { createIncident, type CreateIncidentInput } from '../incidents/create-incident.js';
import { markReviewCompleted } from '../incidents/mark-review-completed.js';
import { transitionIncident } from '../incidents/transition-incident.js';
import { assignIncidentRole } from '../members/assign-incident-role.js';
import { createTask } from '../tasks/create-task.js';
import { updateTask } from '../tasks/update-task.js';
import { addTimelineNote } from '../timeline/add-timeline-note.js';

/**
 * The sample data is told as a story: steps at times in the past, each done by one of the sample people
 * through the same services a person uses. Steps of every incident are merged and run in time order
 * under a clock set to each step's time, so timestamps, metrics and timelines read like a real response.
 */
export const SAMPLE_TAG = 'sample-data';
export const SAMPLE_TITLE_PREFIX = '[Sample] ';

export interface StoryStep {
  at: number;
  as: Actor;
  run(ctx: ServiceContext): Promise<unknown>;
}

/** Hours before the story's "now", the moment the demo is loaded. */
export const hoursAgo = (hours: number, now: number): number => now - hours * HOUR_MS;

export interface SampleTask {
  id?: string;
  version?: number;
}

/** One sample incident's script. Every method adds a step `hours` before now. */
export class SampleIncident {
  id: string | undefined;
  number: string | undefined;

  constructor(
    private readonly steps: StoryStep[],
    private readonly now: number,
  ) {}

  private add(hours: number, as: Actor, run: (ctx: ServiceContext) => Promise<unknown>): void {
    this.steps.push({ at: hoursAgo(hours, this.now), as, run });
  }

  private get incidentId(): string {
    if (!this.id) throw new Error('A sample incident step ran before the incident was opened.');
    return this.id;
  }

  private ago(hours: number): Instant {
    return new Date(hoursAgo(hours, this.now)).toISOString();
  }

  open(hours: number, as: Actor, input: Omit<CreateIncidentInput, 'tags'> & { tags: string[]; occurredHoursAgo?: number; detectedHoursAgo?: number }): this {
    const { occurredHoursAgo, detectedHoursAgo, ...rest } = input;
    this.add(hours, as, async (ctx) => {
      const { incident } = await createIncident(ctx, {
        ...rest,
        title: `${SAMPLE_TITLE_PREFIX}${input.title}`,
        summary: `${input.summary ?? ''}\n\n_This is sample data loaded by \`bulwark demo\`._`.trim(),
        tags: [SAMPLE_TAG, ...input.tags],
        occurred_at: occurredHoursAgo === undefined ? null : this.ago(occurredHoursAgo),
        detected_at: detectedHoursAgo === undefined ? undefined : this.ago(detectedHoursAgo),
      });
      this.id = incident.id;
      this.number = incident.number;
    });
    return this;
  }

  /** A timeline note written `hours` ago about something that happened `happenedHoursAgo` (default: then). */
  note(hours: number, as: Actor, body: string, happenedHoursAgo?: number): this {
    this.add(hours, as, (ctx) => addTimelineNote(ctx, this.incidentId, { body, occurred_at: this.ago(happenedHoursAgo ?? hours) }));
    return this;
  }

  assign(hours: number, as: Actor, who: Actor, role: IncidentRole): this {
    this.add(hours, as, (ctx) => assignIncidentRole(ctx, this.incidentId, { user_id: who.userId, role }));
    return this;
  }

  move(hours: number, as: Actor, to: Phase, options: { reason?: string; resolution?: Resolution } = {}): this {
    this.add(hours, as, (ctx) => transitionIncident(ctx, this.incidentId, { to, reason: options.reason, resolution: options.resolution }));
    return this;
  }

  reviewCompleted(hours: number, as: Actor): this {
    this.add(hours, as, (ctx) => markReviewCompleted(ctx, this.incidentId, true));
    return this;
  }

  task(hours: number, as: Actor, input: { title: string; description?: string; phase?: Phase; assignee?: Actor; dueInHours?: number }, task: SampleTask = {}): this {
    this.add(hours, as, async (ctx) => {
      const created = await createTask(ctx, this.incidentId, {
        title: input.title,
        description: input.description,
        phase: input.phase,
        assignee_id: input.assignee?.userId,
        due_at: input.dueInHours === undefined ? undefined : this.ago(hours - input.dueInHours),
      });
      task.id = created.id;
      task.version = created.version;
    });
    return this;
  }

  taskStatus(hours: number, as: Actor, task: SampleTask, status: TaskStatus): this {
    this.add(hours, as, async (ctx) => {
      if (!task.id || task.version === undefined) throw new Error('A sample task changed before it was created.');
      task.version = (await updateTask(ctx, task.id, task.version, { status })).version;
    });
    return this;
  }
}
