/**
 * Every route of the HTTP API, declared with what it takes and answers (api-route.ts). The handlers
 * are in http-api.ts (worlds, files, tokens, health) and editor-api.ts (jobs, events, the texture
 * lab, shot planning, cutscenes, downloads); the OpenAPI document is built from this list.
 */
import { Type, type TSchema } from '@sinclair/typebox';
import type { ApiRoute } from './api-route.ts';

const Seed = Type.Integer({ minimum: 0, maximum: 4294967295, description: 'World seed, 0 to 4294967295.' });
const WorldId = Type.String({ pattern: '^world-\\d{1,10}-[0-9a-f]{8}$', description: 'A world id as POST /api/worlds returns it: world-<seed>-<8 hex digits>.' });
const JobId = Type.String({ pattern: '^job-[0-9a-z]{8,14}-[0-9a-f]{8}$', description: 'A job id as POST /api/jobs returns it.' });
const TextureId = Type.String({ pattern: '^tex-\\d{1,10}-[0-9a-f]{8}$', description: 'A texture set id as POST /api/textures returns it.' });
const Vec3 = Type.Tuple([Type.Number(), Type.Number(), Type.Number()], { description: '[x, y, z] in world metres (y up).' });
const ShotPlanBody = Type.Object({}, { additionalProperties: true, description: 'A ShotPlan (see `worldsmith plan`; generators/shots/shot-plan-schema.ts).' });

const Stats = Type.Object(
  {
    glbBytes: Type.Integer(),
    triangles: Type.Integer({ description: 'Terrain and water triangles (instanced objects are counted in instances).' }),
    terrainTriangles: Type.Integer(),
    waterTriangles: Type.Integer(),
    instances: Type.Integer(),
    instancedNodes: Type.Integer(),
    structures: Type.Integer(),
    colliders: Type.Integer(),
    navmeshTriangles: Type.Integer(),
    pointsOfInterest: Type.Integer(),
    paths: Type.Integer(),
    materials: Type.Integer(),
    chunks: Type.Integer(),
  },
  { $id: 'WorldFileStats', description: 'What the generated files hold.' },
);
const WorldSummary = Type.Object({
  id: WorldId,
  seed: Seed,
  prompt: Type.String(),
  size: Type.Object({ width: Type.Number(), depth: Type.Number() }),
  status: Type.Union([Type.Literal('known'), Type.Literal('generating'), Type.Literal('ready'), Type.Literal('failed')]),
  error: Type.Optional(Type.String()),
  stats: Type.Optional(Stats),
}, { $id: 'WorldSummary' });
const Job = Type.Object({
  id: JobId,
  kind: Type.Union([Type.Literal('generate'), Type.Literal('cutscene')]),
  status: Type.Union(['queued', 'running', 'done', 'failed', 'cancelled'].map((s) => Type.Literal(s))),
  worldId: WorldId,
  input: Type.Object({}, { additionalProperties: true }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  progress: Type.Object({ stage: Type.String(), done: Type.Number(), total: Type.Number(), fraction: Type.Number({ minimum: 0, maximum: 1 }) }),
  attempts: Type.Integer({ description: 'Runs started; more than 1 after a restart resumed it.' }),
  notes: Type.Array(Type.String()),
  error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() })),
  result: Type.Optional(Type.Object({}, { additionalProperties: true, description: 'generate: {worldId, stats}; cutscene: {cutsceneId, frames, durationSeconds, files: {mp4, glb, timeline, contactSheet, plan}}.' })),
}, { $id: 'Job' });
const TextureSummary = Type.Object(
  {
    id: TextureId,
    name: Type.String(),
    description: Type.String(),
    family: Type.String(),
    size: Type.Integer(),
    seed: Seed,
    tileMetres: Type.Number(),
    words: Type.Array(Type.Object({ words: Type.String(), meaning: Type.String() })),
    unused: Type.Array(Type.String()),
    notes: Type.Array(Type.String()),
    maps: Type.Array(Type.Object({ name: Type.String(), url: Type.String() })),
    previewUrl: Type.String(),
    materialUrl: Type.String(),
    zipUrl: Type.String(),
  },
  { $id: 'TextureSummary', description: 'A PBR texture set: its maps, what each word did, its files.' },
);
const PlanAnswer = Type.Object({ plan: ShotPlanBody, notes: Type.Array(Type.String()), durationSeconds: Type.Number() }, { $id: 'PlanAnswer' });

const json = (description: string, schema?: TSchema) => ({ description, ...(schema ? { schema } : {}) });
const file = (description: string, type: string) => ({ description, type });
const worldParams = Type.Object({ id: WorldId });

export const ROUTES = {
  healthz: { method: 'get', path: '/healthz', tag: 'server', summary: 'The process is up.', responses: { 200: json('{ok: true}') } },
  readyz: { method: 'get', path: '/readyz', tag: 'server', summary: 'Whether the server takes new players (503 while starting or shutting down).', responses: { 200: json('Ready.'), 503: json('Not ready.') } },
  metrics: { method: 'get', path: '/metrics', tag: 'server', summary: 'Prometheus metrics.', responses: { 200: file('Prometheus text format 0.0.4.', 'text/plain') } },
  openapi: { method: 'get', path: '/api/openapi.json', tag: 'server', summary: 'This document.', responses: { 200: json('OpenAPI 3.1.') } },
  events: {
    method: 'get',
    path: '/api/events',
    tag: 'jobs',
    summary: 'Job progress as Server-Sent Events.',
    description: 'At connect, one `job` event per known job; then one per change (status, progress). Each event\'s data is the whole Job as JSON. At most 64 streams are open at once (429 beyond).',
    responses: { 200: file('text/event-stream of `event: job` messages.', 'text/event-stream'), 429: json('Too many event streams open.') },
  },

  worldSpecSchema: { method: 'get', path: '/api/schema/world-spec', tag: 'worlds', summary: 'The WorldSpec JSON Schema (what `worldsmith schema` prints).', responses: { 200: json('JSON Schema.') } },
  interpret: {
    method: 'post',
    path: '/api/interpret',
    tag: 'worlds',
    summary: 'A prompt (and seed) → the WorldSpec it gives, and which words set what.',
    body: Type.Object({ prompt: Type.String({ minLength: 1, maxLength: 2000, description: 'The sentence to interpret.' }), seed: Type.Optional(Seed) }, { additionalProperties: false }),
    responses: { 200: json('{spec, explanation, explanationText}.') },
  },
  listWorlds: { method: 'get', path: '/api/worlds', tag: 'worlds', summary: 'The worlds this server knows.', responses: { 200: json('{worlds}.', Type.Object({ worlds: Type.Array(WorldSummary) })) } },
  addWorld: {
    method: 'post',
    path: '/api/worlds',
    tag: 'worlds',
    summary: 'Adds a world from a prompt (and seed) or a WorldSpec; the same spec is the same id. Generate it with a generate job.',
    body: Type.Object(
      {
        prompt: Type.Optional(Type.String({ minLength: 1, maxLength: 2000, description: 'A sentence; with seed.' })),
        seed: Type.Optional(Seed),
        spec: Type.Optional(Type.Object({}, { additionalProperties: true, description: 'A whole WorldSpec (GET /api/schema/world-spec).' })),
        generate: Type.Optional(Type.Boolean({ description: 'Start generating now, in the background.' })),
      },
      { additionalProperties: false },
    ),
    responses: { 201: json('The world.', WorldSummary) },
  },
  getWorld: { method: 'get', path: '/api/worlds/:id', tag: 'worlds', summary: 'One world.', params: worldParams, responses: { 200: json('The world.', WorldSummary) } },
  getWorldSpec: { method: 'get', path: '/api/worlds/:id/spec.json', tag: 'worlds', summary: 'The world\'s WorldSpec.', params: worldParams, responses: { 200: json('WorldSpec.') } },
  getWorldGlb: { method: 'get', path: '/api/worlds/:id/world.glb', tag: 'files', summary: 'The world as one glb (generated first if needed).', params: worldParams, responses: { 200: file('Binary glTF.', 'model/gltf-binary') } },
  getChunkFile: {
    method: 'get',
    path: '/api/worlds/:id/chunks/:file',
    tag: 'files',
    summary: 'The chunk index (index.json) and the chunk glbs it names, for games that stream geometry.',
    params: Type.Object({ id: WorldId, file: Type.String({ pattern: '^[A-Za-z0-9_.-]{1,80}$', description: 'index.json or a file name the index lists.' }) }),
    responses: { 200: file('index.json or a chunk glb.', 'model/gltf-binary') },
  },
  getChunksZip: { method: 'get', path: '/api/worlds/:id/chunks.zip', tag: 'files', summary: 'The chunk set and its index as one zip.', params: worldParams, responses: { 200: file('Zip (stored).', 'application/zip') } },
  getLibrary: { method: 'get', path: '/api/worlds/:id/library', tag: 'textures', summary: 'The texture sets saved to this world.', params: worldParams, responses: { 200: json('{textures}.', Type.Object({ textures: Type.Array(TextureSummary) })) } },
  saveToLibrary: {
    method: 'post',
    path: '/api/worlds/:id/library',
    tag: 'textures',
    summary: 'Saves a texture set to the world\'s library.',
    params: worldParams,
    body: Type.Object({ textureId: TextureId }, { additionalProperties: false }),
    responses: { 201: json('{textures}: the library after.', Type.Object({ textures: Type.Array(TextureSummary) })) },
  },

  makeTexture: {
    method: 'post',
    path: '/api/textures',
    tag: 'textures',
    summary: 'A tileable PBR set from a description (made once per description, size and seed).',
    body: Type.Object(
      {
        description: Type.String({ minLength: 1, maxLength: 200, description: 'E.g. "old mossy red bricks".' }),
        size: Type.Optional(Type.Union([Type.Literal(256), Type.Literal(512), Type.Literal(1024)], { description: 'Pixels per side (default 512).' })),
        seed: Type.Optional(Seed),
      },
      { additionalProperties: false },
    ),
    responses: { 201: json('The set.', TextureSummary) },
  },
  getTexture: { method: 'get', path: '/api/textures/:textureId', tag: 'textures', summary: 'One texture set.', params: Type.Object({ textureId: TextureId }), responses: { 200: json('The set.', TextureSummary) } },
  getTextureFile: {
    method: 'get',
    path: '/api/textures/:textureId/:file',
    tag: 'textures',
    summary: 'A file of a set (basecolor.png, normal.png, orm.png, …, material.json, preview.png), or set.zip for all of them.',
    params: Type.Object({ textureId: TextureId, file: Type.String({ pattern: '^[a-z0-9]+\\.(png|json|zip)$', description: 'A map file name, material.json, preview.png or set.zip.' }) }),
    responses: { 200: file('PNG, JSON or zip.', 'image/png') },
  },

  makePlan: {
    method: 'post',
    path: '/api/worlds/:id/plans',
    tag: 'cutscenes',
    summary: 'A storyboard → a ShotPlan framed against the world (the world must have been generated).',
    params: worldParams,
    body: Type.Object({ storyboard: Type.String({ minLength: 1, maxLength: 4000, description: 'Shots separated by ";", new lines or sentences.' }), seed: Type.Optional(Seed) }, { additionalProperties: false }),
    responses: { 200: json('{plan, explanationText, notes, durationSeconds}.') },
  },
  checkPlan: {
    method: 'post',
    path: '/api/worlds/:id/plans/check',
    tag: 'cutscenes',
    summary: 'Checks and frames an edited plan (reordered, retimed, reframed); 422 names the shot and field that cannot be filmed.',
    params: worldParams,
    body: Type.Object({ plan: ShotPlanBody }, { additionalProperties: false }),
    responses: { 200: json('The settled plan.', PlanAnswer), 422: json('The plan cannot be filmed in this world (PLAN_CAMERA_BLOCKED, PLAN_UNKNOWN_SUBJECT, PLAN_NO_PATH, …).') },
  },
  reframePlan: {
    method: 'post',
    path: '/api/worlds/:id/plans/reframe',
    tag: 'cutscenes',
    summary: 'Sets one shot\'s rig (distance, height, azimuth) from a camera position picked in the preview, then checks the plan.',
    params: worldParams,
    body: Type.Object(
      { plan: ShotPlanBody, shotId: Type.String({ minLength: 1, maxLength: 32 }), camera: Type.Object({ position: Vec3, target: Type.Optional(Vec3) }, { additionalProperties: false }) },
      { additionalProperties: false },
    ),
    responses: { 200: json('The plan with that shot reframed.', PlanAnswer), 422: json('The camera there cannot film the shot.') },
  },

  submitJob: {
    method: 'post',
    path: '/api/jobs',
    tag: 'jobs',
    summary: 'Starts a background job: generate a world, or film a cutscene. Jobs run one at a time, survive restarts and can be cancelled.',
    body: Type.Object(
      {
        kind: Type.Union([Type.Literal('generate'), Type.Literal('cutscene')], { description: 'generate or cutscene.' }),
        worldId: WorldId,
        plan: Type.Optional(ShotPlanBody),
        width: Type.Optional(Type.Integer({ minimum: 64, maximum: 1920, multipleOf: 2, description: 'Cutscene frame width, even (default 640).' })),
        height: Type.Optional(Type.Integer({ minimum: 64, maximum: 1080, multipleOf: 2, description: 'Cutscene frame height, even (default 360).' })),
        fps: Type.Optional(Type.Union([Type.Literal(24), Type.Literal(30)], { description: 'Cutscene frame rate (default 24).' })),
      },
      { additionalProperties: false },
    ),
    responses: { 202: json('The job, queued.', Job) },
  },
  listJobs: { method: 'get', path: '/api/jobs', tag: 'jobs', summary: 'Every job, newest first.', responses: { 200: json('{jobs}.', Type.Object({ jobs: Type.Array(Job) })) } },
  getJob: { method: 'get', path: '/api/jobs/:jobId', tag: 'jobs', summary: 'One job.', params: Type.Object({ jobId: JobId }), responses: { 200: json('The job.', Job) } },
  cancelJob: { method: 'post', path: '/api/jobs/:jobId/cancel', tag: 'jobs', summary: 'Cancels a queued or running job (409 when it has finished).', params: Type.Object({ jobId: JobId }), responses: { 200: json('The job, cancelled.', Job) } },
  getCutsceneFile: {
    method: 'get',
    path: '/api/cutscenes/:cutsceneId/:file',
    tag: 'cutscenes',
    summary: 'A filmed cutscene\'s file (only once the cutscene is whole).',
    params: Type.Object({
      cutsceneId: Type.String({ pattern: '^job-[0-9a-z]{8,14}-[0-9a-f]{8}$', description: 'The cutscene job\'s id.' }),
      file: Type.Union(['cutscene.mp4', 'cutscene.glb', 'timeline.json', 'contact-sheet.png', 'plan.json'].map((f) => Type.Literal(f)), { description: 'cutscene.mp4, cutscene.glb, timeline.json, contact-sheet.png or plan.json.' }),
    }),
    responses: { 200: file('The file (MP4 answers Range requests).', 'video/mp4') },
  },

  tokens: {
    method: 'post',
    path: '/api/tokens',
    tag: 'streams',
    summary: 'A join token for a world\'s live stream (Bearer API key when the server has one).',
    body: Type.Object(
      {
        worldId: Type.Optional(WorldId),
        prompt: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
        seed: Type.Optional(Seed),
        subject: Type.Optional(Type.String({ maxLength: 128, description: 'Who the token is for (shown as the player\'s name).' })),
        ttlSeconds: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 86400 * 30, description: 'Lifetime, seconds.' })),
      },
      { additionalProperties: false },
    ),
    responses: { 201: json('{token, expiresAt, worldId}.') },
  },
  editorPage: { method: 'get', path: '/', tag: 'pages', summary: 'The editor.', responses: { 200: file('HTML.', 'text/html') } },
  editorScript: { method: 'get', path: '/editor.js', tag: 'pages', summary: 'The editor\'s script.', responses: { 200: file('JavaScript.', 'text/javascript') } },
  playPage: {
    method: 'get',
    path: '/play',
    tag: 'pages',
    summary: 'The sample game: a world streamed live, walked with keyboard, mouse or gamepad.',
    query: Type.Object({ world: Type.Optional(WorldId), display: Type.Optional(Type.String()), size: Type.Optional(Type.String()), fps: Type.Optional(Type.String()), name: Type.Optional(Type.String()) }),
    responses: { 200: file('HTML.', 'text/html') },
  },
  playScript: { method: 'get', path: '/play.js', tag: 'pages', summary: 'The sample game\'s script.', responses: { 200: file('JavaScript.', 'text/javascript') } },
} satisfies Record<string, ApiRoute>;

export const ALL_ROUTES: readonly ApiRoute[] = Object.values(ROUTES);
