/**
 * What the words add up to before they are settled: claims, drafts of the list items, and what
 * each mention set (for the explanation).
 */
import type { Claim } from './claims.ts';
import type { Conflict } from './conflict-rules.ts';
import type { LexiconEntry } from './lexicon/index.ts';
import type { Mention } from './mentions.ts';

export interface StructureDraft {
  mention: Mention;
  type: string;
  count: number;
  condition?: string;
  material?: string;
  placement?: string;
}

export interface CharacterDraft {
  mention: Mention;
  archetype: string;
  count: number;
}

export interface PointOfInterestDraft {
  mention: Mention;
  kind: string;
}

/** What one mention set, for the explanation. `structure` makes `path` relative to that item. */
export interface MentionEffect {
  path: string;
  value: unknown;
  /** A floor, not a value: the field ends up at least this (a biome's natural cover may be more). */
  atLeast?: boolean;
  structure?: StructureDraft;
  character?: CharacterDraft;
}

export interface MentionOutcome {
  claims: Claim[];
  structures: StructureDraft[];
  characters: CharacterDraft[];
  pointsOfInterest: PointOfInterestDraft[];
  /** Structure types and archetypes ruled out ("no towers"); `any` for "no buildings" / "no people". */
  negatedStructures: Array<{ type: string; mention: Mention; general: boolean }>;
  negatedCharacters: Array<{ archetype: string; mention: Mention; general: boolean }>;
  conflicts: Conflict[];
  effects: Map<number, MentionEffect[]>;
}

/** Records a claim by mention `m`; `source` is the entry (or, for a clock time, the concept) behind it. */
export type ClaimFn = (
  m: Mention,
  c: Omit<Claim, 'concept' | 'phrase' | 'order'> & { order?: number },
  source: LexiconEntry | string,
  shown?: unknown,
) => void;
