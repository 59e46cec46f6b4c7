/**
 * The Explanation: which words set which fields, what was implied, what was not understood, and
 * how conflicts were settled. It is built from the same records the spec was built from, so it
 * can never describe a different world.
 */
import { keepsAuto } from './build-spec-input.ts';
import type { BoundMention } from './bind-mentions.ts';
import type { Claim } from './claims.ts';
import type { Conflict } from './conflict-rules.ts';
import type { FinishedItems } from './finish-items.ts';
import { round3 } from './intensity.ts';
import { STOPWORDS } from './lexicon/index.ts';
import type { MentionOutcome } from './mention-claims.ts';
import type { SettledValues } from './settle-world.ts';
import type { Token } from './tokenize.ts';

export interface Explanation {
  /** The text actually read, after cleaning and truncation; match offsets index into it. */
  prompt: string;
  seed: { value: number; source: 'option' | 'prompt-hash' };
  /** Which words set which fields. Paths are JSON pointers; set-like lists by member (/terrain/features/volcano). */
  matches: Array<{
    phrase: string;
    start: number;
    end: number;
    concept: string;
    /** `atLeast`: a floor the word sets (shown as ≥), not the value itself. */
    sets: Array<{ path: string; value: unknown; atLeast?: boolean }>;
    note?: string;
  }>;
  /** Settings a concept implied (lowest priority) that no word overrode. */
  implied: Array<{ path: string; value: unknown; because: string }>;
  /** Content words not understood (stopwords are not listed). */
  unused: Array<{ word: string; start: number }>;
  /** How each conflict was settled, as a stated rule. */
  conflicts: Array<{ rule: string; detail: string }>;
  notes: string[];
}

export interface ExplanationParts {
  prompt: string;
  seed: Explanation['seed'];
  tokens: readonly Token[];
  bound: readonly BoundMention[];
  outcome: MentionOutcome;
  settled: SettledValues;
  items: FinishedItems;
  conflicts: Conflict[];
  notes: string[];
}

export function buildExplanation(parts: ExplanationParts): Explanation {
  const { bound, outcome, settled, items } = parts;
  const structureIndex = new Map(items.structures.map((s, i) => [s, i]));
  const characterIds = (draft: unknown) => items.characters.filter((c) => c.draft === draft).map((c) => c.id);

  const matches: Explanation['matches'] = [];
  for (const b of bound) {
    const m = b.mention;
    const concept = b.entry?.concept ?? (m.clockHour !== undefined ? 'time:clock' : undefined);
    if (!concept || isUnboundNumber(b)) continue;
    const sets: Array<{ path: string; value: unknown; atLeast?: boolean }> = [];
    for (const e of outcome.effects.get(m.id) ?? []) {
      if (e.structure) {
        const i = structureIndex.get(e.structure);
        if (i !== undefined) sets.push({ path: `/structures/${i}${e.path}`, value: e.path === '' ? structureItem(e.structure) : e.value });
      } else if (e.character) {
        for (const id of characterIds(e.character)) sets.push({ path: '/characters/-', value: { id, archetype: e.character.archetype } });
      } else {
        sets.push({ path: e.path, value: e.value, ...(e.atLeast ? { atLeast: true } : {}) });
      }
    }
    const notes = [...new Set(b.notes)];
    matches.push({ phrase: m.phrase, start: m.start, end: m.end, concept, sets, ...(notes.length ? { note: notes.join('; ') } : {}) });
  }

  const implied: Explanation['implied'] = [];
  for (const [path, winner] of settled.winners) {
    if (winner.priority !== 'implied' || path.startsWith('/biomes/')) continue;
    if (keepsAuto(path, settled)) {
      implied.push({ path, value: 'auto', because: `natural for each biome (${because(winner)}: ${String(winner.value)})` });
    } else implied.push({ path, value: settled.values.get(path), because: because(winner) });
  }
  items.structures.forEach((s, i) => {
    const defaults = s.mention.readings.find((r) => r.role === 'structure');
    if (defaults?.role === 'structure' && defaults.defaults?.placement === s.placement && s.placement) {
      implied.push({ path: `/structures/${i}/placement`, value: s.placement, because: `a ${s.type}'s usual place` });
    }
  });
  implied.sort((a, b) => a.path.localeCompare(b.path));

  return {
    prompt: parts.prompt,
    seed: parts.seed,
    matches,
    implied,
    unused: unusedWords(parts.tokens, bound),
    conflicts: dedupe(parts.conflicts),
    notes: parts.notes,
  };
}

function structureItem(s: FinishedItems['structures'][number]): Record<string, unknown> {
  return {
    type: s.type,
    count: s.count,
    ...(s.condition ? { condition: s.condition } : {}),
    ...(s.material ? { material: s.material } : {}),
    ...(s.placement ? { placement: s.placement } : {}),
  };
}

function because(claim: Claim): string {
  return claim.order < 0 ? claim.phrase : `"${claim.phrase}" (${claim.concept})`;
}

function isUnboundNumber(b: BoundMention): boolean {
  return b.entry?.role === 'number' && b.entry.phrases.length === 0 && b.ignored !== undefined;
}

function unusedWords(tokens: readonly Token[], bound: readonly BoundMention[]): Explanation['unused'] {
  const covered = new Set<number>();
  for (const b of bound) {
    if (isUnboundNumber(b)) continue;
    for (let t = b.mention.from; t < b.mention.to; t++) covered.add(t);
  }
  return tokens
    .filter((t) => !covered.has(t.index) && ((t.kind === 'word' && !STOPWORDS.has(t.norm)) || t.kind === 'number'))
    .map((t) => ({ word: t.text, start: t.start }));
}

function dedupe(conflicts: Conflict[]): Conflict[] {
  const seen = new Set<string>();
  return conflicts.filter((c) => {
    const key = `${c.rule}\n${c.detail}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A human-readable account, for the CLI. */
export function formatExplanation(e: Explanation): string {
  const lines: string[] = [];
  lines.push(`Prompt: "${e.prompt}"`);
  lines.push(
    `Seed:   ${e.seed.value} (${e.seed.source === 'option' ? 'given' : "from the prompt's hash; pass a seed to choose another world"})`,
  );
  if (e.matches.length > 0) {
    lines.push('', 'Understood:');
    for (const m of e.matches) {
      const sets = m.sets.map((s) => `${s.path} ${s.atLeast ? '≥' : '='} ${formatValue(s.value)}`).join(', ');
      lines.push(`  "${m.phrase}" (${m.concept})${sets ? ` → ${sets}` : ''}`);
      if (m.note) lines.push(`      ${m.note}`);
    }
  }
  if (e.implied.length > 0) {
    lines.push('', 'Implied (any word overrides these):');
    for (const i of e.implied) lines.push(`  ${i.path} = ${formatValue(i.value)}  — ${i.because}`);
  }
  if (e.conflicts.length > 0) {
    lines.push('', 'Conflicts settled:');
    for (const c of e.conflicts) lines.push(`  • ${c.rule}`, `      ${c.detail}`);
  }
  if (e.unused.length > 0) lines.push('', `Not understood: ${e.unused.map((u) => u.word).join(', ')}`);
  if (e.notes.length > 0) lines.push('', 'Notes:', ...e.notes.map((n) => `  ${n}`));
  return lines.join('\n');
}

function formatValue(value: unknown): string {
  if (typeof value === 'number') return String(round3(value));
  if (typeof value === 'string') return value.startsWith('#') || value.includes(' ') ? value : `"${value}"`;
  return JSON.stringify(value);
}
