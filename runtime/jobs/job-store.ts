/**
 * Jobs on disk: one JSON file per job under `<store>/jobs/`, written to a temp name and renamed, so
 * a crash leaves the old version or the new one, never half of one. Writes of one job are queued
 * in order; progress is written at most twice a second (status changes at once).
 */
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { removeTempEntries, writeFileAtomic } from '../store/atomic-files.ts';
import { JOB_KINDS, type Job } from './job.ts';

export const JOB_ID_PATTERN = /^job-[0-9a-z]{8,14}-[0-9a-f]{8}$/;
const PROGRESS_WRITE_INTERVAL_MS = 500;

export interface JobStore {
  /** Every job file that parses as a job (others are skipped and named in `skipped`). */
  loadAll(): Promise<{ jobs: Job[]; skipped: string[] }>;
  /** Writes the job now (status changes) or soon (progress only). */
  save(job: Job, options?: { progressOnly?: boolean }): Promise<void>;
  /** Deletes a job's file (after its pending writes). */
  remove(id: string): Promise<void>;
  /** Waits for every pending write. */
  flush(): Promise<void>;
}

export async function openJobStore(dir: string): Promise<JobStore> {
  await mkdir(dir, { recursive: true });
  const chains = new Map<string, Promise<void>>();
  const lastWrite = new Map<string, number>();
  const pendingTimers = new Map<string, NodeJS.Timeout>();

  const write = (job: Job) => {
    const text = `${JSON.stringify(job, null, 2)}\n`;
    const path = join(dir, `${job.id}.json`);
    const next = (chains.get(job.id) ?? Promise.resolve()).then(() => writeFileAtomic(path, text));
    const settled = next.catch((error: Error) => console.error(`worldsmith serve: could not save job ${job.id}: ${error.message}`));
    chains.set(job.id, settled);
    lastWrite.set(job.id, Date.now());
    return settled;
  };

  return {
    async loadAll() {
      const jobs: Job[] = [];
      const skipped: string[] = [];
      // Writes a crash interrupted: the file renamed before each is the job.
      await removeTempEntries(dir);
      for (const name of await readdir(dir)) {
        if (!name.endsWith('.json') || !JOB_ID_PATTERN.test(name.slice(0, -5))) continue;
        try {
          const job = JSON.parse(await readFile(join(dir, name), 'utf8')) as Job;
          if (job.id !== name.slice(0, -5) || !(JOB_KINDS as readonly string[]).includes(job.kind) || typeof job.status !== 'string') throw new Error('not a job');
          jobs.push(job);
        } catch {
          skipped.push(name);
        }
      }
      // Ids grow with time (job-queue.ts): this is the order they were asked for.
      jobs.sort((a, b) => a.id.localeCompare(b.id));
      return { jobs, skipped };
    },
    save(job, options = {}) {
      const snapshot = structuredClone(job);
      clearTimeout(pendingTimers.get(job.id));
      pendingTimers.delete(job.id);
      if (!options.progressOnly) return write(snapshot);
      const wait = PROGRESS_WRITE_INTERVAL_MS - (Date.now() - (lastWrite.get(job.id) ?? 0));
      if (wait <= 0) return write(snapshot);
      pendingTimers.set(
        job.id,
        setTimeout(() => {
          pendingTimers.delete(job.id);
          void write(snapshot);
        }, wait),
      );
      return Promise.resolve();
    },
    remove(id) {
      clearTimeout(pendingTimers.get(id));
      pendingTimers.delete(id);
      const next = (chains.get(id) ?? Promise.resolve()).then(() => rm(join(dir, `${id}.json`), { force: true })).catch(() => undefined);
      chains.set(id, next);
      return next;
    },
    async flush() {
      for (const [id, timer] of pendingTimers) {
        clearTimeout(timer);
        pendingTimers.delete(id);
      }
      await Promise.all(chains.values());
    },
  };
}
