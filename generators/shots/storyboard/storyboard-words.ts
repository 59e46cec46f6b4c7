/**
 * The storyboard's own vocabulary: camera words (shot types, rig hints, lens, pace), transitions,
 * moods, verbs, pronouns, units and the few places the world interpreter has no word for (the
 * smoke of a volcano, a door, the spawn). People, structures, water, land, biomes, times of day
 * and weather come from the world interpreter's lexicon (`world-words.ts`). Words are data: each
 * entry lists phrases (lower case, 1–4 words; hyphens read as spaces, so "close-up" is "close
 * up"), a concept for the explanation, and its readings — all of which apply ("wide" is a weak
 * establishing shot and a wider lens).
 */
import type { Biome, StructureType } from '../../spec/world-spec-schema.ts';
import type { CharacterArchetype } from '../../characters/character-identity.ts';
import type { Rig } from '../shot-plan-schema.ts';
import type { Mood, ShotType, TransitionKind } from '../timeline.ts';

/** A place a storyboard can name; `world-places.ts` finds it in a World. */
export type Place =
  | { kind: 'structure'; type: StructureType }
  | { kind: 'biome'; biome: Biome }
  | { kind: 'river' | 'lake' | 'sea' | 'waterfall' | 'coast' | 'crater' | 'summit' | 'ridge' | 'valley' | 'world' | 'sky' | 'spawn' | 'door' };

/** How strongly a mood word speaks: a feeling named (3) beats a place or weather (2) beats a time of day (1). */
export type MoodStrength = 1 | 2 | 3;

export type StoryboardReading =
  /** A strong type word decides; a weak one ("wide", "toward") only when no strong one is said. */
  | { role: 'shot-type'; type: ShotType; strong: boolean }
  | { role: 'lens'; scale: number }
  | { role: 'rig'; rig: Rig; note: string }
  | { role: 'pace'; factor: number }
  /** `this`: how this shot begins ("crossfade to …"); `next`: how the next one begins ("fade to black"). */
  | { role: 'transition'; kind: TransitionKind; applies: 'this' | 'next' }
  | { role: 'mood'; mood: Mood; strength: MoodStrength }
  /** `implied`: a night-only thing (the moon) implies night unless a time is said. */
  | { role: 'time'; hour: number; implied?: boolean }
  | { role: 'character'; archetype: CharacterArchetype }
  /** "another knight": a new character rather than the last one of that archetype. */
  | { role: 'another' }
  | { role: 'pronoun'; trait?: 'she' | 'he' }
  | { role: 'place'; place: Place }
  /** walk: goes somewhere; idle: stands (looks, watches, waits); follow: the camera follows (tracking) a walker; open: a door. */
  | { role: 'verb'; verb: 'walk' | 'idle' | 'follow' | 'open'; note?: string }
  | { role: 'unit'; unit: 'seconds' | 'mm' | 'am' | 'pm' | 'oclock' | 'degrees' }
  /** Understood, sets nothing ("shot", "camera"). */
  | { role: 'filler' };

export interface StoryboardWord {
  phrases: readonly string[];
  /** What the words mean, as `domain:name`. */
  concept: string;
  readings: readonly StoryboardReading[];
  /** Said in the explanation whenever the word is used. */
  note?: string;
}

const word = (concept: string, phrases: string[], readings: StoryboardReading[], note?: string): StoryboardWord => ({
  concept,
  phrases,
  readings,
  ...(note ? { note } : {}),
});
const type = (t: ShotType, strong = true): StoryboardReading => ({ role: 'shot-type', type: t, strong });
const mood = (m: Mood, strength: MoodStrength = 3): StoryboardReading => ({ role: 'mood', mood: m, strength });
const place = (p: Place): StoryboardReading => ({ role: 'place', place: p });
const verb = (v: 'walk' | 'idle' | 'follow' | 'open', note?: string): StoryboardReading => ({ role: 'verb', verb: v, ...(note ? { note } : {}) });

/** Metres of camera height for a low angle: below a standing person's eye, so the subject looms. */
export const LOW_ANGLE_HEIGHT = 0.6;
export const HIGH_ANGLE_HEIGHT = 30;
export const EYE_LEVEL_HEIGHT = 1.6;
/** Metres a "pull back" dolly moves away from its subject. */
export const PULL_BACK_TRAVEL = -30;

export const SHOT_WORDS: readonly StoryboardWord[] = [
  word('shot:establishing', ['establishing', 'establishing shot', 'wide shot', 'master shot', 'long shot', 'extreme long shot', 'extreme wide shot', 'panoramic', 'panorama shot'], [type('establishing')]),
  word('shot:wide', ['wide'], [type('establishing', false), { role: 'lens', scale: 0.75 }]),
  word('shot:aerial', ['aerial', 'aerial shot', 'aerial view', 'fly over', 'flyover', 'fly through', 'flying over', 'fly', 'flies', 'flight', "bird's eye", 'birds eye', "bird's eye view", 'drone', 'drone shot', 'overhead', 'overhead shot', 'top down', 'helicopter', 'from above', 'soar', 'soaring', 'sweeping'], [type('aerial')]),
  word('shot:dolly', ['dolly', 'dolly in', 'dolly shot', 'push in', 'pushes in', 'pushing in', 'push', 'creep in', 'zoom in', 'move in', 'moves in', 'glide'], [type('dolly')]),
  word('shot:dolly-out', ['pull back', 'pulls back', 'pulling back', 'pull out', 'pulls out', 'dolly out', 'pull away', 'back away'], [type('dolly'), { role: 'rig', rig: { travel: PULL_BACK_TRAVEL }, note: `moving away: travel ${PULL_BACK_TRAVEL} m` }]),
  word('shot:orbit', ['orbit', 'orbits', 'orbiting', 'circle around', 'circles around', 'circling', 'circle', 'circles', 'revolve around', 'revolving', 'arc shot', 'turntable'], [type('orbit')]),
  word('shot:orbit-360', ['full circle', 'all the way around', 'full orbit'], [type('orbit'), { role: 'rig', rig: { orbitDegrees: 360 }, note: 'a full turn: orbitDegrees 360' }]),
  word('shot:orbit-180', ['half circle', 'half orbit', 'half way around'], [type('orbit'), { role: 'rig', rig: { orbitDegrees: 180 }, note: 'half a turn: orbitDegrees 180' }]),
  word('shot:tracking', ['tracking', 'tracking shot', 'track', 'tracks', 'trailing', 'travelling shot', 'traveling shot', 'chase', 'chases', 'chasing'], [type('tracking')]),
  word('shot:follow', ['follow', 'follows', 'following', 'we follow'], [type('tracking'), verb('follow')]),
  word('shot:over-the-shoulder', ['over the shoulder', 'over her shoulder', 'over his shoulder', 'over their shoulder', 'over shoulder', 'ots'], [type('over-the-shoulder')]),
  word('shot:close-up', ['close up', 'closeup', 'close', 'extreme close up', 'close shot', 'tight shot', 'detail shot', 'face', 'portrait'], [type('close-up')]),
  word('shot:pov', ['pov', 'point of view', 'first person', 'through the eyes', 'through her eyes', 'through his eyes', 'through their eyes', 'subjective shot', 'eyes of'], [type('pov')]),
  word('shot:any', ['shot', 'shots', 'camera', 'view', 'angle', 'frame', 'scene', 'sequence', 'cinematic', 'footage', 'then', 'opening', 'final', 'next'], [{ role: 'filler' }]),
];

export const RIG_WORDS: readonly StoryboardWord[] = [
  word('rig:low-angle', ['low angle', 'low angle shot', 'from below', "worm's eye", 'worms eye', "worm's eye view", 'ground level'], [{ role: 'rig', rig: { height: LOW_ANGLE_HEIGHT }, note: `camera ${LOW_ANGLE_HEIGHT} m above the subject's base, looking up` }]),
  word('rig:high-angle', ['high angle', 'high angle shot', 'from high above'], [{ role: 'rig', rig: { height: HIGH_ANGLE_HEIGHT }, note: `camera ${HIGH_ANGLE_HEIGHT} m above the subject's base, looking down` }]),
  word('rig:eye-level', ['eye level', 'eye height'], [{ role: 'rig', rig: { height: EYE_LEVEL_HEIGHT }, note: `camera at eye height (${EYE_LEVEL_HEIGHT} m)` }]),
  word('lens:telephoto', ['telephoto', 'long lens', 'telephoto lens', 'tele', 'compressed'], [{ role: 'lens', scale: 2.5 }]),
  word('lens:wide-angle', ['wide angle', 'wide lens', 'wide angle lens', 'ultra wide'], [{ role: 'lens', scale: 0.6 }]),
  word('lens:fisheye', ['fisheye', 'fish eye'], [{ role: 'lens', scale: 0.45 }]),
  word('pace:slow', ['slow', 'slowly', 'leisurely', 'lingering', 'lingers', 'gentle', 'gently', 'long', 'unhurried'], [{ role: 'pace', factor: 1.4 }]),
  word('pace:quick', ['quick', 'quickly', 'brief', 'briefly', 'fast', 'short', 'rapid', 'rapidly', 'swift', 'swiftly', 'snap'], [{ role: 'pace', factor: 0.6 }]),
];

export const TRANSITION_WORDS: readonly StoryboardWord[] = [
  word('transition:fade-out', ['fade to black', 'fades to black', 'fading to black', 'fade out', 'fades out', 'fade away', 'fades away', 'cut to black'], [{ role: 'transition', kind: 'fade', applies: 'next' }]),
  word('transition:fade-in', ['fade in', 'fades in', 'fade from black', 'fade up', 'fade in from black', 'fade to', 'fades to', 'fade'], [{ role: 'transition', kind: 'fade', applies: 'this' }]),
  word('transition:crossfade', ['crossfade', 'crossfades', 'crossfade to', 'cross fade', 'cross fade to', 'dissolve', 'dissolves', 'dissolve to', 'dissolves to', 'cross dissolve', 'mix to'], [{ role: 'transition', kind: 'crossfade', applies: 'this' }]),
  word('transition:cut', ['cut', 'cut to', 'cuts to', 'hard cut', 'smash cut', 'smash cut to', 'jump cut'], [{ role: 'transition', kind: 'cut', applies: 'this' }]),
];

export const MOOD_WORDS: readonly StoryboardWord[] = [
  word('mood:tense', ['ominous', 'dark', 'menacing', 'threatening', 'sinister', 'danger', 'dangerous', 'tense', 'tension', 'foreboding', 'dread', 'battle', 'fight', 'fights', 'fighting', 'attack', 'urgent', 'suspense', 'suspenseful'], [mood('tense')]),
  word('mood:mysterious', ['mysterious', 'mystery', 'eerie', 'strange', 'secret', 'hidden', 'shadowy', 'shadows', 'enigmatic', 'haunting'], [mood('mysterious')]),
  word('mood:triumphant', ['triumph', 'triumphant', 'triumphantly', 'victory', 'victorious', 'glorious', 'glory', 'heroic', 'heroically', 'celebration', 'celebrates', 'epic'], [mood('triumphant')]),
  word('mood:sombre', ['sad', 'sadly', 'sorrow', 'sorrowful', 'grief', 'mourning', 'mourns', 'funeral', 'lonely', 'alone', 'melancholy', 'sombre', 'somber', 'grave', 'tragic', 'loss', 'weeps', 'weeping'], [mood('sombre')]),
  word('mood:hopeful', ['hope', 'hopeful', 'hopefully', 'new day', 'promise', 'joy', 'joyful', 'happy', 'bright', 'uplifting', 'home'], [mood('hopeful')]),
  word('mood:calm', ['calm', 'calmly', 'peaceful', 'peacefully', 'quiet', 'quietly', 'serene', 'tranquil', 'still', 'stillness', 'gentle breeze'], [mood('calm')]),
];

export const ACTION_WORDS: readonly StoryboardWord[] = [
  word('action:walk', ['walk', 'walks', 'walking', 'walked', 'go', 'goes', 'going', 'head', 'heads', 'heading', 'march', 'marches', 'marching', 'wander', 'wanders', 'wandering', 'stroll', 'strolls', 'strolling', 'climb', 'climbs', 'climbing', 'cross', 'crosses', 'travel', 'travels', 'travelling', 'traveling', 'approach', 'approaches', 'approaching', 'hike', 'hikes', 'hiking', 'arrive', 'arrives', 'arriving', 'reach', 'reaches', 'reaching', 'return', 'returns', 'returning', 'enter', 'enters', 'entering', 'make her way', 'make his way', 'makes her way', 'makes his way', 'makes their way', 'journey', 'journeys', 'trek', 'treks', 'trudge', 'trudges', 'limp', 'limps', 'sneak', 'sneaks', 'step', 'steps', 'leave', 'set out', 'sets out'], [verb('walk')]),
  word('action:ride', ['ride', 'rides', 'riding', 'rode', 'gallop', 'gallops', 'galloping', 'on horseback'], [verb('walk', 'riding is shown as walking: Worldsmith has no horses yet')]),
  word('action:run', ['run', 'runs', 'running', 'ran', 'rush', 'rushes', 'rushing', 'dash', 'dashes', 'sprint', 'sprints', 'flee', 'flees', 'fleeing', 'hurry', 'hurries'], [verb('walk', 'running is shown as walking: the characters have one walk cycle')]),
  word('action:idle', ['look', 'looks', 'looking', 'looked', 'looks up', 'looking up', 'look up', 'looks out', 'looking out', 'looks down', 'looking down', 'watch', 'watches', 'watching', 'gaze', 'gazes', 'gazing', 'stare', 'stares', 'staring', 'stand', 'stands', 'standing', 'stood', 'wait', 'waits', 'waiting', 'pause', 'pauses', 'pausing', 'stop', 'stops', 'rest', 'rests', 'resting', 'facing', 'turn', 'turns', 'turning', 'listen', 'listens', 'listening', 'observe', 'observes', 'observing', 'survey', 'surveys', 'surveying', 'admire', 'admires', 'contemplate', 'contemplates', 'faces', 'breathe', 'breathes', 'sigh', 'sighs', 'smile', 'smiles'], [verb('idle')]),
  word('action:kneel', ['kneel', 'kneels', 'kneeling', 'sit', 'sits', 'sitting', 'pray', 'prays', 'praying', 'bow', 'bows', 'sleep', 'sleeps', 'lie', 'lies'], [verb('idle', 'sitting, kneeling and praying are shown as standing: the characters have only idle and walk clips')]),
  word('action:open', ['open', 'opens', 'opening', 'opened', 'knock', 'knocks', 'knocking', 'unlock', 'unlocks', 'push open', 'pushes open'], [verb('open', 'opening a door is shown as standing at the door, facing it: the characters have no door animation')]),
  word('action:another', ['another', 'a second', 'other', 'a different'], [{ role: 'another' }]),
];

export const REFERENCE_WORDS: readonly StoryboardWord[] = [
  word('pronoun:she', ['she', 'her', 'hers', 'herself'], [{ role: 'pronoun', trait: 'she' }]),
  word('pronoun:he', ['he', 'him', 'his', 'himself'], [{ role: 'pronoun', trait: 'he' }]),
  word('pronoun:they', ['they', 'them', 'their', 'theirs', 'themselves'], [{ role: 'pronoun' }]),
  word('unit:seconds', ['second', 'seconds', 'sec', 'secs', 's'], [{ role: 'unit', unit: 'seconds' }]),
  word('unit:mm', ['mm', 'millimetre', 'millimetres', 'millimeter', 'millimeters', 'mm lens'], [{ role: 'unit', unit: 'mm' }]),
  word('unit:am', ['am'], [{ role: 'unit', unit: 'am' }]),
  word('unit:pm', ['pm'], [{ role: 'unit', unit: 'pm' }]),
  word('unit:oclock', ["o'clock", 'oclock', 'hours'], [{ role: 'unit', unit: 'oclock' }]),
  word('unit:degrees', ['degree', 'degrees', 'deg'], [{ role: 'unit', unit: 'degrees' }]),
];

export const STORYBOARD_PLACE_WORDS: readonly StoryboardWord[] = [
  word('place:crater', ['smoke', 'smoking crater', 'plume', 'vent', 'ash cloud', 'smoke plume', 'eruption', 'erupting volcano', 'volcano', 'volcanoes', 'crater', 'caldera', 'lava'], [place({ kind: 'crater' })]),
  word('place:door', ['door', 'doors', 'doorway', 'gate', 'gates', 'entrance', 'threshold'], [place({ kind: 'door' })]),
  word('place:spawn', ['spawn', 'start', 'starting point', 'camp', 'campsite', 'camp site'], [place({ kind: 'spawn' })]),
  word('place:sky', ['sky', 'skies', 'heavens', 'clouds'], [place({ kind: 'sky' })]),
  word('place:night-sky', ['night sky', 'starry sky', 'milky way', 'aurora', 'northern lights'], [place({ kind: 'sky' }), { role: 'time', hour: 23, implied: true }]),
  word('place:summit', ['summit', 'summits', 'peak', 'peaks', 'mountain', 'mountains', 'mountaintop', 'mountain top', 'hilltop', 'hill top', 'top of the mountain', 'top of the hill', 'hill', 'hills'], [place({ kind: 'summit' })]),
  word('place:ridge', ['ridge', 'ridges', 'ridgeline', 'cliff', 'cliffs', 'clifftop', 'cliff top', 'crag', 'bluff', 'overlook', 'lookout', 'viewpoint'], [place({ kind: 'ridge' })]),
  word('place:world', ['world', 'island', 'isle', 'islands', 'archipelago', 'land', 'landscape', 'map', 'realm', 'kingdom', 'countryside', 'wilderness', 'terrain', 'scenery', 'vista', 'whole map', 'everything'], [place({ kind: 'world' })]),
];

/** The storyboard's own words, before the world interpreter's: a phrase in both reads as here. */
export const OWN_WORDS: readonly StoryboardWord[] = [
  ...SHOT_WORDS,
  ...RIG_WORDS,
  ...TRANSITION_WORDS,
  ...MOOD_WORDS,
  ...ACTION_WORDS,
  ...REFERENCE_WORDS,
  ...STORYBOARD_PLACE_WORDS,
];
