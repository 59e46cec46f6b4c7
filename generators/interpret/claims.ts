/**
 * A claim is one word's say about one field. Every field's final value is settled from its
 * claims by priority (see resolve-claims.ts), so the interpreter never has to decide, while
 * reading, which word will win.
 */

/** Lowest first: a word's implication < an adjective < a noun or explicit word < an explicit number < a negation. */
export const PRIORITIES = ['implied', 'adjective', 'noun', 'number', 'negation'] as const;
export type Priority = (typeof PRIORITIES)[number];

export type ClaimValue = number | string | boolean;

export interface Claim {
  /** JSON pointer; set-like lists by member (/vegetation/treeKinds/palm). */
  path: string;
  value: ClaimValue;
  /**
   * set: replace. atLeast: a floor that only ever raises. add: accumulate (biome weights).
   * scale: an intensity applied after everything else resolves ("sparse tundra": every plant thinner).
   * exclude: rule this value out ("not snowy").
   */
  op: 'set' | 'atLeast' | 'add' | 'scale' | 'exclude';
  priority: Priority;
  /** Token position of the word, for "the later mention wins"; state-level implications come before any word. */
  order: number;
  concept: string;
  /** The words that made the claim, or what implied it. */
  phrase: string;
  /** A general word's negation ("no water"): a specific mention of the same field beats it. */
  general?: boolean;
  /** An amount stated with an intensity word ("few trees"): it beats a bare mention's floor. */
  stated?: boolean;
}

export function priorityRank(priority: Priority): number {
  return PRIORITIES.indexOf(priority);
}

export function higherPriority(a: Priority, b: Priority): Priority {
  return priorityRank(a) >= priorityRank(b) ? a : b;
}
