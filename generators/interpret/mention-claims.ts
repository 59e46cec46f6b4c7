/**
 * Turns bound mentions into claims (one word's say about one field), structure and character
 * drafts, and points of interest; records what each mention set, for the explanation.
 */
import type { BoundMention } from './bind-mentions.ts';
import type { StructureEntry } from './lexicon/index.ts';
import type { Mention, Neighbourhood } from './mentions.ts';
import type { CharacterDraft, ClaimFn, MentionEffect, MentionOutcome, StructureDraft } from './mention-outcome.ts';
import { capCount, clockTime, unitClaims } from './quantity-claims.ts';
import { negateTerm, numberFor, settingClaim, termClaims } from './term-claims.ts';

export type { CharacterDraft, MentionOutcome, PointOfInterestDraft, StructureDraft } from './mention-outcome.ts';

export function mentionClaims(bound: readonly BoundMention[], nb: Neighbourhood): MentionOutcome {
  const out: MentionOutcome = {
    claims: [],
    structures: [],
    characters: [],
    pointsOfInterest: [],
    negatedStructures: [],
    negatedCharacters: [],
    conflicts: [],
    effects: new Map(),
  };
  const effect = (m: Mention, e: MentionEffect) => {
    const list = out.effects.get(m.id) ?? [];
    list.push(e);
    out.effects.set(m.id, list);
  };
  const claim: ClaimFn = (m, c, source, shown) => {
    const concept = typeof source === 'string' ? source : source.concept;
    out.claims.push({ concept, phrase: m.phrase, order: m.from, ...c });
    effect(m, { path: c.path, value: shown ?? c.value, ...(c.op === 'atLeast' ? { atLeast: true } : {}) });
  };
  const modifiers = new Map<number, BoundMention[]>();
  for (const b of bound) {
    if (b.target && !b.ignored) modifiers.set(b.target.id, [...(modifiers.get(b.target.id) ?? []), b]);
  }
  const modifiersOf = (target: Mention) => modifiers.get(target.id) ?? [];

  // Structures first, so their modifiers below have an item to fill.
  const structureOf = new Map<number, StructureDraft>();
  for (const b of bound) {
    const entry = b.entry;
    if (entry?.role !== 'structure') continue;
    if (b.negatedBy) {
      out.negatedStructures.push({ type: entry.structure, mention: b.mention, general: entry.general === true });
      effect(b.negatedBy, { path: '/structures', value: `no ${entry.structure === 'any' ? 'structures' : entry.structure}` });
      continue;
    }
    if (entry.general) {
      b.notes.push('buildings in general add nothing; name one (a tower, a village)');
      continue;
    }
    const draft = structureDraft(b.mention, entry);
    structureOf.set(b.mention.id, draft);
    out.structures.push(draft);
    effect(b.mention, { path: '', value: { type: draft.type }, structure: draft });
    for (const s of entry.sets ?? [])
      claim(b.mention, { path: s.path, value: s.value, op: s.op === 'atLeast' ? 'atLeast' : 'set', priority: 'implied' }, entry);
  }

  for (const b of bound) {
    const { mention: m, entry } = b;
    if (m.clockHour !== undefined) {
      clockTime(m, m.clockHour, b, claim);
      continue;
    }
    if (!entry) continue;
    // A colour with no surface still acts (it tints); its own note says so.
    if (b.ignored && entry.role !== 'colour') b.notes.push(`ignored: ${b.ignored}`);
    switch (entry.role) {
      case 'term':
        // An adjective inside a negation ("no snowy peaks") goes with the noun it describes.
        if (b.insideNegation) break;
        if (b.negatedBy) negateTerm(b, entry, claim);
        else termClaims(b, entry, nb, modifiersOf, claim, out);
        break;
      case 'character':
        if (b.negatedBy) {
          out.negatedCharacters.push({ archetype: entry.archetype, mention: m, general: entry.archetype === 'any' });
          effect(b.negatedBy, { path: '/characters', value: `no ${entry.archetype === 'any' ? 'people' : entry.archetype}` });
        } else if (entry.archetype === 'any') {
          b.notes.push('people in general add nobody; name one (a knight, a monk)');
        } else {
          const count = numberFor(modifiersOf(m))?.value ?? (m.plural ? 2 : 1);
          const draft: CharacterDraft = { mention: m, archetype: entry.archetype, count };
          out.characters.push(draft);
          effect(m, { path: '', value: { archetype: entry.archetype, count }, character: draft });
        }
        break;
      case 'structure-modifier': {
        const draft = b.target ? structureOf.get(b.target.id) : undefined;
        if (!draft) break;
        if (entry.condition) draft.condition = entry.condition;
        if (entry.material) draft.material = entry.material;
        if (entry.count) draft.count = entry.count;
        const field = entry.condition ? 'condition' : entry.material ? 'material' : 'count';
        effect(m, { path: `/${field}`, value: entry.condition ?? entry.material ?? entry.count, structure: draft });
        break;
      }
      case 'placement': {
        if (b.insideNegation) break;
        const draft = b.target ? structureOf.get(b.target.id) : undefined;
        if (draft) {
          draft.placement = entry.placement;
          effect(m, { path: '/placement', value: entry.placement, structure: draft });
        }
        for (const s of entry.sets ?? []) claim(m, settingClaim(s, 'implied'), entry);
        break;
      }
      case 'number': {
        const draft = b.target ? structureOf.get(b.target.id) : undefined;
        if (draft) {
          draft.count = capCount(entry.value, 64, m, out.conflicts);
          effect(m, { path: '/count', value: draft.count, structure: draft });
        }
        const unit = b.target ? bound[b.target.id].entry : undefined;
        if (unit?.role === 'unit') unitClaims(m, entry.value, unit, b, claim);
        break;
      }
      case 'colour':
        if (b.ignored && !b.insideNegation) {
          b.notes.push('no surface (sand, rock, grass, foliage, water, soil, snow) after it, so it tints the whole palette');
          for (const s of entry.tint) claim(m, settingClaim(s, 'adjective'), entry);
        }
        break;
      case 'intensity':
        if (!b.insideNegation) {
          for (const s of entry.alsoSets ?? []) claim(m, settingClaim(s, entry.alsoKind === 'noun' ? 'noun' : 'adjective'), entry);
        }
        break;
      case 'size':
        if (!b.ignored) {
          if (!b.target) b.notes.push('read as the size of the world');
          claim(m, { path: '/size/width', value: entry.metres, op: 'set', priority: 'adjective' }, entry);
          claim(m, { path: '/size/depth', value: entry.metres, op: 'set', priority: 'adjective' }, entry);
        }
        break;
      case 'meander':
        if (b.target) claim(m, { path: '/water/meander', value: entry.meander, op: 'set', priority: 'adjective' }, entry);
        break;
      default:
        break;
    }
    if (entry.note && !b.negatedBy) b.notes.push(entry.note);
  }
  return out;
}

function structureDraft(m: Mention, entry: StructureEntry): StructureDraft {
  // "huts" means a few of them; "ruins" and "standing stones" are one site.
  const plural = m.plural && entry.structure !== 'ruins' && entry.structure !== 'standing-stones' && entry.structure !== 'wall';
  return {
    mention: m,
    type: entry.structure,
    count: plural ? 3 : 1,
    condition: entry.defaults?.condition,
    placement: entry.defaults?.placement,
  };
}
