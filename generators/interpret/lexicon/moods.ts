/**
 * Mood words: /palette/mood, with the saturation, brightness and warmth each mood pushes. They
 * are adjectives: a stated colour or a noun that sets the same field beats them.
 */
import { set, type LexiconEntry, type Setting } from './lexicon-entry.ts';

function mood(name: string, phrases: string[], extra: Setting[] = []): LexiconEntry {
  return { role: 'term', concept: `mood:${name}`, kind: 'adjective', phrases, sets: [set('/palette/mood', name), ...extra] };
}

const SATURATION = '/palette/saturation';
const BRIGHTNESS = '/palette/brightness';
const WARMTH = '/palette/warmth';

export const MOOD_WORDS: readonly LexiconEntry[] = [
  mood(
    'serene',
    ['serene', 'calm', 'peaceful', 'tranquil', 'quiet', 'idyllic', 'placid', 'restful', 'sleepy', 'soothing', 'hushed', 'harmonious'],
    [set('/weather/wind', 0.1)],
  ),
  mood(
    'warm',
    ['warm', 'cosy', 'cozy', 'inviting', 'balmy', 'sun warmed', 'homely', 'welcoming', 'hot', 'sweltering', 'toasty'],
    [set(WARMTH, 0.45)],
  ),
  mood('cold', ['cold', 'frigid', 'chilly', 'freezing', 'bitter cold', 'chill'], [set(WARMTH, -0.45)]),
  mood(
    'gloomy',
    [
      'gloomy',
      'dark',
      'bleak',
      'grim',
      'dreary',
      'somber',
      'sombre',
      'melancholy',
      'melancholic',
      'brooding',
      'dismal',
      'murky',
      'foreboding',
      'sad',
      'moody',
    ],
    [set(BRIGHTNESS, 0.8), set(SATURATION, 0.75)],
  ),
  mood(
    'eerie',
    [
      'eerie',
      'spooky',
      'haunted',
      'mysterious',
      'creepy',
      'ominous',
      'sinister',
      'uncanny',
      'ghostly',
      'cursed',
      'unsettling',
      'menacing',
      'macabre',
      'otherworldly',
      'alien',
    ],
    [set(SATURATION, 0.8), set(BRIGHTNESS, 0.85)],
  ),
  mood(
    'vibrant',
    ['vibrant', 'colourful', 'colorful', 'vivid', 'bright', 'lively', 'cheerful', 'radiant', 'saturated', 'rich'],
    [set(SATURATION, 1.3)],
  ),
  mood(
    'desolate',
    [
      'desolate',
      'lonely',
      'empty',
      'forlorn',
      'abandoned',
      'deserted',
      'forsaken',
      'godforsaken',
      'remote',
      'isolated',
      'harsh',
      'unforgiving',
      'wasted',
      'post apocalyptic',
    ],
    [set(SATURATION, 0.75)],
  ),
  mood('golden', ['golden', 'gilded', 'honeyed'], [set(WARMTH, 0.5)]),
  mood(
    'mystical',
    [
      'mystical',
      'magical',
      'enchanted',
      'mystic',
      'fairy',
      'faerie',
      'fae',
      'fairytale',
      'fairy tale',
      'dreamlike',
      'dreamy',
      'ethereal',
      'arcane',
      'sacred',
      'holy',
      'spiritual',
      'bioluminescent',
      'glowing',
      'whimsical',
      'fantasy',
      'elven',
    ],
    [set(SATURATION, 1.15)],
  ),
  mood('burnt', ['ashen waste', 'burnt out', 'hellish', 'infernal', 'apocalyptic'], [set(SATURATION, 0.7), set(WARMTH, 0.15)]),
  mood('neutral', ['natural', 'realistic', 'neutral', 'plain looking', 'ordinary'], []),
];
