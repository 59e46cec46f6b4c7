/**
 * Writes the settled values into a WorldSpecInput: the partial spec a designer would edit, which
 * parseWorldSpec completes with defaults. Every number is clamped to its field's range and
 * rounded; set members become lists in the schema's own order, so output never depends on the
 * order of words.
 */
import { TERRAIN_FEATURES, TREE_KINDS, type WorldSpecInput } from '../spec/index.ts';
import type { ClaimValue } from './claims.ts';
import type { FinishedItems } from './finish-items.ts';
import { clamp, round3 } from './intensity.ts';
import type { SettledValues } from './settle-world.ts';
import { describePath } from './spec-paths.ts';

/** Above this side length the cell grows, so a grid never exceeds 1025 samples a side. */
const MAX_CELLS_PER_SIDE = 1024;

export function buildSpecInput(seed: number, prompt: string, settled: SettledValues, items: FinishedItems): WorldSpecInput {
  const input: Record<string, unknown> = { seed, prompt };
  const members = new Map<string, string[]>();
  for (const [path, value] of settled.values) {
    if (path.startsWith('/biomes/')) continue;
    const info = describePath(path);
    if (!info) continue;
    if (keepsAuto(path, settled)) continue;
    if (info.kind === 'member') {
      if (value === true) {
        const list = path.slice(0, path.lastIndexOf('/'));
        members.set(list, [...(members.get(list) ?? []), path.slice(path.lastIndexOf('/') + 1)]);
      }
      continue;
    }
    setAt(input, path, fitValue(path, value));
  }
  const features = members.get('/terrain/features');
  if (features)
    setAt(
      input,
      '/terrain/features',
      TERRAIN_FEATURES.filter((f) => features.includes(f)),
    );
  const kinds = members.get('/vegetation/treeKinds');
  if (kinds)
    setAt(
      input,
      '/vegetation/treeKinds',
      TREE_KINDS.filter((k) => kinds.includes(k)),
    );

  if (Object.keys(settled.biomes).length > 0) input.biomes = { ...settled.biomes };

  const side = Math.max(Number(getAt(input, '/size/width') ?? 0), Number(getAt(input, '/size/depth') ?? 0));
  if (side > MAX_CELLS_PER_SIDE) setAt(input, '/size/cellSize', Math.ceil(side / MAX_CELLS_PER_SIDE));

  if (items.structures.length > 0) {
    input.structures = items.structures.map((s) => {
      const item: Record<string, unknown> = { type: s.type, count: s.count };
      if (s.condition) item.condition = s.condition;
      if (s.material) item.material = s.material;
      if (s.placement) item.placement = s.placement;
      return item;
    });
  }
  if (items.characters.length > 0) input.characters = items.characters.map((c) => ({ id: c.id, archetype: c.archetype }));
  if (items.pointsOfInterest.length > 0) {
    setAt(
      input,
      '/gameplay/pointsOfInterest',
      items.pointsOfInterest.map((p) => ({ id: p.id, kind: p.kind, label: p.label })),
    );
  }
  return input as WorldSpecInput;
}

/**
 * A cover level no word touched stays "auto": the generator then uses each biome's natural cover
 * where that biome is, which a single number (the main biome's) could not say.
 */
export function keepsAuto(path: string, settled: SettledValues): boolean {
  const winner = settled.winners.get(path);
  return describePath(path)?.auto === true && winner?.priority === 'implied' && settled.values.get(path) === winner.value;
}

function fitValue(path: string, value: ClaimValue): ClaimValue {
  const info = describePath(path);
  if (typeof value !== 'number' || !info) return value;
  const ranged = clamp(value, info.minimum ?? -Infinity, info.maximum ?? Infinity);
  return info.kind === 'integer' ? Math.round(ranged) : round3(ranged);
}

function setAt(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('/').slice(1);
  let node = target;
  for (const part of parts.slice(0, -1)) {
    if (typeof node[part] !== 'object' || node[part] === null) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]] = value;
}

function getAt(target: Record<string, unknown>, path: string): unknown {
  let node: unknown = target;
  for (const part of path.split('/').slice(1)) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}
