/**
 * How the storyboard interpreter reads words: pronouns, what carries from shot to shot,
 * transitions, lengths and lenses, things the world lacks, refusals, determinism, and that any
 * mix of storyboard phrases gives a valid ShotPlan.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  formatStoryboardExplanation,
  interpretStoryboard,
  MAX_TOTAL_SECONDS,
  StoryboardError,
  structureRefs,
} from '../../../generators/shots/storyboard/index.ts';
import { parseShotPlan } from '../../../generators/shots/parse-shot-plan.ts';
import type { World } from '../../../generators/world/world.ts';
import { ISLAND_SPEC, makeWorld } from './story-worlds.ts';

let world: World;
beforeAll(async () => {
  world = await makeWorld(ISLAND_SPEC);
});

const read = (text: string, options?: { seed?: number }) => interpretStoryboard(text, world, options);
const notices = (r: ReturnType<typeof read>) => r.explanation.shots.flatMap((s) => s.notices);

describe('pronouns and characters', () => {
  it('"she" and "her" name the character mentioned last, and pin the trait "she"', () => {
    const { plan } = read('the monk walks to the chapel; she looks at the lake; close-up of her face');
    expect(plan.shots.map((s) => s.subject)).toEqual(['character:monk', 'character:monk', 'character:monk']);
    expect(plan.characters.find((c) => c.id === 'monk')!.traits).toEqual(['she']);
    // She stands at the chapel she walked to, facing the lake.
    expect(plan.shots[1].actions).toEqual([{ character: 'monk', do: 'idle', to: 'structure:chapel', face: 'poi:lake-1' }]);
    expect(plan.shots[2].actions).toEqual([{ character: 'monk', do: 'idle', to: 'structure:chapel' }]);
  });

  it('a walk then a look in one shot is one walk that ends facing what is looked at', () => {
    const { plan } = read('orbit around the tower as the monk walks to the chapel and looks at the lake');
    expect(plan.shots[0].subject).toBe('structure:tower');
    // "around the tower" is the camera's, said before the monk: not the monk's way.
    expect(plan.shots[0].actions).toEqual([{ character: 'monk', do: 'walk', to: 'structure:chapel', face: 'poi:lake-1' }]);
  });

  it('a pronoun follows the latest character, and "he" pins "he"', () => {
    const { plan } = read('the knight walks to the tower; the hunter walks to the lake; he waits');
    expect(plan.shots[2].subject).toBe('character:hunter');
    expect(plan.characters.find((c) => c.id === 'hunter')!.traits).toEqual(['he']);
    expect(plan.characters.find((c) => c.id === 'knight')!.traits).toBeUndefined();
  });

  it('"she" before anyone is named is the world\'s first character, with a notice', () => {
    const r = read('she walks to the tower');
    expect(r.plan.shots[0].subject).toBe('character:keeper');
    expect(r.plan.shots[0].actions).toEqual([{ character: 'keeper', do: 'walk', to: 'structure:tower' }]);
    expect(notices(r).join('\n')).toMatch(/"she" comes before any character/);
  });

  it('an archetype word names the same character again; "another" makes a new one with a numbered id', () => {
    const { plan } = read('a knight walks to the tower; another knight rides to the chapel; the paladin waits');
    expect(plan.characters.map((c) => c.id)).toEqual(['keeper', 'knight', 'knight-2']);
    expect(plan.shots.map((s) => s.subject)).toEqual(['character:knight', 'character:knight-2', 'character:knight-2']);
  });

  it('identity seeds: the world spec\'s kept, new ones derived from the seed by id', () => {
    const a = read('the keeper and a wizard walk to the tower').plan.characters;
    const b = read('the keeper and a wizard walk to the tower', { seed: 99 }).plan.characters;
    expect(a[0].identitySeed).toBe(1234);
    expect(b[0].identitySeed).toBe(1234);
    expect(a[1].identitySeed).not.toBe(b[1].identitySeed);
    // Both walk.
    expect(read('the keeper and a wizard walk to the tower').plan.shots[0].actions!.map((x) => x.character)).toEqual(['keeper', 'wizard']);
  });
});

describe('time of day and mood carry', () => {
  it('a time holds until another is said; clock times and am/pm are read', () => {
    const r = read('establishing shot of the island at dusk; orbit around the tower; the keeper walks to the lake at 18:30; close-up of the keeper; aerial shot at 7 am; wide shot at 6 pm');
    expect(r.plan.shots.map((s) => s.timeOfDay?.hour)).toEqual([19.2, 19.2, 18.5, 18.5, 7, 18]);
    expect(r.explanation.shots[1].choices.find((c) => c.field === 'time')).toMatchObject({ how: 'carried', detail: 'from shot-1' });
  });

  it('no time said: no timeOfDay (the world\'s own hour)', () => {
    expect(read('orbit around the tower').plan.shots[0].timeOfDay).toBeUndefined();
  });

  it('mood: a named feeling beats a place; the last mood carries; calm by default', () => {
    const { plan } = read('orbit around the tower; ominous push in on the ruined chapel; the keeper walks to the lake; triumphant aerial shot of the castle');
    expect(plan.shots.map((s) => s.mood)).toEqual(['calm', 'tense', 'tense', 'triumphant']);
  });
});

describe('transitions', () => {
  it('"cut to" and "crossfade to" begin their shot; "fade to black" begins the next', () => {
    const { plan } = read('aerial shot of the island; cut to the tower; fade to black; orbit around the castle; crossfade to the lighthouse');
    expect(plan.shots.map((s) => s.transition?.kind)).toEqual([undefined, 'cut', 'fade', 'crossfade']);
    expect(plan.shots.map((s) => s.subject)).toEqual(['world', 'structure:tower', 'structure:castle', 'structure:lighthouse']);
    for (const s of plan.shots) if (s.transition && s.transition.kind !== 'cut') expect(s.transition.durationSeconds).toBeLessThanOrEqual(s.durationSeconds / 2);
  });

  it('a crossfade into the first shot becomes a fade in, with a notice', () => {
    const r = read('crossfade to the tower');
    expect(r.plan.shots[0].transition).toEqual({ kind: 'fade', durationSeconds: 1 });
    expect(notices(r).join()).toMatch(/nothing to cross-fade from/);
  });

  it('a fade is at most half a short shot', () => {
    const { plan } = read('wide shot of the island; fade to black; close-up of the keeper for 1 second');
    expect(plan.shots[1].transition).toEqual({ kind: 'fade', durationSeconds: 0.5 });
  });
});

describe('lengths, lenses and rig hints', () => {
  it('stated seconds win; "slow" and "quick" scale the type\'s length', () => {
    const { plan } = read('orbit around the tower for 8 seconds; slow orbit around the tower; quick orbit around the tower; close-up of the keeper for 2.5 s; orbit for 90 seconds');
    expect(plan.shots.map((s) => s.durationSeconds)).toEqual([8, 8.4, 3.6, 2.5, 60]);
  });

  it('a long storyboard is shortened to the plan limit', () => {
    const r = read(Array.from({ length: 30 }, () => 'slow orbit around the tower').join('; '));
    const total = r.plan.shots.reduce((s, x) => s + x.durationSeconds, 0);
    expect(total).toBeLessThanOrEqual(MAX_TOTAL_SECONDS);
    expect(total).toBeGreaterThan(MAX_TOTAL_SECONDS - 5);
    expect(r.explanation.notes.join()).toMatch(/shortened/);
  });

  it('lens by type, "wide" lower, "telephoto" higher, millimetres as said', () => {
    const lens = (t: string) => read(t).plan.shots[0].lens!.focalLengthMm;
    expect(lens('establishing shot of the island')).toBe(24);
    expect(lens('close-up of the keeper')).toBe(85);
    expect(lens('wide aerial shot of the island')).toBeLessThan(24);
    expect(lens('telephoto shot of the lighthouse')).toBeGreaterThan(50);
    expect(lens('dolly toward the tower, 50mm')).toBe(50);
  });

  it('rig stays empty but for stated hints', () => {
    const { plan } = read('orbit around the tower; low angle shot of the castle; a 360 orbit around the chapel; pull back from the lighthouse');
    expect(plan.shots.map((s) => s.rig)).toEqual([undefined, { height: 0.6 }, { orbitDegrees: 360 }, { travel: -30 }]);
    expect(plan.shots[3].type).toBe('dolly');
  });

  it('types are inferred: a person doing something is tracked, a place is established, the sky is aerial', () => {
    const { plan } = read('the keeper walks to the tower; the chapel; the night sky');
    expect(plan.shots.map((s) => s.type)).toEqual(['tracking', 'establishing', 'aerial']);
    expect(plan.shots[2].timeOfDay?.hour).toBe(23);
  });
});

describe('things the world lacks', () => {
  it('an unknown structure: a notice, the whole map as subject, another structure as a destination', () => {
    const r = read('establishing shot of the windmill; the keeper walks to the windmill');
    expect(r.plan.shots[0].subject).toBe('world');
    expect(r.explanation.shots[0].notices.join()).toMatch(/no windmill in this world.*whole map/);
    expect(r.plan.shots[1].actions![0].to).toMatch(/^structure:(tower|lighthouse|castle|chapel)$/);
    expect(r.explanation.shots[1].notices.join()).toMatch(/no windmill.*stands in/);
  });

  it('missing water falls back to other water, with a notice', () => {
    const r = read('the keeper walks to the waterfall');
    expect(r.plan.shots[0].actions![0].to).toMatch(/^(point:|poi:lake)/);
    expect(notices(r).join()).toMatch(/no waterfall/);
  });

  it('words not understood are listed, not fatal', () => {
    const r = read('orbit around the zeppelin with flourish');
    expect(r.explanation.shots[0].unused).toEqual(['zeppelin', 'flourish']);
    expect(r.plan.shots[0].type).toBe('orbit');
  });

  it('a segment naming nothing makes no shot and says so', () => {
    const r = read('orbit around the tower; xyzzy plugh; close-up of the keeper');
    expect(r.plan.shots).toHaveLength(2);
    expect(r.explanation.notes.join()).toMatch(/xyzzy plugh.*no shot/);
  });
});

describe('refusals', () => {
  const code = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(StoryboardError);
      return (e as StoryboardError).code;
    }
    return 'no error';
  };
  it('empty, whitespace, non-text and transition-only storyboards are refused with a code', () => {
    expect(code(() => read(''))).toBe('STORYBOARD_EMPTY');
    expect(code(() => read('  \n\t '))).toBe('STORYBOARD_EMPTY');
    expect(code(() => read(' ; ;; . '))).toBe('STORYBOARD_NO_SHOTS');
    expect(code(() => read('fade to black'))).toBe('STORYBOARD_NO_SHOTS');
    expect(code(() => interpretStoryboard(42 as unknown as string, world))).toBe('STORYBOARD_NOT_TEXT');
    expect(code(() => read('orbit\u0000 the tower'))).toBe('STORYBOARD_CONTROL_CHARACTER');
    expect(code(() => read('orbit around the tower', { seed: -1 }))).toBe('STORYBOARD_BAD_OPTIONS');
    expect(code(() => interpretStoryboard('orbit around the tower', {} as World))).toBe('STORYBOARD_BAD_WORLD');
  });
  it('the message says how to fix it', () => {
    expect(() => read('')).toThrow(/separated by ';'/);
  });
});

describe('splitting and determinism', () => {
  it('shots end at ";", new lines and sentence ends, not inside "5.5 seconds"', () => {
    const { plan } = read('orbit around the tower for 5.5 seconds. close-up of the keeper!\naerial shot of the island');
    expect(plan.shots.map((s) => s.type)).toEqual(['orbit', 'close-up', 'aerial']);
    expect(plan.shots[0].durationSeconds).toBe(5.5);
  });

  it('same text and world: the same plan JSON', () => {
    const text = "tracking shot of a knight riding across the meadow; low-angle shot of the castle on the ridge; close-up of the knight's face";
    expect(JSON.stringify(read(text))).toBe(JSON.stringify(read(text)));
  });

  it('the explanation reads as text, naming the words that chose each field', () => {
    const text = formatStoryboardExplanation(read('slow dolly toward the crater at dawn; fade to black').explanation);
    expect(text).toMatch(/shot-1: "slow dolly toward the crater at dawn"/);
    expect(text).toMatch(/type\s+dolly\s+← "dolly"/);
    expect(text).toMatch(/duration\s+5\.6\s+← "slow"/);
    expect(text).toMatch(/Ending: fade to black/);
  });

  it('structure ids are the type, numbered when it repeats', () => {
    const fake = {
      structures: [
        { id: 'structure-1', type: 'tower', placement: 'hill', centre: { x: 1, z: 2 }, pieces: [{}] },
        { id: 'structure-2', type: 'chapel', placement: 'none', centre: { x: 0, z: 0 }, pieces: [] },
        { id: 'structure-3', type: 'tower', placement: 'ridge', centre: { x: 5, z: 6 }, pieces: [{}] },
      ],
    } as unknown as World;
    expect(structureRefs(fake).map((s) => [s.ref, s.placedId, s.placed])).toEqual([
      ['tower', 'structure-1', true],
      ['chapel', 'structure-2', false],
      ['tower-2', 'structure-3', true],
    ]);
  });
});

describe('any mix of storyboard phrases', () => {
  const FRAGMENTS = [
    'wide establishing shot of the valley at dawn',
    'follow the wanderer along the river to the tower',
    'close-up as she opens the door',
    'aerial fly-over of the island',
    'slow dolly toward the crater',
    'the explorer looks up at the smoke',
    'orbit around the lighthouse at sunset',
    'over-the-shoulder shot of the keeper watching the sea',
    'fade to black',
    'tracking shot of a knight riding across the meadow',
    'low-angle shot of the castle on the ridge',
    "close-up of the knight's face",
    'POV walk through the fog in the swamp',
    'wide shot of the ruined chapel',
    'crossfade to the moon',
    'cut to the windmill at 25:00',
    'he kneels',
    'another monk walks from the chapel to the lake for 0 seconds',
    'quick 360 telephoto orbit of her for 99 s',
    'the the the',
  ];
  it('gives a valid ShotPlan or a StoryboardError, deterministically', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 8 }), (parts) => {
        const text = parts.join('; ');
        let first: string;
        try {
          first = JSON.stringify(read(text));
        } catch (e) {
          expect(e).toBeInstanceOf(StoryboardError);
          return;
        }
        const plan = JSON.parse(first).plan;
        expect(() => parseShotPlan(plan)).not.toThrow();
        expect(JSON.stringify(read(text))).toBe(first);
      }),
      { numRuns: 150, seed: 6 },
    );
  });
});
