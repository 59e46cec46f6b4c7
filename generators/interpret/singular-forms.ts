/**
 * Singular candidates for an English plural, tried in order against the lexicon: "berries" →
 * "berry", "wolves" → "wolf", "knives" → "knife", "beaches" → "beach", "trees" → "tree". The
 * lexicon holds singulars, so a wrong candidate ("dunes" → "dun") simply finds nothing. Words
 * whose plural means something else ("falls", "woods", "islands") are listed whole and matched
 * before this is consulted.
 */
export function singularCandidates(word: string): string[] {
  const candidates: string[] = [];
  if (word.endsWith("'s")) candidates.push(word.slice(0, -2));
  if (word.length > 4 && word.endsWith('ies')) candidates.push(`${word.slice(0, -3)}y`);
  if (word.length > 4 && word.endsWith('ves')) candidates.push(`${word.slice(0, -3)}f`, `${word.slice(0, -3)}fe`);
  if (word.length > 3 && word.endsWith('es')) candidates.push(word.slice(0, -2));
  if (word.length > 2 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) candidates.push(word.slice(0, -1));
  const irregular = IRREGULAR_PLURALS.get(word);
  if (irregular) candidates.unshift(irregular);
  return candidates;
}

/** A Map, not an object literal: a prompt word like "constructor" must never find a prototype member. */
export const IRREGULAR_PLURALS: ReadonlyMap<string, string> = new Map([
  ['children', 'child'],
  ['people', 'person'],
  ['men', 'man'],
  ['women', 'woman'],
  ['fishermen', 'fisherman'],
  ['geese', 'goose'],
  ['mice', 'mouse'],
  ['oases', 'oasis'],
  ['cacti', 'cactus'],
  ['fungi', 'fungus'],
]);
