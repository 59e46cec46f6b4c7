/**
 * Numbers with units: "2 km" and "500 m" size the world, "6am" and "18:30" set the hour; counts
 * are capped at what WorldSpec allows.
 */
import type { BoundMention } from './bind-mentions.ts';
import { conflict, type Conflict } from './conflict-rules.ts';
import { clamp, round3 } from './intensity.ts';
import type { LexiconEntry } from './lexicon/index.ts';
import type { Mention } from './mentions.ts';
import type { ClaimFn } from './mention-outcome.ts';

export function capCount(value: number, max: number, m: Mention, conflicts: Conflict[]): number {
  const whole = Math.max(1, Math.round(value));
  if (whole <= max) return whole;
  conflicts.push(conflict('tooMany', `"${m.phrase}": ${value} capped at ${max}.`));
  return max;
}

export function unitClaims(
  m: Mention,
  value: number,
  unit: Extract<LexiconEntry, { role: 'unit' }>,
  b: BoundMention,
  claim: ClaimFn,
): void {
  if (unit.metres !== undefined) {
    const metres = Math.round(value * unit.metres);
    const side = clamp(metres, 16, 8192);
    if (side !== metres) b.notes.push(`${metres} m is outside 16 … 8192 m; using ${side} m`);
    claim(m, { path: '/size/width', value: side, op: 'set', priority: 'number' }, unit);
    claim(m, { path: '/size/depth', value: side, op: 'set', priority: 'number' }, unit);
    return;
  }
  const hour = clockHour(value, unit.clock);
  if (hour === undefined) {
    b.notes.push(`"${m.phrase}" is not a time of day; ignored`);
    return;
  }
  // A clock time is a time of day like "dawn": the last one mentioned wins (see conflict-rules.ts).
  claim(m, { path: '/time/hour', value: hour, op: 'set', priority: 'noun' }, unit);
}

function clockHour(value: number, clock: 'am' | 'pm' | 'oclock' | undefined): number | undefined {
  if (!Number.isFinite(value)) return undefined;
  if (clock === 'oclock') return value >= 0 && value <= 24 ? value : undefined;
  if (value < 0 || value > 12) return undefined;
  const base = value === 12 ? 0 : value;
  return round3(clock === 'pm' ? base + 12 : base);
}

export function clockTime(m: Mention, hour: number, b: BoundMention, claim: ClaimFn): void {
  if (!Number.isFinite(hour) || hour > 24) {
    b.notes.push(`"${m.phrase}" is not a time of day; ignored`);
    return;
  }
  claim(m, { path: '/time/hour', value: round3(hour), op: 'set', priority: 'noun' }, 'time:clock');
}
