/**
 * How the interpreter settles words that disagree, one stated rule each. Every conflict it meets
 * is reported in `explanation.conflicts` with the rule's statement and the particular words, so a
 * designer can see why "snowy desert" came out as a desert under snow.
 */

export const CONFLICT_RULES = {
  climateAdjectiveModifiesBiome: {
    statement:
      'A climate adjective modifies the biome noun it describes: the biome stays, and the climate comes as weather and season ("snowy desert" is a desert under snow).',
  },
  flatPlusMountainsIsBasin: {
    statement: '"Flat" together with mountains makes a basin: a flat centre with the mountains on its rim.',
  },
  specificBeatsGeneralNegation: {
    statement:
      'A specific mention beats a general negation for its own field: "no water … a river" keeps the river and removes the sea and lakes; "no vegetation … palm trees" keeps the trees.',
  },
  noTreesKeepsForestGround: {
    statement: '"No trees" in a forest biome sets trees to 0 and keeps the biome for its ground cover.',
  },
  lastTimeOfDayWins: {
    statement: 'Two times of day: the last one mentioned wins.',
  },
  laterWeatherWins: {
    statement: 'Two kinds of weather: the later one wins.',
  },
  fogCombinesWithWeather: {
    statement: 'Fog and mist are their own field and combine with any kind of weather ("rain in thick fog" keeps both).',
  },
  laterMentionWins: {
    statement: 'Two words of equal strength set the same field differently: the later one wins.',
  },
  statedAmountBeatsBareMention: {
    statement: 'A stated amount ("few trees", "dry") beats the minimum a bare mention of the same strength implies ("forest", "river").',
  },
  waterfallNeedsRiver: {
    statement: 'A waterfall needs a river: where rivers are ruled out, waterfalls go too.',
  },
  negationBeatsMention: {
    statement: 'A negation beats a mention of the same thing elsewhere ("no towers … a tower" has no tower).',
  },
  tooMany: {
    statement:
      'Counts are capped at what WorldSpec allows (structures 64 each, 32 kinds; 16 characters; 8 rivers, 12 lakes, 4 waterfalls).',
  },
} as const;

export type ConflictRuleId = keyof typeof CONFLICT_RULES;

export interface Conflict {
  /** The rule's statement. */
  rule: string;
  /** The words and values it settled. */
  detail: string;
}

export function conflict(id: ConflictRuleId, detail: string): Conflict {
  return { rule: CONFLICT_RULES[id].statement, detail };
}
