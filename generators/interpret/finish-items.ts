/**
 * The lists: structures, characters and points of interest, after negations ("no towers"), caps
 * (WorldSpec allows 32 structure items, 16 characters, 64 points of interest) and ids.
 */
import { conflict, type Conflict } from './conflict-rules.ts';
import type { CharacterDraft, MentionOutcome, PointOfInterestDraft, StructureDraft } from './mention-claims.ts';

export const MAX_STRUCTURE_ITEMS = 32;
export const MAX_CHARACTERS = 16;
export const MAX_POINTS_OF_INTEREST = 64;

export interface FinishedItems {
  structures: StructureDraft[];
  characters: Array<{ id: string; archetype: string; draft: CharacterDraft }>;
  pointsOfInterest: Array<{ id: string; kind: string; label: string; draft: PointOfInterestDraft }>;
  conflicts: Conflict[];
}

export function finishItems(outcome: MentionOutcome): FinishedItems {
  const conflicts: Conflict[] = [];
  const structures = outcome.structures.filter((s) => keepStructure(s, outcome, conflicts));
  if (structures.length > MAX_STRUCTURE_ITEMS) {
    conflicts.push(conflict('tooMany', `${structures.length} structures named; the first ${MAX_STRUCTURE_ITEMS} kept.`));
    structures.length = MAX_STRUCTURE_ITEMS;
  }

  const characters: FinishedItems['characters'] = [];
  const seen = new Map<string, number>();
  for (const draft of outcome.characters) {
    const negated = outcome.negatedCharacters.find((n) => !n.general && n.archetype === draft.archetype);
    if (negated) {
      conflicts.push(conflict('negationBeatsMention', `"${negated.mention.phrase}" rules out "${draft.mention.phrase}".`));
      continue;
    }
    const general = outcome.negatedCharacters.find((n) => n.general);
    if (general) {
      conflicts.push(
        conflict(
          'specificBeatsGeneralNegation',
          `"${general.mention.phrase}" would remove everyone, but "${draft.mention.phrase}" names someone: kept.`,
        ),
      );
    }
    for (let i = 0; i < draft.count; i++) {
      if (characters.length === MAX_CHARACTERS) {
        conflicts.push(conflict('tooMany', `more than ${MAX_CHARACTERS} characters named; the first ${MAX_CHARACTERS} kept.`));
        break;
      }
      const n = (seen.get(draft.archetype) ?? 0) + 1;
      seen.set(draft.archetype, n);
      characters.push({ id: n === 1 ? draft.archetype : `${draft.archetype}-${n}`, archetype: draft.archetype, draft });
    }
  }

  const pointsOfInterest: FinishedItems['pointsOfInterest'] = [];
  for (const draft of outcome.pointsOfInterest) {
    if (pointsOfInterest.some((p) => p.kind === draft.kind) || pointsOfInterest.length === MAX_POINTS_OF_INTEREST) continue;
    pointsOfInterest.push({ id: draft.kind, kind: draft.kind, label: draft.mention.phrase.slice(0, 80), draft });
  }
  return { structures, characters, pointsOfInterest, conflicts };
}

/**
 * "no towers … a tower": the negation wins. "no buildings … a tower": the specific mention wins
 * over the general negation, as for water and plants.
 */
function keepStructure(s: StructureDraft, outcome: MentionOutcome, conflicts: Conflict[]): boolean {
  const specific = outcome.negatedStructures.find((n) => !n.general && n.type === s.type);
  if (specific) {
    conflicts.push(conflict('negationBeatsMention', `"${specific.mention.phrase}" rules out "${s.mention.phrase}".`));
    return false;
  }
  const general = outcome.negatedStructures.find((n) => n.general);
  if (general) {
    conflicts.push(
      conflict(
        'specificBeatsGeneralNegation',
        `"${general.mention.phrase}" would remove every structure, but "${s.mention.phrase}" names one: kept.`,
      ),
    );
  }
  return true;
}
