/**
 * The vocabulary as data: every phrase well formed, every value one WorldSpec accepts, no phrase
 * with two readings of the same role, and a real size per domain.
 */
import { describe, expect, it } from 'vitest';
import { LEXICON, LEXICON_DOMAINS } from '../../generators/interpret/index.ts';
import type { LexiconEntry, Setting } from '../../generators/interpret/lexicon/index.ts';
import { acceptsValue, describePath } from '../../generators/interpret/spec-paths.ts';
import {
  CHARACTER_ARCHETYPES,
  STRUCTURE_CONDITIONS,
  STRUCTURE_MATERIALS,
  STRUCTURE_PLACEMENTS,
  STRUCTURE_TYPES,
} from '../../generators/spec/index.ts';

function settingsOf(entry: LexiconEntry): Setting[] {
  switch (entry.role) {
    case 'term':
      return [...(entry.sets ?? []), ...(entry.whenNegated ?? [])];
    case 'structure':
    case 'placement':
      return [...(entry.sets ?? [])];
    case 'colour':
      return [...entry.tint];
    case 'intensity':
      return [...(entry.alsoSets ?? [])];
    default:
      return [];
  }
}

describe('lexicon', () => {
  it('has a real vocabulary in every domain', () => {
    const phrases = (entries: readonly LexiconEntry[]) => entries.reduce((n, e) => n + e.phrases.length, 0);
    for (const [domain, entries] of Object.entries(LEXICON_DOMAINS)) expect(phrases(entries), domain).toBeGreaterThanOrEqual(20);
    expect(phrases(LEXICON)).toBeGreaterThan(1500);
  });

  it('phrases are lower case, 1–3 words', () => {
    for (const entry of LEXICON) {
      for (const phrase of entry.phrases) expect(phrase, entry.concept).toMatch(/^[a-z']+( [a-z']+){0,2}$/);
    }
  });

  it('no phrase has two readings of the same role', () => {
    const seen = new Map<string, string>();
    for (const entry of LEXICON) {
      for (const phrase of entry.phrases) {
        const key = `${entry.role} ${phrase}`;
        expect(seen.get(key), `"${phrase}" in ${entry.concept}`).toBeUndefined();
        seen.set(key, entry.concept);
      }
    }
  });

  it('every setting names a WorldSpec field and a value it accepts', () => {
    for (const entry of LEXICON) {
      for (const s of settingsOf(entry))
        expect(acceptsValue(s.path, s.value), `${entry.concept}: ${s.path} = ${String(s.value)}`).toBe(true);
      if (entry.role === 'term') {
        for (const path of entry.amounts ?? [])
          expect(describePath(path)?.kind, `${entry.concept} amount ${path}`).toMatch(/number|integer/);
        if (entry.countPath) expect(describePath(entry.countPath)?.kind).toBe('integer');
        if (entry.biome) expect(acceptsValue(`/biomes/${entry.biome}`, 1), entry.concept).toBe(true);
      }
    }
  });

  it('structure, character and colour words hold values WorldSpec knows', () => {
    for (const entry of LEXICON) {
      if (entry.role === 'structure' && !entry.general) expect(STRUCTURE_TYPES).toContain(entry.structure);
      if (entry.role === 'structure-modifier') {
        if (entry.condition) expect(STRUCTURE_CONDITIONS).toContain(entry.condition);
        if (entry.material) expect(STRUCTURE_MATERIALS).toContain(entry.material);
      }
      if (entry.role === 'placement') expect(STRUCTURE_PLACEMENTS).toContain(entry.placement);
      if (entry.role === 'character' && entry.archetype !== 'any') expect(CHARACTER_ARCHETYPES).toContain(entry.archetype);
      if (entry.role === 'colour') expect(entry.hex).toMatch(/^#[0-9a-f]{6}$/);
    }
  });
});
