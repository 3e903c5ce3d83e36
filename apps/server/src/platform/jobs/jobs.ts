import PgBoss from 'pg-boss';
import type { Database } from '../db/database.ts';

export interface JobDefinition {
  /** Runs the job; its result is kept by the queue for inspection. */
  run(): Promise<unknown>;
  /** Cron expression (UTC) for recurring jobs. */
  cron?: string;
}

export interface Jobs {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Queues a run now and waits until it has finished (used by the admin command and tests). */
  runNow(name: string, timeoutMs?: number): Promise<unknown>;
}

/**
 * Jobs on a PostgreSQL-backed queue (pg-boss, in its own schema): one run per job across every
 * instance, retried on failure, schedules kept in the database.
 */
export function createJobs(
  database: Database,
  definitions: Record<string, JobDefinition>,
  log?: (msg: string) => void,
): Jobs {
  const boss = new PgBoss({
    db: { executeSql: (text: string, values?: unknown[]) => database.pool.query(text, values as unknown[]) },
    schema: 'pgboss',
  } as ConstructorParameters<typeof PgBoss>[0]);
  boss.on('error', (error) => log?.(`jobs: ${error.message}`));
  let started = false;

  return {
    async start() {
      await boss.start();
      started = true;
      for (const [name, def] of Object.entries(definitions)) {
        await boss.createQueue(name);
        await boss.work(name, { pollingIntervalSeconds: 2 }, async () => def.run());
        if (def.cron) await boss.schedule(name, def.cron, {}, { tz: 'UTC' });
      }
    },
    async stop() {
      if (started) await boss.stop({ graceful: true, wait: true, timeout: 5000 });
      started = false;
    },
    async runNow(name, timeoutMs = 30_000) {
      const id = await boss.send(name, {});
      if (!id) throw new Error(`job ${name} was not queued`);
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const job = await boss.getJobById(name, id);
        if (job?.state === 'completed') return job.output;
        if (job?.state === 'failed') throw new Error(`job ${name} failed: ${JSON.stringify(job.output)}`);
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`job ${name} did not finish within ${timeoutMs} ms`);
    },
  };
}
