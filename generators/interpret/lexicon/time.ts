/**
 * Time words: hour of day (local solar time, 0–24), season, and moon. "At 6am" and "at 18:30"
 * are read by the binder from a number and a clock unit (sizes.ts); two times of day: the last
 * one wins. Night-only words (moon, stars) imply night without stating it.
 */
import { implied, set, type LexiconEntry } from './lexicon-entry.ts';

function hour(concept: string, value: number, phrases: string[]): LexiconEntry {
  return { role: 'term', concept: `time:${concept}`, phrases, sets: [set('/time/hour', value)] };
}

function season(name: string, phrases: string[]): LexiconEntry {
  return { role: 'term', concept: `season:${name}`, phrases, sets: [set('/time/season', name)] };
}

export const TIME_WORDS: readonly LexiconEntry[] = [
  hour('dawn', 6, ['dawn', 'daybreak', 'first light', 'break of day', 'crack of dawn', 'predawn', 'pre dawn', 'dawning']),
  hour('sunrise', 6.5, ['sunrise', 'sun rise', 'sunup', 'rising sun']),
  hour('early-morning', 7.5, ['early morning', 'early hours']),
  hour('morning', 9, ['morning', 'mornings', 'forenoon', 'morning light', 'morning sun']),
  hour('late-morning', 10.5, ['late morning', 'mid morning', 'midmorning']),
  hour('noon', 12, ['noon', 'midday', 'mid day', 'high noon', 'noonday', 'noontime', 'noon sun', 'midday sun']),
  hour('day', 13, ['daytime', 'day time', 'broad daylight', 'daylight', 'during the day']),
  hour('afternoon', 15, ['afternoon', 'mid afternoon', 'midafternoon', 'afternoon sun']),
  hour('late-afternoon', 16.5, ['late afternoon']),
  hour('golden-hour', 17.5, ['golden hour', 'magic hour', 'late light', 'low sun']),
  hour('sunset', 18.5, ['sunset', 'sundown', 'sun set', 'setting sun', 'sunsets']),
  hour('dusk', 19.2, ['dusk', 'nightfall', 'gloaming', 'eventide']),
  hour('twilight', 19.5, ['twilight', 'blue hour', 'half light', 'crepuscular']),
  hour('evening', 20.5, ['evening', 'late evening']),
  hour('night', 23, [
    'night',
    'nighttime',
    'night time',
    'at night',
    'by night',
    'dead of night',
    'nocturnal',
    'late at night',
    'overnight',
  ]),
  hour('midnight', 0, ['midnight', 'witching hour']),

  season('spring', ['spring', 'springtime', 'spring time', 'vernal', 'early spring', 'late spring']),
  season('summer', ['summer', 'summertime', 'summer time', 'midsummer', 'summery', 'high summer', 'late summer']),
  season('autumn', [
    'autumn',
    'fall',
    'autumnal',
    'autumntime',
    'harvest time',
    'late autumn',
    'early autumn',
    'fall colors',
    'fall colours',
    'autumn colours',
    'autumn colors',
  ]),
  season('winter', ['winter', 'wintertime', 'winter time', 'midwinter', 'deep winter', 'dead of winter', 'hibernal']),

  {
    role: 'term',
    concept: 'moon:full',
    phrases: ['full moon', 'bright moon', 'moonlit', 'moonlight', 'moonlit night', 'harvest moon', 'blood moon'],
    sets: [set('/time/moon', 1), implied('/time/hour', 23)],
  },
  {
    role: 'term',
    concept: 'moon:half',
    phrases: ['half moon', 'quarter moon', 'gibbous moon'],
    sets: [set('/time/moon', 0.5), implied('/time/hour', 23)],
  },
  {
    role: 'term',
    concept: 'moon:crescent',
    phrases: ['crescent moon', 'sliver of moon', 'thin moon'],
    sets: [set('/time/moon', 0.2), implied('/time/hour', 23)],
  },
  {
    role: 'term',
    concept: 'moon:new',
    phrases: ['new moon', 'moonless', 'no moon', 'pitch black', 'pitch dark', 'starless'],
    sets: [set('/time/moon', 0), implied('/time/hour', 23)],
  },
  { role: 'term', concept: 'moon:any', phrases: ['moon', 'moons'], sets: [implied('/time/hour', 23)] },
  {
    role: 'term',
    concept: 'night:stars',
    phrases: [
      'stars',
      'starry',
      'starlit',
      'starlight',
      'under the stars',
      'star filled',
      'milky way',
      'aurora',
      'northern lights',
      'night sky',
    ],
    sets: [implied('/time/hour', 23)],
  },
];
