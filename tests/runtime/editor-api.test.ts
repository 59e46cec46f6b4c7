/**
 * The editor's HTTP API on a real server (a real world generated in its worker thread, a real
 * cutscene filmed in headless Chromium): every route checked against its declaration (4xx naming
 * the field), the OpenAPI document current, jobs followed over Server-Sent Events, cancelled, and
 * their files served only when whole; the texture lab and a world's library; planning, checking
 * an edited plan and reframing from a picked camera; downloads; nothing outside the store reached.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeMedia } from '../../engine-bridge/video/probe-media.ts';
import { validateGlb } from '../../generators/export/validate-glb.ts';
import type { Job } from '../../runtime/jobs/job.ts';
import { MAX_EVENT_STREAMS } from '../../runtime/server/editor-api.ts';
import { startStreamServer, type StreamServer } from '../../runtime/server/start-stream-server.ts';
import { OPENAPI_FILE, openApiText } from '../../runtime/server/write-openapi.ts';

const PROMPT = 'a small grassy valley with a river and a tower';
let server: StreamServer;
let store: string;
let worldId: string;

async function call(method: string, path: string, body?: unknown, raw = false) {
  const response = await fetch(server.url + path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : raw ? (body as string) : JSON.stringify(body),
  });
  const type = response.headers.get('content-type') ?? '';
  return { status: response.status, headers: response.headers, json: type.includes('json') ? ((await response.json()) as any) : undefined, response };
}

/** Reads `event: job` messages from GET /api/events until `until` says stop. */
async function followJobs(until: (job: Job) => boolean, timeoutMs = 240_000): Promise<Job[]> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const response = await fetch(`${server.url}/api/events`, { signal: controller.signal });
  expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
  const reader = response.body!.getReader();
  const seen: Job[] = [];
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += new TextDecoder().decode(value);
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = /^event: job\ndata: (.*)$/m.exec(message);
        if (!data) continue;
        const job = JSON.parse(data[1]) as Job;
        seen.push(job);
        if (until(job)) return seen;
      }
    }
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  throw new Error('the event stream ended');
}

beforeAll(async () => {
  store = await mkdtemp(join(tmpdir(), 'ws-editor-api-'));
  server = await startStreamServer({ port: 0, host: '127.0.0.1', model: null, store, samplePage: false });
});
afterAll(async () => {
  await server?.close();
  await rm(store, { recursive: true, force: true });
});

describe('editor API', () => {
  it('serves the OpenAPI document it validates with, and the committed runtime/openapi.json is current', async () => {
    const { status, json } = await call('GET', '/api/openapi.json');
    expect(status).toBe(200);
    expect(json.openapi).toBe('3.1.0');
    expect(`${JSON.stringify(json, null, 2)}\n`).toBe(openApiText());
    expect(await readFile(OPENAPI_FILE, 'utf8')).toBe(openApiText()); // else: npm run openapi
    for (const path of ['/api/jobs', '/api/jobs/{jobId}/cancel', '/api/events', '/api/textures', '/api/worlds/{id}/plans/reframe', '/api/cutscenes/{cutsceneId}/{file}', '/api/worlds/{id}/chunks.zip']) {
      expect(Object.keys(json.paths)).toContain(path);
    }
    expect(json.paths['/api/jobs'].post.requestBody.content['application/json'].schema.properties.kind).toBeDefined();
  });

  it('refuses bad requests with 4xx, naming the field, and never reaches outside the store', async () => {
    const cases: Array<[string, string, unknown, number, string | RegExp]> = [
      ['POST', '/api/interpret', { prompt: '' }, 400, '/prompt'],
      ['POST', '/api/interpret', { prompt: 'a lake', seed: -1 }, 400, '/seed'],
      ['POST', '/api/interpret', { prompt: 'a lake', colour: 'red' }, 400, /colour/],
      ['POST', '/api/worlds', { prompt: 'a lake', spec: {} }, 400, /either "prompt".*or "spec"/],
      ['POST', '/api/worlds', { spec: { seed: 1, size: { width: 7 } } }, 400, /size/],
      ['POST', '/api/jobs', { kind: 'bake', worldId: 'world-1-aaaaaaaa' }, 400, '/kind'],
      ['POST', '/api/jobs', { kind: 'cutscene', worldId: 'world-1-aaaaaaaa', plan: {}, width: 641 }, 400, '/width'],
      ['POST', '/api/jobs', { kind: 'generate', worldId: '../../etc' }, 400, '/worldId'],
      ['POST', '/api/jobs', { kind: 'generate', worldId: 'world-1-aaaaaaaa' }, 404, /No world "world-1-aaaaaaaa"/],
      ['POST', '/api/textures', { description: 'bricks', size: 300 }, 400, '/size'],
      ['POST', '/api/textures', { description: 'x'.repeat(201) }, 400, /\(201 characters\)/],
      ['POST', '/api/textures', { description: 'a glass of warm milk' }, 400, /TEXTURE|describe|famil/i],
      ['GET', '/api/worlds/not-a-world', undefined, 400, '/id'],
      ['GET', '/api/jobs/job-00000000-00000000', undefined, 404, /No job/],
      ['GET', '/api/textures/tex-1-00000000/preview.png', undefined, 404, /no file/],
      ['GET', '/api/textures/tex-1-00000000/..%2F..%2Fjobs', undefined, 400, '/file'],
      ['GET', '/api/cutscenes/job-00000000-00000000/passwd', undefined, 400, '/file'],
      ['GET', '/api/cutscenes/..%2Fjobs/cutscene.mp4', undefined, 400, '/cutsceneId'],
      ['POST', '/api/jobs/job-00000000-00000000/cancel', undefined, 404, /No job/],
    ];
    for (const [method, path, body, status, expected] of cases) {
      const answer = await call(method, path, body);
      expect(answer.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(status);
      const text = `${answer.json.error.path ?? ''} ${answer.json.error.message}`;
      if (typeof expected === 'string') expect(answer.json.error.path, `${method} ${path}`).toBe(expected);
      else expect(text, `${method} ${path}`).toMatch(expected);
      expect(answer.json.error.message.length).toBeGreaterThan(20);
    }
    const notJson = await call('POST', '/api/interpret', '{"prompt": ', true);
    expect(notJson.status).toBe(400);
    expect(notJson.json.error.message).toMatch(/not valid JSON/);
    // Nothing was written for the refused requests.
    expect(await readdir(join(store, 'worlds'))).toEqual([]);
    expect(await readdir(join(store, 'textures'))).toEqual([]);
  });

  it('caps the event streams a client can hold open', async () => {
    const open: AbortController[] = [];
    for (let i = 0; i < MAX_EVENT_STREAMS; i++) {
      const controller = new AbortController();
      const response = await fetch(`${server.url}/api/events`, { signal: controller.signal });
      expect(response.status).toBe(200);
      open.push(controller);
    }
    const refused = await call('GET', '/api/events');
    expect(refused.status).toBe(429);
    expect(refused.json.error.message).toMatch(/close one/);
    open.pop()!.abort();
    await new Promise((r) => setTimeout(r, 200));
    const controller = new AbortController();
    expect((await fetch(`${server.url}/api/events`, { signal: controller.signal })).status).toBe(200);
    for (const c of [...open, controller]) c.abort();
    await new Promise((r) => setTimeout(r, 200));
  });

  it('interprets, adds and generates a world as a job followed over SSE; planning waits for it', async () => {
    const interpreted = await call('POST', '/api/interpret', { prompt: PROMPT, seed: 3 });
    expect(interpreted.status).toBe(200);
    expect(interpreted.json.spec.seed).toBe(3);
    expect(interpreted.json.explanation.matches.map((m: { phrase: string }) => m.phrase)).toEqual(expect.arrayContaining(['river', 'tower']));
    expect(interpreted.json.explanationText).toMatch(/river/);
    const added = await call('POST', '/api/worlds', { spec: interpreted.json.spec });
    expect(added.status).toBe(201);
    worldId = added.json.id;
    expect((await call('GET', `/api/worlds/${worldId}/spec.json`)).json).toEqual(interpreted.json.spec);
    const early = await call('POST', `/api/worlds/${worldId}/plans`, { storyboard: 'wide shot of the valley' });
    expect(early.status).toBe(409);
    expect(early.json.error.message).toMatch(/not been generated yet.*generate job/);

    const following = followJobs((job) => job.kind === 'generate' && (job.status === 'done' || job.status === 'failed'));
    await new Promise((r) => setTimeout(r, 100));
    const submitted = await call('POST', '/api/jobs', { kind: 'generate', worldId });
    expect(submitted.status).toBe(202);
    const events = (await following).filter((e) => e.id === submitted.json.id);
    const last = events.at(-1)!;
    expect(last.status, JSON.stringify(last.error)).toBe('done');
    const stages = new Set(events.map((e) => e.progress.stage));
    expect(stages).toEqual(expect.objectContaining({}));
    for (const stage of ['erosion', 'scatter', 'glb', 'chunks']) expect([...stages]).toContain(stage);
    const fractions = events.map((e) => e.progress.fraction);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
    expect(last.result!.stats).toMatchObject({ structures: 1, chunks: expect.any(Number), glbBytes: expect.any(Number) });
    const summary = (await call('GET', `/api/worlds/${worldId}`)).json;
    expect(summary.status).toBe('ready');
    expect(summary.stats.instances).toBeGreaterThan(100);
    // Its files were written to the store, whole.
    expect(JSON.parse(await readFile(join(store, 'worlds', worldId, 'stats.json'), 'utf8'))).toEqual(summary.stats);
  });

  it('downloads the world as a glb and its chunks as a zip', async () => {
    const glb = await fetch(`${server.url}/api/worlds/${worldId}/world.glb`);
    const bytes = new Uint8Array(await glb.arrayBuffer());
    expect((await validateGlb(bytes)).errors).toBe(0);
    const zip = await fetch(`${server.url}/api/worlds/${worldId}/chunks.zip`);
    expect(zip.headers.get('content-disposition')).toMatch(/attachment; filename="?world-3-[0-9a-f]{8}-chunks\.zip/);
    const path = join(store, 'chunks-test.zip');
    await writeFile(path, new Uint8Array(await zip.arrayBuffer()));
    // Python's zipfile: CRCs checked, names listed.
    const listing = JSON.parse(execFileSync('python3', ['-c', 'import zipfile,sys,json; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(json.dumps(z.namelist()))', path]).toString()) as string[];
    const index = (await call('GET', `/api/worlds/${worldId}/chunks/index.json`)).json;
    expect(listing).toContain('index.json');
    expect(listing.length).toBeGreaterThan(2);
    expect(JSON.stringify(index)).toContain(listing.find((n) => n.endsWith('.glb'))!);
  });

  it('makes a texture set, serves its maps and zip, and saves it to the world library', async () => {
    const made = await call('POST', '/api/textures', { description: 'old mossy red bricks', size: 256, seed: 5 });
    expect(made.status).toBe(201);
    expect(made.json).toMatchObject({ family: 'bricks', size: 256, seed: 5 });
    expect(made.json.maps.map((m: { name: string }) => m.name)).toEqual(expect.arrayContaining(['basecolor', 'normal', 'orm']));
    const again = await call('POST', '/api/textures', { description: 'old mossy red bricks', size: 256, seed: 5 });
    expect(again.json.id).toBe(made.json.id);
    const map = await fetch(server.url + made.json.maps[0].url);
    expect(map.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await map.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
    const zip = await fetch(server.url + made.json.zipUrl);
    const path = join(store, 'set-test.zip');
    await writeFile(path, new Uint8Array(await zip.arrayBuffer()));
    const names = execFileSync('python3', ['-c', 'import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(" ".join(z.namelist()))', path]).toString();
    expect(names).toMatch(/basecolor\.png.*material\.json/s);
    expect((await call('GET', `/api/worlds/${worldId}/library`)).json.textures).toEqual([]);
    const saved = await call('POST', `/api/worlds/${worldId}/library`, { textureId: made.json.id });
    expect(saved.status).toBe(201);
    expect(saved.json.textures.map((t: { id: string }) => t.id)).toEqual([made.json.id]);
    expect((await call('POST', `/api/worlds/${worldId}/library`, { textureId: 'tex-1-00000000' })).status).toBe(404);
  });

  let plan: any;
  it('plans a storyboard, checks an edited plan and reframes a shot from a picked camera', async () => {
    const made = await call('POST', `/api/worlds/${worldId}/plans`, { storyboard: 'wide establishing shot of the valley for 1 second; orbit around the tower for 1 second' });
    expect(made.status, JSON.stringify(made.json)).toBe(200);
    expect(made.json.plan.shots.map((s: { type: string }) => s.type)).toEqual(['establishing', 'orbit']);
    expect(made.json.explanationText).toMatch(/tower/);
    plan = made.json.plan;
    // Reordered and retimed.
    const edited = { ...plan, shots: [{ ...plan.shots[1], durationSeconds: 0.5 }, plan.shots[0]] };
    const checked = await call('POST', `/api/worlds/${worldId}/plans/check`, { plan: edited });
    expect(checked.status, JSON.stringify(checked.json)).toBe(200);
    expect(checked.json.durationSeconds).toBe(1.5);
    expect(checked.json.plan.shots.map((s: { id: string }) => s.id)).toEqual([plan.shots[1].id, plan.shots[0].id]);
    const broken = await call('POST', `/api/worlds/${worldId}/plans/check`, { plan: { ...plan, shots: [{ ...plan.shots[0], subject: 'structure:castle' }] } });
    expect(broken.status).toBe(422);
    expect(broken.json.error.code).toBe('PLAN_UNKNOWN_SUBJECT');

    // Reframe the establishing shot (subject: the world, at its middle) from a camera high above the south side.
    const first = plan.shots[0];
    const reframed = await call('POST', `/api/worlds/${worldId}/plans/reframe`, { plan, shotId: first.id, camera: { position: [0, 200, 150] } });
    expect(reframed.status, JSON.stringify(reframed.json)).toBe(200);
    const rig = reframed.json.plan.shots[0].rig;
    expect(rig.distance).toBeCloseTo(150, 0);
    expect(Math.abs(rig.azimuthDegrees)).toBeLessThan(0.5); // south of the middle: azimuth 0
    expect(rig.height).toBeGreaterThan(50);
    const buried = await call('POST', `/api/worlds/${worldId}/plans/reframe`, { plan, shotId: first.id, camera: { position: [0, -40, 150] } });
    expect(buried.status).toBe(422);
    expect(buried.json.error.code).toBe('PLAN_CAMERA_BLOCKED');
    expect(buried.json.error.message).toMatch(new RegExp(first.id));
    expect((await call('POST', `/api/worlds/${worldId}/plans/reframe`, { plan, shotId: 'shot-99', camera: { position: [0, 100, 0] } })).status).toBe(422);
    plan = reframed.json.plan;
  });

  it('films a cutscene as a job: files only once whole, the MP4 plays and seeks; a cancelled job leaves nothing', async () => {
    const short = { ...plan, shots: plan.shots.map((s: object) => ({ ...s, durationSeconds: 0.5 })) };
    const submitted = await call('POST', '/api/jobs', { kind: 'cutscene', worldId, plan: short, width: 160, height: 90 });
    expect(submitted.status).toBe(202);
    const id = submitted.json.id;
    const before = await call('GET', `/api/cutscenes/${id}/cutscene.mp4`);
    expect(before.status).toBe(404);
    expect(before.json.error.message).toMatch(/its job is (queued|running)/);
    const events = await followJobs((job) => job.id === id && ['done', 'failed'].includes(job.status));
    const done = events.at(-1)!;
    expect(done.status, JSON.stringify(done.error)).toBe('done');
    expect(events.some((e) => e.id === id && e.progress.stage === 'frames')).toBe(true);
    const files = done.result!.files as Record<string, string>;
    const mp4 = new Uint8Array(await (await fetch(server.url + files.mp4)).arrayBuffer());
    const probe = await probeMedia(mp4);
    expect(probe.streams.map((s) => `${s.type}:${s.codec}`).sort()).toEqual(['audio:aac', 'video:h264']);
    expect(probe.duration).toBeCloseTo(1, 0);
    const ranged = await fetch(server.url + files.mp4, { headers: { Range: 'bytes=0-99' } });
    expect(ranged.status).toBe(206);
    expect((await ranged.arrayBuffer()).byteLength).toBe(100);
    expect((await validateGlb(new Uint8Array(await (await fetch(server.url + files.glb)).arrayBuffer()))).errors).toBe(0);
    expect((await call('GET', files.plan)).json.shots.length).toBe(2);
    expect((await call('GET', files.timeline)).json.frameCount).toBe(24);

    // Cancelled while running: failed to nothing, no files, the next job runs.
    const second = (await call('POST', '/api/jobs', { kind: 'cutscene', worldId, plan: short, width: 160, height: 90 })).json;
    await followJobs((job) => job.id === second.id && job.status === 'running');
    const cancelled = await call('POST', `/api/jobs/${second.id}/cancel`);
    expect(cancelled.json.status).toBe('cancelled');
    expect((await call('POST', `/api/jobs/${second.id}/cancel`)).status).toBe(409);
    await new Promise((r) => setTimeout(r, 500));
    expect((await call('GET', `/api/cutscenes/${second.id}/cutscene.mp4`)).status).toBe(404);
    expect((await readdir(join(store, 'cutscenes'))).filter((n) => n.startsWith(second.id))).toEqual([]);
    const list = (await call('GET', '/api/jobs')).json.jobs as Job[];
    expect(list[0].id).toBe(second.id);
    expect(list.map((j) => j.status)).toEqual(['cancelled', 'done', 'done']);
  });
});
