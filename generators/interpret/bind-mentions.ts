/**
 * Decides what each mention is and what it attaches to.
 *
 * 1. Readings: a phrase's readings are tried in order; a modifier reading must find its target
 *    ("stone" is a material only before a structure, "golden" a colour only before a surface),
 *    a thing reading always applies.
 * 2. Negation: "no"/"not"/"without" covers what follows up to "but", "with", a preposition,
 *    "and a …", or punctuation (a comma only when a list with "or" goes on: "no trees, shrubs or
 *    grass"). The things it covers are negated; the adjectives and modifiers inside it are dropped.
 * 3. Modifiers bind: intensity to the last thing with an amount in the noun phrase after it (or
 *    the thing right before it), colour to the first surface after it, a number to the next
 *    countable thing or unit, a structure adjective to the next structure, a placement phrase to
 *    the nearest structure in its clause, "very" to the next intensity word.
 */
import { NEW_THING_STARTERS, SCOPE_BREAKERS, type LexiconEntry } from './lexicon/index.ts';
import { amplify } from './intensity.ts';
import { asTerm, isNounReading, Neighbourhood, thingReading, type Mention } from './mentions.ts';

export interface BoundMention {
  mention: Mention;
  /** The reading chosen; undefined for a bare clock time. */
  entry: LexiconEntry | undefined;
  /** What a modifier attaches to. */
  target?: Mention;
  /** The negation whose scope covers this thing. */
  negatedBy?: Mention;
  /** Why a modifier does nothing (no target, inside a negation). */
  ignored?: string;
  /** Inside a negation's scope but not what it negates ("snowy" in "no snowy peaks"): it says nothing. */
  insideNegation?: boolean;
  /** An intensity word's strength after amplification. */
  strength?: number;
  notes: string[];
}

type View = (m: Mention) => LexiconEntry | undefined;
type Found = { ok: true; target?: Mention } | { ok: false; reason: string };

export function bindMentions(nb: Neighbourhood): BoundMention[] {
  const staticView: View = (m) => thingReading(m.readings);
  const bound = nb.mentions.map((mention) => chooseReading(mention, nb, staticView));
  const byId = (m: Mention) => bound[m.id];
  const chosenView: View = (m) => {
    const entry = byId(m).entry;
    return entry && (entry.role === 'term' || entry.role === 'structure' || entry.role === 'character') ? entry : undefined;
  };

  for (const b of bound) {
    if (b.entry?.role === 'negation') applyNegation(b, nb, bound);
  }
  for (const b of bound) {
    const entry = b.entry;
    if (!entry || b.ignored || b.negatedBy || !isModifier(entry)) continue;
    const found = findTarget(b.mention, entry, nb, chosenView);
    if (found.ok) b.target = found.target;
    else b.ignored = found.reason;
  }
  // Amplifiers last, so "very" strengthens the intensity word it precedes before that word is applied.
  for (const b of bound) {
    if (b.entry?.role === 'intensity') b.strength ??= b.entry.strength;
  }
  for (const b of bound) {
    if (b.entry?.role !== 'intensity' || b.entry.amplifies === undefined || !b.target) continue;
    const next = byId(b.target);
    if (next.entry?.role === 'intensity') {
      next.strength = amplify(next.strength ?? next.entry.strength, b.entry.amplifies);
      next.notes.push(`"${b.mention.phrase}" makes it ${b.entry.amplifies > 0 ? 'stronger' : 'weaker'}`);
    }
  }
  return bound;
}

function chooseReading(mention: Mention, nb: Neighbourhood, view: View): BoundMention {
  const notes: string[] = [];
  if (mention.readings.length === 0) return { mention, entry: undefined, notes };
  let lastFailure: { entry: LexiconEntry; reason: string } | undefined;
  for (const entry of mention.readings) {
    const found = findTarget(mention, entry, nb, view);
    if (found.ok) return { mention, entry, notes };
    lastFailure = { entry, reason: found.reason };
  }
  // Every reading was a modifier that found nothing: keep the last one tried, and say why.
  return { mention, entry: lastFailure?.entry, ignored: lastFailure?.reason, notes };
}

function isModifier(entry: LexiconEntry): boolean {
  return !['term', 'structure', 'character', 'negation'].includes(entry.role);
}

function findTarget(m: Mention, entry: LexiconEntry, nb: Neighbourhood, view: View): Found {
  const after = () => nb.phraseAfter(m);
  const fail = (reason: string): Found => ({ ok: false, reason });
  switch (entry.role) {
    case 'term':
    case 'structure':
    case 'character':
    case 'negation':
      return { ok: true };
    case 'unit': {
      const before = nb.justBefore(m);
      return before?.readings.some((r) => r.role === 'number') ? { ok: true, target: before } : fail('a unit with no number before it');
    }
    case 'number': {
      const next = nb.justAfter(m);
      if (next?.readings.some((r) => r.role === 'unit')) return { ok: true, target: next };
      const countable = after().find((x) => isCountable(view(x)));
      if (countable) return { ok: true, target: countable };
      if (entry.asIntensity !== undefined) {
        const amount = lastWithAmount(after(), view) ?? withAmount(nb.justBefore(m), view);
        if (amount) return { ok: true, target: amount };
      }
      return fail('a number with nothing countable after it');
    }
    case 'shade': {
      const next = nb.justAfter(m);
      return next?.readings.some((r) => r.role === 'colour') ? { ok: true, target: next } : fail('no colour after it to shade');
    }
    case 'colour': {
      const surface = after().find((x) => asTerm(view(x))?.colourTarget !== undefined);
      return surface ? { ok: true, target: surface } : fail('no surface (sand, rock, grass, foliage, water, soil, snow) right after it');
    }
    case 'size': {
      const noun = after().find((x) => isNounReading(view(x)));
      if (!noun) return { ok: true };
      return asTerm(view(noun))?.world ? { ok: true, target: noun } : fail(`it describes "${noun.phrase}", not the size of the world`);
    }
    case 'structure-modifier': {
      const structure =
        after().find((x) => view(x)?.role === 'structure') ?? asStructure(nb.justBefore(m), view) ?? asStructure(nb.ofBefore(m), view);
      return structure ? { ok: true, target: structure } : fail('no structure next to it');
    }
    case 'placement': {
      if (entry.looks === 'ahead') {
        // "a hidden temple", or right after it: "a hut hidden among the trees".
        const structure = after().find((x) => view(x)?.role === 'structure') ?? asStructure(nb.justBefore(m), view);
        return structure ? { ok: true, target: structure } : fail('no structure next to it to place');
      }
      const inClause = nb.inClause(m).filter((x) => view(x)?.role === 'structure');
      const before = inClause.filter((x) => x.id < m.id).pop();
      const target = before ?? inClause.find((x) => x.id > m.id);
      return target ? { ok: true, target } : fail('no structure in its clause to place');
    }
    case 'meander': {
      const isRiver = (x: Mention | undefined) => (x && asTerm(view(x))?.concept === 'water:river' ? x : undefined);
      const river = after().find((x) => isRiver(x)) ?? isRiver(nb.justBefore(m));
      return river ? { ok: true, target: river } : fail('no river next to it (WorldSpec only shapes rivers)');
    }
    case 'intensity': {
      const next = nb.justAfter(m);
      if (entry.amplifies !== undefined && next?.readings.some((r) => r.role === 'intensity' || r.role === 'shade')) {
        return { ok: true, target: next };
      }
      // An adverb ("slightly", "very") modifies the word right after it: "slightly hilly grassland" is about the hills.
      const adjacent = entry.amplifies !== undefined ? withAmount(next, view) : undefined;
      if (adjacent) return { ok: true, target: adjacent };
      const amount = lastWithAmount(after(), view) ?? withAmount(nb.justBefore(m), view);
      return amount ? { ok: true, target: amount } : fail('nothing with an amount next to it');
    }
  }
}

function isCountable(entry: LexiconEntry | undefined): boolean {
  return entry?.role === 'structure' || entry?.role === 'character' || (entry?.role === 'term' && entry.countPath !== undefined);
}

function lastWithAmount(run: Mention[], view: View): Mention | undefined {
  return run.filter((x) => (asTerm(view(x))?.amounts?.length ?? 0) > 0).pop();
}

function withAmount(m: Mention | undefined, view: View): Mention | undefined {
  return m && (asTerm(view(m))?.amounts?.length ?? 0) > 0 ? m : undefined;
}

function asStructure(m: Mention | undefined, view: View): Mention | undefined {
  return m && view(m)?.role === 'structure' ? m : undefined;
}

/** Marks what a negation covers; see the file comment for where its scope ends. */
function applyNegation(negation: BoundMention, nb: Neighbourhood, bound: BoundMention[]): void {
  const scope = negationScope(negation.mention, nb, bound);
  const covered: string[] = [];
  for (const m of scope) {
    const b = bound[m.id];
    const entry = b.entry;
    const isThing = entry && (entry.role === 'term' || entry.role === 'structure' || entry.role === 'character');
    // An adjective before a noun describes that noun ("no snowy peaks"): the noun is what is negated.
    const describesNoun = isThing && !isNounReading(entry) && scope.some((x) => x.id > m.id && isNounReading(bound[x.id].entry));
    if (isThing && !describesNoun) {
      b.negatedBy = negation.mention;
      covered.push(m.phrase);
    } else if (entry) {
      b.ignored = `inside the negation "${negation.mention.phrase}"`;
      b.insideNegation = true;
    }
  }
  if (covered.length === 0) negation.ignored = 'nothing after it to negate';
  else negation.notes.push(`negates ${covered.map((p) => `"${p}"`).join(', ')}`);
}

function negationScope(negation: Mention, nb: Neighbourhood, bound: BoundMention[]): Mention[] {
  const tokens = nb.tokens;
  const scope: Mention[] = [];
  let t = negation.to;
  while (t < tokens.length) {
    const token = tokens[t];
    const m = nb.at(t);
    if (m) {
      if (bound[m.id].entry?.role === 'negation') break;
      if (m.to - m.from > 1 && SCOPE_BREAKERS.has(token.norm)) break; // "on a ridge", "at night": a new phrase
      scope.push(m);
      t = m.to;
      continue;
    }
    if (token.kind === 'break') {
      if (token.norm === ',' && listGoesOn(nb, t)) {
        t++;
        continue;
      }
      break;
    }
    if (token.norm === 'and' && NEW_THING_STARTERS.has(tokens[t + 1]?.norm ?? '')) break;
    if (token.norm === 'at' && tokens[t + 1]?.norm === 'all') {
      t += 2;
      continue;
    }
    if (SCOPE_BREAKERS.has(token.norm)) break;
    t++;
  }
  return scope;
}

/** After a comma inside a negation: "no trees, shrubs or grass" goes on; "no water, overcast" does not. */
function listGoesOn(nb: Neighbourhood, comma: number): boolean {
  const tokens = nb.tokens;
  const first = tokens[comma + 1];
  if (!first || first.kind !== 'word' || NEW_THING_STARTERS.has(first.norm) || SCOPE_BREAKERS.has(first.norm)) return false;
  for (let t = comma + 1; t < tokens.length && tokens[t].kind !== 'break'; t++) {
    if (tokens[t].norm === 'or' || tokens[t].norm === 'nor') return true;
  }
  return false;
}
