/**
 * The editor's routes (declared in api-routes.ts, checked by api-route.ts): the editor page, the
 * WorldSpec schema and the interpreter, background jobs and their progress as Server-Sent Events,
 * the texture lab and each world's library, shot planning (storyboard → plan, check after an edit,
 * reframe from a picked camera), filmed cutscenes' files and the zip downloads.
 *
 * Planning runs on the event loop (it is pure and takes well under a second on the worlds the
 * editor makes); generation and filming run as jobs (worker thread, headless Chromium).
 */
import type { Application, Request, Response } from 'express';
import { formatExplanation, interpretPrompt } from '../../generators/interpret/index.ts';
import { parseShotPlan } from '../../generators/shots/parse-shot-plan.ts';
import { reframeShot } from '../../generators/shots/reframe-shot.ts';
import { settleFraming } from '../../generators/shots/settle-framing.ts';
import type { ShotPlan } from '../../generators/shots/shot-plan-schema.ts';
import { formatStoryboardExplanation, interpretStoryboard } from '../../generators/shots/storyboard/index.ts';
import { worldSpecJsonSchema } from '../../generators/spec/index.ts';
import { zipArchive } from '../exports/zip-archive.ts';
import type { CutsceneFiles } from '../jobs/cutscene-files.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import type { RoomContext } from '../rooms/room-context.ts';
import { ServerError } from '../server-error.ts';
import type { TextureLibrary } from '../textures/texture-library.ts';
import type { WorldSummary } from '../worlds/world-catalog.ts';
import { mountRoute } from './api-route.ts';
import { ROUTES } from './api-routes.ts';

export interface EditorServices {
  jobs: JobQueue;
  textures: TextureLibrary;
  cutscenes: CutsceneFiles;
  /** The editor page and its script, made on first request. */
  page: () => Promise<{ html: string; script: string }>;
}

export const CUTSCENE_DEFAULTS = { width: 640, height: 360, fps: 24 } as const;
const SSE_HEARTBEAT_MS = 15_000;
/** Event streams open at once; more are refused (429) so clients cannot hold the server's sockets. */
export const MAX_EVENT_STREAMS = 64;

export interface EditorApiOptions {
  context: RoomContext;
  editor: EditorServices;
  /** Throws unless the request carries the server's API key (when it has one). */
  requireKey: (req: Request) => void;
  /** The world with this id, or a 404 (http-api.ts). */
  knownWorld: (id: string) => Promise<WorldSummary>;
}

export function mountEditorApi(app: Application, options: EditorApiOptions): void {
  const { context, editor, requireKey, knownWorld: worldOf } = options;
  const { catalog } = context;
  /** A world planning can use: generated before (its files are in the store) or now. */
  const generatedWorld = async (id: string) => {
    const summary = await worldOf(id);
    if (summary.status !== 'ready' && !summary.stats) {
      throw new ServerError('CONFLICT', `World ${id} has not been generated yet: start a generate job (POST /api/jobs {"kind": "generate", "worldId": "${id}"}) and plan once it is done.`, { path: '/id' });
    }
    return catalog.load(id);
  };
  const planAnswer = async (plan: ShotPlan, worldId: string) => {
    const world = await generatedWorld(worldId);
    const settled = await settleFraming(plan, world.world);
    return { plan: settled.plan, notes: settled.notes, durationSeconds: settled.plan.shots.reduce((sum, s) => sum + s.durationSeconds, 0) };
  };

  mountRoute(app, ROUTES.editorPage, async (_req, res) => res.type('html').set('Cache-Control', 'no-cache').send((await editor.page()).html));
  mountRoute(app, ROUTES.editorScript, async (_req, res) => res.type('text/javascript').set('Cache-Control', 'no-cache').send((await editor.page()).script));

  const schema = worldSpecJsonSchema();
  mountRoute(app, ROUTES.worldSpecSchema, (_req, res) => res.json(schema));
  mountRoute(app, ROUTES.interpret, (req, res) => {
    const { prompt, seed } = req.body as { prompt: string; seed?: number };
    const { spec, explanation } = interpretPrompt(prompt, seed === undefined ? {} : { seed });
    res.json({ spec, explanation, explanationText: formatExplanation(explanation) });
  });

  mountRoute(app, ROUTES.getChunksZip, async (req, res) => {
    const world = await catalog.load((await worldOf(String(req.params.id))).id);
    const zip = zipArchive([{ name: 'index.json', data: `${JSON.stringify(world.chunkIndex, null, 2)}\n` }, ...[...world.chunks].map(([name, data]) => ({ name, data }))]);
    res.type('application/zip').attachment(`${world.id}-chunks.zip`).send(Buffer.from(zip));
  });

  // The texture lab and each world's library.
  mountRoute(app, ROUTES.makeTexture, async (req, res) => {
    requireKey(req);
    const { description, size, seed } = req.body as { description: string; size?: number; seed?: number };
    res.status(201).json(await editor.textures.make({ description, size: size ?? 512, seed }));
  });
  mountRoute(app, ROUTES.getTexture, async (req, res) => {
    const summary = await editor.textures.get(String(req.params.textureId));
    if (!summary) throw new ServerError('FILE_UNKNOWN', `No texture set "${String(req.params.textureId)}": make it with POST /api/textures.`, { path: '/textureId' });
    res.json(summary);
  });
  mountRoute(app, ROUTES.getTextureFile, async (req, res) => {
    const id = String(req.params.textureId);
    const name = String(req.params.file);
    if (name === 'set.zip') {
      const files = await editor.textures.files(id);
      if (!files) throw new ServerError('FILE_UNKNOWN', `No texture set "${id}": make it with POST /api/textures.`, { path: '/textureId' });
      return void res.type('application/zip').attachment(`${id}.zip`).send(Buffer.from(zipArchive(files.map((f) => ({ name: f.name, data: f.bytes })))));
    }
    const bytes = await editor.textures.file(id, name);
    if (!bytes) throw new ServerError('FILE_UNKNOWN', `Texture set ${id} has no file "${name}"; its maps are listed by GET /api/textures/${id}.`, { path: '/file' });
    res.type(name.endsWith('.json') ? 'application/json' : 'image/png').set('Cache-Control', 'public, max-age=31536000, immutable').send(Buffer.from(bytes));
  });
  mountRoute(app, ROUTES.getLibrary, async (req, res) => res.json({ textures: await editor.textures.worldLibrary((await worldOf(String(req.params.id))).id) }));
  mountRoute(app, ROUTES.saveToLibrary, async (req, res) => {
    requireKey(req);
    const world = await worldOf(String(req.params.id));
    res.status(201).json({ textures: await editor.textures.saveToWorld(world.id, (req.body as { textureId: string }).textureId) });
  });

  // Shot planning.
  mountRoute(app, ROUTES.makePlan, async (req, res) => {
    const { storyboard, seed } = req.body as { storyboard: string; seed?: number };
    const world = await generatedWorld(String(req.params.id));
    const { plan: draft, explanation } = interpretStoryboard(storyboard, world.world, { seed });
    const answer = await planAnswer(draft, world.id);
    res.json({ ...answer, explanationText: formatStoryboardExplanation(explanation) });
  });
  mountRoute(app, ROUTES.checkPlan, async (req, res) => {
    const plan = parseShotPlan((req.body as { plan: unknown }).plan, { source: 'the request body\'s "plan"' });
    res.json(await planAnswer(plan, String(req.params.id)));
  });
  mountRoute(app, ROUTES.reframePlan, async (req, res) => {
    const b = req.body as { plan: unknown; shotId: string; camera: { position: [number, number, number] } };
    const plan = parseShotPlan(b.plan, { source: 'the request body\'s "plan"' });
    const world = await generatedWorld(String(req.params.id));
    res.json(await planAnswer(await reframeShot(plan, world.world, b.shotId, b.camera.position), world.id));
  });

  // Jobs.
  mountRoute(app, ROUTES.submitJob, async (req, res) => {
    requireKey(req);
    const b = req.body as { kind: 'generate' | 'cutscene'; worldId: string; plan?: unknown; width?: number; height?: number; fps?: number };
    const world = await worldOf(b.worldId);
    if (b.kind === 'generate') {
      if (b.plan !== undefined || b.width !== undefined || b.height !== undefined || b.fps !== undefined) throw new ServerError('VALIDATION', 'A generate job takes only "worldId"; plan, width, height and fps are for cutscene jobs.', { path: '/kind' });
      return void res.status(202).json(editor.jobs.submit('generate', world.id, {}));
    }
    if (b.plan === undefined) throw new ServerError('VALIDATION', 'A cutscene job needs "plan" (a ShotPlan: POST /api/worlds/:id/plans makes one).', { path: '/plan' });
    // Checked now, so a plan that cannot be filmed is refused before it queues.
    const plan = parseShotPlan(b.plan, { source: 'the request body\'s "plan"' });
    const input = { plan, width: b.width ?? CUTSCENE_DEFAULTS.width, height: b.height ?? CUTSCENE_DEFAULTS.height, fps: b.fps ?? CUTSCENE_DEFAULTS.fps };
    res.status(202).json(editor.jobs.submit('cutscene', world.id, input));
  });
  mountRoute(app, ROUTES.listJobs, (_req, res) => res.json({ jobs: editor.jobs.list() }));
  const jobOf = (req: Request) => {
    const job = editor.jobs.get(String(req.params.jobId));
    if (!job) throw new ServerError('JOB_UNKNOWN', `No job "${String(req.params.jobId)}" on this server; GET /api/jobs lists them.`, { path: '/jobId' });
    return job;
  };
  mountRoute(app, ROUTES.getJob, (req, res) => res.json(jobOf(req)));
  mountRoute(app, ROUTES.cancelJob, (req, res) => {
    requireKey(req);
    res.json(editor.jobs.cancel(jobOf(req).id));
  });
  let eventStreams = 0;
  mountRoute(app, ROUTES.events, (req, res) => {
    if (eventStreams >= MAX_EVENT_STREAMS) throw new ServerError('LIMIT', `This server already sends job events to ${MAX_EVENT_STREAMS} clients; close one (each browser tab of the editor holds one) and try again.`);
    eventStreams++;
    req.on('close', () => eventStreams--);
    streamJobEvents(req, res, editor.jobs);
  });

  mountRoute(app, ROUTES.getCutsceneFile, async (req, res) => {
    const id = String(req.params.cutsceneId);
    const path = await editor.cutscenes.pathOf(id, String(req.params.file));
    if (!path) {
      const job = editor.jobs.get(id);
      const why = job && job.status !== 'done' ? `its job is ${job.status}${job.error ? ` (${job.error.message})` : ''}` : 'there is no such cutscene';
      throw new ServerError('FILE_UNKNOWN', `Cutscene ${id} has no file "${String(req.params.file)}": ${why}.`, { path: '/cutsceneId' });
    }
    // sendFile answers Range requests, so the page's <video> can seek.
    await new Promise<void>((resolve, reject) => res.sendFile(path, { maxAge: '1y', immutable: true }, (error) => (error ? reject(error) : resolve())));
  });
}

/** Server-Sent Events: every job now, then every change; a comment line keeps proxies from closing it. */
function streamJobEvents(req: Request, res: Response, jobs: JobQueue): void {
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
  res.write('retry: 2000\n\n');
  const send = (job: unknown) => res.write(`event: job\ndata: ${JSON.stringify(job)}\n\n`);
  for (const job of jobs.list().reverse()) send(job);
  const unsubscribe = jobs.subscribe(send);
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), SSE_HEARTBEAT_MS);
  req.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}
