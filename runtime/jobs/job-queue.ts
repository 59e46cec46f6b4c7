/**
 * The job queue: jobs run one at a time (generation and filming each want the whole machine), in
 * the order they were asked for, each with an AbortSignal for cancelling. Every change is saved
 * (job-store.ts) and told to subscribers (the SSE stream at GET /api/events).
 *
 * After a restart, a job that was queued or running is run again from the start — its work is
 * deterministic and its files are only ever renamed into place when whole, so nothing half-made was
 * served — up to `maxAttempts` runs; then it is marked failed with the reason.
 */
import { randomBytes } from 'node:crypto';
import { WorldsmithError } from '../../generators/worldsmith-error.ts';
import { ServerError } from '../server-error.ts';
import { FINISHED_STATUSES, type Job, type JobKind } from './job.ts';
import { trackJobProgress } from './job-progress.ts';
import type { JobStore } from './job-store.ts';

export interface JobContext {
  signal: AbortSignal;
  progress(stage: string, done: number, total: number): void;
}

/** What one kind of job does: its input in, its result out (plain JSON). */
export type JobWork = (job: Job, context: JobContext) => Promise<Record<string, unknown>>;

export interface JobQueueOptions {
  store: JobStore;
  work: Record<JobKind, JobWork>;
  /** Runs of one job before a restart-interrupted job is given up (default 3). */
  maxAttempts?: number;
  /** Finished jobs kept (the newest; older records are forgotten — the cutscenes they filmed stay in the store). Default 200. */
  keepFinished?: number;
}

export interface JobQueue {
  submit(kind: JobKind, worldId: string, input: Record<string, unknown>): Job;
  get(id: string): Job | undefined;
  /** Newest first. */
  list(): Job[];
  cancel(id: string): Job;
  /** Called with a copy of the job at every change; returns the unsubscribe. */
  subscribe(listener: (job: Job) => void): () => void;
  /** Stops the running job without marking it finished (it resumes at the next start), saves all. */
  close(): Promise<void>;
}

export async function openJobQueue(options: JobQueueOptions): Promise<JobQueue> {
  const maxAttempts = options.maxAttempts ?? 3;
  const keepFinished = options.keepFinished ?? 200;
  const jobs = new Map<string, Job>();
  const waiting: string[] = [];
  const listeners = new Set<(job: Job) => void>();
  let running: { job: Job; controller: AbortController; done: Promise<void> } | null = null;
  let closed = false;
  // Ids grow with time, one millisecond apart at least: their order is the order jobs were asked for.
  let lastIdTime = 0;

  const now = () => new Date().toISOString();
  const changed = (job: Job, progressOnly = false) => {
    job.updatedAt = now();
    void options.store.save(job, { progressOnly });
    for (const listener of listeners) {
      try {
        listener(structuredClone(job));
      } catch {
        // A listener's failure is its own.
      }
    }
  };

  const finish = (job: Job, status: 'done' | 'failed' | 'cancelled', extra: Partial<Job> = {}) => {
    Object.assign(job, { status, ...extra });
    if (status === 'done') job.progress = { stage: 'done', done: 1, total: 1, fraction: 1 };
    changed(job);
    forgetOldJobs();
  };
  /** The job list stays bounded: finished jobs beyond the newest `keepFinished` are forgotten. */
  const forgetOldJobs = () => {
    const finished = [...jobs.values()].filter((j) => FINISHED_STATUSES.has(j.status)).sort((a, b) => b.id.localeCompare(a.id));
    for (const old of finished.slice(keepFinished)) {
      jobs.delete(old.id);
      void options.store.remove(old.id);
    }
  };

  const pump = () => {
    if (running || closed) return;
    const id = waiting.shift();
    if (!id) return;
    const job = jobs.get(id)!;
    const controller = new AbortController();
    job.status = 'running';
    job.attempts += 1;
    job.progress = { stage: 'starting', done: 0, total: 1, fraction: 0 };
    delete job.error;
    changed(job);
    const tracker = trackJobProgress(job.kind);
    const context: JobContext = {
      signal: controller.signal,
      progress(stage, done, total) {
        if (controller.signal.aborted) return;
        job.progress = { stage, done, total, fraction: tracker.update(stage, done, total) };
        changed(job, true);
      },
    };
    const done = (async () => {
      try {
        const result = await options.work[job.kind](job, context);
        if (controller.signal.aborted) throw controller.signal.reason;
        finish(job, 'done', { result });
      } catch (error) {
        if (closed) return; // Left as running: the next start resumes it.
        if (job.status === 'cancelled') return;
        finish(job, 'failed', { error: describeFailure(error) });
      }
    })().finally(() => {
      running = null;
      pump();
    });
    running = { job, controller, done };
  };

  // Jobs a restart interrupted: run again, or give up after maxAttempts.
  const { jobs: stored, skipped } = await options.store.loadAll();
  for (const name of skipped) console.error(`worldsmith serve: skipped ${name} in the job store (not a job this server wrote)`);
  for (const job of stored) {
    jobs.set(job.id, job);
    lastIdTime = Math.max(lastIdTime, parseInt(job.id.split('-')[1], 36) || 0);
    if (FINISHED_STATUSES.has(job.status)) continue;
    if (job.attempts >= maxAttempts) {
      finish(job, 'failed', {
        error: { code: 'JOB_INTERRUPTED', message: `The server stopped ${job.attempts} times while this job ran; it was given up. Start it again, or look in the server's log for why it stops.` },
      });
      continue;
    }
    if (job.status === 'running') job.notes.push(`Resumed from the start after a server restart (run ${job.attempts + 1}).`);
    job.status = 'queued';
    job.progress = { stage: 'queued', done: 0, total: 1, fraction: 0 };
    changed(job);
    waiting.push(job.id);
  }
  pump();

  const copy = (job: Job) => structuredClone(job);
  return {
    submit(kind, worldId, input) {
      if (closed) throw new ServerError('SERVER', 'The server is shutting down; start the job again once it is back.');
      const job: Job = {
        id: `job-${(lastIdTime = Math.max(Date.now(), lastIdTime + 1)).toString(36)}-${randomBytes(4).toString('hex')}`,
        kind,
        status: 'queued',
        worldId,
        input,
        createdAt: now(),
        updatedAt: now(),
        progress: { stage: 'queued', done: 0, total: 1, fraction: 0 },
        attempts: 0,
        notes: [],
      };
      jobs.set(job.id, job);
      waiting.push(job.id);
      changed(job);
      pump();
      return copy(job);
    },
    get(id) {
      const job = jobs.get(id);
      return job && copy(job);
    },
    list() {
      return [...jobs.values()].sort((a, b) => b.id.localeCompare(a.id)).map(copy);
    },
    cancel(id) {
      const job = jobs.get(id);
      if (!job) throw new ServerError('JOB_UNKNOWN', `No job "${id.slice(0, 80)}" on this server; GET /api/jobs lists them.`);
      if (FINISHED_STATUSES.has(job.status)) throw new ServerError('CONFLICT', `Job ${id} is already ${job.status}; only queued or running jobs can be cancelled.`);
      const index = waiting.indexOf(id);
      if (index >= 0) waiting.splice(index, 1);
      finish(job, 'cancelled', { error: { code: 'CANCELLED', message: 'Cancelled by a request.' } });
      if (running?.job === job) running.controller.abort(new Error('cancelled'));
      return copy(job);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
      if (running) {
        running.controller.abort(new Error('server shutting down'));
        await running.done.catch(() => undefined);
      }
      await options.store.flush();
    },
  };
}

function describeFailure(error: unknown): { code: string; message: string } {
  if (error instanceof WorldsmithError) return { code: error.code, message: error.message };
  return { code: 'JOB_FAILED', message: error instanceof Error ? error.message : String(error) };
}
