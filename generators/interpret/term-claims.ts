/**
 * A term's claims: its own settings (an intensity bound to it turns a floor into a stated
 * amount), its biome weight, and the counts and colours that modifiers bound to it bring.
 */
import type { BoundMention } from './bind-mentions.ts';
import { higherPriority, type Claim, type Priority } from './claims.ts';
import { conflict, type Conflict } from './conflict-rules.ts';
import { applyIntensity, round3, shadeHex } from './intensity.ts';
import type { LexiconEntry, Setting, TermEntry } from './lexicon/index.ts';
import { asTerm, isNounReading, type Mention, type Neighbourhood } from './mentions.ts';
import type { ClaimFn, MentionOutcome } from './mention-outcome.ts';
import { negationOf } from './negate-setting.ts';
import { capCount } from './quantity-claims.ts';
import { describePath } from './spec-paths.ts';

export function settingClaim(s: Setting, priority: Priority): Omit<Claim, 'concept' | 'phrase' | 'order'> {
  return { path: s.path, value: s.value, op: s.op ?? 'set', priority: s.implied ? 'implied' : priority };
}

export function termClaims(
  b: BoundMention,
  entry: TermEntry,
  nb: Neighbourhood,
  modifiersOf: (target: Mention) => BoundMention[],
  claim: ClaimFn,
  out: MentionOutcome,
): void {
  const m = b.mention;
  const modifiers = modifiersOf(m);
  const priority: Priority = entry.kind === 'adjective' ? 'adjective' : 'noun';
  const intensity = modifiers.find(
    (x) => x.entry?.role === 'intensity' || (x.entry?.role === 'number' && x.entry.asIntensity !== undefined && !entry.countPath),
  );
  const strength = intensity?.entry?.role === 'number' ? intensity.entry.asIntensity : intensity?.strength;
  const scaled = new Set<string>();

  for (const s of entry.sets ?? []) {
    if (strength !== undefined && entry.amounts?.includes(s.path) && typeof s.value === 'number') {
      // The intensity word states the amount: "dense forest" is not a floor but a value.
      const value = round3(applyIntensity(s.value, strength));
      claim(
        m,
        { path: s.path, value, op: 'set', priority: higherPriority(s.implied ? 'implied' : priority, 'adjective'), stated: true },
        entry,
      );
      scaled.add(s.path);
    } else {
      claim(m, settingClaim(s, priority), entry);
    }
  }
  if (strength !== undefined && intensity) {
    for (const path of entry.amounts ?? []) {
      if (scaled.has(path)) continue;
      claim(
        m,
        { path, value: round3(strength), op: 'scale', priority: 'adjective' },
        entry,
        `scaled by "${intensity.mention.phrase}" (${round3(strength)})`,
      );
    }
    intensity.notes.push(`applies to "${m.phrase}"`);
  }

  if (entry.biome) biomeClaim(b, entry, nb, claim, out.conflicts);

  const count = numberFor(modifiers);
  if (count && entry.countPath) {
    const info = describePath(entry.countPath);
    const value = capCount(count.value, info?.maximum ?? count.value, m, out.conflicts);
    claim(
      count.mention,
      { path: entry.countPath, value, op: 'set', priority: count.explicit ? 'number' : 'noun', order: m.from },
      count.entry,
    );
  }

  const colour = modifiers.find((x) => x.entry?.role === 'colour');
  if (colour?.entry?.role === 'colour' && entry.colourTarget) {
    const shade = modifiersOf(colour.mention).find((x) => x.entry?.role === 'shade');
    const hex = shade?.entry?.role === 'shade' ? shadeHex(colour.entry.hex, shade.entry.lightness) : colour.entry.hex;
    const target = (colour.entry.green && entry.greenColourTarget) || entry.colourTarget;
    claim(colour.mention, { path: `/palette/colors/${target}`, value: hex, op: 'set', priority: 'noun', order: m.from }, colour.entry);
    colour.notes.push(`colours the ${target} of "${m.phrase}"`);
  }

  const size = modifiers.find((x) => x.entry?.role === 'size');
  if (size) size.notes.push(`sizes the world through "${m.phrase}"`);

  if (entry.pointOfInterest) out.pointsOfInterest.push({ mention: m, kind: entry.pointOfInterest });
}

function biomeClaim(b: BoundMention, entry: TermEntry, nb: Neighbourhood, claim: ClaimFn, conflicts: Conflict[]): void {
  const m = b.mention;
  if (entry.climate) {
    // "snowy desert": the noun's biome stays; this adjective brings only its weather.
    const noun = nb.phraseAfter(m).find((x) => {
      const t = asTerm(x.readings.find((r) => r.role === 'term'));
      return t?.biome !== undefined && t.biome !== entry.biome && isNounReading(t);
    });
    if (noun) {
      const nounBiome = asTerm(noun.readings.find((r) => r.role === 'term'))?.biome;
      conflicts.push(
        conflict(
          'climateAdjectiveModifiesBiome',
          `"${m.phrase} ${noun.phrase}": the biome stays ${nounBiome}; "${m.phrase}" adds no ${entry.biome}, only its weather and season.`,
        ),
      );
      b.notes.push(`describes "${noun.phrase}": no ${entry.biome} added`);
      return;
    }
  }
  // A biome noun right before another biome's noun is used as an adjective: "desert canyon" is a canyon.
  const next = nb.justAfter(m);
  const nextTerm = next ? asTerm(next.readings.find((r) => r.role === 'term')) : undefined;
  const attributive = isNounReading(entry) && nextTerm?.biome !== undefined && nextTerm.biome !== entry.biome && isNounReading(nextTerm);
  if (attributive) b.notes.push(`describes "${next?.phrase}": weighs as an adjective`);
  const weight = entry.biomeWeight ?? (entry.kind === 'adjective' || attributive ? 0.5 : 1);
  claim(
    m,
    { path: `/biomes/${entry.biome}`, value: weight, op: 'add', priority: entry.kind === 'adjective' ? 'adjective' : 'noun' },
    entry,
  );
}

export function negateTerm(b: BoundMention, entry: TermEntry, claim: ClaimFn): void {
  const settings = negationOf(entry);
  for (const s of settings) {
    claim(
      b.mention,
      { path: s.path, value: s.value, op: s.op ?? 'set', priority: 'negation', general: entry.general },
      entry,
      s.op === 'exclude' ? `not ${String(s.value)}` : s.value,
    );
  }
  if (entry.biome) claim(b.mention, { path: `/biomes/${entry.biome}`, value: 0, op: 'set', priority: 'negation' }, entry);
  if (settings.length === 0 && !entry.biome) b.notes.push('nothing in WorldSpec to rule out');
  else b.notes.push(`negated by "${b.negatedBy?.phrase}"`);
}

export function numberFor(
  modifiers: BoundMention[],
): { value: number; explicit: boolean; mention: Mention; entry: LexiconEntry } | undefined {
  const n = modifiers.find((x) => x.entry?.role === 'number');
  return n?.entry?.role === 'number' ? { value: n.entry.value, explicit: n.entry.explicit, mention: n.mention, entry: n.entry } : undefined;
}
