/**
 * Every job the server knows, kept current: GET /api/jobs once, then the event stream GET
 * /api/events (`event: job`, the whole Job each time), upserted by id. EventSource reconnects by
 * itself; a job someone waits for is also polled (often while the stream is down, now and then
 * while it is up), so a flow never hangs on a lost event.
 */
import { api } from './api-client.ts';
import { FINISHED_JOB_STATUSES, type Job } from './api-types.ts';

type Listener = (job: Job) => void;

export class JobFeed {
  readonly jobs = new Map<string, Job>();
  private readonly listeners = new Set<Listener>();
  private source: EventSource | null = null;

  async start(): Promise<void> {
    this.source = new EventSource('/api/events');
    this.source.addEventListener('job', (event) => this.upsert(JSON.parse((event as MessageEvent<string>).data) as Job));
    try {
      const { jobs } = await api.listJobs();
      for (const job of [...jobs].reverse()) this.upsert(job);
    } catch (error) {
      console.warn(`worldsmith editor: GET /api/jobs failed: ${(error as Error).message}`);
    }
  }

  get streaming(): boolean {
    return this.source?.readyState === EventSource.OPEN;
  }

  /** Calls `listener` with every job that changes (and now with each known one). */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    for (const job of this.jobs.values()) listener(job);
    return () => this.listeners.delete(listener);
  }

  upsert(job: Job): void {
    const known = this.jobs.get(job.id);
    // A stale copy (a POST's answer arriving after the stream's news) never takes a job back.
    if (known && (known.updatedAt > job.updatedAt || (FINISHED_JOB_STATUSES.includes(known.status) && !FINISHED_JOB_STATUSES.includes(job.status)))) return;
    this.jobs.set(job.id, job);
    for (const listener of this.listeners) listener(job);
  }

  /** Resolves with the job once it is done, failed or cancelled; `onChange` sees every update. */
  follow(jobId: string, onChange?: Listener): Promise<Job> {
    return new Promise((resolve) => {
      let finished = false;
      const seen = (job: Job) => {
        if (job.id !== jobId || finished) return;
        onChange?.(job);
        if (!FINISHED_JOB_STATUSES.includes(job.status)) return;
        finished = true;
        this.listeners.delete(seen);
        clearInterval(poll);
        resolve(job);
      };
      // Polled too: every 2 s while the stream is down, every 5 s as a safety net while it is up.
      let ticks = 0;
      const poll = setInterval(() => {
        if (this.streaming && ++ticks % 5 !== 0) return;
        api.job(jobId).then((job) => this.upsert(job), () => undefined);
      }, 1000);
      this.subscribe(seen);
    });
  }
}
