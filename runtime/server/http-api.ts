/**
 * The HTTP side of `worldsmith serve` (express 5, on the same port as Colyseus):
 *
 *   GET  /healthz                      the process is up
 *   GET  /readyz                       it takes new players (503 while starting or shutting down)
 *   GET  /metrics                      Prometheus text
 *   GET  /api/worlds                   the worlds this server knows
 *   POST /api/worlds                   {prompt, seed?} or {spec} → the world's id (generated on first use)
 *   GET  /api/worlds/:id               one world's summary
 *   GET  /api/worlds/:id/world.glb     the world, generated if needed
 *   GET  /api/worlds/:id/chunks/:file  the chunk index (index.json) and chunk glbs, for games that stream geometry
 *   POST /api/tokens                   {worldId | prompt + seed?, subject?, ttlSeconds?} → a join token and the world's id
 *                                      (Bearer API key when one is set)
 *   GET  /  and /play.js               the sample game page (samples/play)
 *
 * Errors are JSON `{error: {code, message}}` with a 4xx status for the client's mistakes. Files are
 * answered from memory by names the world's own index lists: no request path reaches the disk.
 */
import express, { type Application, type NextFunction, type Request, type Response } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { WorldsmithError } from '../../generators/worldsmith-error.ts';
import type { RoomContext } from '../rooms/room-context.ts';
import { ServerError } from '../server-error.ts';

export interface HttpApiOptions {
  context: RoomContext;
  /** When set, POST /api/tokens and POST /api/worlds need `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
  /** Whether the server takes players now. */
  ready: () => boolean;
  /** The sample page and its script, made on first request. */
  samplePage?: () => Promise<{ html: string; script: string }>;
}

export function mountHttpApi(app: Application, options: HttpApiOptions): void {
  const { context } = options;
  app.disable('x-powered-by');
  app.use(express.json({ limit: '1mb' }));

  const requireKey = (req: Request) => {
    if (!options.apiKey) return;
    const given = Buffer.from(req.get('authorization')?.replace(/^Bearer\s+/i, '') ?? '');
    const expected = Buffer.from(options.apiKey);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new ServerError('TOKEN_INVALID', 'This endpoint needs the server\'s API key: send "Authorization: Bearer <key>" (the key given to worldsmith serve --api-key).');
    }
  };
  const body = (req: Request): Record<string, unknown> => {
    if (!req.body || typeof req.body !== 'object' || Array.isArray(req.body)) throw new ServerError('REQUEST', 'The request body must be a JSON object (Content-Type: application/json).');
    return req.body as Record<string, unknown>;
  };
  const worldOf = async (req: Request) => {
    const id = String(req.params.id);
    const summary = await context.catalog.find(id);
    if (!summary) throw new ServerError('WORLD_UNKNOWN', `No world "${id.slice(0, 80)}" on this server: POST /api/worlds first, and use the id it returns.`);
    return summary;
  };

  app.get('/healthz', (_req, res) => void res.json({ ok: true }));
  app.get('/readyz', (_req, res) => {
    const ready = options.ready();
    res.status(ready ? 200 : 503).json({ ready, streams: context.streams, rooms: context.rooms, draining: context.draining });
  });
  app.get('/metrics', (_req, res) => {
    res.type('text/plain; version=0.0.4').send(context.metrics.registry.render());
  });

  app.get('/api/worlds', (_req, res) => void res.json({ worlds: context.catalog.list() }));
  app.post('/api/worlds', async (req, res) => {
    requireKey(req);
    const b = body(req);
    const input = b.spec !== undefined ? { spec: b.spec } : { prompt: b.prompt as string, seed: b.seed as number | undefined };
    const summary = await context.catalog.add(input);
    if (b.generate === true) void context.catalog.load(summary.id).catch(() => undefined);
    res.status(201).json(context.catalog.get(summary.id));
  });
  app.get('/api/worlds/:id', async (req, res) => void res.json(await worldOf(req)));
  app.get('/api/worlds/:id/world.glb', async (req, res) => {
    const world = await context.catalog.load((await worldOf(req)).id);
    res.type('model/gltf-binary').set('Cache-Control', 'public, max-age=31536000, immutable').send(Buffer.from(world.glb));
  });
  app.get('/api/worlds/:id/chunks/:file', async (req, res) => {
    const world = await context.catalog.load((await worldOf(req)).id);
    const file = String(req.params.file);
    if (file === 'index.json') return void res.json(world.chunkIndex);
    const bytes = world.chunks.get(file);
    if (!bytes) throw new ServerError('WORLD_UNKNOWN', `World ${world.id} has no chunk file "${file.slice(0, 80)}"; the names are in chunks/index.json.`);
    res.type('model/gltf-binary').set('Cache-Control', 'public, max-age=31536000, immutable').send(Buffer.from(bytes));
  });

  app.post('/api/tokens', async (req, res) => {
    requireKey(req);
    const b = body(req);
    // A prompt (and seed) instead of an id: the world is added first, and made on the first join.
    const worldId = b.worldId === undefined && typeof b.prompt === 'string' ? (await context.catalog.add({ prompt: b.prompt, seed: b.seed as number | undefined })).id : b.worldId;
    if (typeof worldId !== 'string' || !(await context.catalog.find(worldId))) throw new ServerError('WORLD_UNKNOWN', `"worldId" ${JSON.stringify(worldId)?.slice(0, 80)} is not a world on this server: POST /api/worlds first.`);
    const subject = b.subject === undefined ? '' : b.subject;
    if (typeof subject !== 'string' || subject.length > 128) throw new ServerError('REQUEST', '"subject" must be text of at most 128 characters.');
    const ttlSeconds = b.ttlSeconds === undefined ? undefined : Number(b.ttlSeconds);
    if (ttlSeconds !== undefined && !(ttlSeconds > 0)) throw new ServerError('REQUEST', '"ttlSeconds" must be a positive number of seconds.');
    const issued = context.tokens.issue({ worldId, subject }, ttlSeconds === undefined ? undefined : ttlSeconds * 1000);
    res.status(201).json({ ...issued, worldId });
  });

  if (options.samplePage) {
    const page = options.samplePage;
    app.get('/', async (_req, res) => void res.type('html').send((await page()).html));
    app.get('/play.js', async (_req, res) => void res.type('text/javascript').send((await page()).script));
  }

  app.use((req: Request, _res: Response, next: NextFunction) => next(new ServerError('WORLD_UNKNOWN', `Nothing at ${req.method} ${req.path.slice(0, 120)}.`)));
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const e = error as { status?: number; type?: string; message?: string; code?: string };
    if (error instanceof ServerError) return void res.status(error.status).json({ error: { code: error.code, message: error.message } });
    if (error instanceof WorldsmithError) return void res.status(400).json({ error: { code: error.code, message: error.message } });
    if (e?.type === 'entity.parse.failed') return void res.status(400).json({ error: { code: 'REQUEST', message: 'The request body is not valid JSON.' } });
    if (e?.type === 'entity.too.large') return void res.status(413).json({ error: { code: 'REQUEST', message: 'The request body is larger than 1 MB.' } });
    console.error(`worldsmith serve: ${e?.message ?? String(error)}`);
    res.status(500).json({ error: { code: 'SERVER', message: 'The server failed; its log says why.' } });
  });
}
