export interface Job {
  name: string;
  everyMs: number;
  /** Delay before the first run, so start-up is not slowed by housekeeping. */
  firstAfterMs?: number;
  run(): Promise<unknown>;
}

export interface JobLog {
  debug(details: object, message: string): void;
  warn?(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface Scheduler {
  /** Stops scheduling and waits for runs in progress to finish. */
  stop(): Promise<void>;
}

/**
 * Runs each job periodically, never overlapping with itself: the next run is scheduled only when
 * the previous one has finished. A failing run is logged and retried at the next interval.
 */
export function startScheduler(jobs: Job[], log: JobLog): Scheduler {
  let stopped = false;
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<void>>();

  const schedule = (job: Job, delay: number) => {
    if (stopped) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      const run = (async () => {
        const started = Date.now();
        try {
          const result = await job.run();
          log.debug({ job: job.name, ms: Date.now() - started, result }, `job ${job.name} done`);
        } catch (error) {
          log.error({ job: job.name, err: error }, `job ${job.name} failed`);
        }
      })();
      running.add(run);
      void run.finally(() => {
        running.delete(run);
        schedule(job, job.everyMs);
      });
    }, delay);
    // Pending housekeeping must not keep a finished process alive.
    timer.unref();
    timers.add(timer);
  };

  for (const job of jobs) schedule(job, job.firstAfterMs ?? job.everyMs);
  return {
    stop: async () => {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.all(running);
    },
  };
}
