/**
 * The world interpreter's words, read for a storyboard: its people ("paladin" is a knight), its
 * structures ("watchtower" is a tower), water, land, biomes, times of day, weather and moods. The
 * phrases come from `generators/interpret/lexicon` so both interpreters know the same words; what
 * they mean here is decided below. Weather belongs to the world, so weather words only set a mood.
 * Phrases that read as verbs or camera words in a storyboard are left out (EXCLUDED).
 */
import { CHARACTER_WORDS } from '../../interpret/lexicon/characters.ts';
import { BIOME_WORDS } from '../../interpret/lexicon/biomes.ts';
import { LANDFORM_WORDS } from '../../interpret/lexicon/landforms.ts';
import { MOOD_WORDS as WORLD_MOOD_WORDS } from '../../interpret/lexicon/moods.ts';
import { STRUCTURE_WORDS } from '../../interpret/lexicon/structures.ts';
import { TIME_WORDS } from '../../interpret/lexicon/time.ts';
import { WATER_WORDS } from '../../interpret/lexicon/water.ts';
import { WEATHER_WORDS } from '../../interpret/lexicon/weather.ts';
import type { LexiconEntry } from '../../interpret/lexicon/lexicon-entry.ts';
import { BIOMES, CHARACTER_ARCHETYPES, STRUCTURE_TYPES, type Biome, type StructureType } from '../../spec/world-spec-schema.ts';
import type { CharacterArchetype } from '../../characters/character-identity.ts';
import type { Mood } from '../timeline.ts';
import type { Place, StoryboardReading, StoryboardWord } from './storyboard-words.ts';

/** Phrases that mean something else in a storyboard ("pass" the tower, "keep" walking, a "range" of shots). */
const EXCLUDED = new Set(['pass', 'col', 'saddle', 'hollow', 'keep', 'range', 'scene', 'place', 'area', 'environment', 'depression', 'bowl', 'expanse', 'figure', 'local', 'landing', 'crossing', 'home', 'shelter', 'rise', 'slope']);

/** Palette moods (WorldSpec) → music moods (ShotPlan). */
const PALETTE_TO_MOOD: Record<string, Mood> = {
  'mood:serene': 'calm',
  'mood:warm': 'hopeful',
  'mood:gloomy': 'sombre',
  'mood:eerie': 'mysterious',
  'mood:vibrant': 'hopeful',
  'mood:desolate': 'sombre',
  'mood:golden': 'hopeful',
  'mood:mystical': 'mysterious',
  'mood:burnt': 'tense',
};

/** Weather → mood; the weather itself is the world's (`WorldSpec.weather`), not the shot's. */
const WEATHER_TO_MOOD: Record<string, Mood> = {
  'weather:mist': 'mysterious',
  'weather:misty': 'mysterious',
  'weather:fog': 'mysterious',
  'weather:foggy': 'mysterious',
  'weather:haze': 'mysterious',
  'weather:rain': 'sombre',
  'weather:rainy': 'sombre',
  'weather:drizzle': 'sombre',
  'weather:downpour': 'sombre',
  'weather:overcast': 'sombre',
  'weather:storm': 'tense',
  'weather:thunderstorm': 'tense',
  'weather:sandstorm': 'tense',
  'weather:blizzard': 'tense',
  'weather:snow': 'calm',
  'weather:clear': 'hopeful',
};

/** Times of day that colour a shot's mood when no stronger word does. */
const TIME_TO_MOOD: Record<string, Mood> = {
  'time:dawn': 'hopeful',
  'time:sunrise': 'hopeful',
  'time:early-morning': 'hopeful',
};

/** Biomes whose ground sets a mood. */
const BIOME_TO_MOOD: Partial<Record<Biome, Mood>> = { swamp: 'mysterious', volcanic: 'tense' };

const WEATHER_NOTE = 'the weather is the world\'s (WorldSpec.weather); in a shot it sets only the mood';

function phrasesOf(entry: LexiconEntry): string[] {
  return entry.phrases.filter((p) => !EXCLUDED.has(p));
}

function reword(entry: LexiconEntry, concept: string, readings: StoryboardReading[], note?: string): StoryboardWord {
  return { concept, phrases: phrasesOf(entry), readings, ...(note ? { note } : {}) };
}

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

function placeWord(entry: LexiconEntry, place: Place, extra: StoryboardReading[] = []): StoryboardWord {
  return reword(entry, `place:${place.kind === 'structure' ? place.type : place.kind === 'biome' ? place.biome : place.kind}`, [{ role: 'place', place }, ...extra]);
}

function readWorldEntry(entry: LexiconEntry): StoryboardWord | undefined {
  const [domain, name] = entry.concept.split(':');
  if (entry.role === 'character') {
    return isOneOf<CharacterArchetype>(CHARACTER_ARCHETYPES, entry.archetype) ? reword(entry, entry.concept, [{ role: 'character', archetype: entry.archetype }]) : undefined;
  }
  if (entry.role === 'structure') {
    if (entry.general || !isOneOf<StructureType>(STRUCTURE_TYPES, entry.structure)) return undefined;
    const ruined = entry.defaults?.condition === 'ruined';
    return placeWord(entry, { kind: 'structure', type: entry.structure }, ruined ? [{ role: 'mood', mood: 'sombre', strength: 2 }] : []);
  }
  if (entry.role === 'structure-modifier' && entry.condition === 'ruined') {
    return reword(entry, 'condition:ruined', [{ role: 'mood', mood: 'sombre', strength: 2 }]);
  }
  if (entry.role !== 'term') return undefined;
  if (domain === 'time') {
    const hour = entry.sets?.find((s) => s.path === '/time/hour')?.value;
    if (typeof hour !== 'number') return undefined;
    const mood = TIME_TO_MOOD[entry.concept];
    return reword(entry, entry.concept, [{ role: 'time', hour }, ...(mood ? [{ role: 'mood', mood, strength: 1 } as const] : [])]);
  }
  if (domain === 'water' && (name === 'river' || name === 'lake' || name === 'lakes' || name === 'sea' || name === 'waterfall')) {
    return placeWord(entry, { kind: name === 'lakes' ? 'lake' : name });
  }
  if (domain === 'landform') {
    if (name === 'valley') return placeWord(entry, { kind: 'valley' });
    if (name === 'open' || name === 'island' || name === 'archipelago' || name === 'plain' || name === 'plateau' || name === 'basin') return placeWord(entry, { kind: 'world' });
    return undefined;
  }
  if (entry.concept === 'world') return placeWord(entry, { kind: 'world' });
  if (domain === 'biome' && entry.kind !== 'adjective' && isOneOf<Biome>(BIOMES, name)) {
    const mood = BIOME_TO_MOOD[name];
    const moodReading: StoryboardReading[] = mood ? [{ role: 'mood', mood, strength: 2 }] : [];
    if (name === 'mountains') return placeWord(entry, { kind: 'summit' });
    if (name === 'coast') return placeWord(entry, { kind: 'coast' });
    if (name === 'volcanic') return placeWord(entry, { kind: 'crater' }, moodReading);
    if (name === 'canyon') return placeWord(entry, { kind: 'valley' });
    return placeWord(entry, { kind: 'biome', biome: name }, moodReading);
  }
  if (domain === 'biome' && entry.kind === 'adjective' && isOneOf<Biome>(BIOMES, name) && BIOME_TO_MOOD[name]) {
    return reword(entry, entry.concept, [{ role: 'mood', mood: BIOME_TO_MOOD[name]!, strength: 2 }]);
  }
  if (domain === 'weather' && WEATHER_TO_MOOD[entry.concept]) {
    return reword(entry, entry.concept, [{ role: 'mood', mood: WEATHER_TO_MOOD[entry.concept], strength: 2 }], WEATHER_NOTE);
  }
  if (domain === 'mood' && PALETTE_TO_MOOD[entry.concept]) {
    return reword(entry, entry.concept, [{ role: 'mood', mood: PALETTE_TO_MOOD[entry.concept], strength: 3 }]);
  }
  return undefined;
}

const SOURCES: readonly LexiconEntry[] = [
  ...CHARACTER_WORDS,
  ...STRUCTURE_WORDS,
  ...TIME_WORDS,
  ...WATER_WORDS,
  ...LANDFORM_WORDS,
  ...BIOME_WORDS,
  ...WEATHER_WORDS,
  ...WORLD_MOOD_WORDS,
];

/** The world interpreter's words, as storyboard words. */
export const WORLD_WORDS: readonly StoryboardWord[] = SOURCES.flatMap((entry) => {
  const [domain] = entry.concept.split(':');
  if (entry.role === 'term' && (domain === 'moon' || domain === 'night')) return splitNightWords(entry);
  const word = readWorldEntry(entry);
  return word && word.phrases.length > 0 ? [word] : [];
});

/** Moon entries hold both things to film ("the moon") and times ("moonlight"): one word each. */
function splitNightWords(entry: LexiconEntry): StoryboardWord[] {
  const hour = entry.role === 'term' ? entry.sets?.find((s) => s.path === '/time/hour')?.value : undefined;
  if (typeof hour !== 'number') return [];
  const sky = entry.phrases.filter((p) => /(^|\s)(moon|moons|sky)$/.test(p));
  const time = entry.phrases.filter((p) => !sky.includes(p));
  const words: StoryboardWord[] = [];
  if (time.length) words.push({ concept: entry.concept, phrases: time, readings: [{ role: 'time', hour }] });
  if (sky.length) words.push({ concept: 'place:sky', phrases: sky, readings: [{ role: 'place', place: { kind: 'sky' } }, { role: 'time', hour, implied: true }] });
  return words;
}
