/**
 * People for cutscenes. Each mention adds characters with ids from the archetype: "knight",
 * "knight-2", … ("two monks" adds monk and monk-2).
 */
import type { LexiconEntry } from './lexicon-entry.ts';

function character(archetype: string, phrases: string[]): LexiconEntry {
  return { role: 'character', concept: `character:${archetype}`, archetype, phrases };
}

export const CHARACTER_WORDS: readonly LexiconEntry[] = [
  character('knight', ['knight', 'paladin', 'squire', 'crusader', 'templar']),
  character('wanderer', [
    'wanderer',
    'traveller',
    'traveler',
    'pilgrim',
    'nomad',
    'drifter',
    'vagabond',
    'stranger',
    'hiker',
    'lone figure',
    'figure',
  ]),
  character('explorer', ['explorer', 'adventurer', 'scout', 'cartographer', 'archaeologist', 'treasure hunter']),
  character('keeper', ['keeper', 'caretaker', 'guardian', 'warden', 'hermit', 'gatekeeper', 'watchman', 'shepherd']),
  character('villager', [
    'villager',
    'peasant',
    'farmer',
    'fisherman',
    'fishermen',
    'townsfolk',
    'local',
    'innkeeper',
    'woodcutter',
    'blacksmith',
    'miller',
  ]),
  character('monk', ['monk', 'priest', 'nun', 'priestess', 'druid', 'shaman', 'acolyte']),
  character('hunter', ['hunter', 'ranger', 'trapper', 'archer', 'tracker']),
  character('merchant', ['merchant', 'trader', 'peddler', 'pedlar', 'caravan', 'vendor', 'shopkeeper']),
  character('soldier', ['soldier', 'guard', 'warrior', 'sentry', 'mercenary', 'samurai', 'legionnaire', 'viking', 'patrol']),
  character('child', ['child', 'children', 'kid', 'boy', 'girl', 'young girl', 'young boy', 'orphan']),
  character('wizard', [
    'wizard',
    'mage',
    'sorcerer',
    'sorceress',
    'witch',
    'warlock',
    'enchanter',
    'enchantress',
    'magician',
    'necromancer',
  ]),
  character('any', ['people', 'person', 'humans', 'inhabitants', 'anyone', 'someone', 'characters']),
];
