/**
 * The server's HTTP API, one function per route of runtime/openapi.json. Every call holds the
 * page busy while in flight; a 4xx/5xx answer becomes an `ApiError` carrying the server's code,
 * message and (for spec errors) the JSON path of the field at fault.
 */
import { whileBusy } from './busy-state.ts';
import type {
  ApiErrorBody,
  ChunkIndex,
  Interpretation,
  Job,
  JsonObject,
  PlanAnswer,
  ShotPlan,
  TextureSummary,
  WorldSpec,
  WorldSummary,
} from './api-types.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly path?: string,
    readonly route?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function failure(response: Response, route: string): Promise<ApiError> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as ApiErrorBody;
    if (body?.error?.message) return new ApiError(response.status, body.error.code ?? 'ERROR', body.error.message, body.error.path, route);
  } catch {
    // not JSON: fall through to the text itself
  }
  return new ApiError(response.status, `HTTP_${response.status}`, `${route} answered ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}`, undefined, route);
}

/**
 * A server started with --api-key wants it on the routes that make things: open the editor once as
 * /?key=KEY and it is kept for this browser (localStorage) and sent as a Bearer token.
 */
function apiKey(): string | null {
  const given = new URLSearchParams(location.search).get('key');
  if (given) {
    localStorage.setItem('worldsmith-api-key', given);
    history.replaceState(null, '', location.pathname);
  }
  return localStorage.getItem('worldsmith-api-key');
}
const API_KEY = apiKey();

async function request<T>(method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> {
  const route = `${method} ${url}`;
  return whileBusy(async () => {
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(API_KEY ? { authorization: `Bearer ${API_KEY}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new ApiError(0, 'NETWORK', `${route} did not reach the server: ${(error as Error).message}`, undefined, route);
    }
    if (response.status === 401) {
      const error = await failure(response, route);
      throw new ApiError(401, error.code, `${error.message} In the editor: open it once as /?key=YOUR_KEY (kept for this browser).`, error.path, route);
    }
    if (!response.ok) throw await failure(response, route);
    return (await response.json()) as T;
  });
}

const world = (id: string) => `/api/worlds/${encodeURIComponent(id)}`;

export const api = {
  schema: () => request<JsonObject>('GET', '/api/schema/world-spec'),
  interpret: (prompt: string, seed?: number) => request<Interpretation>('POST', '/api/interpret', { prompt, seed }),

  createWorld: (spec: WorldSpec) => request<WorldSummary>('POST', '/api/worlds', { spec }),
  listWorlds: () => request<{ worlds: WorldSummary[] }>('GET', '/api/worlds'),
  world: (id: string) => request<WorldSummary>('GET', world(id)),
  spec: (id: string) => request<WorldSpec>('GET', `${world(id)}/spec.json`),
  chunkIndex: (id: string) => request<ChunkIndex>('GET', `${world(id)}/chunks/index.json`),
  library: (id: string) => request<{ textures: TextureSummary[] }>('GET', `${world(id)}/library`),
  saveToLibrary: (id: string, textureId: string) => request<{ textures: TextureSummary[] }>('POST', `${world(id)}/library`, { textureId }),

  makeTexture: (description: string, size: number, seed?: number) => request<TextureSummary>('POST', '/api/textures', { description, size, seed }),

  makePlan: (id: string, storyboard: string) => request<PlanAnswer>('POST', `${world(id)}/plans`, { storyboard }),
  checkPlan: (id: string, plan: ShotPlan) => request<PlanAnswer>('POST', `${world(id)}/plans/check`, { plan }),
  reframeShot: (id: string, plan: ShotPlan, shotId: string, position: [number, number, number]) =>
    request<PlanAnswer>('POST', `${world(id)}/plans/reframe`, { plan, shotId, camera: { position } }),

  startGenerate: (worldId: string) => request<Job>('POST', '/api/jobs', { kind: 'generate', worldId }),
  startCutscene: (worldId: string, plan: ShotPlan, width: number, height: number, fps: number) =>
    request<Job>('POST', '/api/jobs', { kind: 'cutscene', worldId, plan, width, height, fps }),
  listJobs: () => request<{ jobs: Job[] }>('GET', '/api/jobs'),
  job: (id: string) => request<Job>('GET', `/api/jobs/${encodeURIComponent(id)}`),
  cancelJob: (id: string) => request<Job>('POST', `/api/jobs/${encodeURIComponent(id)}/cancel`),
};

export const worldUrls = {
  glb: (id: string) => `${world(id)}/world.glb`,
  chunksZip: (id: string) => `${world(id)}/chunks.zip`,
  spec: (id: string) => `${world(id)}/spec.json`,
};

/** Fetches a binary file (the world's glb) while holding the page busy. */
export async function fetchBytes(url: string): Promise<Uint8Array> {
  return whileBusy(async () => {
    const response = await fetch(url);
    if (!response.ok) throw await failure(response, `GET ${url}`);
    return new Uint8Array(await response.arrayBuffer());
  });
}
