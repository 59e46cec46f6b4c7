/**
 * Who a character is: the contract between the shot planner, the character factory and the
 * cutscene. The same identity (archetype + identitySeed) always gives the same person — the same
 * proportions, colours, clothing and headwear — in every shot and every file.
 */
import type { CHARACTER_ARCHETYPES } from '../spec/world-spec-schema.ts';

export type CharacterArchetype = (typeof CHARACTER_ARCHETYPES)[number];

export interface CharacterIdentity {
  /** Unique in a plan: "knight", "monk-2". */
  id: string;
  archetype: CharacterArchetype;
  /** The seed of their looks (0 … 2³²−1). */
  identitySeed: number;
  /** A display name, if the plan gives one. */
  name?: string;
  /** Words from the storyboard that pin a look: "she", "red cloak", "hooded", "tall". Optional. */
  traits?: string[];
}
