/**
 * The shapes the editor reads from and sends to the server, as runtime/openapi.json gives them.
 * The editor imports nothing from the rest of the repo, so these are the contract's own words, kept
 * loose where the editor only passes a value through (a WorldSpec or ShotPlan is kept as it came,
 * unknown fields included).
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** A WorldSpec as the server sends it; the editor edits it by JSON pointer. */
export type WorldSpec = JsonObject & { seed: number };

export interface ApiErrorBody {
  error: { code: string; message: string; path?: string };
}

export interface Explanation {
  prompt: string;
  seed: { value: number; source: string };
  matches: Array<{ phrase: string; start?: number; end?: number; concept: string; sets: Array<{ path: string; value: unknown; atLeast?: boolean }>; note?: string }>;
  implied: Array<{ path: string; value: unknown; because: string }>;
  unused: Array<{ word: string }>;
  conflicts: Array<{ rule: string; detail: string }>;
  notes: string[];
}

export interface Interpretation {
  spec: WorldSpec;
  explanation: Explanation;
  explanationText: string;
}

export interface WorldStats {
  glbBytes: number;
  triangles: number;
  terrainTriangles: number;
  instances: number;
  structures: number;
  colliders: number;
  navmeshTriangles: number;
  pointsOfInterest: number;
  chunks: number;
}

export interface WorldSummary {
  id: string;
  seed: number;
  prompt: string;
  size: { width: number; depth: number };
  status: 'known' | 'generating' | 'ready' | 'failed';
  error?: { code?: string; message: string } | string;
  stats?: WorldStats;
}

export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface CutsceneFiles {
  mp4: string;
  glb: string;
  timeline: string;
  contactSheet: string;
  plan: string;
}

export interface Job {
  id: string;
  kind: 'generate' | 'cutscene' | string;
  status: JobStatus;
  worldId: string;
  createdAt: string;
  updatedAt: string;
  progress?: { stage: string; done: number; total: number; fraction: number };
  error?: { code: string; message: string };
  attempts?: number;
  result?: { worldId?: string; stats?: WorldStats; cutsceneId?: string; durationSeconds?: number; frames?: number; files?: CutsceneFiles };
}

export const FINISHED_JOB_STATUSES: readonly JobStatus[] = ['done', 'failed', 'cancelled'];

export interface TextureMap {
  name: 'basecolor' | 'normal' | 'roughness' | 'ao' | 'height' | 'orm' | 'metallic' | 'emissive' | string;
  url: string;
}

export interface TextureSummary {
  id: string;
  name: string;
  description: string;
  family: string;
  size: number;
  seed: number;
  tileMetres: number;
  words: Array<{ words: string | string[]; meaning: string }>;
  unused: string[];
  notes: string[];
  maps: TextureMap[];
  previewUrl: string;
  materialUrl: string;
  zipUrl: string;
}

export interface Shot {
  id: string;
  type: string;
  subject: JsonValue;
  durationSeconds: number;
  rig?: { distance?: number; height?: number; azimuthDegrees?: number; [key: string]: unknown };
  [key: string]: unknown;
}

/** A ShotPlan; fields the editor does not touch travel as they came. */
export interface ShotPlan {
  version: number;
  characters: JsonValue[];
  shots: Shot[];
  [key: string]: unknown;
}

export interface PlanAnswer {
  plan: ShotPlan;
  explanationText?: string;
  notes?: string[];
  durationSeconds?: number;
}

/** The chunk index (generators/export ChunkIndex), the fields the preview draws. */
export interface ChunkIndex {
  chunks: Array<{ id: string; x: number; z: number; bounds: { min: [number, number, number]; max: [number, number, number] }; files?: string[] }>;
}
