/**
 * `startStreamServer`: one process, one port — express (the HTTP API, generated assets, the sample
 * page) and Colyseus 0.18 with the WebSocket transport (the `world` rooms) — on embedded defaults:
 * a local file store, the shipped world model, the embedded Chromium, everything in process.
 * With `redis`, Colyseus's Redis presence and driver let several processes (and machines) share
 * rooms and matchmaking; they must share the token secret and the store directory.
 *
 * `close()` shuts down gracefully: no new joins, every room tells its players and lets the frames
 * being made go out, then the sockets, the renderers and the model's workers close.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Server, type Presence } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import type { FindBrowserOptions } from '../../engine-bridge/render/find-browser.ts';
import { openLiveRenderer } from '../../engine-bridge/render/live-renderer.ts';
import { WORLD_ROOM } from '../../engine-bridge/stream-client/stream-protocol.ts';
import { loadWorldModel, type WorldModel } from '../../models/inference/world-model.ts';
import { createTokenIssuer } from '../auth/join-token.ts';
import { openCutsceneFiles } from '../jobs/cutscene-files.ts';
import { cutsceneJob } from '../jobs/cutscene-job.ts';
import { generateJob } from '../jobs/generate-job.ts';
import { openJobQueue, type JobQueue, type JobWork } from '../jobs/job-queue.ts';
import { openJobStore } from '../jobs/job-store.ts';
import { openTextureLibrary } from '../textures/texture-library.ts';
import { createStreamMetrics } from '../metrics/metrics.ts';
import { setRoomContext, STREAM_LIMIT_DEFAULTS, STREAM_SETTING_DEFAULTS, type RoomContext, type StreamLimits, type StreamSettings } from '../rooms/room-context.ts';
import { WorldRoom } from '../rooms/world-room.ts';
import { ServerError } from '../server-error.ts';
import { openWorldCatalog, type WorldCatalog, type WorldCatalogOptions } from '../worlds/world-catalog.ts';
import { buildEditorPage } from './editor-page.ts';
import type { EditorServices } from './editor-api.ts';
import { mountHttpApi } from './http-api.ts';
import { buildSamplePage } from './sample-page.ts';

export interface StreamServerOptions {
  /** 0 picks a free port (default 2567). */
  port?: number;
  host?: string;
  /** The store directory (worlds' specs and files); none keeps them in memory. */
  store?: string;
  /** The world model's directory; null runs without one (render frames only). Default: the shipped model. */
  model?: string | null;
  modelWorkers?: number;
  /** HMAC secret for join tokens (shared by every process of a scaled-out server). Default: WORLDSMITH_TOKEN_SECRET, else random. */
  tokenSecret?: string;
  /** Guards POST /api/tokens and POST /api/worlds. */
  apiKey?: string;
  limits?: Partial<StreamLimits>;
  settings?: Partial<StreamSettings>;
  /** redis://host:port: Colyseus's Redis presence and driver (scale-out). */
  redis?: string;
  /** How clients reach this process when scaled out (host:port); default 127.0.0.1:<port>. */
  publicAddress?: string;
  /** Worlds to add at start: a spec, or a prompt and seed. */
  worlds?: Array<{ spec: unknown } | { prompt: string; seed?: number }>;
  /** Stand-ins for tests. */
  openRenderer?: RoomContext['openRenderer'];
  catalogOptions?: Omit<WorldCatalogOptions, 'store'>;
  /** Serve the sample game page at /play (default true). */
  samplePage?: boolean;
  /** Serve the editor at / with its API: jobs, texture lab, planning, cutscenes (default true). */
  editor?: boolean;
  /** The browser cutscene jobs film with (default: the embedded Chromium). */
  browser?: FindBrowserOptions;
  /** Stand-ins for tests: what a job kind does. */
  jobWork?: Partial<Record<'generate' | 'cutscene', JobWork>>;
}

export interface StreamServer {
  port: number;
  /** http://host:port */
  url: string;
  catalog: WorldCatalog;
  context: RoomContext;
  colyseus: Server;
  /** World ids added at start, in order. */
  worldIds: string[];
  /** The job queue (absent with `editor: false`). */
  jobs?: JobQueue;
  /** Where jobs, textures and cutscenes are kept: the store, or a temp directory removed at close. */
  storeDir?: string;
  close(): Promise<void>;
}

export const DEFAULT_MODEL_DIR = new URL('../../models/checkpoints/valley-64/', import.meta.url).pathname;

export async function startStreamServer(options: StreamServerOptions = {}): Promise<StreamServer> {
  const secret = options.tokenSecret ?? process.env.WORLDSMITH_TOKEN_SECRET ?? randomBytes(32).toString('hex');
  if (options.redis && !options.tokenSecret && !process.env.WORLDSMITH_TOKEN_SECRET) {
    throw new ServerError('SERVER', 'Scaled out with Redis, every process must check the same tokens: set WORLDSMITH_TOKEN_SECRET (or --token-secret) to the same value on each.');
  }
  const catalog = await openWorldCatalog({ ...options.catalogOptions, store: options.store });
  const worldIds: string[] = [];
  for (const w of options.worlds ?? []) worldIds.push((await catalog.add(w)).id);

  const modelDir = options.model === undefined ? DEFAULT_MODEL_DIR : options.model;
  let modelPromise: Promise<WorldModel | null> | null = null;
  const model = () => (modelPromise ??= modelDir ? loadWorldModel(modelDir, { workers: options.modelWorkers ?? 1 }) : Promise.resolve(null));

  const context: RoomContext = {
    catalog,
    tokens: createTokenIssuer(secret),
    metrics: createStreamMetrics(),
    model,
    // Chromium at the lowest CPU priority (SCHED_IDLE, nice 19): anchor and render frames never
    // delay model steps and encodes.
    openRenderer: options.openRenderer ?? ((glb, o) => openLiveRenderer(glb, { niceness: 19, ...o })),
    limits: { ...STREAM_LIMIT_DEFAULTS, ...options.limits },
    settings: { ...STREAM_SETTING_DEFAULTS, ...options.settings },
    streams: 0,
    rooms: 0,
    draining: false,
  };
  // The editor's side: jobs, texture lab and cutscenes live in the store (a temp one without it).
  let editor: EditorServices | undefined;
  let storeDir: string | undefined;
  let tempStore: string | undefined;
  if (options.editor !== false) {
    storeDir = options.store ?? (tempStore = await mkdtemp(join(tmpdir(), 'worldsmith-store-')));
    const cutscenes = await openCutsceneFiles(storeDir);
    let editorPage: Promise<{ html: string; script: string }> | null = null;
    editor = {
      jobs: await openJobQueue({
        // Scaled out, processes share the store but not their jobs: each resumes its own.
        store: await openJobStore(options.redis ? join(storeDir, 'jobs', (options.publicAddress ?? `127.0.0.1:${options.port ?? 2567}`).replace(/[^A-Za-z0-9.-]/g, '_')) : join(storeDir, 'jobs')),
        work: { generate: options.jobWork?.generate ?? generateJob(catalog), cutscene: options.jobWork?.cutscene ?? cutsceneJob(catalog, cutscenes, options.browser) },
      }),
      textures: await openTextureLibrary(storeDir),
      cutscenes,
      page: () => (editorPage ??= buildEditorPage().catch((error) => {
        editorPage = null;
        throw error;
      })),
    };
  }

  setRoomContext(context);
  const started = performance.now();
  context.metrics.registry.collect('process_resident_memory_bytes', 'Resident memory of this process.', () => process.memoryUsage().rss);
  context.metrics.registry.collect('nodejs_heap_used_bytes', 'V8 heap in use.', () => process.memoryUsage().heapUsed);
  context.metrics.registry.collect('process_cpu_seconds_total', 'User and system CPU time of this process.', () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  });
  context.metrics.registry.collect('process_uptime_seconds', 'Seconds since the server started.', () => (performance.now() - started) / 1000);

  // Frames per second delivered per stream, once a second, per source.
  const lastSent = new Map<string, number>();
  const fpsTimer = setInterval(() => {
    for (const source of ['model', 'render']) {
      const sent = context.metrics.framesSent.value({ source });
      const streams = context.metrics.streams.value({ source });
      context.metrics.deliveredFps.set(streams > 0 ? (sent - (lastSent.get(source) ?? sent)) / streams : 0, { source });
      lastSent.set(source, sent);
    }
  }, 1000);
  fpsTimer.unref();

  let listening = false;
  let samplePage: Promise<{ html: string; script: string }> | null = null;
  const port = options.port ?? 2567;
  const host = options.host ?? '0.0.0.0';
  let presence: Presence | undefined;
  let driver: unknown;
  if (options.redis) {
    if (port === 0 && !options.publicAddress) throw new ServerError('SERVER', 'Scaled out with Redis, a process is reached at its own address: give a fixed --port (or --public-address host:port).');
    const [{ RedisPresence }, { RedisDriver }] = await Promise.all([import('@colyseus/redis-presence'), import('@colyseus/redis-driver')]);
    presence = new RedisPresence(options.redis);
    driver = new RedisDriver(options.redis);
  }
  const transport = new WebSocketTransport({ maxPayload: 4 * 1024, pingInterval: 5000, pingMaxRetries: 3 });
  const colyseus = new Server({
    transport,
    presence,
    driver: driver as never,
    greet: false,
    gracefullyShutdown: false,
    publicAddress: options.redis ? (options.publicAddress ?? `127.0.0.1:${port}`) : undefined,
    express: (app) =>
      mountHttpApi(app, {
        context,
        apiKey: options.apiKey,
        ready: () => listening && !context.draining,
        samplePage: options.samplePage === false ? undefined : () => (samplePage ??= buildSamplePage()),
        editor,
      }),
  });
  // One room per world (and per source, when a join asks for one).
  colyseus.define(WORLD_ROOM, WorldRoom).filterBy(['worldId', 'source']);
  // Colyseus's listen() never settles when the port cannot be bound: watch the socket's error too.
  try {
    await new Promise<void>((resolve, reject) => {
      const refuse = (error: NodeJS.ErrnoException) =>
        reject(
          new ServerError(
            'SERVER',
            error.code === 'EADDRINUSE' || error.code === 'EACCES'
              ? `Cannot listen on ${host}:${port}: ${error.code === 'EADDRINUSE' ? 'the port is in use' : 'this user may not use that port'}. Give another --port (0 picks a free one).`
              : `Cannot listen on ${host}:${port}: ${error.message}.`,
            { cause: error },
          ),
        );
      transport.server!.once('error', refuse);
      colyseus.listen(port, host).then(() => {
        transport.server!.off('error', refuse);
        resolve();
      }, reject);
    });
  } catch (error) {
    clearInterval(fpsTimer);
    await colyseus.gracefullyShutdown(false).catch(() => undefined);
    await editor?.jobs.close();
    if (tempStore) await rm(tempStore, { recursive: true, force: true });
    setRoomContext(null);
    throw error;
  }
  const actualPort = (transport.server!.address() as AddressInfo).port;
  (colyseus as unknown as { port: number }).port = actualPort;
  listening = true;

  let closing: Promise<void> | null = null;
  return {
    port: actualPort,
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${actualPort}`,
    catalog,
    context,
    colyseus,
    worldIds,
    jobs: editor?.jobs,
    storeDir,
    close() {
      closing ??= (async () => {
        context.draining = true;
        clearInterval(fpsTimer);
        // A running job stops and stays marked running: the next start resumes it.
        await editor?.jobs.close();
        await colyseus.gracefullyShutdown(false);
        transport.server?.closeAllConnections?.();
        if (modelPromise) await (await modelPromise.catch(() => null))?.close();
        if (tempStore) await rm(tempStore, { recursive: true, force: true });
        setRoomContext(null);
      })();
      return closing;
    },
  };
}
