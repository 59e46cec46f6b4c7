/**
 * The "standard world" the benchmark measures and the README shows: a 1 km² forest at 1 m
 * (1025² heights) with a river, a lake, a bridge, a ruined tower and a village.
 */
export const STANDARD_PROMPT = 'a large temperate forest on rolling hills with a river, a lake, a stone bridge, a ruined tower and a small village';
export const STANDARD_SEED = 2026;
