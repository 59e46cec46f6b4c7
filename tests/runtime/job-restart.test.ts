/**
 * A server killed (SIGKILL: no shutdown, no last write) while a cutscene job films: the job file
 * still says running, nothing of the cutscene is served or left half-written; a new server on the
 * same store resumes the job (attempt 2, said in its notes), finishes it, and serves a whole MP4.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { probeMedia } from '../../engine-bridge/video/probe-media.ts';
import type { Job } from '../../runtime/jobs/job.ts';

const children: ChildProcess[] = [];
let store = '';
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  if (store) await rm(store, { recursive: true, force: true });
});

async function startServer(): Promise<{ url: string; child: ChildProcess }> {
  const options = { port: 0, host: '127.0.0.1', model: null, store };
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('../helpers/serve-process.mts', import.meta.url).pathname, JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /READY (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before it was ready`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

const post = async (url: string, body: unknown) => (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json() as Promise<any>;
const getJob = async (url: string, id: string) => (await fetch(`${url}/api/jobs/${id}`)).json() as Promise<Job>;
async function waitFor(url: string, id: string, check: (job: Job) => boolean, timeoutMs = 240_000): Promise<Job> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const job = await getJob(url, id);
    if (check(job)) return job;
    if (job.status === 'failed' || Date.now() > end) throw new Error(`job ${id}: ${JSON.stringify(job.status === 'failed' ? job.error : job.progress)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('a server restarted during a job', () => {
  it('resumes the job; nothing half-written is served', async () => {
    store = await mkdtemp(join(tmpdir(), 'ws-restart-'));
    const first = await startServer();
    const world = await post(`${first.url}/api/worlds`, { prompt: 'a small grassy valley with a river and a tower', seed: 3 });
    const generate = await post(`${first.url}/api/jobs`, { kind: 'generate', worldId: world.id });
    await waitFor(first.url, generate.id, (j) => j.status === 'done');
    const { plan } = await post(`${first.url}/api/worlds/${world.id}/plans`, { storyboard: 'wide establishing shot of the valley for 1 second; orbit around the tower for 1 second' });
    const job = await post(`${first.url}/api/jobs`, { kind: 'cutscene', worldId: world.id, plan, width: 160, height: 90 });
    await waitFor(first.url, job.id, (j) => j.progress.stage === 'frames' && j.progress.done >= 4);

    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    const onDisk = JSON.parse(await readFile(join(store, 'jobs', `${job.id}.json`), 'utf8')) as Job;
    expect(onDisk.status).toBe('running');
    expect(onDisk.attempts).toBe(1);
    expect((await readdir(join(store, 'cutscenes'))).filter((n) => n.startsWith(job.id) && !n.includes('.tmp-'))).toEqual([]);

    const second = await startServer();
    const resumed = await getJob(second.url, job.id);
    expect(['queued', 'running']).toContain(resumed.status);
    expect(resumed.attempts).toBe(2);
    expect(resumed.notes.join(' ')).toMatch(/Resumed from the start after a server restart/);
    const early = await fetch(`${second.url}/api/cutscenes/${job.id}/cutscene.mp4`);
    expect(early.status).toBe(404);
    // The generate job that finished before the kill is still done, its world still known.
    expect((await getJob(second.url, generate.id)).status).toBe('done');

    const done = await waitFor(second.url, job.id, (j) => j.status === 'done');
    expect(done.attempts).toBe(2);
    const mp4 = new Uint8Array(await (await fetch(`${second.url}${(done.result!.files as { mp4: string }).mp4}`)).arrayBuffer());
    const probe = await probeMedia(mp4);
    expect(probe.duration).toBeCloseTo(2, 0);
    expect(probe.streams.map((s) => s.type).sort()).toEqual(['audio', 'video']);
    expect((await readdir(join(store, 'cutscenes'))).filter((n) => n.includes('.tmp-'))).toEqual([]);
    second.child.kill('SIGTERM');
    await new Promise((resolve) => second.child.once('exit', resolve));
  });
});
