/**
 * The job queue and its store: one job at a time in order, progress that only grows, cancelling
 * (queued and running), failures kept with their reason, and what a restart finds — running jobs
 * resumed (attempt counted, said in a note), jobs interrupted too often failed with the reason,
 * half-written job files ignored.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Job } from '../../runtime/jobs/job.ts';
import { openJobQueue, type JobWork } from '../../runtime/jobs/job-queue.ts';
import { openJobStore } from '../../runtime/jobs/job-store.ts';
import { ServerError } from '../../runtime/server-error.ts';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ws-jobs-'));
  dirs.push(dir);
  return dir;
};
const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
};

/** A job kind that reports `steps` progress events and can be held open until released. */
function steppedWork(log: string[], steps = 3) {
  const gates = new Map<string, () => void>();
  const work: JobWork = async (job, { signal, progress }) => {
    log.push(`start ${job.id}`);
    for (let i = 0; i < steps; i++) {
      progress('frames', i, steps);
      await new Promise<void>((resolve, reject) => {
        gates.set(job.id, resolve);
        signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
      });
    }
    log.push(`end ${job.id}`);
    return { made: job.id };
  };
  return { work, release: (id: string) => gates.get(id)?.() };
}

describe('job queue', () => {
  it('runs jobs one at a time in order, with growing progress, and saves each change', async () => {
    const dir = await tempDir();
    const log: string[] = [];
    const { work, release } = steppedWork(log, 2);
    const queue = await openJobQueue({ store: await openJobStore(dir), work: { generate: work, cutscene: work } });
    const fractions = new Map<string, number[]>();
    queue.subscribe((job) => fractions.set(job.id, [...(fractions.get(job.id) ?? []), job.progress.fraction]));
    const a = queue.submit('generate', 'world-1-aaaaaaaa', {});
    const b = queue.submit('cutscene', 'world-1-aaaaaaaa', { plan: {} });
    expect(queue.get(a.id)!.status).toBe('running');
    expect(queue.get(b.id)!.status).toBe('queued');
    for (let i = 0; i < 2; i++) {
      release(a.id);
      await new Promise((r) => setTimeout(r, 5));
    }
    await until(() => queue.get(a.id)!.status === 'done');
    expect(queue.get(a.id)!.result).toEqual({ made: a.id });
    expect(queue.get(a.id)!.progress.fraction).toBe(1);
    await until(() => queue.get(b.id)!.status === 'running');
    expect(log).toEqual([`start ${a.id}`, `end ${a.id}`, `start ${b.id}`]);
    const seen = fractions.get(a.id)!;
    expect(seen.length).toBeGreaterThan(3);
    expect([...seen].sort((x, y) => x - y)).toEqual(seen);
    expect(seen.at(-2)).toBeLessThan(1);
    expect(seen.at(-1)).toBe(1);
    expect(queue.list().map((j) => j.id)).toEqual([b.id, a.id]);
    await queue.close();
    const saved = JSON.parse(await readFile(join(dir, `${a.id}.json`), 'utf8')) as Job;
    expect(saved.status).toBe('done');
    expect(saved.result).toEqual({ made: a.id });
  });

  it('cancels queued and running jobs; a finished one cannot be cancelled', async () => {
    const dir = await tempDir();
    const log: string[] = [];
    const { work } = steppedWork(log);
    const queue = await openJobQueue({ store: await openJobStore(dir), work: { generate: work, cutscene: work } });
    const a = queue.submit('generate', 'world-1-aaaaaaaa', {});
    const b = queue.submit('generate', 'world-2-bbbbbbbb', {});
    const c = queue.submit('generate', 'world-3-cccccccc', {});
    expect(queue.cancel(b.id).status).toBe('cancelled');
    expect(queue.cancel(a.id).status).toBe('cancelled');
    // The running one stopped, the cancelled queued one never started: c runs next.
    await until(() => queue.get(c.id)!.status === 'running');
    expect(log).toEqual([`start ${a.id}`, `start ${c.id}`]);
    expect(queue.get(a.id)!.error?.code).toBe('CANCELLED');
    expect(() => queue.cancel(a.id)).toThrow(ServerError);
    expect(() => queue.cancel(a.id)).toThrow(/already cancelled/);
    expect(() => queue.cancel('job-nothere00-00000000')).toThrow(/No job/);
    await queue.close();
  });

  it('forgets the oldest finished jobs beyond its limit, files and all', async () => {
    const dir = await tempDir();
    const quick: JobWork = async () => ({ ok: true });
    const queue = await openJobQueue({ store: await openJobStore(dir), work: { generate: quick, cutscene: quick }, keepFinished: 3 });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const job = queue.submit('generate', 'world-1-aaaaaaaa', {});
      ids.push(job.id);
      await until(() => queue.get(job.id)!.status === 'done');
    }
    expect(queue.list().map((j) => j.id)).toEqual(ids.slice(2).reverse());
    await queue.close();
    expect((await readdir(dir)).sort()).toEqual(ids.slice(2).map((id) => `${id}.json`));
  });

  it('keeps a failure with its code and message', async () => {
    const dir = await tempDir();
    const fail: JobWork = async () => {
      throw new ServerError('WORLD_FAILED', 'Generating the world failed: out of cheese');
    };
    const queue = await openJobQueue({ store: await openJobStore(dir), work: { generate: fail, cutscene: fail } });
    const a = queue.submit('generate', 'world-1-aaaaaaaa', {});
    await until(() => queue.get(a.id)!.status === 'failed');
    expect(queue.get(a.id)!.error).toEqual({ code: 'WORLD_FAILED', message: 'Generating the world failed: out of cheese' });
    await queue.close();
  });

  it('after a restart, resumes what was running or queued, and gives up on a job interrupted too often', async () => {
    const dir = await tempDir();
    const log: string[] = [];
    const first = steppedWork(log);
    let queue = await openJobQueue({ store: await openJobStore(dir), work: { generate: first.work, cutscene: first.work } });
    const a = queue.submit('generate', 'world-1-aaaaaaaa', {});
    const b = queue.submit('cutscene', 'world-1-aaaaaaaa', { plan: { shots: [] } });
    await queue.close(); // as a shutdown does: a stays "running" on disk
    expect((JSON.parse(await readFile(join(dir, `${a.id}.json`), 'utf8')) as Job).status).toBe('running');
    // A crash in the middle of a write leaves a temp file, and a stranger drops a file in.
    await writeFile(join(dir, `${a.id}.json.tmp-999`), '{"id":');
    await writeFile(join(dir, 'job-zzzzzzzz-00000000.json'), 'not json');

    const second = steppedWork(log, 1);
    queue = await openJobQueue({ store: await openJobStore(dir), work: { generate: second.work, cutscene: second.work } });
    const resumed = queue.get(a.id)!;
    expect(resumed.status).toBe('running');
    expect(resumed.attempts).toBe(2);
    expect(resumed.notes.join(' ')).toMatch(/Resumed from the start after a server restart/);
    expect(queue.get(b.id)!.status).toBe('queued');
    expect(queue.get(b.id)!.input).toEqual({ plan: { shots: [] } });
    second.release(a.id);
    await until(() => queue.get(b.id)!.status === 'running');
    second.release(b.id);
    await until(() => queue.get(b.id)!.status === 'done');
    expect(queue.get(a.id)!.status).toBe('done');
    await queue.close();
    expect((await readdir(dir)).some((name) => name.includes('.tmp-'))).toBe(false);

    // A job the server keeps stopping under: failed, with the reason.
    const third = steppedWork(log);
    queue = await openJobQueue({ store: await openJobStore(dir), work: { generate: third.work, cutscene: third.work }, maxAttempts: 2 });
    const c = queue.submit('generate', 'world-3-cccccccc', {});
    await queue.close();
    queue = await openJobQueue({ store: await openJobStore(dir), work: { generate: third.work, cutscene: third.work }, maxAttempts: 2 });
    expect(queue.get(c.id)!.attempts).toBe(2);
    await queue.close();
    queue = await openJobQueue({ store: await openJobStore(dir), work: { generate: third.work, cutscene: third.work }, maxAttempts: 2 });
    const given = queue.get(c.id)!;
    expect(given.status).toBe('failed');
    expect(given.error?.code).toBe('JOB_INTERRUPTED');
    expect(given.error?.message).toMatch(/stopped 2 times/);
    await queue.close();
  });
});
