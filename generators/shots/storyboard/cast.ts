/**
 * The people of a plan: the world spec's characters first (their ids, names and identity seeds
 * kept), then those the storyboard names, with ids from their archetype like the world
 * interpreter's ("knight", "knight-2"). An archetype word names the last character of that
 * archetype ("a knight … the knight's face" is one knight); "another knight" makes a new one. A
 * pronoun names the character mentioned last; "she"/"her" and "he"/"him" add that word as a trait.
 */
import type { CharacterArchetype } from '../../characters/character-identity.ts';
import { deriveSeed } from '../../seed/derive-seed.ts';
import type { World } from '../../world/world.ts';
import type { PlanCharacter } from '../shot-plan-schema.ts';

/** ShotPlan v1 allows 16 characters. */
export const MAX_PLAN_CHARACTERS = 16;

/** The seed of a character's looks when the world spec gives none: by name, from the world seed. */
export function deriveIdentitySeed(seed: number, characterId: string): number {
  return deriveSeed(seed, 'character', characterId);
}

export interface CastMember {
  character: PlanCharacter;
  source: 'world' | 'storyboard';
  /** Where the identity seed came from. */
  seedFrom: 'world spec' | 'derived';
  /** The storyboard words that named this character. */
  words: string[];
}

export interface CastResult {
  id?: string;
  notice?: string;
}

export class Cast {
  readonly members: CastMember[] = [];
  private readonly seed: number;
  private lastMentioned: string | undefined;

  constructor(world: World, seed: number) {
    this.seed = seed;
    for (const c of world.spec.characters) {
      const fromSpec = c.identitySeed !== undefined;
      this.members.push({
        character: {
          id: c.id,
          archetype: c.archetype,
          identitySeed: fromSpec ? c.identitySeed! : deriveIdentitySeed(seed, c.id),
          ...(c.name ? { name: c.name } : {}),
        },
        source: 'world',
        seedFrom: fromSpec ? 'world spec' : 'derived',
        words: [],
      });
    }
  }

  get characters(): PlanCharacter[] {
    return this.members.map((m) => m.character);
  }

  /** The character an archetype word names (or a new one). */
  mention(archetype: CharacterArchetype, phrase: string, another: boolean): CastResult {
    let member = another ? undefined : this.lastOfArchetype(archetype);
    let notice: string | undefined;
    if (!member) {
      if (this.members.length >= MAX_PLAN_CHARACTERS) {
        member = this.lastOfArchetype(archetype) ?? this.members[this.members.length - 1];
        notice = `a plan holds at most ${MAX_PLAN_CHARACTERS} characters; "${phrase}" is read as ${member.character.id}`;
      } else {
        member = this.add(archetype);
      }
    }
    if (!member.words.includes(phrase)) member.words.push(phrase);
    this.lastMentioned = member.character.id;
    return { id: member.character.id, ...(notice ? { notice } : {}) };
  }

  /** The character a pronoun names: the one mentioned last, else the world's first character. */
  pronoun(phrase: string, trait: 'she' | 'he' | undefined): CastResult {
    let id = this.lastMentioned;
    let notice: string | undefined;
    if (!id) {
      const first = this.members[0];
      if (!first) return { notice: `"${phrase}" names no one: no character was mentioned before it and the world has none; name one ("the knight")` };
      id = first.character.id;
      notice = `"${phrase}" comes before any character is named; read as ${id}, the world's first character`;
    }
    const member = this.members.find((m) => m.character.id === id)!;
    if (trait) {
      const traits = member.character.traits ?? [];
      const other = trait === 'she' ? 'he' : 'she';
      if (traits.includes(other)) {
        notice = `"${phrase}" refers to ${id}, already called "${other}"; the first word is kept`;
      } else if (!traits.includes(trait)) {
        member.character.traits = [...traits, trait];
      }
    }
    this.lastMentioned = id;
    return { id, ...(notice ? { notice } : {}) };
  }

  private lastOfArchetype(archetype: CharacterArchetype): CastMember | undefined {
    // The most recently mentioned of that archetype, else the world's first of it.
    const mentioned = this.members.filter((m) => m.character.archetype === archetype && m.words.length > 0);
    const lastId = this.lastMentioned;
    const recent = mentioned.find((m) => m.character.id === lastId) ?? mentioned[mentioned.length - 1];
    return recent ?? this.members.find((m) => m.character.archetype === archetype);
  }

  private add(archetype: CharacterArchetype): CastMember {
    const taken = new Set(this.members.map((m) => m.character.id));
    let id: string = archetype;
    for (let n = 2; taken.has(id); n++) id = `${archetype}-${n}`;
    const member: CastMember = {
      character: { id, archetype, identitySeed: deriveIdentitySeed(this.seed, id) },
      source: 'storyboard',
      seedFrom: 'derived',
      words: [],
    };
    this.members.push(member);
    return member;
  }
}
