/**
 * Water words. A bare noun is a floor ("a river": at least one); a number sets the count
 * ("three lakes"). "Water" alone is general: "no water" clears every kind, but a specific word
 * elsewhere ("no water … a river") keeps its own field. The sea's share comes from the landform
 * (island 0.5, archipelago 0.65, coast 0.35) in implied-settings.ts.
 */
import { atLeast, implied, set, type LexiconEntry } from './lexicon-entry.ts';

export const WATER_WORDS: readonly LexiconEntry[] = [
  {
    role: 'term',
    concept: 'water:river',
    phrases: ['river', 'stream', 'creek', 'brook', 'rivulet', 'riverbed', 'river bed', 'beck', 'tributary', 'watercourse'],
    sets: [atLeast('/water/rivers', 1)],
    countPath: '/water/rivers',
    colourTarget: 'water',
  },
  {
    role: 'term',
    concept: 'water:river',
    phrases: ['rivers', 'streams', 'creeks', 'brooks', 'rivulets', 'river delta', 'delta'],
    sets: [atLeast('/water/rivers', 2)],
    countPath: '/water/rivers',
    colourTarget: 'water',
  },
  {
    role: 'term',
    concept: 'water:lake',
    phrases: ['lake', 'pond', 'pool', 'tarn', 'loch', 'mere', 'reservoir', 'crater lake', 'waterhole', 'watering hole'],
    sets: [atLeast('/water/lakes', 1)],
    countPath: '/water/lakes',
    colourTarget: 'water',
  },
  {
    role: 'term',
    concept: 'water:lakes',
    phrases: ['lakes', 'ponds', 'pools', 'tarns', 'lochs', 'puddles', 'meres'],
    sets: [atLeast('/water/lakes', 4)],
    countPath: '/water/lakes',
    colourTarget: 'water',
  },
  {
    role: 'term',
    concept: 'water:sea',
    phrases: ['sea', 'ocean', 'seas', 'oceans', 'open sea', 'open water', 'surf', 'waves', 'tide'],
    // The sea meets the land along a coast, unless a word names another shape (an island).
    sets: [atLeast('/water/sea', 0.35), implied('/terrain/landform', 'coast')],
    amounts: ['/water/sea'],
    colourTarget: 'water',
  },
  {
    role: 'term',
    concept: 'water:waterfall',
    phrases: ['waterfall', 'falls', 'cascade', 'cataract'],
    // A waterfall falls along a river: that is part of what the word means, not a guess.
    sets: [atLeast('/water/waterfalls', 1), atLeast('/water/rivers', 1)],
    countPath: '/water/waterfalls',
    whenNegated: [set('/water/waterfalls', 0)],
    colourTarget: 'water',
  },
  {
    role: 'term',
    concept: 'water:waterfall',
    phrases: ['waterfalls', 'cascades', 'cataracts'],
    sets: [atLeast('/water/waterfalls', 2), atLeast('/water/rivers', 1)],
    countPath: '/water/waterfalls',
    whenNegated: [set('/water/waterfalls', 0)],
    colourTarget: 'water',
  },
  {
    role: 'term',
    concept: 'water:frozen',
    phrases: ['frozen', 'iced over', 'ice covered', 'icebound', 'frozen over'],
    kind: 'adjective',
    sets: [set('/water/frozen', true)],
  },
  {
    role: 'term',
    concept: 'water:ice',
    phrases: ['ice', 'frost', 'pack ice', 'ice floes', 'icicles'],
    sets: [set('/water/frozen', true)],
    colourTarget: 'snow',
  },
  {
    role: 'term',
    concept: 'water:icy',
    phrases: ['icy', 'frosty', 'frosted', 'glacial blue'],
    kind: 'adjective',
    sets: [set('/water/frozen', true), set('/palette/mood', 'cold'), set('/palette/warmth', -0.4)],
  },
  {
    role: 'term',
    concept: 'water:dry',
    phrases: [
      'dry',
      'dried up',
      'waterless',
      'dried',
      'bone dry',
      'dry riverbed',
      'dry river',
      'dry creek',
      'dry stream',
      'dry wash',
      'wadi',
      'dry lake',
      'dry lakebed',
    ],
    kind: 'adjective',
    sets: [set('/water/rivers', 0), set('/water/waterfalls', 0), set('/water/lakes', 0)],
  },
  {
    role: 'term',
    concept: 'water:any',
    phrases: ['water', 'waters', 'water bodies', 'body of water', 'bodies of water'],
    general: true,
    colourTarget: 'water',
    // Positive "water" names no particular body; only "no water" acts on all of them.
    whenNegated: [set('/water/sea', 0), set('/water/rivers', 0), set('/water/lakes', 0), set('/water/waterfalls', 0)],
    note: '"water" alone names no body of water; say river, lake or sea',
  },
  {
    role: 'term',
    concept: 'water:depth',
    phrases: ['shallow', 'deep water', 'shallows', 'clear water', 'still water'],
    kind: 'adjective',
    note: 'WorldSpec has no water depth or clarity; noted, nothing set',
  },
  {
    role: 'meander',
    concept: 'meander:winding',
    meander: 0.85,
    phrases: [
      'winding',
      'meandering',
      'twisting',
      'serpentine',
      'snaking',
      'sinuous',
      'curving',
      'looping',
      'wandering',
      'zigzagging',
      'oxbow',
    ],
  },
  {
    role: 'meander',
    concept: 'meander:gentle',
    meander: 0.6,
    phrases: ['curving gently', 'gently winding', 'lazy', 'slow', 'slow moving', 'lazily winding'],
  },
  {
    role: 'meander',
    concept: 'meander:straight',
    meander: 0.12,
    phrases: ['straight', 'channelled', 'channeled', 'canal like', 'fast flowing'],
  },
];
