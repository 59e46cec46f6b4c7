/**
 * A job: long work the editor (or any HTTP client) starts and follows — a world generated, a
 * cutscene filmed. Plain JSON, persisted in the store (`jobs/<id>.json`) at every change, so a
 * restarted server knows what was running and resumes it.
 */
export const JOB_KINDS = ['generate', 'cutscene'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export const FINISHED_STATUSES: ReadonlySet<JobStatus> = new Set(['done', 'failed', 'cancelled']);

export interface JobProgress {
  stage: string;
  done: number;
  total: number;
  /** Over the whole job, 0 … 1. */
  fraction: number;
}

export interface Job<Input = Record<string, unknown>, Result = Record<string, unknown>> {
  id: string;
  kind: JobKind;
  status: JobStatus;
  worldId: string;
  /** What was asked: enough to run the job again after a restart. */
  input: Input;
  createdAt: string;
  updatedAt: string;
  progress: JobProgress;
  /** Runs started (1 for a job that never met a restart). */
  attempts: number;
  /** Said once, e.g. that the job was resumed after a restart. */
  notes: string[];
  error?: { code: string; message: string };
  result?: Result;
}
