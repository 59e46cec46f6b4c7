/**
 * The StoryboardExplanation: for each shot, which words chose its type, subject, actions, time of
 * day, mood, duration, lens, rig hints and transition — or that a default, an inference or the
 * previous shot did; the words not understood; and what the world lacked and what stood in. It is
 * built from the same records the plan was, so it cannot describe another plan.
 */
import type { PlanCharacter } from '../shot-plan-schema.ts';

export const EXPLAINED_FIELDS = ['type', 'subject', 'action', 'time', 'mood', 'duration', 'lens', 'rig', 'transition'] as const;
export type ExplainedField = (typeof EXPLAINED_FIELDS)[number];

export interface ShotChoice {
  field: ExplainedField;
  /** The value set in the plan (an action object for `action`, an hour for `time`…). */
  value: unknown;
  /** The storyboard words that chose it (empty when nothing said). */
  words: string[];
  /** words: said in this shot; default: the shot type's; inferred: from what the shot names; carried: from an earlier shot. */
  how: 'words' | 'default' | 'inferred' | 'carried';
  detail?: string;
}

export interface ShotExplanation {
  /** The shot's id in the plan. */
  shot: string;
  /** The storyboard words of this shot. */
  text: string;
  choices: ShotChoice[];
  /** Content words not understood. */
  unused: string[];
  /** Things not in the world and what stood in; words read differently than they say. */
  notices: string[];
}

export interface StoryboardExplanation {
  /** The storyboard as read (cleaned, lower case, line breaks as ';'). */
  storyboard: string;
  /** The seed new characters' looks come from. */
  seed: { value: number; source: 'option' | 'world' };
  shots: ShotExplanation[];
  characters: Array<{
    id: string;
    archetype: string;
    identitySeed: number;
    /** From the world's spec, or named by the storyboard. */
    source: 'world' | 'storyboard';
    seedFrom: 'world spec' | 'derived';
    traits: string[];
    words: string[];
  }>;
  /** A trailing "fade to black": ShotPlan v1 has no fade-out, so it is reported here (see the README). */
  ending?: { kind: 'fade-to-black'; durationSeconds: number; words: string[] };
  /** Segments that made no shot, and whole-plan adjustments (length, limits, truncation). */
  notes: string[];
}

export function describeCharacters(members: ReadonlyArray<{ character: PlanCharacter; source: 'world' | 'storyboard'; seedFrom: 'world spec' | 'derived'; words: string[] }>): StoryboardExplanation['characters'] {
  return members.map((m) => ({
    id: m.character.id,
    archetype: m.character.archetype,
    identitySeed: m.character.identitySeed,
    source: m.source,
    seedFrom: m.seedFrom,
    traits: [...(m.character.traits ?? [])],
    words: [...m.words],
  }));
}

/** A human-readable account, for `worldsmith plan`. */
export function formatStoryboardExplanation(e: StoryboardExplanation): string {
  const lines: string[] = [];
  lines.push(`Storyboard: "${e.storyboard}"`);
  lines.push(`Seed:       ${e.seed.value} (${e.seed.source === 'option' ? 'given' : "the world's"}; characters the world does not list get their looks from it)`);
  for (const s of e.shots) {
    lines.push('', `${s.shot}: "${s.text}"`);
    for (const c of s.choices) {
      const said = c.words.length ? `"${c.words.join('", "')}"` : c.how;
      const how = c.words.length && c.how !== 'words' ? ` (${c.how})` : '';
      lines.push(`  ${c.field.padEnd(10)} ${formatValue(c.value)}  ← ${said}${how}${c.detail ? ` — ${c.detail}` : ''}`);
    }
    if (s.unused.length) lines.push(`  not understood: ${s.unused.join(', ')}`);
    for (const n of s.notices) lines.push(`  ! ${n}`);
  }
  if (e.characters.length) {
    lines.push('', 'Characters:');
    for (const c of e.characters) {
      const traits = c.traits.length ? `, traits ${c.traits.join(', ')}` : '';
      const words = c.words.length ? ` ← "${c.words.join('", "')}"` : '';
      lines.push(`  ${c.id} (${c.archetype}, identity seed ${c.identitySeed} ${c.seedFrom === 'world spec' ? 'from the world spec' : 'derived'}${traits}; ${c.source === 'world' ? "the world's" : 'named here'})${words}`);
    }
  }
  if (e.ending) lines.push('', `Ending: fade to black over ${e.ending.durationSeconds} s ← "${e.ending.words.join('", "')}"`);
  if (e.notes.length) lines.push('', 'Notes:', ...e.notes.map((n) => `  ${n}`));
  return lines.join('\n');
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(Math.round(value * 100) / 100);
  return JSON.stringify(value);
}
