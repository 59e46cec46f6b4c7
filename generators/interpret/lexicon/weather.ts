/**
 * Weather words. The kind (/weather/kind) and the fog (/weather/fog) are separate fields, so
 * "rain in thick fog" keeps both: a fog word sets the kind "fog" only as an implication, which any
 * named kind beats. Two named kinds: the later wins. Intensity words scale /weather/intensity
 * ("heavy snowfall") or the fog ("thick fog").
 */
import type { PaletteTarget } from '../../spec/index.ts';
import { implied, set, type LexiconEntry, type Setting, type WordKind } from './lexicon-entry.ts';

const KIND = '/weather/kind';
const INTENSITY = '/weather/intensity';
const FOG = '/weather/fog';
const WIND = '/weather/wind';
const CLOUDS = '/weather/clouds';

function weather(
  concept: string,
  kind: string,
  intensity: number,
  phrases: string[],
  more: { wordKind?: WordKind; extra?: Setting[]; colourTarget?: PaletteTarget } = {},
): LexiconEntry {
  return {
    role: 'term',
    concept: `weather:${concept}`,
    phrases,
    kind: more.wordKind ?? 'noun',
    sets: [set(KIND, kind), set(INTENSITY, intensity), ...(more.extra ?? [])],
    amounts: [INTENSITY],
    ...(more.colourTarget ? { colourTarget: more.colourTarget } : {}),
  };
}

function fog(concept: string, density: number, phrases: string[], wordKind: WordKind = 'noun'): LexiconEntry {
  return {
    role: 'term',
    concept: `weather:${concept}`,
    phrases,
    kind: wordKind,
    // Mist and haze only thin the air; real fog (0.5 and up) is also the weather.
    sets: [set(FOG, density), ...(density >= 0.5 ? [implied(KIND, 'fog')] : [])],
    amounts: [FOG],
  };
}

export const WEATHER_WORDS: readonly LexiconEntry[] = [
  {
    role: 'term',
    concept: 'weather:clear',
    phrases: [
      'clear',
      'clear sky',
      'clear skies',
      'sunny',
      'sunshine',
      'cloudless',
      'blue sky',
      'blue skies',
      'fair weather',
      'bright sun',
      'sunlit',
      'sun drenched',
      'fine weather',
    ],
    kind: 'adjective',
    sets: [set(KIND, 'clear'), set(CLOUDS, 0.05)],
  },
  {
    role: 'term',
    concept: 'weather:cloudy',
    phrases: ['cloudy', 'clouds', 'cloud', 'partly cloudy', 'scattered clouds', 'cloud cover', 'puffy clouds'],
    kind: 'adjective',
    sets: [set(KIND, 'cloudy'), set(CLOUDS, 0.6)],
    amounts: [CLOUDS],
  },
  {
    role: 'term',
    concept: 'weather:overcast',
    phrases: ['overcast', 'grey sky', 'gray sky', 'grey skies', 'gray skies', 'leaden sky', 'heavy clouds', 'dull sky', 'sullen sky'],
    kind: 'adjective',
    sets: [set(KIND, 'overcast'), set(CLOUDS, 0.95)],
  },
  fog('mist', 0.35, ['mist', 'mists', 'morning mist', 'sea mist', 'low cloud']),
  fog('misty', 0.35, ['misty', 'mist covered', 'mist shrouded', 'dewy'], 'adjective'),
  fog('fog', 0.6, ['fog', 'fogbank', 'fog bank', 'pea souper', 'murk', 'shroud']),
  fog('foggy', 0.6, ['foggy', 'fogbound', 'fog shrouded', 'shrouded', 'fog covered', 'murky air'], 'adjective'),
  fog('haze', 0.2, ['haze', 'hazy', 'smog', 'smoky', 'smoke', 'dust haze', 'heat haze'], 'adjective'),
  weather('rain', 'rain', 0.5, ['rain', 'rainfall', 'raining', 'rainstorm', 'wet weather', 'showers', 'shower']),
  weather('rainy', 'rain', 0.5, ['rainy', 'wet', 'drenched', 'soaked', 'dripping'], { wordKind: 'adjective' }),
  weather('drizzle', 'rain', 0.2, ['drizzle', 'drizzly', 'drizzling', 'spitting rain', 'sprinkle', 'light shower']),
  weather('downpour', 'rain', 0.9, ['downpour', 'deluge', 'torrential rain', 'pouring rain', 'monsoon', 'cloudburst'], {
    extra: [set(CLOUDS, 0.95)],
  }),
  weather('snow', 'snow', 0.6, ['snow', 'snowfall', 'snowing', 'snowflakes', 'falling snow', 'snowstorm', 'flurries', 'sleet', 'hail'], {
    colourTarget: 'snow',
  }),
  weather('blizzard', 'snow', 0.95, ['blizzard', 'whiteout', 'white out', 'snow squall'], { extra: [set(WIND, 0.9), set(CLOUDS, 1)] }),
  weather(
    'storm',
    'storm',
    0.7,
    ['storm', 'stormy', 'tempest', 'tempestuous', 'gale', 'squall', 'storm clouds', 'gathering storm', 'hurricane', 'typhoon'],
    { extra: [set(WIND, 0.75), set(CLOUDS, 0.9)] },
  ),
  weather('thunderstorm', 'storm', 0.85, ['thunderstorm', 'thunder', 'lightning', 'thunderstorms', 'electrical storm', 'thundery'], {
    extra: [set(WIND, 0.7), set(CLOUDS, 0.95)],
  }),
  weather('sandstorm', 'sandstorm', 0.75, ['sandstorm', 'sand storm', 'dust storm', 'duststorm', 'haboob', 'blowing sand'], {
    extra: [set(WIND, 0.85)],
  }),
  {
    role: 'term',
    concept: 'weather:windy',
    phrases: ['windy', 'wind', 'gusty', 'gusts', 'windswept', 'wind swept', 'blustery', 'howling wind', 'strong wind'],
    kind: 'adjective',
    sets: [set(WIND, 0.75)],
    amounts: [WIND],
  },
  {
    role: 'term',
    concept: 'weather:breezy',
    phrases: ['breezy', 'breeze', 'light wind', 'gentle breeze'],
    kind: 'adjective',
    sets: [set(WIND, 0.45)],
    amounts: [WIND],
  },
  {
    role: 'term',
    concept: 'weather:still',
    phrases: ['windless', 'no wind', 'becalmed', 'motionless'],
    kind: 'adjective',
    sets: [set(WIND, 0.05)],
  },
  { role: 'term', concept: 'sky', phrases: ['sky', 'skies', 'heavens', 'atmosphere', 'weather'] },
];
