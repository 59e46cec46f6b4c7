/**
 * The HTTP side of `worldsmith serve` (express 5, on the same port as Colyseus). Every route is
 * declared in api-routes.ts — with its path parameters, query and body schemas — and checked
 * against that declaration before it runs (api-route.ts); GET /api/openapi.json is built from the
 * same list. Here: health, metrics, worlds and their files, join tokens and the pages; the editor's
 * routes (jobs, events, texture lab, shot planning, cutscenes) are mounted by editor-api.ts.
 *
 * Errors are JSON `{error: {code, message, path?}}` with a 4xx status for the client's mistakes.
 * Files are answered from memory or the store by names this server made: no request string becomes
 * a path.
 */
import express, { type Application, type NextFunction, type Request, type Response } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { WorldsmithError } from '../../generators/worldsmith-error.ts';
import type { RoomContext } from '../rooms/room-context.ts';
import { ServerError } from '../server-error.ts';
import { mountRoute } from './api-route.ts';
import { ALL_ROUTES, ROUTES } from './api-routes.ts';
import { mountEditorApi, type EditorServices } from './editor-api.ts';
import { buildOpenApiDocument } from './openapi.ts';

export interface HttpApiOptions {
  context: RoomContext;
  /** When set, POST /api/tokens, POST /api/worlds and POST /api/jobs need `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
  /** Whether the server takes players now. */
  ready: () => boolean;
  /** The sample game page and its script, made on first request (served at /play). */
  samplePage?: () => Promise<{ html: string; script: string }>;
  /** The editor (at /) and its API. */
  editor?: EditorServices;
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
  /** The world a request's `:id` names, or 404 saying how to add one. */
  const knownWorld = async (id: string) => {
    const summary = await context.catalog.find(id);
    if (!summary) throw new ServerError('WORLD_UNKNOWN', `No world "${id.slice(0, 80)}" on this server: POST /api/worlds first, and use the id it returns.`, { path: '/id' });
    return summary;
  };
  const worldOf = (req: Request) => knownWorld(String(req.params.id));

  mountRoute(app, ROUTES.healthz, (_req, res) => res.json({ ok: true }));
  mountRoute(app, ROUTES.readyz, (_req, res) => {
    const ready = options.ready();
    res.status(ready ? 200 : 503).json({ ready, streams: context.streams, rooms: context.rooms, draining: context.draining });
  });
  mountRoute(app, ROUTES.metrics, (_req, res) => res.type('text/plain; version=0.0.4').send(context.metrics.registry.render()));
  const openApi = buildOpenApiDocument(ALL_ROUTES);
  mountRoute(app, ROUTES.openapi, (_req, res) => res.json(openApi));

  mountRoute(app, ROUTES.listWorlds, (_req, res) => res.json({ worlds: context.catalog.list() }));
  mountRoute(app, ROUTES.addWorld, async (req, res) => {
    requireKey(req);
    const b = req.body as { prompt?: string; seed?: number; spec?: unknown; generate?: boolean };
    if ((b.spec === undefined) === (b.prompt === undefined)) throw new ServerError('VALIDATION', 'Give either "prompt" (with an optional "seed") or "spec" (a whole WorldSpec), not both and not neither.', { path: '/' });
    if (b.spec !== undefined && b.seed !== undefined) throw new ServerError('VALIDATION', '"seed" goes with "prompt"; a spec carries its own seed (spec.seed).', { path: '/seed' });
    const summary = await context.catalog.add(b.spec !== undefined ? { spec: b.spec } : { prompt: b.prompt!, seed: b.seed });
    if (b.generate === true) void context.catalog.load(summary.id).catch(() => undefined);
    res.status(201).json(context.catalog.get(summary.id));
  });
  mountRoute(app, ROUTES.getWorld, async (req, res) => res.json(await worldOf(req)));
  mountRoute(app, ROUTES.getWorldSpec, async (req, res) => res.json(context.catalog.spec((await worldOf(req)).id)));
  // A world generated before is answered from the store; otherwise it is generated (or taken from memory).
  mountRoute(app, ROUTES.getWorldGlb, async (req, res) => {
    const { id } = await worldOf(req);
    const bytes = (await context.catalog.storedFile(id, 'world.glb')) ?? (await context.catalog.load(id)).glb;
    res.type('model/gltf-binary').set('Cache-Control', 'public, max-age=31536000, immutable').send(Buffer.from(bytes));
  });
  mountRoute(app, ROUTES.getChunkFile, async (req, res) => {
    const { id } = await worldOf(req);
    const file = String(req.params.file);
    const stored = await context.catalog.storedFile(id, `chunks/${file}`);
    if (stored) return void res.type(file.endsWith('.json') ? 'application/json' : 'model/gltf-binary').set('Cache-Control', 'public, max-age=31536000, immutable').send(Buffer.from(stored));
    const world = await context.catalog.load(id);
    if (file === 'index.json') return void res.json(world.chunkIndex);
    const bytes = world.chunks.get(file);
    if (!bytes) throw new ServerError('FILE_UNKNOWN', `World ${world.id} has no chunk file "${file.slice(0, 80)}"; the names are in chunks/index.json.`, { path: '/file' });
    res.type('model/gltf-binary').set('Cache-Control', 'public, max-age=31536000, immutable').send(Buffer.from(bytes));
  });

  mountRoute(app, ROUTES.tokens, async (req, res) => {
    requireKey(req);
    const b = req.body as { worldId?: string; prompt?: string; seed?: number; subject?: string; ttlSeconds?: number };
    // A prompt (and seed) instead of an id: the world is added first, and made on the first join.
    const worldId = b.worldId === undefined && b.prompt !== undefined ? (await context.catalog.add({ prompt: b.prompt, seed: b.seed })).id : b.worldId;
    if (worldId === undefined || !(await context.catalog.find(worldId))) throw new ServerError('WORLD_UNKNOWN', `"worldId" ${JSON.stringify(worldId)?.slice(0, 80)} is not a world on this server: POST /api/worlds first.`, { path: '/worldId' });
    const issued = context.tokens.issue({ worldId, subject: b.subject ?? '' }, b.ttlSeconds === undefined ? undefined : b.ttlSeconds * 1000);
    res.status(201).json({ ...issued, worldId });
  });

  if (options.editor) mountEditorApi(app, { context, editor: options.editor, requireKey, knownWorld });

  if (options.samplePage) {
    const page = options.samplePage;
    mountRoute(app, ROUTES.playPage, async (_req, res) => res.type('html').send((await page()).html));
    mountRoute(app, ROUTES.playScript, async (_req, res) => res.type('text/javascript').send((await page()).script));
    // Without the editor, the sample game keeps the root.
    if (!options.editor) app.get('/', async (_req, res) => void res.type('html').send((await page()).html));
  }

  app.use((req: Request, _res: Response, next: NextFunction) => next(new ServerError('FILE_UNKNOWN', `Nothing at ${req.method} ${req.path.slice(0, 120)}; GET /api/openapi.json lists the routes.`)));
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const e = error as { status?: number; type?: string; message?: string; code?: string };
    if (res.headersSent) return void res.end();
    if (error instanceof ServerError) return void res.status(error.status).json({ error: { code: error.code, message: error.message, ...(error.path ? { path: error.path } : {}) } });
    if (error instanceof WorldsmithError) {
      const issues = (error as { issues?: Array<{ path: string; problem: string; allowed: string }> }).issues;
      const path = (error as { path?: unknown }).path ?? issues?.[0]?.path;
      if (issues) return void res.status(400).json({ error: { code: error.code, message: error.message, path, issues } });
      // A plan that cannot be filmed in this world is well-formed but unprocessable.
      const status = error.code.startsWith('PLAN_') && error.code !== 'PLAN_OPTIONS' ? 422 : 400;
      return void res.status(status).json({ error: { code: error.code, message: error.message, ...(typeof path === 'string' ? { path } : {}) } });
    }
    if (e?.type === 'entity.parse.failed') return void res.status(400).json({ error: { code: 'REQUEST', message: 'The request body is not valid JSON.' } });
    if (e?.type === 'entity.too.large') return void res.status(413).json({ error: { code: 'REQUEST', message: 'The request body is larger than 1 MB.' } });
    console.error(`worldsmith serve: ${e?.message ?? String(error)}`);
    res.status(500).json({ error: { code: 'SERVER', message: 'The server failed; its log says why.' } });
  });
}
