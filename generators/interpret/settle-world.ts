/**
 * From the words' claims to the world's final values: resolve the words, let the dominant biome
 * and the landform imply what was left unsaid, apply the rules that span several fields (flat +
 * mountains is a basin; a waterfall needs a river; "no trees" keeps a forest's ground), then the
 * deferred intensity scales ("sparse tundra").
 */
import { BIOMES, type Biome, type Landform } from '../spec/index.ts';
import type { Claim, ClaimValue } from './claims.ts';
import { conflict, type Conflict } from './conflict-rules.ts';
import { biomeImplications, landformImplications } from './implied-settings.ts';
import { applyIntensity, round3 } from './intensity.ts';
import { resolveClaims, type Resolution } from './resolve-claims.ts';
import { describePath } from './spec-paths.ts';

export interface SettledValues {
  values: Map<string, ClaimValue>;
  winners: Map<string, Claim>;
  /** Normalised so the largest is 1; empty when no word named a biome. */
  biomes: Partial<Record<Biome, number>>;
  conflicts: Conflict[];
  notes: string[];
  /** Every claim, the implied ones included. */
  claims: Claim[];
}

const FOREST_BIOMES: readonly Biome[] = ['temperate-forest', 'taiga', 'jungle'];

export function settleValues(wordClaims: readonly Claim[], extraImplied: (r: Resolution) => Claim[] = () => []): SettledValues {
  const claims = [...wordClaims];
  const conflicts: Conflict[] = [];
  const notes: string[] = [];

  const words = resolveClaims(claims);
  const { weights, dominant } = biomeWeights(words, claims, notes);
  if (dominant) claims.push(...biomeImplications(dominant));

  const withBiome = resolveClaims(claims);
  const basin = flatPlusMountains(withBiome, claims, weights);
  if (basin) {
    claims.push(basin.claim);
    conflicts.push(basin.conflict);
  }
  const gorge = riverBetweenCliffs(resolveClaims(claims));
  if (gorge) claims.push(gorge);
  const landform = resolveClaims(claims).values.get('/terrain/landform') as Landform | undefined;
  if (landform) claims.push(...landformImplications(landform));
  claims.push(...extraImplied(resolveClaims(claims)));

  const final = resolveClaims(claims);
  conflicts.push(...final.conflicts);
  applyScales(final, claims);
  conflicts.push(...crossFieldRules(final, weights));
  return { values: final.values, winners: final.winners, biomes: weights, conflicts, notes, claims };
}

function biomeWeights(
  r: Resolution,
  claims: readonly Claim[],
  notes: string[],
): { weights: Partial<Record<Biome, number>>; dominant?: Biome } {
  const raw = BIOMES.map((b) => ({
    biome: b,
    weight: (r.values.get(`/biomes/${b}`) as number | undefined) ?? 0,
    named: r.values.has(`/biomes/${b}`),
  }));
  const named = raw.filter((b) => b.named);
  if (named.length === 0) return { weights: {} };
  const max = Math.max(...raw.map((b) => b.weight));
  if (max <= 0) {
    notes.push('Every biome named was ruled out; the world falls back to grassland.');
    return { weights: { grassland: 1 }, dominant: 'grassland' };
  }
  const firstMention = (b: Biome) => Math.min(...claims.filter((c) => c.path === `/biomes/${b}` && c.op === 'add').map((c) => c.order));
  const ranked = raw.filter((b) => b.weight > 0).sort((a, b) => b.weight - a.weight || firstMention(a.biome) - firstMention(b.biome));
  const weights: Partial<Record<Biome, number>> = {};
  for (const { biome, weight } of ranked) weights[biome] = Math.round((weight / max) * 100) / 100;
  return { weights, dominant: ranked[0].biome };
}

/**
 * "a river … between steep cliffs": a river and cliffs, with no landform claimed at all (not even
 * one a biome implies), run in a steep-walled valley. Implied, so any landform word wins.
 */
function riverBetweenCliffs(r: Resolution): Claim | undefined {
  const rivers = r.winners.get('/water/rivers');
  const cliffs = r.winners.get('/terrain/cliffs');
  if (r.winners.has('/terrain/landform')) return undefined;
  if (!rivers || rivers.priority === 'implied' || Number(r.values.get('/water/rivers')) < 1) return undefined;
  if (!cliffs || cliffs.priority === 'implied' || Number(r.values.get('/terrain/cliffs')) < 0.6) return undefined;
  return {
    path: '/terrain/landform',
    value: 'valley',
    op: 'set',
    priority: 'implied',
    order: -1,
    concept: 'rule:river-between-cliffs',
    phrase: 'a river with cliffs runs in a steep-walled valley',
  };
}

/** "flat … mountains": a basin, unless a word already named another landform (an island, a valley). */
function flatPlusMountains(
  r: Resolution,
  claims: readonly Claim[],
  weights: Partial<Record<Biome, number>>,
): { claim: Claim; conflict: Conflict } | undefined {
  const flat = claims.find((c) => c.concept === 'relief:flat' && c.path === '/terrain/relief' && c.priority !== 'negation');
  const mountainBiome = (weights.mountains ?? 0) > 0 ? claims.find((c) => c.path === '/biomes/mountains' && c.op === 'add') : undefined;
  const mountains =
    mountainBiome ??
    claims.find((c) => c.path === '/terrain/landform' && c.value === 'mountain' && c.priority !== 'implied' && c.priority !== 'negation');
  if (!flat || !mountains) return undefined;
  const winner = r.winners.get('/terrain/landform');
  const otherLandformNamed = winner && winner.priority !== 'implied' && winner.value !== 'plain' && winner.value !== 'mountain';
  if (r.values.get('/terrain/landform') === 'basin' || otherLandformNamed) return undefined;
  return {
    claim: {
      path: '/terrain/landform',
      value: 'basin',
      op: 'set',
      priority: 'noun',
      order: Number.MAX_SAFE_INTEGER,
      concept: 'rule:flat-plus-mountains',
      phrase: `${flat.phrase} + ${mountains.phrase}`,
    },
    conflict: conflict(
      'flatPlusMountainsIsBasin',
      `"${flat.phrase}" and "${mountains.phrase}": landform basin, flat in the centre with mountains on the rim.`,
    ),
  };
}

/**
 * Intensities bound to a whole biome ("very sparse tundra") scale every plant after the rest is
 * known. A negation's zero stays zero, and a scale never undoes a stated amount that went the
 * other way ("lush jungle with few trees" keeps few trees).
 */
function applyScales(r: Resolution, claims: readonly Claim[]): void {
  for (const c of claims) {
    if (c.op !== 'scale') continue;
    const winner = r.winners.get(c.path);
    if (winner?.priority === 'negation') continue;
    const base = (r.values.get(c.path) as number | undefined) ?? (describePath(c.path)?.default as number | undefined);
    if (typeof base !== 'number') continue;
    const strength = c.value as number;
    if (winner?.stated && strength > 0 !== base > 0.5) continue;
    r.values.set(c.path, round3(applyIntensity(base, strength)));
    r.winners.set(c.path, c);
  }
}

function crossFieldRules(r: Resolution, weights: Partial<Record<Biome, number>>): Conflict[] {
  const conflicts: Conflict[] = [];
  const falls = (r.values.get('/water/waterfalls') as number | undefined) ?? 0;
  const rivers = (r.values.get('/water/rivers') as number | undefined) ?? 0;
  if (falls > 0 && rivers === 0) {
    const by = r.winners.get('/water/rivers');
    r.values.set('/water/waterfalls', 0);
    conflicts.push(conflict('waterfallNeedsRiver', `"${by?.phrase ?? 'rivers'}" leaves no river, so the waterfall is dropped.`));
  }

  const trees = r.winners.get('/vegetation/trees');
  const forest = FOREST_BIOMES.find((b) => (weights[b] ?? 0) > 0);
  if (trees?.priority === 'negation' && r.values.get('/vegetation/trees') === 0 && forest) {
    conflicts.push(
      conflict('noTreesKeepsForestGround', `"${trees.phrase}": trees 0; ${forest} kept for its ground cover and undergrowth.`),
    );
  }

  const fog = r.winners.get('/weather/fog');
  const kind = r.winners.get('/weather/kind');
  if (
    fog &&
    kind &&
    fog.priority !== 'implied' &&
    kind.priority !== 'implied' &&
    kind.value !== 'fog' &&
    (r.values.get('/weather/fog') as number) > 0
  ) {
    conflicts.push(
      conflict(
        'fogCombinesWithWeather',
        `"${kind.phrase}" and "${fog.phrase}": weather ${String(kind.value)} with fog ${String(r.values.get('/weather/fog'))}.`,
      ),
    );
  }
  return conflicts;
}
