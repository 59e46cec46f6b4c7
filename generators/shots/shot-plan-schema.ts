/**
 * ShotPlan: what to film. The versioned, schema-validated contract between `worldsmith plan`
 * (which writes it from a storyboard), the user (who may edit it) and `worldsmith cutscene` (which
 * compiles it against a World into a timeline and films it). Plain JSON; `parseShotPlan` checks it.
 *
 * Subjects are references into the World:
 *   "world"               the whole map (establishing and aerial shots)
 *   "spawn"               the player's start
 *   "character:<id>"      a character of this plan
 *   "structure:<id>"      a structure of the world's spec ("tower", "castle-2")
 *   "poi:<id>"            a point of interest of the world (a lake, a summit, a waterfall…)
 *   "point:<x>,<z>"       a place on the map, world metres (on the ground)
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { CHARACTER_ARCHETYPES } from '../spec/world-spec-schema.ts';
import { MAX_SEED } from '../seed/derive-seed.ts';
import { MOODS, SHOT_TYPES, TRANSITION_KINDS } from './timeline.ts';

export const SHOT_PLAN_VERSION = 1;
export const MAX_SHOT_SECONDS = 60;
export const MAX_SHOTS = 64;

const Id = Type.String({ pattern: '^[a-z][a-z0-9-]{0,31}$', description: 'Lower-case letters, digits and dashes, starting with a letter (as in the WorldSpec).' });
const SubjectRef = Type.String({
  pattern: '^(world|spawn|(character|structure|poi):[a-z][a-z0-9-]{0,31}|point:-?[0-9.]+,-?[0-9.]+)$',
  description: 'world, spawn, character:<id>, structure:<id>, poi:<id> or point:<x>,<z>.',
});

function oneOf<const T extends readonly string[]>(values: T, description: string) {
  return Type.Union(
    values.map((v) => Type.Literal(v)),
    { description },
  ) as unknown as TSchema & { static: T[number] };
}

export const PlanCharacterSchema = Type.Object(
  {
    id: Id,
    archetype: oneOf(CHARACTER_ARCHETYPES, 'Who they are; sets clothing and build.'),
    identitySeed: Type.Integer({ minimum: 0, maximum: MAX_SEED, description: 'The seed of their looks: the same seed, the same person.' }),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    traits: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 8, description: 'Words that pin a look: "she", "red cloak", "hooded".' })),
  },
  { additionalProperties: false },
);

export const RigSchema = Type.Object(
  {
    distance: Type.Optional(Type.Number({ minimum: 0.3, maximum: 3000, description: 'Metres from the camera to the subject.' })),
    height: Type.Optional(Type.Number({ minimum: -50, maximum: 2000, description: 'Metres of the camera above the subject’s base (or above the ground for POV).' })),
    azimuthDegrees: Type.Optional(Type.Number({ minimum: -360, maximum: 360, description: 'Where the camera stands around the subject: 0 south (+z), 90 east (+x).' })),
    orbitDegrees: Type.Optional(Type.Number({ minimum: -720, maximum: 720, description: 'Orbit: degrees swept over the shot (positive: counter-clockwise seen from above).' })),
    travel: Type.Optional(Type.Number({ minimum: -2000, maximum: 2000, description: 'Dolly and aerial: metres moved toward the subject over the shot (negative: away).' })),
  },
  { additionalProperties: false, description: 'Camera rig parameters; absent ones are chosen from the shot type and the world.' },
);

export const ActionSchema = Type.Object(
  {
    character: Id,
    do: oneOf(['walk', 'idle'] as const, 'Walk to a place, or stand.'),
    to: Type.Optional(SubjectRef),
    via: Type.Optional(SubjectRef),
    face: Type.Optional(SubjectRef),
  },
  { additionalProperties: false },
);

export const ShotSchema = Type.Object(
  {
    id: Id,
    type: oneOf(SHOT_TYPES, 'The kind of shot: it chooses the rig.'),
    subject: SubjectRef,
    durationSeconds: Type.Number({ minimum: 0.25, maximum: MAX_SHOT_SECONDS, description: 'How long the shot lasts.' }),
    lens: Type.Optional(
      Type.Object(
        { focalLengthMm: Type.Number({ minimum: 8, maximum: 400, description: 'Full-frame (36×24 mm) focal length.' }) },
        { additionalProperties: false },
      ),
    ),
    rig: Type.Optional(RigSchema),
    transition: Type.Optional(
      Type.Object(
        {
          kind: oneOf(TRANSITION_KINDS, 'How the shot begins.'),
          durationSeconds: Type.Optional(Type.Number({ minimum: 0, maximum: 5 })),
        },
        { additionalProperties: false },
      ),
    ),
    timeOfDay: Type.Optional(
      Type.Object({ hour: Type.Number({ minimum: 0, maximum: 24, description: '0–24; 6 dawn, 12 noon, 18.5 sunset.' }) }, { additionalProperties: false }),
    ),
    mood: Type.Optional(oneOf(MOODS, 'The music bed’s mood.')),
    actions: Type.Optional(Type.Array(ActionSchema, { maxItems: 16 })),
    description: Type.Optional(Type.String({ maxLength: 400 })),
  },
  { additionalProperties: false },
);

export const ShotPlanSchema = Type.Object(
  {
    version: Type.Literal(SHOT_PLAN_VERSION),
    title: Type.Optional(Type.String({ maxLength: 120 })),
    world: Type.Optional(Type.Object({ seed: Type.Integer({ minimum: 0, maximum: MAX_SEED }) }, { additionalProperties: false, description: 'The world the plan was made for.' })),
    characters: Type.Array(PlanCharacterSchema, { maxItems: 16 }),
    shots: Type.Array(ShotSchema, { minItems: 1, maxItems: MAX_SHOTS }),
  },
  {
    $id: 'https://worldsmith.dev/schema/shot-plan/v1.json',
    title: 'ShotPlan',
    description: 'A cutscene: characters and shots, filmed in a Worldsmith world.',
    additionalProperties: false,
  },
);

export type ShotPlan = Static<typeof ShotPlanSchema>;
export type Shot = Static<typeof ShotSchema>;
export type PlanCharacter = Static<typeof PlanCharacterSchema>;
export type ShotAction = Static<typeof ActionSchema>;
export type Rig = Static<typeof RigSchema>;
