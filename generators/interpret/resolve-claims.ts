/**
 * Settles every field from its claims. Per field:
 * 1. A general negation ("no water") is dropped for a field that a specific word claims.
 * 2. Excluded values ("not snowy") are removed from the running.
 * 3. Claims are walked from lowest priority to highest (floors before sets at equal priority,
 *    then in the order the words came): a set replaces, a floor only raises. A differing
 *    overwrite at equal priority is a conflict, reported with its rule.
 * 4. Biome weights add up instead; a negation zeroes them.
 * Scale claims are left for the caller, who applies them once every field is known.
 */
import { priorityRank, type Claim, type ClaimValue } from './claims.ts';
import { conflict, type Conflict, type ConflictRuleId } from './conflict-rules.ts';

export interface Resolution {
  values: Map<string, ClaimValue>;
  /** The claim that decided each field. */
  winners: Map<string, Claim>;
  conflicts: Conflict[];
}

export function resolveClaims(claims: readonly Claim[]): Resolution {
  const byPath = new Map<string, Claim[]>();
  for (const claim of claims) {
    if (claim.op === 'scale') continue;
    const list = byPath.get(claim.path) ?? [];
    list.push(claim);
    byPath.set(claim.path, list);
  }
  const resolution: Resolution = { values: new Map(), winners: new Map(), conflicts: [] };
  const overwrites: Overwrite[] = [];
  for (const [path, pathClaims] of byPath) {
    if (path.startsWith('/biomes/')) resolveWeight(path, pathClaims, resolution);
    else resolveField(path, pathClaims, resolution, overwrites);
  }
  resolution.conflicts = withoutEchoes(overwrites).concat(resolution.conflicts);
  return resolution;
}

/** One word overwriting another's value at equal priority. */
interface Overwrite {
  path: string;
  earlier: Claim;
  later: Claim;
  conflict: Conflict;
}

/**
 * "snow … storm" overwrites the weather kind and, with it, the intensity, wind and clouds that
 * came with each word. One conflict says it; the fields that follow the kind need not repeat it.
 */
const FOLLOW_WEATHER_KIND = ['/weather/intensity', '/weather/wind', '/weather/clouds'];

function withoutEchoes(overwrites: Overwrite[]): Conflict[] {
  const pair = (o: Overwrite) => `${o.earlier.order}|${o.later.order}`;
  const kindPairs = new Set(overwrites.filter((o) => o.path === '/weather/kind').map(pair));
  return overwrites.filter((o) => !(FOLLOW_WEATHER_KIND.includes(o.path) && kindPairs.has(pair(o)))).map((o) => o.conflict);
}

function resolveWeight(path: string, claims: Claim[], out: Resolution): void {
  const negation = claims.find((c) => c.op === 'set');
  const adds = claims.filter((c) => c.op === 'add');
  if (negation) {
    out.values.set(path, 0);
    out.winners.set(path, negation);
    return;
  }
  if (adds.length === 0) return;
  out.values.set(
    path,
    adds.reduce((sum, c) => sum + (c.value as number), 0),
  );
  out.winners.set(path, adds[adds.length - 1]);
}

function resolveField(path: string, claims: Claim[], out: Resolution, overwrites: Overwrite[]): void {
  let live = dropOverriddenGeneralNegations(path, claims, out.conflicts);
  const excluded = new Set(live.filter((c) => c.op === 'exclude').map((c) => c.value));
  live = live.filter((c) => c.op !== 'exclude' && !excluded.has(c.value));

  live.sort((a, b) => priorityRank(a.priority) - priorityRank(b.priority) || opRank(a) - opRank(b) || a.order - b.order);
  let winner: Claim | undefined;
  let value: ClaimValue | undefined;
  for (const claim of live) {
    if (claim.op === 'atLeast') {
      if (value === undefined || (typeof value === 'number' && (claim.value as number) > value)) {
        value = claim.value;
        winner = claim;
      }
      continue;
    }
    // Rules that settle a conflict themselves (flat + mountains) report it; their claim is no new one.
    const reported =
      value !== claim.value && winner?.priority === claim.priority && claim.priority !== 'implied' && !claim.concept.startsWith('rule:');
    const rule = winner && reported ? ruleFor(path, winner, claim) : undefined;
    if (winner && rule) {
      const detail = `"${winner.phrase}" set ${path} to ${show(value)} and "${claim.phrase}" to ${show(claim.value)}: ${show(claim.value)} kept.`;
      overwrites.push({ path, earlier: winner, later: claim, conflict: conflict(rule, detail) });
    }
    value = claim.value;
    winner = claim;
  }
  if (winner && value !== undefined) {
    out.values.set(path, value);
    out.winners.set(path, winner);
  }
}

/** Floors first, so that a stated value of the same priority has the last word. */
function opRank(claim: Claim): number {
  return claim.op === 'atLeast' ? 0 : 1;
}

function ruleFor(path: string, earlier: Claim, later: Claim): ConflictRuleId | undefined {
  if (earlier.op === 'atLeast') {
    return typeof later.value === 'number' && later.value < (earlier.value as number) ? 'statedAmountBeatsBareMention' : undefined;
  }
  if (path === '/time/hour') return 'lastTimeOfDayWins';
  if (path === '/weather/kind') return 'laterWeatherWins';
  return 'laterMentionWins';
}

function dropOverriddenGeneralNegations(path: string, claims: Claim[], conflicts: Conflict[]): Claim[] {
  const general = claims.filter((c) => c.general && c.priority === 'negation');
  if (general.length === 0) return claims;
  const specific = claims.find((c) => !c.general && c.priority !== 'implied' && c.priority !== 'negation' && c.value !== general[0].value);
  if (!specific) return claims;
  conflicts.push(
    conflict(
      'specificBeatsGeneralNegation',
      `"${general[0].phrase}" would clear ${path}, but "${specific.phrase}" names it: ${path} kept.`,
    ),
  );
  return claims.filter((c) => !general.includes(c));
}

export function show(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}
