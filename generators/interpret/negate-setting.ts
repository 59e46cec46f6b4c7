/**
 * What "no X" / "not X" claims, when the word does not say (`whenNegated`). A noun names a thing,
 * so its negation is none of it: "no cliffs" → cliffs 0, "no lakes" → lakes 0, "no palms" → the
 * palm kind removed. An adjective names a degree, so its negation rules that degree out and
 * leaves the field to other words or its default: "not flat" is not relief 0 but "anything but
 * 0.08". Implied settings are never negated: "no hills" says nothing about what hills imply.
 */
import type { Setting, TermEntry } from './lexicon/index.ts';
import { describePath } from './spec-paths.ts';

export function negationOf(entry: TermEntry): Setting[] {
  if (entry.whenNegated) return [...entry.whenNegated];
  const isNoun = (entry.kind ?? 'noun') === 'noun';
  const settings: Setting[] = [];
  for (const s of entry.sets ?? []) {
    if (s.implied) continue;
    const info = describePath(s.path);
    if (!info) continue;
    if (info.kind === 'member' || info.kind === 'boolean') settings.push({ path: s.path, value: false });
    else if (isNoun && isAmount(s.path)) settings.push({ path: s.path, value: 0 });
    else settings.push({ path: s.path, value: s.value, op: 'exclude' });
  }
  return settings;
}

/** Fields that measure how much of something there is, where "none" is 0. */
function isAmount(path: string): boolean {
  return AMOUNT_PATHS.test(path);
}

const AMOUNT_PATHS =
  /^\/(vegetation\/(trees|shrubs|grass|flowers|dead)|water\/(sea|rivers|lakes|waterfalls)|rocks\/density|weather\/(fog|wind|clouds|intensity)|terrain\/(relief|roughness|ridges|plateaus|cliffs|warp|erosion|thermalErosion))$/;
